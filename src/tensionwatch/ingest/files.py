"""Paths to records: walking folders, reading bytes safely and choosing a reader.

The format comes from the extension; a file named explicitly with an unknown or no
extension, and standard input, are sniffed (HTML, JSON, JSON Lines, else plain text). A
folder walk is recursive and sorted by name, skips hidden entries and symlinked folders (no
cycles), and ignores unknown extensions silently, since folders hold other things than news.
Nothing here raises for bad input: every failure becomes an ``IngestProblem``.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from tensionwatch.ingest.base import IngestOptions, IngestProblem, ProblemCode
from tensionwatch.ingest.decode import check_text, decode_bytes
from tensionwatch.ingest.html import read_html
from tensionwatch.ingest.records import read_csv, read_json, read_jsonl
from tensionwatch.ingest.text import read_plain
from tensionwatch.models import Article

STDIN = "-"
STDIN_SOURCE = "<stdin>"
Record = Article | IngestProblem
Reader = Callable[[str, str, IngestOptions], Iterator[Record]]


class Format(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    HTML = "html"


EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".csv": Format.CSV,
    ".tsv": Format.TSV,
    ".html": Format.HTML,
    ".htm": Format.HTML,
}
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def _read_tsv(text: str, where: str, options: IngestOptions) -> Iterator[Record]:
    return read_csv(text, where, options, delimiter="\t")


READERS: dict[Format, Reader] = {
    Format.TEXT: read_plain,
    Format.JSONL: read_jsonl,
    Format.JSON: read_json,
    Format.CSV: read_csv,
    Format.TSV: _read_tsv,
    Format.HTML: read_html,
}


def iter_records(
    paths: Sequence[str | Path], options: IngestOptions, stdin: TextIO | None = None
) -> Iterator[Record]:
    """Articles and problems from files, folders and ``"-"`` (standard input), in order.

    ``stdin`` is read as text when given; otherwise ``sys.stdin``'s bytes are decoded like a
    file's, so that invalid UTF-8 on a pipe is reported rather than raised.
    """
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(stdin, options)
        else:
            yield from _read_path(Path(path), options)


def sniff_format(text: str) -> Format:
    """Guess the format of text with no telling extension."""
    head = text.lstrip()
    if head.startswith("<") and _HTML_START.match(head):
        return Format.HTML
    if head.startswith("["):
        return Format.JSON if _parses(text) else Format.TEXT
    if head.startswith("{"):
        first_line = head.partition("\n")[0]
        return Format.JSONL if _parses(first_line) else Format.JSON
    return Format.TEXT


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _read_path(path: Path, options: IngestOptions) -> Iterator[Record]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield _unreadable(str(path), exc)
        return
    if stat.S_ISDIR(mode):
        for item in _walk(path):
            if isinstance(item, IngestProblem):
                yield item
            else:
                yield from _read_file(item, options)
    elif stat.S_ISREG(mode):
        yield from _read_file(path, options)
    else:
        yield IngestProblem(str(path), "not a regular file", ProblemCode.UNREADABLE, True)


def _walk(folder: Path) -> Iterator[Path | IngestProblem]:
    """Files to ingest under ``folder``, depth first, sorted by name."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _unreadable(str(folder), exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_file() and (path.suffix == "" or path.suffix.lower() in EXTENSIONS):
                yield path
        except OSError as exc:
            yield _unreadable(str(path), exc)


def _read_file(path: Path, options: IngestOptions) -> Iterator[Record]:
    where = str(path)
    data = _read_bytes(path, options.max_bytes)
    if isinstance(data, IngestProblem):
        yield data
        return
    text, problems = decode_bytes(data, where)
    yield from problems
    if text is not None:
        fmt = EXTENSIONS.get(path.suffix.lower()) or sniff_format(text)
        yield from READERS[fmt](text, where, options)


def _read_bytes(path: Path, limit: int) -> bytes | IngestProblem:
    """The file's bytes, refusing files over ``limit`` before reading them whole."""
    try:
        size = path.stat().st_size
        if size > limit:
            return _too_large(str(path), f"{size} bytes", limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return _unreadable(str(path), exc)
    if len(data) > limit:  # the file grew after stat()
        return _too_large(str(path), f"over {limit} bytes", limit)
    return data


def _read_stdin(stdin: TextIO | None, options: IngestOptions) -> Iterator[Record]:
    limit = options.max_bytes
    stream = stdin if stdin is not None else sys.stdin
    buffer = getattr(stream, "buffer", None) if stdin is None else None
    try:
        if stream is None:
            raise OSError("no standard input")
        content = buffer.read(limit + 1) if buffer is not None else stream.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: closed stream or undecodable text
        yield _unreadable(STDIN_SOURCE, exc)
        return
    if len(content) > limit:
        # A text stream counts characters, not bytes: close enough for a safety limit.
        yield _too_large(STDIN_SOURCE, f"over {limit} bytes", limit)
        return
    if isinstance(content, bytes):
        text, problems = decode_bytes(content, STDIN_SOURCE)
    else:
        text, problems = check_text(content, STDIN_SOURCE)
    yield from problems
    if text is not None:
        yield from READERS[sniff_format(text)](text, STDIN_SOURCE, options)


def _too_large(where: str, size: str, limit: int) -> IngestProblem:
    reason = f"file is {size}, over the limit of {limit} bytes (IngestOptions.max_bytes)"
    return IngestProblem(where, reason, ProblemCode.TOO_LARGE, fatal=True)


def _unreadable(where: str, exc: Exception) -> IngestProblem:
    reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else None) or str(exc)
    return IngestProblem(where, f"cannot read: {reason}", ProblemCode.UNREADABLE, fatal=True)
