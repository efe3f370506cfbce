"""Indexes for the gap report: its sums read only an index, in the order they group by.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_WITH_COMMENT = sa.text("comment IS NOT NULL")
# A visit's steps in order, with every column the report reads: it walks a visit without the table.
EVENT_COLUMNS = ("visit", "day", "kind", "created_at", "page", "results", "opened", "query")


def upgrade() -> None:
    op.create_index("votes_by_answer", "votes", ["page", "anchor", "helpful", "reason", "day"])
    op.create_index("votes_by_day", "votes", ["day", "helpful"])
    op.create_index("votes_by_visit", "votes", ["visit", "day", "helpful"])
    op.create_index("votes_with_comment", "votes", ["day"], sqlite_where=_WITH_COMMENT,
                    postgresql_where=_WITH_COMMENT)
    op.create_index("events_for_report", "events", list(EVENT_COLUMNS))


def downgrade() -> None:
    op.drop_index("events_for_report", table_name="events")
    for name in ("votes_with_comment", "votes_by_visit", "votes_by_day", "votes_by_answer"):
        op.drop_index(name, table_name="votes")
