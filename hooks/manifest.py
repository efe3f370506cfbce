"""Write the build manifest into the built site, for the endpoint and the report to read."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from helpcenter.build.state import build_state
from helpcenter.manifest import build_manifest, write_manifest


def on_post_build(config: MkDocsConfig) -> None:
    state = build_state(config)
    manifest = build_manifest(state.site, site_url=state.site_url, language=state.language, edit_url=state.edit_url)
    write_manifest(Path(config.site_dir), manifest)
