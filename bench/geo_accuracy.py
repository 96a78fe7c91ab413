"""How well the offline geocoder resolves gold place names (GVA cities, MUC-4 cities).

    .venv/bin/python bench/geo_accuracy.py [--data ../shared/data]

GVA (SemEval-2018 Task 5 source data, US local news): each gold incident's
``city_or_county`` + ``state`` is the *input*; a hit is a GeoNames city (precision ``city``)
in the gold state. GVA writes neighbourhoods in brackets ("Chicago (Englewood)"): the bracket
is dropped. Counties ("Noble County", "Brown (county)") are not cities and are counted apart.
Three ways of giving the state:

* ``name, state``   -- the place string carries it: "Dayton, Ohio" (unique city/state pairs)
* ``name + text``   -- the bare name, with ``context_from_text`` of the article (per article)
* ``name only``     -- the bare name with default_country="US": population prior alone

MUC-4 dev (TST1+TST2): gold ``location`` strings "EL SALVADOR: SAN SALVADOR (CITY)"; the
``(CITY)`` part is geocoded, a hit is a place in the gold country. ``(TOWN)`` parts are
reported apart. With the article context and without.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tensionwatch.geo import Gazetteer, GeoContext, context_from_text, geocode
from tensionwatch.models import Place, PlacePrecision

REPO = Path(__file__).resolve().parents[1]
_COUNTY = re.compile(r"\bcounty\b", re.IGNORECASE)
_BRACKET = re.compile(r"\s*\([^()]*\)\s*")
_MUC_PART = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>[A-Z ]+)\)$")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:.1f}%" if total else "0/0"


def gva(gazetteer: Gazetteer, path: Path, limit: int | None) -> None:
    pairs: set[tuple[str, str]] = set()
    per_article: list[tuple[str, str, str]] = []
    counties = 0
    for article in _jsonl(path):
        for gold in article["gold"]:
            city, state = gold["city_or_county"] or "", gold["state"] or ""
            if not city or not state:
                continue
            if _COUNTY.search(city):
                counties += 1
                continue
            city = _BRACKET.sub(" ", city).strip()
            pairs.add((city, state))
            per_article.append((city, state, article["text"]))
    if limit:
        per_article = per_article[:limit]

    def hit(place: Place, state: str) -> bool:
        codes = gazetteer.resolve_admin1(state, countries=["US"])
        expected = codes[0] if codes else None
        return place.precision == PlacePrecision.CITY and place.admin1 == expected

    us = GeoContext(default_country="US")
    with_state = sum(
        hit(geocode([Place(name=f"{city}, {state}")], gazetteer, us)[0], state)
        for city, state in sorted(pairs)
    )
    name_only = sum(
        hit(geocode([Place(name=city)], gazetteer, us)[0], state) for city, state in sorted(pairs)
    )
    started = time.perf_counter()
    in_text = unresolved = 0
    misses: Counter[str] = Counter()
    for city, state, text in per_article:
        context = context_from_text(text, gazetteer, default_country="US")
        found = geocode([Place(name=city)], gazetteer, context)[0]
        if hit(found, state):
            in_text += 1
        elif found.precision == PlacePrecision.UNKNOWN:
            unresolved += 1
        else:
            misses[f"{city}, {state}"] += 1
    per_doc_ms = 1000 * (time.perf_counter() - started) / max(len(per_article), 1)

    print("GVA city/state (gold city name in, GeoNames city in the gold state out)")
    print(f"  name, state   : {_rate(with_state, len(pairs))} unique city/state pairs")
    print(f"  name + text   : {_rate(in_text, len(per_article))} article/incident pairs")
    wrong = len(per_article) - in_text - unresolved
    print(f"                  ({unresolved} left unresolved, {wrong} placed elsewhere)")
    print(f"  name only (US): {_rate(name_only, len(pairs))} unique pairs")
    print(f"  counties left out: {counties}; context+geocode {per_doc_ms:.2f} ms per article")
    print(f"  most frequent misses (name + text): {misses.most_common(8)}")


def muc4(gazetteer: Gazetteer, path: Path, split: str) -> None:
    results: dict[str, list[bool]] = {"CITY": [], "TOWN": []}
    blind: list[bool] = []
    misses: list[str] = []
    for document in _jsonl(path):
        context = context_from_text(document["text"], gazetteer)
        seen: set[str] = set()
        for event in document["gold"]:
            for location in event.get("location") or []:
                if location in seen:
                    continue
                seen.add(location)
                written = location.strip()
                if written.startswith("(") and written.endswith(")"):
                    written = written[1:-1]  # "(COLOMBIA: BOGOTA (CITY))", an optional filler
                segments = [segment.strip() for segment in written.split(":")]
                country = gazetteer.country_for(segments[0])
                if country is None:
                    continue
                parts = [p.strip() for segment in segments[1:] for p in segment.split(" - ")]
                for part_text in parts:  # "PEREIRA (CITY) - BELEN DE UMBRIA (TOWN)": a range
                    part = _MUC_PART.match(part_text)
                    if part is None or part.group("kind") not in results:
                        continue
                    place = Place(name=part.group("name"))
                    found = geocode([place], gazetteer, context)[0]
                    results[part.group("kind")].append(found.country == country)
                    if part.group("kind") == "CITY":
                        alone = geocode([place], gazetteer, GeoContext())[0]
                        blind.append(alone.country == country)
                        if found.country != country:
                            misses.append(f"{place.name} ({segments[0]}) -> {found.country}")
    print(f"MUC-4 {split} (gold location's city part in, the gold country out)")
    print(f"  CITY + text   : {_rate(sum(results['CITY']), len(results['CITY']))}")
    print(f"  CITY alone    : {_rate(sum(blind), len(blind))}")
    print(f"  TOWN + text   : {_rate(sum(results['TOWN']), len(results['TOWN']))}")
    print(f"  misses: {misses[:12]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="GVA articles to geocode")
    parser.add_argument("--muc", nargs="+", default=["dev"], help="MUC-4 splits: dev, train")
    args = parser.parse_args()

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.process_time(), time.perf_counter()
    gazetteer = Gazetteer.load()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(f"Gazetteer.load: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS +{grown:.0f} MiB")

    gva(gazetteer, args.data / "gva_semeval2018t5" / "normalized" / "all.jsonl", args.limit)
    for split in args.muc:
        muc4(gazetteer, args.data / "muc4" / "normalized" / f"{split}.jsonl", split)


if __name__ == "__main__":
    main()
