"""A tutorial's video (helpcenter/content/video.py, theme/partials/hc-video.html): checked files, a transcript that
search finds, and in Chromium at phone size a poster that fetches nothing from another host until play."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcenter.content.load import load_site
from helpcenter.content.video import transcript
from helpcenter.search.engine import SearchEngine
from tests.conftest import PHONE, mkdocs_build

TODAY = date(2026, 12, 2)
VTT = """WEBVTT

NOTE written by the CS team

1
00:00:00.000 --> 00:00:04.000 align:start
Buka menu <b>Akun</b>,

00:04.000 --> 00:09.000
lalu ketuk <v Dewi>Pesanan Saya</v>.
"""


def test_the_transcript_is_the_captions_words_in_order() -> None:
    assert transcript(VTT) == "Buka menu Akun, lalu ketuk Pesanan Saya."


def _tutorial(content: Path, video: str) -> Path:
    page = content / "panduan" / "lacak-pesanan.md"
    text = re.sub(r"video:\n(?:  .*\n)+", video, page.read_text(encoding="utf-8"), count=1)
    page.write_text(text, encoding="utf-8")
    return page


@pytest.mark.parametrize(("video", "field", "message"), [
    ("video:\n  title: Lacak\n  captions: video/lacak-pesanan.vtt\n  poster: img/lacak-pesanan-video.svg\n",
     "video", "a video needs one source: 'youtube' (its id) or 'file' (a local MP4), not both or none"),
    ("video:\n  title: Lacak\n  youtube: https://youtu.be/aqz-KE-bpKQ\n  captions: video/lacak-pesanan.vtt\n"
     "  poster: img/lacak-pesanan-video.svg\n", "video.youtube", "'video.youtube'"),
    ("video:\n  title: Lacak\n  youtube: aqz-KE-bpKQ\n  captions: video/tidak-ada.vtt\n"
     "  poster: img/lacak-pesanan-video.svg\n", "video.captions",
     "'video.captions' names 'video/tidak-ada.vtt', which is not in the content folder"),
    ("video:\n  title: Lacak\n  file: video/lacak.mp4\n  captions: video/lacak-pesanan.vtt\n"
     "  poster: img/lacak-pesanan-video.svg\n", "video.file",
     "'video.file' names 'video/lacak.mp4', which is not in the content folder"),
])
def test_a_wrong_video_names_file_line_and_field(content_copy: Path, video: str, field: str, message: str) -> None:
    _tutorial(content_copy, video)
    problems = [p for p in load_site(content_copy, TODAY).problems if p.file.endswith("panduan/lacak-pesanan.md")]
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message
    assert 9 <= problems[0].line <= 14


def test_the_videos_title_and_transcript_are_searchable(built_site: Path) -> None:
    [video] = [row for row in SearchEngine.from_site(built_site).docs if row[0] == "panduan/lacak-pesanan/#video"]
    assert "Cara melacak pesanan di aplikasi" in json.dumps(video, ensure_ascii=False)


def test_the_steps_come_first_and_the_page_stays_small(built_site: Path) -> None:
    html = (built_site / "panduan" / "lacak-pesanan" / "index.html").read_text(encoding="utf-8")
    assert html.index("<ol>") < html.index('class="hc-video"'), "the steps stay the main content"
    assert "youtube" not in html.split('class="hc-video"')[0].lower()
    video = html[html.index('<section class="hc-video"'):]
    video = video[:video.index("</section>")]
    assert "<iframe" not in html and "<script" not in video, "the facade brings no player and no script"


@pytest.mark.browser
def test_nothing_leaves_the_site_until_play_is_tapped(browser, site_server: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="player",
                                                                                     content_type="text/html"))
    page = context.new_page()
    page.goto(site_server + "panduan/lacak-pesanan/", wait_until="networkidle")
    play = page.get_by_role("link", name="Putar video: Cara melacak pesanan di aplikasi")
    play.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    site = urlsplit(site_server).netloc
    assert {urlsplit(url).netloc for url in requests if not url.startswith("data:")} == {site}
    assert play.bounding_box()["height"] >= 44
    play.tap()
    frame = page.locator("iframe.hc-video__frame")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    assert frame.get_attribute("title") == "Cara melacak pesanan di aplikasi"
    page.frame_locator("iframe.hc-video__frame").locator("body").wait_for()
    assert [url for url in requests if urlsplit(url).netloc != site] == [
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&rel=0"]
    context.close()


@pytest.mark.browser
def test_a_local_video_plays_from_the_site_with_captions(browser, content_copy: Path, tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    from tests.conftest import _QuietHandler

    (content_copy / "panduan" / "video" / "lacak.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    _tutorial(content_copy, "video:\n  title: Lacak\n  file: video/lacak.mp4\n  captions: video/lacak-pesanan.vtt\n"
                            "  poster: img/lacak-pesanan-video.svg\n")
    result = mkdocs_build(content_copy, tmp_path / "build", env={"HELPCENTER_FEEDBACK_ENDPOINT": ""})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(tmp_path / "build" / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/panduan/lacak-pesanan/")
    page.get_by_role("link", name="Putar video: Lacak").tap()
    video = page.locator("video.hc-video__frame")
    video.wait_for()
    assert video.evaluate("(v) => [new URL(v.src).pathname, v.querySelector('track').kind, "
                          "new URL(v.querySelector('track').src).pathname, v.controls]") == [
        "/panduan/video/lacak.mp4", "captions", "/panduan/video/lacak-pesanan.vtt", True]
    context.close()
    server.shutdown()
    server.server_close()
