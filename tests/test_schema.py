from __future__ import annotations

from datetime import date

import pytest

from helpcenter.content import schema

COMMON = {"title": "T", "description": "D", "owner": "@o", "reviewed": date(2026, 11, 20)}
VALID = {
    "faq": {**COMMON, "type": "faq"},
    "page": {**COMMON, "type": "page", "featured": ["faq/a.md#b"]},
    "tutorial": {**COMMON, "type": "tutorial", "duration": 5},
    "policy": {**COMMON, "type": "policy", "effective": date(2026, 1, 1), "version": "2.0", "summary": "S",
               "history": [{"version": "2.0", "effective": "2026-01-01", "changes": "C"}]},
}


@pytest.mark.parametrize("page_type", schema.PAGE_TYPES)
def test_each_type_accepts_its_fields(page_type: str) -> None:
    model, errors = schema.validate(VALID[page_type])
    assert errors == []
    assert model.type == page_type


@pytest.mark.parametrize("page_type", schema.PAGE_TYPES)
@pytest.mark.parametrize("field", ["title", "description", "owner", "reviewed"])
def test_common_fields_are_required_everywhere(page_type: str, field: str) -> None:
    data = {k: v for k, v in VALID[page_type].items() if k != field}
    _, errors = schema.validate(data)
    assert [e.loc for e in errors] == [(field,)]
    assert errors[0].message.startswith(f"'{field}' is required: ")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("effective", "2026-02-30", "'effective' must be a real date like 2026-01-31, got '2026-02-30'"),
    ("effective", 20260101, "'effective' must be a date like 2026-01-31, got '20260101'"),
    ("summary", "baris satu\nbaris dua", "'summary' is not in the expected form (the policy in one line, no line "
                                         "breaks), got 'baris satu\nbaris dua'"),
    ("history", [], "'history' needs at least 1 entry: the change history, newest first; the first entry is the "
                    "current version"),
    ("history", "v2", "'history' must be a list (one '- ' item per line), got 'v2'"),
    ("review_months", 0, "'review_months' must be between 1 and 36, got 0"),
    ("hide", ["nav"], "'hide[1]' must be one of 'navigation', 'toc', 'footer', 'path', 'tags' or 'feedback', "
                      "got 'nav'"),
])
def test_wrong_policy_values_say_what_is_expected(field: str, value: object, message: str) -> None:
    _, errors = schema.validate({**VALID["policy"], field: value})
    assert [e.message for e in errors] == [message]


def test_policy_reviews_every_six_months_by_default() -> None:
    policy, _ = schema.validate(VALID["policy"])
    faq, _ = schema.validate(VALID["faq"])
    assert (policy.review_months, faq.review_months) == (6, 12)


def test_every_field_is_described() -> None:
    for page_type, fields in schema.field_reference().items():
        assert all(fields.values()), f"a field of '{page_type}' has no description"
