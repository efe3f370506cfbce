"""Every front-matter field, declared once: its type, default, rule and the help a CS lead sees when it is wrong."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from helpcenter.messages.problems import text

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CodedValueError(ValueError):
    """A validator's complaint as a message-catalog entry (`helpcenter.messages.problems`), so it can be translated;
    the field's name is added where the error is reported."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _to_date(value: Any) -> Any:
    """Accept a YAML date or an ISO string; anything else gets one message that shows the expected form."""
    if isinstance(value, datetime):
        raise CodedValueError("field.date_with_time", value=f"{value:%Y-%m-%d %H:%M}")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise CodedValueError("field.date_unreal", value=value) from None
    raise CodedValueError("field.date", value=value)


M = TypeVar("M", bound=BaseModel)
Date = Annotated[date, BeforeValidator(_to_date)]
Text = Annotated[StrictStr, Field(min_length=1)]
PAGE_TYPES = ("faq", "policy", "tutorial", "page")
AUDIENCES = ("public", "agents")
TYPE_DESCRIPTION = "what the page is: faq, policy, tutorial or page"
HIDEABLE = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Common(_Model):
    """Fields of every page."""

    type: Literal["faq", "policy", "tutorial", "page"] = Field(description=TYPE_DESCRIPTION)
    title: Text = Field(max_length=120, description="the page title, e.g. \"Pembayaran\"")
    description: Text = Field(
        max_length=160, description="one sentence for search engines and result previews, at most 160 characters")
    owner: Text = Field(description="who answers for this page, e.g. \"@dewi-lestari\" (in quotes)")
    reviewed: Date = Field(description="the date of the last review, like 2026-01-31")
    review_months: StrictInt = Field(
        12, ge=1, le=36, description="how many months after 'reviewed' the page is due for review again")
    order: StrictInt | None = Field(None, ge=0, description="position of the page within its folder")
    audience: Literal["public", "agents"] = Field(
        "public", description="who reads the page: public (everyone, the default) or agents (CS agents only, in the "
                              "agents' edition; on a folder's index.md, the whole folder)")
    # mkdocs-material's own page settings, passed through to the theme.
    hide: list[HIDEABLE] = Field(default_factory=list, description="parts of the layout to hide")
    icon: StrictStr | None = Field(None, description="an icon from the theme, e.g. material/truck-outline")
    template: StrictStr | None = Field(None, description="a template from theme/, e.g. home.html")
    tags: list[StrictStr] = Field(default_factory=list, description="keywords shown on the page")


class Faq(Common):
    """A page of questions: every '## ' heading is one question with its answer below."""

    type: Literal["faq"] = Field(description=TYPE_DESCRIPTION)
    related: dict[StrictStr, list[StrictStr]] = Field(
        default_factory=dict,
        description="related questions shown under an answer: the question's anchor, then links to other "
                    "questions as in Markdown, e.g. bayar-cod: [\"#ganti-metode\", pembatalan.md#batal-cod]")


class HistoryEntry(_Model):
    version: Text = Field(description="the version number in quotes, e.g. \"2.0\"")
    effective: Date = Field(description="the date this version took effect, like 2026-01-31")
    changes: Text = Field(max_length=300, description="what changed, in one or two sentences")


class Policy(Common):
    """A policy with an effective date, a version and its change history."""

    type: Literal["policy"] = Field(description=TYPE_DESCRIPTION)
    review_months: StrictInt = Field(6, ge=1, le=36, description=Common.model_fields["review_months"].description)
    effective: Date = Field(description="the date the current version takes effect, like 2026-01-31")
    version: Text = Field(max_length=20, description="the version number in quotes, e.g. \"2.0\"")
    summary: Text = Field(max_length=200, pattern=r"^[^\n]*$", description="the policy in one line, no line breaks")
    history: list[HistoryEntry] = Field(
        min_length=1, description="the change history, newest first; the first entry is the current version")
    announced: StrictStr | None = Field(
        None, description="the next version of this policy, announced ahead: another policy page, e.g. "
                          "pengembalian-2026-12.md, whose 'effective' is the day its terms start")

    @field_validator("history")
    @classmethod
    def _current_version_heads_history(cls, history: list[HistoryEntry], info: ValidationInfo) -> list[HistoryEntry]:
        version, effective = info.data.get("version"), info.data.get("effective")
        head = history[0]
        if version and effective and (head.version != version or head.effective != effective):
            raise CodedValueError("field.history_head", version=version, effective=effective.isoformat(),
                                  head_version=head.version, head_effective=head.effective.isoformat())
        return history


