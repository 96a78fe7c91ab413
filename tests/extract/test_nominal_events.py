"""An attack told as a noun: "the shooting of a man", "Monday night's shooting of her
granddaughter" (sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts, main

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Police are investigating the shooting of a man on Elm Street on Saturday.", "a man"),
        (
            "Prosecutors have charged a 43-year-old Grandview woman in connection with Monday "
            "night’s shooting of her 4-year-old granddaughter.",
            "her 4-year-old granddaughter",
        ),
        ("Detectives are looking into the stabbing of a teenager at a bus stop.", "a teenager"),
    ],
)
def test_the_object_of_an_attack_noun_is_the_one_hit(
    extractor: Extractor, text: str, victim: str
) -> None:
    incident = main(extractor, text)
    assert victim in [v.text for v in incident.victims]
    assert counts(incident) == (None, 1)


def test_a_possessive_day_dates_the_attack_noun(extractor: Extractor) -> None:
    text = (
        "Prosecutors have charged a 43-year-old Grandview woman in connection with Monday "
        "night’s shooting of her 4-year-old granddaughter."
    )
    incident = main(extractor, text)
    assert incident.date is not None and incident.date.end == date(2023, 5, 8)  # PUB is a Friday
    assert PUB.weekday() == 4


def test_the_fatal_shooting_of_someone_is_one_dead(extractor: Extractor) -> None:
    text = "Police arrested a man on Friday in the fatal shooting of a 24-year-old woman."
    assert counts(main(extractor, text)) == (1, None)
