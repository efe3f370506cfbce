"""Past one process, for real: two API processes (deploy/pusat-bantuan-api@.service's settings) behind nginx
(deploy/nginx-replicas.conf) sharing one PostgreSQL server."""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx2 as httpx
import pytest
from sqlalchemy import create_engine, func, select

from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME
from helpcenter.testing.servers import Endpoint, nginx_server
from tests.conftest import ROOT

NGINX_CONF = (ROOT / "deploy" / "nginx-replicas.conf").read_text()
UNIT = (ROOT / "deploy" / "pusat-bantuan-api@.service").read_text()
CLIENTS = 8
REQUESTS_PER_CLIENT = 50
KILL_AFTER = 100


def _unit_environment() -> dict[str, str]:
    """The HELPCENTER_* settings the template unit gives every process."""
    lines = [line.removeprefix("Environment=") for line in UNIT.splitlines() if line.startswith("Environment=")]
    return dict(line.split("=", 1) for line in lines)


@pytest.fixture
def replicas(built_site: Path, postgres_url: str):
    """nginx's URL and the two processes, each on the shared PostgreSQL with the unit's settings."""
    engine = create_engine(postgres_url)
    store.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()
    env = {**_unit_environment(), "HELPCENTER_DATABASE_URL": postgres_url,
           "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}
    processes = [Endpoint(env).start() for _ in range(2)]
    conf = NGINX_CONF.replace("server 127.0.0.1:8001;", f"server 127.0.0.1:{processes[0].port};").replace(
        "server 127.0.0.1:8002;", f"server 127.0.0.1:{processes[1].port};")
    # For the test only: each answer says which process gave it.
    conf = conf.replace("proxy_pass http://pusat_bantuan_api;",
                        "proxy_pass http://pusat_bantuan_api;\n        add_header X-Upstream $upstream_addr always;")
    try:
        with nginx_server(conf) as port:
            yield f"http://127.0.0.1:{port}", processes
    finally:
        for process in processes:
            process.stop()


def _client(url: str, address: str) -> httpx.Client:
    """A client from its own loopback address: to nginx, a customer of its own."""
    return httpx.Client(base_url=url, timeout=30, transport=httpx.HTTPTransport(local_address=address))


def _vote(visit: str) -> dict:
    return {"visit": visit, "visitor": uuid.uuid4().hex, "page": "faq/pembayaran/", "anchor": "bayar-cod",
            "helpful": False, "reason": "unclear"}


def _rows_per_visit(url: str, table) -> Counter:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(table.c.visit, func.count()).group_by(table.c.visit)).all()
    engine.dispose()
    return Counter(dict(rows))


def test_every_acknowledged_vote_and_event_lands_exactly_once_while_a_process_dies(replicas, postgres_url) -> None:
    url, processes = replicas
    acknowledged: dict[str, list[str]] = {"votes": [], "events": []}
    answered_by: Counter = Counter()
    lock = threading.Lock()
    enough = threading.Event()
    killed = threading.Event()
    after_kill = Counter()

    def customer(number: int) -> None:
        with _client(url, f"127.0.0.{10 + number}") as client:
            for request in range(REQUESTS_PER_CLIENT):
                visit = uuid.uuid4().hex
                kind = "votes" if request % 2 == 0 else "events"
                body = _vote(visit) if kind == "votes" else {"kind": "view", "visit": visit, "page": ""}
                sent_after_kill = killed.is_set()
                try:
                    response = client.post(f"/api/v1/{kind}", json=body)
                except httpx.HTTPError:
                    continue
                if response.status_code != 201:
                    # In flight at the process that died: not acknowledged, the browser sends it again.
                    assert response.status_code == 502, response.text
                    continue
                # nginx names every process it tried, "a, b" when the dead one refused the connection: the last
                # one answered.
                answered = response.headers["x-upstream"].split(", ")[-1]
                with lock:
                    acknowledged[kind].append(visit)
                    answered_by[answered] += 1
                    if sent_after_kill:
                        after_kill[answered] += 1
                    if sum(map(len, acknowledged.values())) >= KILL_AFTER:
                        enough.set()

    threads = [threading.Thread(target=customer, args=(number,)) for number in range(CLIENTS)]
    for thread in threads:
        thread.start()
    assert enough.wait(timeout=120), "the processes took load"
    processes[0].kill()
    killed.set()
    for thread in threads:
        thread.join(timeout=300)

    ports = {f"127.0.0.1:{process.port}" for process in processes}
    assert set(answered_by) == ports, "both processes answered"
    assert set(after_kill) == {f"127.0.0.1:{processes[1].port}"}, "the survivor answered all that came after"
    for kind, table in (("votes", store.votes), ("events", store.events)):
        stored = _rows_per_visit(postgres_url, table)
        assert {visit: stored[visit] for visit in acknowledged[kind]} == dict.fromkeys(acknowledged[kind], 1)
        assert max(stored.values()) == 1, "no request was stored twice"


def test_the_limit_per_client_holds_across_processes(replicas) -> None:
    """nginx counts one client's requests whichever process answers them: 60 at once, then one a second."""
    url, processes = replicas
    statuses: Counter = Counter()
    answered_by: set[str] = set()
    with _client(url, "127.0.0.50") as client:
        started = time.monotonic()
        for _ in range(150):
            response = client.post("/api/v1/votes", json=_vote(uuid.uuid4().hex))
            statuses[response.status_code] += 1
            if response.status_code == 201:
                answered_by.add(response.headers["x-upstream"])
            else:
                assert response.status_code == 429
                assert response.json() == {"error": "too many requests; try again in 1 seconds", "details": []}
                assert response.headers["retry-after"] == "1"
        elapsed = time.monotonic() - started
        with _client(url, "127.0.0.51") as other:
            assert other.post("/api/v1/votes", json=_vote(uuid.uuid4().hex)).status_code == 201, \
                "another client has its own allowance"
    assert answered_by == {f"127.0.0.1:{process.port}" for process in processes}
    # The burst of 60 plus the first request, and one more for each second that passed: never one allowance per
    # process (each process's own limit, 120, would have let all 150 through).
    assert 61 <= statuses[201] <= 61 + int(elapsed) + 1
    assert statuses[201] + statuses[429] == 150


def test_the_units_processes_trust_only_nginx_and_share_postgresql() -> None:
    environment = _unit_environment()
    assert environment["HELPCENTER_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert int(environment["HELPCENTER_RATE_LIMIT"]) > 60, "the processes' own limit is only a backstop"
    command = next(line for line in UNIT.splitlines() if line.startswith("ExecStart=")).split()
    assert command[1:3] == ["feedback_api.app:create_app", "--factory"]
    assert command[command.index("--port") + 1] == "%i"
    assert environment["HELPCENTER_TRUSTED_PROXIES"] == "127.0.0.1", "nginx's address, the only one trusted"
    assert "--no-proxy-headers" in command, "forwarded headers are the app's to judge"
    assert "limit_req zone=pusat_bantuan_api" in NGINX_CONF
