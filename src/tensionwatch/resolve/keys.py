"""Blocking: which incident pairs are worth scoring at all.

Incidents are compared only inside a block (a shared type family and a country, where known)
and only when their date intervals lie within ``ResolveOptions.date_window_days`` of each
other; the window test is a sort-and-sweep over interval starts, so the work grows with the
number of nearby reports, not with the square of the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tensionwatch.models import DatePrecision, Incident, Place, PlacePrecision
from tensionwatch.resolve.options import ResolveOptions

_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_STOP_WORDS = (
    "the a an and or of in on at to for from by with was were is are has have had been be "
    "his her their its this that after before said says police man woman people"
)
_STOP = frozenset(_STOP_WORDS.split())


def norm(text: str | None) -> str:
    """Casefolded, accent-free, single-spaced form used for every string comparison."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_TOKEN.findall(stripped.casefold()))


def content_tokens(text: str | None) -> frozenset[str]:
    return frozenset(t for t in norm(text).split() if len(t) > 2 and t not in _STOP)


def date_interval(
    incident: Incident, published: date | None, options: ResolveOptions
) -> tuple[date, date] | None:
    """The days the incident may have happened on, as a closed interval.

    An exact day is ``(d, d)``; a week or month spans it; ``on_or_before`` (and a missing date
    with a known publication date) reaches back ``undated_lookback_days``.
    """
    lookback = timedelta(days=options.undated_lookback_days)
    when = incident.date
    if when is None or (when.start is None and when.end is None):
        return (published - lookback, published) if published else None
    start, end = when.start, when.end
    if when.precision is DatePrecision.ON_OR_BEFORE or start is None:
        anchor = end or start
        assert anchor is not None
        return (start or anchor - lookback, anchor)
    if end is None:
        span = {DatePrecision.WEEK: 6, DatePrecision.MONTH: 30, DatePrecision.YEAR: 364}
        end = start + timedelta(days=span.get(when.precision, 0))
    return (start, end) if start <= end else (end, start)


def is_exact_day(incident: Incident) -> bool:
    when = incident.date
    return (
        when is not None
        and when.precision is DatePrecision.DAY
        and when.start is not None
        and (when.end is None or when.end == when.start)
    )


