"""Report benchmark: the gap report over 1 million votes and 200,000 events, on SQLite and on PostgreSQL.

Fills a store with votes and events over two 30-day periods (the report reads both: this period and the one
before) for the sample shop's pages and questions, then times `helpcenter report` in each format, several runs,
and writes the medians to bench/RESULTS.md (its own "## Report" section; the other sections are kept).

    python bench/report.py [--votes 1000000] [--events 200000] [--runs 3] [--no-write]
    python bench/report.py --votes 10000000 --events 2000000 --runs 2   # the scale check, its own section
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

from results import RESULTS, ROOT, WORK, machine, write_section

from helpcenter.content.load import load_site
from helpcenter.feedback import store
from helpcenter.feedback.database import make_engine, upgrade
from helpcenter.manifest import Manifest, build_manifest
from helpcenter.report.gap_report import read_report

UNTIL = date(2026, 11, 30)
DAYS = 30
FORMATS = ("json", "markdown", "html")
TARGET_SECONDS = 5.0
TARGET_VOTES = 1_000_000  # the size the target is set for; larger runs size the README's scale section
QUERIES = ["cara bayar cod", "refund berapa lama", "lacak paket", "cek resi", "ongkir gratis", "voucher tidak bisa",
           "batalkan pesanan", "garansi rusak", "lupa password", "retur barang", "cicilan 0 persen", "tukar ukuran",
           "beli grosir", "kirim ke luar negeri", "pengiriman ke papua", "alamat salah", "paket hilang",
           "bayar pakai va", "ganti nomor hp", "pesanan belum sampai"]


def _typo(rng: random.Random, query: str) -> str:
    """Customers misspell: one letter dropped somewhere."""
    position = rng.randrange(len(query))
    return query[:position] + query[position + 1:]


def generate(manifest: Manifest, votes: int, events: int, seed: int = 1) -> tuple[list[tuple], list[tuple]]:
    """Rows as tuples in the tables' column order (without id), spread over 2 × DAYS days."""
    rng = random.Random(seed)
    places = [(page.path, "") for page in manifest.pages] + [
        (page.path, q.anchor) for page in manifest.pages for q in page.questions]
    paths = [page.path for page in manifest.pages]
    first = datetime.combine(UNTIL - timedelta(days=2 * DAYS - 1), datetime.min.time(), tzinfo=UTC)
    span = 2 * DAYS * 86400
    visits = max(events // 4, 1)
    queries = QUERIES + [_typo(rng, q) for q in QUERIES for _ in range(20)]
    reasons = ("unclear", "incomplete", "wrong", "not_found", "other")
    vote_rows = []
    for number in range(votes):
        at = first + timedelta(seconds=rng.randrange(span))
        page, anchor = rng.choice(places)
        helpful = rng.random() < 0.7
        reason = None if helpful else rng.choice(reasons)
        comment = f"Komentar {number}: jawabannya kurang jelas" if reason and rng.random() < 0.2 else None
        vote_rows.append((at, at.date(), page, anchor, helpful, reason, comment, f"{number:032x}",
                          f"visit{rng.randrange(visits * 4):010d}", "id"))
    event_rows = []
    for _ in range(events):
        at = first + timedelta(seconds=rng.randrange(span))
        visit = f"visit{rng.randrange(visits):010d}"
        kind = rng.choices(("view", "search", "contact"), (60, 30, 10))[0]
        page = rng.choice(paths)
        if kind == "search":
            results = 0 if rng.random() < 0.25 else rng.randint(1, 10)
            opened = None if results == 0 or rng.random() < 0.3 else rng.choice(paths)
            event_rows.append((at, at.date(), kind, visit, page, None, rng.choice(queries), results, opened, None,
                               "id"))
        else:
            channel = rng.choice(("whatsapp", "email", "phone")) if kind == "contact" else None
            event_rows.append((at, at.date(), kind, visit, page, None, None, None, None, channel, "id"))
    return vote_rows, event_rows


def _columns(table) -> list[str]:
    return [column.name for column in table.columns if column.name != "id"]


def load(url: str, vote_rows: list[tuple], event_rows: list[tuple]) -> None:
    """Empty store, schema by the migrations, rows in bulk: COPY on PostgreSQL, executemany on SQLite."""
    engine = make_engine(url)
    store.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(engine)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if engine.dialect.name == "sqlite":
            # A page cache of 2 GB for the load: past a few million rows SQLite's default 2 MB spills the indexes'
            # pages to the WAL again and again, and the load takes hours instead of minutes.
            cursor.execute("PRAGMA cache_size=-2000000")
        for table, rows in ((store.votes, vote_rows), (store.events, event_rows)):
            columns = _columns(table)
            # In time order, as the endpoint stores them.
            rows = sorted(rows, key=lambda row: row[0])
            if engine.dialect.name == "postgresql":
                with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})",
                                   ((at.isoformat(sep=" "), *rest) for at, *rest in rows))
        if engine.dialect.name == "postgresql":
            # What autovacuum does on a live server after a load like this.
            cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def time_report(url: str, manifest: Manifest, runs: int) -> tuple[dict[str, list[float]], list[float]]:
    """Wall time of each report per format, and the CPU time this process spent on each (all of the work on
    SQLite, only the Python side on PostgreSQL)."""
    engine = make_engine(url)
    times: dict[str, list[float]] = {name: [] for name in FORMATS}
    cpu: list[float] = []
    try:
        for _ in range(runs):
            for name in FORMATS:
                started, started_cpu = time.perf_counter(), time.process_time()
                read_report(engine, manifest, UNTIL - timedelta(days=DAYS - 1), UNTIL, name)
                times[name].append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
    finally:
        engine.dispose()
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--votes", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3, help="reports per format and database (median reported)")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave bench/RESULTS.md alone")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()

    manifest = build_manifest(load_site(ROOT / "content", UNTIL), "https://bantuan.tokosenja.example/")
    vote_rows, event_rows = generate(manifest, args.votes, args.events)
    WORK.mkdir(parents=True, exist_ok=True)
    sqlite_file = WORK / "report.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
    results: dict[str, dict[str, list[float]]] = {}
    cpus: dict[str, list[float]] = {}
    loads: dict[str, float] = {}

    def measure(name: str, url: str) -> None:
        started = time.perf_counter()
        load(url, vote_rows, event_rows)
        loads[name] = time.perf_counter() - started
        results[name], cpus[name] = time_report(url, manifest, args.runs)
        print(name, {fmt: [round(t, 2) for t in values] for fmt, values in results[name].items()}, flush=True)

    measure("SQLite", f"sqlite:///{sqlite_file}")
    if not args.no_postgres:
        from helpcenter.testing.servers import postgres_server

        with postgres_server() as url:
            measure("PostgreSQL", url)

    table = io.StringIO()
    table.write("| database | " + " | ".join(f"{name} (s)" for name in FORMATS)
                + " | each run (s) | CPU of this process (s) | load (s) |\n")
    table.write("|---|" + "---:|" * len(FORMATS) + "---|---:|---:|\n")
    for name, times in results.items():
        medians = " | ".join(f"{statistics.median(times[fmt]):.2f}" for fmt in FORMATS)
        runs = "; ".join(f"{fmt} " + ", ".join(f"{t:.2f}" for t in times[fmt]) for fmt in FORMATS)
        table.write(f"| {name} | {medians} | {runs} | {statistics.median(cpus[name]):.2f} | {loads[name]:.0f} |\n")
    slowest = max(statistics.median(times[fmt]) for times in results.values() for fmt in FORMATS)
    verdict = (f"Slowest median **{slowest:.2f} s** (target under {TARGET_SECONDS:.0f} s each): "
               f"{'met' if slowest < TARGET_SECONDS else 'NOT met'}."
               if args.votes <= TARGET_VOTES else
               f"Slowest median **{slowest:.2f} s**. The {TARGET_SECONDS:.0f} s target is set for "
               f"{TARGET_VOTES:,} votes; this size tells how the report grows (README, \"How far one machine goes\").")
    print(table.getvalue() + verdict)
    if args.no_write:
        return
    # One section per size: a run at 10 million votes keeps the one at 1 million.
    heading = f"## Report ({args.votes:,} votes, {args.events:,} events)"
    section = (
        f"{heading}\n\n"
        f"Run on {date.today().isoformat()}: {machine()}; SQLAlchemy {version('sqlalchemy')}, "
        f"SQLite {__import__('sqlite3').sqlite_version}, PostgreSQL from Debian's packages.\n"
        f"Reproduce: `make bench-report` (or `.venv/bin/python bench/report.py --votes {args.votes} "
        f"--events {args.events} --runs {args.runs}`).\n\n"
        f"Votes and events spread over {2 * DAYS} days, so that a {DAYS}-day report and its comparison with the "
        f"{DAYS} days before read every row; the sample shop's {len(manifest.pages)} pages and their questions; "
        "a quarter of the searches find nothing, with misspelt variants. Time is the wall time of one whole "
        "report (every query, the grouping of searches, rendering), median of the runs; the CPU time of this "
        "process is all of the work on SQLite and only the Python side on PostgreSQL, and tells how much of a "
        "slow run was other work on this shared machine. The sums run in the "
        "database (GROUP BY). SQLite is read as the endpoint leaves it (no ANALYZE); PostgreSQL after ANALYZE, "
        "as autovacuum would have run it.\n\n"
        f"{table.getvalue()}\n{verdict}\n"
    )
    write_section(RESULTS, heading, section)


if __name__ == "__main__":
    main()
