"""Gun Violence Archive incidents with their news articles (SemEval-2018 Task 5 data).

Gold is the GVA database record of the incident an article reports, not a span annotation.
Only articles with exactly one gold incident are scored. Per article the extractor runs on
``text`` with ``published`` = the article's date and the article's ``title`` as its headline
(read by the extractor only when the body reports no incident, as for any ingested page),
and one predicted incident is compared with the record:

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
  case- and punctuation-insensitive, ignoring the words county/parish/borough/township and
  reading St./Ste./Ft./Mt. as Saint/Sainte/Fort/Mount;
  "Chicago (Englewood)" accepts Chicago or Englewood, "Orange (county)" accepts Orange.
- ``state``: some place's ``admin1`` is the state's name, USPS code or ISO 3166-2 code, or
  some place's ``resolved``/``name`` is the state's name.

**Deduplication** (rows ``bcubed`` and ``pairwise``; info ``events``, ``true_incidents``).
Each scored article contributes one item: its main incident (the rule above), with
``article_id`` set to the GVA record id (and a repeated incident id made unique). The main
incidents of all scored articles are clustered together by ``cluster_fn`` (default
:func:`~tensionwatch.evaluate.gold.resolve_labels`: ``tensionwatch.resolve.cluster`` with
``articles`` = record id → published date) and the clusters are scored by
:func:`score_clusters` against the GVA incident ids (B-cubed and pairwise P/R/F1).

An article with no predicted incident counts as a *singleton cluster*: it was not merged
with anything, which is what the pipeline does with it (no incident, no event). Dropping
such articles instead would score deduplication on an easier subset and hide that their
reports are never joined to the rest of their incident (recall). ``events`` is the number of
predicted clusters, singletons included; ``true_incidents`` the number of distinct GVA
incident ids among the scored articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from tensionwatch.errors import EvaluationError
from tensionwatch.evaluate.common import ExtractFn, Report, parse_date, read_jsonl
from tensionwatch.evaluate.gold import ClusterFn, distinct_ids, resolve_labels
from tensionwatch.evaluate.metrics import PRF, Accuracy, normalize_string, score_clusters
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
    "score_dedup",
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
# "St. Louis" is "Saint Louis", "Ft. Myers" is "Fort Myers": GVA spells the words out.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


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
    words = _PLACE_WORDS.sub(" ", normalize_string(text.replace("-", " "))).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


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


def score_dedup(
    articles: Sequence[GvaArticle],
    predictions: Mapping[str, Sequence[Incident]],
    cluster_fn: ClusterFn = resolve_labels,
) -> tuple[dict[str, PRF], dict[str, int]]:
    """B-cubed and pairwise scores of the main incidents' clusters, and the counts behind them.

    Rule in the module docstring: one item per scorable article; no incident = a singleton.
    """
    golds: list[str] = []
    labels: list[Hashable] = []
    mains: list[Incident] = []
    positions: list[int] = []
    for article in articles:
        if article.gold is None:
            continue
        main = main_incident(predictions.get(article.id, ()))
        if main is not None:
            mains.append(replace(main, article_id=article.id))
            positions.append(len(labels))
        golds.append(article.gold.incident_id)
        labels.append(("no incident", article.id))
    published = {a.id: a.published for a in articles}
    found = cluster_fn(distinct_ids(mains), published)
    for position, label in zip(positions, found, strict=True):
        labels[position] = ("event", label)
    info = {"events": len(set(labels)), "true_incidents": len(set(golds))}
    return score_clusters(golds, labels), info


def score_predictions(
    articles: Sequence[GvaArticle],
    predictions: Mapping[str, Sequence[Incident]],
    cluster_fn: ClusterFn | None = resolve_labels,
) -> Report:
    """Accuracy per field over the scorable ``articles`` (an article with no entry: nothing),
    plus the deduplication rows unless ``cluster_fn`` is None."""
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
    if cluster_fn is not None:
        clusters, counts = score_dedup(articles, predictions, cluster_fn)
        report.prf.update(clusters)
        report.info.update(counts)
    return report


def evaluate_gva(
    articles: Sequence[GvaArticle],
    extract_fn: ExtractFn,
    progress: Callable[[], None] | None = None,
    cluster_fn: ClusterFn | None = resolve_labels,
) -> tuple[Report, dict[str, list[Incident]]]:
    """Extract from each scorable article (article id = GVA record id) and score; also
    returns the predictions."""
    predictions: dict[str, list[Incident]] = {}
    for article in articles:
        if article.gold is None:
            continue
        predictions[article.id] = list(
            extract_fn(article.text, article.published, article.id, article.title or None)
        )
        if progress is not None:
            progress()
    return score_predictions(articles, predictions, cluster_fn), predictions
