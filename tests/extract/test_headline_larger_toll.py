"""A headline that counts more dead or hurt than the body: the body told of some victims one
by one and took the toll as known (headlines and bodies written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import NO_STORY, PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

PLANT = (
    "A suspect, an employee of the Riverside plant, was shot and killed by deputies, the "
    "sheriff said. The shooter was armed with a rifle."
)
ELM = (
    "Three people were shot outside an Elm Street home on Sunday. One man died at the scene. "
    "The other two were wounded, police said."
)
LOUNGE = (
    "Three people were wounded in a shooting outside a Maple Avenue lounge early Sunday, "
    "police said. A man was also killed."
)


def _lead(extractor: Extractor, body: str, title: str) -> tuple[int | None, int | None]:
    incidents = extractor.extract(body, PUB, "t", title=title)
    assert incidents
    return counts(incidents[0])


@pytest.mark.parametrize(
    "title",
    [
        "Three dead, including gunman, in Riverside plant shooting",
        "Three killed, including 5-year-old, in Riverside plant shooting",  # an age, no period
    ],
)
def test_headline_dead_outnumber_the_body_s(extractor: Extractor, title: str) -> None:
    assert _lead(extractor, PLANT, "Gunman killed in Riverside plant shooting") == (1, None)
    assert _lead(extractor, PLANT, title) == (3, None)


def test_headline_dead_that_may_be_the_body_s_hurt_are_not_added(extractor: Extractor) -> None:
    # the two wounded may have died since: raising the dead would count them twice
    assert _lead(extractor, ELM, "2 dead in Elm Street shooting") == (1, 2)


def test_the_raised_count_quotes_the_title(extractor: Extractor) -> None:
    title = "Three dead, including gunman, in Riverside plant shooting"
    (incident, *_) = extractor.extract(PLANT, PUB, "t", title=title)
    assert incident.killed is not None
    (quote,) = incident.killed.evidence
    assert quote.field == "title" and title[quote.start : quote.end] == quote.text == "Three dead"


@pytest.mark.parametrize(
    "title",
    [
        "5 wounded, 1 killed in shooting outside Maple Avenue lounge",
        "Five hurt at Maple Avenue lounge",
    ],
)
def test_headline_hurt_outnumber_the_body_s(extractor: Extractor, title: str) -> None:
    assert _lead(extractor, LOUNGE, title) == (1, 5)


@pytest.mark.parametrize(
    "title",
    [
        "Six shot outside Maple Avenue lounge",  # "shot" counts the dead too
        "Maple Avenue lounge shootings leave 5 wounded",  # several incidents
        "Violent weekend: 5 wounded at Maple Avenue lounge, 2 more elsewhere",  # a round-up
        "5 wounded in 2019 Maple Avenue lounge shooting",  # another year
        "5 wounded in shooting at Lakeside marina",  # no word in common with the body
        "Were 5 wounded at Maple Avenue lounge?",  # a question
        '"5 wounded" at Maple Avenue lounge, owner says',  # a quotation
        "Eight hurt in Maple Avenue crash after lounge shooting",  # a crash
        "Man shot, 4 others wounded at Maple Avenue lounge",  # others besides the man
        "Father of 5 killed at Maple Avenue lounge",  # his children, not the dead
    ],
)
def test_headline_that_counts_something_else_leaves_the_body_s_count(
    extractor: Extractor, title: str
) -> None:
    assert _lead(extractor, LOUNGE, title) == (1, 3)


def test_headline_count_of_others_raises_nothing(extractor: Extractor) -> None:
    # "others" are besides someone, whom the body's count may or may not hold
    body = "A man was killed and four people were wounded at a party in Oakdale, police said."
    title = "Man killed, 6 others wounded in shooting at Oakdale party"
    assert _lead(extractor, body, title) == (1, 4)


def test_headline_list_of_the_dead_and_the_hurt(extractor: Extractor) -> None:
    # the parser reads "killed" as taking "6 others" for its object
    title = "Man killed, 6 others wounded in shooting at Oakdale party"
    assert _lead(extractor, NO_STORY, title) == (1, 6)


def test_headline_does_not_add_dead_to_a_body_that_counts_none(extractor: Extractor) -> None:
    body = "Two men were shot and wounded outside a store on Elm Street in Dayton, police said."
    assert _lead(extractor, body, "3 killed, 4 hurt in Dayton Elm Street shooting") == (None, 4)
