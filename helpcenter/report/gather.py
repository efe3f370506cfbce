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


def _within(table, period: Period):
    return table.c.day.between(period.since, period.until)


def _count_if(condition) -> Any:
    return func.sum(case((condition, 1), else_=0))


# ---- votes -------------------------------------------------------------------------------------------------------


def answer_votes(conn: Connection, period: Period) -> dict[tuple[str, str], dict[str, int]]:
    """(page, anchor) -> votes and helpful votes; anchor "" is the page's own widget."""
    query = (select(votes.c.page, votes.c.anchor, func.count().label("votes"),
                    _count_if(votes.c.helpful).label("helpful"))
             .where(_within(votes, period)).group_by(votes.c.page, votes.c.anchor))
    return {(row.page, row.anchor): {"votes": row.votes, "helpful": int(row.helpful)} for row in conn.execute(query)}


def answer_reasons(conn: Connection, period: Period) -> dict[tuple[str, str], dict[str, int]]:
    """(page, anchor) -> reason -> how many "not helpful" votes gave it."""
    query = (select(votes.c.page, votes.c.anchor, votes.c.reason, func.count().label("count"))
             .where(_within(votes, period), votes.c.reason.is_not(None), ~votes.c.helpful)
             .group_by(votes.c.page, votes.c.anchor, votes.c.reason))
    found: dict[tuple[str, str], dict[str, int]] = {}
    for row in conn.execute(query):
        found.setdefault((row.page, row.anchor), {})[row.reason] = row.count
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


def daily_votes(conn: Connection, period: Period) -> list[dict[str, Any]]:
    """Votes and helpful votes per day, for the helpfulness chart."""
    query = (select(votes.c.day, func.count().label("votes"), _count_if(votes.c.helpful).label("helpful"))
             .where(_within(votes, period)).group_by(votes.c.day).order_by(votes.c.day))
    return [{"day": row.day.isoformat(), "votes": row.votes, "helpful": int(row.helpful)}
            for row in conn.execute(query)]


def reasons(conn: Connection, period: Period) -> dict[str, int]:
    """Reason -> how many "not helpful" votes gave it, over all pages."""
    query = (select(votes.c.reason, func.count().label("count"))
             .where(_within(votes, period), ~votes.c.helpful, votes.c.reason.is_not(None)).group_by(votes.c.reason))
    return {row.reason: row.count for row in conn.execute(query)}


# ---- events ------------------------------------------------------------------------------------------------------


def answer_contacts(conn: Connection, period: Period) -> dict[tuple[str, str], int]:
    """(page, anchor) -> clicks on a contact channel made there."""
    anchor = func.coalesce(events.c.anchor, "")
    query = (select(events.c.page, anchor.label("anchor"), func.count().label("count"))
             .where(_within(events, period), events.c.kind == "contact").group_by(events.c.page, anchor))
    return {(row.page, row.anchor): row.count for row in conn.execute(query)}


def channels(conn: Connection, period: Period) -> dict[str, int]:
    query = (select(events.c.channel, func.count().label("count"))
             .where(_within(events, period), events.c.kind == "contact").group_by(events.c.channel))
    return {row.channel: row.count for row in conn.execute(query)}


def _last_contact(period: Period):
    """Visit -> the time of its last contact click: anything before it in the visit ended in a contact."""
    return (select(events.c.visit, func.max(events.c.created_at).label("at"))
            .where(_within(events, period), events.c.kind == "contact").group_by(events.c.visit).subquery())


def searches(conn: Connection, period: Period) -> list[dict[str, Any]]:
    """Per query as typed: searches, how many found nothing, bounced or opened a result, and the visits that
    ended in a contact click after it."""
    contact = _last_contact(period)
    search = events.alias("search")
    ended_in_contact = case((search.c.created_at < contact.c.at, search.c.visit))
    query = (select(search.c.query,
                    func.count().label("searches"),
                    _count_if(search.c.results == 0).label("empty"),
                    _count_if(and_(search.c.results > 0, search.c.opened.is_(None))).label("bounced"),
                    _count_if(search.c.opened.is_not(None)).label("opened"),
                    func.count(func.distinct(search.c.visit)).label("visits"),
                    func.count(func.distinct(ended_in_contact)).label("contacted"))
             .select_from(search.outerjoin(contact, contact.c.visit == search.c.visit))
             .where(search.c.day.between(period.since, period.until), search.c.kind == "search")
             .group_by(search.c.query))
    return [{"query": row.query, "searches": row.searches, "empty": int(row.empty), "bounced": int(row.bounced),
             "opened": int(row.opened), "visits": row.visits, "contacted": row.contacted}
            for row in conn.execute(query)]


def page_views(conn: Connection, period: Period) -> dict[str, dict[str, int]]:
    """Page -> views, visits that read it, and those of them that ended in a contact click after reading it."""
    contact = _last_contact(period)
    view = events.alias("view")
    ended_in_contact = case((view.c.created_at < contact.c.at, view.c.visit))
    query = (select(view.c.page, func.count().label("views"), func.count(func.distinct(view.c.visit)).label("visits"),
                    func.count(func.distinct(ended_in_contact)).label("contacted"))
             .select_from(view.outerjoin(contact, contact.c.visit == view.c.visit))
             .where(view.c.day.between(period.since, period.until), view.c.kind == "view")
             .group_by(view.c.page))
    return {row.page: {"views": row.views, "visits": row.visits, "contacted": row.contacted}
            for row in conn.execute(query)}


def outcomes(conn: Connection, period: Period, articles: Iterable[str]) -> dict[str, int]:
    """How visits ended: contacted CS; found an answer (a "yes", an opened search result, or an article read
    without a "no"); found nothing (a search without results or a "no", then left); browsed (nothing telling).

    `articles` are the page paths that answer something (FAQ, policies, guides), from the manifest.
    """
    articles = list(articles)
    flags = union_all(
        select(events.c.visit,
               case((events.c.kind == "contact", 1), else_=0).label("contacted"),
               literal(0).label("said_yes"), literal(0).label("said_no"),
               case((or_(events.c.opened.is_not(None), and_(events.c.kind == "view", events.c.page.in_(articles))),
                     1), else_=0).label("read"),
               case((and_(events.c.kind == "search", events.c.results == 0), 1), else_=0).label("empty"))
        .where(_within(events, period)),
        select(votes.c.visit, literal(0), case((votes.c.helpful, 1), else_=0), case((votes.c.helpful, 0), else_=1),
               literal(0), literal(0))
        .where(_within(votes, period)),
    ).subquery()
    visit = (select(flags.c.visit, func.max(flags.c.contacted).label("contacted"),
                    func.max(flags.c.said_yes).label("said_yes"), func.max(flags.c.said_no).label("said_no"),
                    func.max(flags.c.read).label("read"), func.max(flags.c.empty).label("empty"))
             .group_by(flags.c.visit).subquery())
    found = or_(visit.c.said_yes == 1, and_(visit.c.read == 1, visit.c.said_no == 0))
    not_found = or_(visit.c.empty == 1, visit.c.said_no == 1)
    outcome = case((visit.c.contacted == 1, "contacted"), (found, "found"), (not_found, "not_found"),
                   else_="browsed").label("outcome")
    query = select(outcome, func.count().label("visits")).group_by(outcome)
    counted = {row.outcome: row.visits for row in conn.execute(query)}
    return {name: counted.get(name, 0) for name in ("found", "not_found", "contacted", "browsed")}