def gap_days(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int | None:
    """Days between two intervals (0 when they overlap); None when either is unknown."""
    if a is None or b is None:
        return None
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def place_key(place: Place) -> str:
    return norm(place.resolved or place.name)


# Words that make a place name no evidence of *where* an incident happened: victims are taken
# to the same trauma centre from shootings all over a city, and an agency's name ("Cook
# County Sheriff's Office") says who investigates, not where.
_NOT_A_SCENE_WORDS = (
    "hospital hospitals medical clinic infirmary trauma police sheriff sheriffs department "
    "office coroner court courthouse jail prison"
)
_NOT_A_SCENE = frozenset(_NOT_A_SCENE_WORDS.split())
# A county (parish, borough) spans many towns: sharing one is compatible, not identifying.
_DISTRICT = "county parish borough township district"
_DISTRICT_WORDS = frozenset(_DISTRICT.split())
_THE = re.compile(r"^the ")
_LOCAL = (PlacePrecision.POINT, PlacePrecision.CITY, PlacePrecision.UNKNOWN)


def place_tiers(places: Sequence[Place]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(localities, resolved localities, districts) of an incident's places.

    A locality is a town or a spot in it: the geocoder's name for a point or city place, and
    the name as written of a place the geocoder did not resolve (whatever precision its
    fallback gave it: "Detroit" left unresolved is still Detroit); a spot's name counts as
    written too. Names of hospitals and agencies are left out; county names are districts.
    """
    localities: set[str] = set()
    resolved: set[str] = set()
    districts: set[str] = set()
    for place in places:
        if place.resolved and place.precision in _LOCAL:
            key = norm(place.resolved)
            localities.add(key)
            resolved.add(key)
        elif place.resolved:
            continue  # a region or a country: compared through admin1s and countries
        # The name as written also identifies a spot ("the Los Altos Skate Park", resolved to
        # its town, is the "Los Altos Skate Park" another report left unresolved).
        key = _THE.sub("", norm(place.name))
        words = set(key.split())
        if not key or words & _NOT_A_SCENE:
            continue
        if words & _DISTRICT_WORDS:
            districts.add(key)
        else:
            localities.add(key)
    return frozenset(localities), frozenset(resolved), frozenset(districts)


@dataclass(frozen=True, slots=True)
class Record:
    """An incident with the derived values that blocking and scoring reuse."""

    incident: Incident
    published: date | None
    interval: tuple[date, date] | None
    exact_day: bool
    families: frozenset[str]
    countries: frozenset[str]
    admin1s: frozenset[str]
    localities: frozenset[str]
    resolved_localities: frozenset[str]
    districts: frozenset[str]
    victim_names: frozenset[str]
    victim_surnames: frozenset[str]
    victim_attrs: frozenset[tuple[str, str]]
    target_tokens: frozenset[str]
    target_categories: frozenset[str]
    weapons: frozenset[str]
    text_tokens: frozenset[str]
    articles: frozenset[str]

    @property
    def id(self) -> str:
        return self.incident.id

    @property
    def sort_date(self) -> date:
        """The report's date for "most recent" decisions: publication, else incident date."""
        if self.published is not None:
            return self.published
        return self.interval[1] if self.interval else date.min


# Capitalised words that are not names: determiners, pronouns and numbers opening a
# sentence, days and months that the extractor sometimes takes for a victim, titles, and the
# words of street and building names.
_NOT_NAMES = (
    "a an the his her their its this that these those one two three four five six seven "
    "eight nine ten several many some another other both all no none each he she him they "
    "them we it police officer officers published updated monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december sept mr mrs ms dr st street avenue ave road rd "
    "drive boulevard county city school center centre hospital"
)
_NOT_NAME_WORDS = frozenset(_NOT_NAMES.split())
_SUFFIXES = "jr sr ii iii iv"
_NAME_SUFFIXES = frozenset(_SUFFIXES.split())
_NAME_WORD = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:['’-][A-Za-z]+)*\.?|[A-Z]\.")


def person_name(text: str) -> tuple[str, ...] | None:
    """The words of a proper personal name ("Ethan Hunter Payne", "Payne"), else None.

    Every word must look like a name (capitalised, not all capitals: a shouting headline
    says nothing about names) and none may be a determiner, pronoun, number, day, month,
    title or street word; suffixes ("Jr.") are dropped.
    """
    # "Talitha Bowman, 20": the name is what comes before an apposition.
    words = text.replace("\n", " ").split(",")[0].split()
    if not words or len(words) > 5:
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    normed = tuple(n for n in (norm(w) for w in words) if n and n not in _NAME_SUFFIXES)
    if not normed or any(n in _NOT_NAME_WORDS for n in normed):
        return None
    return normed


def surname(words: tuple[str, ...]) -> str | None:
    """The last word of a name that is not an initial or a suffix ("Mario Venegas Jr." →
    "venegas")."""
    for word in reversed(words):
        if len(word) > 1 and word not in _NAME_SUFFIXES:
            return word
    return None


def _victim_features(
    incident: Incident,
) -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]]:
    """(full names, surnames, attributes) of the victims.

    Full names have two words or more ("Marcus Deering"); surnames come from full names and
    from one-word names ("Deering"), so "Ethan Hunter Payne" and "Ethan Payne" share one.
    """
    names: set[str] = set()
    surnames: set[str] = set()
    attrs: set[tuple[str, str]] = set()
    for actor in incident.victims:
        words = person_name(actor.text)
        if words:
            if len(words) >= 2:
                names.add(" ".join(words))
            last = surname(words)
            if last and len(last) > 2:
                surnames.add(last)
        for attr in ("nationality", "ethnicity", "religion", "gender", "occupation"):
            value = getattr(actor, attr)
            if value:
                attrs.add((attr, norm(value)))
    return frozenset(names), frozenset(surnames), frozenset(attrs)


# Target words that name no particular thing ("the building"): such a target neither
# matches nor contradicts another report's target.
_GENERIC_TARGETS = (
    "building buildings property premises place site scene area block structure location "
    "compound spot"
)
_GENERIC_TARGET_WORDS = frozenset(_GENERIC_TARGETS.split())


def specific_targets(incident: Incident) -> tuple[frozenset[str], frozenset[str]]:
    """(content tokens, categories) of the targets that name something in particular."""
    tokens: set[str] = set()
    categories: set[str] = set()
    for target in incident.targets:
        words = content_tokens(target.text)
        if not words or words <= _GENERIC_TARGET_WORDS:
            continue
        tokens |= words
        if target.category:
            categories.add(norm(target.category))
    return frozenset(tokens), frozenset(categories)


def prepare(incident: Incident, published: date | None, options: ResolveOptions) -> Record:
    places = incident.places
    names, surnames, attrs = _victim_features(incident)
    localities, resolved, districts = place_tiers(places)
    target_tokens, target_categories = specific_targets(incident)
    text = " ".join(e.text for e in (*incident.sentences, *incident.evidence))
    return Record(
        incident=incident,
        published=published,
        interval=date_interval(incident, published, options),
        exact_day=is_exact_day(incident),
        families=frozenset(options.families_of(incident.type)),
        countries=frozenset(p.country.upper() for p in places if p.country),
        admin1s=frozenset(
            f"{(p.country or '').upper()}/{norm(p.admin1)}" for p in places if p.admin1
        ),
        localities=localities,
        resolved_localities=resolved,
        districts=districts,
        victim_names=names,
        victim_surnames=surnames,
        victim_attrs=attrs,
        target_tokens=target_tokens,
        target_categories=target_categories,
        weapons=frozenset(norm(w.category) for w in incident.weapons if w.category),
        text_tokens=content_tokens(text),
        articles=frozenset({incident.article_id}),
    )


def prepare_all(
    incidents: Sequence[Incident],
    articles: Mapping[str, date | None],
    options: ResolveOptions,
) -> list[Record]:
    return [prepare(inc, articles.get(inc.article_id), options) for inc in incidents]


def blocked_apart(a: Record, b: Record, options: ResolveOptions) -> bool:
    """True when blocking alone rules the pair out (no shared family, region or window)."""
    if not a.families & b.families:
        return True
    if a.countries and b.countries and not a.countries & b.countries:
        return True
    if a.admin1s and b.admin1s and not a.admin1s & b.admin1s:
        return True
    gap = gap_days(a.interval, b.interval)
    return gap is not None and gap > options.date_window_days


def block_keys(record: Record) -> frozenset[tuple[str, str]]:
    """(family, country) keys; ``"*"`` for an incident whose country is unknown."""
    countries = record.countries or frozenset({"*"})
    return frozenset((fam, c) for fam in record.families for c in countries)


def candidate_pairs(
    records: Sequence[Record], options: ResolveOptions
) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share a block and a date window, each once."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    wildcard: dict[str, list[int]] = defaultdict(list)
    for idx, record in enumerate(records):
        for key in block_keys(record):
            buckets[key].append(idx)
            if key[1] == "*":
                wildcard[key[0]].append(idx)
    seen: set[tuple[int, int]] = set()
    window = timedelta(days=options.date_window_days)
    for (family, _country), members in buckets.items():
        pool = sorted(set(members) | set(wildcard.get(family, ())))
        dated = sorted(
            (i for i in pool if records[i].interval is not None),
            key=lambda i: records[i].interval[0],  # type: ignore[index]
        )
        undated = [i for i in pool if records[i].interval is None]
        pairs: list[tuple[int, int]] = []
        for pos, i in enumerate(dated):
            hi = records[i].interval[1] + window  # type: ignore[index]
            for j in dated[pos + 1 :]:
                if records[j].interval[0] > hi:  # type: ignore[index]
                    break
                pairs.append((i, j))
        for k, i in enumerate(undated):
            pairs.extend((i, j) for j in pool if j != i and (j not in undated[: k + 1]))
        for i, j in pairs:
            pair = (i, j) if i < j else (j, i)
            if pair in seen or blocked_apart(records[i], records[j], options):
                continue
            seen.add(pair)
            yield pair
