"""Explicit settings, passed as one object; no module-level state.

Layering: built-in defaults < environment variables (``TENSIONWATCH_*``) < CLI options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB_FILE = "tensionwatch.db"


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser()}"


def resolve_db_url(value: str | None) -> str:
    """Accept either a SQLAlchemy URL or a plain file path for the embedded SQLite default."""
    if not value:
        value = os.environ.get("TENSIONWATCH_DB") or DEFAULT_DB_FILE
    return value if "://" in value else sqlite_url(value)


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    model: str | None = None
    api_token: str | None = None

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        return cls(
            db_url=resolve_db_url(db),
            model=os.environ.get("TENSIONWATCH_MODEL") or None,
            api_token=os.environ.get("TENSIONWATCH_API_TOKEN") or None,
        )

    def with_db(self, db: str) -> Settings:
        return replace(self, db_url=resolve_db_url(db))
