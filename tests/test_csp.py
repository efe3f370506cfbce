"""The site under a strict Content-Security-Policy (deploy/nginx.conf, `helpcenter serve`): scripts from the site
only, and inline only material's four small scripts, by their hashes; no page of the sample shop needs anything
else."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import httpx2 as httpx
import pytest

from feedback_api.site import CONTENT_SECURITY_POLICY, FRAMED_PATH, INLINE_SCRIPTS, SECURITY_HEADERS, VIDEO_FRAMES
from helpcenter.manifest import FILE_NAME, read_manifest
from helpcenter.testing.servers import Endpoint, nginx_server
from tests.conftest import ROOT

NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text()
MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials" / "javascripts"
OURS = ROOT / "theme" / "partials" / "javascripts"
CSP = CONTENT_SECURITY_POLICY
HEADERS = {name.lower(): value for name, value in SECURITY_HEADERS.items()}
FRAMED_PREFIX = re.search(r'"~\^/([^"]*)" "[^"]*; ' + VIDEO_FRAMES + '"', NGINX_CONF).group(1)


def test_nginx_sends_the_headers_helpcenter_serve_sends() -> None:
    """One home for the policy (feedback_api/site.py): nginx's copy of each header may not drift from it, also
    where the tutorials may frame YouTube's player."""
    [policy] = re.findall(r'map \$uri \$pusat_bantuan_csp \{.*?default "([^"]*)";', NGINX_CONF, re.S)
    assert policy == CSP
    assert "/" + FRAMED_PREFIX == FRAMED_PATH
    assert f'"~^{FRAMED_PATH}" "{CSP}; {VIDEO_FRAMES}";' in NGINX_CONF
    sent = re.findall(r"add_header (Content-Security-Policy|X-Content-Type-Options|Referrer-Policy|"
                      r'Permissions-Policy) "?([^";]*)"? always;', NGINX_CONF)
    expected = {**HEADERS, "content-security-policy": "$pusat_bantuan_csp"}
    assert sent and {(name.lower(), value) for name, value in sent} == set(expected.items())


def _inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, re.DOTALL)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_the_policy_allows_the_inline_scripts_by_their_hashes_and_no_other() -> None:
    """A material upgrade that changes its inline scripts shows here, not as broken tabs in production. The base
    script is material's with the site's root found from material's stylesheet, the same on every page; the colour
    scheme's is ours."""
    [base] = _inline_scripts((MATERIAL / "base.html").read_text())
    scope = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
    [ours] = _inline_scripts((OURS / "base.html").read_text())
    assert ours == base.replace(
        scope, """new URL("../../",document.querySelector('link[href*="assets/stylesheets/main."]').href)""")
    scripts = [ours, *_inline_scripts((OURS / "palette.html").read_text()),
               *_inline_scripts((MATERIAL / "content.html").read_text())]
    assert tuple(_hash(script) for script in scripts) == INLINE_SCRIPTS
    assert f"script-src 'self' {' '.join(INLINE_SCRIPTS)};" in CSP


