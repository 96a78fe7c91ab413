"""Baselines on hand-computed series and on generated Poisson series with injected spikes."""

from __future__ import annotations

import math
import random

import pytest

from tensionwatch.analyze import BaselineOptions, Method, poisson_sf, score_series
from tensionwatch.errors import ConfigError


def poisson_draw(rng: random.Random, lam: float) -> int:
    """Knuth's method: fine for the small rates of daily incident counts."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def series(lam: float, days: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    return [poisson_draw(rng, lam) for _ in range(days)]


def test_baselines_ears_c1_c2_by_hand():
    counts = [1, 2, 1, 2, 1, 2, 1, 0, 0, 9]
    c1 = score_series(counts, BaselineOptions(method=Method.EARS_C1))
    # C1 on the last day: baseline = days 2..8 = [1, 2, 1, 2, 1, 0, 0]
    window = [1, 2, 1, 2, 1, 0, 0]
    mean = sum(window) / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in window) / 6)
    assert c1[-1] is not None
    assert c1[-1].expected == pytest.approx(mean)
    assert c1[-1].score == pytest.approx((9 - mean) / sd)
    assert c1[-1].alarm
    assert c1[6] is None  # fewer than 7 days of history
    c2 = score_series(counts, BaselineOptions(method=Method.EARS_C2))
    # C2 skips two guard days: baseline = days 0..6
    assert c2[-1] is not None and c2[-1].expected == pytest.approx(10 / 7)
    assert all(d is None for d in c2[:9])


def test_baselines_sd_floor_and_min_observed_on_empty_background():
    quiet = [0] * 12
    one = score_series([*quiet, 1], BaselineOptions())[-1]
    two = score_series([*quiet, 2], BaselineOptions())[-1]
    assert one is not None and two is not None
    assert one.score == pytest.approx(2.0) and not one.alarm  # 1 / floor 0.5, and min_observed
    assert two.score == pytest.approx(4.0) and two.alarm


def test_baselines_ears_c3_sums_three_days_of_c2():
    counts = [0] * 12 + [2, 2, 2]
    c2 = score_series(counts, BaselineOptions(method=Method.EARS_C2))
    c3 = score_series(counts, BaselineOptions(method=Method.EARS_C3))
    expected = sum(max(0.0, d.score - 1) for d in c2[-3:] if d is not None)
    assert c3[-1] is not None and c3[-1].score == pytest.approx(expected)
    assert c3[-1].observed == 6


@pytest.mark.parametrize(
    ("observed", "lam", "expected"),
    [
        (0, 0.5, 1.0),
        (1, 0.5, 1 - math.exp(-0.5)),
        (3, 0.5, 1 - math.exp(-0.5) * (1 + 0.5 + 0.125)),
        (30, 1.0, math.exp(-1) / math.factorial(30) * 1.0333),  # tail ≈ first term · (1 + 1/31 …)
    ],
)
def test_baselines_poisson_sf(observed, lam, expected):
    assert poisson_sf(observed, lam) == pytest.approx(expected, rel=1e-3)


def test_baselines_options_validate():
    with pytest.raises(ConfigError, match="alpha"):
        BaselineOptions(alpha=1.5)


# Measured with seed 7 (10 years of Poisson(0.5)): false alarms per year are 11.6 (C1), 11.0
# (C2), 37 (C3: it trades alarms for sensitivity to slow rises) and 0.2 (Poisson tail); the
# bounds below leave a margin over those numbers.
FALSE_ALARMS_PER_YEAR = {
    Method.EARS_C1: 18,
    Method.EARS_C2: 18,
    Method.EARS_C3: 55,
    Method.POISSON: 1,
}


@pytest.mark.parametrize("method", list(Method))
def test_baselines_false_alarms_per_year_on_stationary_series(method):
    options = BaselineOptions(method=method)
    scored = [d for d in score_series(series(0.5, 3650, seed=7), options) if d is not None]
    per_year = sum(d.alarm for d in scored) / len(scored) * 365
    assert per_year <= FALSE_ALARMS_PER_YEAR[method]


@pytest.mark.parametrize("method", list(Method))
def test_baselines_spike_of_ten_over_half_per_day_detected_same_day(method):
    counts = series(0.5, 3650, seed=11)
    spikes = list(range(60, 3650, 90))  # 40 spikes, far enough apart to leave the baseline
    for day in spikes:
        counts[day] += 10
    scores = score_series(counts, BaselineOptions(method=method))
    delays = []
    for day in spikes:
        hit = next((i - day for i in range(day, day + 2) if (s := scores[i]) and s.alarm), None)
        delays.append(hit)
    assert None not in delays  # every spike found within one day
    assert max(d for d in delays if d is not None) == 0  # in fact on the day itself


def test_baselines_c3_catches_a_slow_rise_within_three_days():
    counts = series(0.5, 3650, seed=5)
    starts = list(range(60, 3600, 90))
    for day in starts:
        for k in range(7):
            counts[day + k] += 2  # +2 a day for a week: no single day is extreme
    scores = score_series(counts, BaselineOptions(method=Method.EARS_C3))
    found = [
        next((i - d for i in range(d, d + 7) if (s := scores[i]) and s.alarm), None) for d in starts
    ]
    detected = [f for f in found if f is not None]
    assert len(detected) >= 0.9 * len(starts)
    assert sum(detected) / len(detected) <= 1.5  # mean delay in days
