"""Who a pronoun stands for (people, not the things near them) and numerals that are no count:
a road's number before "was", a caption's image number before a headline's own count (texts
written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tensionwatch.extract.components.numbers import parse_count

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


def _victims(extractor: Extractor, text: str) -> list[str]:
    return [v.text for v in main(extractor, text).victims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing or a phrase beside the pronoun is no antecedent
        (
            "A 41-year-old hunter is healing at home on Birch Lane after his rifle went off. He "
            "had cleaned the rifle and was sliding it into a case. The gun fired, hitting him "
            "in the calf.",
            (None, 1),
        ),
        (
            "A toddler is clinging to her life at a hospital on Maple Avenue after her "
            "stepfather shot her on Sunday.",
            (None, 1),
        ),
        # people the word lists now know stay antecedents
        (
            "A motorist told police he was shot while stopped at a light on Maple Avenue.",
            (None, 1),
        ),
    ],
)
def test_a_pronoun_stands_for_a_person(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


def test_the_person_is_the_victim_not_the_thing(extractor: Extractor) -> None:
    text = (
        "A toddler is clinging to her life at a hospital on Maple Avenue after her stepfather "
        "shot her on Sunday."
    )
    assert _victims(extractor, text) == ["A toddler"]


def test_a_road_number_before_was_counts_no_one(extractor: Extractor) -> None:
    text = (
        "A highway crew member was shot Thursday. A man clearing brush along 1-75 was taken "
        "to a hospital after a pistol he picked up went off."
    )
    assert counts(main(extractor, text)) == (None, 1)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("10 Four shot", 4),  # "Image 10 of 10 Four shot": an image number, then the count
        ("10 5 shot", 5),
        ("twenty five shot", 25),
        ("3 dozen shot", 36),
        ("1,200 shot", 1200),
    ],
)
def test_a_numeral_before_a_number_of_its_own_is_no_part_of_it(
    extractor: Extractor, words: str, expected: int
) -> None:
    doc = extractor.nlp(words)
    count = parse_count(doc[:], extractor.component.lexicon)
    assert count is not None and count.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty five people were shot on Maple Avenue.", (None, 25)),
        ("Police said 3 dozen people were shot at the fair on Birch Lane.", (None, 36)),
    ],
)
def test_numbers_written_together_stay_one(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot on Birch Lane on Sunday. He did not survive.", (1, None)),
        (
            "A man was shot on Birch Lane on Sunday. The victim did not make it, police said.",
            (1, None),
        ),
        (
            "Officers were called to a shooting on Birch Lane. A lieutenant said the victim did "
            "not survive.",
            (1, None),
        ),
        ("Two men were shot on Birch Lane; the older man did not survive.", (1, 1)),
        ("Three men were shot on Birch Lane; two of them did not make it.", (2, 1)),
        # a hope or a fear is no death
        ("A man was shot on Birch Lane. Doctors feared he would not survive.", (None, 1)),
        ("A man was shot on Birch Lane. He did not make it to work on Monday.", None),
    ],
)
def test_who_did_not_survive_died(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None] | None
) -> None:
    found = counts(main(extractor, text))
    assert found == expected if expected is not None else found[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject the word lists do not know is still who "them" or "her" stands for
        (
            "Two roofers were working on a house on Maple Avenue when a neighbor shot them. "
            "They survived.",
            (None, 2),
        ),
        # who speaks in quotation marks is "I", not "him"
        (
            'A neighbor told a 911 operator: "He just shot him!" Officers found a 13-year-old '
            "boy dead.",
            (1, None),
        ),
        # a predicate after a comma that befalls the one hit is no next act
        (
            "A man shot outside a store on Birch Lane on Friday, suffered a wound to his leg, "
            "police said.",
            (None, 1),
        ),
    ],
)
def test_review_cases_for_pronouns_and_acts(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # things, animals and conditions do not die victims' deaths
        (
            "The shop did not survive the recession. Last week a man shot the clerk on Birch "
            "Lane. The clerk is expected to recover.",
            (None, 1),
        ),
        ("A man shot his neighbor's dog on Maple Avenue; the dog did not survive.", None),
        (
            "A man was shot on Birch Lane. The charge could become murder if the victim does "
            "not survive.",
            (None, 1),
        ),
        (
            "A woman was shot at her home on Birch Lane on Sunday. Her husband said his wife "
            "did not survive.",
            (1, None),
        ),
    ],
)
def test_review_cases_for_who_did_not_survive(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None] | None
) -> None:
    found = [counts(i) for i in extractor.extract(text, PUB) if counts(i) != (None, None)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Driver on Highway 61 shot near Riverside", (None, 1)),
        ("Grandmother of 12 shot dead in home invasion", (1, None)),
        ("Five hurt at Maple Avenue lounge", (None, 5)),
    ],
)
def test_a_headline_number_inside_the_subject_counts_no_one(
    extractor: Extractor, title: str, expected: tuple[int | None, int | None]
) -> None:
    body = "Police said the shooting happened on Maple Avenue in Riverside on Sunday."
    (incident, *_) = extractor.extract(body, PUB, "t", title=title)
    assert counts(incident) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A deputy and two Precinct 5 officers were hit in the shooting on Birch Lane.",
        "Four people were hurt when a man opened fire at a bar near Exit 12 on Maple Avenue.",
    ],
)
def test_a_names_number_counts_no_one(extractor: Extractor, text: str) -> None:
    # three were hit, four hurt: never a sum with the precinct's or the exit's number
    assert counts(main(extractor, text))[1] in {None, 1, 2, 3, 4}


def test_a_death_after_a_crash_is_no_victims(extractor: Extractor) -> None:
    text = (
        "Four people were shot outside a funeral home on Birch Lane on Friday. The funeral was "
        "for a cyclist who died after crashing into a parked van last month."
    )
    assert counts(main(extractor, text)) == (None, 4)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # who walked up and shot is not "him"
        (
            "A 30-year-old man was sitting in his car on Birch Lane when a teen walked up and "
            "shot him.",
            ["A 30-year-old man"],
        ),
        # but a clause with a subject of its own leaves the earlier subject a candidate
        ("The teen went to the park on Birch Lane and someone shot him.", ["The teen"]),
        # who did one thing "and was shot" was shot
        ("A man walked into the store on Birch Lane and was shot.", ["A man"]),
        ("A woman was walking home on Maple Avenue on Sunday and was shot.", ["A woman"]),
    ],
)
def test_who_acted_first_and_who_was_shot(
    extractor: Extractor, text: str, victims: list[str]
) -> None:
    incident = main(extractor, text)
    assert [v.text for v in incident.victims] == victims
    assert counts(incident) == (None, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rough count whose range holds the exact one is that count told roughly
        (
            "A gunman who wounded several guests at a party on Birch Lane on Saturday was "
            "charged. Four guests were shot, police said.",
            (None, 4),
        ),
        (
            "Police said a few people were hurt when shots rang out on Maple Avenue on Sunday. "
            "Three people were shot.",
            (None, 3),
        ),
    ],
)
def test_a_rough_count_yields_to_the_exact_one_it_holds(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert counts(main(extractor, text)) == expected
