"""Chat Indonesian to written words: the lexicon, and the rules the stemmer applies to chat forms."""

from __future__ import annotations

import pytest

from helpcenter.language.analysis import STOP_WORDS, roots, stemmer, terms
from helpcenter.language.colloquial import lexicon, nasal_roots, spellings, written
from helpcenter.language.stemmer import Stemmer


@pytest.mark.parametrize(("informal", "written"), [
    ("udh", "sudah"), ("gak", "tidak"), ("blm", "belum"), ("balikin", "kembalikan"), ("gimana", "bagaimana"),
    ("abis", "habis"), ("kenceng", "kencang"),
])
def test_the_lexicon_writes_chat_forms_out(informal: str, written: str) -> None:
    assert lexicon()[informal] == written


@pytest.mark.parametrize(("typed", "expected"), [
    ("udh", "sudah"), ("duitnya", "uang"), ("brgku", "barang"), ("gerak2", "gerak"), ("brg2", "barang"),
    ("not", "tidak"), ("paket", "paket"), ("ongkirnya", "ongkirnya"), ("ab2", "ab2"), ("2", "2"),
])
def test_a_chat_word_is_written_out_with_a_possessive_on_it_or_chats_2_after_it(typed: str, expected: str) -> None:
    """A possessive on a lexicon word comes off (a site word keeps it: the stemmer takes it off against the
    site's terms); a 2 after a word of three letters or more is the word doubled."""
    assert written(typed) == expected


def test_every_written_form_is_a_stop_word_or_reaches_a_root() -> None:
    unreachable = [w for w in lexicon().values() if w not in STOP_WORDS and stemmer().stem(w) not in roots()]
    assert unreachable == []


def test_the_lexicon_holds_no_word_the_rules_reach() -> None:
    """A chat form the stemmer takes to the written word's root by itself does not need a line."""
    redundant = [w for w, written in lexicon().items() if stemmer().stem(w) == stemmer().stem(written) != w]
    assert redundant == []


@pytest.mark.parametrize(("word", "expected"), [
    ("nyari", [("cari", "M"), ("sari", "")]),
    ("ngirim", [("irim", "M"), ("kirim", "M")]),
    ("ngecek", [("cek", "G"), ("ecek", "M"), ("kecek", "M")]),
    ("nulis", [("tulis", "M")]),
    ("milih", [("pilih", "M")]),
    ("ngrasa", []),
    ("kirim", []),
])
def test_a_bare_nasal_stands_for_me_before_these_roots(word: str, expected: list[tuple[str, str]]) -> None:
    assert nasal_roots(word) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("pesen", ["pesan"]),
    ("pake", ["pakai"]),
    ("liat", ["lihat"]),
    ("abis", ["habis"]),
    ("adep", ["adap", "hadep", "hadap"]),
    ("kirim", []),
    ("telpon", ["telepon"]),
    ("crita", ["cerita"]),
    ("sebrang", ["seberang"]),
    ("nyanyi", []),
    ("tangga", []),
    ("seller", ["sellar"]),
    ("spam", []),
    ("struk", []),
])
def test_chat_spellings_of_the_last_syllable_and_a_dropped_e(word: str, expected: list[str]) -> None:
    """The e chat drops is put back between the first two consonants in a row, unless they write one sound (ng)."""
    assert spellings(word) == expected


# The forms, and what chat does to the help center's own verbs.
CHAT = {
    "nyari": "cari", "nyuci": "cuci", "nyimpen": "simpan", "ngirim": "kirim", "ngirimin": "kirim", "nulis": "tulis",
    "ngecek": "cek", "ngelacak": "lacak", "ngembaliin": "kembali", "milih": "pilih", "nungguin": "tunggu",
    "balikin": "balik", "beliin": "beli", "batalin": "batal", "dibatalin": "batal", "dipakein": "pakai",
    "kebeli": "beli", "kebayar": "bayar", "ketuker": "tukar", "mesen": "pesan", "pesenannya": "pesan",
    "dapet": "dapat", "cepet": "cepat", "sampe": "sampai", "nyampein": "sampai", "temenan": "teman",
    # issue 17: a dropped e (telpon, crita, sebrang), with the nasal and -in too; ke- as a passive
    "nelpon": "telepon", "ditelpon": "telepon", "nelponin": "telepon", "critain": "cerita", "nyebrang": "seberang",
    "nyampe": "sampai", "kebatal": "batal", "kebawa": "bawa", "ketinggal": "tinggal",
}


@pytest.mark.parametrize(("word", "root"), sorted(CHAT.items()))
def test_chat_forms_reach_the_written_root(word: str, root: str) -> None:
    assert stemmer().stem(word) == root


@pytest.mark.parametrize("word", ["login", "main", "ingin", "paket", "model", "kakek", "pengirman", "refund",
                                  "kenceng", "abis", "produk", "transfer", "gratis", "struk", "klaim"])
def test_words_that_only_look_like_chat_stay(word: str) -> None:
    """Roots stay roots (paket is no pakat; kenceng and abis are entries of the dictionary, which the lexicon writes
    out); -in needs a root of four letters (login); a typo stays a typo; a loan's cluster keeps (produk, struk)."""
    assert stemmer().stem(word) == word


def test_a_word_the_dictionary_lacks_meets_the_site_word_it_carries_a_clitic_on() -> None:
    site = Stemmer(roots(), {"ongkir", "resi", "voucher", "sale"})
    assert [site.stem(w) for w in ("ongkirnya", "ongkirmu", "vouchernya", "resinya")] == [
        "ongkir", "ongkir", "voucher", "resi"]
    assert stemmer().stem("ongkirnya") == "ongkirnya"


def test_a_site_word_is_not_taken_for_a_chat_spelling() -> None:
    """Without the site, "sale" reads as chat's spelling of "salai"; a site that writes "sale" keeps it."""
    assert stemmer().stem("sale") == "salai"
    assert Stemmer(roots(), {"sale"}).stem("sale") == "sale"


def test_index_side_analysis_writes_chat_forms_out_too() -> None:
    assert terms("Kenapa voucher saya nggak bisa dipakai?") == ["voucher", "tidak", "bisa", "pakai"]
    assert terms("Udah nyari resinya tapi gak dapet") == ["cari", "resi", "tidak", "dapat"]
