"""Early warning: daily counts per group × region against a baseline, and backlash waves."""

from __future__ import annotations

from tensionwatch.analyze.baselines import (
    BaselineOptions,
    DayScore,
    Method,
    poisson_sf,
    score_series,
)
from tensionwatch.analyze.spikes import AlertOptions, Series, daily_series, detect_alerts
from tensionwatch.analyze.waves import Wave, waves

__all__ = [
    "AlertOptions",
    "BaselineOptions",
    "DayScore",
    "Method",
    "Series",
    "Wave",
    "daily_series",
    "detect_alerts",
    "poisson_sf",
    "score_series",
    "waves",
]
