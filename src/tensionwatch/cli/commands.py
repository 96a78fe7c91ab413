"""Core commands: ingest, extract, show, export. Each is a few lines over the library.

Exit codes: 0 success; 1 nothing could be done (nothing ingested, every article failed);
2 usage or configuration error; 3 storage error; 4 not found.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from tensionwatch.cli.context import CliState
from tensionwatch.cli.render import incident_detail, incidents_table
from tensionwatch.errors import TensionwatchError

EXIT_NOTHING = 1
EXIT_CONFIG = 2
EXIT_STORE = 3
EXIT_NOT_FOUND = 4


def _state(ctx: typer.Context) -> CliState:
    state = ctx.obj
    assert isinstance(state, CliState)
    return state


def _fail(state: CliState, error: TensionwatchError, code: int) -> typer.Exit:
    state.err.print(f"[red]error[/red] {error}")
    return typer.Exit(code)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from exc


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files or folders; '-' reads stdin."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date for plain text without a date header."
    ),
    text_field: str = typer.Option("text", help="JSONL/CSV field holding the article text."),
    title_field: str = typer.Option("title", help="JSONL/CSV field holding the title."),
    url_field: str = typer.Option("url", help="JSONL/CSV field holding the URL."),
    date_field: str = typer.Option("date", help="JSONL/CSV field holding the publication date."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON summary."),
) -> None:
    """Read articles from files, folders or stdin into the database (each stored once)."""
    from tensionwatch.batch import Pipeline
    from tensionwatch.ingest import IngestOptions
    from tensionwatch.store import open_store

    state = _state(ctx)
    options = IngestOptions(
        published=_parse_date(published, "--published"),
        text_field=text_field,
        title_field=title_field,
        url_field=url_field,
        date_field=date_field,
    )
    try:
        with open_store(state.settings.db_url) as store:
            report, added, existing = Pipeline(store).ingest(paths, options, stdin=sys.stdin)
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc
    failed = [p for p in report.problems if p.fatal]
    warnings = [p for p in report.problems if not p.fatal]
    if as_json:
        state.console.print_json(
            json.dumps(
                {
                    "ingested": added,
                    "already_stored": existing,
                    "duplicates": report.duplicates,
                    "failed": len(failed),
                    "problems": [
                        {"source": p.source, "code": p.code, "reason": p.reason, "fatal": p.fatal}
                        for p in report.problems
                    ],
                }
            )
        )
    else:
        for problem in report.problems:
            colour = "red" if problem.fatal else "yellow"
            state.err.print(
                f"[{colour}]{problem.code}[/{colour}] {problem.source}: {problem.reason}"
            )
        state.console.print(
            f"ingested {added}, already stored {existing + report.duplicates}, "
            f"skipped with warnings {len(warnings)}, failed {len(failed)}"
        )
    if added + existing == 0:
        raise typer.Exit(EXIT_NOTHING)


def extract(
    ctx: typer.Context,
    file: Path | None = typer.Argument(
        None, help="Extract straight from this file (no database); default: pending articles."
    ),
    published: str | None = typer.Option(None, "--published", help="Publication date for FILE."),
    limit: int | None = typer.Option(None, help="At most this many pending articles."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes (one model each)."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON contract."),
) -> None:
    """Extract incidents from pending articles (or straight from FILE with --json)."""
    state = _state(ctx)
    if file is not None:
        _extract_file(state, file, _parse_date(published, "--published"), as_json)
        return
    from tensionwatch.batch import Pipeline
    from tensionwatch.store import open_store

    try:
        with open_store(state.settings.db_url) as store:
            pipeline = Pipeline(store)
            with _progress(state, as_json) as bar:
                task = bar.add_task("extracting", total=None)
                summary = pipeline.extract_pending(
                    limit=limit,
                    workers=workers,
                    on_start=lambda n: bar.update(task, total=n),
                    progress=lambda n: bar.advance(task, n),
                )
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc
    for article_id, error in summary.failed:
        state.err.print(f"[red]failed[/red] article {article_id}: {error}")
    if as_json:
        state.console.print_json(
            json.dumps(
                {
                    "articles": summary.articles,
                    "incidents": summary.incidents,
                    "failed": [{"article_id": a, "error": e} for a, e in summary.failed],
                }
            )
        )
    else:
        state.console.print(
            f"extracted {summary.incidents} incidents from {summary.articles} articles"
            f" ({len(summary.failed)} failed)"
        )
    if summary.articles and len(summary.failed) == summary.articles:
        raise typer.Exit(EXIT_NOTHING)


def _extract_file(state: CliState, file: Path, published: date | None, as_json: bool) -> None:
    from tensionwatch.extract.pipeline import Extractor
    from tensionwatch.ingest import IngestOptions, read_paths
    from tensionwatch.serialize import document

    report = read_paths([str(file)], IngestOptions(published=published))
    for problem in report.problems:
        state.err.print(f"[yellow]{problem.code}[/yellow] {problem.source}: {problem.reason}")
    if not report.articles:
        raise typer.Exit(EXIT_NOTHING)
    try:
        extractor = Extractor()
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_CONFIG) from exc
    docs = []
    for article in report.articles:
        incidents = extractor.extract_article(article)
        docs.append((article, incidents))
    if as_json:
        payload = [document(a, i) for a, i in docs]
        out = payload[0] if len(payload) == 1 else payload
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    for article, incidents in docs:
        state.console.print(
            incidents_table(incidents, title=article.title or article.source or article.id)
        )
        for incident in incidents:
            state.console.print(incident_detail(incident, article))


def show(
    ctx: typer.Context,
    incident_id: str | None = typer.Argument(None, help="Show one incident with its evidence."),
    type_: str | None = typer.Option(None, "--type", help="Filter by incident type."),
    group: str | None = typer.Option(None, "--group", help="Filter by targeted group."),
    country: str | None = typer.Option(None, "--country", help="Filter by ISO country code."),
    since: str | None = typer.Option(None, "--since", help="Events on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Events on or before (YYYY-MM-DD)."),
    text: str | None = typer.Option(None, "--text", help="Article text contains this."),
    limit: int = typer.Option(50, "--limit", min=1),
    evidence: bool = typer.Option(False, "--evidence", help="Quote each incident's evidence."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List stored incidents, or show one with its evidence quoted in context."""
    from tensionwatch.serialize import to_dict
    from tensionwatch.store import IncidentFilter, open_store

    state = _state(ctx)
    try:
        with open_store(state.settings.db_url) as store:
            if incident_id is not None:
                incident = store.get_incident(incident_id)
                if incident is None:
                    state.err.print(f"[red]error[/red] no incident {incident_id!r}")
                    raise typer.Exit(EXIT_NOT_FOUND)
                article = store.get_article(incident.article_id)
                if as_json:
                    state.console.print_json(json.dumps(to_dict(incident)))
                else:
                    state.console.print(incident_detail(incident, article))
                return
            filters = IncidentFilter(
                type=type_,
                group=group,
                country=country,
                since=_parse_date(since, "--since"),
                until=_parse_date(until, "--until"),
                text=text,
                limit=limit,
            )
            incidents = store.list_incidents(filters)
            if as_json:
                sys.stdout.write(
                    json.dumps([to_dict(i) for i in incidents], ensure_ascii=False) + "\n"
                )
                return
            state.console.print(
                incidents_table(incidents, title=f"{store.count_incidents(filters)} incidents")
            )
            if evidence:
                for incident in incidents:
                    state.console.print(
                        incident_detail(incident, store.get_article(incident.article_id))
                    )
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc


def export(
    ctx: typer.Context,
    format_: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default: stdout)."),
) -> None:
    """Export every stored incident as JSON Lines or ACLED-like CSV."""
    from tensionwatch.serve.exports import EXPORTERS
    from tensionwatch.store import open_store

    state = _state(ctx)
    exporter = EXPORTERS.get(format_)
    if exporter is None:
        state.err.print(
            f"[red]error[/red] unknown format {format_!r}; choose {', '.join(EXPORTERS)}"
        )
        raise typer.Exit(EXIT_CONFIG)
    try:
        with open_store(state.settings.db_url) as store:
            stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                count = exporter(store, stream)
            finally:
                if output:
                    stream.close()
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc
    state.err.print(f"exported {count} incidents")


def _progress(state: CliState, quiet: bool) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=state.err,
        disable=quiet or not state.err.is_terminal,
    )


def register(app: typer.Typer) -> None:
    from tensionwatch.cli import eval_cmd, events_cmd

    app.command()(ingest)
    app.command()(extract)
    app.command()(show)
    app.command()(export)
    events_cmd.register(app)
    eval_cmd.register(app)
