"""Shared record helpers: field-name aliases, publication dates and building an Article.

Every reader goes through ``build_article`` so that ids, timestamps and the size limit are
applied in exactly one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from dateutil import parser as date_parser

from tensionwatch.ingest.base import IngestOptions, IngestProblem, ProblemCode
from tensionwatch.models import Article, article_id

# Tried, in order, after the configured field name, when a record lacks that name.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "date": ("date", "published", "dct", "pubdate", "published_at"),
    "source": ("source",),
    "language": ("language", "lang"),
}
_MAX_DATE_CHARS = 100
# Two far-apart defaults: a component dateutil fills in from them differs between the parses.
_PROBE_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 12, 28))


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """What a reader found for one article, before it becomes an ``Article``.

    ``source`` becomes ``Article.source`` (the file, or the record's own source field);
    problems are located separately, by the ``where`` given to ``build_article``.
    """

    text: str
    source: str | None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None


def field_names(options: IngestOptions, role: str) -> tuple[str, ...]:
    """The configured name for ``role`` followed by its aliases, without repeats."""
    configured = {
        "text": options.text_field,
        "title": options.title_field,
        "url": options.url_field,
        "date": options.date_field,
        "source": options.source_field,
    }.get(role)
    names = ((configured,) if configured else ()) + ALIASES[role]
    return tuple(dict.fromkeys(names))


def lookup(record: Mapping[str, object], names: tuple[str, ...]) -> tuple[str, object] | None:
    """The first of ``names`` present with a non-null value, matched exactly, then ignoring case.

    Returns ``(key, value)`` so that problems can name the key actually used.
    """
    for name in names:
        if record.get(name) is not None:
            return name, record[name]
    folded = {str(key).strip().casefold(): key for key in record}
    for name in names:
        key = folded.get(name.casefold())
        if key is not None and record[key] is not None:
            return key, record[key]
    return None


def scalar_text(value: object) -> str | None:
    """A metadata value (title, url, source) as a stripped string; None when unusable."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None


def parse_date(value: object) -> date | None:
    """A calendar date from an ISO string, a common written format or a datetime.

    Month-first for ambiguous numeric dates (``dayfirst=False``). Datetimes keep the date as
    written, in their own timezone, because that is the date the newsroom printed. A value
    missing its day, month or year (``"March 2024"``) is refused rather than completed with
    an invented day, since relative dates ("last Friday") are resolved against it.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    parsed = []
    for default in _PROBE_DEFAULTS:
        try:
            # ignoretz: the printed date is wanted, and it avoids UnknownTimezoneWarning.
            result = date_parser.parse(text, default=default, dayfirst=False, ignoretz=True)
        except (ValueError, OverflowError, TypeError):
            return None
        parsed.append(result.date())
    return parsed[0] if parsed[0] == parsed[1] else None


def date_problem(source: str, raw: object, fallback: date | None) -> IngestProblem:
    """The non-fatal warning for a date that does not parse; the article is still ingested."""
    shown = str(raw)
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    using = fallback.isoformat() if fallback else "no publication date"
    reason = f"date {shown!r} does not parse; using {using}"
    return IngestProblem(source=source, reason=reason, code=ProblemCode.BAD_DATE)


def build_article(
    fields: ArticleFields, options: IngestOptions, where: str, *, fatal: bool = False
) -> Article | IngestProblem:
    """The Article for ``fields``, or a problem at ``where`` for empty or oversized text.

    ``fatal`` is set by readers whose whole file is this one article.
    """
    if not fields.text.strip():
        return IngestProblem(where, "empty text", ProblemCode.MISSING_TEXT, fatal)
    if len(fields.text) > options.max_article_chars:
        reason = (
            f"article has {len(fields.text)} characters, "
            f"over the limit of {options.max_article_chars}"
        )
        return IngestProblem(where, reason, ProblemCode.ARTICLE_TOO_LONG, fatal)
    return make_article(fields)


def make_article(fields: ArticleFields) -> Article:
    """The Article itself: id from the text and URL, ``ingested_at`` now in UTC."""
    return Article(
        id=article_id(fields.text, fields.url),
        text=fields.text,
        url=fields.url,
        source=fields.source,
        title=fields.title,
        published=fields.published,
        language=fields.language,
        ingested_at=datetime.now(UTC),
    )
