"""Search in real headless Chromium: mkdocs-material's search box on our worker, against the Python pipeline."""

from __future__ import annotations

import bisect
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcenter.feedback import store
from helpcenter.search.engine import SearchEngine, fits, group, visible
from helpcenter.search.evaluation import load_cases
from helpcenter.search.index import analysis_data, read_files, site_roots, write_files
from helpcenter.search.numbers import encode
from helpcenter.testing.servers import wait_for_rows
from tests.conftest import ROOT, _QuietHandler, mkdocs_build

pytestmark = pytest.mark.browser

QUERIES = Path(__file__).parent / "search_queries.yml"
KIRANA = ROOT / "bench" / "evaluation" / "toko-kirana"
SEARCH_BOX = "[data-md-component=search-query]"

# Remembers the last query the worker answered (it says so on the "hc-search" channel after each answer).
LISTEN = """() => {
    window.__hcAnswered = null;
    new BroadcastChannel("hc-search").onmessage = ({ data }) => {
        if (data.type === "results") window.__hcAnswered = data.query;
    };
}"""

# Each entry of the list as material shows it: the page that heads it, then the answers shown unfolded under it
# (those folded into "N lagi di halaman ini" are left out).
TOP_RESULTS = """(base) => [...document.querySelectorAll(".md-search-result__item")].map((item) =>
    [...item.querySelectorAll("a.md-search-result__link")].filter((link) => !link.closest("details")).map((link) => {
        const url = new URL(link.href);
        return url.pathname.slice(new URL(base).pathname.length) + url.hash;
    }))"""


@pytest.fixture
def page(browser, site_server: str):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert errors == []


def search(page, query: str) -> list[list[str]]:
    """Type `query` into material's search box as a customer would; the best location of each result entry."""
    box = page.locator(SEARCH_BOX)
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query)
    page.wait_for_function("(query) => window.__hcAnswered === query", arg=query)
    page.evaluate("() => new Promise(requestAnimationFrame)")
    return page.evaluate(TOP_RESULTS, page.url.split("?")[0].rsplit("/", 1)[0] + "/")


@pytest.fixture(scope="module")
def kirana(tmp_path_factory: pytest.TempPathFactory):
    """The evaluation shop (content the team did not write, with ### sub-headings), built and served statically."""
    work = tmp_path_factory.mktemp("kirana")
    result = mkdocs_build(KIRANA / "content", work, env={"HELPCENTER_FEEDBACK_ENDPOINT": ""})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(work / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield work / "site", f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def split_site(static_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The sample shop with its index split as a larger site's is (its shards and pages' rows in files of their
    own, fetched as queries need them), served statically: the sample's own index is small enough to be one file."""
    site = tmp_path_factory.mktemp("split") / "site"
    shutil.copytree(static_site, site)
    data = read_files(site)
    assert _names(site)["eager"] and "postings" in data
    write_files(site, data, analysis_data(data), whole_below=0)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _names(site: Path) -> dict[str, str]:
    return json.loads((site / "search" / "search_index.json").read_text())["config"]["helpcenter"]


def open_site(page, url: str) -> None:
    page.goto(url)
    page.evaluate(LISTEN)


def test_material_talks_to_our_worker_and_fetches_the_index_only_for_search(page, split_site) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    open_site(page, split_site[1] + "faq/")
    page.wait_for_load_state("networkidle")
    config = json.loads(page.locator("#__config").text_content())
    assert config["search"].endswith("assets/javascripts/search/worker.js")
    assert "/search/search_index.json" in requests
    assert not [path for path in requests if "/search/index." in path or "workers/search." in path]
    with page.expect_request(lambda request: "/search/analysis." in request.url):
        page.locator(SEARCH_BOX).focus()
    assert [path for path in requests if "/search/index." in path]


# The query typed in one go (pasted, or a fast typist), as bench/search.py types it.
TYPE_AT_ONCE = """(query) => {
    const box = document.querySelector("[data-md-component=search-query]");
    box.focus();
    box.value = query;
    box.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1) }));
}"""


def test_a_small_sites_index_arrives_with_the_page_in_one_file(page, site_server: str, static_site: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path.rsplit("/", 1)[-1]))
    open_site(page, site_server + "faq/")
    page.wait_for_load_state("networkidle")
    assert _names(static_site)["index"] in requests and _names(static_site)["analysis"] in requests
    requests.clear()
    page.evaluate(TYPE_AT_ONCE, "garansi resmi ")
    page.wait_for_function("(query) => window.__hcAnswered === query", arg="garansi resmi ")
    assert page.locator(".md-search-result__item").count() > 0
    assert not [name for name in requests if name.startswith(("index.", "postings.", "docs."))]


