"""Demo data: weeks of visits to the sample shop, so that a newcomer sees a populated report at once.

Every row goes through the feedback store's own functions (`record_vote`, `record_event`), as the endpoint writes
them, from the same request models. Every page and question comes from the build manifest, and every search is
run through the built site's own search (`helpcenter.search.engine`): a query that finds nothing there is a
search without results, one that finds something opens one of its first results. Each answer gets its own chance
of helping; a few are made poor on purpose, so the report has something to say.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, delete

from helpcenter.feedback import store
from helpcenter.feedback.records import CHANNELS, REASONS, ContactEvent, SearchEvent, ViewEvent, Vote
from helpcenter.manifest import Manifest
from helpcenter.search.engine import SearchEngine, group

# What customers type, as often as listed. Which of them find something is the built site's search's to say.
SEARCHES = [
    "cara bayar cod", "bayar pakai va", "refund berapa lama", "lacak paket", "cek resi", "ongkir gratis",
    "voucher tidak bisa", "batalkan pesanan", "garansi rusak", "lupa password", "retur barang", "pengirman lama",
    "pengirimn ke papua", "cicilan 0 persen", "tukar ukuran", "kirim ke luar negeri", "pre order", "preorder",
    "bisa dropship", "ngutang", "cashback", "pre order", "ngutang",
]
# When a search finds nothing, what some customers try next (and open a result of, when it finds one).
NEXT_TRY = {"ngutang": "cicilan", "preorder": "pre order", "cashback": "promo"}
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


@dataclass
class _Visit:
    """One visit's steps, each a minute or two after the last: (time, vote or event model)."""

    rng: random.Random
    at: datetime
    id: str = ""
    visitor: str = ""
    steps: list[tuple[datetime, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.id = f"{self.rng.getrandbits(64):016x}"
        self.visitor = f"{self.rng.getrandbits(128):032x}"

    def _tick(self) -> datetime:
        self.at += timedelta(seconds=self.rng.randint(20, 180))
        return self.at

    def event(self, model: type, **fields: Any) -> None:
        self.steps.append((self._tick(), model(visit=self.id, language="id", **fields)))

    def vote(self, page: str, anchor: str, helpful: bool, reason: str | None, comment: str | None) -> None:
        self.steps.append((self._tick(), Vote(visit=self.id, visitor=self.visitor, page=page, anchor=anchor or None,
                                              helpful=helpful, reason=reason, comment=comment)))


class _Shop:
    """What a demo customer can do on the built site: the places to vote on, and its search."""

    def __init__(self, manifest: Manifest, search: SearchEngine) -> None:
        self.manifest, self.search = manifest, search
        self.answers: list[tuple[str, str]] = []
        for page in manifest.pages:
            if page.type == "faq" and not page.is_index:
                self.answers += [(page.path, question.anchor) for question in page.questions]
            elif page.is_article:
                self.answers.append((page.path, ""))
        if not self.answers:
            raise ValueError("the manifest has no pages to vote on")
        self._found: dict[str, list[str]] = {}

    def found(self, query: str) -> list[str]:
        """The locations today's search lists first for `query`, as the browser groups them; [] for nothing."""
        if query not in self._found:
            self._found[query] = [entry[0].location for entry in group(self.search.search(query), self.search)]
        return self._found[query]

    def place(self, location: str) -> tuple[str, str, str] | None:
        """(page, anchor to vote on, what `opened` names) for a result, or None for a page that takes no vote:
        a question votes on itself; another page's section votes on its page."""
        path, _, anchor = location.partition("#")
        page = self.manifest.page(path)
        if page is None:
            return None
        if anchor and page.question(anchor):
            return path, anchor, location
        if page.type == "faq" and page.questions and not page.is_index:
            return path, page.questions[0].anchor, path
        return (path, "", path) if page.is_article else None


def _play(visit: _Visit, shop: _Shop) -> None:
    """One customer: maybe the home page, maybe a search (and another try), an answer read, maybe a vote, maybe
    a contact click."""
    rng = visit.rng
    if rng.random() < 0.6:
        visit.event(ViewEvent, kind="view", page="")
    target = rng.choice(shop.answers)
    place: tuple[str, str, str] | None = (*target, "")
    if rng.random() < 0.5:
        query = rng.choice(SEARCHES)
        found = shop.found(query)
        if not found:
            visit.event(SearchEvent, kind="search", page="", query=query, results=0)
            if query in NEXT_TRY and rng.random() < 0.6:
                query = NEXT_TRY[query]
                found = shop.found(query)
                if not found:
                    visit.event(SearchEvent, kind="search", page="", query=query, results=0)
        if not found:
            if rng.random() < 0.45:
                visit.event(ContactEvent, kind="contact", page="", channel=rng.choice(CHANNELS[:3]))
            return
        place = shop.place(found[0] if rng.random() < 0.7 else rng.choice(found[:3]))
        opened = place[2] if place and rng.random() >= 0.15 else None
        visit.event(SearchEvent, kind="search", page="", query=query, results=len(found), opened=opened)
        if opened is None or place is None:
            return
    assert place is not None
    page, anchor = place[0], place[1]
    visit.event(ViewEvent, kind="view", page=page)
    helps = POOR.get((page, anchor), POOR.get((page, ""), 0.8))
    helpful = rng.random() < helps
    if rng.random() < 0.45:
        reason = None if helpful else rng.choice(REASONS)
        comment = rng.choice(COMMENTS[reason]) if reason and rng.random() < 0.4 else None
        visit.vote(page, anchor, helpful, reason, comment)
    if rng.random() < (0.05 if helpful else 0.4):
        visit.event(ContactEvent, kind="contact", page=page, anchor=anchor or None,
                    channel=rng.choice(CHANNELS[:3]))


def fill_demo(engine: Engine, manifest: Manifest, search: SearchEngine, days: int = 30, visits: int = 3000,
              seed: int = 1, until: date | None = None, replace: bool = True) -> dict[str, int]:
    """Write `visits` visits spread over the `days` days up to `until` through the store's own functions, in the
    order they happened; with `replace`, empty the store first."""
    rng = random.Random(seed)
    until = until or date.today()
    shop = _Shop(manifest, search)
    steps: list[tuple[datetime, int, Any]] = []
    for number in range(visits):
        day = until - timedelta(days=rng.randrange(days))
        # Customers come from morning to late evening, Jakarta time (UTC+7).
        start = datetime.combine(day, time(0, 0), tzinfo=UTC) + timedelta(minutes=rng.randint(60, 14 * 60))
        visit = _Visit(rng, start)
        _play(visit, shop)
        steps += [(at, number, row) for at, row in visit.steps if at.date() <= until]
    steps.sort(key=lambda step: (step[0], step[1]))
    counts = {"visits": visits, "votes": 0, "events": 0}
    with engine.begin() as connection:
        if replace:
            connection.execute(delete(store.votes))
            connection.execute(delete(store.events))
        for at, _, row in steps:
            if isinstance(row, Vote):
                store.record_vote(connection, row, now=at)
                counts["votes"] += 1
            else:
                store.record_event(connection, row, now=at)
                counts["events"] += 1
    return counts
