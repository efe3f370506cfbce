"""The feedback API over HTTP, in process: what a browser, a developer and an attacker get back."""

from __future__ import annotations

import gc
import gzip
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from feedback_api.app import create_app
from feedback_api.settings import Settings
from feedback_api.site import SECURITY_HEADERS
from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME, write_manifest
from helpcenter.testing.servers import free_port, postgres_server
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


# Hardening (issue 12): what a rebuild, a hostile request or an absent store cannot do.


def test_serve_sends_the_security_headers_with_site_files_through_the_build_link(tmp_path: Path, site: Path) -> None:
    """site/ is a link each build switches; every page, folder redirect and 404 of it carries the headers that
    deploy/nginx.conf sends, the API's answers set their own."""
    build = tmp_path / ".site-builds" / "b1"
    build.parent.mkdir()
    site.rename(build)
    (build / "faq").mkdir()
    (build / "faq" / "index.html").write_text("<h1>FAQ</h1>")
    (build / "404.html").write_text("<h1>Tidak ditemukan</h1>")
    site.symlink_to(build, target_is_directory=True)
    client = _client(tmp_path, site)
    answers = [client.get("/"), client.get("/faq/"), client.get("/faq", follow_redirects=False),
               client.get("/tidak-ada/")]
    assert [answer.status_code for answer in answers] == [200, 200, 307, 404]
    for answer in answers:
        assert {name: answer.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert "content-security-policy" not in client.get("/api/v1/health").headers


def test_without_a_manifest_feedback_waits_with_503_and_health_is_not_ready(tmp_path: Path, site: Path) -> None:
    """While a build runs there is no manifest: a vote is not 'unknown page' (final for the widget) but 503."""
    (site / FILE_NAME).unlink()
    client = _client(tmp_path, site)
    vote = client.post("/api/v1/votes", json=VOTE)
    event = client.post("/api/v1/events", json={"visit": "visit-0000-0001", "kind": "view", "page": ""})
    for answer in (vote, event):
        assert answer.status_code == 503 and answer.headers["retry-after"] == "30"
        assert answer.json()["error"].startswith("the help center has no manifest yet (helpcenter-manifest.json)")
    health = client.get("/api/v1/health")
    assert health.status_code == 503
    assert {key: health.json()[key] for key in ("status", "pages")} == {"status": "not ready", "pages": 0}
    (site / FILE_NAME).write_text("{ not a manifest")
    broken = _client(tmp_path, site).post("/api/v1/votes", json=VOTE)
    assert broken.status_code == 503 and "cannot read the manifest helpcenter-manifest.json" in broken.json()["error"]
    assert str(tmp_path) not in broken.text
    assert _count(client, store.votes) == 0


def test_comments_and_queries_are_stored_with_personal_data_masked(client: TestClient) -> None:
    comment = "Tolong telepon 0812-3456-7890 atau budi@contoh.co.id, pesanan INV/20261201/MPL/1234567890123"
    client.post("/api/v1/votes", json={**VOTE, "comment": comment})
    client.post("/api/v1/events", json={"visit": "visit-0000-0001", "kind": "search", "results": 0,
                                        "query": "refund kartu 4111 1111 1111 1111 nik 3201234567890001"})
    with client.app.state.engine.connect() as connection:
        stored = connection.execute(select(store.votes.c.comment)).scalar_one()
        query = connection.execute(select(store.events.c.query)).scalar_one()
    assert stored == "Tolong telepon [telepon] atau [email], pesanan INV/20261201/MPL/1234567890123"
    assert query == "refund kartu [kartu] nik [NIK]"


def test_old_salts_are_deleted_at_start_up_and_on_schedule_without_any_vote(tmp_path: Path, site: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'feedback.sqlite3'}", manifest=site / FILE_NAME,
                              site_dir=site), salt_sweep_interval=0.01)
    today = date.today()
    old = [today - timedelta(days=days) for days in (2, 9)]

    def plant(days: list[date]) -> None:
        with app.state.engine.begin() as connection:
            connection.execute(store.salts.insert(), [{"day": day, "salt": "00" * 32} for day in days])

    def salts() -> set[date]:
        with app.state.engine.connect() as connection:
            return set(connection.execute(select(store.salts.c.day)).scalars())

    plant([*old, today - timedelta(days=1)])
    sweeper = app.state.salt_sweeper
    with TestClient(app):
        assert sweeper.swept.wait(10)
        assert salts() == {today - timedelta(days=1)}, "yesterday's stays for the votes of just before midnight"
        plant(old)
        # Two sweeps: the second began after the salts were planted.
        for _ in range(2):
            sweeper.swept.clear()
            assert sweeper.swept.wait(10)
        assert salts() == {today - timedelta(days=1)}


