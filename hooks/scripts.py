"""The theme's scripts and styles shipped without their comment lines (`helpcenter.build.scripts` says why)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from helpcenter.build.scripts import SUFFIXES, strip_comments


def on_post_build(config: MkDocsConfig) -> None:
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    if theme is None:
        return
    ours = [path.relative_to(theme).as_posix() for path in (theme / "assets").rglob("*") if path.suffix in SUFFIXES]
    strip_comments(Path(config.site_dir), ours)
