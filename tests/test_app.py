"""The feedback API over HTTP, in process: what a browser, a developer and an attacker get back."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from feedback_api.app import create_app
from feedback_api.settings import Settings
from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME, write_manifest
from tests.report_data import MANIFEST

VOTE = {"visit": "visit-0000-0001", "visitor": "visitor-0000-0001", "page": "faq/pembayaran/",
        "anchor": "bayar-cod", "helpful": False, "reason": "incomplete", "comment": "Biayanya berapa?"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    write_manifest(site, MANIFEST)
    (site / "index.html").write_text("<h1>Pusat Bantuan</h1>")
    return site


def _client(tmp_path: Path, site: Path, **settings) -> TestClient:
    defaults = {"database_url": f"sqlite:///{tmp_path / 'var' / 'feedback.sqlite3'}", "manifest": site / FILE_NAME,
                "site_dir": site}
    return TestClient(create_app(Settings(**{**defaults, **settings})))


@pytest.fixture
def client(tmp_path: Path, site: Path) -> TestClient:
    return _client(tmp_path, site)


def _count(client: TestClient, table) -> int:
    with client.app.state.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_vote_is_recorded(client: TestClient) -> None:
    response = client.post("/api/v1/votes", json=VOTE)
    assert (response.status_code, response.json()) == (201, {"recorded": True})
    assert _count(client, store.votes) == 1


@pytest.mark.parametrize("event", [
    {"kind": "search", "query": "ongkir", "results": 3, "opened": "faq/pembayaran/#bayar-cod"},
    {"kind": "search", "query": "pengirman", "results": 0},
    {"kind": "contact", "channel": "whatsapp", "page": "faq/pembayaran/", "anchor": "bayar-cod"},
    {"kind": "view", "page": ""},
])
def test_events_are_recorded(client: TestClient, event: dict) -> None:
    response = client.post("/api/v1/events", json={"visit": "visit-0000-0001", **event})
    assert response.status_code == 201, response.json()
    assert _count(client, store.events) == 1


@pytest.mark.parametrize(("body", "status", "reason"), [
    ({**VOTE, "page": "faq/tidak-ada/"}, 422, "unknown page 'faq/tidak-ada/': not a page of this help center"),
    ({**VOTE, "anchor": "tidak-ada"}, 422, "unknown question 'tidak-ada' on page 'faq/pembayaran/'"),
    ({**VOTE, "helpful": "yes"}, 422, "helpful: Input should be a valid boolean"),
    ({**VOTE, "extra": 1}, 422, "extra: Extra inputs are not permitted"),
    ({**VOTE, "comment": "x" * 501}, 422, "comment: String should have at most 500 characters"),
    ({**VOTE, "comment": "halo\x00"}, 422, "comment: Value error, must not contain control characters"),
    ({**VOTE, "reason": "bosan"}, 422, "reason: Input should be"),
    ({**VOTE, "helpful": True}, 422, "reason and comment go with helpful: false"),
    ({**VOTE, "visitor": "x"}, 422, "visitor: String should match pattern"),
    ({k: v for k, v in VOTE.items() if k != "page"}, 422, "page: Field required"),
])
def test_bad_votes_get_a_4xx_with_a_reason_and_store_nothing(client: TestClient, body: dict, status: int,
                                                               reason: str) -> None:
    response = client.post("/api/v1/votes", json=body)
    assert response.status_code == status
    assert reason in response.json()["error"]
    assert _count(client, store.votes) == 0


@pytest.mark.parametrize(("content", "headers", "status", "reason"), [
    ("{not json", {"content-type": "application/json"}, 422, "JSON decode error"),
    ("[]", {"content-type": "application/json"}, 422, "body"),
    ('{"kind": "payment", "visit": "visit-0000-0001"}', {"content-type": "application/json"}, 422, "kind"),
    ("x" * 5000, {"content-type": "application/json"}, 413, "request body larger than 4096 bytes"),
])
def test_malformed_requests(client: TestClient, content: str, headers: dict, status: int, reason: str) -> None:
    response = client.post("/api/v1/events", content=content, headers=headers)
    assert response.status_code == status
    assert reason in response.json()["error"]


def test_a_chunked_oversized_body_is_refused(client: TestClient) -> None:
    response = client.post("/api/v1/votes", content=iter([b"x" * 3000, b"x" * 3000]),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_rate_limit_answers_429_with_retry_after(tmp_path: Path, site: Path) -> None:
    client = _client(tmp_path, site, rate_limit=3)
    statuses = [client.post("/api/v1/votes", json=VOTE).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]
    limited = client.post("/api/v1/votes", json=VOTE)
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert "too many requests" in limited.json()["error"]


def test_cors_allows_only_configured_origins(tmp_path: Path, site: Path) -> None:
    client = _client(tmp_path, site, allowed_origins=("https://bantuan.toko.example",))
    preflight = {"access-control-request-method": "POST", "access-control-request-headers": "content-type"}
    allowed = client.options("/api/v1/votes", headers={"origin": "https://bantuan.toko.example", **preflight})
    refused = client.options("/api/v1/votes", headers={"origin": "https://evil.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "https://bantuan.toko.example"
    assert "access-control-allow-origin" not in refused.headers


def test_health_and_openapi(client: TestClient) -> None:
    assert client.get("/api/v1/health").json() == {"status": "ok", "schema_version": "0002", "pages": 4}
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/votes", "/api/v1/events", "/api/v1/health"} <= set(spec["paths"])


def test_the_site_is_served_beside_the_api(client: TestClient) -> None:
    assert "Pusat Bantuan" in client.get("/").text


def test_nothing_personal_is_stored(client: TestClient) -> None:
    client.post("/api/v1/votes", json=VOTE, headers={"user-agent": "Mozilla/5.0 Secret", "x-forwarded-for": "1.2.3.4"})
    with client.app.state.engine.connect() as connection:
        [row] = connection.execute(select(store.votes)).mappings().all()
    stored = " ".join(str(value) for value in row.values())
    for personal in ("Mozilla", "1.2.3.4", "testclient", VOTE["visitor"]):
        assert personal not in stored
    assert set(row) == {"id", "created_at", "day", "page", "anchor", "helpful", "reason", "comment", "visitor",
                        "visit", "language"}


def test_a_search_result_opened_must_exist(client: TestClient) -> None:
    response = client.post("/api/v1/events", json={"kind": "search", "visit": "visit-0000-0001", "query": "cod",
                                                   "results": 1, "opened": "faq/pembayaran/#tidak-ada"})
    assert response.status_code == 422
    assert response.json()["error"] == "unknown question 'tidak-ada' on page 'faq/pembayaran/'"


def test_a_store_that_is_away_answers_503_and_keeps_nothing_half_done(client: TestClient) -> None:
    client.app.state.engine.dispose()
    with client.app.state.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE votes")
    response = client.post("/api/v1/votes", json=VOTE)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "30"
    assert "feedback store is unavailable" in response.json()["error"]


def test_a_broken_manifest_answers_503(client: TestClient, site: Path) -> None:
    (site / FILE_NAME).write_text("{ not a manifest")
    response = client.post("/api/v1/votes", json=VOTE)
    assert response.status_code == 503
    assert "cannot read the manifest" in response.json()["error"]
