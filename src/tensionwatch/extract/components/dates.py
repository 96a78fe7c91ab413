"""Event dates from DATE entities, resolved against the publication date.

dateparser reads only the DATE spans spaCy found, never the whole text (``search_dates`` on
full text gives false positives). A date after publication is impossible for a reported event,
so such readings are discarded; with no usable date the event happened on or before
publication.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from spacy.tokens import Span

from tensionwatch.models import DatePrecision, EventDate, Evidence

_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I)
_DAY_NUMBER = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
_YEAR_ONLY = re.compile(r"^\s*(in\s+)?\d{4}\s*$")
# "last month", "this year": a whole month or year, never its first day
_PERIOD_MONTH = re.compile(r"\b(last|this|past|previous)\s+month\b", re.I)
_PERIOD_YEAR = re.compile(r"\b(last|this|past|previous)\s+year\b", re.I)
_RELATIVE_DAY = re.compile(
    r"\b(yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|(\w+) days? ago)\b",
    re.I,
)
# "early this morning", "late last night": the part of the day dateparser cannot read
_PART_OF_DAY = re.compile(
    r"^(?:early|late)\s+(?=(?:this (?:morning|afternoon|evening)|last night|today|tonight|"
    r"yesterday)\b)",
    re.I,
)  # not "earlier this week" (relative to another event), not "in his late 50s" (an age)
_VAGUE = re.compile(
    r"\b(recent|recently|weeks|months|years|decades|era|century|period|season|since|"
    r"every|each|daily|annual|anniversary)\b",
    re.I,
)
_CALENDAR = re.compile(
    r"[a-z]{3}|\d{1,4}[/.-]\d{1,2}", re.I
)  # a month, weekday or relative word, or a numeric date such as 3/14


def _lacks_calendar_word(text: str) -> bool:
    """ "46", "16", "2": a bare number tagged DATE is not a date."""
    return not _CALENDAR.search(text)


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def on_or_before(published: date | None) -> EventDate | None:
    if published is None:
        return None
    return EventDate(start=None, end=published, precision=DatePrecision.ON_OR_BEFORE)


_YEAR = re.compile(r"\b(19|20)\d\d\b")
_YEAR_AFTER = re.compile(r"^,?\s*(19|20)\d\d\b")


def is_publication_stamp(span: Span, resolved: EventDate, published: date | None) -> bool:
    """ "Monday, July 6, 2015", "October 27, 2013 11:16 AM": the publication day written in
    full, with its year, is the page's posting stamp; a report names the event's day without
    the year ("Sunday", "July 5"). ``resolved`` is the span read by :func:`resolve_date`."""
    tail = span.doc[span.end : span.end + 2].text  # "May 12" + ", 2023" split by the tagger
    if published is None or not (_YEAR.search(span.text) or _YEAR_AFTER.match(tail)):
        return False
    return resolved.start == resolved.end == published


def resolve_date(span: Span, published: date | None) -> EventDate | None:
    """An ``EventDate`` for one DATE entity, or None when it names no usable day/month."""
    text = span.text.strip()
    if not text or _VAGUE.search(text) or _YEAR_ONLY.match(text) or _lacks_calendar_word(text):
        return None
    evidence = (Evidence(span.start_char, span.end_char, span.text),)
    weekday = _WEEKDAY.search(text)
    if weekday and published is not None and not _MONTH.search(text):
        target = _WEEKDAYS.index(weekday.group(1).lower())
        delta = (published.weekday() - target) % 7
        if "last" in text.lower() and delta == 0:
            delta = 7
        day = published - timedelta(days=delta)
        return EventDate(day, day, DatePrecision.DAY, evidence)
    parsed = _parse(_PART_OF_DAY.sub("", text), published)
    if parsed is None:
        return None
    day = parsed.date()
    if published is not None and day > published:
        if _MONTH.search(text) and not re.search(r"\d{4}", text):
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:
                return None
        else:
            return None
    has_day = bool(_DAY_NUMBER.search(text)) or bool(_RELATIVE_DAY.search(text))
    if _PERIOD_YEAR.search(text) and not has_day and not _MONTH.search(text):
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)  # "last year", "this year"
        return EventDate(
            start, min(end, published) if published else end, DatePrecision.YEAR, evidence
        )
    if (_MONTH.search(text) or _PERIOD_MONTH.search(text)) and not has_day:
        start = day.replace(day=1)
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        end = min(nxt - timedelta(days=1), published) if published else nxt - timedelta(days=1)
        return EventDate(start, end, DatePrecision.MONTH, evidence)
    if "week" in text.lower():
        return EventDate(day - timedelta(days=6), day, DatePrecision.WEEK, evidence)
    return EventDate(day, day, DatePrecision.DAY, evidence)


def _parse(text: str, published: date | None) -> datetime | None:
    import dateparser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
            return parsed
        except (ValueError, OverflowError, TypeError):
            return None
