"""The live gap report over HTTP: the token lets the CS lead in; anyone else gets 401 and not one figure."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from feedback_api.admin_token import presented_token
from feedback_api.app import create_app
from feedback_api.settings import Settings
from helpcenter.manifest import FILE_NAME
from tests.report_data import HOSTILE_COMMENT, PERIOD, record_sample, write_sample_site

TOKEN = "token-for-the-cs-lead-0123456789"
ROUTES = ["/api/v1/report", "/api/v1/report.html"]


def _client(tmp_path: Path, token: str | None) -> TestClient:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    write_sample_site(site)
    (site / "index.html").write_text("<h1>Pusat Bantuan</h1>")
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'feedback.sqlite3'}", manifest=site / FILE_NAME,
                        site_dir=site, admin_token=token)
    client = TestClient(create_app(settings))
    with client.app.state.engine.begin() as connection:
        record_sample(connection, comment=HOSTILE_COMMENT)
    return client


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return _client(tmp_path, TOKEN)


def _basic(password: str, user: str = "cs") -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Bearer {TOKEN[:-1]}"}, {"Authorization": TOKEN}, {"Authorization": "Bearer "},
    _basic("wrong"), _basic(TOKEN + "x"), _basic("", user=TOKEN), {"Authorization": "Basic !!!"},
    {"Authorization": f"Token {TOKEN}"}, {"Cookie": f"token={TOKEN}"},
])
def test_without_the_right_token_401_and_nothing_else(client: TestClient, route: str, headers: dict) -> None:
    for query in ("", "?days=0", "?until=nonsense&days=9999"):
        response = client.get(route + query, headers={**headers, "Accept": "application/json"})
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Basic realm=")
        assert response.headers["cache-control"] == "no-store"
        assert response.json() == {"error": "Laporan ini perlu kata sandi admin (HELPCENTER_ADMIN_TOKEN).",
                                   "details": []}


@pytest.mark.parametrize("route", ROUTES)
def test_a_browser_without_the_password_gets_a_page_in_indonesian(client: TestClient, route: str) -> None:
    response = client.get(route, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 401 and response.headers["content-type"].startswith("text/html")
    assert response.headers["www-authenticate"].startswith("Basic realm=")
    assert "<h1>Perlu kata sandi</h1>" in response.text and "masukkan kata sandi admin" in response.text
    assert "answers" not in response.text


def test_the_token_in_the_query_string_is_not_accepted(client: TestClient) -> None:
    """A URL with a token ends up in histories and logs; only the Authorization header counts."""
    assert client.get(f"/api/v1/report?token={TOKEN}").status_code == 401


@pytest.mark.parametrize("headers", [{"Authorization": f"Bearer {TOKEN}"}, _basic(TOKEN), _basic(TOKEN, user="")])
def test_the_report_as_json_with_the_token(client: TestClient, headers: dict) -> None:
    response = client.get(f"/api/v1/report?until={PERIOD.until}&days={PERIOD.days}", headers=headers)
    assert response.status_code == 200
    report = response.json()
    assert report["period"] == PERIOD.as_dict()
    assert report["answers"][0]["anchor"] == "bayar-cod" and report["totals"]["contacts_avoided"] == 11
    assert response.headers["cache-control"] == "no-store"


def test_the_report_as_html_with_the_token(client: TestClient) -> None:
    response = client.get(f"/api/v1/report.html?until={PERIOD.until}&days=10&language=en", headers=_basic(TOKEN))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert "Help center gap report" in response.text and "<script>" not in response.text
    # Beside the site, the report's links open its pages on this host; today's search was asked again.
    assert 'href="/faq/pembayaran/#bayar-cod"' in response.text and "https://bantuan.example/" not in response.text
    assert "now finds &#34;Kebijakan Refund&#34;" in response.text


def test_bad_parameters_with_the_token_are_422(client: TestClient) -> None:
    response = client.get("/api/v1/report?days=0", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422


@pytest.mark.parametrize("query", ["days=1&until=0001-01-01", "days=3660&until=2001-01-01"])
def test_a_period_before_any_feedback_is_422_with_its_reason_not_a_server_error(client: TestClient,
                                                                                 query: str) -> None:
    """The probe: until=0001-01-01 was a 500 (the period before it overflowed Python's dates)."""
    response = client.get(f"/api/v1/report?{query}", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
    assert "is too early" in response.json()["error"]


@pytest.mark.parametrize("route", ROUTES)
def test_without_a_configured_token_the_report_does_not_exist(tmp_path: Path, route: str) -> None:
    client = _client(tmp_path, None)
    response = client.get(route, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 404
    assert "answers" not in response.text


def test_the_report_routes_are_not_in_the_public_api_document(client: TestClient) -> None:
    assert not any("report" in path for path in client.get("/api/v1/openapi.json").json()["paths"])


@pytest.mark.parametrize(("header", "token"), [
    (f"Bearer {TOKEN}", TOKEN), (f"bearer  {TOKEN} ", TOKEN), ("Basic " + base64.b64encode(b"a:b:c").decode(), "b:c"),
    ("Basic %%%", None), ("Digest abc", None), ("", None),
])
def test_presented_token(header: str, token: str | None) -> None:
    assert presented_token(header) == token


@pytest.mark.browser
def test_a_browser_asks_for_the_token_and_shows_the_report(browser, tmp_path: Path) -> None:
    """The live view as a CS lead opens it: uvicorn serving the API, Chromium answering the Basic prompt."""
    from helpcenter.testing.servers import Endpoint

    client = _client(tmp_path, TOKEN)  # the store with the hostile sample, and the manifest
    settings = {"HELPCENTER_DATABASE_URL": f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
                "HELPCENTER_MANIFEST": str(tmp_path / "site" / FILE_NAME), "HELPCENTER_SITE_DIR": "",
                "HELPCENTER_ADMIN_TOKEN": TOKEN}
    client.app.state.engine.dispose()
    server = Endpoint(settings).start()
    url = f"{server.url}/api/v1/report.html?until={PERIOD.until}&days={PERIOD.days}"
    try:
        # Without credentials Chromium would show its sign-in prompt; headless, the request alone tells the answer.
        anonymous = browser.new_context()
        assert anonymous.request.get(url).status == 401
        anonymous.close()
        context = browser.new_context(http_credentials={"username": "cs", "password": TOKEN},
                                      viewport={"width": 360, "height": 800})
        page = context.new_page()
        assert page.goto(url).status == 200
        assert page.get_by_role("heading", name="Laporan celah pusat bantuan").is_visible()
        assert page.evaluate("window.pwned") is None
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        context.close()
    finally:
        server.stop()


def test_failed_token_attempts_are_limited_per_client(tmp_path: Path) -> None:
    """Ten wrong guesses a minute, then 429 even with the right token: guessing costs minutes, not microseconds."""
    client = _client(tmp_path, TOKEN)
    wrong = [client.get(ROUTES[0], headers={"Authorization": f"Bearer guess-{n:020d}"}).status_code for n in range(10)]
    assert wrong == [401] * 10
    limited = client.get(ROUTES[0], headers={"Authorization": f"Bearer {TOKEN}"})
    assert limited.status_code == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
    assert limited.json()["error"].startswith("too many requests")
    other = TestClient(client.app, client=("192.0.2.7", 50000))
    assert other.get(ROUTES[0], headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
