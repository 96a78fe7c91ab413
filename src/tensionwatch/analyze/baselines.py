"""Expected daily counts from trailing history, and how surprising today's count is.

Methods (all on a plain list of daily counts, oldest first):

- **EARS C1, C2, C3** — the Early Aberration Reporting System of the CDC (Hutwagner, Thompson,
  Seeman & Treadwell, "The bioterrorism preparedness and response Early Aberration Reporting
  System (EARS)", J Urban Health 80(2 Suppl 1):i89–96, 2003; definitions as in Fricker,
  Hegler & Dunfee, Stat Med 27:3407–3429, 2008). With a 7-day baseline mean ``m`` and
  sample standard deviation ``s``:
  C1 uses days t-7..t-1, ``C1 = (y_t - m) / s``; C2 the same with a 2-day guard band
  (days t-9..t-3) so that a slowly growing outbreak does not hide in its own baseline;
  ``C3 = sum over i = 0..2 of max(0, C2_{t-i} - 1)``. Signal when C1 or C2 > 3, C3 > 2.
  Sparse series (hate incidents are rare) make ``s`` zero; like ``minSigma`` in the R
  ``surveillance`` package's ``earsC`` we floor it (``sd_floor``).
- **Poisson tail** — ``lambda`` is the mean of a longer trailing window (28 days, 2-day guard)
  and the score is ``-log10 P(Y >= y_t | lambda)``; signal when that probability is below
  ``alpha``. It suits counts near zero, where the normal approximation behind C1–C3 is poor.

Every method also requires ``y_t >= min_observed``, so that one incident on an empty
background is never a "spike".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from tensionwatch.errors import ConfigError


class Method(StrEnum):
    EARS_C1 = "ears_c1"
    EARS_C2 = "ears_c2"
    EARS_C3 = "ears_c3"
    POISSON = "poisson"


@dataclass(frozen=True, slots=True)
class BaselineOptions:
    """``threshold``/``baseline_days``/``guard_days`` default per method when left ``None``."""

    method: Method = Method.EARS_C2
    threshold: float | None = None
    baseline_days: int | None = None
    guard_days: int | None = None
    sd_floor: float = 0.5
    min_observed: int = 2
    alpha: float = 0.001
    lambda_floor: float = 0.05

    def __post_init__(self) -> None:
        if self.sd_floor <= 0 or self.lambda_floor <= 0:
            raise ConfigError("sd_floor and lambda_floor must be > 0", code="TW031")
        if not 0 < self.alpha < 1:
            raise ConfigError(f"alpha must be in (0, 1), got {self.alpha}", code="TW032")

    @property
    def resolved_threshold(self) -> float:
        if self.threshold is not None:
            return self.threshold
        return {Method.EARS_C3: 2.0, Method.POISSON: -math.log10(self.alpha)}.get(self.method, 3.0)

    @property
    def resolved_baseline_days(self) -> int:
        if self.baseline_days is not None:
            return self.baseline_days
        return 28 if self.method is Method.POISSON else 7

    @property
    def resolved_guard_days(self) -> int:
        if self.guard_days is not None:
            return self.guard_days
        return 0 if self.method is Method.EARS_C1 else 2

    @property
    def span_days(self) -> int:
        """Days a statistic looks at (C3 sums three days of C2)."""
        return 3 if self.method is Method.EARS_C3 else 1

    @property
    def history_days(self) -> int:
        """Days of history needed before the first day that can be scored."""
        return self.resolved_baseline_days + self.resolved_guard_days + self.span_days - 1


@dataclass(frozen=True, slots=True)
class DayScore:
    """One day's verdict: the count, its expectation, the statistic and whether it signals."""

    index: int
    observed: int
    expected: float
    score: float
    alarm: bool


def poisson_sf(observed: int, lam: float) -> float:
    """``P(Y >= observed)`` for ``Y ~ Poisson(lam)``, summed upward so tiny tails stay exact."""
    if observed <= 0:
        return 1.0
    log_pmf = -lam + observed * math.log(lam) - math.lgamma(observed + 1)
    term = math.exp(log_pmf)
    total, k = 0.0, observed
    while term > 0.0 and (term > total * 1e-16 or k < lam):
        total += term
        k += 1
        term *= lam / k
    return min(1.0, total)


def _mean_sd(window: Sequence[int]) -> tuple[float, float]:
    n = len(window)
    mean = sum(window) / n
    var = sum((x - mean) ** 2 for x in window) / (n - 1) if n > 1 else 0.0
    return mean, math.sqrt(var)


def _c_stat(
    counts: Sequence[int], t: int, days: int, guard: int, floor: float
) -> tuple[float, float] | None:
    """(baseline mean, C statistic) for day ``t``, or None without enough history."""
    end = t - guard
    start = end - days
    if start < 0:
        return None
    mean, sd = _mean_sd(counts[start:end])
    return mean, (counts[t] - mean) / max(sd, floor)


def score_series(
    counts: Sequence[int], options: BaselineOptions | None = None
) -> list[DayScore | None]:
    """Score every day of ``counts``; ``None`` where the history is too short."""
    options = options or BaselineOptions()
    days, guard = options.resolved_baseline_days, options.resolved_guard_days
    threshold = options.resolved_threshold
    out: list[DayScore | None] = []
    if options.method is Method.POISSON:
        for t, y in enumerate(counts):
            if t - guard - days < 0:
                out.append(None)
                continue
            window = counts[t - guard - days : t - guard]
            lam = max(sum(window) / days, options.lambda_floor)
            score = -math.log10(max(poisson_sf(y, lam), 1e-300))
            alarm = score > threshold and y >= options.min_observed
            out.append(DayScore(t, y, lam, score, alarm))
        return out
    c2: list[tuple[float, float] | None] = [
        _c_stat(counts, t, days, guard, options.sd_floor) for t in range(len(counts))
    ]
    for t, y in enumerate(counts):
        stat = c2[t]
        if stat is None:
            out.append(None)
            continue
        mean, score = stat
        observed = y
        if options.method is Method.EARS_C3:
            previous = c2[t - 2 : t + 1] if t >= 2 else []
            if len(previous) < 3 or any(p is None for p in previous):
                out.append(None)
                continue
            score = sum(max(0.0, p[1] - 1.0) for p in previous if p is not None)
            observed = sum(counts[t - 2 : t + 1])
        alarm = score > threshold and observed >= options.min_observed
        out.append(DayScore(t, observed, mean * options.span_days, score, alarm))
    return out
