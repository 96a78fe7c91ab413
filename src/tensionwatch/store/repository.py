"""The one repository: every query of tensionwatch runs through ``Store``.

Records go in and come out as the dataclasses of ``tensionwatch.models`` (and the small
store records of ``store.records``); no caller sees a row or writes SQL. Each public write is
one transaction, so a failure part-way leaves the database as it was.

Error codes (all ``StoreError``):

- TW301 the database cannot be opened or reached
- TW302 the schema cannot be migrated
- TW303 a write broke a constraint (duplicate id, unknown article)
- TW304 any other database failure
- TW305 a correction that cannot be applied
- TW306 a bad argument (unknown incident, incident of another article, bad filter)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, delete, insert, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from tensionwatch.config import resolve_db_url
from tensionwatch.errors import StoreError
from tensionwatch.models import Alert, Article, Correction, Event, Incident, Link
from tensionwatch.store import queries, rows
from tensionwatch.store.corrections import apply_correction
from tensionwatch.store.engine import WRITE_OPTION, create_store_engine, describe, upgrade
from tensionwatch.store.records import (
    AddResult,
    Decision,
    DecisionKind,
    EventMember,
    ExtractionRecord,
    ExtractionStatus,
    IncidentFilter,
)
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

logger = logging.getLogger(__name__)

CONSTRAINT_CODE = "TW303"
DATABASE_CODE = "TW304"
ARGUMENT_CODE = "TW306"
# Bound parameters per IN (...) list: well under SQLite's limit of 32766 variables.
IN_CHUNK = 500


def _now() -> datetime:
    return datetime.now(UTC)


def open_store(url_or_path: str) -> Store:
    """Open (creating and migrating if needed) the store at a SQLAlchemy URL or a file path.

    A plain path means the embedded SQLite default; ``postgresql+psycopg://…`` a server.
    """
    return Store(resolve_db_url(url_or_path))


class Store:
    """A database of articles, incidents, events, links, alerts and reviewer input.

    Opening runs the Alembic migrations shipped in this package up to head. Use it as a
    context manager, or call ``close`` to release the connections.
    """

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self._engine = create_store_engine(url)
        self._where = describe(self._engine.url)
        self._closed = False
        if migrate:
            try:
                upgrade(self._engine)
            except StoreError:
                self._engine.dispose()
                raise

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """The backend: "sqlite" or "postgresql" (for the few dialect-specific statements)."""
        return self._engine.dialect.name

    def close(self) -> None:
        self._engine.dispose()
        self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- transactions ------------------------------------------------------------------

    @contextmanager
    def _transaction(self, action: str, *, write: bool) -> Iterator[Connection]:
        if self._closed:
            raise StoreError(f"cannot {action}: the store is closed", code=DATABASE_CODE)
        try:
            with self._engine.connect() as connection:
                if write:
                    connection.execution_options(**{WRITE_OPTION: True})
                with connection.begin():
                    yield connection
        except IntegrityError as exc:
            raise StoreError(
                f"cannot {action} in {self._where}: {exc.orig}", code=CONSTRAINT_CODE
            ) from exc
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(
                f"cannot {action} in {self._where}: {reason}", code=DATABASE_CODE
            ) from exc

    def _read(self, action: str) -> AbstractContextManager[Connection]:
        return self._transaction(action, write=False)

    def _write(self, action: str) -> AbstractContextManager[Connection]:
        """A write transaction (on SQLite, BEGIN IMMEDIATE: the write lock up front)."""
        return self._transaction(action, write=True)

    # -- articles ----------------------------------------------------------------------

    def add_articles(self, items: Iterable[Article]) -> AddResult:
        """Store the articles not stored yet, in one transaction.

        Idempotent: an id already in the database, or repeated within ``items``, is stored
        once and counted in ``existing``.
        """
        unique: dict[str, Article] = {}
        total = 0
        for article in items:
            total += 1
            unique.setdefault(article.id, article)
        if not unique:
            return AddResult(added=0, existing=0, added_ids=[])
        now = _now()
        new_rows = [rows.article_row(a, now) for a in unique.values()]
        with self._write("add articles") as conn:
            stmt = queries.insert_new(self.dialect, articles).returning(articles.c.id)
            inserted = set(conn.scalars(stmt, new_rows))
        added_ids = [article_id for article_id in unique if article_id in inserted]
        return AddResult(added=len(added_ids), existing=total - len(added_ids), added_ids=added_ids)

    def get_article(self, article_id: str) -> Article | None:
        with self._read("read an article") as conn:
            row = conn.execute(queries.article_by_id(article_id)).first()
        return rows.to_article(row._mapping) if row else None

    def count_articles(self) -> int:
        with self._read("count articles") as conn:
            return int(conn.scalar(queries.count(articles)) or 0)

    def pending_articles(self, extractor_version: str, limit: int | None = None) -> list[Article]:
        """Articles without a successful extraction at ``extractor_version``, oldest first.

        A failed attempt leaves the article pending, so the next run retries it.
        """
        stmt = queries.pending_articles(extractor_version, limit)
        with self._read("list pending articles") as conn:
            return [rows.to_article(row._mapping) for row in conn.execute(stmt)]

    # -- extraction results ------------------------------------------------------------

    def replace_incidents(
        self, article_id: str, items: Sequence[Incident], extractor_version: str
    ) -> None:
        """Swap an article's incidents for a new extraction, in one transaction.

        Deletes the previous incidents, inserts ``items`` with the reviewers' corrections
        re-applied to every incident whose id persists, and records the extraction as
        successful (even with no incidents, so the article stops being pending). If any step
        fails nothing changes: the old incidents stay.
        """
        for incident in items:
            if incident.article_id != article_id:
                raise StoreError(
                    f"incident {incident.id} belongs to article {incident.article_id}, "
                    f"not {article_id}",
                    code=ARGUMENT_CODE,
                )
        now = _now()
        with self._write(f"replace the incidents of article {article_id}") as conn:
            pending = self._corrections_by_incident(conn, [i.id for i in items])
            corrected = [_reapply(i, pending.get(i.id, [])) for i in items]
            conn.execute(queries.delete_article_incidents(article_id))
            if corrected:
                conn.execute(
                    insert(incidents),
                    [rows.incident_row(inc, seq, now) for seq, inc in enumerate(corrected)],
                )
            self._record_extraction(
                conn,
                ExtractionRecord(
                    article_id, extractor_version, now, len(corrected), ExtractionStatus.OK
                ),
            )

    def record_failure(self, article_id: str, extractor_version: str, error: str) -> None:
        """Record a failed extraction; the article's stored incidents are left alone."""
        record = ExtractionRecord(
            article_id, extractor_version, _now(), 0, ExtractionStatus.FAILED, error
        )
        with self._write(f"record the failure on article {article_id}") as conn:
            self._record_extraction(conn, record)

    def _record_extraction(self, conn: Connection, record: ExtractionRecord) -> None:
        conn.execute(queries.delete_extraction(record.article_id, record.extractor_version))
        conn.execute(insert(extractions), [rows.extraction_row(record)])

    def list_extractions(
        self,
        *,
        status: ExtractionStatus | str | None = None,
        extractor_version: str | None = None,
    ) -> list[ExtractionRecord]:
        """Extraction attempts (the latest per article and version), e.g. to list failures."""
        stmt = queries.list_extractions(None if status is None else str(status), extractor_version)
        with self._read("list extractions") as conn:
            return [rows.to_extraction(row._mapping) for row in conn.execute(stmt)]

    # -- incidents ---------------------------------------------------------------------

    def get_incident(self, incident_id: str) -> Incident | None:
        with self._read("read an incident") as conn:
            payload = conn.scalar(queries.incident_payload(incident_id))
        return rows.to_incident(payload) if payload is not None else None

    def incidents_for_article(self, article_id: str) -> list[Incident]:
        """The article's incidents in the order the extractor produced them."""
        stmt = queries.article_incidents(article_id)
        with self._read("list an article's incidents") as conn:
            return [rows.to_incident(payload) for payload in conn.scalars(stmt)]

    def list_incidents(self, filters: IncidentFilter | None = None) -> list[Incident]:
        """A page of matching incidents, newest first (undated ones last)."""
        filters = filters or IncidentFilter()
        if filters.limit < 0 or filters.offset < 0:
            raise StoreError("limit and offset must not be negative", code=ARGUMENT_CODE)
        stmt = queries.list_incidents(filters)
        with self._read("list incidents") as conn:
            return [rows.to_incident(payload) for payload in conn.scalars(stmt)]

    def count_incidents(self, filters: IncidentFilter | None = None) -> int:
        """How many incidents match, ignoring ``limit`` and ``offset`` (for pagination)."""
        stmt = queries.count_incidents(filters or IncidentFilter())
        with self._read("count incidents") as conn:
            return int(conn.scalar(stmt) or 0)

    def iter_incidents(self, batch: int = 500) -> Iterator[Incident]:
        """Every incident by id, fetched ``batch`` at a time for exports.

        Each batch is its own short read, so a slow consumer never holds the database; a
        write between batches may or may not be seen.
        """
        if batch < 1:
            raise StoreError("batch must be at least 1", code=ARGUMENT_CODE)
        after: str | None = None
        while True:
            with self._read("export incidents") as conn:
                page = conn.execute(queries.incidents_after(after, batch)).all()
            for row in page:
                yield rows.to_incident(row.payload)
            if len(page) < batch:
                return
            after = page[-1].id

    # -- corrections -------------------------------------------------------------------

    def add_correction(self, correction: Correction) -> None:
        """Record a reviewer's correction and apply it to the stored incident now.

        Raises ``StoreError`` TW305 (nothing stored) when the field or value does not fit,
        TW306 when the incident does not exist.
        """
        now = _now()
        with self._write(f"correct incident {correction.incident_id}") as conn:
            payload = conn.scalar(queries.incident_payload(correction.incident_id))
            if payload is None:
                raise StoreError(f"no incident {correction.incident_id}", code=ARGUMENT_CODE)
            corrected = apply_correction(rows.to_incident(payload), correction)
            conn.execute(
                update(incidents)
                .where(incidents.c.id == correction.incident_id)
                .values(**rows.incident_columns(corrected))
            )
            conn.execute(insert(corrections), [rows.correction_row(correction, now)])

    def list_corrections(self, incident_id: str | None = None) -> list[Correction]:
        """Corrections in the order they were made, optionally of one incident."""
        stmt = queries.list_corrections(None if incident_id is None else [incident_id])
        with self._read("list corrections") as conn:
            return [rows.to_correction(row._mapping) for row in conn.execute(stmt)]

    def _corrections_by_incident(
        self, conn: Connection, incident_ids: Sequence[str]
    ) -> dict[str, list[Correction]]:
        found: dict[str, list[Correction]] = {}
        for start in range(0, len(incident_ids), IN_CHUNK):
            chunk = incident_ids[start : start + IN_CHUNK]
            for row in conn.execute(queries.list_corrections(chunk)):
                correction = rows.to_correction(row._mapping)
                found.setdefault(correction.incident_id, []).append(correction)
        return found

    # -- events ------------------------------------------------------------------------

    def replace_events(
        self,
        items: Sequence[Event],
        members: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Replace all events (the output of one resolve run), in one transaction.

        ``members`` maps an event id to its incident ids; an event missing from it uses its
        own ``incident_ids``. Pinned memberships (analyst decisions) are kept as they are.
        """
        members = members or {}
        unknown = sorted(set(members) - {event.id for event in items})
        if unknown:
            raise StoreError(f"members given for unknown events: {unknown}", code=ARGUMENT_CODE)
        now = _now()
        with self._write("replace events") as conn:
            pinned = {
                (row.event_id, row.incident_id) for row in conn.execute(queries.pinned_members())
            }
            conn.execute(queries.delete_unpinned_members())
            conn.execute(delete(events))
            if items:
                conn.execute(insert(events), [rows.event_row(e, now) for e in items])
            member_rows: list[dict[str, Any]] = []
            seen = set(pinned)
            for event in items:
                for incident_id in members.get(event.id, event.incident_ids):
                    if (event.id, incident_id) not in seen:
                        seen.add((event.id, incident_id))
                        member_rows.append(
                            {"event_id": event.id, "incident_id": incident_id, "pinned": False}
                        )
            if member_rows:
                conn.execute(insert(event_members), member_rows)

    def list_events(self) -> list[Event]:
        with self._read("list events") as conn:
            return [rows.to_event(payload) for payload in conn.scalars(queries.event_payloads())]

    def get_event(self, event_id: str) -> Event | None:
        with self._read("read an event") as conn:
            payload = conn.scalar(queries.event_payloads(event_id))
        return rows.to_event(payload) if payload is not None else None

    def event_members(
        self, *, event_id: str | None = None, incident_id: str | None = None
    ) -> list[EventMember]:
        """Memberships, by event or by incident ("which event is this incident in?")."""
        stmt = queries.list_members(event_id, incident_id)
        with self._read("list event members") as conn:
            return [rows.to_member(row._mapping) for row in conn.execute(stmt)]

    def pin_member(self, event_id: str, incident_id: str, *, pinned: bool = True) -> None:
        """Set an analyst's membership of an incident in an event; pinned ones survive
        ``replace_events``. ``pinned=False`` turns it back into an ordinary membership."""
        with self._write(f"pin incident {incident_id} to event {event_id}") as conn:
            conn.execute(queries.delete_member(event_id, incident_id))
            conn.execute(
                insert(event_members),
                [{"event_id": event_id, "incident_id": incident_id, "pinned": pinned}],
            )

    # -- links, alerts, decisions ------------------------------------------------------

    def replace_links(self, items: Iterable[Link]) -> None:
        """Replace all links (the output of one link run), in one transaction."""
        link_rows = [rows.link_row(link) for link in items]
        with self._write("replace links") as conn:
            conn.execute(delete(links))
            if link_rows:
                conn.execute(insert(links), link_rows)

    def list_links(self) -> list[Link]:
        with self._read("list links") as conn:
            return [rows.to_link(payload) for payload in conn.scalars(queries.link_payloads())]

    def add_alerts(self, items: Iterable[Alert]) -> int:
        """Append alerts (they are a log, never replaced); returns how many were stored."""
        now = _now()
        alert_rows = [rows.alert_row(alert, now) for alert in items]
        if not alert_rows:
            return 0
        with self._write("add alerts") as conn:
            conn.execute(insert(alerts), alert_rows)
        return len(alert_rows)

    def list_alerts(self) -> list[Alert]:
        with self._read("list alerts") as conn:
            return [rows.to_alert(row._mapping) for row in conn.execute(queries.list_alerts())]

    def add_decision(self, kind: DecisionKind | str, a_id: str, b_id: str) -> Decision:
        """Record an analyst's merge or split of two incidents or events."""
        try:
            decision_kind = DecisionKind(kind)
        except ValueError as exc:
            raise StoreError(
                f"decision kind must be 'merge' or 'split', not {kind!r}", code=ARGUMENT_CODE
            ) from exc
        now = _now()
        with self._write(f"record a {decision_kind} decision") as conn:
            new_id = conn.scalar(
                insert(analyst_decisions)
                .values(kind=str(decision_kind), a_id=a_id, b_id=b_id, created_at=now)
                .returning(analyst_decisions.c.id)
            )
        return Decision(decision_kind, a_id, b_id, id=new_id, created_at=now)

    def list_decisions(self) -> list[Decision]:
        with self._read("list decisions") as conn:
            return [
                rows.to_decision(row._mapping) for row in conn.execute(queries.list_decisions())
            ]


def _reapply(incident: Incident, pending: Sequence[Correction]) -> Incident:
    """Re-apply stored corrections in order; one that no longer fits is skipped, not fatal."""
    for correction in pending:
        try:
            incident = apply_correction(incident, correction)
        except StoreError as exc:
            logger.warning("skipped a stored correction after re-extraction: %s", exc)
    return incident
