"""The agents' edition over HTTP: behind the admin token at /agents/, never public, and the check nginx asks."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from feedback_api.app import create_app
from feedback_api.settings import Settings, SettingsError, load_settings
from helpcenter.manifest import FILE_NAME, write_manifest
from tests.report_data import MANIFEST

TOKEN = "token-for-the-cs-team-0123456789"


def basic(password: str, user: str = "cs") -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def make_client(tmp_path: Path, token: str | None = TOKEN, agents: bool = True) -> TestClient:
    site, edition = tmp_path / "site", tmp_path / "site-agents"
    for folder, text in ((site, "Pusat Bantuan"), (edition, "Edisi CS")):
        (folder / "faq").mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(f"<h1>{text}</h1>")
        (folder / "faq" / "index.html").write_text(f"<h1>{text}: FAQ</h1>")
        (folder / "404.html").write_text(f"<h1>{text}: tidak ada</h1>")
    write_manifest(site, MANIFEST)
    (tmp_path / "rahasia.txt").write_text("di luar kedua situs")
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'feedback.sqlite3'}", manifest=site / FILE_NAME,
                        site_dir=site, agents_dir=edition if agents else tmp_path / "belum-dibangun",
                        admin_token=token)
    return TestClient(create_app(settings))


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return make_client(tmp_path)


@pytest.mark.parametrize("path", ["/agents/", "/agents/faq/", "/agents/tidak-ada/", "/agents/%2e%2e/"])
@pytest.mark.parametrize("headers", [{}, basic("salah-salah-salah"), basic(TOKEN + "x"), {"Authorization": TOKEN},
                                     {"Authorization": f"Bearer {TOKEN[:-1]}"}])
def test_without_the_token_nothing_of_the_edition(client: TestClient, path: str, headers: dict) -> None:
    response = client.get(path, headers=headers, follow_redirects=False)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Basic realm="Pusat Bantuan, edisi CS", charset="UTF-8"'
    assert "Edisi CS" not in response.text and response.headers["x-robots-tag"] == "noindex, nofollow"


@pytest.mark.parametrize("headers", [basic(TOKEN), basic(TOKEN, user=""), {"Authorization": f"Bearer {TOKEN}"}])
def test_with_the_token_the_edition_privately(client: TestClient, headers: dict) -> None:
    home = client.get("/agents/", headers=headers)
    assert home.status_code == 200 and home.text == "<h1>Edisi CS</h1>"
    assert home.headers["cache-control"] == "private, no-cache"
    assert home.headers["x-robots-tag"] == "noindex, nofollow" and home.headers["x-frame-options"] == "DENY"
    assert client.get("/agents/faq/", headers=headers).text == "<h1>Edisi CS: FAQ</h1>"
    missing = client.get("/agents/tidak-ada/", headers=headers)
    assert missing.status_code == 404 and missing.text == "<h1>Edisi CS: tidak ada</h1>"
    assert client.get("/agents", headers=headers).text == "<h1>Edisi CS</h1>"


def test_the_address_without_its_slash_leads_to_the_edition(client: TestClient) -> None:
    moved = client.get("/agents", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/agents/" and "Edisi" not in moved.text


def test_nothing_outside_the_edition_is_served(client: TestClient) -> None:
    for path in ("/agents/../rahasia.txt", "/agents/%2e%2e/rahasia.txt", "/agents/..%2frahasia.txt"):
        assert "di luar" not in client.get(path, headers=basic(TOKEN)).text


def test_the_public_site_stays_public(client: TestClient) -> None:
    assert client.get("/").text == "<h1>Pusat Bantuan</h1>"
    assert client.get("/faq/").text == "<h1>Pusat Bantuan: FAQ</h1>"


def test_nginx_asks_the_endpoint_whether_a_request_has_the_token(client: TestClient) -> None:
    refused = client.get("/api/v1/agents/auth")
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic ")
    assert client.get("/api/v1/agents/auth", headers=basic("salah")).status_code == 401
    assert client.get("/api/v1/agents/auth", headers=basic(TOKEN)).status_code == 204
    assert "/api/v1/agents/auth" not in client.get("/api/v1/openapi.json").json()["paths"]


def test_without_a_configured_token_there_is_no_edition(tmp_path: Path) -> None:
    client = make_client(tmp_path, token=None)
    assert client.get("/agents/", headers=basic(TOKEN)).status_code == 404
    assert client.get("/api/v1/agents/auth", headers=basic(TOKEN)).status_code == 404


def test_an_edition_not_built_yet_is_not_found_but_nginx_can_still_ask(tmp_path: Path) -> None:
    client = make_client(tmp_path, agents=False)
    assert client.get("/agents/", headers=basic(TOKEN)).status_code == 404
    assert client.get("/api/v1/agents/auth", headers=basic(TOKEN)).status_code == 204


def test_the_folder_is_a_setting_and_never_inside_the_public_site() -> None:
    assert load_settings({}).agents_dir == Path("site-agents")
    assert load_settings({"HELPCENTER_AGENTS_DIR": ""}).agents_dir is None
    assert load_settings({"HELPCENTER_AGENTS_DIR": "/srv/cs/site-agents"}).agents_dir == Path("/srv/cs/site-agents")
    with pytest.raises(SettingsError, match=r"^HELPCENTER_AGENTS_DIR: .*must not be inside the public site \(site\)"):
        load_settings({"HELPCENTER_AGENTS_DIR": "site/agents"})
    with pytest.raises(SettingsError, match=r"^HELPCENTER_AGENTS_DIR: .*inside the public site"):
        load_settings({"HELPCENTER_SITE_DIR": "/srv/bantuan", "HELPCENTER_AGENTS_DIR": "/srv/bantuan"})


def test_token_guesses_count_the_same_on_the_edition_and_the_report(client: TestClient) -> None:
    """The edition and nginx's check are no way around the report's limit on wrong tokens: one count per client."""
    assert client.get("/agents/").status_code == 401  # no token at all: a browser's first request, no guess
    wrong = [client.get(path, headers=basic(f"tebakan-{n:020d}")).status_code
             for n, path in enumerate(["/agents/", "/api/v1/agents/auth"] * 5)]
    assert wrong == [401] * 10
    for path in ("/agents/", "/api/v1/report"):
        limited = client.get(path, headers=basic(TOKEN))
        assert limited.status_code == 429 and 1 <= int(limited.headers["retry-after"]) <= 60, path
        assert "Edisi CS" not in limited.text
    # nginx's auth_request passes on 401 and 403 only: the check it asks says 403 while the client waits.
    assert client.get("/api/v1/agents/auth", headers=basic(TOKEN)).status_code == 403
    other = TestClient(client.app, client=("192.0.2.7", 50000))
    assert other.get("/agents/", headers=basic(TOKEN)).status_code == 200
