"""API benchmark: the feedback endpoint against a bare Starlette app doing one INSERT, on SQLite and PostgreSQL.

Both apps run under uvicorn, one worker each, on the same kind of store with the same durability (SQLite in WAL
mode with synchronous=FULL on disk; a throwaway PostgreSQL server with its defaults, fsync on); the bare app is
bench/bare_api.py. wrk (`-t2 -c64`) sends valid, varied requests from a generated Lua script: votes from a new
visitor each time for the pages and questions of the sample shop's manifest, page views, searches. Each round
measures every kind on both apps back to back, the apps' order alternating from round to round. The endpoint's
rate limit is lifted (HELPCENTER_RATE_LIMIT). Requests per second, p50 and p99 latency, and the server's CPU per
request go to bench/RESULTS.md ("## Feedback API"; the other sections are kept).

    python bench/api.py [--seconds 10] [--rounds 3] [--connections 64] [--stores sqlite postgresql]
                        [--kinds votes views searches] [--no-write]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

from results import RESULTS, ROOT, WORK, machine, write_section
from sqlalchemy import func, select

from helpcenter.content.load import load_site
from helpcenter.feedback import store
from helpcenter.feedback.database import make_engine, upgrade
from helpcenter.manifest import FILE_NAME, Manifest, build_manifest, write_manifest
from helpcenter.testing.servers import free_port, postgres_server, wait_for_port

# On disk, not in memory: the point of synchronous=FULL is the fsync.
API_WORK = WORK / "api"
KINDS = {"votes": store.votes, "views": store.events, "searches": store.events}
APPS = ("ours", "bare")
THREADS = 2
TARGET_RATIO = 0.5
TARGET_P99_MS = 25.0
# The paced run: votes offered at this rate by the same connections, twice a large shop's sale-day peak (README,
# "How far one machine goes"): the latency a customer sees when the server keeps up, not the queue of a flood.
PACED_RATE = 400
PACED = "votes, paced"
QUERIES = ["cara bayar cod", "refund berapa lama", "lacak paket", "cek resi", "ongkir gratis", "voucher tidak bisa",
           "batalkan pesanan", "garansi rusak", "lupa password", "retur barang", "pengirman", "paket hilang"]

# Every request is valid and different: a new visit and visitor each time (so a vote is a new row, as most are),
# a page or question drawn from the manifest, a no with a reason on three votes in ten.
LUA = r"""
local kind = "%(kind)s"
local pause = %(pause)d
local places = {%(places)s}
local paths = {%(paths)s}
local queries = {%(queries)s}
local reasons = {"unclear", "incomplete", "wrong", "not_found", "other"}
local headers = {["Content-Type"] = "application/json"}
local threads = {}
local counter, run = 0, ""

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  run = args[1] .. "-" .. number
  math.randomseed(number * 7919 + os.time())
end

