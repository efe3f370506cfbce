"""Search benchmark: the help center's search against stock mkdocs-material's and Pagefind's, in headless Chromium,
in one run.

Speed: the same content built three ways, each served by nginx with its files precompressed:
  ours      the project's mkdocs.yml: build-time index, our worker behind material's search box
  material  the same mkdocs.yml without our hooks and overrides: material's search plugin and worker
  pagefind  the same without material's search plugin, indexed by Pagefind's extended binary in Indonesian and
            searched through Pagefind's Default UI at the top of the article (as shipped, and once more without
            its 300 ms wait after the last keystroke)
on two corpora: a generated help center of N articles, and the sample shop in content/ (24 pages, a small shop).
In each round every search opens an article in a fresh browser context (empty cache) and, once it has loaded,
focuses the search box and types the query in one go, in a rotating order. One clock, the page's: milliseconds from
navigation and from opening the search to the first result on screen. Bytes: what the browser received (gzip where
nginx serves it so) for every request made after the box was focused and before the first result, plus the
search's own files fetched earlier (anything under search/ or pagefind/, and the search scripts).

Quality (the sample shop in content/ and the query set in tests/search_queries.yml): recall@1 and recall@3 per
kind of query, ours (the Python pipeline, which the browser tests hold equal to the browser's) against stock
material's search typed into its own search box.

    python bench/search.py [--articles 1000] [--runs 7] [--only speed]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from build import OUTPUT, configs, generate
from results import RESULTS, ROOT, WORK, machine, write_section

from helpcenter.build.precompress import precompress
from helpcenter.search.engine import SearchEngine, answers_shown, group
from helpcenter.search.evaluation import evaluate, load_cases
from helpcenter.testing.chromium import CHROMIUM, CHROMIUM_ARGS
from helpcenter.testing.servers import nginx_server

QUERY = "pengiriman paket"
QUERIES = ROOT / "tests" / "search_queries.yml"
SEARCH_BOX = "[data-md-component=search-query]"
# The small shop's article: an FAQ page, as most generated articles are, and not the shipping page the query is about.
SAMPLE_ARTICLE = "faq/pembayaran/"
# Issue 17's measurement of Pagefind on its own 1,000 articles: first results after navigation, bytes before them.
ISSUE_PAGEFIND = "0.83 s (about 0.36 s of it the page's own load) and 224 kB"

# ---------------------------------------------------------------------------------------------------------------
# The searches as a customer meets them

@dataclass(frozen=True)
class Contestant:
    """One search on its site: where it is typed, and what on the page is a result shown."""

    site: str
    box: str
    results: str
    result: str
    # Appended to the article's address (Pagefind's page reads its UI options from it).
    query_string: str = ""


MATERIAL_UI = {"box": SEARCH_BOX, "results": ".md-search-result__list", "result": ".md-search-result__item"}
# A Pagefind result counts once its title link is drawn, not the grey placeholder drawn while its text loads.
PAGEFIND_UI = {"box": ".pagefind-ui__search-input", "results": "#pagefind-search",
               "result": ".pagefind-ui__result-link"}
CONTESTANTS = {
    "ours": Contestant("ours", **MATERIAL_UI),
    "material": Contestant("material", **MATERIAL_UI),
    "pagefind": Contestant("pagefind", **PAGEFIND_UI),
    "pagefind, no debounce": Contestant("pagefind", **PAGEFIND_UI, query_string="?debounce=0"),
}

# Focus the search box and type the whole query at once; note when the first result appears, on the page's clock.
OPEN_AND_TYPE = """({ query, box, results, result }) => new Promise((done) => {
    const list = document.querySelector(results);
    const opened = performance.now();
    new MutationObserver((_, observer) => {
        if (list.querySelector(result)) {
            observer.disconnect();
            const shown = performance.now();
            done({ fromOpening: shown - opened, fromNavigation: shown,
                   load: performance.getEntriesByType("navigation")[0].loadEventEnd,
                   openedAt: performance.timeOrigin + opened, shownAt: performance.timeOrigin + shown });
        }
    }).observe(list, { childList: true, subtree: true });
    const input = document.querySelector(box);
    input.focus();
    input.value = query;
    // What a keystroke fires: Pagefind's UI searches on input, material's search box on keyup.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }));
})"""

# The best result of each entry, as material shows it: the link with the highest score.
TOP_RESULTS = """(base) => [...document.querySelectorAll(".md-search-result__item")].map((item) => {
    const links = [...item.querySelectorAll("a.md-search-result__link")].map((link) => ({
        href: link.href, score: parseFloat(link.querySelector("article").dataset.mdScore) }));
    const best = links.reduce((a, b) => (b.score > a.score ? b : a));
    const url = new URL(best.href);
    return url.pathname.slice(new URL(base).pathname.length) + url.hash;
})"""

# ---------------------------------------------------------------------------------------------------------------
# Building and serving the three sites

# Pagefind's Default UI as its documentation sets it up; `?debounce=0` turns off its wait after the last keystroke.
PAGEFIND_HEAD = ('<link href="{up}pagefind/pagefind-ui.css" rel="stylesheet">'
                 '<script src="{up}pagefind/pagefind-ui.js"></script>')
PAGEFIND_BOX = ('<div id="pagefind-search"></div><script>addEventListener("DOMContentLoaded", () => {'
                ' const debounce = new URLSearchParams(location.search).get("debounce");'
                ' new PagefindUI({ element: "#pagefind-search",'
                ' ...(debounce === null ? {} : { debounceTimeoutMs: Number(debounce) }) }); });</script>')
ARTICLE = '<article class="md-content__inner md-typeset">'


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site behind Debian's nginx, as `make build` and deploy/nginx.conf serve it: files compressed at
    build time (`helpcenter precompress`), the rest compressed on the fly."""
    precompress(site)
    conf = (f"server {{\n listen 80;\n root {site};\n gzip_static on;\n gzip on;\n"
            " gzip_types text/css application/javascript application/json image/svg+xml;\n}\n")
    with nginx_server(conf) as port:
        yield f"http://127.0.0.1:{port}/"


