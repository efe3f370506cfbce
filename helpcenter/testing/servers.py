"""Real servers for tests and benchmarks: PostgreSQL from Debian's binaries, the feedback endpoint under uvicorn, nginx.

Each is started as a process of its own on a free loopback port and stopped at the end. When a binary is missing
the test skips on a laptop but fails in CI (CI=true), where a skip would hide a gap.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def require(binary: str | None, what: str) -> str:
    if binary and Path(binary).exists():
        return binary
    import pytest  # only a test gets this far without the binary; a benchmark has installed it

    message = f"{what} is missing: make test installs it (deploy/system-packages.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def _postgres_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    return found[-1] if found else shutil.which("postgres")


@contextlib.contextmanager
def postgres_server(port: int | None = None) -> Iterator[str]:
    """A throwaway PostgreSQL cluster (on `port`, or a free one); yields its SQLAlchemy URL. As root, runs as
    Debian's 'postgres' user."""
    postgres = require(_postgres_bin(), "PostgreSQL (Debian package postgresql)")
    bindir = Path(postgres).parent
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    base = Path(tempfile.mkdtemp(prefix="hc-pg-"))
    data = base / "data"
    if as_user:
        shutil.chown(base, "postgres")
    port = port or free_port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    process = subprocess.Popen(
        [*as_user, postgres, "-D", str(data), "-p", str(port), "-k", str(base), "-c", "listen_addresses=127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_port(port, process)
        # The port opens before the server takes connections ("the database system is starting up").
        deadline = time.monotonic() + 30
        while subprocess.run([str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)]).returncode:
            if time.monotonic() > deadline:
                raise TimeoutError(f"PostgreSQL on port {port} does not take connections after 30 s")
            time.sleep(0.1)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        # SIGINT is PostgreSQL's fast shutdown; sent to the group, as runuser does not pass signals on.
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
        shutil.rmtree(base, ignore_errors=True)


class Endpoint:
    """The feedback endpoint under uvicorn in its own process, so that a test can kill it."""

    def __init__(self, env: dict[str, str], port: int | None = None, command: list[str] | None = None) -> None:
        self.env = {**os.environ, **env}
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        # As the systemd units run it; `command` (with {port}) runs another way, such as `helpcenter serve`.
        self.command = command or [
            sys.executable, "-m", "uvicorn", "feedback_api.app:create_app", "--factory", "--host", "127.0.0.1",
            "--port", "{port}", "--log-level", "warning", "--no-access-log", "--no-proxy-headers"]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Endpoint:
        self.log = tempfile.NamedTemporaryFile(prefix="hc-endpoint-", suffix=".log", delete=False)  # noqa: SIM115
        with self.log:
            self.process = subprocess.Popen([part.replace("{port}", str(self.port)) for part in self.command],
                                            env=self.env, stdout=self.log, stderr=self.log)
        try:
            wait_for_port(self.port, self.process)
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}: {Path(self.log.name).read_text()[-2000:]}") from None
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush; what was acknowledged must already be on disk."""
        assert self.process is not None
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@contextlib.contextmanager
def nginx_server(site_conf: str) -> Iterator[int]:
    """Debian's nginx in the foreground with `site_conf` as its one server; yields the port it listens on."""
    nginx = require(shutil.which("nginx") or "/usr/sbin/nginx", "nginx (Debian package nginx)")
    base = Path(tempfile.mkdtemp(prefix="hc-nginx-"))
    port = free_port()
    (base / "site.conf").write_text(site_conf.replace("listen 80;", f"listen 127.0.0.1:{port};"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    (base / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {base}/nginx.pid;\nerror_log {base}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        + "".join(f" {kind}_temp_path {base}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                       "scgi"))
        + f" include {base}/site.conf;\n}}\n")
    check = subprocess.run([nginx, "-t", "-p", str(base), "-c", str(base / "nginx.conf")], capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([nginx, "-p", str(base), "-c", str(base / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)


def wait_for_rows(database_url: str, table, count: int, timeout: float = 10, matching=bool) -> list[dict]:
    """The table's rows that satisfy `matching`, once there are `count` of them or `timeout` passed.

    Browsers send in the background, and a later vote replaces an earlier one in place.
    """
    from sqlalchemy import create_engine, select

    engine = create_engine(database_url)
    deadline = time.monotonic() + timeout
    try:
        while True:
            with engine.connect() as connection:
                rows = [dict(row._mapping) for row in connection.execute(select(table).order_by(table.c.id))]
                rows = [row for row in rows if matching(row)]
            if len(rows) >= count or time.monotonic() > deadline:
                return rows
            time.sleep(0.1)
    finally:
        engine.dispose()
