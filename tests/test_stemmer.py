"""The Indonesian stemmer: affixed forms reach their root; words without a known root stay as they are."""

from __future__ import annotations

import pytest

from helpcenter.language.analysis import STOP_WORDS, roots, stemmer, terms

CASES = {
    # the issue's own examples, and the forms help center customers write
    "mengembalikan": "kembali", "dikembalikan": "kembali", "pengembalian": "kembali", "kembalikan": "kembali",
    "pengiriman": "kirim", "dikirim": "kirim", "mengirim": "kirim", "kiriman": "kirim", "terkirim": "kirim",
    "pembayaran": "bayar", "membayar": "bayar", "dibayar": "bayar", "bayarnya": "bayar",
    "pembatalan": "batal", "membatalkan": "batal", "dibatalkan": "batal", "batalkan": "batal",
    "pesanan": "pesan", "memesan": "pesan", "pemesanan": "pesan", "dipesan": "pesan",
    "pelacakan": "lacak", "melacak": "lacak", "dilacak": "lacak",
    "keamanan": "aman", "mengamankan": "aman", "memakan": "makan", "ditransfer": "transfer",
    "diverifikasi": "verifikasi",
    "pertanyaan": "tanya", "bertanya": "tanya", "menanyakan": "tanya",
    "penggunaan": "guna", "menggunakan": "guna", "pengguna": "guna",
    "perbaikan": "baik", "memperbaiki": "baik",
    "membeli": "beli", "pembelian": "beli", "dibeli": "beli",
    "makanan": "makan",
    "menulis": "tulis", "penulis": "tulis",
    "menyapu": "sapu", "penyimpanan": "simpan", "menyimpan": "simpan",
    "mengecat": "cat", "melihat": "lihat", "bekerja": "kerja", "pekerjaan": "kerja",
    # lexicalised derivations the dictionary lists as roots of their own stay whole, on both sides of a search,
    # unless a rule of lexical_root takes them back (below)
    "berlaku": "berlaku", "pemberitahuan": "beritahu",
    "mempunyai": "punya", "memperkenalkan": "kenal", "bisakah": "bisa",
    "barang-barang": "barang", "diterima": "terima", "penerimaan": "terima", "menerima": "terima",
    "pengaturan": "atur", "mengatur": "atur", "diproses": "proses", "memproses": "proses",
    "penukaran": "tukar", "ditukar": "tukar",
    # a root the suffix alone reaches loses to a prefix the dictionary confirms unless the dictionary gives the
    # root that suffix: petani is pe-tani (not petan-i), berikan is beri-kan (not ber-ikan)
    "petani": "tani", "pencari": "cari", "kedudukan": "duduk", "berikan": "beri", "memberikan": "beri",
    "diberikan": "beri", "ajukan": "aju", "ketukan": "ketuk", "masakan": "masak", "perhatikan": "perhati",
    # pe(r)-/be(r)- before a root in r, -el-; ties go to the root with more affixes in the dictionary
    "perancang": "rancang", "beradu": "adu", "berambut": "rambut", "perumahan": "rumah", "mengalahkan": "kalah",
    # menge- before a root of one syllable; a root in ng-; pem- before a loan in pr-
    "mengecek": "cek", "mengelap": "lap", "mengerikan": "ngeri", "pemrosesan": "proses", "pemrograman": "program",
    # proclitics, infixes and repeated syllables, loan suffixes
    "kupukul": "pukul", "kauhajar": "hajar", "kuambil": "ambil", "rerumputan": "rumput", "gemetaran": "getar",
    "finalisasi": "final", "normalisasi": "normal", "idealisme": "ideal",
    # reduplication, affixed or with a clitic after a hyphen
    "memanggil-manggil": "panggil", "berbalas-balasan": "balas", "meniru-nirukan": "tiru", "kuasa-mu": "kuasa",
    "barang-barangnya": "barang", "hp-mu": "hp",
}
UNCHANGED = ["ongkir", "refund", "cod", "voucher", "resi", "paylater", "shopeepay", "pengirman", "bolak-balik",
             "organisme", "organisasi", "sayur-mayur"]

