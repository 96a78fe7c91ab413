"""Plain text: one file (or string) is one article, optionally behind a date header.

The seed corpus stores the publication date in a one-line header, `` date 2024-03-25 ``
followed by the article itself on the same line. The header is removed so that evidence
offsets count from the article's first word; everything after it is kept exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from tensionwatch.ingest.base import IngestOptions, IngestProblem
from tensionwatch.ingest.fields import ArticleFields, build_article, date_problem, make_article
from tensionwatch.models import Article

_HEADER = re.compile(r"\A\s*(?i:date)[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)")
_MAX_TITLE_CHARS = 150


@dataclass(frozen=True, slots=True)
class PlainText:
    """A text split into its optional date header and the article body."""

    body: str
    header_date: str | None = None

    @property
    def published(self) -> date | None:
        """The header date, or None when absent or not a real calendar day (2024-02-30)."""
        if self.header_date is None:
            return None
        try:
            return date.fromisoformat(self.header_date)
        except ValueError:
            return None


def split_header(text: str) -> PlainText:
    """Separate a leading `` date YYYY-MM-DD `` header; the body loses leading whitespace only."""
    match = _HEADER.match(text)
    if match is None:
        return PlainText(body=text.lstrip())
    return PlainText(body=text[match.end() :].lstrip(), header_date=match.group(1))


def guess_title(body: str) -> str | None:
    """A short first line followed by a blank line reads as a headline.

    A first line ending in a full stop is a sentence, not a headline. The title is only
    metadata: it stays in the body, so offsets are unaffected.
    """
    first, _, rest = body.partition("\n")
    first = first.strip()
    following = rest.partition("\n")[0]
    headline_shaped = 0 < len(first) <= _MAX_TITLE_CHARS and not first.endswith(".")
    return first if headline_shaped and not following.strip() and rest.strip() else None


def read_text(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """One Article from a string (the Python API's ``extract(text, published=...)``).

    An explicit ``published`` wins over a date header, because the caller is describing this
    very text; the header is used when ``published`` is None. Never raises: an empty string
    gives an Article with empty text, for the caller to judge.
    """
    plain = split_header(text)
    fields = ArticleFields(
        text=plain.body,
        source=source,
        url=url,
        title=title if title is not None else guess_title(plain.body),
        published=published if published is not None else plain.published,
    )
    return make_article(fields)


def read_plain(text: str, where: str, options: IngestOptions) -> Iterator[Article | IngestProblem]:
    """A text file as one article; the header date wins over ``options.published``.

    ``options.published`` is a default for many files, while a header is about this file.
    """
    plain = split_header(text)
    published = plain.published
    if plain.header_date is not None and published is None:
        yield date_problem(where, plain.header_date, options.published)
    fields = ArticleFields(
        text=plain.body,
        source=where,
        title=guess_title(plain.body),
        published=published if published is not None else options.published,
    )
    yield build_article(fields, options, where, fatal=True)
