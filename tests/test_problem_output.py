from __future__ import annotations

import pytest

from helpcenter.content.output import for_github, for_people, summary
from helpcenter.content.problems import Problem, Severity, problem

PROBLEMS = [
    problem("content/b.md", 7, "faq.no_answer", question="Bisa COD?"),
    Problem("content/a.md", 3, "'effective' must be a date like 2026-01-31, got '31/01/2026'", field="effective"),
    problem("content/b.md", 2, "review.due_soon", Severity.NOTICE, due="2026-12-01", days=6),
]


def test_for_people_groups_by_file_in_indonesian() -> None:
    assert for_people(PROBLEMS, "id") == (
        "content/a.md\n  3: kesalahan: 'effective' must be a date like 2026-01-31, got '31/01/2026'\n\n"
        "content/b.md\n  2: catatan: halaman ini perlu diperiksa ulang pada 2026-12-01, 6 hari lagi; jadwalkan "
        "pemeriksaannya\n  7: kesalahan: pertanyaan 'Bisa COD?' belum punya jawaban: tulis jawabannya di bawah judul"
    )


def test_github_annotations_escape_what_github_reads_as_syntax() -> None:
    odd = Problem("content/a,b.md", 4, "50% done\nnext line")
    assert for_github([odd], "en") == "::error file=content/a%2Cb.md,line=4,title=error::50%25 done%0Anext line"


@pytest.mark.parametrize(("language", "expected"), [
    ("id", "2 halaman, 5 pertanyaan: 2 kesalahan, 0 peringatan, 1 catatan"),
    ("en", "2 pages, 5 questions: 2 errors, 0 warnings, 1 notices"),
])
def test_summary(language: str, expected: str) -> None:
    assert summary(2, 5, PROBLEMS, language) == expected
