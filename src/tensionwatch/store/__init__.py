"""The store stage: one database (SQLite file or PostgreSQL) behind one repository.

``open_store`` is the entry point; everything that reads or writes the database goes through
the ``Store`` it returns.
"""

from __future__ import annotations

from tensionwatch.store.records import (
    AddResult,
    Decision,
    DecisionKind,
    EventMember,
    ExtractionRecord,
    ExtractionStatus,
    IncidentFilter,
)
from tensionwatch.store.repository import Store, open_store

__all__ = [
    "AddResult",
    "Decision",
    "DecisionKind",
    "EventMember",
    "ExtractionRecord",
    "ExtractionStatus",
    "IncidentFilter",
    "Store",
    "open_store",
]
