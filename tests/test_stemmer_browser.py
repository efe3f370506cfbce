"""The browser's stemmer and tokenizer against the build's: identical on more than ten thousand word forms, formal
and chat, with the site's own terms as the vocabulary, as the search engine gives it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from helpcenter.language.analysis import roots, tokens
from helpcenter.language.colloquial import written
from helpcenter.language.stemmer import EL_ROOTS, FOSSILS, Stemmer
from helpcenter.search.engine import SearchEngine
from tests.conftest import CONTENT, ROOT

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent.parent / "helpcenter" / "language" / "data" / "id-roots.txt"


def _nasal(prefix: str, root: str) -> str:
    """me-/pe- before a root, with the sound changes Indonesian makes (mem+pakai = memakai); with prefix "" the
    bare nasal of chat (ngirim, nulis, milih)."""
    first = root[0]
    if first in "aeiou" or first in "gh":
        return prefix + "ng" + root
    if first == "k":
        return prefix + "ng" + root[1:]
    if first == "p":
        return prefix + "m" + root[1:]
    if first in "bfv":
        return prefix + "m" + root
    if first == "t":
        return prefix + "n" + root[1:]
    if first in "cdjz":
        return prefix + "n" + root
    if first == "s":
        return prefix + "ny" + root[1:]
    return prefix + root


def _chat_spelling(root: str) -> str:
    """A root as chat writes it: pesan -> pesen, pakai -> pake, habis -> abis."""
    if root.endswith("ai"):
        return root[:-2] + "e"
    last = max(root.rfind(vowel) for vowel in "aeiou")
    if 0 < last < len(root) - 1 and root[last] == "a":
        return root[:last] + "e" + root[last + 1:]
    return root[1:] if root.startswith("h") else root


def _dropped_e(root: str) -> str:
    """A root as chat writes it without the e between two consonants: telepon -> telpon, cerita -> crita."""
    for index in range(1, len(root) - 1):
        if root[index] == "e" and root[index - 1] not in "aeiou" and root[index + 1] not in "aeiou":
            return root[:index] + root[index + 1:]
    return root


SAMPLE = random.Random(2026).sample(sorted(roots()), 1500)


def chat_forms() -> dict[str, str]:
    """Chat forms of the sample's roots of four letters or more (nasal verbs with -in, spellings, ke- passives)."""
    forms = {}
    for root in SAMPLE:
        if len(root) >= 4 and root.isalpha():
            spelt = _chat_spelling(root)
            forms.update({_nasal("", root) + "in": root, spelt + "nya": root, "ke" + spelt: root})
    return forms


def word_forms() -> list[str]:
    """Every token of the sample content, every word of the stemming benchmark's suites, and affixed forms, formal
    and chat, of a fixed sample of dictionary roots."""
    forms = {token for path in CONTENT.rglob("*.md") for token in tokens(path.read_text(encoding="utf-8"))}
    for suite in (ROOT / "bench" / "stemming").glob("*.tsv"):
        lines = suite.read_text(encoding="utf-8").splitlines()
        forms.update(line.split("\t")[0] for line in lines if line and not line.startswith("#"))
    forms.update(chat_forms())
    for root in SAMPLE:
        forms.update({
            root, "di" + root, "di" + root + "kan", _nasal("me", root), _nasal("me", root) + "kan",
            _nasal("me", root) + "i", _nasal("pe", root) + "an", "ke" + root + "an", "ber" + root, "ter" + root,
            root + "nya", root + "an", "memper" + root + "kan", root + "-" + root, "se" + root + "nya",
            # proclitics, loans, chat reduplications and hyphenated clitics
            "ku" + root, "kau" + root, root + "isasi", root + "is", _nasal("me", root) + "-" + _nasal("", root),
            root + "-" + root + "-nya", _nasal("", root), "di" + root + "in",
            # chat's dropped e, and the dictionary's derived entries (lexical_root) with affixes on them
            _dropped_e(root), _nasal("", _dropped_e(root)), "di" + _dropped_e(root) + "in",
            root + "kan", "di" + root + "kan", root + "isme", "me" + root + "-" + root,
        })
    for word in [*FOSSILS, *(head + root for head in ("bel", "pel") for root in EL_ROOTS)]:
        forms.update({word, word + "nya", "di" + word + "i", "mem" + word + "i", word + "an", "ke" + word + "an"})
    return sorted(forms)


