"""What customers may type into a comment or a search: line breaks and tabs yes, other control characters no."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from helpcenter.feedback.records import SearchEvent, Vote

VOTE = {"visit": "visit-0000-0001", "visitor": "visitor-0000-0001", "page": "", "helpful": False}


@pytest.mark.parametrize("text", ["Biayanya berapa?", "baris satu\nbaris dua\tdan tab", "ongkir\u00a0gratis 🙏",
                                  "kata\u2028baris", "日本語", " "])
def test_text_without_control_characters_is_taken(text: str) -> None:
    assert Vote(**VOTE, comment=text).comment == text
    assert SearchEvent(visit="visit-0000-0001", kind="search", query=text, results=0).query == text


@pytest.mark.parametrize("text", ["halo\x00", "\x7fx", "a\rb", "nel\x85", "zero\u200bwidth", "kanan\u202ekiri",
                                  "bom\ufeff"])
def test_control_and_format_characters_are_refused(text: str) -> None:
    for make in (lambda: Vote(**VOTE, comment=text),
                 lambda: SearchEvent(visit="visit-0000-0001", kind="search", query=text, results=0)):
        with pytest.raises(ValidationError, match="must not contain control characters"):
            make()
