"""The shipped Alembic migrations create exactly the schema declared in ``schema.py``."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from tensionwatch.store import open_store
from tensionwatch.store.engine import alembic_config, create_store_engine
from tensionwatch.store.schema import metadata

VERSION_TABLE = "alembic_version"


def _migrated(db_url: str) -> Engine:
    open_store(db_url).close()
    return create_store_engine(_as_url(db_url))


def _as_url(db_url: str) -> str:
    return db_url if "://" in db_url else f"sqlite:///{db_url}"


def test_migrations_create_the_tables_and_columns_of_schema(db_url: str) -> None:
    engine = _migrated(db_url)
    try:
        inspector = inspect(engine)
        tables = set(inspector.get_table_names()) - {VERSION_TABLE}
        assert tables == set(metadata.tables)
        for name, table in metadata.tables.items():
            columns = [column["name"] for column in inspector.get_columns(name)]
            assert columns == [column.name for column in table.columns], name
            indexes = {index["name"] for index in inspector.get_indexes(name)}
            assert indexes == {index.name for index in table.indexes}, name
    finally:
        engine.dispose()


def test_migrations_leave_no_autogenerate_difference(db_url: str) -> None:
    engine = _migrated(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_migrations_reopen_is_a_no_op_at_head(db_url: str) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    engine = _migrated(db_url)
    try:
        open_store(db_url).close()  # a second open must not try to create tables again
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head == "0001"
    finally:
        engine.dispose()
