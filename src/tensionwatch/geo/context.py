"""What an article says about where it is: dateline, countries and regions it names.

``context_from_text`` is cheap (one tokenisation, dict lookups, one gazetteer lookup for the
dateline) and needs no NLP model. Countries come from names only ("Russia", "the U.S.",
"EL SALVADOR"), never from demonyms ("Russian"). US states count as regions and as mentions of
the US, which is how GVA-style local news reveals its country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tensionwatch.geo._mentions import Mention
from tensionwatch.geo.gazetteer import CITY, Gazetteer

# Where a dateline ends: a MUC-4 date (", 18 FEB 90"), an agency "(Reuters)", a dash.
_DATELINE_END = re.compile(r",\s*\d|\(|\s--|\s?[—–]|\s-(?:\s|$)")
_DATELINE_WINDOW = 400
_MAX_DATELINE_WORDS = 5
# A dateline with no region must name a city at least this big, or one in a state or
# province the story names: an all-caps word that happens to be a hamlet somewhere is not a
# dateline.
MIN_DATELINE_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class GeoContext:
    """Where an article is about, to rank ambiguous place names.

    ``countries``: ISO 3166-1 alpha-2 codes the article names, most salient first (the
    dateline's country first). ``dateline``: the dateline place as written ("SAN SALVADOR",
    "DAYTON, Ohio"). ``default_country``: the country of the source, when known ("US" for
    GVA). ``regions``: admin1 codes ("US-OH") the article names, most salient first.
    ``by_county``: those of ``regions`` known only from a county only one state has
    ("Darlington County"): a story about one county may list others elsewhere, so such a
    state ranks names but rules no town out.
    """

    countries: tuple[str, ...] = ()
    dateline: str | None = None
    default_country: str | None = None
    regions: tuple[str, ...] = ()
    by_county: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Dateline:
    place: str | None  # a dateline that resolves in the gazetteer
    country: str | None
    admin1: str | None


def context_from_text(
    text: str, gazetteer: Gazetteer, *, default_country: str | None = None
) -> GeoContext:
    """Dateline plus the countries and regions named in ``text``, most salient first."""
    mentions = _disambiguated(gazetteer.scanner.scan(text), default_country)
    dateline = _find_dateline(text, gazetteer, frozenset(m.admin1 for m in mentions if m.admin1))

    country_counts: Counter[str] = Counter()
    region_counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    counties: set[str] = set()
    named: set[str] = set()
    for mention in mentions:
        country_counts[mention.country] += 1
        first_seen.setdefault(mention.country, mention.start)
        if mention.admin1:
            region_counts[mention.admin1] += 1
            first_seen.setdefault(mention.admin1, mention.start)
            county = gazetteer.is_county(mention.text)
            (counties if county else named).add(mention.admin1)
    if dateline.country:
        country_counts[dateline.country] += 1000
    if dateline.admin1:
        region_counts[dateline.admin1] += 1000
        named.add(dateline.admin1)

    def salience(code: str, counts: Counter[str]) -> tuple[int, int]:
        return (-counts[code], first_seen.get(code, -1))

    countries = sorted(country_counts, key=lambda c: salience(c, country_counts))
    regions = sorted(region_counts, key=lambda c: salience(c, region_counts))
    return GeoContext(
        countries=tuple(countries),
        dateline=dateline.place,
        default_country=default_country,
        regions=tuple(regions),
        by_county=frozenset(counties - named),
    )


def _disambiguated(mentions: list[Mention], default_country: str | None) -> list[Mention]:
    """Apply the ambiguity rules that need the whole article (``data/ambiguous_names.jsonl``)."""
    us_evidence = default_country == "US" or any(
        m.country == "US" and m.rule is None for m in mentions
    )
    abroad = any(m.country != "US" and m.rule is None for m in mentions)
    kept: list[Mention] = []
    for mention in mentions:
        if mention.rule == "us_state_if_us":  # "Georgia": the state in a US story
            if (mention.country == "US") != us_evidence:
                continue
        elif mention.rule == "us_county" and abroad and not us_evidence:
            continue  # "St. Mary Parish, the Jamaica Constabulary Force said"
        elif mention.rule == "country_only" and mention.admin1:  # "Washington": the US
            mention = Mention(
                mention.start, mention.end, mention.text, mention.country, None, mention.rule
            )
        kept.append(mention)
    return kept


def _find_dateline(
    text: str, gazetteer: Gazetteer, regions: frozenset[str] = frozenset()
) -> _Dateline:
    """The first line start in the opening of ``text`` that reads as a resolvable dateline;
    ``regions``: the admin1 areas the article names (a small town's dateline stands in one)."""
    window = text[:_DATELINE_WINDOW]
    for line in re.finditer(r"(?m)^[ \t]*(\S.*)$", window):
        found = _dateline_at(line.group(1), gazetteer, regions)
        if found is not None:
            return found
    return _Dateline(None, None, None)


def _dateline_at(
    line: str, gazetteer: Gazetteer, regions: frozenset[str] = frozenset()
) -> _Dateline | None:
    end = _DATELINE_END.search(line)
    if end is None or end.start() == 0:
        return None
    prefix = line[: end.start()].strip()
    place, _, region = (part.strip() for part in prefix.partition(","))
    letters = [c for c in place if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return None
    if len(place.split()) > _MAX_DATELINE_WORDS:
        return None
    paren = re.match(r"\(([^()]{2,40})\)", line[end.start() :].lstrip(", "))
    if not region and paren and gazetteer.country_for(paren.group(1)):
        region = paren.group(1)  # "MANAGUA (NICARAGUA)"
    region_codes, region_country = _region(region, gazetteer)
    if not region_codes and not region_country:
        region = ""  # "MOSCOW, March 25 (Reuters)": a date, not a region
    written = f"{place}, {region}" if region else place
    candidates = gazetteer.lookup(written)
    if not candidates:
        if region_country:  # "NO CITY (PERU)"
            return _Dateline(None, region_country, None)
        if region_codes:  # "ANTIOCH, Tenn.": a town we lack, in a state we know
            return _Dateline(None, region_codes[0][:2], region_codes[0])
        return None
    best = candidates[0]
    if (
        not region
        and best.feature == CITY
        and best.population < MIN_DATELINE_POPULATION
        and best.admin1 not in regions
    ):
        return None  # "NEWTON FALLS –" stands when the story names Ohio or a county in it
    # Only a written region ("DAYTON, Ohio") makes the dateline's admin1 a region of the
    # article: a capital's province says little about where the reported events were. A
    # country name is the country ("PANAMA CITY, PANAMA"), not its province of that name.
    named = best.feature == CITY and best.admin1 in region_codes
    if region_country == best.country:
        named = False
    return _Dateline(written, best.country, best.admin1 if named else None)


def _region(region: str, gazetteer: Gazetteer) -> tuple[list[str], str | None]:
    """(admin1 codes, country) a dateline's region may name: "GA" is Georgia, not Gabon;
    "Georgia" may be either, and the dateline city decides."""
    if not region:
        return [], None
    codes = gazetteer.resolve_admin1(region, countries=["US"])
    if codes and len(region.replace(".", "").strip()) <= 3:
        return codes, None
    return codes, gazetteer.country_for(region)
