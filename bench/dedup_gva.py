"""Deduplication quality on the GVA / SemEval-2018 Task 5 articles (articles → incidents).

The real extractor is not wired in yet, so each article becomes one *approximate* Incident
built from its gold record (date, city, state, killed, injured; the gold incident id is
dropped). Clustering those incidents and comparing the clusters with the gold incident ids
measures the clustering logic alone: with gold-derived fields this is an UPPER BOUND on what
the full pipeline will reach. ``--noise`` perturbs the fields the way an extractor errs
(vague dates, wrong or missing counts, a missing city) for a less flattering estimate.

    .venv/bin/python bench/dedup_gva.py [--noise 0.2] [--limit N] [--path all.jsonl]

Metrics: B-cubed precision/recall/F1 (Bagga & Baldwin 1998: per-item overlap between the
predicted and the gold cluster, averaged over items) and pairwise precision/recall/F1 (over
unordered pairs of items placed in one cluster), plus the number of events vs true incidents.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from tensionwatch.models import (
    Count,
    DatePrecision,
    EventDate,
    Incident,
    IncidentType,
    Place,
    PlacePrecision,
)
from tensionwatch.resolve import ResolveOptions, cluster

DEFAULT_PATH = (
    Path(__file__).resolve().parents[2] / "shared/data/gva_semeval2018t5/normalized/all.jsonl"
)


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """B-cubed over items: ``predicted`` and ``gold`` map each item to its cluster label."""
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item, label in predicted.items():
        pred_members[label].add(item)
    for item, label in gold.items():
        gold_members[label].add(item)
    p = r = 0.0
    for item in gold:
        mine, truth = pred_members[predicted[item]], gold_members[gold[item]]
        overlap = len(mine & truth)
        p += overlap / len(mine)
        r += overlap / len(truth)
    n = len(gold)
    return Scores(p / n, r / n)


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Precision/recall over unordered item pairs that share a cluster."""

    def pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
        members: dict[str, list[str]] = defaultdict(list)
        for item, label in labels.items():
            members[label].append(item)
        return {
            (a, b)
            for group in members.values()
            for i, a in enumerate(sorted(group))
            for b in sorted(group)[i + 1 :]
        }

    pp, gp = pairs(predicted), pairs(gold)
    hit = len(pp & gp)
    return Scores(hit / len(pp) if pp else 1.0, hit / len(gp) if gp else 1.0)


def _gold_date(text: str) -> date:
    return datetime.strptime(text, "%B %d, %Y").date()


def load(
    path: Path, noise: float, seed: int, limit: int | None
) -> tuple[list[Incident], dict[str, date | None], dict[str, str]]:
    """Approximate incidents (one per article with a gold record) and the gold labels."""
    rng = random.Random(seed)
    incidents: list[Incident] = []
    published: dict[str, date | None] = {}
    gold: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row["gold"]:
                continue
            record = row["gold"][0]
            article = row["id"]
            pub = date.fromisoformat(row["date"]) if row.get("date") else None
            day = _gold_date(record["date"])
            when = EventDate(day, day, DatePrecision.DAY)
            if noise and rng.random() < noise:  # "on Saturday" not resolved: dated by the paper
                anchor = pub if pub and pub >= day else day + timedelta(days=rng.randint(0, 2))
                when = EventDate(None, anchor, DatePrecision.ON_OR_BEFORE)
            city = record["city_or_county"]
            place = Place(
                city,
                resolved=city,
                country="US",
                admin1=record["state"],
                precision=PlacePrecision.CITY,
            )
            if noise and rng.random() < noise / 2:  # only the state came through
                place = Place(
                    record["state"],
                    resolved=record["state"],
                    country="US",
                    admin1=record["state"],
                    precision=PlacePrecision.ADMIN1,
                )
            killed, injured = record["num_killed"], record["num_injured"]
            if noise and rng.random() < noise:  # an early, lower or a wrong count
                killed = max(0, killed + rng.choice((-1, 1)))
            if noise and rng.random() < noise:
                injured = max(0, injured + rng.choice((-1, 1)))
            incidents.append(
                Incident(
                    id=article,
                    article_id=article,
                    type=IncidentType.ARMED_ATTACK,
                    date=when,
                    places=(place,),
                    killed=Count(killed),
                    injured=Count(injured),
                )
            )
            published[article] = pub
            gold[article] = record["incident_id"]
            if limit and len(incidents) >= limit:
                break
    return incidents, published, gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--noise", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=ResolveOptions().threshold)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"missing data: {args.path}", file=sys.stderr)
        return 2
    incidents, published, gold = load(args.path, args.noise, args.seed, args.limit)
    started = time.perf_counter()
    result = cluster(
        incidents, articles=published, options=ResolveOptions(threshold=args.threshold)
    )
    seconds = time.perf_counter() - started
    predicted = {iid: eid for eid, members in result.membership.items() for iid in members}
    key = {i.id: (i.date, i.places[0].name, i.places[0].admin1) for i in incidents}
    exact_key = {iid: repr(k) for iid, k in key.items()}  # naive baseline: same date + city
    report = {
        "articles": len(incidents),
        "true_incidents": len(set(gold.values())),
        "events": len(result.events),
        "noise": args.noise,
        "threshold": args.threshold,
        "seconds": round(seconds, 2),
        "candidate_pairs": len(result.scores),
        "bcubed": _row(bcubed(predicted, gold)),
        "pairwise": _row(pairwise(predicted, gold)),
        "baseline_same_date_city": {
            "events": len(set(exact_key.values())),
            "bcubed": _row(bcubed(exact_key, gold)),
            "pairwise": _row(pairwise(exact_key, gold)),
        },
        "largest_event": max(Counter(predicted.values()).values()),
        "note": "incidents built from gold fields: an upper bound for the full pipeline",
    }
    if args.json:
        print(json.dumps(report))
    else:
        for name, value in report.items():
            print(f"{name:>24}: {value}")
    return 0


def _row(scores: Scores) -> dict[str, float]:
    return {
        "p": round(scores.precision, 4),
        "r": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


if __name__ == "__main__":
    raise SystemExit(main())
