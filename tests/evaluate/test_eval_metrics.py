from __future__ import annotations

import itertools
import random

import pytest

from tensionwatch.evaluate.metrics import (
    PRF,
    Accuracy,
    max_weight_assignment,
    normalize_string,
    score_clusters,
    sum_prf,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE GUERRILLAS", "guerrillas"),
        ('"Santo Tomas" Presidential Farm', "santo tomas presidential farm"),
        ("an  attack on a   bus", "attack on bus"),
        ("U.S. Embassy", "us embassy"),
        ("theater", "theater"),  # articles only as whole words
        ("the", ""),
        ("FMLN-guerrillas", "fmlnguerrillas"),  # ASCII punctuation is deleted, not spaced
    ],
)
def test_metrics_normalize_string_like_gtt(text, expected):
    assert normalize_string(text) == expected


def test_metrics_prf_values_and_sum():
    prf = PRF.of(2, 4, 5)  # P = 2/4, R = 2/5, F1 = 2*.5*.4/.9 = 0.4444
    assert (prf.precision, prf.recall) == (0.5, 0.4)
    assert prf.f1 == pytest.approx(4 / 9)
    assert PRF().f1 == 0.0  # no predictions, no gold
    total = sum_prf([prf, PRF(1, 1, 0, 1)])
    assert (total.p_num, total.p_den, total.r_num, total.r_den) == (3, 5, 2, 6)
    assert prf.as_dict()["p_den"] == 4
    assert Accuracy(3, 4).value == 0.75 and (Accuracy(1, 2) + Accuracy(0, 2)).value == 0.25


def _brute_force(weights):
    n, m = len(weights), len(weights[0])
    best = 0.0
    if n <= m:
        for cols in itertools.permutations(range(m), n):
            best = max(best, sum(weights[i][c] for i, c in enumerate(cols)))
    else:
        for rows in itertools.permutations(range(n), m):
            best = max(best, sum(weights[r][j] for j, r in enumerate(rows)))
    return best


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3), (3, 6)])
def test_metrics_max_weight_assignment_is_optimal(shape):
    rng = random.Random(hash(shape))
    for _ in range(30):
        weights = [
            [float(rng.choice([0, 0, 1, 2, 3])) for _ in range(shape[1])] for _ in range(shape[0])
        ]
        pairs = max_weight_assignment(weights)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert len(pairs) == min(shape)
        assert sum(weights[i][j] for i, j in pairs) == _brute_force(weights)


def test_metrics_max_weight_assignment_empty():
    assert max_weight_assignment([]) == []
    assert max_weight_assignment([[], []]) == []


def test_metrics_score_clusters_by_hand():
    # items:     a1 a2 a3 b1 b2   (gold events A, A, A, B, B)
    # predicted:  1  1  2  2  2
    gold = ["A", "A", "A", "B", "B"]
    pred = [1, 1, 2, 2, 2]
    scores = score_clusters(gold, pred)
    # B-cubed precision per item: a1 2/2, a2 2/2, a3 1/3, b1 2/3, b2 2/3 -> (11/3) / 5 = 11/15
    # B-cubed recall per item:    a1 2/3, a2 2/3, a3 1/3, b1 2/2, b2 2/2 -> (11/3) / 5 = 11/15
    assert scores["bcubed"].precision == pytest.approx(11 / 15)
    assert scores["bcubed"].recall == pytest.approx(11 / 15)
    # pairs predicted together: {a1a2} + {a3b1, a3b2, b1b2} = 4; gold together: 3 + 1 = 4;
    # both: a1a2, b1b2 = 2  -> P = R = 0.5
    pairwise = scores["pairwise"]
    assert (pairwise.p_num, pairwise.p_den, pairwise.r_den) == (2, 4, 4)
    assert pairwise.f1 == 0.5


def test_metrics_score_clusters_perfect_and_singletons():
    scores = score_clusters(["x", "y", "y"], [7, 3, 3])
    assert scores["bcubed"].f1 == 1.0 and scores["pairwise"].f1 == 1.0
    singletons = score_clusters(["x", "x"], [1, 2])
    assert singletons["bcubed"].precision == 1.0 and singletons["bcubed"].recall == 0.5
    assert singletons["pairwise"].p_den == 0 and singletons["pairwise"].r_den == 1
    with pytest.raises(ValueError, match="2 gold ids but 1"):
        score_clusters(["x", "y"], [1])
