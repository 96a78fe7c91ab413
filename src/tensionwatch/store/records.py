"""Typed values the store API takes and returns beyond the pipeline records of ``models``.

They live here rather than in ``models`` because only callers of ``Store`` (CLI, API,
resolve) need them; the pipeline stages never see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Store.add_articles`` did, so ingest can report new vs. already-seen articles."""

    added: int
    existing: int
    added_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """The filters shared by the CLI, the REST API and the dashboard table.

    ``since``/``until`` select incidents whose date range overlaps the window (an incident
    with no date at all is left out once either bound is set). ``group`` matches one targeted
    group exactly, case-insensitively; ``text`` is a case-insensitive substring of the
    article text.
    """

    type: str | None = None
    group: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    is_terrorism: bool | None = None
    bias_motivated: bool | None = None
    limit: int = 100
    offset: int = 0


class ExtractionStatus(StrEnum):
    OK = "ok"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ExtractionRecord:
    """One extraction attempt of one article at one extractor version (the latest wins)."""

    article_id: str
    extractor_version: str
    extracted_at: datetime
    n_incidents: int
    status: ExtractionStatus
    error: str | None = None


@dataclass(frozen=True, slots=True)
class EventMember:
    """An incident's membership of an event; ``pinned`` marks an analyst's choice."""

    event_id: str
    incident_id: str
    pinned: bool = False


class DecisionKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's merge/split of two incidents or events, replayed by every resolve run."""

    kind: DecisionKind
    a_id: str
    b_id: str
    id: int | None = None
    created_at: datetime | None = None
