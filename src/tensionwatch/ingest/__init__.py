"""Ingest: files, folders and standard input in; ``Article`` records and problems out.

Formats: plain text (optionally behind a `` date YYYY-MM-DD `` header), JSON Lines, JSON,
CSV/TSV and HTML (main text via trafilatura). No network code: fetching belongs elsewhere.
Bad input never raises; it becomes an ``IngestProblem`` with a stable code:

====== ============================================================== =========
code   meaning                                                        fatal
====== ============================================================== =========
TW101  binary file (NUL bytes or mostly control bytes in first 8 KiB) yes
TW102  invalid UTF-8 at byte N; as a warning: decoded as cp1252       yes / no
TW103  empty or whitespace-only file; JSON array or CSV with no rows  yes
TW104  file larger than ``IngestOptions.max_bytes``                   yes
TW105  malformed JSON document, JSON line or CSV row                  file/line
TW106  missing text field or column, or empty text                    file/line
TW107  date that does not parse; the article keeps a fallback date    no
TW108  no text extracted from an HTML page                            yes
TW109  unreadable path: missing, permission denied, not a file        yes
TW110  JSON value that is not an object (a number, a list, ...)       file/line
TW111  article longer than ``IngestOptions.max_article_chars``        file/line
====== ============================================================== =========

"fatal" marks a whole file that yields nothing; a problem with one line or record of a file
is not fatal, and the rest of the file loads. A bad date is a warning: the article is
ingested with ``IngestOptions.published`` (or None) and the problem says which date was used.
"""

from __future__ import annotations

from tensionwatch.ingest.base import IngestOptions, IngestProblem, ProblemCode
from tensionwatch.ingest.files import iter_records, sniff_format
from tensionwatch.ingest.report import IngestReport, read_paths
from tensionwatch.ingest.text import read_text

__all__ = [
    "IngestOptions",
    "IngestProblem",
    "IngestReport",
    "ProblemCode",
    "iter_records",
    "read_paths",
    "read_text",
    "sniff_format",
]
