"""People told again: a group counted once and then called "the men" or "they", a victim
whose death the sentence is about ("the death of a man who was shot"), and a round number
halved ("a half-dozen") (texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "The death of a 49-year-old man who was shot in the head early Saturday at a Riverside "
        "apartment was ruled accidental by the county coroner.",
        "Detectives are investigating the murder of a woman found shot in her car on Maple "
        "Avenue on Tuesday.",
    ],
)
def test_the_death_of_someone_shot_is_a_death(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        # the attempt was not a death, and the one who shot is no victim of his own death
        "The attempted murder of a man who was stabbed on Birch Lane on Friday is under "
        "investigation.",
        "The death of a man who shot his wife on Maple Avenue on Sunday is under investigation.",
    ],
)
def test_no_death_of_the_one_hurt(extractor: Extractor, text: str) -> None:
    assert all(i.killed is None for i in extractor.extract(text, PUB))
    assert counts(main(extractor, text)) == (None, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said a half-dozen people were shot overnight at a Riverside bar.", 6),
        ("Half a dozen people were wounded in the attack on Maple Avenue on Sunday.", 6),
        ("A dozen people were shot on Birch Lane on Sunday.", 12),
        ("Two dozen people were shot in Riverside over the weekend.", 24),
    ],
)
def test_dozens_counted(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(main(extractor, text)) == (None, expected)


def test_the_death_of_someone_shot_at_is_no_shooting_death(extractor: Extractor) -> None:
    text = (
        "Police said the death of a man who was shot at by officers in Riverside on Friday "
        "was caused by a fall from a roof."
    )
    assert all(i.killed is None for i in extractor.extract(text, PUB))


def test_the_men_are_the_four_men_counted_before(extractor: Extractor) -> None:
    text = (
        "Police are looking for a shooter who opened fire on four men late Sunday on Maple "
        "Avenue. Police said the men range in age from their late teens to early 20s. They "
        "were all shot in the foot and treated at the county hospital."
    )
    # "their late teens", "early 20s" are ages, not the "they" who were shot
    assert counts(main(extractor, text)) == (None, 4)


def test_the_definite_group_keeps_its_count(extractor: Extractor) -> None:
    text = (
        "Three men were shot on Birch Lane on Friday night. The men were taken to the county "
        "hospital, where they were treated for wounds to their legs."
    )
    incident = extractor.extract(text, PUB)[0]
    assert counts(incident) == (None, 3)


def test_a_lower_bound_does_not_yield_to_a_smaller_figure(extractor: Extractor) -> None:
    text = (
        "At least 30 people were injured in the explosion on Maple Avenue on Sunday. Police "
        "said 25 people were injured."
    )
    assert counts(main(extractor, text)) == (None, 30)


def test_a_rough_figure_does_not_yield_to_a_part_told_besides(extractor: Extractor) -> None:
    text = (
        "As many as four people were shot Sunday night on Maple Avenue. When officers "
        "arrived, one woman had been shot. Police said three other adults had also been shot "
        "and went to hospitals on their own."
    )
    assert counts(main(extractor, text)) == (None, 4)


@pytest.mark.parametrize(
    "text",
    [
        "The family of a 17 y.o killed in an accidental shooting on Maple Avenue shared a photo.",
        "Police say a 4 yo boy was killed in a shooting on Birch Lane on Sunday.",
        "A 4 y/o girl was killed in a shooting on Birch Lane on Sunday.",
    ],
)
def test_an_age_written_short_counts_no_one(extractor: Extractor, text: str) -> None:
    assert counts(main(extractor, text)) == (1, None)


def test_a_group_told_dead_is_not_counted_again_as_hurt(extractor: Extractor) -> None:
    text = (
        "A man who fled after killing his wife and four daughters was arrested on Friday. John "
        "Smith, 34, is accused of shooting Mary Smith and their daughters in their Riverside "
        "home last summer."
    )
    assert counts(main(extractor, text)) == (5, None)


def test_none_died_is_no_death(extractor: Extractor) -> None:
    text = "Police said 19 people were wounded in the shooting on Maple Avenue and none died."
    assert counts(main(extractor, text)) == (0, 19)
