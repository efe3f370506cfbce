"""One way to look up what the help center says: a catalog of texts per language, and dates in words.

Every catalog (interface words, content problems, the report) is a `Catalog`; a language that lacks a text falls
back to Indonesian, and a key Indonesian lacks is a bug, raised as KeyError.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

_MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


class Catalog:
    """Texts by language and key; `{name}` placeholders are filled from the parameters."""

    def __init__(self, texts: Mapping[str, Mapping[str, str]]) -> None:
        self.texts = texts

    def text(self, key: str, language: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
        found = self.texts.get(language, {}).get(key)
        if found is None:
            found = self.texts[DEFAULT_LANGUAGE][key]
        return found.format(**params) if params else found

    def keys(self, language: str = DEFAULT_LANGUAGE) -> set[str]:
        return set(self.texts[language])


def format_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    """'1 Januari 2026' in Indonesian, 'January 1, 2026' in English."""
    month = _MONTHS.get(language, _MONTHS[DEFAULT_LANGUAGE])[day.month - 1]
    return f"{month} {day.day}, {day.year}" if language == "en" else f"{day.day} {month} {day.year}"