class Video(_Model):
    """A tutorial's video, shown after its steps as a poster with a play button: nothing is fetched from another
    host until the shopper taps play."""

    title: Text = Field(max_length=120, description="what the video shows, e.g. \"Cara melacak pesanan\"")
    youtube: StrictStr | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{11}$",
        description="the YouTube video id, the 11 characters after 'v=' in its address, e.g. dQw4w9WgXcQ")
    file: StrictStr | None = Field(
        None, pattern=r"(?i)^[^:]+\.mp4$",
        description="a local MP4 video from the content folder, e.g. video/lacak.mp4")
    captions: StrictStr = Field(
        pattern=r"(?i)^[^:]+\.vtt$",
        description="the captions as a WebVTT file, e.g. video/lacak.vtt: shown under a local video, and its text is "
                    "the transcript that search finds")
    poster: StrictStr = Field(
        description="the picture shown before play, from the content folder, e.g. img/lacak-video.svg")

    @model_validator(mode="after")
    def _one_source(self) -> Video:
        if (self.file is None) == (self.youtube is None):
            raise CodedValueError("video.one_source")
        return self


class Tutorial(Common):
    """Step-by-step instructions: one numbered list of steps, images with alt text."""

    type: Literal["tutorial"] = Field(description=TYPE_DESCRIPTION)
    duration: StrictInt = Field(ge=1, le=240, description="how many minutes the task takes, a whole number")
    video: Video | None = Field(None, description="a video of the steps: title, youtube or file, captions, poster")


class Page(Common):
    """Anything else: the home page, contact, section introductions."""

    type: Literal["page"] = Field(description=TYPE_DESCRIPTION)
    featured: list[StrictStr] = Field(
        default_factory=list,
        description="questions to feature, as links from the content folder, e.g. faq/pembayaran.md#bayar-cod")


MODELS: dict[str, type[Common]] = {"faq": Faq, "policy": Policy, "tutorial": Tutorial, "page": Page}


class FieldError(ValueError):
    """One wrong field: `loc` is its key path in the front matter, `message` says what is expected (in English).

    `code` and `params` are its message-catalog entry (`helpcenter.messages.problems`), for other languages; None
    for the rare pydantic errors the catalog does not know, which stay in English.
    """

    def __init__(self, loc: tuple[str | int, ...], code: str | None, params: dict[str, object],
                 message: str | None = None) -> None:
        self.loc = loc
        self.code = code
        self.params = params
        self.message = message if code is None else text(code, "en", **params)
        self.suggestion = params.get("suggestion") or None
        super().__init__(self.message)


def validate(data: dict[str, Any]) -> tuple[Common | None, list[FieldError]]:
    """Validate front matter; return the typed model or every field error found."""
    page_type = data.get("type")
    if page_type is None:
        return None, [FieldError(("type",), "field.type_missing", {"types": ", ".join(PAGE_TYPES)})]
    if page_type not in MODELS:
        return None, [FieldError(("type",), "field.type_unknown", {
            "types": ", ".join(PAGE_TYPES), "value": page_type,
            "suggestion": closest(str(page_type), PAGE_TYPES) or ""})]
    return validate_model(MODELS[page_type], data)


