"""The ingest stage's own records: options in, problems out.

Problems are values, not exceptions, because a batch over thousands of files must report every
bad file and keep going (STYLE.md habit 8); only the CLI turns them into an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ProblemCode(StrEnum):
    """Stable codes for ingest problems; never reuse a number for another meaning."""

    BINARY = "TW101"
    ENCODING = "TW102"
    EMPTY = "TW103"
    TOO_LARGE = "TW104"
    MALFORMED = "TW105"
    MISSING_TEXT = "TW106"
    BAD_DATE = "TW107"
    NO_HTML_TEXT = "TW108"
    UNREADABLE = "TW109"
    NOT_AN_OBJECT = "TW110"
    ARTICLE_TOO_LONG = "TW111"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources; one object passed explicitly (STYLE.md habit 7).

    The ``*_field`` names are tried first in JSON/CSV records; when a record lacks the
    configured name, the common aliases in ``fields.ALIASES`` are tried, so typical exports
    load without configuration.
    """

    published: date | None = None
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    date_field: str = "date"
    source_field: str = "source"
    max_bytes: int = 50_000_000
    max_article_chars: int = 2_000_000


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """Why a file or a record did not (fully) become an Article.

    ``fatal`` marks problems about a whole source (a file that yields nothing because of it);
    record-level problems (one bad line, one bad date) are not fatal, since the rest of the
    file still loads.
    """

    source: str
    reason: str
    code: str
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"
