"""The writers' preview (`mkdocs serve`, `make preview`) behaves like the published site, and says when it cannot.

- The vote widget sends to the real feedback endpoint, run inside the preview on its own store
  (`feedback_api.preview`, `var/preview.sqlite3`), instead of a 404.
- A rebuild that fails shows its problems in the browser, in the messages' language, in place of the last good
  page; the page reloads by itself once the content is fixed.

Nothing here runs for `mkdocs build`.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

from helpcenter.content.output import messages_language
from helpcenter.manifest import FILE_NAME
from helpcenter.messages.problems import text

PREVIEW_ENDPOINT = "/api/v1"
PREVIEW_DATABASE = Path("var") / "preview.sqlite3"
_preview: dict[str, Any] = {"serving": False, "error": None}


def on_startup(command: str, dirty: bool) -> None:
    _preview["serving"] = command == "serve"


@event_priority(110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before the shop settings are read: in the preview the widget sends to the preview's own endpoint, never
    to a published one."""
    shop = config.extra.get("shop")
    if _preview["serving"] and isinstance(shop, dict) and shop.get("feedback_endpoint"):
        shop["feedback_endpoint"] = PREVIEW_ENDPOINT
    return config


def on_build_error(error: Exception) -> None:
    _preview["error"] = str(error)


def on_post_build(config: MkDocsConfig) -> None:
    _preview["error"] = None


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    from feedback_api.preview import PreviewEndpoint

    endpoint = PreviewEndpoint(Path(config.config_file_path).parent / PREVIEW_DATABASE,
                               Path(config.site_dir) / FILE_NAME)
    site = server.get_app()
    rebuild = server.builder

    def build_or_show_error() -> None:
        """A failed rebuild is kept to show in the browser; returning normally makes MkDocs reload the pages."""
        try:
            rebuild()
        except Exception as exc:  # any failure of a build is shown, as MkDocs logs it
            _preview["error"] = _preview["error"] or str(exc)

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.startswith(PREVIEW_ENDPOINT + "/"):
            return endpoint(environ, start_response)
        if _preview["error"] and (path.endswith("/") or path.endswith(".html")):
            page = _error_page(_preview["error"], messages_language()).encode()
            # The live-reload poller, so that the page comes back by itself once the build succeeds.
            page = server._inject_js_into_html(page, server._visible_epoch)
            start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                         ("Content-Length", str(len(page)))])
            return [page]
        return site(environ, start_response)

    server.builder = build_or_show_error
    server.set_app(app)
    return server


def _error_page(error: str, language: str) -> str:
    title = text("build.preview", language)
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{escape(title)}</title></head>'
            f'<body style="font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem">'
            f'<h1 style="font-size:1.3rem;color:#a0341f">{escape(title)}</h1>'
            f'<pre style="white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f8;padding:1rem">'
            f'{escape(error)}</pre></body></html>')
