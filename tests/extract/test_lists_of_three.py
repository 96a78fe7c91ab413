"""A list of three or more people that the parser reads as a name, its apposition and
conjuncts of the apposition still names each person; an apposition that renames its head
names one (texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man, a woman and a teenager were shot on Maple Avenue on Sunday.", (None, 3)),
        ("A mother, father, and toddler were killed in a shooting in Riverside.", (3, None)),
        (
            "John Smith, 32, Mary Jones, 29, and Ann Lee, 40, were killed in the shooting on "
            "Maple Avenue.",
            (3, None),
        ),
        (
            "Police said he shot and killed his wife, son and daughter before killing himself.",
            (4, None),
        ),
    ],
)
def test_a_list_read_as_an_apposition_counts_each_person(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The victim, a 23-year-old woman, and her son were shot on Maple Avenue.",
        "His wife, Mary Smith, and her son were shot on Maple Avenue.",
    ],
)
def test_an_apposition_that_renames_its_head_is_one_person(extractor: Extractor, text: str) -> None:
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == (None, 2)


def test_the_list_keeps_its_first_person_as_a_victim(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "A man, a woman and a teenager were shot on Maple Avenue on Sunday.", PUB
    )
    assert [v.text for v in incident.victims] == ["A man", "a woman", "a teenager"]


def test_the_killer_told_again_among_the_dead_is_not_counted_twice(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "Police say a man fatally shot his wife and two young sons before killing himself at "
        "their home on Birch Lane. A 42-year-old man, his 38-year-old wife and their 6- and "
        "10-year-old sons were found shot to death Wednesday.",
        PUB,
    )
    assert counts(incident) == (4, None)


def test_a_victim_told_by_the_killer_s_noun_in_his_own_sentence_is_someone_else(
    extractor: Extractor,
) -> None:
    (incident,) = extractor.extract(
        "Police said a man shot and killed a woman and a man before killing himself on Maple "
        "Avenue.",
        PUB,
    )
    assert counts(incident) == (3, None)


def test_a_description_of_one_person_takes_a_singular_verb(extractor: Extractor) -> None:
    (incident,) = extractor.extract(
        "A man, husband and father, was shot and killed on Maple Avenue.", PUB
    )
    assert counts(incident) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "Police said a man shot and killed his estranged wife before killing himself at a house "
        "on Birch Lane. A man visiting the home was shot dead as well.",
        "Police say a man fatally shot his ex-girlfriend and then killed himself on Maple "
        "Avenue. A man who lived next door was also killed.",
    ],
)
def test_someone_else_told_by_the_killer_s_noun_is_one_more_dead(
    extractor: Extractor, text: str
) -> None:
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == (3, None)
