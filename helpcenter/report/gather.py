"""Sums from the feedback store for one period, computed by the database (GROUP BY), on SQLite and PostgreSQL.

Each function returns plain dicts and lists; nothing here knows the manifest or how the report looks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, or_, select, union_all

from helpcenter.feedback.store import events, votes

COMMENTS_PER_ANSWER = 3
# No help center kept feedback before this day; a period, and the one before it that the report compares it with,
# start no earlier (and date arithmetic stays far from year 1, where it overflows).
FIRST_DAY = date(2000, 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole days from `since` to `until`, both included."""

    since: date
    until: date

    @classmethod
    def last(cls, days: int, until: date) -> Period:
        return cls(until - timedelta(days=days - 1), until)

    @classmethod
    def asked(cls, until: date, days: int = 30, since: date | None = None) -> Period:
        """The period a CS lead asked for (`since` overrides `days`), checked: ValueError, in words they read, when
        it starts after it ends or when the period before it would start before FIRST_DAY."""
        last = until.toordinal()
        first = since.toordinal() if since else last - days + 1
        if first > last:
            raise ValueError(f"the period starts {date.fromordinal(first)}, after its last day {until}")
        if first - (last - first + 1) < FIRST_DAY.toordinal():
            raise ValueError(f"{since or until} is too early: the report compares a period with the one before, "
                             f"and no feedback is older than {FIRST_DAY}")
        return cls(date.fromordinal(first), until)

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one: what every figure is compared with."""
        return Period.last(self.days, self.since - timedelta(days=1))

    def as_dict(self) -> dict[str, str | int]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(), "days": self.days}


def _within(table, period: Period, scan: Connection | None = None):
    return _day(table, scan).between(period.since, period.until)


def _both(table, period: Period, scan: Connection | None = None):
    """This period and the one before, read in one pass."""
    return _day(table, scan).between(period.previous().since, period.until)


def _day(table, scan: Connection | None):
    """The day column; with `scan` on SQLite, wrapped so that SQLite cannot take the day range from an index and
    walks the covering index its GROUP BY or window wants instead, in order (migration 0002): several times faster
    than a day range with a table lookup per row. Not on PostgreSQL: there the wrapper only spoils the row estimate, and
    a hash aggregate becomes a sort on disk."""
    if scan is not None and scan.dialect.name == "sqlite":
        return func.coalesce(table.c.day, table.c.day)
    return table.c.day


def _current(table, period: Period):
    return case((table.c.day >= period.since, 1), else_=0).label("current")


def _split(rows: Iterable[Any], key: Callable[[Any], Any], value: Callable[[Any], Any]) -> dict[str, dict]:
    """{"current": {key: value}, "previous": {key: value}} from rows of both periods, told apart by `current`."""
    found: dict[str, dict] = {"current": {}, "previous": {}}
    for row in rows:
        found["current" if row.current else "previous"][key(row)] = value(row)
    return found


def _count_if(condition) -> Any:
    return func.sum(case((condition, 1), else_=0))


# ---- votes --------------------------------------------------------------------------------------------------------


def answer_votes(conn: Connection, period: Period) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    """For this period and the one before: (page, anchor) -> votes, helpful votes and the reasons of the "no"s.

    One pass over both periods, through the index votes_by_answer; anchor "" is the page's own widget.
    """
    query = (select(votes.c.page, votes.c.anchor, votes.c.helpful, votes.c.reason,
                    _count_if(votes.c.day >= period.since).label("current"),
                    _count_if(votes.c.day < period.since).label("previous"))
             .where(_both(votes, period, scan=conn))
             .group_by(votes.c.page, votes.c.anchor, votes.c.helpful, votes.c.reason))
    found: dict[str, dict[tuple[str, str], dict[str, Any]]] = {"current": {}, "previous": {}}
    for row in conn.execute(query):
        for side in found:
            count = int(getattr(row, side))
            if not count:
                continue
            answer = found[side].setdefault((row.page, row.anchor), {"votes": 0, "helpful": 0, "reasons": {}})
            answer["votes"] += count
            if row.helpful:
                answer["helpful"] += count
            elif row.reason:
                answer["reasons"][row.reason] = count
    return found


def latest_comments(conn: Connection, period: Period,
                    per_answer: int = COMMENTS_PER_ANSWER) -> dict[tuple[str, str], list[dict[str, str]]]:
    """(page, anchor) -> its newest comments, newest first; a window function picks them in the database."""
    rank = func.row_number().over(partition_by=(votes.c.page, votes.c.anchor),
                                  order_by=(votes.c.created_at.desc(), votes.c.id.desc())).label("rank")
    ranked = (select(votes.c.page, votes.c.anchor, votes.c.day, votes.c.reason, votes.c.comment, rank)
              .where(_within(votes, period), votes.c.comment.is_not(None), votes.c.comment != "").subquery())
    query = select(ranked).where(ranked.c.rank <= per_answer).order_by(ranked.c.page, ranked.c.anchor, ranked.c.rank)
    found: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in conn.execute(query):
        found.setdefault((row.page, row.anchor), []).append(
            {"day": row.day.isoformat(), "reason": row.reason or "", "comment": row.comment})
    return found


def daily_votes(conn: Connection, period: Period) -> dict[str, list[dict[str, Any]]]:
    """Votes and helpful votes per day, for the helpfulness chart, this period and the one before."""
    query = (select(votes.c.day, func.count().label("votes"), _count_if(votes.c.helpful).label("helpful"))
             .where(_both(votes, period)).group_by(votes.c.day).order_by(votes.c.day))
    found: dict[str, list[dict[str, Any]]] = {"current": [], "previous": []}
    for row in conn.execute(query):
        found["current" if row.day >= period.since else "previous"].append(
            {"day": row.day.isoformat(), "votes": row.votes, "helpful": int(row.helpful)})
    return found


# ---- events -------------------------------------------------------------------------------------------------------


def answer_contacts(conn: Connection, period: Period) -> dict[str, dict[tuple[str, str], int]]:
    """For this period and the one before: (page, anchor) -> clicks on a contact channel made there."""
    anchor = func.coalesce(events.c.anchor, "")
    current = _current(events, period)
    query = (select(events.c.page, anchor.label("anchor"), current, func.count().label("count"))
             .where(_both(events, period), events.c.kind == "contact").group_by(events.c.page, anchor, current))
    return _split(conn.execute(query), lambda row: (row.page, row.anchor), lambda row: row.count)


def no_then_contacted(conn: Connection, period: Period) -> dict[tuple[str, str], int]:
    """(page, anchor) -> its "no" votes of this period after which the same visit clicked a contact channel
    (anywhere): the customers the answer failed and who then cost a CS conversation.

    Driven from the contact clicks, few beside the votes: each visit's last click, then that visit's "no" votes
    (through the index votes_by_visit), rather than a look for a click after every vote.
    """
    last = (select(events.c.visit, func.max(events.c.created_at).label("at"))
            .where(events.c.kind == "contact", events.c.day.between(period.since, period.until + timedelta(days=1)))
            .group_by(events.c.visit).subquery())
    query = (select(votes.c.page, votes.c.anchor, func.count().label("count"))
             .join(last, and_(votes.c.visit == last.c.visit, votes.c.created_at <= last.c.at))
             .where(votes.c.day.between(period.since, period.until), votes.c.helpful.is_(False))
             .group_by(votes.c.page, votes.c.anchor))
    return {(row.page, row.anchor): row.count for row in conn.execute(query)}


def searched_next(conn: Connection, period: Period) -> dict[str, dict[str, int]]:
    """Query that found nothing -> the queries the same visits typed after it and opened a result of, each with
    how many visits did: the words a customer tried next, and found the answer by (a synonym to add)."""
    first, then = events.alias("first"), events.alias("then")
    query = (select(first.c.query.label("empty"), then.c.query.label("then"),
                    func.count(func.distinct(first.c.visit)).label("visits"))
             .join(then, and_(then.c.visit == first.c.visit, then.c.created_at > first.c.created_at))
             .where(first.c.day.between(period.since, period.until), first.c.kind == "search",
                    first.c.results == 0, then.c.kind == "search", then.c.opened.is_not(None))
             .group_by(first.c.query, then.c.query))
    found: dict[str, dict[str, int]] = {}
    for row in conn.execute(query):
        found.setdefault(row.empty, {})[row.then] = row.visits
    return found


def channels(conn: Connection, period: Period) -> dict[str, int]:
    query = (select(events.c.channel, func.count().label("count"))
             .where(_within(events, period), events.c.kind == "contact").group_by(events.c.channel))
    return {row.channel: row.count for row in conn.execute(query)}


def visit_steps(conn: Connection, period: Period) -> dict[str, dict[str, Any]]:
    """For this period and the one before: each query as typed and each page read, with the visits that ended in
    a contact click after it.

    A window over each visit gives every event the time of the visit's last contact click; whatever came before
    it ended in a contact. Searches also count how many found nothing, bounced (results, none opened) or opened.
    """
    last_contact = func.max(case((events.c.kind == "contact", events.c.created_at))).over(partition_by=events.c.visit)
    step = (select(events.c.kind, events.c.visit, events.c.page, events.c.query, events.c.results, events.c.opened,
                   events.c.created_at, case((events.c.day >= period.since, 1), else_=0).label("current"),
                   last_contact.label("last_contact"))
            .where(_both(events, period, scan=conn)).subquery())
    key = case((step.c.kind == "search", step.c.query), else_=step.c.page).label("key")
    empty = step.c.results == 0
    bounced = and_(step.c.results > 0, step.c.opened.is_(None))
    before_contact = step.c.created_at < step.c.last_contact
    query = (select(step.c.current, step.c.kind, key, func.count().label("count"),
                    _count_if(empty).label("empty"), _count_if(bounced).label("bounced"),
                    _count_if(step.c.opened.is_not(None)).label("opened"),
                    func.count(func.distinct(step.c.visit)).label("visits"),
                    func.count(func.distinct(case((before_contact, step.c.visit)))).label("contacted"),
                    # The same two counts for the searches that found nothing and for those left unopened, so
                    # that a table of empty searches counts only the visits whose search was empty.
                    func.count(func.distinct(case((empty, step.c.visit)))).label("visits_empty"),
                    func.count(func.distinct(case((and_(empty, before_contact), step.c.visit))))
                    .label("contacted_empty"),
                    func.count(func.distinct(case((bounced, step.c.visit)))).label("visits_bounced"),
                    func.count(func.distinct(case((and_(bounced, before_contact), step.c.visit))))
                    .label("contacted_bounced"))
             .where(step.c.kind.in_(("search", "view"))).group_by(step.c.current, step.c.kind, key))
    found: dict[str, dict[str, Any]] = {side: {"searches": [], "views": {}} for side in ("current", "previous")}
    for row in conn.execute(query):
        side = found["current" if row.current else "previous"]
        if row.kind == "search":
            side["searches"].append({
                "query": row.key, "searches": row.count, "empty": int(row.empty), "bounced": int(row.bounced),
                "opened": int(row.opened), "visits": row.visits, "contacted": row.contacted,
                "visits_empty": row.visits_empty, "contacted_empty": row.contacted_empty,
                "visits_bounced": row.visits_bounced, "contacted_bounced": row.contacted_bounced})
        else:
            side["views"][row.key] = {"views": row.count, "visits": row.visits, "contacted": row.contacted}
    return found


OUTCOMES = ("found", "not_found", "contacted", "browsed")


def outcomes(conn: Connection, period: Period, articles: Iterable[str]) -> dict[str, dict[str, int]]:
    """How visits ended, this period and the one before: contacted CS; found an answer (a "yes", an opened search
    result, or an article read without a "no"); found nothing (a search without results or a "no", then left);
    browsed (nothing telling). A visit belongs to the period of its first day.

    `articles` are the page paths that answer something (FAQ, policies, guides), from the manifest.
    """
    articles = list(articles)
    # Each table summed per visit first (votes through the index votes_by_visit, in order), then the two joined.
    flags = union_all(
        select(events.c.visit, func.min(events.c.day).label("day"),
               func.max(case((events.c.kind == "contact", 1), else_=0)).label("contacted"),
               literal(0).label("said_yes"), literal(0).label("said_no"),
               func.max(case((or_(events.c.opened.is_not(None),
                                  and_(events.c.kind == "view", events.c.page.in_(articles))), 1), else_=0))
               .label("read"),
               func.max(case((and_(events.c.kind == "search", events.c.results == 0), 1), else_=0)).label("empty"))
        # A copy is a CS agent at work (the agents' edition), not a customer's visit.
        .where(_both(events, period, scan=conn), events.c.kind != "copy").group_by(events.c.visit),
        select(votes.c.visit, func.min(votes.c.day), literal(0), func.max(case((votes.c.helpful, 1), else_=0)),
               func.max(case((votes.c.helpful, 0), else_=1)), literal(0), literal(0))
        .where(_both(votes, period, scan=conn)).group_by(votes.c.visit),
    ).subquery()
    visit = (select(flags.c.visit, func.min(flags.c.day).label("day"), func.max(flags.c.contacted).label("contacted"),
                    func.max(flags.c.said_yes).label("said_yes"), func.max(flags.c.said_no).label("said_no"),
                    func.max(flags.c.read).label("read"), func.max(flags.c.empty).label("empty"))
             .group_by(flags.c.visit).subquery())
    found = or_(visit.c.said_yes == 1, and_(visit.c.read == 1, visit.c.said_no == 0))
    not_found = or_(visit.c.empty == 1, visit.c.said_no == 1)
    outcome = case((visit.c.contacted == 1, "contacted"), (found, "found"), (not_found, "not_found"),
                   else_="browsed").label("outcome")
    current = case((visit.c.day >= period.since, 1), else_=0).label("current")
    query = select(outcome, current, func.count().label("visits")).group_by(outcome, current)
    counted = _split(conn.execute(query), lambda row: row.outcome, lambda row: row.visits)
    return {side: {name: found.get(name, 0) for name in OUTCOMES} for side, found in counted.items()}
