"""``events`` (resolve + link), ``alerts`` (spikes per group × region), ``waves``, ``event``."""

from __future__ import annotations

import json
from datetime import date

import typer
from rich.table import Table

from tensionwatch.cli.commands import EXIT_NOT_FOUND, EXIT_STORE, _fail, _parse_date, _state
from tensionwatch.cli.render import count_text
from tensionwatch.errors import TensionwatchError
from tensionwatch.serialize import to_dict


def events(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """Group incidents into events (dedup across articles) and link backlash to triggers."""
    from tensionwatch.batch.events import resolve_and_link
    from tensionwatch.store import open_store

    state = _state(ctx)
    try:
        with open_store(state.settings.db_url) as store:
            summary = resolve_and_link(store)
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc
    if as_json:
        payload = {
            "incidents": summary.incidents,
            "events": [to_dict(e) for e in summary.events],
            "links": [to_dict(link) for link in summary.links],
        }
        state.console.print_json(json.dumps(payload))
        return
    triggers = {link.source_id: link for link in summary.links}
    table = Table(
        title=f"{len(summary.events)} events from {summary.incidents} incidents", expand=True
    )
    for column in (
        "event",
        "type",
        "date",
        "place",
        "killed",
        "injured",
        "sources",
        "trigger (score)",
    ):
        table.add_column(column, overflow="fold")
    for event in summary.events:
        link = triggers.get(event.id)
        place = event.places[0] if event.places else None
        table.add_row(
            event.id[:12],
            event.type.value + (" ⚑terror" if event.is_terrorism else ""),
            event.date.end.isoformat() if event.date and event.date.end else "",
            (place.resolved or place.name) if place else "",
            count_text(event.killed),
            count_text(event.injured),
            str(len(event.article_ids)),
            f"{link.trigger_id[:12]} ({link.score:.2f}, {link.cue})" if link else "",
        )
    state.console.print(table)


def alerts(
    ctx: typer.Context,
    today: str | None = typer.Option(
        None, "--today", help="Score up to this day (default: today)."
    ),
    lookback: int = typer.Option(30, "--lookback", min=1, help="Days ending TODAY to score."),
    method: str = typer.Option("ears_c2", "--method", help="ears_c1 | ears_c2 | ears_c3 | poisson"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Raise alerts where bias-motivated incidents against a group spike in a region."""
    from tensionwatch.analyze import AlertOptions, BaselineOptions, Method
    from tensionwatch.batch.events import run_alerts
    from tensionwatch.store import open_store

    state = _state(ctx)
    try:
        chosen = Method(method)
    except ValueError as exc:
        raise typer.BadParameter(f"unknown method {method!r}", param_hint="--method") from exc
    day = _parse_date(today, "--today") or date.today()
    options = AlertOptions(baseline=BaselineOptions(method=chosen), lookback_days=lookback)
    try:
        with open_store(state.settings.db_url) as store:
            found = run_alerts(store, day, options)
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc
    if as_json:
        state.console.print_json(json.dumps([to_dict(a) for a in found]))
        return
    table = Table(
        title=f"{len(found)} alerts ({chosen.value}, {lookback} days to {day})", expand=True
    )
    for column in ("group", "region", "window", "observed", "expected", "score", "trigger"):
        table.add_column(column, overflow="fold")
    for alert in found:
        table.add_row(
            alert.group,
            alert.region,
            f"{alert.window_start} … {alert.window_end}",
            str(alert.observed),
            f"{alert.expected:.2f}",
            f"{alert.score:.2f}",
            (alert.trigger_id or "")[:12],
        )
    state.console.print(table)


def waves_command(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """Backlash waves: incidents linked to each trigger, by day since the trigger."""
    from tensionwatch.batch.events import backlash_waves
    from tensionwatch.store import open_store

    state = _state(ctx)
    try:
        with open_store(state.settings.db_url) as store:
            found = backlash_waves(store)
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc
    if as_json:
        state.console.print_json(json.dumps([{**to_dict(w), "total": w.total} for w in found]))
        return
    for wave in found:
        days = " ".join(f"d{i}:{n}" for i, n in enumerate(wave.counts) if n)
        state.console.print(
            f"trigger {wave.trigger_id[:12]} ({wave.trigger_date}): {wave.total} linked; {days}"
        )


def event(ctx: typer.Context, event_id: str, as_json: bool = typer.Option(False, "--json")) -> None:
    """One event: merged fields, every source article and the conflicts between reports."""
    from tensionwatch.store import open_store

    state = _state(ctx)
    try:
        with open_store(state.settings.db_url) as store:
            found = store.get_event(event_id)
            if found is None:
                state.err.print(f"[red]error[/red] no event {event_id!r}")
                raise typer.Exit(EXIT_NOT_FOUND)
            if as_json:
                state.console.print_json(json.dumps(to_dict(found)))
                return
            state.console.print(
                f"[bold]event {found.id}[/bold] {found.type.value}"
                f" killed {count_text(found.killed)} injured {count_text(found.injured)}"
            )
            for article_id in found.article_ids:
                article = store.get_article(article_id)
                title = (article.title or article.source or "") if article else ""
                url = (article.url or "") if article else ""
                published = article.published if article else None
                state.console.print(f"  source {article_id} {published or ''} {title} {url}")
            for conflict in found.conflicts:
                state.console.print(f"  [yellow]conflict[/yellow] {conflict}")
    except TensionwatchError as exc:
        raise _fail(state, exc, EXIT_STORE) from exc


def register(app: typer.Typer) -> None:
    app.command()(events)
    app.command()(alerts)
    app.command("waves")(waves_command)
    app.command()(event)
