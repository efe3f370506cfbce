"""Votes, events and daily salts.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("page", sa.String(300), nullable=False),
        sa.Column("anchor", sa.String(100), nullable=False, server_default=""),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("reason", sa.String(30)),
        sa.Column("comment", sa.String(500)),
        sa.Column("visitor", sa.String(64), nullable=False),
        sa.Column("visit", sa.String(64), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.UniqueConstraint("day", "visitor", "page", "anchor", name="one_vote_per_visitor_and_day"),
    )
    op.create_index("votes_by_page", "votes", ["page", "anchor", "day"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("visit", sa.String(64), nullable=False),
        sa.Column("page", sa.String(300)),
        sa.Column("anchor", sa.String(100)),
        sa.Column("query", sa.String(200)),
        sa.Column("results", sa.Integer),
        sa.Column("opened", sa.String(400)),
        sa.Column("channel", sa.String(20)),
        sa.Column("language", sa.String(10), nullable=False),
    )
    op.create_index("events_by_visit", "events", ["visit", "created_at"])
    op.create_index("events_by_kind", "events", ["kind", "day"])
    op.create_table(
        "salts",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("salt", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("salts")
    op.drop_table("events")
    op.drop_table("votes")