def test_a_query_fetches_its_terms_postings_and_the_rows_of_the_pages_it_shows(page, split_site) -> None:
    static_site, url = split_site
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path.rsplit("/", 1)[-1]))
    open_site(page, url)
    main = json.loads((static_site / "search" / _names(static_site)["index"]).read_text())
    engine = SearchEngine.from_site(static_site)
    pages = list(dict.fromkeys(row[0].partition("#")[0] for row in engine.docs))

    def fetched(query: str) -> tuple[list[str], list[str], list[str]]:
        requests.clear()
        page.evaluate(TYPE_AT_ONCE, query)
        page.wait_for_function("(query) => window.__hcAnswered === query", arg=query)
        return ([name for name in requests if name.startswith("postings.")],
                [name for name in requests if name.startswith("docs.")],
                [name for name in requests if name.startswith("roots.")])

    shards, rows, dictionary = fetched("garansi resmi ")
    # The shards of the terms the query searches, each once: those of its words and of their synonyms.
    starts = [start for start, _ in main["shards"]]
    numbers = {engine.number_of[term] for concept in engine.plan("garansi resmi ") for term in concept.candidates}
    assert sorted(shards) == sorted({main["shards"][bisect.bisect(starts, number) - 1][1] for number in numbers})
    assert not dictionary
    # One file per page listed, each once: the rows of the results shown and of the pages that head them.
    groups = group(engine.search("garansi resmi "), engine)
    assert sorted(rows) == sorted({main["chunks"][pages.index(entry[0].page)] for entry in groups})
    rows_before = rows
    # A word the site never writes is stemmed with the few ranges of the whole dictionary it needs: "kereta" is a
    # word, not a typo of one of the site's.
    shards, rows, dictionary = fetched("kereta ")
    assert 1 <= len(dictionary) <= 4 and not shards
    # Nothing fits: the panel offers the popular questions, whose pages' rows it fetches.
    assert set(rows) == {main["chunks"][pages.index(result.page)] for result in engine.featured[:5]} - set(rows_before)


@pytest.mark.parametrize(("query", "expected"), [
    ("dikembalikan", "faq/pengembalian-refund/"),
    ("gimana cara balikin barang", "kebijakan/pengembalian/"),
    ("ongkir", "faq/pengiriman/#hitung-ongkir"),
    ("pengirman", "faq/pengiriman/"),
    ("refund", "kebijakan/refund/"),
    ("warranty claim", "panduan/klaim-garansi/"),
    ("bayar di tempat", "faq/pembayaran/#bayar-cod"),
])
def test_typing_a_query_shows_the_expected_answer_first(page, site_server: str, query: str, expected: str) -> None:
    open_site(page, site_server)
    first = search(page, query)[0]
    assert any(location.startswith(expected) for location in first), first


def test_python_and_the_browser_give_the_same_top_five(page, site_server: str, static_site: Path) -> None:
    engine = SearchEngine.from_site(static_site)
    cases = load_cases(QUERIES)
    queries = [case.query for case in cases[::3]]
    assert len(queries) >= 30
    open_site(page, site_server)
    differences = []
    for query in queries:
        found = engine.search(query)
        groups = group(found, engine)
        # Each page, then the answers shown under it; below the relevance floor the list is empty (the panel offers
        # the nearest questions instead).
        expected = [[entry[0].page, *(r.location for r in rows if r.location != r.page)]
                    for entry, rows in zip(groups, visible(groups), strict=True)][:5] if fits(found) else []
        shown = search(page, query)[:5]
        if shown != expected:
            differences.append((query, expected, shown))
    assert differences == []


