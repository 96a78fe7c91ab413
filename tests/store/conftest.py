"""The ``store`` fixture, on a SQLite file and (when configured) on PostgreSQL.

Set ``TENSIONWATCH_TEST_PG_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``)
to run every store test on PostgreSQL too. Each PostgreSQL test gets a fresh schema (through
``search_path``), dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateSchema, DropSchema

from tensionwatch.store import Store, open_store

from .builders import Build

PG_ENV = "TENSIONWATCH_TEST_PG_URL"


def _postgres_url(schema: str) -> str:
    url = make_url(os.environ[PG_ENV])
    scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
    return scoped.render_as_string(hide_password=False)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a tmp SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "tensionwatch.db")
        return
    if not os.environ.get(PG_ENV):
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run store tests on it")
    schema = f"tw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(os.environ[PG_ENV])
    try:
        with admin.begin() as conn:
            conn.execute(CreateSchema(schema))
        yield _postgres_url(schema)
        with admin.begin() as conn:
            conn.execute(DropSchema(schema, cascade=True))
    finally:
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


@pytest.fixture
def build() -> Build:
    return Build()
