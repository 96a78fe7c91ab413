"""Gun Violence Archive incidents with their news articles (SemEval-2018 Task 5 data).

Gold is the GVA database record of the incident an article reports, not a span annotation.
Only articles with exactly one gold incident are scored. Per article the extractor runs on
``text`` (the title is not prepended) with ``published`` = the article's date, and one
predicted incident is compared with the record:

**Main incident.** The predicted incident with the most casualties (killed + injured values),
then the most evidence (evidence + sentence spans), then the earliest in the extractor's
order. With no predicted incident every field below is scored as a prediction of nothing.

**Fields** (accuracy = correct / articles scored):

- ``killed`` / ``injured``: the count's ``value`` equals ``num_killed`` / ``num_injured``; a
  missing count is a prediction of 0 (the qualifier is ignored).
- ``date_exact``: the date has ``day`` precision, ``end`` equal to the gold date and
  ``start`` empty or equal to ``end``. ``date_contains``: ``start`` and ``end`` both set and
  the gold date between them; an open range (``on_or_before`` with no start) never counts.
- ``city``: some place's ``resolved`` or ``name`` equals the gold ``city_or_county``,
  case- and punctuation-insensitive, ignoring the words county/parish/borough/township;
  "Chicago (Englewood)" accepts Chicago or Englewood, "Orange (county)" accepts Orange.
- ``state``: some place's ``admin1`` is the state's name, USPS code or ISO 3166-2 code, or
  some place's ``resolved``/``name`` is the state's name.

Deduplication of reports into events is scored by :func:`score_clusters` (B-cubed and
pairwise P/R/F1 of predicted clusters against GVA incident ids), the hook the resolve stage
feeds: ``score_clusters([a.gold.incident_id for a in articles], cluster_labels)``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate.common import ExtractFn, Report, parse_date, read_jsonl
from tensionwatch.evaluate.metrics import Accuracy, normalize_string, score_clusters
from tensionwatch.models import DatePrecision, Incident, Place

__all__ = [
    "FIELDS",
    "GvaArticle",
    "GvaGold",
    "evaluate_gva",
    "load_gva",
    "main_incident",
    "sample_articles",
    "score_article",
    "score_clusters",
]

FIELDS = ("killed", "injured", "date_exact", "date_contains", "city", "state")

_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
_PLACE_WORDS = re.compile(r"\b(county|parish|borough|township)\b")


@dataclass(frozen=True)
class GvaGold:
    incident_id: str
    date: date | None
    state: str
    city_or_county: str
    num_killed: int
    num_injured: int


@dataclass(frozen=True)
class GvaArticle:
    id: str
    title: str
    published: date | None
    text: str
    golds: tuple[GvaGold, ...]

    @property
    def gold(self) -> GvaGold | None:
        """The gold incident when there is exactly one (the articles that are scored)."""
        return self.golds[0] if len(self.golds) == 1 else None


def _gold_date(value: str) -> date | None:
    for fmt in ("%B %d, %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def load_gva(path: Path) -> list[GvaArticle]:
    """Articles from ``normalized/all.jsonl`` (``path`` is the GVA folder or the file)."""
    file = path if path.is_file() else path / "normalized" / "all.jsonl"
    articles = []
    for record in read_jsonl(file):
        try:
            golds = tuple(
                GvaGold(
                    incident_id=str(g["incident_id"]),
                    date=_gold_date(str(g.get("date") or "")),
                    state=str(g.get("state") or ""),
                    city_or_county=str(g.get("city_or_county") or ""),
                    num_killed=int(g.get("num_killed") or 0),
                    num_injured=int(g.get("num_injured") or 0),
                )
                for g in record.get("gold") or []
            )
            articles.append(
                GvaArticle(
                    id=str(record["id"]),
                    title=str(record.get("title") or ""),
                    published=parse_date(record.get("date")),
                    text=str(record.get("text") or ""),
                    golds=golds,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{file}: malformed GVA record: {exc}", code="TW402") from exc
    return articles


def sample_articles(
    articles: Sequence[GvaArticle], limit: int | None = None, seed: int | None = None
) -> list[GvaArticle]:
    """The scorable articles (one gold incident, some text), optionally a deterministic sample.

    Without ``seed`` the first ``limit`` in file order; with a seed, ``limit`` drawn by
    ``random.Random(seed)`` from the articles sorted by id, returned in id order.
    """
    eligible = [a for a in articles if a.gold is not None and a.text.strip()]
    if limit is None or limit >= len(eligible):
        return eligible
    if seed is None:
        return eligible[:limit]
    ordered = sorted(eligible, key=lambda a: a.id)
    picked = sorted(random.Random(seed).sample(range(len(ordered)), limit))
    return [ordered[i] for i in picked]


def main_incident(incidents: Sequence[Incident]) -> Incident | None:
    """The incident the article is mostly about (rule in the module docstring)."""

    def weight(item: tuple[int, Incident]) -> tuple[int, int, int]:
        index, incident = item
        casualties = sum(c.value for c in (incident.killed, incident.injured) if c is not None)
        return casualties, len(incident.evidence) + len(incident.sentences), -index

    if not incidents:
        return None
    return max(enumerate(incidents), key=weight)[1]


def _place_key(text: str) -> str:
    return " ".join(_PLACE_WORDS.sub(" ", normalize_string(text.replace("-", " "))).split())


def city_candidates(city_or_county: str) -> set[str]:
    """Normalized names a prediction may give for GVA's ``city_or_county``."""
    match = re.fullmatch(r"\s*(.*?)\s*\((.*)\)\s*", city_or_county)
    names = [match.group(1), match.group(2)] if match else [city_or_county]
    return {key for key in map(_place_key, names) if key}


