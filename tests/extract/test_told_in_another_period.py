"""A death the story tells in another week, month or year ("Last month, a boy was killed")
is another incident, and "he" in "X was killed after he shot himself" is X (texts written
for these tests)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

PUB = date(2016, 1, 26)
TEXT = (
    "Jamie Doe, 6, died Sunday after he was accidentally shot Saturday at a home in Riverside. "
    "An older boy found an unsecured rifle and fired the shot that hit him.\n\n"
    "His family said he loved to play outside.\n\n"
    "Last month, John Roe, the four-year-old son of a farmer in Milltown, was killed after he "
    "accidentally shot himself with a pistol he found in a closet."
)


def test_a_death_told_last_month_is_another_incident(extractor: Extractor) -> None:
    first, *rest = extractor.extract(TEXT, PUB)
    assert first.killed is not None and first.killed.value == 1
    assert first.injured is None
    assert [v.text for v in first.victims] == ["Jamie Doe"]
    assert first.date is not None and first.date.end == date(2016, 1, 24)
    earlier = [i for i in rest if any(v.text == "John Roe" for v in i.victims)]
    assert len(earlier) == 1
    assert earlier[0].date is not None and earlier[0].date.end == date(2015, 12, 31)


def test_he_who_shot_himself_is_the_sentence_s_subject(extractor: Extractor) -> None:
    incidents = extractor.extract(TEXT, PUB)
    assert all(i.injured is None for i in incidents)  # Jamie Doe is not hurt again


def test_a_period_on_a_reporting_verb_splits_nothing(extractor: Extractor) -> None:
    text = (
        "A man was shot Thursday on Maple Avenue in Flint and taken to a hospital.\n\n"
        "The victim told reporters this month that he was shot by a stranger he had never met."
    )
    incidents = extractor.extract(text, date(2016, 5, 9))
    assert [(i.killed, i.injured and i.injured.value) for i in incidents] == [(None, 1)]


def test_this_year_runs_to_publication_and_splits_nothing(extractor: Extractor) -> None:
    text = (
        "A woman was shot and killed Sunday on Maple Avenue in Flint.\n\n"
        "She was the first person killed in the city this year, police said."
    )
    incidents = extractor.extract(text, date(2016, 1, 5))
    assert [(i.killed and i.killed.value, i.injured) for i in incidents] == [(1, None)]
