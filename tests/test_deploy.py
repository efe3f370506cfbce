"""Serving for real: the shipped nginx configuration and systemd unit, with the API and headless Chromium."""

from __future__ import annotations

import configparser
import gzip
import shlex
import shutil
import sys
from pathlib import Path

import httpx2 as httpx
import pytest

from helpcenter.build.precompress import precompress
from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME, write_manifest
from helpcenter.testing.servers import Endpoint, nginx_server, wait_for_rows
from tests.conftest import ROOT
from tests.report_data import MANIFEST

NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text()
UNIT = ROOT / "deploy" / "pusat-bantuan-api.service"


@pytest.fixture
def behind_nginx(built_site: Path, tmp_path: Path):
    """The API alone under uvicorn, and nginx serving the built site and proxying /api/ to it."""
    database = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    api = Endpoint({"HELPCENTER_DATABASE_URL": database, "HELPCENTER_SITE_DIR": "",
                    "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}).start()
    conf = NGINX_CONF.replace("/srv/pusat-bantuan/site", str(built_site)).replace(
        "server 127.0.0.1:8000;", f"server 127.0.0.1:{api.port};")
    with nginx_server(conf) as port:
        yield f"http://127.0.0.1:{port}", database
    api.stop()


def test_nginx_serves_the_site_and_proxies_the_api(behind_nginx, built_site: Path) -> None:
    url, _ = behind_nginx
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site)
    with httpx.Client(base_url=url) as client:
        home = client.get("/", headers={"accept-encoding": "gzip"})
        assert home.status_code == 200 and "Masih butuh bantuan?" in home.text
        assert home.headers["content-encoding"] == "gzip"
        assert client.get("/api/v1/health").json()["pages"] > 20
        assert client.get("/tidak-ada/").status_code == 404
        assert client.get("/assets/stylesheets/helpcenter.css").headers["cache-control"] == "max-age=600"
        assert client.get(f"/{bundle}").headers["cache-control"] == "max-age=31536000, public, immutable"
        index = next(built_site.glob("search/index.*.json")).relative_to(built_site)
        assert client.get(f"/{index}").headers["cache-control"] == "max-age=31536000, public, immutable"
        assert client.get("/search/search_index.json").headers["cache-control"] == "max-age=600"


@pytest.mark.browser
def test_vote_no_with_reason_and_contact_click_behind_nginx(browser, behind_nginx) -> None:
    url, database = behind_nginx
    context = browser.new_context()
    context.route("https://wa.me/**", lambda route: route.fulfill(body="WhatsApp"))
    page = context.new_page()
    page.goto(url + "/faq/pengiriman/")
    page.locator("details[data-hc-question] > summary").first.click()  # answers fold under their questions
    widget = page.locator("[data-hc-vote]").first
    widget.get_by_role("button", name="Tidak").click()
    widget.get_by_label("Salah atau sudah tidak berlaku").check()
    widget.get_by_role("button", name="Kirim").click()
    widget.get_by_role("status").wait_for()
    with context.expect_page():
        widget.locator("[data-hc-channel=whatsapp]").click()
    context.close()
    votes = wait_for_rows(database, store.votes, 1, matching=lambda row: row["reason"])
    assert [(v["page"], v["helpful"], v["reason"]) for v in votes] == [("faq/pengiriman/", False, "wrong")]
    contacts = wait_for_rows(database, store.events, 1, matching=lambda row: row["kind"] == "contact")
    assert [(e["page"], e["channel"]) for e in contacts] == [("faq/pengiriman/", "whatsapp")]


def test_systemd_unit_runs_the_app_the_tests_run() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read_string(UNIT.read_text())
    command = shlex.split(unit["Service"]["ExecStart"])
    assert command[1:3] == ["feedback_api.app:create_app", "--factory"]
    assert "--no-proxy-headers" in command
    assert unit["Service"]["ReadWritePaths"] == "/srv/pusat-bantuan/var"
    assert "HELPCENTER_SITE_DIR=" in UNIT.read_text()


def test_nginx_serves_the_precompressed_copy(built_site: Path, tmp_path: Path) -> None:
    """gzip_static: the .gz written by `helpcenter precompress` is what nginx sends, not a compression of its own."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    precompress(site)
    # A copy that differs from the page proves which one nginx sent.
    (site / "index.html.gz").write_bytes(gzip.compress(b"<p>precompressed</p>"))
    conf = NGINX_CONF.replace("/srv/pusat-bantuan/site", str(site))
    with nginx_server(conf) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        packed = client.get("/", headers={"accept-encoding": "gzip"})
        plain = client.get("/", headers={"accept-encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip" and packed.text == "<p>precompressed</p>"
    assert "Masih butuh bantuan?" in plain.text


def _unit_command(unit: Path) -> tuple[list[str], dict[str, str]]:
    """A unit's ExecStart run from this checkout's Python, on a free port; and its environment."""
    text = unit.read_text()
    command = shlex.split(next(line for line in text.splitlines() if line.startswith("ExecStart="))
                          .removeprefix("ExecStart="))
    command = [sys.executable, "-m", "uvicorn", *command[1:]]
    command[command.index("--port") + 1] = "{port}"
    lines = [line.removeprefix("Environment=") for line in text.splitlines() if line.startswith("Environment=")]
    return command, dict(line.split("=", 1) for line in lines)


@pytest.mark.parametrize("runner", ["pusat-bantuan-api.service", "pusat-bantuan-api@.service", "helpcenter serve"])
def test_no_client_address_reaches_any_log_the_project_configures(runner: str, tmp_path: Path) -> None:
    """A vote, a refused vote and a 404 from a client behind a trusted proxy: its address is in no log line."""
    if runner == "helpcenter serve":
        command = [sys.executable, "-m", "helpcenter", "serve", "--port", "{port}"]
        environment = {"HELPCENTER_TRUSTED_PROXIES": "127.0.0.1"}
    else:
        command, environment = _unit_command(ROOT / "deploy" / runner)
    site = tmp_path / "site"
    write_manifest(site, MANIFEST)
    environment = {**environment, "HELPCENTER_DATABASE_URL": f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
                   "HELPCENTER_MANIFEST": str(site / FILE_NAME), "HELPCENTER_SITE_DIR": ""}
    server = Endpoint(environment, command=command).start()
    customer = {"x-forwarded-for": "203.0.113.77"}
    vote = {"visit": "visit-0000-0001", "visitor": "visitor-0000-0001", "page": "faq/pembayaran/", "helpful": True}
    try:
        with httpx.Client(base_url=server.url) as client:
            assert client.post("/api/v1/votes", json=vote, headers=customer).status_code == 201
            assert client.post("/api/v1/votes", json={**vote, "page": "x"}, headers=customer).status_code == 422
            assert client.get("/api/v1/tidak-ada", headers=customer).status_code == 404
    finally:
        server.stop()
    log = Path(server.log.name).read_text()
    assert "203.0.113.77" not in log and "/api/v1/" not in log, log


def test_a_systemd_timer_rebuilds_the_site_every_day() -> None:
    def read(name: str) -> configparser.ConfigParser:
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str
        unit.read_string((ROOT / "deploy" / name).read_text())
        return unit

    timer, service = read("pusat-bantuan-rebuild.timer"), read("pusat-bantuan-rebuild.service")
    assert timer["Timer"]["OnCalendar"] == "*-*-* 00:05:00 Asia/Jakarta"
    assert timer["Timer"]["Persistent"] == "true"
    assert shlex.split(service["Service"]["ExecStart"])[1:] == ["build", "--strict"]
    assert service["Service"]["ExecStartPost"].endswith("helpcenter precompress site")
    assert "pusat-bantuan-rebuild.timer" in (ROOT / "README.md").read_text()
