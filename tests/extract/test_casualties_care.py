"""The hurt counted by the care they got: taken to a named hospital or medical center,
treated for wounds, told with who they were in between, or found suffering from wounds
(texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

KILLED = "A cook was shot and killed behind a diner on Birch Lane on Sunday night. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (KILLED + "Two others were taken to Grady Memorial Hospital.", (1, 2)),
        (KILLED + "Two others were taken to Lakeview Regional Medical Center.", (1, 2)),
        (KILLED + "Two others were rushed to Mercy Hospital downtown.", (1, 2)),
        (KILLED + "Two others, a waiter and his nephew, were hospitalized.", (1, 2)),
        (KILLED + "Two other men, ages 30 and 34, were treated for wounds.", (1, 2)),
        (
            "Deputies came upon four men suffering from gunshot wounds behind a grocery on "
            "Birch Lane. Two of them died later that night.",
            (2, 2),
        ),
        # guards: no count of people, no wound
        (KILLED + "In the 1200 block, two men, ages 19 and 20, were wounded.", (1, 2)),
        (KILLED + "Two veterans suffering from old war wounds spoke at a vigil.", (1, None)),
        # a guard: visitors are not the hurt
        (KILLED + "Two relatives were taken to Grady Memorial Hospital to be with him.", (1, None)),
    ],
)
def test_care_counts_the_hurt(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == expected