def _state_keys(state: str) -> set[str]:
    name = state.strip()
    codes = [code for code, full in _STATES.items() if full.lower() == name.lower()]
    keys = {name.lower()} | {c.lower() for c in codes} | {f"us-{c.lower()}" for c in codes}
    return {k for k in keys if k}


def _place_names(place: Place) -> set[str]:
    return {_place_key(n) for n in (place.resolved, place.name) if n}


def score_article(gold: GvaGold, incident: Incident | None) -> dict[str, bool]:
    """Field by field, whether ``incident`` agrees with the GVA record."""
    killed = incident.killed.value if incident and incident.killed else 0
    injured = incident.injured.value if incident and incident.injured else 0
    when = incident.date if incident else None
    exact = contains = False
    if when is not None and gold.date is not None and when.end is not None:
        exact = (
            when.precision == DatePrecision.DAY
            and when.end == gold.date
            and when.start in (None, when.end)
        )
        contains = when.start is not None and when.start <= gold.date <= when.end
    places = incident.places if incident else ()
    cities = city_candidates(gold.city_or_county)
    state_keys = _state_keys(gold.state)
    return {
        "killed": killed == gold.num_killed,
        "injured": injured == gold.num_injured,
        "date_exact": exact,
        "date_contains": contains,
        "city": any(_place_names(p) & cities for p in places),
        "state": any(
            (p.admin1 or "").strip().lower() in state_keys
            or _place_key(gold.state) in _place_names(p)
            for p in places
        ),
    }


def score_predictions(
    articles: Sequence[GvaArticle], predictions: Mapping[str, Sequence[Incident]]
) -> Report:
    """Accuracy per field over the scorable ``articles`` (an article with no entry: nothing)."""
    report = Report("gva")
    totals = {name: Accuracy() for name in FIELDS}
    scored = 0
    for article in articles:
        if article.gold is None:
            continue
        scored += 1
        fields = score_article(article.gold, main_incident(predictions.get(article.id, ())))
        totals = {name: totals[name] + Accuracy(int(fields[name]), 1) for name in FIELDS}
    report.accuracy = totals
    report.info["articles"] = scored
    report.info["articles_with_incident"] = sum(
        1 for a in articles if a.gold is not None and predictions.get(a.id)
    )
    return report


def evaluate_gva(
    articles: Sequence[GvaArticle],
    extract_fn: ExtractFn,
    progress: Callable[[], None] | None = None,
) -> tuple[Report, dict[str, list[Incident]]]:
    """Extract from each scorable article and score; also returns the predictions."""
    predictions: dict[str, list[Incident]] = {}
    for article in articles:
        if article.gold is None:
            continue
        predictions[article.id] = list(extract_fn(article.text, article.published, article.id))
        if progress is not None:
            progress()
    return score_predictions(articles, predictions), predictions