def _parity(page, url: str, site: Path, query_file: Path) -> list:
    """engine.js run on every query of a set (and on each while still being typed), against engine.py: the
    differences, and some of the browser's roots."""
    engine = SearchEngine.from_site(site)
    queries = [case.query for case in load_cases(query_file)]
    queries += [query[: len(query) * 2 // 3] for query in queries]
    names = json.loads((site / "search" / "search_index.json").read_text())["config"]["helpcenter"]
    open_site(page, url)
    in_browser, some_roots = page.evaluate("""async ([queries, names]) => {
        const { Analyzer, SearchEngine, fetchRows, fits, prepare, visible } =
            await import("./assets/javascripts/search/engine.js");
        const fetchFile = (name) => fetch("search/" + name).then((response) => response.json());
        const [data, analysis] = await Promise.all([names.index, names.analysis].map(fetchFile));
        const engine = new SearchEngine(data, new Analyzer(analysis));
        const results = [];
        for (const query of queries) {
            await prepare(engine, query, fetchFile);
            const found = engine.search(query);
            const groups = engine.group(found);
            await fetchRows(engine, groups.flat().map(({ ref }) => ref), fetchFile);
            const location = (result) => engine.describe(result).location;
            results.push([groups.map((entry) => entry.map((result) =>
                [location(result), result.score, result.terms, engine.describe(result).parent ?? null])),
                visible(groups).map((rows) => rows.map(location)), fits(found), engine.suggestion(query)]);
        }
        const letters = ["a", "k", "p", "s"].map((letter) => [...engine.roots.bucket(letter)]);
        return [results, letters.flat()];
    }""", [queries, names])
    in_python = []
    for query in queries:
        found = engine.search(query)
        groups = group(found, engine)
        in_python.append([[[[r.location, r.score, r.terms, r.parent] for r in entry] for entry in groups],
                          [[r.location for r in rows] for rows in visible(groups)], fits(found),
                          engine.suggestion(query)])
    differences = [(q, p[:2], b[:2]) for q, p, b in zip(queries, in_python, in_browser, strict=True) if p != b]
    return differences, dict(some_roots)


def test_the_whole_query_set_gives_the_same_results_in_both_languages(page, site_server: str,
                                                                      static_site: Path) -> None:
    differences, some_roots = _parity(page, site_server, static_site, QUERIES)
    # The browser has the roots the site's words need; a query word the site never writes is stemmed with the
    # ranges of the whole dictionary it needs (prepare).
    index = json.loads((static_site / "search" / _names(static_site)["index"]).read_text())
    assert some_roots == {root: families for root, families in site_roots(index).items() if root[0] in "akps"}
    assert differences == []


def test_both_languages_agree_on_a_shop_the_team_did_not_write(page, kirana) -> None:
    """Toko Kirana's query set: other pages, other words, and answers with ### sub-headings as results."""
    site, url = kirana
    assert any(len(row) > 4 for row in SearchEngine.from_site(site).docs)
    differences, _ = _parity(page, url, site, KIRANA / "queries.yml")
    assert differences == []
    for held_out in sorted(KIRANA.glob("queries-*.yml")):  # the held-out and blind sets
        assert _parity(page, url, site, held_out)[0] == [], held_out.name


def test_the_browser_decodes_posting_lists_as_python_wrote_them(page, site_server: str) -> None:
    numbers = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 2**20, 2**40, *range(0, 5000, 7)]
    open_site(page, site_server)
    decoded = page.evaluate("""async (text) => {
        const { decodeNumbers } = await import("./assets/javascripts/search/engine.js");
        return decodeNumbers(text);
    }""", encode(numbers))
    assert decoded == numbers


def test_matches_are_highlighted_and_the_typed_word_is_completed(page, site_server: str) -> None:
    open_site(page, site_server)
    search(page, "dikembalikan")
    marks = page.locator(".md-search-result__list mark").all_inner_texts()
    assert {"pengembalian", "dikembalikan"} & {mark.lower() for mark in marks}
    search(page, "pengemb")
    assert page.locator(".md-search__suggest").inner_text().replace("\xa0", " ").startswith("pengemb")
    assert len(page.locator(".md-search__suggest").inner_text()) > len("pengemb")


def test_enter_opens_the_best_answer(page, site_server: str) -> None:
    open_site(page, site_server)
    search(page, "cara bayar cod")
    page.locator(SEARCH_BOX).press("Enter")
    page.wait_for_url("**/faq/pembayaran/**")


def test_a_shared_search_link_opens_with_its_results(page, site_server: str) -> None:
    page.goto(site_server + "?q=garansi")
    page.locator(".md-search-result__item").first.wait_for()
    assert "Garansi" in page.locator(".md-search-result__list").inner_text()


@pytest.fixture
def live_page(browser, help_center):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _searches(help_center, count: int, matching=bool) -> list[dict]:
    return wait_for_rows(help_center.database, store.events, count, 10,
                         lambda row: row["kind"] == "search" and matching(row))


def test_searches_reach_the_feedback_store_with_their_outcome(live_page, help_center) -> None:
    page = live_page
    open_site(page, help_center.url + "/faq/")
    search(page, "xylofon kuantum")
    [nothing] = _searches(help_center, 1, lambda row: row["results"] == 0)
    assert (nothing["query"], nothing["opened"], nothing["page"]) == ("xylofon kuantum", None, "faq/")

    search(page, "garansi resmi")
    page.locator(SEARCH_BOX).press("Escape")         # the customer leaves the search without opening a result
    [bounced] = _searches(help_center, 1, lambda row: row["query"] == "garansi resmi")
    assert bounced["results"] > 0 and bounced["opened"] is None

    search(page, "bayar di tempat")
    link = page.locator(".md-search-result__item").first.locator("a").nth(1)      # the best answer under its page
    target = urlsplit(link.get_attribute("href"))
    link.click()
    [opened] = _searches(help_center, 1, lambda row: row["query"] == "bayar di tempat")
    assert opened["results"] > 0 and opened["opened"] == target.path.lstrip("/") + "#" + target.fragment


def test_a_short_query_is_not_reported(live_page, help_center) -> None:
    page = live_page
    open_site(page, help_center.url + "/")
    search(page, "zq")
    page.locator(SEARCH_BOX).press("Escape")
    search(page, "garansi resmi")
    page.locator(SEARCH_BOX).press("Escape")
    # Searches are sent in order: once the second is stored, the first would have been.
    assert [row["query"] for row in _searches(help_center, 1)] == ["garansi resmi"]