def test_the_word_list_is_large_enough() -> None:
    assert len(word_forms()) >= 20_000


def test_browser_and_build_stem_every_word_form_alike(browser, site_server: str, static_site: Path) -> None:
    forms = word_forms()
    vocabulary = SearchEngine.from_site(static_site).terms
    # The site's terms with clitics, as customers write them: ongkirnya, vouchermu.
    forms += [term + clitic for term in vocabulary for clitic in ("nya", "mu")]
    page = browser.new_page()
    page.goto(site_server)
    browser_stems = page.evaluate(
        """async ([words, rootsText, vocabulary]) => {
            const { Stemmer, parseRoots } = await import("./assets/javascripts/search/stemmer.js");
            const stemmer = new Stemmer(parseRoots(rootsText), new Set(vocabulary));
            return words.map((word) => stemmer.stem(word));
        }""",
        [forms, DATA.read_text(encoding="utf-8"), vocabulary],
    )
    page.close()
    stemmer = Stemmer(roots(), frozenset(vocabulary))
    build_stems = [stemmer.stem(word) for word in forms]
    differences = [(w, b, p) for w, b, p in zip(forms, browser_stems, build_stems, strict=True) if b != p]
    assert differences == []
    assert sum(1 for word, stem in zip(forms, build_stems, strict=True) if word != stem) > 10_000
    # The chat rules are exercised, not only compared: most chat forms reach their root.
    reached = [word for word, root in chat_forms().items() if stemmer.stem(word) == root]
    assert len(reached) > 0.6 * len(chat_forms())


def test_with_the_sites_roots_the_browser_stems_every_word_of_the_site_as_the_build(browser, site_server: str,
                                                                                 static_site: Path) -> None:
    """The analysis file carries only the roots the site's words reach (index.site_roots); with them the browser
    gives every word of the site, and its written form, the stem the build gives it with the whole dictionary:
    without the site's terms, as the index is built, and with them, as a query is stemmed."""
    engine = SearchEngine.from_site(static_site)
    words = sorted(set(engine.vocabulary) | {written(word) for word in engine.vocabulary})
    name = json.loads((static_site / "search" / "search_index.json").read_text())["config"]["helpcenter"]["analysis"]
    page = browser.new_page()
    page.goto(site_server)
    browser_stems = page.evaluate(
        """async ([words, name, terms]) => {
            const { Stemmer, LazyRoots } = await import("./assets/javascripts/search/stemmer.js");
            const analysis = await fetch("search/" + name).then((response) => response.json());
            const roots = new LazyRoots(analysis.roots);
            const plain = new Stemmer(roots);
            const site = new Stemmer(roots, new Set(terms));
            return words.map((word) => [plain.stem(word), site.stem(word)]);
        }""",
        [words, name, engine.terms],
    )
    page.close()
    plain, site = Stemmer(roots()), Stemmer(roots(), frozenset(engine.terms))
    build_stems = [[plain.stem(word), site.stem(word)] for word in words]
    differences = [(w, b, p) for w, b, p in zip(words, browser_stems, build_stems, strict=True) if b != p]
    assert differences == []
    stemmed = [word for word, [stem, _] in zip(words, build_stems, strict=True) if stem != word]
    assert len(words) > 1500 and len(stemmed) > 500


def test_browser_and_build_tokenize_alike(browser, site_server: str) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CONTENT.rglob("*.md"))]
    texts.append("Café ÉCLAIR naïve — Pengiriman & pengembalian; barang-barang, 2x24 jam; ﬁle")
    page = browser.new_page()
    page.goto(site_server)
    browser_tokens = page.evaluate(
        """async (texts) => {
            const { tokens } = await import("./assets/javascripts/search/analysis.js");
            return texts.map((text) => tokens(text));
        }""",
        texts,
    )
    page.close()
    assert browser_tokens == [tokens(text) for text in texts]
