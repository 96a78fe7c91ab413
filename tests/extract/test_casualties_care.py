"""The hurt counted by the care they got: taken to a named hospital or medical center,
treated for wounds, told with who they were in between, or found suffering from wounds
(texts written for these tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import PUB, counts

if TYPE_CHECKING:
    from tensionwatch.extract.pipeline import Extractor

KILLED = "A man was shot and killed on Fieldvale Place on Sunday night. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (KILLED + "Two others were taken to Grady Memorial Hospital.", (1, 2)),
        (KILLED + "Two others were taken to North Memorial Medical Center.", (1, 2)),
        (KILLED + "Two others were rushed to the University of Louisville Hospital.", (1, 2)),
        (
            KILLED + "Three others, a woman and two men, were treated for wounds and released.",
            (1, 3),
        ),
        (
            KILLED + "Three others, a woman and two men, ages 21 and 22, were hospitalized.",
            (1, 3),
        ),
        (
            "Officers found three victims who were suffering from gunshot wounds on Fieldvale "
            "Place. One victim was pronounced dead at the scene.",
            (1, 2),
        ),
        # a guard: visitors are not the hurt
        (KILLED + "Two relatives later drove to Grady Memorial Hospital.", (1, None)),
    ],
)
def test_care_counts_the_hurt(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    (incident,) = extractor.extract(text, PUB)
    assert counts(incident) == expected
