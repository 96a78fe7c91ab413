"""``tensionwatch eval``: score the extractor on a benchmark or a gold folder.

``tensionwatch eval muc4|wikievents|gva|gold PATH [--split] [--predictions FILE]
[--write-predictions FILE] [--limit N] [--sample-seed S] [--json]``

PATH is the dataset folder (``../shared/data/muc4``, ``…/wikievents``,
``…/gva_semeval2018t5``) or a gold folder (``gold.json`` + article files). For MUC-4,
``--predictions``/``--write-predictions`` use GTT's released JSON shape; for the others,
JSON Lines of tensionwatch documents keyed by ``article.id``. Exit codes as in
``commands``: 2 bad input or no extractor, 4 a data file or split not found.

Besides extraction, ``gva`` scores deduplication (rows ``bcubed`` and ``pairwise``; ``events``
vs ``true_incidents`` in the info) and ``gold`` scores events (``events``, ``events.pairwise``)
and backlash links (``links``): the predictions go through ``tensionwatch.resolve.cluster``
and ``tensionwatch.link.link_incidents`` (rules in :mod:`tensionwatch.evaluate.gva` and
:mod:`tensionwatch.evaluate.gold`). With ``--limit`` on a gold folder, only the gold links
whose two events are annotated in the chosen articles are expected.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from tensionwatch.cli.context import CliState
from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate import gold, gva, muc4, wikievents
from tensionwatch.evaluate.common import (
    ExtractFn,
    Report,
    load_extract_fn,
    read_incident_predictions,
    write_incident_predictions,
)
from tensionwatch.models import Article, Incident

EXIT_INPUT = 2
EXIT_NOT_FOUND = 4
_NOT_FOUND_CODES = {"TW401", "TW403"}

T = TypeVar("T")


class MucSystem(StrEnum):
    AUTO = "auto"  # the trained role tagger when its weights are installed, else the rules
    TAGGER = "tagger"
    RULES = "rules"


class Dataset(StrEnum):
    MUC4 = "muc4"
    WIKIEVENTS = "wikievents"
    GVA = "gva"
    GOLD = "gold"


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def _take(items: Sequence[T], limit: int | None, seed: int | None) -> list[T]:
    """The first ``limit`` items, or ``limit`` drawn with ``seed`` (kept in input order)."""
    if limit is None or limit >= len(items):
        return list(items)
    if seed is None:
        return list(items[:limit])
    return [items[i] for i in sorted(random.Random(seed).sample(range(len(items)), limit))]


@contextmanager
def _progress(state: CliState, total: int, label: str) -> Iterator[Callable[[], None]]:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=state.err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def _run(
    state: CliState,
    articles: Sequence[Article],
    extract_fn: ExtractFn,
) -> dict[str, list[Incident]]:
    predictions: dict[str, list[Incident]] = {}
    with _progress(state, len(articles), "extracting") as advance:
        for a in articles:
            predictions[a.id] = list(extract_fn(a.text, a.published, a.id, a.title))
            advance()
    return predictions


def _evaluate(
    state: CliState,
    dataset: Dataset,
    path: Path,
    split: str,
    predictions_file: Path | None,
    write_file: Path | None,
    limit: int | None,
    seed: int | None,
    system: MucSystem = MucSystem.AUTO,
) -> Report:
    if dataset is Dataset.MUC4:
        docs = _take(muc4.load_muc4(path, split), limit, seed)
        if predictions_file is not None:
            predicted = muc4.align_predictions(docs, muc4.read_predictions(predictions_file))
        else:
            use_tagger = system is MucSystem.TAGGER or (
                system is MucSystem.AUTO and muc4.tagger_installed()
            )
            with _progress(state, len(docs), "extracting") as advance:
                if use_tagger:
                    analyze_fn = muc4.load_analyze_fn()
                    templates = muc4.predict_muc4_tagged(
                        docs, analyze_fn, load_extract_fn(), progress=advance
                    )
                else:
                    templates = muc4.predict_muc4(docs, load_extract_fn(), advance)
            if write_file is not None:
                muc4.write_predictions(write_file, templates)
            predicted = muc4.as_predictions(templates)
        report = muc4.evaluate_muc4(docs, predicted)
        report.info["split"] = split
        if predictions_file is None:
            report.info["system"] = "tagger" if use_tagger else "rules"
        return report

    articles: list[Article]
    score: Callable[[dict[str, list[Incident]]], Report]
    if dataset is Dataset.GVA:
        sample = gva.sample_articles(gva.load_gva(path), limit, seed)
        articles = [Article(a.id, a.text, title=a.title, published=a.published) for a in sample]
        score = lambda preds: gva.score_predictions(sample, preds)  # noqa: E731
    elif dataset is Dataset.WIKIEVENTS:
        wiki_docs = _take(wikievents.load_wikievents(path, split), limit, seed)
        articles = [Article(d.id, d.text, published=d.published) for d in wiki_docs]
        score = lambda preds: wikievents.score_predictions(wiki_docs, preds)  # noqa: E731
    else:
        gold_set = gold.load_gold(path)
        chosen = tuple(_take(gold_set.articles, limit, seed))
        keys = {g.event_key for a in chosen for g in a.incidents}
        links = frozenset(link for link in gold_set.links if set(link) <= keys)
        gold_set = gold.GoldSet(chosen, links)
        articles = [Article(a.name, a.text, published=a.published) for a in gold_set.articles]
        score = lambda preds: gold.score_predictions(gold_set, preds)  # noqa: E731

    if predictions_file is not None:
        predictions = read_incident_predictions(predictions_file)
    else:
        predictions = _run(state, articles, load_extract_fn())
        if write_file is not None:
            write_incident_predictions(write_file, articles, predictions)
    return score(predictions)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def render(report: Report) -> list[Table]:
    """A P/R/F1 table and/or an accuracy table; the title carries the report's counts."""
    info = ", ".join(f"{k} {v}" for k, v in report.info.items())
    title = f"{report.dataset} ({info})" if info else report.dataset
    tables = []
    if report.prf:
        table = Table(title=title)
        for column in ("metric", "P", "R", "F1", "correct/pred", "found/gold"):
            table.add_column(column, justify="left" if column == "metric" else "right")
        for name, prf in report.prf.items():
            table.add_row(
                name,
                f"{prf.precision:.2%}",
                f"{prf.recall:.2%}",
                f"{prf.f1:.2%}",
                f"{_fmt(prf.p_num)}/{_fmt(prf.p_den)}",
                f"{_fmt(prf.r_num)}/{_fmt(prf.r_den)}",
            )
        tables.append(table)
    if report.accuracy:
        table = Table(title=None if report.prf else title)
        for column in ("field", "accuracy", "correct", "total"):
            table.add_column(column, justify="left" if column == "field" else "right")
        for name, acc in report.accuracy.items():
            table.add_row(name, f"{acc.value:.2%}", str(acc.correct), str(acc.total))
        tables.append(table)
    return tables