def test_no_built_page_has_another_inline_script_or_an_event_attribute(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert (" src=" in tag or tag == "<script>" or 'type="application/ld+json"' in tag
                    or 'type="application/json"' in tag), (page, tag)
        assert {_hash(script) for script in _inline_scripts(html)} <= set(INLINE_SCRIPTS), page
        assert not re.search(r"<[a-z][^<>]*\son[a-z]+\s*=", html), page


@pytest.fixture
def behind_nginx(built_site: Path, tmp_path: Path):
    """deploy/nginx.conf serving the sample site, with the feedback API behind it."""
    api = Endpoint({"HELPCENTER_DATABASE_URL": f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
                    "HELPCENTER_SITE_DIR": "", "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}).start()
    conf = NGINX_CONF.replace("/srv/pusat-bantuan/site", str(built_site)).replace(
        "server 127.0.0.1:8000;", f"server 127.0.0.1:{api.port};")
    with nginx_server(conf) as port:
        yield f"http://127.0.0.1:{port}"
    api.stop()


def test_nginx_sends_the_security_headers_with_every_file_of_the_site(behind_nginx: str, built_site: Path) -> None:
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site)
    index = next(built_site.glob("search/index.*.json")).relative_to(built_site)
    with httpx.Client(base_url=behind_nginx) as client:
        for path in ("/", "/faq/pembayaran/", f"/{bundle}", f"/{index}", "/helpcenter-manifest.json", "/tidak-ada/"):
            response = client.get(path)
            assert {name: response.headers.get(name) for name in HEADERS} == HEADERS, path
        api = client.get("/api/v1/health")
        assert api.headers["x-content-type-options"] == "nosniff"
        assert "content-security-policy" not in api.headers, "the API's answers set their own"


@pytest.mark.browser
def test_no_sample_page_violates_the_content_security_policy(browser, behind_nginx: str, built_site: Path) -> None:
    """Every page at phone size, a search, instant navigation, the palette and a vote: not one violation."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                            "(e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} "
                            "${e.sourceFile}:${e.lineNumber}`))")
    page = context.new_page()
    reported: list[str] = []
    page.on("console", lambda message: reported.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: reported.append(str(error)))
    violations = {}
    for record in read_manifest(built_site / FILE_NAME).pages:
        response = page.goto(f"{behind_nginx}/{record.path}")
        expected = f"{CSP}; {VIDEO_FRAMES}" if record.path.startswith(FRAMED_PREFIX) else CSP
        assert response and response.headers["content-security-policy"] == expected
        page.wait_for_load_state("load")
        violations[record.path] = page.evaluate("window.__violations")

    page.goto(f"{behind_nginx}/?q=garansi")  # the search worker, the index, the results
    page.locator(".md-search-result__item").first.wait_for()
    page.goto(f"{behind_nginx}/faq/")
    page.locator(".hc-section a[href$='/faq/pembayaran/']").click()  # instant navigation: content scripts again
    page.wait_for_url("**/faq/pembayaran/")
    page.emulate_media(color_scheme="dark")  # the phone turns dark: the page follows, its script allowed
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.locator("details[data-hc-question] > summary").first.click()  # answers fold under their questions
    widget = page.locator("[data-hc-vote]").first
    widget.get_by_role("button", name="Ya").click()
    widget.get_by_role("status").wait_for()
    violations["interactions"] = page.evaluate("window.__violations")
    context.close()
    assert {path: found for path, found in violations.items() if found} == {}
    assert reported == []


def test_only_pages_with_a_youtube_video_may_frame_it() -> None:
    """nginx lets the tutorials' folder frame YouTube's player: every page with a YouTube video must be in it."""
    from datetime import date

    from helpcenter.content.load import load_site
    from tests.conftest import CONTENT

    site = load_site(CONTENT, date(2026, 12, 2))
    with_youtube = [p.path for p in site.pages if getattr(getattr(p.meta, "video", None), "youtube", None)]
    assert with_youtube, "the sample shop shows a YouTube video"
    assert all(path.startswith(FRAMED_PREFIX) for path in with_youtube)
    assert FRAMED_PREFIX == "panduan/"


@pytest.mark.browser
def test_a_tap_on_play_frames_youtube_without_a_violation(browser, behind_nginx: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="player",
                                                                                     content_type="text/html"))
    context.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                            "(e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`))")
    page = context.new_page()
    page.goto(f"{behind_nginx}/panduan/lacak-pesanan/")
    page.get_by_role("link", name="Putar video: Cara melacak pesanan di aplikasi").click()
    frame = page.frame_locator("iframe.hc-video__frame")
    frame.locator("body").wait_for()
    assert frame.locator("body").inner_text() == "player"
    assert page.evaluate("window.__violations") == []
    context.close()
