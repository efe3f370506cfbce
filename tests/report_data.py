"""Hand-made feedback for the gap report tests: a small shop, a period of ten days, every figure counted by hand.

Period 2026-11-01..2026-11-10, previous period 2026-10-22..2026-10-31. What the report must find:

- answers: bayar-cod 2 "no" + 1 contact (Wilson lower bound of 3 failures in 3 = 0.4385), refund policy 10 "yes"
  and 10 "no" (10 in 20 = 0.2993), bayar-va 1 "yes" (0); contacts from the home and contact pages are not ranked.
- visits: contacted v1, c1, r11 (3); found v3, r1-r10 (11); found nothing v2, c2, r12-r20 (11); browsed v4 (1).
- searches without results: "pengirman" + "pengiriman" as one group (2, the typo mended), "cicilan 0 persen" (1);
  bounced "cara bayar" (1); v1 contacted CS after searching "pengirman".
- "no" then a contact click in the same visit: bayar-cod 1 (c1; c2 did not), refund 1 (r11, from the contact page).
- today's search (`SEARCH`, an index of the sample's pages): "cicilan 0 persen" finds "Bisa cicilan 0% pakai
  kartu kredit?" (2 of its 3 words), "pengirman" the refund policy (its description says "pengiriman").
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from helpcenter.content.synonyms import Synonyms
from helpcenter.feedback import store
from helpcenter.feedback.database import make_engine, upgrade
from helpcenter.manifest import Manifest, PageRecord, QuestionRecord, write_manifest
from helpcenter.report.gap_report import build_report
from helpcenter.report.gather import Period
from helpcenter.search.documents import SearchDocument
from helpcenter.search.engine import SearchEngine
from helpcenter.search.index import build_index, write_files

PERIOD = Period(date(2026, 11, 1), date(2026, 11, 10))
NOW = datetime(2026, 11, 11, 8, 0, tzinfo=UTC)
REVIEWED, DUE = date(2026, 10, 1), date(2027, 10, 1)


def _page(path: str, file: str, page_type: str, title: str, description: str, owner: str,
          questions: tuple[QuestionRecord, ...] = (), is_index: bool = False) -> PageRecord:
    return PageRecord(path=path, file=file, url=f"https://bantuan.example/{path}", type=page_type, title=title,
                      description=description, owner=owner, reviewed=REVIEWED, review_due=DUE, is_index=is_index,
                      questions=questions)


MANIFEST = Manifest(site_url="https://bantuan.example/", language="id", synonyms=(("ongkos kirim", "ongkir"),),
                    edit_url="https://github.com/toko/bantuan/edit/main/content/", pages=(
    _page("", "content/index.md", "page", "Beranda", "Pusat bantuan", "@agus", is_index=True),
    _page("faq/pembayaran/", "content/faq/pembayaran.md", "faq", "Pembayaran", "Cara membayar pesanan",
          "@dewi-lestari", (QuestionRecord("bayar-va", "Bagaimana bayar dengan virtual account?", 20),
                            QuestionRecord("kartu-kredit-cicilan", "Bisa cicilan 0% pakai kartu kredit?", 50),
                            QuestionRecord("bayar-cod", "Bisa bayar di tempat (COD)?", 80))),
    _page("kebijakan/refund/", "content/kebijakan/refund.md", "policy", "Kebijakan Refund",
          "Pengembalian dana dan biaya pengiriman", "@rina-wulandari"),
    _page("kontak/", "content/kontak.md", "page", "Hubungi Kami", "Kontak CS", "@agus"),
))


# What the built sample's search index holds: each page, and each question on its own.
SEARCH_INDEX = build_index([
    SearchDocument("faq/pembayaran/", "Pembayaran", "Cara membayar pesanan", "Cara membayar pesanan", boost=0.6),
    SearchDocument("faq/pembayaran/#bayar-va", "Bagaimana bayar dengan virtual account?",
                   "Pilih Virtual Account saat checkout, lalu transfer ke nomor VA.", "Pilih Virtual Account",
                   kind="question"),
    SearchDocument("faq/pembayaran/#kartu-kredit-cicilan", "Bisa cicilan 0% pakai kartu kredit?",
                   "Bisa, cicilan 0% 3 atau 6 bulan untuk kartu kredit Visa dan Mastercard.", "Bisa, cicilan 0%",
                   kind="question"),
    SearchDocument("faq/pembayaran/#bayar-cod", "Bisa bayar di tempat (COD)?",
                   "Bisa, untuk pesanan sampai Rp3.000.000.", "Bisa, untuk pesanan", kind="question"),
    SearchDocument("kebijakan/refund/", "Kebijakan Refund", "Pengembalian dana dan biaya pengiriman",
                   "Pengembalian dana dan biaya pengiriman"),
    SearchDocument("kontak/", "Hubungi Kami", "Kontak CS", "Kontak CS"),
], Synonyms.from_groups([[("ongkos", "kirim"), ("ongkir",)]]))
SEARCH = SearchEngine(SEARCH_INDEX)


def write_sample_site(folder: Path) -> Path:
    """The sample as a built site in `folder`: its manifest and its search index; returns the manifest."""
    write_files(folder, SEARCH_INDEX, {})
    return write_manifest(folder, MANIFEST)


@contextlib.contextmanager
def fresh_store(url: str) -> Iterator[Engine]:
    """An empty store at `url` with the current schema, whatever an earlier test left there."""
    engine = make_engine(url)
    store.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def _at(day: int, minute: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=UTC) + timedelta(minutes=minute)


def vote(visit: str, page: str, anchor: str, helpful: bool, at: datetime, reason: str | None = None,
         comment: str | None = None) -> dict[str, Any]:
    return {"created_at": at, "day": at.date(), "page": page, "anchor": anchor, "helpful": helpful,
            "reason": reason, "comment": comment, "visitor": f"hash-{visit}-{page}-{anchor}", "visit": visit,
            "language": "id"}


def event(visit: str, kind: str, at: datetime, **fields: Any) -> dict[str, Any]:
    return {"created_at": at, "day": at.date(), "kind": kind, "visit": visit, "language": "id", "page": None,
            "anchor": None, "query": None, "results": None, "opened": None, "channel": None, **fields}


def sample_rows(comment: str = "Biaya COD-nya berapa?", query: str = "cicilan 0 persen") -> tuple[list, list]:
    """The votes and events described above; `comment` and `query` let a test put hostile text in."""
    votes = [
        vote("c1", "faq/pembayaran/", "bayar-cod", False, _at(2, 0), "incomplete", comment),
        vote("c2", "faq/pembayaran/", "bayar-cod", False, _at(3, 0), "unclear", "Tidak jelas"),
        vote("v3", "faq/pembayaran/", "bayar-va", True, _at(4, 3)),
        *[vote(f"r{n}", "kebijakan/refund/", "", True, _at(5, n)) for n in range(1, 11)],
        *[vote(f"r{n}", "kebijakan/refund/", "", False, _at(6, n), "wrong") for n in range(11, 21)],
        # Before the period: one "yes" for bayar-cod in the previous period, one long before both.
        vote("p1", "faq/pembayaran/", "bayar-cod", True, _at(25, 0, month=10)),
        vote("old", "faq/pembayaran/", "bayar-cod", True, datetime(2026, 9, 1, 10, 0, tzinfo=UTC)),
    ]
    events = [
        event("v1", "view", _at(1, 0), page=""),
        event("v1", "search", _at(1, 1), page="", query="pengirman", results=0),
        event("v1", "contact", _at(1, 2), page="", channel="whatsapp"),
        event("c1", "contact", _at(2, 1), page="faq/pembayaran/", anchor="bayar-cod", channel="email"),
        event("v2", "search", _at(3, 1), page="", query="pengiriman", results=0),
        event("v2", "search", _at(3, 2), page="", query=query, results=0),
        event("v3", "search", _at(4, 0), page="", query="cara bayar", results=3, opened="faq/pembayaran/#bayar-cod"),
        event("v3", "view", _at(4, 1), page="faq/pembayaran/"),
        event("v4", "search", _at(4, 5), page="", query="cara bayar", results=3),
        event("r11", "view", _at(6, 0), page="kebijakan/refund/"),
        event("r11", "contact", _at(6, 30), page="kontak/", channel="phone"),
        *[event(f"p{n}", "search", _at(24, n, month=10), page="", query="pengiriman", results=0) for n in range(4)],
    ]
    return votes, events


def record_sample(connection: Connection, **hostile: str) -> None:
    votes, events = sample_rows(**hostile)
    connection.execute(store.votes.insert(), votes)
    connection.execute(store.events.insert(), events)

# Customer text that tries to be code, markup, a link, a mention, a formula, or too wide for a phone.
HOSTILE_COMMENT = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> '
                   "[klik di sini](javascript:window.pwned=3) **tebal** @dewi-lestari #12 | kolom "
                   "مرحبا بكم في المتجر שלום " + "x" * 300)
HOSTILE_QUERY = '"><svg onload="window.pwned=4"></svg>=HYPERLINK("http://evil.example")' + "y" * 120


def hostile_report(folder: Path, search: SearchEngine | None = None) -> dict[str, Any]:
    """The sample's report with hostile customer text in its comments and queries, from SQLite in `folder`."""
    with fresh_store(f"sqlite:///{folder / 'feedback.sqlite3'}") as engine:
        with engine.begin() as connection:
            record_sample(connection, comment=HOSTILE_COMMENT, query=HOSTILE_QUERY)
        with engine.connect() as connection:
            return build_report(connection, MANIFEST, PERIOD, now=NOW, search=search)
