"""The typed records that flow between stages.

Every stage consumes and produces these frozen dataclasses, so a value extracted from an
article keeps its evidence (character offsets into ``Article.text``) all the way to the
database, the API and the exports. Dicts appear only at I/O edges (see ``serialize``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TypeAlias

SCHEMA_VERSION = 1

# ``Event`` has a field named ``date``; inside its body the name no longer means the type.
_Date: TypeAlias = date


class Qualifier(StrEnum):
    """How a reported number relates to the true count ("over 180" is not "180")."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    UP_TO = "up_to"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    ON_OR_BEFORE = "on_or_before"


class PlacePrecision(StrEnum):
    POINT = "point"
    CITY = "city"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    UNKNOWN = "unknown"


class Role(StrEnum):
    PERPETRATOR = "perpetrator"
    SUSPECT = "suspect"
    VICTIM = "victim"
    CLAIMANT = "claimant"
    ARRESTED = "arrested"


class ActorKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    ORGANIZATION = "organization"
    STATE = "state"


class IncidentType(StrEnum):
    """ACLED/GTD-aligned taxonomy; see ``extract/patterns/taxonomy.jsonl`` for examples."""

    ARMED_ATTACK = "armed_attack"
    BOMBING = "bombing"
    ARSON = "arson"
    ASSAULT = "assault"
    KILLING = "killing"
    KIDNAPPING = "kidnapping"
    ROBBERY = "robbery"
    VANDALISM = "vandalism"
    THREAT_HARASSMENT = "threat_harassment"
    MASS_CASUALTY_ATTACK = "mass_casualty_attack"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article that supports a value: ``text == article.text[start:end]``, or
    ``article.title[start:end]`` when ``field`` is ``"title"``.

    ``field`` says which part of the article the offsets point into: ``"text"`` (the body)
    or ``"title"`` (the headline, read when the body reports no incident, since pages whose
    body is a cookie wall or a video caption still carry the story in their headline, and for
    the town of a lead incident the body places in none).
    """

    start: int
    end: int
    text: str
    field: str = "text"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    ingested_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: Qualifier = Qualifier.EXACT
    low: int | None = None
    high: int | None = None
    note: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    role: Role
    kind: ActorKind = ActorKind.INDIVIDUAL
    count: int | None = None
    nationality: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    occupation: str | None = None
    gender: str | None = None
    age_group: str | None = None
    affiliation: str | None = None
    arrested: bool | None = None
    name: str | None = None  # the proper name inside the phrase ("Antonio Roldan Betancur")
    note: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    resolved: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision = PlacePrecision.UNKNOWN
    geonames_id: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class EventDate:
    start: date | None
    end: date | None
    precision: DatePrecision
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Weapon:
    text: str
    category: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """A physical target: a building, vehicle, place of worship, shop."""

    text: str
    category: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Bias:
    motivated: bool | None = None
    characteristic: str | None = None
    groups: tuple[str, ...] = ()
    motive: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Incident:
    """One violent event as one article describes it."""

    id: str
    article_id: str
    type: IncidentType
    is_terrorism: bool = False
    subtype: str | None = None
    date: EventDate | None = None
    places: tuple[Place, ...] = ()
    perpetrators: tuple[Actor, ...] = ()
    suspects: tuple[Actor, ...] = ()
    victims: tuple[Actor, ...] = ()
    targets: tuple[Target, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    killed: Count | None = None
    injured: Count | None = None
    claimed_by: tuple[Actor, ...] = ()
    arrests: tuple[Actor, ...] = ()
    bias: Bias = field(default_factory=Bias)
    retaliation_cues: tuple[Evidence, ...] = ()
    sentences: tuple[Evidence, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    extractor_version: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Incidents from different articles that describe the same real event."""

    id: str
    type: IncidentType
    incident_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    is_terrorism: bool = False
    date: EventDate | None = None
    places: tuple[Place, ...] = ()
    killed: Count | None = None
    injured: Count | None = None
    victim_groups: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    first_reported: _Date | None = None
    last_reported: _Date | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A backlash incident or event pointing at the trigger event it retaliates for."""

    source_id: str
    trigger_id: str
    kind: str = "retaliation"
    score: float = 0.0
    cue: str = "implicit"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Alert:
    group: str
    region: str
    window_start: date
    window_end: date
    observed: int
    expected: float
    score: float
    method: str
    trigger_id: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """A reviewer's change to one field; re-extraction keeps it applied."""

    incident_id: str
    field: str
    value: str
    author: str | None = None
    created_at: datetime | None = None


_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """The form of an article's text that identity is computed on.

    NFC plus collapsed whitespace, so the same story re-saved with other line breaks or
    composed accents is recognised as the same article.
    """
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, url: str | None = None) -> str:
    """Stable id: a hash of the normalized text and URL (ARCHITECTURE.md, Article)."""
    digest = hashlib.sha256()
    digest.update(normalize_text(text).encode("utf-8"))
    digest.update(b"\x00")
    digest.update((url or "").strip().encode("utf-8"))
    return digest.hexdigest()[:16]
