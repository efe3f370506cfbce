"""Demo data: weeks of visits to the sample shop, so that a newcomer sees a populated report at once.

Every page and question comes from the build manifest. Each answer gets its own chance of helping; a few are
made poor on purpose, and a few searches find nothing (two of them misspelt), so the report has something to say.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, delete

from feedback_api.models import CHANNELS, REASONS
from feedback_api.store import events, votes
from helpcenter.manifest import Manifest

# What customers type and whether the sample shop has an answer: (query, words of the answer's page or None).
SEARCHES = [
    ("cara bayar cod", "pembayaran"), ("bayar pakai va", "pembayaran"), ("refund berapa lama", "refund"),
    ("lacak paket", "lacak"), ("cek resi", "lacak"), ("ongkir gratis", "pengiriman"), ("voucher tidak bisa", "promo"),
    ("batalkan pesanan", "pembatalan"), ("garansi rusak", "garansi"), ("lupa password", "akun"),
    ("retur barang", "pengembalian"), ("pengirman lama", None), ("pengirimn ke papua", None),
    ("cicilan 0 persen", None), ("tukar ukuran", None), ("beli grosir", None), ("kirim ke luar negeri", None),
]
COMMENTS = {
    "unclear": ["Bahasanya membingungkan, langkahnya diurutkan dong", "Saya tidak paham maksud 'dana talangan'"],
    "incomplete": ["Biaya COD-nya berapa? Tidak disebutkan", "Tidak ada info untuk pengiriman ke luar Jawa",
                   "Berapa hari kerja tepatnya?"],
    "wrong": ["Di aplikasi menunya sudah beda", "Katanya gratis ongkir tapi saya tetap dikenai biaya"],
    "not_found": ["Saya cari cara ganti alamat setelah bayar", "Mau tanya soal cicilan kartu kredit"],
    "other": ["Tolong tambahkan nomor CS yang bisa ditelepon", "Halamannya lambat dibuka"],
}
# Answers that help less than the rest: (page path, anchor or "") -> chance of a "yes".
POOR = {("faq/pembayaran/", "bayar-cod"): 0.35, ("faq/pengembalian-refund/", ""): 0.45,
        ("kebijakan/refund/", ""): 0.4, ("faq/pengiriman/", ""): 0.5}


def _answers(manifest: Manifest) -> list[tuple[str, str]]:
    """Every place a vote can go: each FAQ question, and every other article as a whole."""
    places = []
    for page in manifest.pages:
        if page.type == "faq":
            places += [(page.path, question.anchor) for question in page.questions]
        elif page.is_article:
            places.append((page.path, ""))
    return places


class _Visit:
    """One visit's rows, each a minute or two after the last."""

    def __init__(self, rng: random.Random, start: datetime) -> None:
        self.rng, self.at, self.id = rng, start, f"{rng.getrandbits(64):016x}"
        self.visitor = f"{rng.getrandbits(128):032x}"
        self.votes: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def _tick(self) -> datetime:
        self.at += timedelta(seconds=self.rng.randint(20, 180))
        return self.at

    def event(self, kind: str, **fields: Any) -> None:
        at = self._tick()
        self.events.append({"created_at": at, "day": at.date(), "kind": kind, "visit": self.id, "language": "id",
                            "page": None, "anchor": None, "query": None, "results": None, "opened": None,
                            "channel": None, **fields})

    def vote(self, page: str, anchor: str, helpful: bool, reason: str | None, comment: str | None) -> None:
        at = self._tick()
        self.votes.append({"created_at": at, "day": at.date(), "page": page, "anchor": anchor, "helpful": helpful,
                           "reason": reason, "comment": comment, "visitor": self.visitor, "visit": self.id,
                           "language": "id"})


def _play(visit: _Visit, answers: list[tuple[str, str]], by_word: dict[str, list[tuple[str, str]]]) -> None:
    """One customer: maybe the home page, maybe a search, an answer read, maybe a vote, maybe a contact click."""
    rng = visit.rng
    if rng.random() < 0.6:
        visit.event("view", page="")
    target = rng.choice(answers)
    if rng.random() < 0.5:
        query, topic = rng.choice(SEARCHES)
        if topic is None:
            visit.event("search", page="", query=query, results=0)
            if rng.random() < 0.45:
                visit.event("contact", page="", channel=rng.choice(CHANNELS[:3]))
                return
            if rng.random() < 0.6:
                return
        else:
            target = rng.choice(by_word.get(topic) or answers)
            opened = None if rng.random() < 0.15 else target[0] + (f"#{target[1]}" if target[1] else "")
            visit.event("search", page="", query=query, results=rng.randint(1, 8), opened=opened)
            if opened is None:
                return
    page, anchor = target
    visit.event("view", page=page)
    helps = POOR.get(target, POOR.get((page, ""), 0.8))
    helpful = rng.random() < helps
    if rng.random() < 0.45:
        reason = None if helpful else rng.choice(REASONS)
        comment = rng.choice(COMMENTS[reason]) if reason and rng.random() < 0.4 else None
        visit.vote(page, anchor, helpful, reason, comment)
    if rng.random() < (0.05 if helpful else 0.4):
        visit.event("contact", page=page, anchor=anchor or None, channel=rng.choice(CHANNELS[:3]))


def fill_demo(engine: Engine, manifest: Manifest, days: int = 30, visits: int = 3000, seed: int = 1,
              until: date | None = None, replace: bool = True) -> dict[str, int]:
    """Write `visits` visits spread over the `days` days up to `until`; with `replace`, empty the store first."""
    rng = random.Random(seed)
    until = until or date.today()
    answers = _answers(manifest)
    if not answers:
        raise ValueError("the manifest has no pages to vote on")
    by_word: dict[str, list[tuple[str, str]]] = {}
    for word in {topic for _, topic in SEARCHES if topic}:
        by_word[word] = [place for place in answers if word in place[0]]
    all_votes: list[dict[str, Any]] = []
    all_events: list[dict[str, Any]] = []
    for _ in range(visits):
        day = until - timedelta(days=rng.randrange(days))
        # Customers come from morning to late evening, Jakarta time (UTC+7).
        start = datetime.combine(day, time(0, 0), tzinfo=UTC) + timedelta(minutes=rng.randint(60, 14 * 60))
        visit = _Visit(rng, start)
        _play(visit, answers, by_word)
        all_votes += [row for row in visit.votes if row["day"] <= until]
        all_events += [row for row in visit.events if row["day"] <= until]
    with engine.begin() as connection:
        if replace:
            connection.execute(delete(votes))
            connection.execute(delete(events))
        if all_votes:
            connection.execute(votes.insert(), all_votes)
        if all_events:
            connection.execute(events.insert(), all_events)
    return {"visits": visits, "votes": len(all_votes), "events": len(all_events)}