def eval_command(
    ctx: typer.Context,
    dataset: Dataset = typer.Argument(..., help="Benchmark: muc4, wikievents, gva or gold."),
    path: Path = typer.Argument(..., help="Dataset folder (or file), or a gold folder."),
    split: str = typer.Option("dev", "--split", help="train, dev or test (MUC-4, WikiEvents)."),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Score this predictions file instead of running the extractor."
    ),
    write_predictions: Path | None = typer.Option(
        None, "--write-predictions", help="Also write the extractor's predictions to this file."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score only N documents."),
    sample_seed: int | None = typer.Option(
        None, "--sample-seed", help="With --limit: draw the N documents with this seed."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    system: MucSystem = typer.Option(
        MucSystem.AUTO,
        "--system",
        help="MUC-4: the trained role tagger, the rules, or auto (the tagger when installed).",
    ),
) -> None:
    """Score extraction against a benchmark (P/R/F1 per field; accuracy for GVA)."""
    state = ctx.obj
    assert isinstance(state, CliState)
    if split not in muc4.SPLITS:
        raise typer.BadParameter(f"{split!r}: use train, dev or test", param_hint="--split")
    try:
        report = _evaluate(
            state, dataset, path, split, predictions, write_predictions, limit, sample_seed, system
        )
    except EvaluationError as exc:
        state.err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(EXIT_NOT_FOUND if exc.code in _NOT_FOUND_CODES else EXIT_INPUT) from exc
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for table in render(report):
            state.console.print(table)
