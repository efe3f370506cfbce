"""The content model: one Markdown file becomes one typed page, with its questions or steps, or a list of problems."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.content import body as body_scan
from helpcenter.content import frontmatter, schema
from helpcenter.content.problems import Problem, problem

# The page types that answer something a customer can rate; "page" (home, contact) answers nothing by itself.
ARTICLE_TYPES = ("faq", "policy", "tutorial")
# A folder's landing page, as MkDocs names it.
INDEX_FILES = ("index.md", "README.md")


@dataclass(frozen=True)
class Question:
    """One FAQ question: a '## ' heading whose anchor links, searches and rates it on its own."""

    anchor: str
    text: str
    line: int


@dataclass(frozen=True)
class ContentPage:
    source: str
    """Path below the content folder, with '/' separators, as MkDocs names it: faq/pembayaran.md."""
    file: str
    """The file as a CS lead sees it in the repository: content/faq/pembayaran.md."""
    path: str
    """The page's URL path relative to the site root (directory URLs): faq/pembayaran/; what votes name."""
    meta: schema.Common
    questions: tuple[Question, ...] = ()
    steps: tuple[body_scan.Step, ...] = ()
    images: tuple[body_scan.Image, ...] = ()
    links: tuple[body_scan.Link, ...] = ()
    anchors: frozenset[str] = frozenset()
    """Every place a link can point to with '#': heading anchors and `{#id}` attributes."""
    front: frontmatter.FrontMatter | None = field(default=None, repr=False, compare=False)

    @property
    def type(self) -> str:
        return self.meta.type

    @property
    def is_index(self) -> bool:
        """A section's landing page (its folder's index.md, the home page too), as MkDocs' `Page.is_index`."""
        return is_index(self.source)

    @property
    def is_article(self) -> bool:
        """An FAQ page, a policy or a tutorial: a page that answers something, rated as such."""
        return self.type in ARTICLE_TYPES and not self.is_index

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The file line of a front-matter value, for problems found after loading."""
        return self.front.line_of(loc) if self.front else 1


def is_index(source: str) -> bool:
    """Whether a content file (below the content folder) is its folder's landing page."""
    return posixpath.basename(source) in INDEX_FILES


def page_url(source: str) -> str:
    """The URL path MkDocs gives a page with `use_directory_urls` (its default): a.md -> a/, a/index.md -> a/."""
    stem = posixpath.dirname(source) if is_index(source) else posixpath.splitext(source)[0]
    return f"{stem}/" if stem else ""


def relative_urls(here: str, targets: list[str]) -> list[str]:
    """Links from the page at URL `here` to each path of `targets`, as MkDocs' `url` filter writes them for site
    paths (its get_relative_url): the page's folder is split once for a whole list, as every page's footer links
    the shop's policies."""
    folder, _, last = here.rpartition("/")
    base, _ = _url_parts(folder if "." in last else here)
    up = "../" * len(base)
    links = []
    for target in targets:
        parts, normal = _url_parts(target)
        if parts and (not base or parts[0] != base[0]):
            link = up + normal  # nothing in common: the usual case, and the cheap one
        else:
            common = 0
            for ours, theirs in zip(base, parts, strict=False):  # common leading segments
                if ours != theirs:
                    break
                common += 1
            link = "/".join((*[".."] * (len(base) - common), *parts[common:])) or "."
        links.append(f"{link}/" if target.endswith("/") else link)
    return links


@functools.lru_cache(maxsize=1 << 14)
def _url_parts(path: str) -> tuple[tuple[str, ...], str]:
    """A URL path's segments and their text, normalised as MkDocs normalises them ('..' and '.' resolved, never
    above the root). Cached: a site's few thousand paths are split once each, not once per page that links them."""
    normal = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return (tuple(normal.split("/")) if normal else ()), normal


def relative_url(here: str, target: str) -> str:
    """A link from the page at URL path `here` to the page at `target` (both like 'faq/x/'), as MkDocs writes it;
    the home page ('') is './' from itself, '../' from a page below."""
    return relative_urls(here, [target or "./"])[0]