def test_forwarded_for_is_believed_only_from_the_proxies_the_operator_names(tmp_path: Path, site: Path) -> None:
    """A client that sends its own X-Forwarded-For does not get a fresh allowance per made-up address."""
    settings = {"database_url": f"sqlite:///{tmp_path / 'feedback.sqlite3'}", "manifest": site / FILE_NAME,
                "site_dir": site, "rate_limit": 2}
    direct = TestClient(create_app(Settings(**settings)), client=("127.0.0.1", 50000))
    statuses = [direct.post("/api/v1/votes", json=VOTE, headers={"x-forwarded-for": f"198.51.100.{n}"}).status_code
                for n in range(3)]
    assert statuses == [201, 201, 429]
    proxied = TestClient(create_app(Settings(**settings, trusted_proxies=("127.0.0.1",))), client=("127.0.0.1", 1))
    statuses = [proxied.post("/api/v1/votes", json=VOTE, headers={"x-forwarded-for": f"1.2.3.4, 198.51.100.{n}"})
                .status_code for n in range(3)]
    assert statuses == [201, 201, 201], "behind a named proxy, each forwarded client has its own allowance"


def test_refused_requests_count_against_the_clients_limit(tmp_path: Path, site: Path) -> None:
    client = _client(tmp_path, site, rate_limit=3)
    refused = [client.post("/api/v1/votes", json={**VOTE, "helpful": "ya"}),
               client.post("/api/v1/votes", content="x" * 5000, headers={"content-type": "application/json"}),
               client.post("/api/v1/votes", json={**VOTE, "page": "faq/tidak-ada/"})]
    assert [answer.status_code for answer in refused] == [422, 413, 422]
    limited = client.post("/api/v1/votes", json=VOTE)
    assert limited.status_code == 429 and "too many requests" in limited.json()["error"]


def test_a_redirect_never_names_the_host_the_client_sent(client: TestClient, site: Path) -> None:
    (site / "faq").mkdir()
    (site / "faq" / "index.html").write_text("<h1>FAQ</h1>")
    response = client.get("/faq?q=cod", headers={"host": "evil.example"}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (307, "/faq/?q=cod")


def test_a_precompressed_copy_is_never_served_as_a_page(client: TestClient, site: Path) -> None:
    (site / "index.html.gz").write_bytes(gzip.compress(b"<h1>Pusat Bantuan</h1>"))
    response = client.get("/index.html.gz")
    assert response.status_code == 404
    assert not response.content.startswith(b"\x1f\x8b")


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "expected"), [
    ("GET", "/api/v1/votes", {}, 405, {"allow": "POST"}),
    ("OPTIONS", "/api/v1/events", {}, 405, {"allow": "POST"}),
    ("DELETE", "/api/v1/health", {}, 405, {"allow": "GET"}),
    ("GET", "/api/v2/votes", {}, 404, {}),
    ("POST", "/api/v1/votes/", {"json": VOTE}, 404, {}),
    ("POST", "/api/v1/votes", {"content": b'{"comment": "\xff"}', "headers": {"content-type": "application/json"}},
     400, {}),
    ("POST", "/api/v1/votes", {"content": "x" * 5000, "headers": {"content-type": "application/json"}}, 413, {}),
])
def test_every_refusal_is_json_with_a_reason(client: TestClient, method: str, path: str, kwargs: dict, status: int,
                                             expected: dict) -> None:
    response = client.request(method, path, follow_redirects=False, **kwargs)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]
    assert {name: response.headers.get(name) for name in expected} == expected
    if status == 413:
        assert response.json()["details"] == [{"field": "body", "limit": 4096, "message": "at most 4096 bytes"}]


def test_starting_with_the_store_away_answers_503_until_it_is_back(site: Path) -> None:
    port = free_port()
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    client = TestClient(create_app(Settings(database_url=url, manifest=site / FILE_NAME, site_dir=site)))
    away = client.post("/api/v1/votes", json=VOTE)
    assert away.status_code == 503 and away.headers["retry-after"] == "30"
    assert "feedback store is unavailable" in away.json()["error"]
    assert client.get("/api/v1/health").json()["status"] == "not ready"
    with postgres_server(port):
        assert client.post("/api/v1/votes", json=VOTE).status_code == 201
        assert client.get("/api/v1/health").json()["status"] == "ok"
        client.app.state.engine.dispose()


def test_what_the_app_holds_for_life_is_left_out_of_full_collections(tmp_path: Path, site: Path) -> None:
    """The collector's full passes walked every object of the process every few thousand requests: under load
    those pauses were the slowest answers (bench/api.py)."""
    gc.unfreeze()
    client = _client(tmp_path, site)
    assert gc.get_freeze_count() == 0
    try:
        with client:  # the app starts (its lifespan), as under uvicorn
            assert gc.get_freeze_count() > 10_000
            assert client.post("/api/v1/votes", json=VOTE).status_code == 201
    finally:
        gc.unfreeze()
