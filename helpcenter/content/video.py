"""A tutorial's video (front matter `video`): its files checked, its captions read as the transcript search finds.

The page shows a poster with a play button and loads the player only when the shopper taps it (theme/partials/
hc-video.html, helpcenter.js): until then no request leaves the help center's host.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpcenter.content.pages import ContentPage
from helpcenter.content.problems import Problem, problem

if TYPE_CHECKING:
    from helpcenter.content.site import Site

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/"
_CUE_TIMING = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}[.,]\d{3}\s+-->")
_CUE_TAG = re.compile(r"<[^>]+>")


def video_sources(page: ContentPage) -> dict[str, str]:
    """The video's local files below the content folder, by field: file, captions, poster."""
    video = getattr(page.meta, "video", None)
    if video is None:
        return {}
    fields = {"file": video.file, "captions": video.captions, "poster": video.poster}
    return {name: posixpath.normpath(posixpath.join(posixpath.dirname(page.source), target))
            for name, target in fields.items() if target}


def video_problems(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        video = getattr(page.meta, "video", None)
        for name, resolved in video_sources(page).items():
            if resolved.startswith("..") or not (site.docs_dir / resolved).is_file():
                problems.append(problem(page.file, page.line_of(("video", name)), "video.missing",
                                        field=f"video.{name}", name=f"video.{name}", target=getattr(video, name),
                                        resolved=resolved))
    return problems


def transcript(vtt: str) -> str:
    """The words of a WebVTT file, in order: no header, cue numbers, timings, notes or styling tags."""
    words: list[str] = []
    blocks = re.split(r"\n\s*\n", vtt.replace("\r\n", "\n").strip())
    for block in blocks:
        lines = block.split("\n")
        if lines[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, line in enumerate(lines) if _CUE_TIMING.match(line)), None)
        if timing is not None:
            words += [_CUE_TAG.sub("", line).strip() for line in lines[timing + 1:]]
    return " ".join(" ".join(words).split())


def page_transcript(docs_dir: Path, page: ContentPage) -> str:
    """The transcript of a page's video, from its captions file ('' without a video or a readable file)."""
    captions = video_sources(page).get("captions")
    if not captions:
        return ""
    try:
        return transcript((docs_dir / captions).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""


@dataclass(frozen=True)
class VideoView:
    """What the page shows of a video: paths below the site root (the content folder's layout), the player's
    address, and the transcript."""

    title: str
    poster: str
    transcript: str
    embed: str = ""
    """The YouTube player's address, loaded only after a tap on play."""
    watch: str = ""
    """Where the play link leads without JavaScript: the video on YouTube, or the MP4 file."""
    file: str = ""
    captions: str = ""


def video_view(docs_dir: Path, page: ContentPage) -> VideoView | None:
    video = getattr(page.meta, "video", None)
    if video is None:
        return None
    sources = video_sources(page)
    if video.youtube:
        return VideoView(title=video.title, poster=sources["poster"], transcript=page_transcript(docs_dir, page),
                         embed=f"{YOUTUBE_EMBED}{video.youtube}?autoplay=1&rel=0",
                         watch=f"https://www.youtube.com/watch?v={video.youtube}", captions=sources["captions"])
    return VideoView(title=video.title, poster=sources["poster"], transcript=page_transcript(docs_dir, page),
                     file=sources["file"], captions=sources["captions"])
