"""The ``tensionwatch`` command: a thin layer over the library.

Each command group lives in its own module with a ``register(app)`` function, so the stages
stay independent and this file only wires them together.
"""

from __future__ import annotations

import typer

from tensionwatch.cli.context import CliState
from tensionwatch.config import Settings

app = typer.Typer(
    name="tensionwatch",
    help="Turn news reports into a source-linked database of violent incidents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        envvar="TENSIONWATCH_DB",
        help="Database: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://...).",
    ),
) -> None:
    ctx.obj = CliState(settings=Settings.from_env(db))


def main() -> None:
    app()


def _register_all() -> None:
    from tensionwatch.cli import commands

    commands.register(app)


_register_all()