def build_site(config: Path) -> None:
    # Without the feedback endpoint: only search is measured.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HELPCENTER_FEEDBACK_ENDPOINT": ""}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=WORK, check=True, env=env)


@contextmanager
def material_templates() -> Iterator[None]:
    """The sample's home and contact pages name templates of our theme; without it, material's main.html stands in."""
    stand_ins = [WORK / "no-overrides" / name for name in ("home.html", "contact.html")]
    stand_ins[0].parent.mkdir(parents=True, exist_ok=True)
    for stand_in in stand_ins:
        stand_in.write_text('{% extends "main.html" %}\n')
    try:
        yield
    finally:
        for stand_in in stand_ins:
            stand_in.unlink()


def build_sites(content: Path) -> tuple[dict[str, Path], list[str]]:
    """The content built three ways (see the module docstring); returns the sites and Pagefind's summary."""
    paths = configs(content)
    # Material's plugin out, so that no second search loads its index on the Pagefind site.
    without_search = WORK / "mkdocs-pagefind.yml"
    without_search.write_text(f"INHERIT: {paths['plain']}\nplugins: []\nsite_dir: {OUTPUT / 'site-pagefind'}\n")
    for config in (paths["project"], paths["plain"], without_search):
        build_site(config)
    sites = {"ours": OUTPUT / "site-project", "material": OUTPUT / "site-plain", "pagefind": OUTPUT / "site-pagefind"}
    return sites, index_with_pagefind(sites["pagefind"])


def index_with_pagefind(site: Path) -> list[str]:
    """Index the site with Pagefind's extended binary (the one with an Indonesian stemmer) over what each page's
    article holds, as material's and our index do, then put its Default UI on every page; returns what Pagefind
    said it indexed."""
    from pagefind_bin_extended import get_executable

    indexed = subprocess.run([str(get_executable()), "--site", str(site), "--root-selector", "article",
                              "--force-language", "id"], check=True, capture_output=True, text=True)
    for page in site.rglob("*.html"):
        up = "../" * (len(page.relative_to(site).parts) - 1)
        html = page.read_text()
        html = html.replace("</head>", PAGEFIND_HEAD.format(up=up) + "</head>", 1)
        page.write_text(html.replace(ARTICLE, ARTICLE + PAGEFIND_BOX, 1))
    return [line.strip() for line in indexed.stdout.splitlines() if line.strip().startswith("Indexed")]


