"""Words that split one shooting into several incidents, or make one of nothing: a gun's
"blast", a habitual clause ("any time a student is hurt"), a relative clause on one of the
people just counted ("four were shot, including a woman who was shot six times"). Texts
written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from .conftest import counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

SATURDAY = dt.date(2015, 7, 25)


def _told(extractor: Extractor, text: str, published: dt.date = SATURDAY) -> list[tuple]:
    return [
        (*counts(i), i.date.start if i.date else None, i.type.value)
        for i in extractor.extract(text, published, "t")
    ]


@pytest.mark.parametrize("gun", ["shotgun", "rifle"])
def test_a_guns_blast_is_the_shooting_not_a_bombing(extractor: Extractor, gun: str) -> None:
    text = (
        "Detectives want to hear from anyone who saw the drive-by shooting on Birch Lane on "
        f"Saturday. Someone in a passing pickup fired one {gun} blast at a porch, hitting "
        "three men with pellets. None of them was badly hurt."
    )
    assert _told(extractor, text) == [(None, 3, SATURDAY, "armed_attack")]


def test_a_bomb_blast_is_still_a_bombing(extractor: Extractor) -> None:
    text = "A bomb blast outside a market on Maple Avenue wounded four people on Saturday."
    assert [t[-1] for t in _told(extractor, text)] == ["bombing"]


@pytest.mark.parametrize(
    "said",
    [
        "Any time a player on our team is hurt or passes away, every family feels it.",
        "Whenever a student is shot, the whole school grieves.",
        "Every time someone gets shot on our street, we hold a vigil.",
    ],
)
def test_what_happens_each_time_is_no_event(extractor: Extractor, said: str) -> None:
    text = (
        "A 16-year-old student was shot and killed at a party on Birch Lane on Wednesday. "
        f'"{said}" the principal said.'
    )
    found = _told(extractor, text)
    assert found == [(1, None, dt.date(2015, 7, 22), "armed_attack")]


def test_what_happened_each_time_did_happen(extractor: Extractor) -> None:
    text = "Each time the gunman fired on Maple Avenue on Friday, a bullet struck a student."
    assert [t[:2] for t in _told(extractor, text)] == [(None, 1)]


def test_one_of_those_counted_described_again_is_no_second_event(extractor: Extractor) -> None:
    text = (
        "A gunman who opened fire at a birthday party in Riverside on Saturday was charged "
        "with attempted murder. Four guests were shot, including a woman who was "
        "shot six times, after an argument near the bar of the Silver Spur Saloon at 412 Maple "
        "Avenue, police said."
    )
    found = _told(extractor, text, dt.date(2015, 7, 28))
    assert found == [(None, 4, SATURDAY, "armed_attack")]


def test_a_death_in_a_previous_shooting_is_another_event(extractor: Extractor) -> None:
    text = (
        "Four people were wounded in a shooting on Birch Lane on Saturday night. All four were "
        "taken to a hospital. Neighbors said the victims were mourning a teen who was killed "
        "in a previous shooting at the same house weeks earlier."
    )
    assert [t[:2] for t in _told(extractor, text)] == [(None, 4)]
