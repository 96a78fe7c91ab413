"""Pair features: counts, dates and targets."""

from __future__ import annotations

from datetime import date

import pytest

from tensionwatch.models import Count, Qualifier
from tensionwatch.resolve import explain_pair
from tensionwatch.resolve.similarity import count_similarity


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (Count(3), Count(3), 1.0),
        (Count(3), Count(4), 0.75),
        (Count(0), Count(1), 0.0),
        (Count(180, Qualifier.MORE_THAN, low=181), Count(182), 1.0),
        (Count(180, Qualifier.MORE_THAN, low=181), Count(150), 150 / 180),
    ],
)
def test_similarity_count_compatibility(x, y, expected):
    assert count_similarity(x, y) == pytest.approx(expected)


def test_similarity_explains_features_and_veto(incident):
    same = explain_pair(
        incident("i1", "a1", target="kebab shop"), incident("i2", "a2", target="kebab shop")
    )
    assert same.score == 1.0 and not same.vetoed
    assert dict(same.features)["targets"] == 1.0
    later = explain_pair(incident("i1", "a1"), incident("i2", "a2", day=date(2024, 4, 5)))
    assert later.veto == "date"
    other_target = explain_pair(
        incident("i1", "a1", target="kebab shop"),
        incident("i2", "a2", target="parked car", target_category="vehicle"),
    )
    assert other_target.veto == "targets"
