"""HTML pages: the article's main text via trafilatura, title and date from its metadata.

trafilatura drops scripts, styles, navigation and event-handler attributes, so hostile markup
never reaches ``Article.text``; what is left is the text reviewers will see highlighted.
trafilatura is imported on first use because it pulls in lxml and htmldate, which most
ingest runs (plain text, JSON Lines) never need.
"""

from __future__ import annotations

from collections.abc import Iterator

from tensionwatch.ingest.base import IngestOptions, IngestProblem, ProblemCode
from tensionwatch.ingest.fields import ArticleFields, build_article, parse_date, scalar_text
from tensionwatch.models import Article


def read_html(text: str, where: str, options: IngestOptions) -> Iterator[Article | IngestProblem]:
    """One page as one article; the page's own date wins over ``options.published``."""
    import trafilatura

    try:
        body = trafilatura.extract(text, include_comments=False, favor_precision=True)
        metadata = trafilatura.extract_metadata(text)
    # trafilatura and lxml raise a variety of errors on broken markup; any of them means
    # this page has no usable text, and one bad page must not stop a batch.
    except Exception as exc:
        reason = f"no text extracted from HTML ({type(exc).__name__}: {exc})"
        yield IngestProblem(where, reason, ProblemCode.NO_HTML_TEXT, fatal=True)
        return
    if not body or not body.strip():
        yield IngestProblem(
            where, "no text extracted from HTML", ProblemCode.NO_HTML_TEXT, fatal=True
        )
        return
    title = url = language = None
    published = None
    if metadata is not None:
        title = scalar_text(metadata.title)
        url = scalar_text(metadata.url)
        language = scalar_text(getattr(metadata, "language", None))
        published = parse_date(metadata.date) if metadata.date else None
    fields = ArticleFields(
        text=body,
        source=where,
        url=url,
        title=title,
        published=published if published is not None else options.published,
        language=language,
    )
    yield build_article(fields, options, where, fatal=True)