# ---------------------------------------------------------------------------------------------------------------
# Measuring

@dataclass
class Run:
    """One search in a fresh browser context, in milliseconds on the page's clock and bytes received."""

    from_opening: float
    from_navigation: float
    load: float
    transfer: int


def is_search_file(path: str) -> bool:
    """The search's own files, by folder, whatever they are called: its index and data, its scripts and worker."""
    return path.startswith(("search/", "pagefind/")) or "javascripts/search/" in path or "workers/search" in path


def transferred(requests: list, base: str, opened_at: float, shown_at: float) -> int:
    """Bytes received before the first result: every request made after the search box was focused, and the
    search's own files requested earlier (a worker, an index fetched at page load)."""
    from playwright.sync_api import Error

    total = 0
    for request in requests:
        try:
            # Waits for the response: a request still under way when the result appeared counts in full.
            received = request.sizes()["responseBodySize"]
        except Error:
            continue
        if not received and request.response():
            # Chromium reports no body size for a worker's own script; its Content-Length is what came.
            received = int(request.response().headers.get("content-length", 0))
        started = request.timing["startTime"]
        path = urlsplit(request.url).path[len(urlsplit(base).path):]
        if started <= shown_at and (started >= opened_at or is_search_file(path)):
            total += received
    return total


def first_results(browser, base: str, contestant: Contestant, article: str) -> Run:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    requests: list = []
    page.on("request", lambda request: requests.append(request))
    page.goto(base + article + contestant.query_string, wait_until="load")
    timing = page.evaluate(OPEN_AND_TYPE, {"query": QUERY, "box": contestant.box, "results": contestant.results,
                                           "result": contestant.result})
    run = Run(timing["fromOpening"], timing["fromNavigation"], timing["load"],
              transferred(requests, base, timing["openedAt"], timing["shownAt"]))
    context.close()
    return run


def race(browser, sites: dict[str, Path], article: str, runs: int) -> dict[str, list[Run]]:
    """Every contestant `runs` times on its site, all sites served at once, in a rotating order."""
    results: dict[str, list[Run]] = {name: [] for name in CONTESTANTS}
    names = list(CONTESTANTS)
    with ExitStack() as stack:
        bases = {name: stack.enter_context(serve(site)) for name, site in sites.items()}
        for round_number in range(runs):
            shift = round_number % len(names)
            for name in names[shift:] + names[:shift]:
                contestant = CONTESTANTS[name]
                results[name].append(first_results(browser, bases[contestant.site], contestant, article))
    return results


# ---------------------------------------------------------------------------------------------------------------
# Reporting

@dataclass
class Medians:
    navigation: float
    opening: float
    load: float
    transfer: float


def medians(runs: list[Run]) -> Medians:
    return Medians(statistics.median(run.from_navigation for run in runs),
                   statistics.median(run.from_opening for run in runs),
                   statistics.median(run.load for run in runs),
                   statistics.median(run.transfer for run in runs))


def speed_table(results: dict[str, list[Run]]) -> str:
    rows = ["| search | first results after navigation (ms) | page loaded (ms) | after opening the search (ms) | "
            "each run, after navigation (ms) | received before first results (kB) |",
            "|---|---:|---:|---:|---|---:|"]
    for name, runs in results.items():
        median = medians(runs)
        each = ", ".join(f"{run.from_navigation:.0f}" for run in runs)
        rows.append(f"| {name} | {median.navigation:.0f} | {median.load:.0f} | {median.opening:.0f} | {each} | "
                    f"{median.transfer / 1000:.0f} |")
    return "\n".join(rows)


def met(condition: bool) -> str:
    return "**met**" if condition else "**not met**"


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def gzip_size(files: list[Path]) -> int:
    return sum(len(gzip.compress(file.read_bytes(), 9)) for file in set(files))


def first_article(site: Path) -> str:
    """The address of a generated article in a built site, relative to the site: the page the races start on."""
    return next(site.glob("*/artikel-*/index.html")).parent.relative_to(site).as_posix() + "/"


