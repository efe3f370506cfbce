"""Images on disk: every image a page shows must exist, and stay small enough for customers on mobile data.

Alt text is checked where the page is read (`helpcenter.content.pages`); this needs the files, so it runs per site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpcenter.content.checks.links import resolve
from helpcenter.content.problems import Problem, Severity, problem

if TYPE_CHECKING:
    from helpcenter.content.site import Site

# A phone screenshot, resized to 1200 pixels wide and compressed, stays well below this.
MAX_IMAGE_KB = 300


def image_problems(site: Site, max_kb: int = MAX_IMAGE_KB) -> list[Problem]:
    """A missing image file is an error, one larger than `max_kb` a warning."""
    problems = []
    for page in site.pages:
        for image in page.images:
            resolved, _ = resolve(page, image.src)
            if not resolved:
                continue
            file = site.docs_dir / resolved
            if resolved.startswith("..") or not file.is_file():
                problems.append(problem(page.file, image.line, "image.missing", src=image.src, resolved=resolved))
            elif (size := file.stat().st_size) > max_kb * 1024:
                problems.append(problem(page.file, image.line, "image.too_large", Severity.WARNING, src=image.src,
                                        size=round(size / 1024), limit=max_kb))
    return problems
