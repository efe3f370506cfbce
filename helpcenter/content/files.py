"""What the content folder may hold: the files a build reads and publishes, and nothing of the machine around it.

MkDocs copies every file below the content folder into the site and follows symbolic links while it lists them:
`ln -s /proc/self/environ content/env.txt` would publish the build's environment, a link to a folder above
would make the listing go round in circles. These checks look at the folder without following any link, before
MkDocs lists it (`hooks/content.py`, on_pre_build) and in `helpcenter check`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from helpcenter.content.problems import Problem, problem

# A long policy is about 20 kB of Markdown; past this a page (or synonyms.yml) is a mistake or an attack that
# would slow every build and every phone that opens it.
MAX_TEXT_KB = 256
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
# Pages, images and documents to download. Not .html, .js, .css, .xml and the like: a file the browser runs
# or renders as a page would carry scripts past the HTML policy (`checks/html.py`).
# A tutorial's video: an MP4 and its captions (WebVTT, text a player shows, never runs).
PUBLISHED_TYPES = frozenset({".md", *IMAGE_TYPES, ".pdf", ".txt", ".mp4", ".vtt"})
# Files the build reads itself, by name.
READ_FILES = frozenset({"synonyms.yml"})


def file_problems(docs_dir: Path, shown: str) -> list[Problem]:
    """Every entry below `docs_dir` that is not a plain file or folder inside it, and every file type the site
    does not publish; `shown` is how problems name the folder ('content').

    Links to files inside the folder are fine (their target is checked as itself); links to folders are not,
    even inside: they can lead in a circle, which MkDocs would follow until the path is too long. A hard link
    can be any file of the same disk and a pipe would stall the copy: both are refused. Hidden entries (a name
    starting with '.') are never published, but MkDocs follows links to folders among them too.
    """
    root = os.path.realpath(docs_dir)
    problems = []
    for folder, folders, files in os.walk(root):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        hidden = any(part.startswith(".") for part in relative.split("/") if part != ".")
        for name in sorted(folders) + sorted(files):
            source = name if relative == "." else f"{relative}/{name}"
            found = _entry_problem(root, os.path.join(folder, name), f"{shown}/{source}",
                                   hidden or name.startswith("."))
            if found:
                problems.append(found)
    return sorted(problems)


def _entry_problem(root: str, path: str, file: str, hidden: bool) -> Problem | None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        target = os.path.realpath(path)
        into_folder = os.path.isdir(target)
        if hidden and not into_folder:
            return None  # never published, and MkDocs lists nothing behind it
        if not os.path.exists(target):
            return problem(file, 1, "file.broken_link", target=os.readlink(path))
        if os.path.commonpath([root, target]) != root:
            return problem(file, 1, "file.outside", target=os.readlink(path))
        if into_folder:
            return problem(file, 1, "file.folder_link", target=os.readlink(path))
        info = os.stat(target)
    if hidden or stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return problem(file, 1, "file.special")
    if info.st_nlink > 1:
        return problem(file, 1, "file.hard_link", links=info.st_nlink)
    name = os.path.basename(path)
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in PUBLISHED_TYPES and name not in READ_FILES:
        return problem(file, 1, "file.type", suffix=suffix or name, types=", ".join(sorted(PUBLISHED_TYPES)))
    return None


def size_problem(path: Path, file: str) -> Problem | None:
    """A text file the build reads (a page, synonyms.yml) over MAX_TEXT_KB: refused before it is read."""
    size = path.stat().st_size
    if size > MAX_TEXT_KB * 1024:
        return problem(file, 1, "file.too_large", size=round(size / 1024), limit=MAX_TEXT_KB)
    return None