def speed(browser, articles: int, runs: int) -> str:
    content = generate(WORK / "content", articles)
    sites, indexed = build_sites(content)
    article = first_article(sites["ours"])
    material_index = sites["material"] / "search" / "search_index.json"
    corpus = (f"Material's `search_index.json` for this corpus: {material_index.stat().st_size / 1e6:.2f} MB "
              f"({gzip_size([material_index]) / 1e6:.2f} MB gzip); the issue measured 4.81 MB (1.02 MB gzip) on its "
              "own 1,000 articles. The generated text draws its words by Zipf's law from about 6,000 words (see "
              "`bench/build.py`), so a query's words occur in some documents, not in all. Pagefind: "
              f"{'; '.join(indexed) or 'no summary printed'}.")
    load_before = os.getloadavg()[0]
    large = race(browser, sites, article, runs)
    with material_templates():
        small_sites, small_indexed = build_sites(ROOT / "content")
    small = race(browser, small_sites, SAMPLE_ARTICLE, runs)
    # On a shared machine other work moves the times: say how busy it was.
    busy = f"load average {load_before:.1f} before the races, {os.getloadavg()[0]:.1f} after"

    ours, material, pagefind = (medians(large[name]) for name in ("ours", "material", "pagefind"))
    undebounced = medians(large["pagefind, no debounce"])
    small_ours, small_material = medians(small["ours"]), medians(small["material"])
    targets = "\n".join([
        f"- Issue 17, first results after navigation sooner than Pagefind's ({articles} articles): "
        f"{met(ours.navigation < pagefind.navigation)}, ours {ours.navigation:.0f} ms, Pagefind "
        f"{pagefind.navigation:.0f} ms (without its debounce {undebounced.navigation:.0f} ms; the issue measured "
        f"{ISSUE_PAGEFIND}).",
        f"- Issue 17, no more bytes before them than Pagefind: {met(ours.transfer <= pagefind.transfer)}, ours "
        f"{ours.transfer / 1000:.0f} kB, Pagefind {pagefind.transfer / 1000:.0f} kB.",
        f"- Issue 17, on the small shop first results after navigation no later than material's: "
        f"{met(small_ours.navigation <= small_material.navigation)}, ours {small_ours.navigation:.0f} ms, "
        f"material {small_material.navigation:.0f} ms.",
        f"- Earlier target, first results at least 4× sooner than material's after opening the search: "
        f"{met(material.opening >= 4 * ours.opening)}, {material.opening / ours.opening:.1f}×.",
        f"- Earlier target, no more bytes than material's search: {met(ours.transfer <= material.transfer)}, "
        f"{ours.transfer / material.transfer:.2f} of material's."])
    tables = (f"### {articles} generated articles\n\n{corpus}\n\n{speed_table(large)}\n\n"
              "### The sample shop (24 pages)\n\n"
              "The shop in `content/` as a small shop starts: its own pages and questions, with the length and "
              "wording CS leads write, rather than 30 generated articles of random words. Without our hooks the "
              "plain builds also hold the agents' pages that our build leaves out: pages built "
              f"{', '.join(f'{name} {pages(site)}' for name, site in small_sites.items())}. Article: "
              f"`{SAMPLE_ARTICLE}`. Pagefind: {'; '.join(small_indexed) or 'no summary printed'}.\n\n"
              f"{speed_table(small)}")
    print(tables, targets, sep="\n\n")
    return (f"## Search speed ({articles} articles and the sample shop, {runs} run{'s' if runs > 1 else ''} each)\n\n"
            f"Run on {date.today().isoformat()}: {machine()}; Chromium {browser.version}; "
            f"Pagefind {version('pagefind')} (extended binary); {busy}.\n"
            f"Reproduce: `make bench-search` (or `.venv/bin/python bench/search.py --only speed --articles {articles} "
            f"--runs {runs}`).\n\n"
            "Contestants, all on the same content and served the same way by nginx (files precompressed as "
            "`make build` does), without throttling:\n\n"
            "- ours: the project's build, our worker behind material's search box.\n"
            "- material: the same configuration without our hooks and overrides, with material's search plugin.\n"
            "- pagefind: the same without material's search plugin, indexed by Pagefind's extended binary "
            "(`--root-selector article --force-language id`: each page's article, in Indonesian), searched with "
            "its Default UI (`pagefind-ui.js` and `.css`, default options) at the top of the article.\n"
            "- pagefind, no debounce: the same page with `debounceTimeoutMs: 0`: the Default UI waits 300 ms after "
            "the last keystroke before it searches (it loads the index meanwhile), and this row shows what that "
            "wait costs here.\n\n"
            "Each round opens the article in a fresh browser context (no cache) and, once it has loaded, focuses the "
            f"search box and types \"{QUERY}\" in one go (an `input` and a `keyup` event), the contestants in a "
            "rotating order. One clock, the page's: from navigation (and from focusing the box) to the first result "
            "on screen (material's list item; Pagefind's result title). Received: the bytes the browser received "
            "(gzip where nginx serves it so) for every request made after the box was focused and before the first "
            "result, plus the search's own files requested earlier (anything under `search/` or `pagefind/`, the "
            "search scripts and worker); the rest of the page (its HTML, the theme's CSS and scripts) is not counted, "
            "and its load is in the \"page loaded\" column.\n\n"
            f"{tables}\n\nTargets:\n\n{targets}\n")


