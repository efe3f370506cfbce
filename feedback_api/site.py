"""The built site as static files, as `helpcenter serve` gives it: what deploy/nginx.conf does for nginx.

Every answer carries the site's security headers; a folder's redirect is relative, so no Host header ends up in
a Location; a precompressed `.gz` copy is not a page (nginx sends it with Content-Encoding, StaticFiles would send
its bytes as text/html), so it is not served.
"""

from __future__ import annotations

import os

from starlette.datastructures import URL, MutableHeaders
from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send

# Four small inline scripts, allowed by their hashes and no other inline script: the site's root and storage helpers
# (material's, theme/partials/javascripts/base.html, one line changed so that it is the same on every page), the
# colour scheme the phone asks for (ours, theme/partials/javascripts/palette.html), the linked content tabs and the
# tab an address names (material 9.8.2's partials). As files they were three more requests before the page could
# show (tests/test_csp.py computes the hashes again).
INLINE_SCRIPTS = (
    "'sha256-qj3LNdCPMagULeUBrcuYFAFxRmQW0CtvEdO9pb2Guss='", "'sha256-W0YWuT3cGnMk8OhpieD5Zxbw+wPC6ZGvVrT+Jla0XdY='",
    "'sha256-10uztYJZm7OLYtHrFaYKCvTOAUfjM17+CoEWk5hLcc4='", "'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='")
# The one home of these strings: deploy/nginx.conf sends the same (tests/test_csp.py holds them equal).
CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; script-src 'self' {' '.join(INLINE_SCRIPTS)}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'")
# The tutorials alone may frame YouTube's privacy-enhanced player, loaded after a tap on play (deploy/nginx.conf's
# map names the same folder).
VIDEO_FRAMES = "frame-src https://www.youtube-nocookie.com"
FRAMED_PATH = "/panduan/"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
}


class Site(StaticFiles):
    """site/ with index.html for folders and 404.html for anything unknown.

    Symlinks are followed: site/ itself is a link that each build switches to a new folder, and the build refuses
    any link in content/ (so none reaches the site).
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        super().__init__(directory=directory, html=True, follow_symlink=True)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if scope["path"].startswith(FRAMED_PATH):
                    headers["Content-Security-Policy"] = f"{CONTENT_SECURITY_POLICY}; {VIDEO_FRAMES}"
            await send(message)

        await super().__call__(scope, receive, send_with_headers)

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if isinstance(response, RedirectResponse):
            # Only the path: the Host header is the client's to choose, and must not choose where a redirect goes.
            url = URL(scope=scope)
            location = "/" + url.path.lstrip("/") + "/" + (f"?{url.query}" if url.query else "")
            return RedirectResponse(location, status_code=response.status_code)
        return response

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if path.endswith(".gz"):
            return "", None
        return super().lookup_path(path)
