"""Place mentions for incidents, and the article's country context for incidents without one.

Geocoding proper (GeoNames ids, coordinates) is the ``geo`` stage; the extractor only needs a
``PlaceResolver`` that it is handed explicitly. ``CountryNames`` is the dependency-light
default: it recognises country names and nothing else, and says ``precision: country`` when
that is all it knows.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar, Protocol

from spacy.tokens import Doc, Span, Token

from tensionwatch.extract import names
from tensionwatch.models import Evidence, Place, PlacePrecision

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# directions alone ("S.E. 80th", "NW 64th Street", "South" of "South 5th West"), which the
# tagger may take for places: Cameroon has a region called South
_COMPASS = frozenset(
    {"n", "s", "e", "w", "ne", "nw", "se", "sw"}
    | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
_VENUE_WORDS = frozenset(
    {
        "hall",
        "centre",
        "center",
        "station",
        "market",
        "mall",
        "hotel",
        "church",
        "mosque",
        "synagogue",
        "school",
        "university",
        "hospital",
        "stadium",
        "theatre",
        "theater",
        "airport",
        "arena",
        "club",
        "temple",
        "square",
        "embassy",
        "cathedral",
        "bazaar",
    }
)


# A day the tagger runs into a place name: "in Sulphur Sunday night" tagged "Sulphur Sunday"
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


class PlaceResolver(Protocol):
    def country_of(self, name: str) -> str | None: ...

    def resolve(self, places: Sequence[Place], text: str) -> tuple[Place, ...]: ...


class CountryNames:
    """Country names via pycountry (``Russia`` → RU); cities stay unresolved."""

    _ALIASES: ClassVar[dict[str, str]] = {
        "russia": "RU",
        "britain": "GB",
        "great britain": "GB",
        "uk": "GB",
        "u.k.": "GB",
        "england": "GB",
        "scotland": "GB",
        "wales": "GB",
        "us": "US",
        "u.s.": "US",
        "usa": "US",
        "america": "US",
        "the united states": "US",
        "united states": "US",
        "iran": "IR",
        "syria": "SY",
        "south korea": "KR",
        "north korea": "KP",
        "vietnam": "VN",
        "laos": "LA",
        "bolivia": "BO",
        "venezuela": "VE",
        "tanzania": "TZ",
        "moldova": "MD",
        "turkey": "TR",
        "kosovo": "XK",
        "palestine": "PS",
        "ivory coast": "CI",
        "czech republic": "CZ",
        "taiwan": "TW",
        "the netherlands": "NL",
        "holland": "NL",
    }

    def __init__(self) -> None:
        import pycountry

        self._names: dict[str, tuple[str, str]] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._names[value.lower()] = (country.alpha_2, country.name)
        for alias, code in self._ALIASES.items():
            found = pycountry.countries.get(alpha_2=code)
            self._names.setdefault(alias, (code, found.name if found else alias.title()))

    def country_of(self, name: str) -> str | None:
        hit = self._names.get(name.lower().strip())
        return hit[0] if hit else None

    def resolve(self, places: Sequence[Place], text: str) -> tuple[Place, ...]:
        out = []
        for place in places:
            written = (place.resolved or place.name).strip()
            hit = self._names.get(written.lower())
            if hit and place.country is None:
                short = written if len(written) > 4 and not written.islower() else hit[1]
                place = replace(
                    place,
                    country=hit[0],
                    resolved=place.resolved or short,
                    precision=PlacePrecision.COUNTRY,
                )
            out.append(place)
        return tuple(out)


def place_entities(
    doc: Doc,
    locative: frozenset[str] = frozenset(),
    conveyance: frozenset[str] = frozenset(),
    cared: frozenset[int] = frozenset(),
    known_town: Callable[[str], bool] | None = None,
    kin: frozenset[str] = frozenset(),
    streets: frozenset[str] = frozenset(),
) -> list[Span]:
    """GPE/LOC/FAC entities, plus ORG entities that are venues ("Crocus City Hall") or that
    follow a ``locative`` phrase ("north of Coushatta", "near Snowville": the parser often
    calls a small town an organization, but nothing else lies north of a place). Where a
    ``conveyance`` verb took someone ("transported him to Capital Health Medical Center")
    is no place of the event, nor is a hospital someone was treated in or its town
    (``cared``: where such names start, see :func:`towns_of_care`). A name
    the article gives a person earlier ("Andrew Crittenden" … "Crittenden’s son", "while
    Crittenden was …") is that person, however the tagger labels it, where a person stands
    (see :func:`_names_person`); so is a name that has a son or a wife (``kin`` nouns:
    "Fulton's son"), wherever the article says so. With ``known_town`` (whether the
    gazetteer knows a sizeable town by a name), a name the tagger calls a person right after
    "in" may be a town too (see :func:`_town_read_as_person`). A name listed before a plural
    ``streets`` word ("near 83rd and Antwerp streets") is a street (see
    :func:`_in_a_street_list`)."""
    found = []
    surnames = names.surnames(doc)
    parents = _kin_possessors(doc, kin)
    for ent in map(without_day, doc.ents):
        if ent.start in cared:
            continue
        if known_town is not None and ent.label_ in PLACE_LABELS:
            ent = _whole_name(ent, known_town)
        if _destination(ent, conveyance) or _names_person(ent, surnames, parents):
            continue
        if _in_a_street_list(ent, streets):
            continue
        if ent.text.replace(".", "").replace(" ", "").lower() in _COMPASS:
            continue  # "near S.E. 80th": the tagger calls the direction a place
        if (
            ent.label_ in PLACE_LABELS
            or (ent.label_ == "ORG" and ent[-1].lower_ in _VENUE_WORDS)
            or (ent.label_ == "ORG" and _after_locative(ent, locative))
            or (
                ent.label_ == "PERSON"
                and known_town is not None
                and _town_read_as_person(ent, surnames)
                and known_town(ent.text)
            )
        ):
            found.append(ent)
    return found


# plurals that name no street in a list ("Chicago and other places")
_NOT_STREET_PLURALS = frozenset({"places", "ways"})


def _in_a_street_list(ent: Span, streets: frozenset[str]) -> bool:
    """ "near 83rd and Antwerp streets", "at Grove and Atlantic avenues": a name listed with
    other names before a plural street word is a street, whatever town shares its name; not
    "Riverside and Fresno detectives", nor "violence on Philadelphia streets"."""
    doc = ent.doc
    # the last of the list ("83rd and Antwerp streets"); alone, "on Philadelphia streets"
    # are the town's streets
    listed = ent.start > 0 and doc[ent.start - 1].lower_ in {"and", "&", ","}
    for token in doc[ent.end : ent.end + 6]:
        word = token.lower_
        if word.endswith("s") and word[:-1] in streets and word not in _NOT_STREET_PLURALS:
            return listed
        if word in {"and", "&", ","}:
            listed = True
        elif not (listed and (token.pos_ == "PROPN" or token.is_title or token.like_num)):
            return False
    return False


def _whole_name(ent: Span, known_town: Callable[[str], bool]) -> Span:
    """ "a Jurupa Valley restaurant" tagged "Valley", "in East Palo Alto" tagged "East Palo":
    the tagger may leave a town's first or last word out of its name (the part alone is a
    hamlet abroad, "Palo" in the Philippines). The name with the capitalised word next to it,
    when the gazetteer knows a sizeable town by that (see ``known_town``)."""
    doc = ent.doc

    def joinable(token: Token) -> bool:
        return (
            token.sent == ent.sent
            and token.is_title
            and token.is_alpha
            and not token.is_stop
            and token.ent_type_ in {"", ent.label_}
        )

    for start, end in ((ent.start - 1, ent.end), (ent.start, ent.end + 1)):
        if start < 0 or end > len(doc):
            continue
        wider = doc[start:end]
        added = doc[start] if start < ent.start else doc[end - 1]
        if joinable(added) and known_town(wider.text):
            return Span(doc, start, end, label=ent.label_)
    return ent


def _town_read_as_person(ent: Span, surnames: dict[str, int]) -> bool:
    """ "was fatally shot Tuesday in Gary": a town with a given name's spelling, which the
    tagger calls a person, right after an "in" that hangs on a verb (not "peace in Jesus").
    Not a surname of someone the article names in full before ("Jordan Marion" … "in
    Marion"), nor a full name itself."""
    if len(ent) != 1 or ent.start == 0 or not ent.root.text[:1].isupper():
        return False
    before = ent.doc[ent.start - 1]
    return (
        before.lower_ == "in"
        and before.head.pos_ in {"VERB", "AUX"}
        and ent.root.head.i == before.i
        and ent.root.dep_ == "pobj"
        and not names.is_surname(ent.root, surnames)
    )


def without_day(ent: Span) -> Span:
    """The entity without the weekday the tagger ran into it ("Sulphur Sunday" in "killed in
    Sulphur Sunday night")."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in _WEEKDAYS:
        end -= 1
    if end == ent.end:
        return ent
    return Span(ent.doc, ent.start, end, label=ent.label_)


def _names_person(
    ent: Span, surnames: dict[str, int], parents: frozenset[str] = frozenset()
) -> bool:
    """ "Crittenden" after "Andrew Crittenden", or a name with a son (``parents``, see
    :func:`_kin_possessors`), where a person stands: a subject, an object, a possessor
    ("Crittenden’s son"), one of a list of people ("Reese, Miller, Camacho and Rivera"), the
    object of a preposition that takes people ("at Camacho and Rivera's apartment"); not "in
    Lincoln", "Lincoln police", "a Lincoln man"."""
    root = ent.root
    if len(ent) != 1 or not (names.is_surname(root, surnames) or root.text in parents):
        return False
    if root.dep_ in {"nsubj", "nsubjpass", "dobj", "poss", "appos"}:
        return True
    if root.dep_ == "conj":
        return root.head.ent_type_ == "PERSON" or names.is_surname(root.head, surnames)
    return root.dep_ == "pobj" and root.head.lower_ in _PEOPLE_PREPOSITIONS


# prepositions whose object is a person far more often than a town ("at Camacho and Rivera's
# apartment", "an argument with Fair"); "in", "near", "from" and "of" locate
_PEOPLE_PREPOSITIONS = frozenset({"at", "with", "for", "by", "against", "between"})


def _kin_possessors(doc: Doc, kin: frozenset[str]) -> frozenset[str]:
    """ "Fulton's son": a proper name that has a son, a wife or a mother is a person's,
    however the tagger labels it (a quoted nickname can split a full name, so the surname may
    stand alone from the start). Not "Flint's children" or "Chicago's mothers": a town's
    people, in the plural."""
    return frozenset(
        t.text
        for t in doc
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.lower_ in kin and t.head.tag_ == "NN"
    )


def _destination(ent: Span, conveyance: frozenset[str]) -> bool:
    """ "taken to Cook County Hospital", "flown to a hospital in Anchorage"."""
    for token in ent.root.ancestors:
        if token.pos_ in {"VERB", "AUX"}:
            return False
        if token.dep_ == "prep" and token.lower_ in {"to", "into"}:
            verb = token.head
            moved = verb.tag_ == "VBN" or any(  # "taken to", "transported him to"
                c.dep_ in {"dobj", "obj", "nsubjpass", "auxpass"} for c in verb.children
            )
            return moved and verb.lemma_.lower() in conveyance  # not "officers rushed to"
    return False


def towns_of_care(doc: Doc, care: frozenset[str], treated: frozenset[str]) -> frozenset[int]:
    """Where the place names of hospitals someone was treated in start (see
    :func:`_town_of_care`), with the town or state written after such a place ("in Tulsa,
    Oklahoma", "at Grant Medical Center in Columbus"). Such a place is no scene of the event
    (a trauma centre serves a region), no vote for the article's town and no fallback town;
    computed once per document for all three."""
    starts: set[int] = set()
    dropped = -1
    for ent in doc.ents:
        if (
            _town_of_care(ent, care, treated)
            or _treated_in(ent.root, ent.text.lower(), care, treated)
            or (ent.start == dropped + 1 and doc[dropped].lower_ in {",", "in"})
        ):
            starts.add(ent.start)
            dropped = ent.end
    return frozenset(starts)


def _town_of_care(ent: Span, care: frozenset[str], treated: frozenset[str]) -> bool:
    """ "died at a hospital in Anchorage", "treated at Mercy Medical Center in Des Moines":
    ``treated`` lemmas say what happened to someone at the facility."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in {"in", "near"} or prep.i >= ent.start:
        return False
    facility = prep.head
    if facility.pos_ not in {"NOUN", "PROPN"}:
        return False
    words = ent.doc[facility.left_edge.i : facility.i + 1].text.lower()
    return _treated_in(facility, words, care, treated)


def _treated_in(facility: Token, words: str, care: frozenset[str], treated: frozenset[str]) -> bool:
    """Whether ``facility`` (named by ``words``) is a hospital someone was treated or died in:
    "succumbed to her injuries at the Baptist Hospital"."""
    if not any(_contains_phrase(words, phrase) for phrase in care):
        return False
    for token in facility.ancestors:  # "died … at", "treated at"; not "opened fire at"
        if token.lemma_.lower() in treated:
            return True
        if token.pos_ in {"NOUN", "PROPN"} and any(
            _contains_phrase(token.doc[token.left_edge.i : token.i + 1].text.lower(), phrase)
            for phrase in care
        ):
            continue  # "flown to the trauma unit at Grant Medical Center"
        if token.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}:
            return False  # "died in a shooting at a hospital in Tulsa": the scene
    return False


def _contains_phrase(text: str, phrase: str) -> bool:
    """Whole words only: "clinic" names a clinic, "Clinician Street" does not."""
    return f" {phrase} " in f" {text} "


def _after_locative(ent: Span, locative: frozenset[str]) -> bool:
    before = ent.doc[max(0, ent.start - 2) : ent.start]
    words = [t.lower_ for t in before]
    return " ".join(words) in locative or (bool(words) and words[-1] in locative)


def to_places(ents: Sequence[Span]) -> list[tuple[Place, Token]]:
    """Venue followed by its town ("Crocus City Hall, Moscow") becomes one place; each place
    comes with the token that attaches it in the parse (the venue's root for a merged one)."""
    places: list[tuple[Place, Token]] = []
    skip: set[int] = set()
    ents = sorted(ents, key=lambda e: e.start)
    for i, ent in enumerate(ents):
        if i in skip:
            continue
        ent = _with_block(ent)
        evidence = [Evidence(ent.start_char, ent.end_char, ent.text)]
        resolved = None
        if i + 1 < len(ents) and ent.label_ in {"FAC", "ORG"}:
            nxt = ents[i + 1]
            between = ent.doc[ent.end : nxt.start].text.strip()
            if nxt.label_ == "GPE" and between in {",", "in", "near"}:
                resolved = nxt.text
                evidence.append(Evidence(nxt.start_char, nxt.end_char, nxt.text))
                skip.add(i + 1)
        elif i + 1 < len(ents) and ent.label_ == "GPE":
            nxt = ents[i + 1]
            between = ent.doc[ent.end : nxt.start].text.strip()
            if nxt.label_ == "GPE" and between == ",":  # "Krasnogorsk, Moscow Oblast"
                evidence.append(Evidence(nxt.start_char, nxt.end_char, nxt.text))
                skip.add(i + 1)
        precision = PlacePrecision.POINT if ent.label_ in {"FAC", "ORG"} else PlacePrecision.UNKNOWN
        place = Place(
            name=ent.text, resolved=resolved, precision=precision, evidence=tuple(evidence)
        )
        places.append((place, ent.root))
    return places


def _region(resolver: PlaceResolver, town: Place, evidence: tuple[Evidence, ...]) -> Place:
    """The state (else the country) of a hospital's town: patients are taken to a trauma
    centre that serves a region, seldom across a state line, so the region stands where the
    town does not. Named as the gazetteer names it, when there is one."""
    gazetteer = getattr(resolver, "gazetteer", None)
    if town.admin1 and gazetteer is not None:
        found = gazetteer.admin1(town.admin1)
        name = getattr(found, "name", None)
        if name:
            return Place(
                name=name,
                resolved=name,
                country=town.country,
                admin1=town.admin1,
                precision=PlacePrecision.ADMIN1,
                evidence=evidence,
            )
    code = town.country or ""
    found = gazetteer.country(code) if gazetteer is not None and code else None
    name = getattr(found, "name", None) or code
    return Place(name=name, country=code, precision=PlacePrecision.COUNTRY, evidence=evidence)


def _with_block(ent: Span) -> Span:
    """ "the 4500 block of North Frankfort" is a street, whatever town shares its name: the
    place keeps its block ("4500 block of North Frankfort"), which no gazetteer resolves."""
    of = ent.root.head
    block = of.head
    if of.lower_ != "of" or block.lower_ != "block" or not block.i < of.i < ent.start:
        return ent
    number = next((t.i for t in block.children if t.like_num and t.i < block.i), block.i)
    return Span(ent.doc, number, ent.end, label=ent.label_)


def dominant_country(
    doc: Doc, resolver: PlaceResolver, cared: frozenset[int] = frozenset()
) -> Place | None:
    """The country the article is about: most often named, directly or through its places.
    When only towns name it, the first town, unless that is where a hospital treated someone
    (``cared``, see :func:`towns_of_care`): then that town's state."""
    votes: Counter[str] = Counter()
    by_name: dict[str, Span] = {}  # the country named as itself ("Russia")
    first_mention: dict[str, Span] = {}
    first_town: dict[str, Span] = {}  # where nobody was only treated
    for ent in doc.ents:
        if ent.label_ != "GPE" or _with_block(ent) is not ent:
            continue  # "the 200 block of Lisbon" is a street, in no country of its own
        code = resolver.country_of(ent.text)
        if code is None:
            continue
        votes[code] += 1
        first_mention.setdefault(code, ent)
        if ent.start not in cared:
            first_town.setdefault(code, ent)
        if (
            resolver.resolve([Place(name=ent.text)], doc.text)[0].precision
            == PlacePrecision.COUNTRY
        ):
            by_name.setdefault(code, ent)
    if not votes:
        return None
    code, _count = votes.most_common(1)[0]
    named = by_name.get(code)
    if named is None:  # only its towns are named: the first one, as the gazetteer reads it
        mention = first_town.get(code, first_mention[code])
        evidence = (Evidence(mention.start_char, mention.end_char, mention.text),)
        town = resolver.resolve([Place(name=mention.text, evidence=evidence)], doc.text)[0]
        if town.country == code and town.precision != PlacePrecision.UNKNOWN:
            if code in first_town:
                return town
            return _region(resolver, town, evidence)  # only a hospital's town names it
        return Place(
            name=mention.text, country=code, precision=PlacePrecision.COUNTRY, evidence=evidence
        )
    resolved = resolver.resolve([Place(name=named.text)], doc.text)[0]
    return replace(
        resolved,
        country=code,
        precision=PlacePrecision.COUNTRY,
        evidence=(Evidence(named.start_char, named.end_char, named.text),),
    )


@dataclass(frozen=True, slots=True)
class TownWords:
    """The words that tell where a name stands for the article's town (see
    :func:`home_town`; each a cue of ``patterns/cues.jsonl``)."""

    agencies: frozenset[str] = frozenset()  # "police", "sheriff", "mayor", "school"
    locative: frozenset[str] = frozenset()  # "north of", "near"
    within: frozenset[str] = frozenset()  # "in": a weaker sign than "north of"
    neighbourhood: frozenset[str] = frozenset()  # "neighborhood", "section"
    police: frozenset[str] = frozenset()  # "police", "pd": an agency that works in its town
    police_kinds: frozenset[str] = frozenset()  # "Metro", "Harbor", "Transit": no town
    voices: frozenset[str] = frozenset()  # "spokesman", "department": the agency speaking
    ranks: frozenset[str] = frozenset()  # "Lt.", "sergeant": speaking only before a name
    former: frozenset[str] = frozenset()  # "former", "retired", "off-duty": a person
    kin: frozenset[str] = frozenset()  # "son", "wife": "Fulton's son" names a person
    streets: frozenset[str] = frozenset()  # "street", "avenue": "Antwerp streets" is no town


@dataclass(frozen=True, slots=True)
class Named:
    """The states and provinces an article names (ISO 3166-2 codes, "US-OH"), and the
    countries it names by name, through a state or in its dateline (ISO 3166-1 alpha-2,
    "US"), never through a town."""

    regions: frozenset[str]
    countries: frozenset[str] = frozenset()


def home_town(
    doc: Doc,
    resolver: PlaceResolver,
    words: TownWords = TownWords(),
    cared: frozenset[int] = frozenset(),
    named: Named | None = None,
) -> Place | None:
    """The town the article reports from: its dateline when that is a town, else the town it
    names most often (the first named on a tie; a person's surname is no town; nor is a
    place named as part of a city, "the North Lawndale neighborhood", see
    :func:`_names_a_neighbourhood`, although the gazetteer may list it as a town). Local news
    names its town and then only streets, blocks and venues in it. Besides places, a town is
    named by its local agencies ("the Fort Collins Police Department", "Hutchinson police"),
    as a modifier ("a Hutchinson teen") and after a locative phrase ("north of Coushatta"),
    where the parser often tags it as an organization or a location. After "in" ("in
    Franklin") the tagger may call a town an organization, a location or a facility; such a
    name must be capitalised, must not end an address ("the 900 block of 35th Avenue in
    Griffith"), when the article names states (``named``) must lie in one of them ("in
    Congress" is no town in Arizona), and loses a tie to a name the tagger calls a town. The
    town of the hospital someone was treated in (``cared``, see :func:`towns_of_care`) is no
    vote.

    A town's police work in that town: when the most named town is a far namesake (see
    :func:`_namesake_afar`: "Madisonville", Kentucky, in a story Cincinnati police
    investigate) or lies within the police's far bigger city (see :func:`reach_km`: "South
    Chicago" in a Chicago Police story), the police's town is the home town. A dateline
    yields only to one town's police named at least twice, or named once when the dateline's
    town is small (under ``SMALL_TOWN``): a big city's station writes its own name ("MEMPHIS
    —"), a neighbourhood's news site its neighbourhood ("ENGLEWOOD —", which the gazetteer
    knows only in Colorado)."""
    dateline = getattr(resolver, "dateline", None)
    found = dateline(doc.text) if dateline is not None else None
    town = found if isinstance(found, Place) and found.precision == PlacePrecision.CITY else None
    votes = _town_votes(doc, resolver, words, cared)
    dated = town is not None
    if town is None:
        town = _most_named(votes, votes.times, resolver, doc.text, named)
    elif max(votes.police.values(), default=0) < 2 and not _small(town, resolver):
        return town
    if town is None or named is None or not votes.police:
        return town
    police = _most_named(votes, votes.police, resolver, doc.text, named)
    if police is None:
        return town
    once = votes.police[police.evidence[0].text.lower()] < 2 if police.evidence else True
    if dated and once and not _small(town, resolver):
        return town  # the police named twice may have been no town's
    if _namesake_afar(town, police, named, resolver) or _part_of(town, police, resolver):
        return police
    return town


# A namesake this close to the police's town may be a neighbour across a state line
NEIGHBOUR_KM = 100.0


def _namesake_afar(town: Place, police: Place, named: Named, resolver: PlaceResolver) -> bool:
    """Whether a town is a namesake of one in the police's city: it lies in a state the
    article never names, or is a small town far abroad (see :func:`_stray`), far from the
    police's town (not West Memphis across the river from Memphis), is smaller than it (a
    university's police, "Yale", name no city), the gazetteer knows other towns of that
    name ("Madisonville", "Austin"; not "Naperville"), and none of the police's name near it
    ("Columbia" police in a Jefferson City story are Missouri's)."""
    namesakes = getattr(resolver, "namesakes", None)
    near = getattr(resolver, "named_near", None)
    population = getattr(resolver, "population", None)
    if namesakes is None or near is None or population is None:
        return False
    if not _stray(town, police, named, population):
        return False
    located = None not in (town.lat, town.lon, police.lat, police.lon)
    if located and distance_km(town, police) < NEIGHBOUR_KM:
        return False
    if population(police) <= population(town) or int(namesakes(town)) < 2:
        return False
    return not near(police.resolved or police.name, town, NEIGHBOUR_KM)


# A town abroad farther than this from the home town, in a country the article never names,
# is a namesake of a local place (see _stray); "killed in Tijuana, San Diego police said" is not
ABROAD_KM = 1500.0
# ... and smaller than this: a city abroad any bigger is meant ("Orlando" in a London story)
ABROAD_NAMESAKE = 250_000
# A dateline town smaller than this may be a neighbourhood's namesake (see home_town)
SMALL_TOWN = 100_000


# A city this much bigger than a town around it is the city the town is a part of
PARENT_RATIO = 10


def reach_km(population: int) -> float:
    """How far from its centre a city of this size may have neighbourhoods: ``NEIGHBOURHOOD_KM``
    up to half a million people, growing with the square root of the population (a city's
    area grows about linearly with it) up to ``MAX_REACH_KM`` (Chicago's South Chicago lies
    17 km from its centre)."""
    scaled = NEIGHBOURHOOD_KM * math.sqrt(max(population, 1) / 500_000)
    return min(MAX_REACH_KM, max(NEIGHBOURHOOD_KM, scaled))


def _part_of(town: Place, city: Place, resolver: PlaceResolver) -> bool:
    """Whether a town lies within a far bigger city of its state, as one of its parts."""
    population = getattr(resolver, "population", None)
    if population is None or town.admin1 is None or town.admin1 != city.admin1:
        return False
    if None in (town.lat, town.lon, city.lat, city.lon) or _same_place(town, city):
        return False
    size = population(city)
    if size < PARENT_RATIO * max(population(town), 1):
        return False
    return distance_km(town, city) <= reach_km(size)


def _small(town: Place, resolver: PlaceResolver) -> bool:
    population = getattr(resolver, "population", None)
    return population is not None and population(town) < SMALL_TOWN


@dataclass(slots=True)
class _Votes:
    first: dict[str, Span] = field(default_factory=dict)  # each name where first named
    times: Counter[str] = field(default_factory=Counter)  # how often each is named
    police: Counter[str] = field(default_factory=Counter)  # named by the police speaking
    weak: set[str] = field(default_factory=set)  # named only after "in"
    resolved: dict[str, Place] = field(default_factory=dict)  # each name, once resolved


def _town_votes(
    doc: Doc, resolver: PlaceResolver, words: TownWords, cared: frozenset[int]
) -> _Votes:
    """The names that may stand for the article's town, with how often each is named (see
    :func:`home_town`)."""
    votes = _Votes()
    strong: set[str] = set()
    surnames = names.surnames(doc)
    parents = _kin_possessors(doc, words.kin)
    for ent in map(without_day, doc.ents):
        if _names_person(ent, surnames, parents) or _with_block(ent) is not ent:
            continue  # "the 3500 block of East Aurora" is a street, not a town
        if _in_a_street_list(ent, words.streets):
            continue
        if ent.start in cared:
            continue
        if _names_a_neighbourhood(ent, words.neighbourhood):
            continue
        weak = False
        span = _town_in_organization(ent, words.agencies) if ent.label_ != "GPE" else ent
        if span is not None and span is not ent:
            span = _widened(span, resolver, doc.text)
        elif span is None and ent.label_ in {"ORG", "LOC"} and _after_locative(ent, words.locative):
            span = ent  # "north of Coushatta" tagged an organization
        elif (
            span is None
            and ent.label_ in {"ORG", "LOC", "FAC"}
            and _proper(ent)
            and _after_locative(ent, words.within)
        ):
            attached = doc[ent.start - 1].head
            if attached.pos_ == "PROPN" or attached.lower_ == "block":
                continue  # "of the 900 block of 35th Avenue in Griffith": an address
            span, weak = ent, True  # "in Franklin" tagged an organization
        if span is not None:
            key = span.text.lower()
            votes.first.setdefault(key, span)
            votes.times[key] += 1
            if not weak:
                strong.add(key)
            if _police_speaking(span, words):
                votes.police[key] += 1
    votes.weak = set(votes.times) - strong
    return votes


def _police_speaking(town: Span, words: TownWords) -> bool:
    """ "Cincinnati police said", "a Chicago Police spokeswoman", "the Memphis Police
    Department": the police of the town, speaking for the story; not "a retired Chicago
    police officer" (a person), nor "Metro police" (no town's)."""
    doc = town.doc
    if town.end >= len(doc) or doc[town.end].lower_ not in words.police:
        return False
    if town.text.lower() in words.police_kinds:
        return False
    police = doc[town.end]
    if any(t.lower_ in words.former for t in doc[max(0, town.start - 2) : town.start]):
        return False  # "former Memphis police chief", "an off-duty Chicago police sergeant"
    if police.dep_ != "compound":
        return True  # "Cincinnati police said"
    described = [police.head]  # "Police Department spokesman", "Police Lt. Steve Saunders"
    while described[-1].dep_ == "compound" and described[-1].head.i > described[-1].i:
        described.append(described[-1].head)
    if police.i + 1 < len(doc) and doc[police.i + 1] not in described:
        described.insert(0, doc[police.i + 1])  # "Police Lt. John Roe" parsed apart
    for noun in described:
        word = noun.lower_.rstrip(".")
        if word in words.voices:
            return True
        if word in words.ranks:  # a rank speaks as the agency only before a name
            return _before_name(noun)
    return False


def _before_name(token: Token) -> bool:
    """ "Lt. John Roe", "Sgt John Roe": the word after the token, past a full stop, is a
    name's."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].text == ".":
        i += 1
    return i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].ent_type_ in {"", "PERSON"}


def _most_named(
    votes: _Votes,
    counts: Counter[str],
    resolver: PlaceResolver,
    text: str,
    named: Named | None = None,
) -> Place | None:
    """The town named most often among ``counts`` (on a tie, one the tagger or an agency
    names before one only "in" makes a town, then the first named); a name only "in" made a
    town must lie in a state the article names, if it names any."""
    best: tuple[tuple[int, bool, int], Place] | None = None
    for key, count in counts.items():
        ent = votes.first[key]
        if key not in votes.resolved:  # the police's towns are ranked again
            evidence = (Evidence(ent.start_char, ent.end_char, ent.text),)
            (votes.resolved[key],) = resolver.resolve(
                [Place(name=ent.text, evidence=evidence)], text
            )
        town = votes.resolved[key]
        if town.precision != PlacePrecision.CITY:
            continue
        unnamed = named is not None and bool(named.regions) and town.admin1 not in named.regions
        if key in votes.weak and unnamed:
            continue  # "in Congress" in a story that names no Arizona
        rank = (count, key not in votes.weak, -ent.start_char)
        if best is None or rank > best[0]:
            best = (rank, town)
    return best[1] if best else None


def _proper(ent: Span) -> bool:
    """Whether every word of a name is capitalised: "a southwest valley neighborhood" names
    no town."""
    words = [t for t in ent if t.is_alpha and not t.is_stop]
    return bool(words) and all(t.is_title or t.is_upper for t in words)


def title_town(
    title: Doc,
    resolver: PlaceResolver,
    body: str,
    locative: frozenset[str] = frozenset(),
    headline_locative: frozenset[str] = frozenset(),
    modified: frozenset[str] = frozenset(),
    placed_in: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
) -> Place | None:
    """The town a headline names ("9 shot at a party in Compton", "Philly"), resolved in the
    light of the body, with evidence in the title. A town after "in" wins over one used as a
    modifier ("Buffalo man shot while hunting in …").

    Title Case defeats the tagger ("… Party in Compton" tags Compton a person), so the
    capitalised words after a ``headline_locative`` word are tried too, longest first. So are
    the capitalised words that open a headline before a ``modified`` noun or an age
    ("Killeen 2-year-old in critical condition", "Meridian man arrested"): the town as a
    modifier, which the tagger often calls an organization; likewise a whole capitalised run
    inside a sentence-case headline before such a noun ("Services set for Malin boy", "…
    after Arnold shooting"). Such a guess must lie in a country the body names (or that the
    body's incidents lie in: ``placed_in``) or, when the body names none, be a town of
    ``HEADLINE_TOWN_POPULATION`` ("Man Shot Outside Store" is not Štore, Slovenia), or be
    named in the body too ("… in Lake Placid" over "LAKE PLACID - …"). A
    surname the body gives someone (``people``) is no town ("… in Tyler killing" over a story
    about Marcus Tyler)."""
    names = [e for e in title.ents if e.label_ == "GPE" or _after_locative(e, locative)]
    names.sort(key=lambda e: (not (e.start > 0 and title[e.start - 1].lower_ == "in"), e.start))
    names = [e for e in names if e.text not in people]
    for span in names:
        town = _town(span, resolver, body)
        if town is not None:
            return town
    countries = _body_countries(resolver, body) | placed_in
    starts = [t.i + 1 for t in title if t.lower_ in headline_locative]
    runs = (
        [
            title[start : start + length]
            for start in starts
            for length in (3, 2, 1)
            if start + length <= len(title)
            and all(_capitalised(t) for t in title[start : start + length])
        ]
        + [
            title[0:length]
            for length in (2, 1)
            if length < len(title)
            and all(_capitalised(t) for t in title[0:length])
            and (_modifies(title[length], modified) or _age_follows(title, length))
        ]
        + [
            title[start:end]
            for start, end in _inner_runs(title)
            if _modifies(title[end], modified) or _age_follows(title, end)
        ]
    )
    population = getattr(resolver, "population", None)
    for span in runs:
        if span.text in people:
            continue
        town = _town(span, resolver, body)
        if town is None:
            continue
        if (
            town.country in countries
            or (
                not countries
                and population is not None
                and population(town) >= HEADLINE_TOWN_POPULATION
            )
            or _named_in(span.text, body)
        ):
            return town
    return None


def _named_in(name: str, body: str) -> bool:
    """A small town the headline names that the body names too ("… in Lake Placid" over
    "LAKE PLACID - A woman suffered a gunshot wound"): no chance capital, however small."""
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b"
    return re.search(pattern, body, flags=re.IGNORECASE) is not None


def _modifies(token: Token, modified: frozenset[str]) -> bool:
    """ "man", "police", "shooting", "shootings": a noun a town name modifies; or one that
    with such a noun makes a compound ("Chandler gang member", "Mesa store clerk")."""
    words = [token]
    if token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.i == token.i + 1:
        words.append(token.head)  # "police officer": "police" or "officer" may be the noun
    return any(
        w.lower_ in modified or (w.lower_.endswith("s") and w.lower_[:-1] in modified)
        for w in words
    )


def _inner_runs(title: Doc) -> list[tuple[int, int]]:
    """Whole runs of up to three capitalised words inside a sentence-case headline, after a
    lower-case word ("Services set for Malin boy", "… dead after Arnold shooting"); a Title
    Case headline, which capitalises nearly every word, has few. A day or a holiday
    ("Christmas") is no town."""
    runs = []
    start = None
    for token in title:
        if token.ent_type_ in {"DATE", "TIME", "EVENT"}:  # "after Christmas shooting"
            start = None
            continue
        if _capitalised(token) and start is None:
            before = title[token.i - 1] if token.i > 0 else None
            if before is not None and before.is_alpha and before.text.islower():
                start = token.i
        elif not _capitalised(token) and start is not None:
            if token.i - start <= 3:
                runs.append((start, token.i))
            start = None
    return runs


def _capitalised(token: Token) -> bool:
    """A word of a Title Case name, abbreviations included ("St. Paul", "Ft. Myers")."""
    text = token.text
    word = text[:-1] if text.endswith(".") and len(text) <= 4 else text
    return text[:1].isupper() and word.isalpha()


def _age_follows(title: Doc, i: int) -> bool:
    """ "Killeen 2-year-old": an age, not any number ("Update 2")."""
    return title[i].like_num and i + 1 < len(title) and title[i + 1].text == "-"


# A Title Case guess in an article that names no country must be a real town: "Gas", "Home"
# and "Store" are villages somewhere
HEADLINE_TOWN_POPULATION = 15_000


def _town(span: Span, resolver: PlaceResolver, body: str) -> Place | None:
    evidence = (Evidence(span.start_char, span.end_char, span.text, field="title"),)
    (town,) = resolver.resolve([Place(name=span.text, evidence=evidence)], body)
    return town if town.precision == PlacePrecision.CITY else None


def _body_countries(resolver: PlaceResolver, body: str) -> set[str]:
    """The countries the body names, directly or by their states and provinces."""
    context = getattr(resolver, "context", None)
    if context is None:
        return set()
    found = context(body)
    return {*found.countries, *(r[:2] for r in found.regions)}


# A town this close to the article's home town, in its state, is one of its neighbourhoods
# or a suburb named as one ("Auburn Gresham" in a Chicago story): the home town stands too.
NEIGHBOURHOOD_KM = 12.0
MAX_REACH_KM = 20.0


def with_home_town(
    places: tuple[Place, ...],
    home: Place | None,
    *,
    alone: bool = False,
    named: Named | None = None,
    reach: float = NEIGHBOURHOOD_KM,
    population: Callable[[Place], int] | None = None,
    districts: Callable[[str], bool] | None = None,
) -> tuple[Place, ...]:
    """An incident placed no more precisely than a street, a district or a state is in the
    article's home town, unless one of its places lies in another state or country. An
    incident with no place at all is placed there only when it is the article's lead (first)
    incident (``alone``): a round-up of incidents names their towns one by one.

    An incident placed in a town is also in the home town when that town lies within
    ``reach`` of it in the same state (a neighbourhood the gazetteer lists as a town; see
    :func:`reach_km` for a big home town), or when, with ``named`` (the states the article
    names), the town resolved to a state the article never names: a local name ("Park Hill",
    "Central City") matched a namesake elsewhere; with ``population`` (people per town), also
    a small town far abroad (see :func:`_stray`); with ``districts`` (whether a name is
    that of a town's part by its direction, "the North Side"), also when the incident lies in
    such a part and its towns are smaller than the home town: a part of the home town, the
    towns beside it a neighbourhood the gazetteer lists as a town further off ("Jordan")."""
    if home is None or any(_same_place(p, home) for p in places):
        return places
    towns = [p for p in places if p.precision == PlacePrecision.CITY]
    if towns:
        if any(
            _neighbourhood_of(t, home, reach) or _stray(t, home, named, population) for t in towns
        ) or _in_a_part_of(home, places, towns, districts, population):
            return (*places, home)
        return places
    if not places and not alone:
        return places
    for place in places:
        if place.country and place.country != home.country:
            return places
        if place.admin1 and home.admin1 and place.admin1 != home.admin1:
            return places
    return (*places, home)


def _in_a_part_of(
    home: Place,
    places: Sequence[Place],
    towns: Sequence[Place],
    districts: Callable[[str], bool] | None,
    population: Callable[[Place], int] | None,
) -> bool:
    """Whether an incident lies in a part of the home town by its direction ("on the North
    Side") beside towns smaller than it, in its state (see :func:`with_home_town`)."""
    if districts is None or population is None:
        return False
    if not any(p.precision == PlacePrecision.UNKNOWN and districts(p.name) for p in places):
        return False
    size = population(home)
    return all(t.admin1 == home.admin1 and population(t) < size for t in towns)


def names_other_towns(
    placed: Sequence[tuple[Place, ...]], home: Place, reach: float = NEIGHBOURHOOD_KM
) -> bool:
    """Whether an article's incidents (their places, ``placed``) lie in towns other than its
    home town and its neighbourhoods: a round-up, whose incidents the story places nowhere
    may be anywhere. Otherwise such an incident ("a second man was shot … ") is in the home
    town, as a lead incident is (:func:`with_home_town`)."""
    return any(
        p.precision == PlacePrecision.CITY
        and not _same_place(p, home)
        and not _neighbourhood_of(p, home, reach)
        for places in placed
        if not any(_same_place(p, home) for p in places)  # a namesake the home town joined
        for p in places
    )


def _same_place(place: Place, other: Place) -> bool:
    if place.geonames_id is not None and place.geonames_id == other.geonames_id:
        return True
    return (place.resolved or place.name).lower() == (other.resolved or other.name).lower()


def _neighbourhood_of(town: Place, home: Place, reach: float = NEIGHBOURHOOD_KM) -> bool:
    if town.admin1 is None or town.admin1 != home.admin1:
        return False
    if None in (town.lat, town.lon, home.lat, home.lon):
        return False
    return distance_km(town, home) <= reach


def _stray(
    town: Place,
    home: Place,
    named: Named | None,
    population: Callable[[Place], int] | None = None,
) -> bool:
    """Whether a town lies in a state the article never names while its home town lies in
    another state of the same country: a local name that matched a namesake. With
    ``population``, also a town abroad, far off (``ABROAD_KM``), in a country and state the
    article never names, smaller than ``ABROAD_NAMESAKE`` and than the home town ("shot Sunday
    night in Chatham", a Chicago neighbourhood, is no English town; "Kabul" in a story
    datelined Washington is Kabul, though the story may never say "Afghanistan")."""
    if named is None:
        return False
    if town.country != home.country:
        if population is None or home.country is None:
            return False
        size = population(town)
        return (
            town.country is not None
            and 0 < size < min(ABROAD_NAMESAKE, population(home))
            and town.country not in named.countries
            and town.admin1 not in named.regions
            and None not in (town.lat, town.lon, home.lat, home.lon)
            and distance_km(town, home) > ABROAD_KM
        )
    if home.admin1 is None:
        return False
    return town.admin1 not in named.regions and town.admin1 != home.admin1


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two resolved places."""
    lat1, lon1, lat2, lon2 = map(
        math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0)
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _names_a_neighbourhood(ent: Span, neighbourhood_words: frozenset[str]) -> bool:
    """ "the North Lawndale neighborhood", "the city's Dorchester neighborhood": a part of a
    city, named as the one neighbourhood meant; not "a northeast Raleigh neighborhood" or
    "Flint neighborhoods", where the town describes which."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in neighbourhood_words:
        return False
    if doc[ent.end].tag_ in {"NNS", "NNPS"}:
        return False
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and (before.lower_ == "the" or before.tag_ == "POS")


def _widened(span: Span, resolver: PlaceResolver, text: str) -> Span:
    """ "The Broken Arrow Police Department", tagged "Arrow Police Department": the parser
    reads a town's first word as an adjective and leaves it out of the name. The span with
    the capitalised words before it, when that names a town."""
    doc = span.doc
    start = span.start
    while (
        start > span.sent.start
        and span.start - start < 2
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and not doc[start - 1].is_stop
    ):
        start -= 1
    if start == span.start:
        return span
    wider = doc[start : span.end]
    evidence = (Evidence(wider.start_char, wider.end_char, wider.text),)
    (town,) = resolver.resolve([Place(name=wider.text, evidence=evidence)], text)
    return wider if town.precision == PlacePrecision.CITY else span


def _town_in_organization(ent: Span, agency_words: frozenset[str]) -> Span | None:
    """ "the Greenacres Police Department" → Greenacres; "Hutchinson" in "Hutchinson police"
    or "a Hutchinson teen"; None for other organizations."""
    if ent.label_ != "ORG":
        return None
    words = [t for t in ent if t.lower_ not in {"the", "'s"}]
    cut = next((k for k, t in enumerate(words) if t.lower_ in agency_words), None)
    if cut is not None and cut > 0:
        return ent.doc[words[0].i : words[cut - 1].i + 1]
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if words and (
        (after is not None and after.lower_ in agency_words)
        or (ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN")
    ):
        return ent.doc[words[0].i : words[-1].i + 1]
    return None