def validate_model(model: type[M], data: Any, prefix: str = "") -> tuple[M | None, list[FieldError]]:
    """Validate `data` against any settings model, turning pydantic's errors into messages a CS lead can act on.

    `prefix` is where the fields live, e.g. "extra.shop", so that messages name the setting in full.
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        found = [_field_error(model, error, prefix) for error in exc.errors(include_url=False)]
    # A misspelt field shows up twice: unknown as written, missing as meant. Say it once, as the typo.
    meant = {(*error.loc[:-1], error.suggestion) for error in found if error.suggestion}
    return None, [error for error in found if error.loc not in meant]


def _field_error(model: type[BaseModel], error: Any, prefix: str = "") -> FieldError:
    loc = tuple(error["loc"])
    name = ".".join(part for part in (prefix, _label(loc)) if part)
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = {"name": name, "field_key": str(loc[-1]) if loc else "", "described": _description(model, loc)}
    shown = {**field, "shown": _shown(value)}
    if kind == "missing":
        return FieldError(loc, "field.missing" if field["described"] else "field.missing_plain", field)
    if kind == "extra_forbidden":
        suggestion = closest(str(loc[-1]), _known_fields(model, loc))
        return FieldError(loc, "field.unknown", {**field, "suggestion": suggestion or ""})
    if kind == "string_too_long":
        return FieldError(loc, "field.too_long", {**field, "max": ctx["max_length"], "length": len(value)})
    if kind == "string_too_short":
        return FieldError(loc, "field.empty", field)
    if kind == "string_pattern_mismatch":
        return FieldError(loc, "field.pattern", shown)
    if kind == "string_type":
        numeric = isinstance(value, (int, float))
        return FieldError(loc, "field.not_text_number" if numeric else "field.not_text", {**shown, "value": value})
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return FieldError(loc, "field.not_whole", shown)
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(model, loc)
        return FieldError(loc, "field.range", {**field, "low": low, "high": high, "value": value})
    if kind == "too_short":
        return FieldError(loc, "field.too_few", {**field, "min": ctx["min_length"]})
    if kind == "list_type":
        return FieldError(loc, "field.not_list", shown)
    if kind == "literal_error":
        return FieldError(loc, "field.choice", {**shown, "expected": ctx["expected"]})
    if kind in ("model_type", "dict_type"):
        return FieldError(loc, "field.not_fields", shown)
    if kind == "value_error" and isinstance(ctx.get("error"), CodedValueError):
        return FieldError(loc, ctx["error"].code, {**field, **ctx["error"].params})
    if kind == "value_error":
        detail = str(ctx.get("error", error["msg"]))
        return FieldError(loc, None, field, f"'{name}' {detail}" if loc else detail)
    return FieldError(loc, None, field, f"'{name}': {error['msg']}, got {_shown(value)}")


def _label(loc: tuple[str | int, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part + 1}]"
        else:
            parts.append(part)
    return ".".join(parts)


def _submodel(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model that declares the last field of `loc` (None when `loc` leaves the models)."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        candidates = (info.annotation, *getattr(info.annotation, "__args__", ())) if info else ()
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if not models:
            return None
        current = models[0]
    return current


def _description(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    owner = _submodel(model, loc)
    info = owner.model_fields.get(str(loc[-1])) if owner and loc else None
    return info.description or "" if info else ""


def _known_fields(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    owner = _submodel(model, loc)
    return list(owner.model_fields) if owner else []


def _bounds(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[object, object]:
    owner = _submodel(model, loc)
    info = owner.model_fields[str(loc[-1])] if owner else None
    low = high = None
    for rule in info.metadata if info else ():
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def closest(word: str, choices: Any) -> str | None:
    """The choice `word` most likely misspells, for "did you mean ...?" (None when nothing is close)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "fields"
    return repr(value)


def field_reference() -> dict[str, dict[str, str]]:
    """Each page type's fields with their descriptions, for the writing guide and its tests."""
    return {
        name: {key: info.description or "" for key, info in model.model_fields.items()}
        for name, model in MODELS.items()
    }
