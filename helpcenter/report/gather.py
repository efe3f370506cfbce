"""Sums from the feedback store for one period, computed by the database (GROUP BY), on SQLite and PostgreSQL.

Each function returns plain dicts and lists; nothing here knows the manifest or how the report looks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, or_, select, union_all

from feedback_api.store import events, votes

COMMENTS_PER_ANSWER = 3


@dataclass(frozen=True)
class Period:
    """Whole days from `since` to `until`, both included."""

    since: date
    until: date

    @classmethod
    def last(cls, days: int, until: date) -> Period:
        return cls(until - timedelta(days=days - 1), until)

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Period:
        """The period of the same length just before this one: what every figure is compared with."""
        return Period.last(self.days, self.since - timedelta(days=1))

    def as_dict(self) -> dict[str, str | int]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(), "days": self.days}


def _day(table):
    """The day column; for votes wrapped so that SQLite reads the table straight through. For a sum over most rows
    that is twice as fast as the unique index (day, visitor, ...) the planner would pick for a day range, which
    costs a table lookup per row. The same on PostgreSQL, whose planner scans anyway."""
    return func.coalesce(table.c.day, table.c.day) if table is votes else table.c.day


def _within(table, period: Period):
    return _day(table).between(period.since, period.until)


def _both(table, period: Period):
    """This period and the one before, read in one pass; `current` tells them apart."""
    return _day(table).between(period.previous().since, period.until)


def _current(table, period: Period):
    return case((table.c.day >= period.since, 1), else_=0).label("current")


def _split(period: Period, rows: Iterable[Any], make) -> dict[str, Any]:
    """{"current": ..., "previous": ...} from rows of both periods, each folded in by `make(target, row)`."""
    found: dict[str, Any] = {"current": {}, "previous": {}}
    for row in rows:
        make(found["current" if row.current else "previous"], row)
    return found


def _count_if(condition) -> Any:
    return func.sum(case((condition, 1), else_=0))


# ---- votes --------------------------------------------------------------------------------------------------------


def answer_votes(conn: Connection, period: Period) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    """For this period and the one before: (page, anchor) -> votes, helpful votes and the reasons of the "no"s.

    One pass over both periods; anchor "" is the page's own widget.
    """
    current = _current(votes, period)
    query = (select(votes.c.page, votes.c.anchor, votes.c.helpful, votes.c.reason, current,
                    func.count().label("count"))
             .where(_both(votes, period))
             .group_by(votes.c.page, votes.c.anchor, votes.c.helpful, votes.c.reason, current))

    def add(target: dict, row: Any) -> None:
        answer = target.setdefault((row.page, row.anchor), {"votes": 0, "helpful": 0, "reasons": {}})
        answer["votes"] += row.count
        if row.helpful:
            answer["helpful"] += row.count
        elif row.reason:
            answer["reasons"][row.reason] = answer["reasons"].get(row.reason, 0) + row.count

    return _split(period, conn.execute(query), add)



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
    query = (select(votes.c.day, func.count().label("votes"), _count_if(votes.c.helpful).label("helpful"),
                    _current(votes, period))
             .where(_both(votes, period)).group_by(votes.c.day).order_by(votes.c.day))
    found: dict[str, list[dict[str, Any]]] = {"current": [], "previous": []}
    for row in conn.execute(query):
        found["current" if row.current else "previous"].append(
            {"day": row.day.isoformat(), "votes": row.votes, "helpful": int(row.helpful)})
    return found


# ---- events -------------------------------------------------------------------------------------------------------


def answer_contacts(conn: Connection, period: Period) -> dict[str, dict[tuple[str, str], int]]:
    """For this period and the one before: (page, anchor) -> clicks on a contact channel made there."""
    anchor = func.coalesce(events.c.anchor, "")
    current = _current(events, period)
    query = (select(events.c.page, anchor.label("anchor"), current, func.count().label("count"))
             .where(_both(events, period), events.c.kind == "contact").group_by(events.c.page, anchor, current))
    return _split(period, conn.execute(query), lambda target, row: target.__setitem__((row.page, row.anchor),
                                                                                      row.count))


def channels(conn: Connection, period: Period) -> dict[str, int]:
    query = (select(events.c.channel, func.count().label("count"))
             .where(_within(events, period), events.c.kind == "contact").group_by(events.c.channel))
    return {row.channel: row.count for row in conn.execute(query)}


def _timeline(period: Period):
    """The period's events, each with the time of its visit's last contact click (a window over the visit):
    whatever came before that click in the visit ended in a contact."""
    last_contact = func.max(case((events.c.kind == "contact", events.c.created_at))).over(partition_by=events.c.visit)
    return (select(events.c.kind, events.c.visit, events.c.page, events.c.query, events.c.results, events.c.opened,
                   events.c.created_at, last_contact.label("last_contact"))
            .where(_within(events, period)).subquery())


def searches(conn: Connection, period: Period) -> list[dict[str, Any]]:
    """Per query as typed: searches, how many found nothing, bounced or opened a result, and the visits that
    ended in a contact click after it."""
    search = _timeline(period)
    ended_in_contact = case((search.c.created_at < search.c.last_contact, search.c.visit))
    query = (select(search.c.query,
                    func.count().label("searches"),
                    _count_if(search.c.results == 0).label("empty"),
                    _count_if(and_(search.c.results > 0, search.c.opened.is_(None))).label("bounced"),
                    _count_if(search.c.opened.is_not(None)).label("opened"),
                    func.count(func.distinct(search.c.visit)).label("visits"),
                    func.count(func.distinct(ended_in_contact)).label("contacted"))
             .where(search.c.kind == "search").group_by(search.c.query))
    return [{"query": row.query, "searches": row.searches, "empty": int(row.empty), "bounced": int(row.bounced),
             "opened": int(row.opened), "visits": row.visits, "contacted": row.contacted}
            for row in conn.execute(query)]


def page_views(conn: Connection, period: Period) -> dict[str, dict[str, int]]:
    """Page -> views, visits that read it, and those of them that ended in a contact click after reading it."""
    view = _timeline(period)
    ended_in_contact = case((view.c.created_at < view.c.last_contact, view.c.visit))
    query = (select(view.c.page, func.count().label("views"), func.count(func.distinct(view.c.visit)).label("visits"),
                    func.count(func.distinct(ended_in_contact)).label("contacted"))
             .where(view.c.kind == "view").group_by(view.c.page))
    return {row.page: {"views": row.views, "visits": row.visits, "contacted": row.contacted}
            for row in conn.execute(query)}


OUTCOMES = ("found", "not_found", "contacted", "browsed")


def outcomes(conn: Connection, period: Period, articles: Iterable[str]) -> dict[str, dict[str, int]]:
    """How visits ended, this period and the one before: contacted CS; found an answer (a "yes", an opened search
    result, or an article read without a "no"); found nothing (a search without results or a "no", then left);
    browsed (nothing telling). A visit belongs to the period of its first day.

    `articles` are the page paths that answer something (FAQ, policies, guides), from the manifest.
    """
    articles = list(articles)
    flags = union_all(
        select(events.c.visit, events.c.day,
               case((events.c.kind == "contact", 1), else_=0).label("contacted"),
               literal(0).label("said_yes"), literal(0).label("said_no"),
               case((or_(events.c.opened.is_not(None), and_(events.c.kind == "view", events.c.page.in_(articles))),
                     1), else_=0).label("read"),
               case((and_(events.c.kind == "search", events.c.results == 0), 1), else_=0).label("empty"))
        .where(_both(events, period)),
        select(votes.c.visit, votes.c.day, literal(0), case((votes.c.helpful, 1), else_=0),
               case((votes.c.helpful, 0), else_=1), literal(0), literal(0))
        .where(_both(votes, period)),
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
    counted = _split(period, conn.execute(query), lambda target, row: target.__setitem__(row.outcome, row.visits))
    return {side: {name: found.get(name, 0) for name in OUTCOMES} for side, found in counted.items()}
