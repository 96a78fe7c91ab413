"""The database schema, declared once with SQLAlchemy Core.

Records are stored twice on purpose: the full record as JSON (``payload``, written by
``serialize.to_dict``) so nothing the extractor found is lost, and a few denormalized columns
(type, country, date, counts, groups) so the filters of the CLI, API and dashboard run in SQL.
The payload is the truth; the columns are rebuilt from it on every write.

Alembic migrations under ``migrations/versions`` must create exactly this schema; a test
compares the two. Changing a table here means adding a migration.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

# Named constraints so that later migrations (batch mode on SQLite) can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as naive UTC, returned as aware UTC.

    SQLite drops the offset of an aware datetime and PostgreSQL converts a naive one with the
    session time zone; storing naive UTC everywhere makes both backends return the same value.
    A naive input is taken to be UTC already.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            return value.astimezone(UTC)
        return value.replace(tzinfo=UTC)


articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True, comment="stable hash of normalized text + url"),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("ingested_at", UTCDateTime, nullable=False),
    Index(None, "ingested_at", "id"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", String, primary_key=True),
    Column(
        "article_id",
        String,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("seq", Integer, nullable=False, comment="order within the article's extraction"),
    Column("type", String, nullable=False),
    Column("is_terrorism", Boolean, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String),
    Column("country", String, comment="ISO alpha-2 of the first place with a country"),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("bias_motivated", Boolean),
    Column("groups", Text, comment="',a,b,' lower-cased targeted groups, for LIKE filters"),
    Column("extractor_version", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("payload", JSON, nullable=False, comment="serialize.to_dict(incident)"),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "type"),
    Index(None, "country"),
    Index(None, "date_end"),
    Index(None, "article_id"),
)

extractions = Table(
    "extractions",
    metadata,
    Column(
        "article_id",
        String,
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("extractor_version", String, primary_key=True),
    Column("extracted_at", UTCDateTime, nullable=False),
    Column("n_incidents", Integer, nullable=False),
    Column("status", String, nullable=False, comment="'ok' | 'failed'"),
    Column("error", Text),
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("payload", JSON, nullable=False, comment="serialize.to_dict(event)"),
    Column("updated_at", UTCDateTime, nullable=False),
)

# No foreign keys here: a pinned membership is an analyst decision that must outlive both the
# event rows (replaced on every resolve run) and the incident rows (replaced on re-extraction).
event_members = Table(
    "event_members",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("incident_id", String, primary_key=True),
    Column("pinned", Boolean, nullable=False),
    Index(None, "incident_id"),
)

links = Table(
    "links",
    metadata,
    Column("source_id", String, primary_key=True),
    Column("trigger_id", String, primary_key=True),
    Column("kind", String, primary_key=True),
    Column("score", Float, nullable=False),
    Column("cue", String, nullable=False),
    Column("payload", JSON, nullable=False, comment="serialize.to_dict(link)"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("group", String, nullable=False),
    Column("region", String, nullable=False),
    Column("window_start", Date, nullable=False),
    Column("window_end", Date, nullable=False),
    Column("observed", Integer, nullable=False),
    Column("expected", Float, nullable=False),
    Column("score", Float, nullable=False),
    Column("method", String, nullable=False),
    Column("trigger_id", String),
    Column("created_at", UTCDateTime, nullable=False),
)

# No foreign key to incidents: corrections must survive the delete-and-insert of
# re-extraction and are re-applied to the new rows that keep the same incident id.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String, nullable=False),
    Column("field", String, nullable=False, comment="dotted path, e.g. 'killed.value'"),
    Column("value", Text, nullable=False, comment="the new value as JSON"),
    Column("author", String),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "incident_id"),
)

analyst_decisions = Table(
    "analyst_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False, comment="'merge' | 'split'"),
    Column("a_id", String, nullable=False),
    Column("b_id", String, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)