-- Paced runs: after an answer each connection waits a random time, on average `pause` ms, before its next request
-- (wrk's delay()). Drawn from the exponential distribution, as the gaps between independent customers are: a fixed
-- pause would keep the connections that one commit answered together arriving together again, in bursts.
function delay()
  if pause == 0 then return 0 end
  return math.floor(-math.log(1 - math.random()) * pause)
end

function request()
  counter = counter + 1
  local id = string.format("%%s-%%08d", run, counter)
  local body
  if kind == "votes" then
    local place = places[math.random(#places)]
    body = '{"visit":"visit-' .. id .. '","visitor":"visitor-' .. id .. '","page":"' .. place[1] .. '"'
    if place[2] ~= "" then body = body .. ',"anchor":"' .. place[2] .. '"' end
    if math.random() < 0.7 then
      body = body .. ',"helpful":true}'
    else
      body = body .. ',"helpful":false,"reason":"' .. reasons[math.random(#reasons)] .. '"'
      if math.random() < 0.2 then body = body .. ',"comment":"Biayanya berapa? ' .. id .. '"' end
      body = body .. '}'
    end
    return wrk.format("POST", "/api/v1/votes", headers, body)
  end
  if kind == "views" then
    body = '{"kind":"view","visit":"visit-' .. id .. '","page":"' .. paths[math.random(#paths)] .. '"}'
  else
    local results = math.random(0, 10)
    body = '{"kind":"search","visit":"visit-' .. id .. '","query":"' .. queries[math.random(#queries)]
      .. '","results":' .. results
    if results > 0 and math.random() < 0.7 then
      local place = places[math.random(#places)]
      local opened = place[1]
      if place[2] ~= "" then opened = opened .. "#" .. place[2] end
      body = body .. ',"opened":"' .. opened .. '"'
    end
    body = body .. '}'
  end
  return wrk.format("POST", "/api/v1/events", headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %%d, "duration_us": %%d, "status_errors": %%d, "socket_errors": %%d, '
    .. '"p50_us": %%d, "p99_us": %%d}\n', summary.requests, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass
class Run:
    """One wrk run against one app."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_request: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def lua_script(manifest: Manifest, kind: str, pause_ms: int = 0) -> Path:
    """The wrk script for one kind of request, with the manifest's pages and questions in it; `pause_ms` between
    a connection's answer and its next request (0: as fast as the server answers)."""
    places = [(page.path, "") for page in manifest.pages] + [
        (page.path, question.anchor) for page in manifest.pages for question in page.questions]
    text = LUA % {
        "kind": kind,
        "pause": pause_ms,
        "places": ", ".join(f'{{"{path}", "{anchor}"}}' for path, anchor in places),
        "paths": ", ".join(f'"{page.path}"' for page in manifest.pages),
        "queries": ", ".join(f'"{query}"' for query in QUERIES),
    }
    path = API_WORK / f"{kind}{'-paced' if pause_ms else ''}.lua"
    path.write_text(text)
    return path


class Server:
    """One app under uvicorn, one worker, in its own process."""

    def __init__(self, target: list[str], env: dict[str, str], options: list[str]) -> None:
        self.port = free_port()
        self.log = API_WORK / f"server-{self.port}.log"
        command = [sys.executable, "-m", "uvicorn", *target, "--host", "127.0.0.1", "--port", str(self.port),
                   "--log-level", "warning", "--no-access-log", *options]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=log)
        try:
            # Imports and migrations take seconds, more on a busy machine.
            wait_for_port(self.port, self.process, timeout=120)
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}: {self.log.read_text()[-2000:]}") from None

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@contextmanager
def servers(store_name: str, manifest_path: Path, options: list[str]):
    """Both apps on fresh stores of one kind; yields {app: (server, database URL)}."""
    with ExitStack() as stack:
        if store_name == "sqlite":
            urls = {}
            for app in APPS:
                database = API_WORK / f"{app}.sqlite3"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{database}{suffix}").unlink(missing_ok=True)
                urls[app] = f"sqlite:///{database}"
        else:
            ours = stack.enter_context(postgres_server())
            engine = make_engine(ours)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("CREATE DATABASE bare")
            engine.dispose()
            urls = {"ours": ours, "bare": ours.rpartition("/")[0] + "/bare"}
        engine = make_engine(urls["bare"])
        upgrade(engine)
        engine.dispose()
        started = {
            "ours": Server(["feedback_api.app:create_app", "--factory"], {
                "HELPCENTER_DATABASE_URL": urls["ours"], "HELPCENTER_MANIFEST": str(manifest_path),
                "HELPCENTER_SITE_DIR": "", "HELPCENTER_RATE_LIMIT": "1000000000"}, options),
            "bare": Server(["bare_api:create_app", "--factory", "--app-dir", str(ROOT / "bench")],
                           {"BENCH_DATABASE_URL": urls["bare"]}, options),
        }
        for server in started.values():
            stack.callback(server.stop)
        yield {app: (started[app], urls[app]) for app in APPS}


def count_rows(url: str, table) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()
    finally:
        engine.dispose()


def run_wrk(server: Server, url: str, script: Path, kind: str, seconds: float, connections: int) -> Run:
    """One wrk run; every answer must be a 201 and every one must be a row in the store afterwards."""
    before_rows, before_cpu = count_rows(url, KINDS[kind]), server.cpu_seconds()
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
         f"http://127.0.0.1:{server.port}", "--", uuid.uuid4().hex[:12]],
        capture_output=True, text=True, check=True).stdout
    cpu = server.cpu_seconds() - before_cpu
    line = next((line for line in output.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{output}")
    result = json.loads(line.removeprefix("BENCH "))
    if result["status_errors"] or result["socket_errors"]:
        raise RuntimeError(f"{result['status_errors']} error answers, {result['socket_errors']} socket errors:\n"
                           f"{output}\n{server.log.read_text()[-2000:]}")
    stored = count_rows(url, KINDS[kind]) - before_rows
    if stored < result["requests"]:
        raise RuntimeError(f"{result['requests']} requests answered 201 but only {stored} rows stored")
    return Run(requests=result["requests"], seconds=result["duration_us"] / 1e6, p50_ms=result["p50_us"] / 1000,
               p99_ms=result["p99_us"] / 1000, cpu_ms_per_request=1000 * cpu / max(result["requests"], 1))


def measure(store_name: str, manifest_path: Path, scripts: dict[str, Path], args) -> dict[str, dict[str, list[Run]]]:
    """{kind: {app: [Run per round]}} for one store."""
    runs: dict[str, dict[str, list[Run]]] = {kind: {app: [] for app in APPS} for kind in scripts}
    paced = None
    if "votes" in scripts and args.paced_rate:
        paced = scripts["votes"].with_name("votes-paced.lua")
        runs[PACED] = {app: [] for app in APPS}
    with servers(store_name, manifest_path, ["--http", args.http, "--loop", args.loop]) as started:
        # A short run each to warm up: imports, connection pools, the manifest, the first pages of the indexes.
        first = next(iter(scripts))
        for server, url in started.values():
            run_wrk(server, url, scripts[first], first, 2, args.connections)
        for round_number in range(args.rounds):
            order = APPS if round_number % 2 == 0 else APPS[::-1]
            for kind, script in scripts.items():
                for app in order:
                    server, url = started[app]
                    run = run_wrk(server, url, script, kind, args.seconds, args.connections)
                    runs[kind][app].append(run)
                    print(f"{store_name} round {round_number + 1} {kind:8} {app:4}: {run.per_second:7.0f} req/s, "
                          f"p50 {run.p50_ms:6.1f} ms, p99 {run.p99_ms:7.1f} ms, "
                          f"{run.cpu_ms_per_request:.2f} ms CPU/request", flush=True)
            for app in order if paced else ():
                server, url = started[app]
                run = run_wrk(server, url, paced, "votes", args.seconds, args.connections)
                runs[PACED][app].append(run)
                print(f"{store_name} round {round_number + 1} paced    {app:4}: {run.per_second:7.0f} req/s, "
                      f"p50 {run.p50_ms:6.1f} ms, p99 {run.p99_ms:7.1f} ms", flush=True)
    return runs


def table(results: dict[str, dict[str, dict[str, list[Run]]]]) -> tuple[str, list[str]]:
    """The markdown table and the verdict lines on the targets."""
    lines = ["| store | requests | ours (req/s) | ours p50 (ms) | ours p99 (ms) | bare (req/s) | bare p50 (ms) | "
             "bare p99 (ms) | ours / bare | each round, ours / bare (req/s) | CPU per request, ours / bare (ms) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    verdicts = []
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    for store_name, kinds in results.items():
        for kind, runs in kinds.items():
            ours, bare = runs["ours"], runs["bare"]
            rate = {app: statistics.median(r.per_second for r in runs[app]) for app in APPS}
            p50 = {app: statistics.median(r.p50_ms for r in runs[app]) for app in APPS}
            p99 = {app: statistics.median(r.p99_ms for r in runs[app]) for app in APPS}
            cpu = {app: statistics.median(r.cpu_ms_per_request for r in runs[app]) for app in APPS}
            ratio = rate["ours"] / rate["bare"]
            rounds = "; ".join(f"{o.per_second:.0f} / {b.per_second:.0f}" for o, b in zip(ours, bare, strict=True))
            lines.append(f"| {names[store_name]} | {kind} | {rate['ours']:,.0f} | {p50['ours']:.1f} | "
                         f"{p99['ours']:.1f} | {rate['bare']:,.0f} | {p50['bare']:.1f} | {p99['bare']:.1f} | "
                         f"**{ratio:.2f}** | {rounds} | {cpu['ours']:.2f} / {cpu['bare']:.2f} |")
            if kind == "votes":
                verdicts.append(f"{names[store_name]} votes: **{ratio:.2f}×** the bare app (target at least "
                                f"{TARGET_RATIO}×): {'met' if ratio >= TARGET_RATIO else 'NOT met'}.")
            if store_name == "sqlite" and kind in ("votes", PACED):
                how = ("paced, the server keeping up" if kind == PACED
                       else "flooded: every connection busy, so the p99 is a queue")
                each = ", ".join(f"{run.p99_ms:.1f}" for run in ours)
                verdicts.append(f"SQLite votes p99 **{p99['ours']:.1f} ms** (rounds: {each} ms) at "
                                f"{rate['ours']:,.0f} votes a second, {how} (target under {TARGET_P99_MS:.0f} ms): "
                                f"{'met' if p99['ours'] < TARGET_P99_MS else 'NOT met'}.")
    return "\n".join(lines) + "\n", verdicts


def uvicorn_choices(http: str, loop: str) -> tuple[str, str]:
    """What uvicorn's "auto" picks: httptools and uvloop when they are installed."""
    if http == "auto":
        http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    if loop == "auto":
        loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return http, loop


def wrk_version() -> str:
    output = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
    return output.split()[1] if output.startswith("wrk ") else "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each measures every kind on both apps")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--stores", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"])
    parser.add_argument("--kinds", nargs="+", choices=tuple(KINDS), default=list(KINDS))
    parser.add_argument("--http", choices=("auto", "h11", "httptools"), default="auto",
                        help="uvicorn's HTTP parser for both apps (auto: httptools when installed)")
    parser.add_argument("--loop", choices=("auto", "asyncio", "uvloop"), default="auto",
                        help="uvicorn's event loop for both apps (auto: uvloop when installed)")
    parser.add_argument("--paced-rate", type=int, default=PACED_RATE,
                        help="votes a second offered in the paced run (0: no paced run)")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave bench/RESULTS.md alone")
    args = parser.parse_args()
    args.http, args.loop = uvicorn_choices(args.http, args.loop)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `make bench-api` installs it (Debian package wrk)")

    API_WORK.mkdir(parents=True, exist_ok=True)
    manifest = build_manifest(load_site(ROOT / "content", date.today()), "https://bantuan.tokosenja.example/")
    manifest_path = write_manifest(API_WORK / "site", manifest)
    assert manifest_path.name == FILE_NAME
    scripts = {kind: lua_script(manifest, kind) for kind in args.kinds}
    if args.paced_rate:
        # Each connection pauses so that together they offer the paced rate (less their own waiting time).
        lua_script(manifest, "votes", pause_ms=round(1000 * args.connections / args.paced_rate))
    load = os.getloadavg()[0]
    results = {name: measure(name, manifest_path, scripts, args) for name in args.stores}
    markdown, verdicts = table(results)
    print(markdown + "\n".join(verdicts))
    if args.no_write:
        return
    section = (
        f"## Feedback API (wrk -t{THREADS} -c{args.connections}, {args.seconds:g} s runs, {args.rounds} rounds)\n\n"
        f"Run on {date.today().isoformat()}: {machine()}; uvicorn {version('uvicorn')}, FastAPI {version('fastapi')}, "
        f"SQLAlchemy {version('sqlalchemy')}, SQLite {__import__('sqlite3').sqlite_version}, PostgreSQL from "
        f"Debian's packages, wrk {wrk_version()}; uvicorn with --http {args.http} --loop {args.loop}; "
        f"load average {load:.1f} when the run started.\n"
        f"Reproduce: `make bench-api` (or `.venv/bin/python bench/api.py --seconds {args.seconds:g} "
        f"--rounds {args.rounds} --connections {args.connections} --http {args.http} --loop {args.loop} "
        f"--paced-rate {args.paced_rate}`).\n\n"
        "ours: the feedback endpoint (`feedback_api.app`), rate limit lifted. bare: `bench/bare_api.py`, a Starlette "
        "app that inserts each request's JSON with one INSERT and commits, nothing else. Each under uvicorn with one "
        "worker, on the same kind of store with the same durability: SQLite in WAL mode with synchronous=FULL, on "
        "disk; a throwaway PostgreSQL server (fsync on). wrk sends valid, varied requests: votes from a new visitor "
        "each for the sample shop's pages and questions (three in ten a no with a reason), page views, searches "
        "(some with the result opened). Every answer was a 201 and every acknowledged request a row in the store. "
        "Rates and latencies are medians of the rounds; each round runs both apps back to back, alternating which "
        "goes first. CPU per request is the server process's CPU time (user + system) over its requests; wrk and "
        "the database share the same cores. wrk keeps every connection busy, so latency is mostly queueing: with "
        f"{args.connections} connections the median is about {args.connections} / rate, and a p99 under "
        f"{TARGET_P99_MS:.0f} ms needs more than {args.connections * 1000 / TARGET_P99_MS:,.0f} requests a second "
        "from one process (Little's law) and answers of nearly equal wait. The paced run (\"votes, paced\") sends "
        f"votes from the same {args.connections} connections, each pausing a random time, on average "
        f"{round(1000 * args.connections / max(args.paced_rate, 1))} ms, after an answer (wrk's `delay()`; "
        "exponentially distributed, as the gaps between independent customers are), so that "
        f"together they offer at most {args.paced_rate} a second, twice a large shop's sale-day peak (README, "
        "\"How far one machine goes\"): its latency is what a customer waits when the server keeps up.\n\n"
        f"{markdown}\n" + "\n".join(f"- {verdict}" for verdict in verdicts) + "\n"
    )
    write_section(RESULTS, "## Feedback API", section)


if __name__ == "__main__":
    main()
