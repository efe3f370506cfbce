"""The browser's stemmer and tokenizer against the build's: identical on more than ten thousand word forms."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from helpcenter.language.analysis import roots, stemmer, tokens
from tests.conftest import CONTENT

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent.parent / "helpcenter" / "language" / "data" / "id-roots.txt"


def _nasal(prefix: str, root: str) -> str:
    """me-/pe- before a root, with the sound changes Indonesian makes (mem+pakai = memakai)."""
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


def word_forms() -> list[str]:
    """Every token of the sample content, and affixed forms of a fixed sample of dictionary roots."""
    forms = {token for path in CONTENT.rglob("*.md") for token in tokens(path.read_text(encoding="utf-8"))}
    sample = random.Random(2026).sample(sorted(roots()), 1500)
    for root in sample:
        forms.update({
            root, "di" + root, "di" + root + "kan", _nasal("me", root), _nasal("me", root) + "kan",
            _nasal("me", root) + "i", _nasal("pe", root) + "an", "ke" + root + "an", "ber" + root, "ter" + root,
            root + "nya", root + "an", "memper" + root + "kan", root + "-" + root, "se" + root + "nya",
        })
    return sorted(forms)


def test_the_word_list_is_large_enough() -> None:
    assert len(word_forms()) >= 10_000


def test_browser_and_build_stem_every_word_form_alike(browser, site_server: str) -> None:
    forms = word_forms()
    page = browser.new_page()
    page.goto(site_server)
    browser_stems = page.evaluate(
        """async ([words, rootsText]) => {
            const { Stemmer, parseRoots } = await import("./assets/javascripts/search/stemmer.js");
            const stemmer = new Stemmer(parseRoots(rootsText));
            return words.map((word) => stemmer.stem(word));
        }""",
        [forms, DATA.read_text(encoding="utf-8")],
    )
    page.close()
    build_stems = [stemmer().stem(word) for word in forms]
    differences = [(w, b, p) for w, b, p in zip(forms, browser_stems, build_stems, strict=True) if b != p]
    assert differences == []
    assert sum(1 for word, stem in zip(forms, build_stems, strict=True) if word != stem) > 5_000


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