# Issue 17: each rule of lexical_root, what it takes back, and the shop words it must leave alone.
LEXICAL = {
    # ber- and per- are bel- and pel- before ajar only
    "bel-/pel-": ({"belajar": "ajar", "pelajar": "ajar", "mempelajari": "ajar", "pelajaran": "ajar",
                   "dipelajari": "ajar", "belajarnya": "ajar", "belunjur": "unjur"},
                  ["belanja", "belakang", "belum", "belas", "belah", "pelan", "pelangi", "pelita", "pelopor",
                   "peluang"]),
    # a fossil infix or repeated syllable, for the listed words only; the dictionary confirms the root
    "infix": ({"kinerja": "kerja", "kinerjanya": "kerja", "gemetar": "getar", "telunjuk": "tunjuk",
               "lelembut": "lembut", "rerata": "rata", "jemari": "jari", "gerigi": "gigi", "temali": "tali"},
              ["kini", "kinetik", "seminar", "semangat", "selesai", "seluruh", "selera", "kelapa", "keliru",
               "kelola", "teliti", "terang", "tetangga", "remaja", "sering", "serasi", "gemuk", "lemari"]),
    # a loan whose root is an adjective in -al, as well as one whose root takes prefixes
    "loan": ({"digitalisasi": "digital", "kapitalisme": "kapital", "sosialis": "sosial", "sosialisme": "sosial",
              "globalisasi": "global", "nasionalisme": "nasional", "jurnalis": "jurnal", "vokalis": "vokal"},
             ["analis", "analisis", "persis", "gratis", "praktis", "teknis", "otomatis", "manis", "tipis", "habis",
              "organisme", "organisasi", "realisasi", "organis"]),
    # a -kan verb the dictionary lists whole, when its root takes -kan: belikan is beli-kan, not bel-ikan
    "-kan": ({"belikan": "beli", "dibelikan": "beli", "membelikan": "beli", "bicarakan": "bicara",
              "biarkan": "biar"},
             ["ikan", "bukan", "makan", "pelikan", "pantai", "sampai", "pakai", "ramai", "selesai", "damai"]),
}
# Other forms of issue 17 that the stemmer's steps reach: proclitics, affixed reduplication, pe-/be- before r.
OTHERS = {
    "kuberikan": "beri", "kaubeli": "beli", "kutunggu": "tunggu", "kaulakukan": "laku", "kukirim": "kirim",
    "tolong-menolong": "tolong", "sebaik-baiknya": "baik", "kemerah-merahan": "merah", "bermain-main": "main",
    "surat-menyurat": "surat", "pukul-memukul": "pukul", "berlari-larian": "lari",
    "beragam": "ragam", "berumah": "rumah", "perumahan": "rumah", "pertama": "pertama", "berapa": "berapa",
    "terima": "terima", "perlu": "perlu", "diperlukan": "perlu", "keperluan": "perlu", "berat": "berat",
}
# Words that begin like ku-/kau- and are roots of their own.
PROCLITIC_LOOKALIKES = ["kuat", "kuasa", "kurang", "kunci", "kupon", "kurir", "kuota", "kuliah", "kulit", "kuning",
                        "kaum", "kaus", "kain"]


@pytest.mark.parametrize(("word", "root"), sorted(CASES.items()))
def test_affixed_forms_reach_their_root(word: str, root: str) -> None:
    assert stemmer().stem(word) == root


@pytest.mark.parametrize("word", UNCHANGED)
def test_words_without_a_known_root_stay(word: str) -> None:
    assert stemmer().stem(word) == word


def test_roots_come_from_the_dictionary() -> None:
    assert len(roots()) > 30_000
    assert {"kembali", "kirim", "bayar"} <= roots().keys()
    assert "M" in roots()["kirim"]


def test_terms_drop_stop_words_and_stem() -> None:
    assert terms("Gimana cara mengembalikan barang yang rusak?") == ["cara", "kembali", "barang", "rusak"]
    assert terms("Pengiriman ONGKIR ke Bandung") == ["kirim", "ongkir", "bandung"]
    assert "yang" in STOP_WORDS and "kirim" not in STOP_WORDS


@pytest.mark.parametrize(("rule", "word", "root"),
                         [(rule, word, root) for rule, (cases, _) in LEXICAL.items() for word, root in cases.items()])
def test_a_derived_word_the_dictionary_lists_reaches_its_root(rule: str, word: str, root: str) -> None:
    assert stemmer().stem(word) == root


@pytest.mark.parametrize(("rule", "word"),
                         [(rule, word) for rule, (_, unchanged) in LEXICAL.items() for word in unchanged])
def test_a_word_that_only_looks_derived_stays(rule: str, word: str) -> None:
    assert stemmer().stem(word) == word


@pytest.mark.parametrize(("word", "root"), sorted(OTHERS.items()))
def test_proclitics_reduplication_and_be_before_r(word: str, root: str) -> None:
    assert stemmer().stem(word) == root


@pytest.mark.parametrize("word", PROCLITIC_LOOKALIKES)
def test_a_root_that_starts_like_a_proclitic_stays(word: str) -> None:
    assert stemmer().stem(word) == word