# ---------------------------------------------------------------------------------------------------------------
# Quality

def material_rankings(browser, base: str, queries: list[str]) -> dict[str, list[str]]:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(base)
    page.locator(SEARCH_BOX).click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.length > 0")
    rankings = {}
    for query in queries:
        page.evaluate("""(query) => {
            const box = document.querySelector("[data-md-component=search-query]");
            box.value = query;
            box.dispatchEvent(new KeyboardEvent("keyup", { key: "x" }));
        }""", query)
        # Material answers each keyup through its worker; wait until the list stops changing.
        previous, stable = None, 0
        while stable < 3:
            page.wait_for_timeout(60)
            current = page.evaluate(TOP_RESULTS, base)
            stable = stable + 1 if current == previous else 0
            previous = current
        rankings[query] = previous
    page.close()
    return rankings


def quality(browser) -> str:
    paths = configs(ROOT / "content")
    sites = {"ours": OUTPUT / "site-project", "material": OUTPUT / "site-plain"}
    build_site(paths["project"])
    with material_templates():
        build_site(paths["plain"])
    cases = load_cases(QUERIES)
    engine = SearchEngine.from_site(sites["ours"])
    ours, ours_missed = evaluate(cases, lambda q: answers_shown(group(engine.search(q), engine)))
    with serve(sites["material"]) as base:
        shown = material_rankings(browser, base, [case.query for case in cases])
    material, _ = evaluate(cases, lambda q: shown[q])
    kinds = [kind for kind in dict.fromkeys(case.kind for case in cases)] + ["all"]
    rows = ["| kind | queries | ours recall@1 | ours recall@3 | material recall@1 | material recall@3 |",
            "|---|---:|---:|---:|---:|---:|"]
    for kind in kinds:
        rows.append(f"| {kind} | {ours[kind].queries} | {ours[kind].at1():.2f} | **{ours[kind].at3():.2f}** | "
                    f"{material[kind].at1():.2f} | {material[kind].at3():.2f} |")
    missed = "\n".join(f"- [{case.kind}] \"{case.query}\" (expected {case.targets[0]})" for case in ours_missed)
    table = "\n".join(rows)
    print(table)
    return (f"## Search quality ({len(cases)} customer queries on the sample shop)\n\n"
            f"Run on {date.today().isoformat()}: {machine()}.\n"
            "Reproduce: `make bench-search`. Queries, kinds and expected answers: `tests/search_queries.yml` "
            "(`tests/test_search_quality.py` holds ours to at least 0.9 overall and for every kind). A result "
            "answers a page when it is the page or one of its questions or sections, and a question only when it "
            "is that question. "
            "Material's results are read from its own search box, typed in Chromium.\n\n"
            f"{table}\n\nOurs missed in its top 3:\n\n{missed or '- none'}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles to generate")
    parser.add_argument("--runs", type=int, default=7, help="measurements per search (median is reported)")
    parser.add_argument("--only", choices=["quality", "speed"], help="run one of the two measurements")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave bench/RESULTS.md alone")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sections = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        if args.only in (None, "quality"):
            sections["## Search quality"] = quality(browser)
        if args.only in (None, "speed"):
            sections["## Search speed"] = speed(browser, args.articles, args.runs)
        browser.close()
    if not args.no_write:
        for heading, section in sections.items():
            write_section(RESULTS, heading, section)


if __name__ == "__main__":
    main()
