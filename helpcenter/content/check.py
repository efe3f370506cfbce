"""The content check: what `helpcenter check` runs, the same checks a build runs, without MkDocs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpcenter.content.checks.images import MAX_IMAGE_KB
from helpcenter.content.checks.navigation import configured_navigation, unreachable_problems
from helpcenter.content.load import load_site
from helpcenter.content.site import Site


def check_content(docs_dir: Path, today: date, config: Path | None = None, max_image_kb: int = MAX_IMAGE_KB,
                  drafts: bool = False) -> Site:
    """Everything a build checks, without building: pages, links, images, duplicates, draft markers (warnings
    with `drafts`), and, when mkdocs.yml (`config`) lists a `nav`, the pages it leaves out."""
    site = load_site(docs_dir, today, max_image_kb=max_image_kb, drafts=drafts)
    navigation = configured_navigation(config.read_text(encoding="utf-8")) if config and config.is_file() else None
    if navigation is not None:
        # The navigation is the public site's: pages for agents only are not expected in it.
        site.problems = sorted(site.problems + unreachable_problems(site.public(), navigation))
    return site
