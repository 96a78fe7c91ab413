"""Engines for SQLite and PostgreSQL, and the Alembic upgrade that runs on open.

SQLite is the embedded default, so its connections are tuned here once: WAL (readers never
block the single writer), foreign keys on (SQLite leaves them off per connection), a busy
timeout (a second process waits instead of failing), a Unicode ``lower()`` (SQLite's own only
folds ASCII, which would break case-insensitive search in Russian text), and explicit BEGIN
so transactions cover reads and DDL (the sqlite3 module otherwise opens them lazily, on the
first write only). Write transactions use ``BEGIN IMMEDIATE`` to take the write lock up front
rather than fail on upgrade from a read lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from tensionwatch.errors import StoreError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# Serializes concurrent upgrades of one PostgreSQL database (any constant key works).
PG_MIGRATION_LOCK = 0x7477_0001
# Execution option that marks a connection's transactions as writes (BEGIN IMMEDIATE).
WRITE_OPTION = "tensionwatch_write"

OPEN_CODE = "TW301"
MIGRATION_CODE = "TW302"


def describe(url: URL) -> str:
    """A URL fit for error messages: the file for SQLite, no password otherwise."""
    if url.get_backend_name() == "sqlite":
        return f"database file {url.database}" if _is_file(url) else "in-memory database"
    return f"database {url.render_as_string(hide_password=True)}"


def _is_file(url: URL) -> bool:
    return bool(url.database) and url.database != ":memory:"


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {url!r}", code=OPEN_CODE) from exc


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # BEGIN is emitted by _on_begin below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; far fewer fsyncs
        finally:
            cursor.close()
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_store_engine(url: str) -> Engine:
    """An engine for ``url`` with the per-backend settings above; nothing is connected yet."""
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {}
    if backend == "sqlite" and not _is_file(parsed):
        # Every new connection to ":memory:" is a new empty database: share one.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif backend == "postgresql":
        kwargs.update(pool_pre_ping=True)
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use {describe(parsed)}: {exc}", code=OPEN_CODE) from exc
    if backend == "sqlite":
        _tune_sqlite(engine)
    return engine


def alembic_config() -> Config:
    """Alembic settings built in code, so no alembic.ini is needed in the working directory."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision shipped with this package (``alembic upgrade
    head``), in one transaction; a no-op when it is already there."""
    config = alembic_config()
    where = describe(engine.url)
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(select(func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(
            f"cannot migrate {where}: {exc} (was it written by a newer tensionwatch?)",
            code=MIGRATION_CODE,
        ) from exc
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        if isinstance(reason, sqlite3.OperationalError) and "unable to open" in str(reason):
            raise StoreError(f"cannot open {where}: {reason}", code=OPEN_CODE) from exc
        raise StoreError(f"cannot open or migrate {where}: {reason}", code=OPEN_CODE) from exc
