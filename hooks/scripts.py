"""The theme's scripts and styles shipped without their comment lines (`helpcenter.build.scripts` says why)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from helpcenter.build.scripts import strip_comments


def on_post_build(config: MkDocsConfig) -> None:
    if config.theme.custom_dir:
        strip_comments(Path(config.site_dir), Path(config.theme.custom_dir))
