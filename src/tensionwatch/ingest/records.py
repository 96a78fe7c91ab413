"""Structured sources: JSON Lines, JSON and CSV/TSV, one record per article.

A bad record costs only itself: a malformed JSON line or an empty CSV row is reported with its
line number and the rest of the file still loads. Problems about the whole file (a CSV with no
text column, a JSON document that does not parse) are fatal for that file only.

Locations: ``file:LINE`` for JSON Lines and CSV (the physical line where the record starts),
``file#N`` for the N-th item (from 1) of a JSON array.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping

from tensionwatch.ingest.base import IngestOptions, IngestProblem, ProblemCode
from tensionwatch.ingest.fields import (
    ArticleFields,
    build_article,
    date_problem,
    field_names,
    lookup,
    parse_date,
    scalar_text,
)
from tensionwatch.models import Article

# csv's limit is a C long; 2**31 - 1 fits on every platform.
_MAX_CSV_FIELD = 2**31 - 1


def read_jsonl(text: str, where: str, options: IngestOptions) -> Iterator[Article | IngestProblem]:
    """One JSON object per line; blank lines are ignored.

    Lines are split on ``\\n`` only: JSON strings may legally hold U+2028, which
    ``str.splitlines`` would treat as a line break.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield IngestProblem(here, _json_reason(exc), ProblemCode.MALFORMED)
            continue
        yield from _from_value(value, here, where, options)


def read_json(text: str, where: str, options: IngestOptions) -> Iterator[Article | IngestProblem]:
    """A JSON document holding either one article object or a list of them."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield IngestProblem(where, _json_reason(exc), ProblemCode.MALFORMED, fatal=True)
        return
    if not isinstance(value, list):
        yield from _from_value(value, where, where, options, fatal=True)
        return
    if not value:
        yield IngestProblem(where, "no records (empty JSON array)", ProblemCode.EMPTY, fatal=True)
    for index, item in enumerate(value, start=1):
        yield from _from_value(item, f"{where}#{index}", where, options)


def read_csv(
    text: str, where: str, options: IngestOptions, *, delimiter: str = ","
) -> Iterator[Article | IngestProblem]:
    """A CSV (or TSV) file with a header row naming the fields."""
    _ensure_field_limit(options.max_article_chars)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as exc:
        yield IngestProblem(f"{where}:1", f"not valid CSV: {exc}", ProblemCode.MALFORMED, True)
        return
    text_names = field_names(options, "text")
    if lookup(dict.fromkeys(header, ""), text_names) is None:
        found = ", ".join(repr(name) for name in header) or "none"
        reason = f"no text column (tried {', '.join(text_names)}); found columns: {found}"
        yield IngestProblem(where, reason, ProblemCode.MISSING_TEXT, fatal=True)
        return
    row_number = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = f"not valid CSV: {exc}; the rest of the file is skipped"
            yield IngestProblem(f"{where}:{start}", reason, ProblemCode.MALFORMED)
            return
        if not row:
            continue
        row_number += 1
        record = dict(zip(header, row, strict=False))
        found_text = lookup(record, text_names)
        if found_text is None or not str(found_text[1]).strip():
            reason = f"row {row_number} has empty text"
            yield IngestProblem(f"{where}:{start}", reason, ProblemCode.MISSING_TEXT)
            continue
        yield from record_articles(record, f"{where}:{start}", where, options)
    if row_number == 0:
        yield IngestProblem(where, "no records (header only)", ProblemCode.EMPTY, fatal=True)


def record_articles(
    record: Mapping[str, object],
    here: str,
    file_source: str,
    options: IngestOptions,
    *,
    fatal: bool = False,
) -> Iterator[Article | IngestProblem]:
    """One record as an Article, preceded by a warning when its date does not parse."""
    found_text = lookup(record, field_names(options, "text"))
    if found_text is None:
        keys = ", ".join(repr(str(key)) for key in record) or "none"
        tried = ", ".join(field_names(options, "text"))
        reason = f"no text field (tried {tried}); found fields: {keys}"
        yield IngestProblem(here, reason, ProblemCode.MISSING_TEXT, fatal)
        return
    key, text = found_text
    if not isinstance(text, str):
        reason = f"field {key!r} is {_kind(text)}, not a string"
        yield IngestProblem(here, reason, ProblemCode.MISSING_TEXT, fatal)
        return
    published = options.published
    found_date = lookup(record, field_names(options, "date"))
    if found_date is not None and str(found_date[1]).strip():
        parsed = parse_date(found_date[1])
        if parsed is None:
            yield date_problem(here, found_date[1], options.published)
        else:
            published = parsed
    fields = ArticleFields(
        text=text,
        source=_scalar(record, field_names(options, "source")) or file_source,
        url=_scalar(record, field_names(options, "url")),
        title=_scalar(record, field_names(options, "title")),
        published=published,
        language=_scalar(record, field_names(options, "language")),
    )
    yield build_article(fields, options, here, fatal=fatal)


def _from_value(
    value: object, here: str, file_source: str, options: IngestOptions, *, fatal: bool = False
) -> Iterator[Article | IngestProblem]:
    if not isinstance(value, dict):
        reason = f"expected a JSON object, found {_kind(value)}"
        yield IngestProblem(here, reason, ProblemCode.NOT_AN_OBJECT, fatal)
        return
    yield from record_articles(value, here, file_source, options, fatal=fatal)


def _scalar(record: Mapping[str, object], names: tuple[str, ...]) -> str | None:
    found = lookup(record, names)
    return scalar_text(found[1]) if found is not None else None


def _json_reason(exc: ValueError | RecursionError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "not valid JSON: nested too deeply"
    return f"not valid JSON: {exc}"


def _kind(value: object) -> str:
    """JSON's name for a decoded value's type, with its article, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return "null" if value is None else names.get(type(value), "a number")


def _ensure_field_limit(chars: int) -> None:
    """Let a CSV field hold a whole article (csv's default is 128 KiB).

    ``csv.field_size_limit`` is process-wide, so it is only ever raised, never lowered.
    """
    wanted = min(chars + 1, _MAX_CSV_FIELD)
    if wanted > csv.field_size_limit():
        csv.field_size_limit(wanted)
