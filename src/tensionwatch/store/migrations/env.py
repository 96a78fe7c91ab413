"""Alembic environment: runs on the connection that ``Store`` hands over.

``Store`` builds the Alembic ``Config`` in code and passes its open connection through
``config.attributes["connection"]``, so migrations run inside the store's own transaction and
no ``alembic.ini`` is needed in the working directory. A developer running Alembic by hand can
instead set ``sqlalchemy.url`` on the config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from tensionwatch.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set config.attributes['connection'] or the sqlalchemy.url option")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("tensionwatch migrations run online only (Store applies them on open)")
run_migrations_online()
