"""Backlash linking: incidents or events → the trigger event they retaliate for."""

from __future__ import annotations

from tensionwatch.link.backlash import (
    LinkCandidate,
    LinkOptions,
    is_trigger,
    link_incidents,
    score_links,
)
from tensionwatch.link.cues import Cue, CueKind, CueSet, GroupTable

__all__ = [
    "Cue",
    "CueKind",
    "CueSet",
    "GroupTable",
    "LinkCandidate",
    "LinkOptions",
    "is_trigger",
    "link_incidents",
    "score_links",
]
