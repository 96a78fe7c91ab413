"""Deduplication: incident reports from many articles → Events.

``cluster`` blocks (``keys``), scores pairs (``similarity``), clusters incrementally under
analyst ``decisions`` and merges fields keeping every source and conflict (``merge``).
"""

from __future__ import annotations

from tensionwatch.resolve.cluster import ClusterResult, cluster, event_id_for
from tensionwatch.resolve.decisions import Decision, DecisionKind, merge_events, split_event
from tensionwatch.resolve.merge import CountSummary, EventDetails, ReportedCount
from tensionwatch.resolve.options import ResolveOptions
from tensionwatch.resolve.similarity import PairScore, explain_pair

__all__ = [
    "ClusterResult",
    "CountSummary",
    "Decision",
    "DecisionKind",
    "EventDetails",
    "PairScore",
    "ReportedCount",
    "ResolveOptions",
    "cluster",
    "event_id_for",
    "explain_pair",
    "merge_events",
    "split_event",
]
