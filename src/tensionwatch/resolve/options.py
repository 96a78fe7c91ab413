"""Every knob of deduplication in one explicit, frozen options object (no module globals)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tensionwatch.errors import ConfigError
from tensionwatch.models import IncidentType

T = IncidentType

# A type may belong to several families: reports of one event disagree on its label (one paper
# writes "shooting", another "mass casualty attack"; a firebombing is "arson" or "bombing").
_DEFAULT_FAMILIES: dict[IncidentType, tuple[str, ...]] = {
    T.ARMED_ATTACK: ("violent",),
    T.KILLING: ("violent",),
    T.MASS_CASUALTY_ATTACK: ("violent",),
    T.BOMBING: ("violent", "property"),
    T.ASSAULT: ("violent",),
    T.ARSON: ("property",),
    T.VANDALISM: ("property",),
    T.KIDNAPPING: ("kidnapping",),
    T.ROBBERY: ("robbery", "violent"),
    T.THREAT_HARASSMENT: ("threat",),
}

_DEFAULT_WEIGHTS: dict[str, float] = {
    "place": 3.0,
    "date": 3.0,
    "type": 1.0,
    "counts": 3.0,
    "victims": 2.0,
    "targets": 2.0,
    "weapons": 1.0,
    "text": 1.0,
}


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """Blocking, pair scoring and clustering settings.

    Blocking: two incidents are compared only if they share a type family, their countries do
    not differ, their admin1 regions do not differ, and their date intervals lie at most
    ``date_window_days`` apart.

    Scoring: a weighted mean of the feature scores both incidents inform (``weights``; a feature
    neither report states is left out, not counted as a disagreement), except the place: when
    either report gives none it counts as ``neutral``, so silence never makes two reports look
    alike. A pair is *vetoed* (cannot be in one event) when both dates
    are exact days more than ``max_exact_day_gap`` apart (unless the two share a town and
    agree on a toll of at least ``distinctive_casualties`` killed and injured, when the date
    counts as ``neutral`` instead; 0 turns that off), when both name targets that share
    nothing, when both name victims by full names that share no surname, or when both come
    from the same article. Conflicting counts never veto.

    Evidence: a pair can seed an event only with positive evidence, a place score of at least
    ``place_evidence`` (a shared town, county or uncontradicted region) or, with no shared
    place, a shared victim surname with the same exact day and the same non-zero counts, or
    with overlapping dates and no count or place against it.

    Clustering: average-link agglomeration; two clusters merge when their best pair has
    evidence and scores at least ``threshold``, the mean over their scored cross pairs at
    least ``threshold``, and no cross pair is vetoed.
    """

    threshold: float = 0.72
    date_window_days: int = 3
    undated_lookback_days: int = 7
    max_exact_day_gap: int = 1
    veto_below: float = 0.15
    neutral: float = 0.5
    place_evidence: float = 0.6
    distinctive_casualties: int = 5
    veto_features: tuple[str, ...] = ("targets", "victims")
    families: Mapping[IncidentType, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType(dict(_DEFAULT_FAMILIES))
    )
    weights: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType(dict(_DEFAULT_WEIGHTS))
    )
    merge_existing: bool = False

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"threshold must be in (0, 1], got {self.threshold}", code="TW011")
        if self.date_window_days < 0 or self.max_exact_day_gap < 0:
            raise ConfigError("date windows must be >= 0 days", code="TW012")
        unknown = set(self.weights) - set(_DEFAULT_WEIGHTS)
        if unknown:
            raise ConfigError(f"unknown similarity features {sorted(unknown)}", code="TW013")

    def families_of(self, incident_type: IncidentType) -> tuple[str, ...]:
        return self.families.get(incident_type, (str(incident_type),))
