"""What the content check says, in Indonesian (the default) and English: one catalog entry per kind of problem.

A problem made here keeps its code and parameters, so the same problem reads in either language; its `message`
is the English text, what the build log and the tests show. Problems of front-matter fields (pydantic's
validation, `helpcenter.schema`) are not in the catalog yet and read in English in both languages.
"""

from __future__ import annotations

from helpcenter.problems import Problem, Severity

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

CATALOGS: dict[str, dict[str, str]] = {
    "en": {
        "review.overdue": "the page was due for review on {due} ('reviewed' {reviewed}, every {months} months); "
                          "check it and set 'reviewed' to the date of your review",
        "review.due_soon": "the page is due for review on {due}, in {days} days; plan its review",
        "review.future": "'reviewed' is {reviewed}, a date in the future; use the date of the last review",
        "image.no_alt": "the image '{src}' has no alt text: describe what it shows between the brackets, "
                        "e.g. ![Tombol Beli di halaman produk]({src})",
        "image.missing": "the image '{src}' does not exist ('{resolved}' in the content folder); check the file "
                         "name and its folder",
        "image.too_large": "the image '{src}' is {size} kB, more than {limit} kB: customers on mobile data wait for "
                           "it; use SVG, or resize a screenshot to at most 1200 pixels wide and compress it",
        "faq.no_answer": "the question '{question}' has no answer: write the answer below the heading",
        "anchor.duplicate": "the anchor '{anchor}' is already used on this page (line {first}); give this heading "
                            "its own, e.g. {{#{anchor}-2}}",
        "link.missing_page": "the link '{target}' leads nowhere: there is no '{resolved}' in the content folder",
        "link.missing_anchor": "the link '{target}' leads to a heading that does not exist: '{page}' has no "
                               "heading or anchor '#{anchor}'",
        "link.outside": "the link '{target}' leaves the content folder; link to a page inside it, or write a full "
                        "https:// address",
        "question.duplicate": "the question '{question}' asks the same as '{other}' ({other_path}:{other_line}); "
                              "keep one of them and link to it from the other page",
        "question.similar": "the question '{question}' is {percent}% like '{other}' ({other_path}:{other_line}); "
                            "if both ask the same, keep one, otherwise reword one so the difference is clear",
        "page.unreachable": "the page is not in the navigation and no page in it links here, so customers cannot "
                            "find it; add it to 'nav' in mkdocs.yml or link to it from another page",
        "did_you_mean": " (did you mean '{suggestion}'?)",
        "severity.error": "error",
        "severity.warning": "warning",
        "severity.notice": "notice",
        "summary": "{pages} pages, {questions} questions: {errors} errors, {warnings} warnings, {notices} notices",
    },
    "id": {
        "review.overdue": "halaman ini seharusnya diperiksa ulang pada {due} ('reviewed' {reviewed}, setiap "
                          "{months} bulan); periksa isinya, lalu isi 'reviewed' dengan tanggal pemeriksaanmu",
        "review.due_soon": "halaman ini perlu diperiksa ulang pada {due}, {days} hari lagi; jadwalkan "
                           "pemeriksaannya",
        "review.future": "'reviewed' berisi {reviewed}, tanggal yang belum terjadi; isi dengan tanggal pemeriksaan "
                         "terakhir",
        "image.no_alt": "gambar '{src}' tidak punya teks alternatif: tulis apa yang terlihat di gambar di antara "
                        "kurung siku, misalnya ![Tombol Beli di halaman produk]({src})",
        "image.missing": "gambar '{src}' tidak ada ('{resolved}' di folder konten); periksa nama file dan "
                         "foldernya",
        "image.too_large": "gambar '{src}' berukuran {size} kB, lebih dari {limit} kB: pelanggan dengan kuota "
                           "seluler menunggu lama; pakai SVG, atau kecilkan tangkapan layar menjadi paling lebar "
                           "1200 piksel dan kompres",
        "faq.no_answer": "pertanyaan '{question}' belum punya jawaban: tulis jawabannya di bawah judul",
        "anchor.duplicate": "anchor '{anchor}' sudah dipakai di halaman ini (baris {first}); beri judul ini anchor "
                            "sendiri, misalnya {{#{anchor}-2}}",
        "link.missing_page": "tautan '{target}' tidak menuju ke mana pun: '{resolved}' tidak ada di folder konten",
        "link.missing_anchor": "tautan '{target}' menuju judul yang tidak ada: '{page}' tidak punya judul atau "
                               "anchor '#{anchor}'",
        "link.outside": "tautan '{target}' keluar dari folder konten; tautkan ke halaman di dalamnya, atau tulis "
                        "alamat lengkap https://",
        "question.duplicate": "pertanyaan '{question}' sama dengan '{other}' ({other_path}:{other_line}); "
                              "simpan satu saja dan tautkan ke sana dari halaman lain",
        "question.similar": "pertanyaan '{question}' {percent}% mirip dengan '{other}' ({other_path}:{other_line}); "
                            "kalau maksudnya sama, simpan satu saja, kalau beda, ubah kalimatnya supaya jelas "
                            "bedanya",
        "page.unreachable": "halaman ini tidak ada di navigasi dan tidak ada halaman yang menautkannya, jadi "
                            "pelanggan tidak bisa menemukannya; tambahkan ke 'nav' di mkdocs.yml atau tautkan dari "
                            "halaman lain",
        "did_you_mean": " (maksudnya '{suggestion}'?)",
        "severity.error": "kesalahan",
        "severity.warning": "peringatan",
        "severity.notice": "catatan",
        "summary": "{pages} halaman, {questions} pertanyaan: {errors} kesalahan, {warnings} peringatan, "
                   "{notices} catatan",
    },
}


def text(code: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The catalog text for `code`, filled in; a 'suggestion' parameter adds "did you mean ...?"."""
    catalog = CATALOGS.get(language, CATALOGS[DEFAULT_LANGUAGE])
    result = catalog[code].format(**params)
    if params.get("suggestion"):
        result += catalog["did_you_mean"].format(suggestion=params["suggestion"])
    return result


def problem(
    path: str, line: int, code: str, severity: Severity = Severity.ERROR, field: str | None = None, **params: object
) -> Problem:
    """A problem from the catalog: English `message`, and what it takes to say it in another language."""
    return Problem(path, line, text(code, "en", **params), field=field, severity=severity, code=code,
                   params=tuple((key, str(value)) for key, value in params.items()))


def message(item: Problem, language: str = DEFAULT_LANGUAGE) -> str:
    """The problem in `language`; a problem that is not in the catalog keeps its English message."""
    if item.code is None:
        return item.message
    return text(item.code, language, **dict(item.params))
