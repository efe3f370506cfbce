"""The feedback endpoint's CPU per request, in process: no network, no wrk, so that two versions compare on a busy
machine where bench/api.py's wall-clock numbers wander.

The app (`feedback_api.app`, rate limit lifted, SQLite on disk with its durability) is called as uvicorn calls it,
with prebuilt ASGI scopes and bodies like bench/api.py's (a new visitor each vote, three in ten a no with a reason),
from `--connections` tasks at once on uvloop. The process's CPU time (every thread: the event loop, the writer,
SQLite) is divided by the requests answered; every answer must be a 201.

    python bench/api_cpu.py [--kinds votes views searches] [--requests 20000] [--repeat 3] [--profile FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import uvloop
from results import ROOT, WORK

from helpcenter.content.load import load_site
from helpcenter.manifest import build_manifest, write_manifest

REASONS = ("unclear", "incomplete", "wrong", "not_found", "other")
QUERIES = ("cara bayar cod", "refund berapa lama", "lacak paket", "ongkir gratis", "paket hilang")


def bodies(manifest, kind: str, count: int) -> list[bytes]:
    """`count` valid request bodies of one kind, each from a new visit (and visitor)."""
    places = [(page.path, "") for page in manifest.pages] + [
        (page.path, question.anchor) for page in manifest.pages for question in page.questions]
    paths = [page.path for page in manifest.pages]
    made = []
    for number in range(count):
        ident = f"{os.getpid()}-{time.monotonic_ns()}-{number:08d}"
        if kind == "votes":
            page, anchor = random.choice(places)
            body = f'{{"visit":"visit-{ident}","visitor":"visitor-{ident}","page":"{page}"'
            if anchor:
                body += f',"anchor":"{anchor}"'
            if random.random() < 0.7:
                body += ',"helpful":true}'
            else:
                body += f',"helpful":false,"reason":"{random.choice(REASONS)}"'
                if random.random() < 0.2:
                    body += f',"comment":"Biayanya berapa? {ident}"'
                body += "}"
        elif kind == "views":
            body = f'{{"kind":"view","visit":"visit-{ident}","page":"{random.choice(paths)}"}}'
        else:
            results = random.randint(0, 10)
            body = f'{{"kind":"search","visit":"visit-{ident}","query":"{random.choice(QUERIES)}","results":{results}'
            if results and random.random() < 0.7:
                page, anchor = random.choice(places)
                body += f',"opened":"{page}{"#" + anchor if anchor else ""}"'
            body += "}"
        made.append(body.encode())
    return made


def thread_cpu() -> dict[str, float]:
    """CPU seconds of each of the process's threads so far, by thread name."""
    names = {thread.native_id: thread.name.split(" ")[0] for thread in threading.enumerate()}
    times: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(FileNotFoundError):
            name = names.get(int(task.name), "other")
            fields = (task / "stat").read_text().rpartition(")")[2].split()
            times[name] = times.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return times


def scope(path: str, body: bytes, client: int) -> dict:
    """What uvicorn (httptools) hands the app for a POST from wrk."""
    return {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "http_version": "1.1",
            "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 40000 + client), "scheme": "http",
            "method": "POST", "root_path": "", "path": path, "raw_path": path.encode(), "query_string": b"",
            "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode())], "state": {}}


def request(body: bytes):
    """The app's `receive`: the body in one message, then nothing (the client stays)."""
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            await asyncio.Event().wait()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def drive(app, path: str, payloads: list[bytes], connections: int) -> tuple[float, float]:
    """CPU and wall seconds to answer every payload, `connections` requests in flight."""
    statuses: list[int] = []
    pending = iter(payloads)

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    async def connection(number: int) -> None:
        for body in pending:
            await app(scope(path, body, number), request(body), send)

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(connection(number) for number in range(connections)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    wrong = [status for status in statuses if status != 201]
    if wrong or len(statuses) != len(payloads):
        raise RuntimeError(f"{len(wrong)} answers other than 201, e.g. {wrong[:3]}")
    return cpu, wall


async def lifespan(app, messages: asyncio.Queue) -> asyncio.Future:
    """Start the app as uvicorn does (its lifespan freezes what it holds out of the collector)."""
    started = asyncio.Event()

    async def receive() -> dict:
        return await messages.get()

    async def send(message: dict) -> None:
        if message["type"].startswith("lifespan.startup"):
            started.set()

    task = asyncio.ensure_future(app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, receive, send))
    await messages.put({"type": "lifespan.startup"})
    await started.wait()
    return task


async def main(args) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="api-cpu-", dir=WORK))
    try:
        manifest = build_manifest(load_site(ROOT / "content", date.today()), "https://bantuan.tokosenja.example/")
        manifest_path = write_manifest(work, manifest)
        os.environ.update({"HELPCENTER_DATABASE_URL": f"sqlite:///{work / 'feedback.sqlite3'}",
                           "HELPCENTER_MANIFEST": str(manifest_path), "HELPCENTER_SITE_DIR": "",
                           "HELPCENTER_RATE_LIMIT": "1000000000"})
        from feedback_api.app import create_app

        app = create_app()
        messages: asyncio.Queue = asyncio.Queue()
        task = await lifespan(app, messages)
        paths = {"votes": "/api/v1/votes", "views": "/api/v1/events", "searches": "/api/v1/events"}
        # A warm-up: the manifest, the writer's thread, the connection pool, the day's salt.
        for kind in args.kinds:
            await drive(app, paths[kind], bodies(manifest, kind, 2000), args.connections)
        profile = cProfile.Profile() if args.profile else None
        for kind in args.kinds:
            per_request = []
            for _ in range(args.repeat):
                payloads = bodies(manifest, kind, args.requests)
                if profile:
                    profile.enable()
                threads = thread_cpu()
                cpu, wall = await drive(app, paths[kind], payloads, args.connections)
                if profile:
                    profile.disable()
                per_request.append(1e6 * cpu / len(payloads))
                split = ", ".join(f"{name} {1e6 * (seconds - threads.get(name, 0.0)) / len(payloads):.0f}"
                                  for name, seconds in sorted(thread_cpu().items())
                                  if seconds - threads.get(name, 0.0) > 0)
                print(f"{kind:8}: {1e6 * cpu / len(payloads):6.1f} us CPU/request, {len(payloads) / wall:7.0f} req/s "
                      f"({split})", flush=True)
            print(f"{kind:8}: median {statistics.median(per_request):6.1f} us CPU/request")
        if profile:
            profile.dump_stats(args.profile)
        await messages.put({"type": "lifespan.shutdown"})
        await task
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", choices=("votes", "views", "searches"), default=["votes"])
    parser.add_argument("--requests", type=int, default=20_000, help="requests per measured run")
    parser.add_argument("--repeat", type=int, default=3, help="measured runs per kind")
    parser.add_argument("--connections", type=int, default=64, help="requests in flight")
    parser.add_argument("--profile", help="write a cProfile of the measured runs here (slows them)")
    uvloop.run(main(parser.parse_args()))
