"""What the browser may send: every field typed and bounded, unknown fields refused, no control characters."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, model_validator

REASONS = ("unclear", "incomplete", "wrong", "not_found", "other")
CHANNELS = ("whatsapp", "email", "phone", "chat")


def _no_control_characters(value: str) -> str:
    """Customer text may hold line breaks and tabs, nothing else from the control range."""
    # Printable text has no character of category C (Cc, Cf among them): one pass in C instead of one call per
    # character, for nearly every query and comment.
    if value.isprintable():
        return value
    if any(unicodedata.category(char) in ("Cc", "Cf") and char not in "\n\t" for char in value):
        raise ValueError("must not contain control characters")
    return value


COMMENT_MAX_LENGTH = 500
QUERY_MAX_LENGTH = 200
_ID = r"^[A-Za-z0-9_-]{8,64}$"
Identifier = Annotated[StrictStr, Field(pattern=_ID)]
PagePath = Annotated[StrictStr, Field(max_length=300, pattern=r"^(?:[a-z0-9][a-z0-9._-]*/)*$",
                                      description="a page path from the manifest, e.g. faq/pembayaran/ (\"\" is home)")]
Anchor = Annotated[StrictStr, Field(max_length=100, pattern=r"^[A-Za-z][\w:.-]*$",
                                    description="a question's anchor on the page")]
Comment = Annotated[StrictStr, Field(max_length=COMMENT_MAX_LENGTH), AfterValidator(_no_control_characters)]
Query = Annotated[StrictStr, Field(min_length=1, max_length=QUERY_MAX_LENGTH), AfterValidator(_no_control_characters)]
Language = Annotated[StrictStr, Field(pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$")]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    visit: Identifier = Field(description="random id the browser makes per tab and visit; joins a visit's events")
    language: Language = "id"


class Vote(_Body):
    """'Apakah ini membantu?' answered for a page or for one FAQ question on it."""

    visitor: Identifier = Field(description="random id the browser keeps; stored only as a daily salted hash")
    page: PagePath
    anchor: Anchor | None = None
    helpful: StrictBool
    reason: Literal[REASONS] | None = Field(None, description="why not, when helpful is false")  # type: ignore[valid-type]
    comment: Comment | None = None

    @model_validator(mode="after")
    def _reasons_only_for_no(self) -> Vote:
        if self.helpful and (self.reason or self.comment):
            raise ValueError("reason and comment go with helpful: false")
        return self


class SearchEvent(_Body):
    """A search the customer made: what they typed, how many results they saw, which one they opened."""

    kind: Literal["search"]
    query: Query
    results: StrictInt = Field(ge=0, le=10_000)
    opened: Annotated[StrictStr, Field(max_length=400, pattern=r"^(?:[a-z0-9][a-z0-9._-]*/)*(?:#[A-Za-z][\w:.-]*)?$")] \
        | None = Field(None, description="the result opened, as page path with optional #anchor")
    page: PagePath | None = Field(None, description="the page the search started from")


class ContactEvent(_Body):
    """A click on a contact channel, from a page or a question."""

    kind: Literal["contact"]
    channel: Literal[CHANNELS]  # type: ignore[valid-type]
    page: PagePath
    anchor: Anchor | None = None


class ViewEvent(_Body):
    """A page read: the step a visit took before it voted, searched or contacted CS."""

    kind: Literal["view"]
    page: PagePath


class CopyEvent(_Body):
    """A CS agent copied an answer from the agents' edition ("Salin jawaban"): which answer, and nothing else, not
    the values typed into its placeholders (no other field is accepted)."""

    kind: Literal["copy"]
    page: PagePath
    anchor: Anchor | None = None


Event = Annotated[SearchEvent | ContactEvent | ViewEvent | CopyEvent, Field(discriminator="kind")]
