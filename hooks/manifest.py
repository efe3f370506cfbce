"""Write the build manifest into the built site, for the endpoint, search and report to read."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from helpcenter.manifest import build_manifest, write_manifest


def on_post_build(config: MkDocsConfig) -> None:
    state = config["helpcenter"]
    manifest = build_manifest(state.site, site_url=config.site_url or "", language=state.language)
    write_manifest(Path(config.site_dir), manifest)
