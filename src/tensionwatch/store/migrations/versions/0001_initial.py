"""Initial schema: articles, incidents, extractions, events, links, alerts, corrections.

Revision ID: 0001
Revises:
Create Date: 2024-11-25

Written out in full rather than imported from ``schema.py``: a shipped migration must keep
creating the same tables after ``schema.py`` moves on.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column(
            "id", sa.String(), nullable=False, comment="stable hash of normalized text + url"
        ),
        sa.Column("url", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_ingested_at_id", "articles", ["ingested_at", "id"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column(
            "seq", sa.Integer(), nullable=False, comment="order within the article's extraction"
        ),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("is_terrorism", sa.Boolean(), nullable=False),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.String()),
        sa.Column("country", sa.String(), comment="ISO alpha-2 of the first place with a country"),
        sa.Column("killed", sa.Integer()),
        sa.Column("injured", sa.Integer()),
        sa.Column("bias_motivated", sa.Boolean()),
        sa.Column(
            "groups", sa.Text(), comment="',a,b,' lower-cased targeted groups, for LIKE filters"
        ),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False, comment="serialize.to_dict(incident)"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_incidents_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_type", "incidents", ["type"])
    op.create_index("ix_incidents_country", "incidents", ["country"])
    op.create_index("ix_incidents_date_end", "incidents", ["date_end"])
    op.create_index("ix_incidents_article_id", "incidents", ["article_id"])

    op.create_table(
        "extractions",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("extracted_at", sa.DateTime(), nullable=False),
        sa.Column("n_incidents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False, comment="'ok' | 'failed'"),
        sa.Column("error", sa.Text()),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_extractions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "extractor_version", name="pk_extractions"),
    )

    op.create_table(
        "events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False, comment="serialize.to_dict(event)"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )

    op.create_table(
        "event_members",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "incident_id", name="pk_event_members"),
    )
    op.create_index("ix_event_members_incident_id", "event_members", ["incident_id"])

    op.create_table(
        "links",
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("trigger_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("cue", sa.String(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False, comment="serialize.to_dict(link)"),
        sa.PrimaryKeyConstraint("source_id", "trigger_id", "kind", name="pk_links"),
    )

    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("group", sa.String(), nullable=False),
        sa.Column("region", sa.String(), nullable=False),
        sa.Column("window_start", sa.Date(), nullable=False),
        sa.Column("window_end", sa.Date(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Float(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("trigger_id", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
    )

    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=False, comment="dotted path, e.g. 'killed.value'"),
        sa.Column("value", sa.Text(), nullable=False, comment="the new value as JSON"),
        sa.Column("author", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_corrections"),
    )
    op.create_index("ix_corrections_incident_id", "corrections", ["incident_id"])

    op.create_table(
        "analyst_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(), nullable=False, comment="'merge' | 'split'"),
        sa.Column("a_id", sa.String(), nullable=False),
        sa.Column("b_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_analyst_decisions"),
    )


def downgrade() -> None:
    for table in (
        "analyst_decisions",
        "corrections",
        "alerts",
        "links",
        "event_members",
        "events",
        "extractions",
        "incidents",
        "articles",
    ):
        op.drop_table(table)
