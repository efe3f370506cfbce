"""The report's own words, Indonesian (the default) and English; kept apart from the site's `helpcenter.i18n`.

A missing key falls back to Indonesian, as in the site's catalogs.
"""

from __future__ import annotations

CATALOGS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Laporan celah pusat bantuan",
        "period": "Periode {since} s.d. {until} ({days} hari), dibandingkan dengan {previous_since} s.d. "
                  "{previous_until}",
        "summary": "Ringkasan",
        "figure": "Angka",
        "now": "Periode ini",
        "before": "Sebelumnya",
        "change": "Perubahan",
        "totals.visits": "Kunjungan",
        "totals.contacts_avoided": "Kontak yang terhindarkan (menemukan jawaban)",
        "totals.visits_not_found": "Mencari tapi tidak menemukan",
        "totals.visits_contacted": "Menghubungi CS",
        "totals.visits_browsed": "Hanya melihat-lihat",
        "totals.votes": "Suara",
        "totals.helpful_rate": "Membantu",
        "totals.contacts": "Klik kontak",
        "totals.searches": "Pencarian",
        "totals.searches_empty": "Pencarian tanpa hasil",
        "totals.searches_bounced": "Pencarian tanpa hasil dibuka",
        "answers": "Jawaban yang paling sering gagal",
        "answers.intro": "Diurutkan menurut batas bawah Wilson (95%) dari tingkat gagal: suara \"Tidak\" ditambah "
                         "klik kontak dari halaman atau pertanyaan itu.",
        "answers.none": "Belum ada suara atau klik kontak pada periode ini.",
        "answer": "Halaman atau pertanyaan",
        "votes": "Suara",
        "helpful": "Ya",
        "not_helpful": "Tidak",
        "contacts": "Kontak",
        "bound": "Gagal (batas bawah)",
        "file": "Berkas",
        "owner": "Pemilik",
        "reasons": "Alasan",
        "comments": "Komentar terbaru",
        "unknown": "tidak ada lagi di situs",
        "searches_empty": "Pencarian tanpa hasil",
        "searches_bounced": "Pencarian yang hasilnya tidak dibuka",
        "searches_contacted": "Pencarian sebelum menghubungi CS",
        "pages_contacted": "Halaman yang dibaca sebelum menghubungi CS",
        "query": "Pencarian",
        "count": "Jumlah",
        "variants": "Ejaan",
        "hint": "Saran",
        "hint.synonym": "Tambahkan sinonim di content/synonyms.yml",
        "hint.new_answer": "Tulis jawaban baru",
        "visits": "Kunjungan",
        "contacted": "Lalu menghubungi CS",
        "page": "Halaman",
        "none": "Tidak ada.",
        "chart.daily": "Tingkat membantu per hari",
        "chart.answers": "Jawaban yang paling sering gagal",
        "chart.reasons": "Alasan \"Tidak\"",
        "chart.searches": "Pencarian tanpa hasil",
        "reason.unclear": "Sulit dipahami",
        "reason.incomplete": "Kurang lengkap",
        "reason.wrong": "Salah atau sudah tidak berlaku",
        "reason.not_found": "Bukan yang dicari",
        "reason.other": "Lainnya",
        "generated": "Dibuat {generated}",
    },
    "en": {
        "title": "Help center gap report",
        "period": "Period {since} to {until} ({days} days), compared with {previous_since} to {previous_until}",
        "summary": "Summary",
        "figure": "Figure",
        "now": "This period",
        "before": "Before",
        "change": "Change",
        "totals.visits": "Visits",
        "totals.contacts_avoided": "Contacts avoided (found an answer)",
        "totals.visits_not_found": "Searched and found nothing",
        "totals.visits_contacted": "Contacted CS",
        "totals.visits_browsed": "Only browsed",
        "totals.votes": "Votes",
        "totals.helpful_rate": "Helpful",
        "totals.contacts": "Contact clicks",
        "totals.searches": "Searches",
        "totals.searches_empty": "Searches without results",
        "totals.searches_bounced": "Searches with no result opened",
        "answers": "Answers that fail most",
        "answers.intro": "Ranked by the Wilson lower bound (95%) of the failure rate: \"No\" votes plus contact "
                         "clicks from that page or question.",
        "answers.none": "No votes or contact clicks in this period.",
        "answer": "Page or question",
        "votes": "Votes",
        "helpful": "Yes",
        "not_helpful": "No",
        "contacts": "Contacts",
        "bound": "Fails (lower bound)",
        "file": "File",
        "owner": "Owner",
        "reasons": "Reasons",
        "comments": "Latest comments",
        "unknown": "no longer on the site",
        "searches_empty": "Searches without results",
        "searches_bounced": "Searches whose results nobody opened",
        "searches_contacted": "Searches before contacting CS",
        "pages_contacted": "Pages read before contacting CS",
        "query": "Search",
        "count": "Count",
        "variants": "Spellings",
        "hint": "Hint",
        "hint.synonym": "Add a synonym in content/synonyms.yml",
        "hint.new_answer": "Write a new answer",
        "visits": "Visits",
        "contacted": "Then contacted CS",
        "page": "Page",
        "none": "None.",
        "chart.daily": "Helpful rate per day",
        "chart.answers": "Answers that fail most",
        "chart.reasons": "Reasons for \"No\"",
        "chart.searches": "Searches without results",
        "reason.unclear": "Hard to understand",
        "reason.incomplete": "Not complete",
        "reason.wrong": "Wrong or out of date",
        "reason.not_found": "Not what I looked for",
        "reason.other": "Something else",
        "generated": "Generated {generated}",
    },
}

TOTALS = ("visits", "contacts_avoided", "visits_not_found", "visits_contacted", "visits_browsed", "votes",
          "helpful_rate", "contacts", "searches", "searches_empty", "searches_bounced")


def word(key: str, language: str = "id", **params: object) -> str:
    catalog = CATALOGS.get(language, CATALOGS["id"])
    text = catalog.get(key, CATALOGS["id"].get(key, key))
    return text.format(**params) if params else text


def change(now: float | None, before: float | None, percent: bool = False) -> str:
    """'+12', '−3', '+4.0 pt' for rates; '' when there is nothing to compare with."""
    if now is None or before is None:
        return ""
    if percent:
        return f"{(now - before) * 100:+.1f} pt"
    return f"{now - before:+d}"


def figure(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if percent else str(value)
