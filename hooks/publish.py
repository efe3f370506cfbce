"""Build into a new folder and switch `site` to it once the build is complete (`helpcenter.build.publish`).

`mkdocs build` and `mkdocs gh-deploy` publish this way; the preview (`mkdocs serve`, which builds into a folder of
its own) and `--dirty` builds write in place as MkDocs does. The switch waits for the end of the command
(on_shutdown): in strict mode MkDocs fails a build for its warnings only after on_post_build.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from helpcenter.build import publish

# on_startup and on_shutdown get no configuration: the command's build is kept here, one per process.
_publishing = False
_build: publish.Build | None = None
_complete = False


def on_startup(command: str, dirty: bool) -> None:
    global _publishing
    _publishing = command in ("build", "gh-deploy") and not dirty


@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _complete
    site_dir = Path(config.site_dir)
    # `mkdocs serve --clean` starts as a "build" too, into a temporary folder that it serves and removes itself.
    preview = site_dir.parent == Path(tempfile.gettempdir()) and site_dir.name.startswith("mkdocs_")
    if _publishing and not preview:
        _build, _complete = publish.start(site_dir), False
        config.site_dir = str(_build.folder)
    return config


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    global _complete
    _complete = True


def on_build_error(error: Exception) -> None:
    global _complete
    _complete = False


def on_shutdown() -> None:
    global _build
    if _build is not None:
        if _complete:
            publish.publish(_build)
        else:
            publish.discard(_build)
        _build = None
