"""Search benchmark: the help center's search against stock mkdocs-material's, in headless Chromium, in one run.

Speed (generated help center of N articles, the same content built twice):
  ours      the project's mkdocs.yml: build-time index, our worker behind material's search box
  material  the same mkdocs.yml without our hooks and overrides: material's search plugin and worker
For each, several rounds in alternating order, each in a fresh browser context (empty cache): open an article,
and once it has loaded open the search and type a query, as a customer would. Measured: milliseconds from
navigation and from opening the search to the first result on screen, and the bytes (gzip) of what the search
fetched (index, previews, worker, scripts).

Quality (the sample shop in content/ and the query set in tests/search_queries.yml): recall@1 and recall@3 per
kind of query, ours (the Python pipeline, which the browser tests hold equal to the browser's) against stock
material's search typed into its own search box.

    python bench/search.py [--articles 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
from contextlib import contextmanager
from datetime import date
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

# Open the search and type the whole query at once; note when the first result appears.
OPEN_AND_TYPE = """(query) => new Promise((done) => {
    const list = document.querySelector(".md-search-result__list");
    const opened = performance.now();
    new MutationObserver((_, observer) => {
        if (list.querySelector(".md-search-result__item")) {
            observer.disconnect();
            done({ fromOpening: performance.now() - opened, fromNavigation: performance.now() });
        }
    }).observe(list, { childList: true, subtree: true });
    const box = document.querySelector("[data-md-component=search-query]");
    box.focus();
    box.value = query;
    box.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1) }));
})"""

# The best result of each entry, as material shows it: the link with the highest score.
TOP_RESULTS = """(base) => [...document.querySelectorAll(".md-search-result__item")].map((item) => {
    const links = [...item.querySelectorAll("a.md-search-result__link")].map((link) => ({
        href: link.href, score: parseFloat(link.querySelector("article").dataset.mdScore) }));
    const best = links.reduce((a, b) => (b.score > a.score ? b : a));
    const url = new URL(best.href);
    return url.pathname.slice(new URL(base).pathname.length) + url.hash;
})"""


@contextmanager
def serve(site: Path):
    """The built site behind Debian's nginx, as `make build` and deploy/nginx.conf serve it: files compressed at
    build time (`helpcenter precompress`), the rest compressed on the fly."""
    precompress(site)
    conf = (f"server {{\n listen 80;\n root {site};\n gzip_static on;\n gzip on;\n"
            " gzip_types text/css application/javascript application/json image/svg+xml;\n}\n")
    with nginx_server(conf) as port:
        yield f"http://127.0.0.1:{port}/"


def build_site(config: Path) -> None:
    # Both without the feedback endpoint: only search is measured.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HELPCENTER_FEEDBACK_ENDPOINT": ""}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=WORK, check=True, env=env)


def search_files(urls: list[str], site: Path, base: str) -> list[Path]:
    """The files a search fetched: everything under search/ and the search scripts (ours or material's worker)."""
    files = []
    for url in urls:
        path = urlsplit(url).path[len(urlsplit(base).path):]
        if path.startswith("search/") or "javascripts/search/" in path or "javascripts/workers/search" in path:
            files.append(site / path)
    return files


def gzip_size(files: list[Path]) -> int:
    return sum(len(gzip.compress(file.read_bytes(), 9)) for file in set(files))


def first_results(browser, base: str, site: Path, article: str) -> dict:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + article, wait_until="load")
    timing = page.evaluate(OPEN_AND_TYPE, QUERY)
    timing["bytes"] = gzip_size(search_files(urls, site, base))
    context.close()
    return timing


def speed(browser, articles: int, runs: int) -> str:
    content = generate(WORK / "content", articles)
    paths = configs(content)
    sites = {"ours": OUTPUT / "site-project", "material": OUTPUT / "site-plain"}
    build_site(paths["project"])
    build_site(paths["plain"])
    article = next(sites["ours"].glob("*/artikel-*/index.html")).parent.relative_to(sites["ours"]).as_posix() + "/"
    results: dict[str, list[dict]] = {name: [] for name in sites}
    with serve(sites["ours"]) as ours, serve(sites["material"]) as material:
        bases = {"ours": ours, "material": material}
        for round_number in range(runs):
            for name in (("ours", "material") if round_number % 2 == 0 else ("material", "ours")):
                results[name].append(first_results(browser, bases[name], sites[name], article))
    rows = ["| search | first results after opening the search (ms) | after navigation (ms) | each run, from "
            "opening (ms) | transfer, gzip (kB) |", "|---|---:|---:|---|---:|"]
    medians = {}
    for name, timings in results.items():
        opening = statistics.median(t["fromOpening"] for t in timings)
        navigation = statistics.median(t["fromNavigation"] for t in timings)
        medians[name] = (opening, navigation, timings[0]["bytes"])
        each = ", ".join(f"{t['fromOpening']:.0f}" for t in timings)
        rows.append(f"| {name} | {opening:.0f} | {navigation:.0f} | {each} | {timings[0]['bytes'] / 1000:.0f} |")
    material_index = sites["material"] / "search" / "search_index.json"
    corpus = (f"Material's `search_index.json` for this corpus: {material_index.stat().st_size / 1e6:.2f} MB "
              f"({gzip_size([material_index]) / 1e6:.2f} MB gzip); the issue measured 4.81 MB (1.02 MB gzip) on its "
              "own 1,000 articles. The generated text draws its words by Zipf's law from about 6,000 words (see "
              "`bench/build.py`), so a query's words occur in some documents, not in all.\n\n")
    faster = medians["material"][0] / medians["ours"][0]
    lighter = medians["ours"][2] / medians["material"][2]
    verdict = (f"First results **{faster:.1f}× sooner** than material's after opening the search (target at least "
               f"4×); transfer **{lighter:.2f}** of material's (target at most 1).")
    table = "\n".join(rows)
    print(table, verdict, sep="\n")
    return (f"## Search speed ({articles} articles, {runs} runs each)\n\n"
            f"Run on {date.today().isoformat()}: {machine()}; Chromium {browser.version}.\n"
            f"Reproduce: `make bench-search` (or `.venv/bin/python bench/search.py --articles {articles} "
            f"--runs {runs}`).\n\n"
            "An article page is opened in a fresh browser context (no cache); once it has loaded, the search box "
            f"is focused and \"{QUERY}\" typed in one go. Served by nginx on localhost (files precompressed as "
            "`make build` does), without throttling, so "
            "the times are the browser's work (fetching, parsing, building or expanding the index, querying, "
            "rendering); the transfer is the gzip size of every search file fetched (index, previews, analysis "
            "data, worker and scripts).\n\n"
            f"{corpus}{table}\n\n{verdict}\n")


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
    # The sample's home page names its own template; without our theme, material's main.html stands in.
    (WORK / "no-overrides" / "home.html").write_text('{% extends "main.html" %}\n')
    build_site(paths["project"])
    build_site(paths["plain"])
    (WORK / "no-overrides" / "home.html").unlink()
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
