"""The SQL statements of the repository, built with SQLAlchemy Core (no SQL strings).

Kept apart from ``repository`` (which owns connections, transactions and records) so that
each query can be read, and its filters reasoned about, in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Delete,
    Insert,
    Select,
    Table,
    and_,
    delete,
    exists,
    func,
    insert,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from tensionwatch.store.records import ExtractionStatus, IncidentFilter
from tensionwatch.store.rows import group_key
from tensionwatch.store.schema import (
    alerts,
    analyst_decisions,
    articles,
    corrections,
    event_members,
    events,
    extractions,
    incidents,
    links,
)


def insert_new(dialect: str, table: Table) -> Insert:
    """INSERT that skips rows whose primary key exists (another writer got there first)."""
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    return insert(table)


def article_by_id(article_id: str) -> Select[Any]:
    return select(articles).where(articles.c.id == article_id)


def count(table: Table) -> Select[Any]:
    return select(func.count()).select_from(table)


def pending_articles(extractor_version: str, limit: int | None) -> Select[Any]:
    done = exists().where(
        extractions.c.article_id == articles.c.id,
        extractions.c.extractor_version == extractor_version,
        extractions.c.status == str(ExtractionStatus.OK),
    )
    stmt = select(articles).where(~done).order_by(articles.c.ingested_at, articles.c.id)
    return stmt if limit is None else stmt.limit(limit)


def delete_extraction(article_id: str, extractor_version: str) -> Delete:
    return delete(extractions).where(
        extractions.c.article_id == article_id,
        extractions.c.extractor_version == extractor_version,
    )


def list_extractions(status: str | None, extractor_version: str | None) -> Select[Any]:
    stmt = select(extractions).order_by(extractions.c.extracted_at, extractions.c.article_id)
    if status is not None:
        stmt = stmt.where(extractions.c.status == status)
    if extractor_version is not None:
        stmt = stmt.where(extractions.c.extractor_version == extractor_version)
    return stmt


def incident_payload(incident_id: str) -> Select[Any]:
    return select(incidents.c.payload).where(incidents.c.id == incident_id)


def article_incidents(article_id: str) -> Select[Any]:
    return (
        select(incidents.c.payload)
        .where(incidents.c.article_id == article_id)
        .order_by(incidents.c.seq)
    )


def delete_article_incidents(article_id: str) -> Delete:
    return delete(incidents).where(incidents.c.article_id == article_id)


def incident_conditions(filters: IncidentFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses for ``filters`` (see ``IncidentFilter`` for what each means)."""
    found: list[ColumnElement[bool]] = []
    if filters.type is not None:
        found.append(incidents.c.type == filters.type)
    if filters.country is not None:
        found.append(incidents.c.country == filters.country.upper())
    if filters.group is not None:
        key = group_key(filters.group)
        found.append(incidents.c.groups.contains(f",{key},", autoescape=True))
    if filters.since is not None:
        # Overlap: the incident ends (or, undated at the end, starts) on or after ``since``.
        found.append(func.coalesce(incidents.c.date_end, incidents.c.date_start) >= filters.since)
    if filters.until is not None:
        found.append(func.coalesce(incidents.c.date_start, incidents.c.date_end) <= filters.until)
    if filters.is_terrorism is not None:
        found.append(incidents.c.is_terrorism.is_(filters.is_terrorism))
    if filters.bias_motivated is not None:
        found.append(incidents.c.bias_motivated.is_(filters.bias_motivated))
    if filters.text:
        found.append(
            exists().where(
                articles.c.id == incidents.c.article_id,
                func.lower(articles.c.text).contains(filters.text.lower(), autoescape=True),
            )
        )
    return found


def list_incidents(filters: IncidentFilter) -> Select[Any]:
    """A page of payloads, newest first, undated last; ties in extraction order."""
    newest = func.coalesce(incidents.c.date_end, incidents.c.date_start)
    return (
        select(incidents.c.payload)
        .where(*incident_conditions(filters))
        .order_by(
            newest.desc().nulls_last(), incidents.c.article_id, incidents.c.seq, incidents.c.id
        )
        .limit(filters.limit)
        .offset(filters.offset)
    )


def count_incidents(filters: IncidentFilter) -> Select[Any]:
    return count(incidents).where(*incident_conditions(filters))


def incidents_after(after: str | None, batch: int) -> Select[Any]:
    """Keyset page for streaming: ids sort the same way on every call."""
    stmt = select(incidents.c.id, incidents.c.payload).order_by(incidents.c.id)
    if after is not None:
        stmt = stmt.where(incidents.c.id > after)
    return stmt.limit(batch)


def list_corrections(incident_ids: Sequence[str] | None = None) -> Select[Any]:
    stmt = select(corrections).order_by(corrections.c.id)
    if incident_ids is not None:
        stmt = stmt.where(corrections.c.incident_id.in_(incident_ids))
    return stmt


def pinned_members() -> Select[Any]:
    return select(event_members.c.event_id, event_members.c.incident_id).where(
        event_members.c.pinned.is_(True)
    )


def delete_unpinned_members() -> Delete:
    return delete(event_members).where(event_members.c.pinned.is_(False))


def delete_member(event_id: str, incident_id: str) -> Delete:
    return delete(event_members).where(
        and_(event_members.c.event_id == event_id, event_members.c.incident_id == incident_id)
    )


def list_members(event_id: str | None, incident_id: str | None) -> Select[Any]:
    stmt = select(event_members).order_by(event_members.c.event_id, event_members.c.incident_id)
    if event_id is not None:
        stmt = stmt.where(event_members.c.event_id == event_id)
    if incident_id is not None:
        stmt = stmt.where(event_members.c.incident_id == incident_id)
    return stmt


def event_payloads(event_id: str | None = None) -> Select[Any]:
    stmt = select(events.c.payload).order_by(events.c.id)
    return stmt if event_id is None else stmt.where(events.c.id == event_id)


def link_payloads() -> Select[Any]:
    return select(links.c.payload).order_by(links.c.source_id, links.c.trigger_id, links.c.kind)


def list_alerts() -> Select[Any]:
    return select(alerts).order_by(alerts.c.id)


def list_decisions() -> Select[Any]:
    return select(analyst_decisions).order_by(analyst_decisions.c.id)