def load_page(
    docs_dir: Path, source: str, display_root: Path | None = None
) -> tuple[ContentPage | None, list[Problem]]:
    """Read and check one page; return it, or None with every problem found in it.

    Problems name the file relative to `display_root` (the repository, by default the working directory).
    """
    file = docs_dir / source
    shown = posixpath.join(display_prefix(docs_dir, display_root), source)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [problem(shown, 1, "page.not_utf8", byte=exc.start)]
    text = text.replace("\r\n", "\n")
    try:
        front = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        return None, [problem(shown, exc.line, exc.code, **exc.params)]
    meta, field_errors = schema.validate(front.data)
    problems = [_field_problem(shown, front, error) for error in field_errors]
    scanned = body_scan.scan(front.body, front.body_line, steps=front.data.get("type") == "tutorial")
    problems += _image_problems(shown, scanned)
    problems += _anchor_problems(shown, scanned)
    problems += _note_problems(shown, scanned)
    if meta is None:
        return None, problems
    type_line = front.line_of(("type",))
    questions: tuple[Question, ...] = ()
    if meta.type == "faq":
        questions = tuple(
            Question(anchor=s.heading.anchor, text=s.heading.text, line=s.heading.line)
            for s in scanned.sections if s.heading.level == 2
        )
        # An answer must stand without its internal notes: customers get it without them.
        public = body_scan.scan(body_scan.without_notes(front.body, scanned.notes), front.body_line, steps=False) \
            if scanned.notes else scanned
        problems += _faq_problems(shown, public, type_line)
    if meta.type == "tutorial" and not scanned.steps:
        problems.append(problem(shown, type_line, "tutorial.no_steps", field="type"))
    if problems:
        return None, problems
    page = ContentPage(
        source=source, file=shown, path=page_url(source), meta=meta, questions=questions,
        steps=tuple(scanned.steps), images=tuple(scanned.images), links=tuple(scanned.links),
        anchors=frozenset(heading.anchor for heading in scanned.headings) | scanned.ids, front=front,
    )
    return page, []


@functools.cache
def display_prefix(docs_dir: Path, root: Path | None) -> str:
    """How a CS lead sees the content folder: 'content' from the repository, else the path as given."""
    try:
        return docs_dir.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return docs_dir.as_posix()


def _field_problem(shown: str, front: frontmatter.FrontMatter, error: schema.FieldError) -> Problem:
    line, field = front.line_of(error.loc), ".".join(map(str, error.loc)) or None
    if error.code is None:
        return Problem(shown, line, error.message, field=field)
    return problem(shown, line, error.code, field=field, **error.params)


def _faq_problems(shown: str, scanned: body_scan.Body, type_line: int) -> list[Problem]:
    questions = [s for s in scanned.sections if s.heading.level == 2]
    if not questions:
        return [problem(shown, type_line, "faq.no_questions", field="type")]
    return [problem(shown, s.heading.line, "faq.no_answer", question=s.heading.text)
            for s in questions if not s.has_content]


def _anchor_problems(shown: str, scanned: body_scan.Body) -> list[Problem]:
    first_line: dict[str, int] = {}
    problems = []
    for heading in scanned.headings:
        if heading.anchor in first_line:
            problems.append(problem(shown, heading.line, "anchor.duplicate", anchor=heading.anchor,
                                    first=first_line[heading.anchor]))
        else:
            first_line[heading.anchor] = heading.line
    return problems


def _note_problems(shown: str, scanned: body_scan.Body) -> list[Problem]:
    """A note never closed would hide the rest of the page from customers; a heading in a note would be a question
    or section that customers never see."""
    problems = [problem(shown, note.line, "internal.unclosed", fence=note.fence)
                for note in scanned.notes if not note.closed]
    for heading in scanned.headings:
        if any(note.line < heading.line <= note.end_line for note in scanned.notes):
            problems.append(problem(shown, heading.line, "internal.heading", heading=heading.text))
    return problems


def _image_problems(shown: str, scanned: body_scan.Body) -> list[Problem]:
    return [problem(shown, image.line, "image.no_alt", src=image.src) for image in scanned.images if not image.alt]
