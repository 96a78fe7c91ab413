"""The registered spaCy component ``tensionwatch_incidents_v1``.

Usable in any English pipeline that has a parser and NER::

    nlp.add_pipe("tensionwatch_incidents_v1")
    doc = nlp(text)
    doc._.tw_incidents          # list[Incident]
    doc.spans["tw_triggers"]    # evidence spans, one group per field

The publication date and article id are read from ``doc._.tw_published`` /
``doc._.tw_article_id`` when set (``Extractor`` sets them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tensionwatch.extract.assemble import Assembler, Finds
from tensionwatch.extract.components.actors import ELLIPTICAL
from tensionwatch.extract.components.casualties import CasualtyFinder
from tensionwatch.extract.components.dates import (
    is_publication_stamp,
    on_or_before,
    resolve_date,
)
from tensionwatch.extract.components.mentions import PERSONAL_PRONOUNS, Mention, MentionFinder
from tensionwatch.extract.cues import Hit, PhraseFinder
from tensionwatch.extract.drafts import Draft, PeopleWords, build_incident, ev
from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.extract.places import (
    NEIGHBOURHOOD_KM,
    CountryNames,
    Named,
    PlaceResolver,
    TownWords,
    dominant_country,
    home_town,
    names_other_towns,
    place_entities,
    reach_km,
    title_town,
    to_places,
    towns_of_care,
    with_home_town,
)
from tensionwatch.models import (
    Bias,
    DatePrecision,
    EventDate,
    Evidence,
    Incident,
    Place,
    PlacePrecision,
)

EXTRACTOR_VERSION = "tensionwatch_incidents_v1/0.21.0"
_THROW_VERBS = frozenset({"throw", "hurl", "lob", "toss", "plant", "detonate", "fire"})

for _name, _default in (
    ("tw_incidents", None),
    ("tw_published", None),
    ("tw_article_id", ""),
    ("tw_headline", False),  # the doc is a headline: "Teen killed" has no auxiliary
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Token.has_extension("tw_num"):
    Token.set_extension("tw_num", default=False)


class IncidentExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str = "tensionwatch_incidents",
        *,
        lexicon: Lexicon | None = None,
        resolver: PlaceResolver | None = None,
    ) -> None:
        self.name = name
        self.lexicon = lexicon or Lexicon.load()
        self.resolver: PlaceResolver = resolver or CountryNames()
        self.mentions = MentionFinder(nlp, self.lexicon)
        self.casualties = CasualtyFinder(nlp, self.lexicon)
        self.phrases = PhraseFinder(nlp, self.lexicon)
        self.assembler = Assembler(self.lexicon, self.mentions)
        self._people = PeopleWords(
            besides=self.lexicon.cue_set("besides"),
            generic=self.lexicon.cue_set("generic_person"),
            another=self.lexicon.cue_set("next_person"),
            attackers=self.lexicon.cue_set("perpetrator_noun"),
            numbers=self.lexicon.numbers,
            killing=self.lexicon.cue_set("outcome_killed"),
            adults=self.lexicon.cue_set("adult_noun"),
            kin=self.lexicon.actor_terms.get("kin", {}),
            kin_generic=self.lexicon.cue_set("kin_generic"),
        )
        self._not_weapon_use = self.lexicon.cue_set("not_weapon_use")
        self._event_verbs = self.lexicon.cue_set("event_verb")
        self._event_anaphors = self.lexicon.cue_set("event_anaphor")
        self._event_nouns = self.lexicon.cue_set("event_noun")
        self._locative = self.lexicon.cue_set("locative")
        self._conveyance = self.lexicon.cue_set("conveyance_verb")
        self._kin = frozenset(self.lexicon.actor_terms.get("kin", {}))
        self._streets = self.mentions.streets
        self._care = self.lexicon.cue_set("medical_facility")
        # taken or treated there: "flown to the trauma unit at Grant Medical Center"
        self._treated = self.lexicon.cue_set("care_verb") | self.lexicon.cue_set("conveyance_verb")
        # "Meridian man", "Duncan police", "Allen shooting": nouns a town name modifies in a
        # headline
        person_nouns = frozenset(self.lexicon.actor_terms.get("person_noun", {}))
        self._town_modified = (
            (person_nouns - PERSONAL_PRONOUNS - ELLIPTICAL - self.lexicon.cue_set("besides"))
            | self.lexicon.cue_set("local_agency")
            | self.lexicon.cue_set("headline_event")
            | self.lexicon.cue_set("headline_venue")
        )
        self._report_verbs = self.lexicon.cue_set("report_verb")
        self._headline_locative = self.lexicon.cue_set("headline_locative")
        self._agencies = self.lexicon.cue_set("local_agency")
        self._neighbourhood_words = self.lexicon.cue_set("neighbourhood_noun")
        self._town_words = TownWords(
            agencies=self._agencies,
            locative=self._locative,
            within=self.lexicon.cue_set("town_locative"),
            neighbourhood=self._neighbourhood_words,
            police=self.lexicon.cue_set("police_agency"),
            police_kinds=self.lexicon.cue_set("police_kind"),
            voices=self.lexicon.cue_set("agency_voice"),
            ranks=self.lexicon.cue_set("agency_rank"),
            former=self.lexicon.cue_set("former_member"),
            kin=self._kin,
            streets=self._streets,
        )

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.tw_published
        article_id: str = doc._.tw_article_id or ""
        weapons = self.phrases.weapons_in(doc)
        mentions = self.mentions(doc)
        mentions = self._add_weapon_use_mentions(doc, mentions, weapons)
        finds = Finds(
            mentions=mentions,
            casualties=self.casualties(doc),
            weapons=weapons,
            targets=self.phrases.targets_in(doc),
            cues=self.phrases.cues_in(doc),
            cared=towns_of_care(doc, self._care, self._treated),
        )
        # the resolver is set after construction (``load_nlp``): read it per document
        is_street = getattr(self.resolver, "is_street", None)
        assembly = self.assembler(doc, finds, published, is_street=is_street)
        for draft in assembly.drafts:
            if not draft.is_terror:
                draft.retaliation.extend(ev(s) for s in assembly.document_retaliation)
        self._attach_places_and_dates(doc, assembly.drafts, published, finds.cared)
        fallback = dominant_country(doc, self.resolver, finds.cared)
        self._dateline_for_main(doc, assembly.drafts)
        reportable = [d for d in assembly.drafts if self._is_reportable(d)]
        named = self._named(doc) if reportable else None
        home = self.home_town(doc, finds.cared, named) if reportable else None
        reach = reach_km(self._population(home)) if home is not None else NEIGHBOURHOOD_KM
        dying = [d for d in reportable if d.killed or d.killed_victims]
        incidents = [
            self._finish(
                doc,
                draft,
                article_id,
                published,
                fallback,
                home,
                number == 0,
                named=named,
                reach=reach,
                deaths_elsewhere=any(d is not draft for d in dying),
            )
            for number, draft in enumerate(reportable)
        ]
        if home is not None and not names_other_towns([i.places for i in incidents], home, reach):
            incidents = [_at_home(i, home) if _unplaced(i) else i for i in incidents]
        doc._.tw_incidents = incidents
        doc.spans["tw_triggers"] = [m.trigger for m in mentions]
        doc.spans["tw_casualties"] = [c.span for c in finds.casualties]
        doc.spans["tw_weapons"] = [h.span for h in weapons]
        doc.spans["tw_cues"] = [h.span for h in finds.cues]
        return doc

    def _add_weapon_use_mentions(
        self, doc: Doc, mentions: list[Mention], weapons: Sequence[Hit]
    ) -> list[Mention]:
        """ "sprayed in the face with pepper spray": using a weapon on someone is an attack."""
        heads = {m.head.i for m in mentions}
        added: list[Mention] = []
        for hit in weapons:
            root = hit.span.root
            prep = root.head
            verb = prep.head
            if root.dep_ in {"dobj", "obj"} and root.head.lemma_ in _THROW_VERBS:
                verb = root.head  # "threw a Molotov cocktail at the house"
            elif root.dep_ != "pobj" or prep.lower_ != "with" or verb.pos_ != "VERB":
                continue
            if verb.i in heads or verb.lemma_.lower() in self._not_weapon_use:
                continue
            kind = self.lexicon.weapon_incident_types.get(hit.kind, "assault")
            mention = Mention(head=verb, trigger=doc[verb.i : verb.i + 1], type=kind, strong=True)
            self.mentions._classify(mention)
            heads.add(verb.i)
            added.append(mention)
        if not added:
            return mentions
        combined = sorted(mentions + added, key=lambda m: m.head.i)
        by_head = {m.head.i: m for m in combined}
        for mention in added:
            mention.patients, mention.agents = self.mentions._arguments(mention.head, by_head)
        return combined

    def _attach_places_and_dates(
        self,
        doc: Doc,
        drafts: list[Draft],
        published: date | None,
        cared: frozenset[int] = frozenset(),
    ) -> None:
        heads: dict[int, Draft] = {m.head.i: d for d in drafts for m in d.mentions}
        town_in = getattr(self.resolver, "known_town", None)
        known_town = (lambda name: town_in(name, doc.text)) if town_in is not None else None
        ents = place_entities(
            doc, self._locative, self._conveyance, cared, known_town, self._kin, self._streets
        )
        for place, root in to_places(ents):
            draft = _governing(root, heads, self._event_verbs, self._event_anaphors)
            if draft is not None and all(p.name != place.name for p in draft.places):
                draft.places.append(place)
        for date_ent in doc.ents:
            if not _is_date_entity(date_ent):
                continue
            draft = _governing(
                date_ent.root, heads, self._event_verbs, self._event_anaphors
            ) or _only_in_sentence(date_ent, heads, self._event_nouns)
            if draft is None:
                continue
            resolved = resolve_date(date_ent, published)
            if resolved is not None and not is_publication_stamp(date_ent, resolved, published):
                draft.dates.append(resolved)
        self._lead_date(doc, drafts, published)

    def _dateline_for_main(self, doc: Doc, drafts: list[Draft]) -> None:
        """The dateline city places the article's main incident when the text names no
        place for it: wire stories put the town there and nowhere else."""
        finder = getattr(self.resolver, "dateline", None)
        candidates = [d for d in drafts if d.mentions and not d.reference]
        if finder is None or not candidates:
            return
        main = min(candidates, key=lambda d: d.mentions[0].head.i)
        if main.places:
            return
        place = finder(doc.text)
        if place is not None:
            main.places.append(place)

    def _lead_date(self, doc: Doc, drafts: list[Draft], published: date | None) -> None:
        """News leads date the main event ("… were found in a home Thursday morning"): the
        first incident with no date of its own takes the first day named in the first
        sentences, unless that day belongs to an arrest or a statement. The page's posting
        stamp ("Monday, July 6, 2015") dates it only when nothing else does."""
        undated = [d for d in drafts if not d.dates and not d.reference and d.mentions]
        if not undated:
            return
        first = min(undated, key=lambda d: d.mentions[0].head.i)
        if any(
            d.dates
            for d in drafts
            if d.mentions and d.mentions[0].head.i < first.mentions[0].head.i
        ):
            return  # an earlier incident owns the lead
        lead = _lead(doc)
        day, stamp = self.lead_day(doc, published, lead=lead)
        if day is not None:
            first.dates.append(day)
            return
        self._same_day(doc, first, published, lead)
        if not first.dates and stamp is not None:
            first.dates.append(stamp)

    def lead_day(
        self,
        doc: Doc,
        published: date | None,
        relevant: Callable[[Span], bool] | None = None,
        lead: list[Span] | None = None,
    ) -> tuple[EventDate | None, EventDate | None]:
        """The first day named in the lead sentences (not an arrest's or a statement's day)
        and the page's posting stamp seen before it. ``relevant``: whether a sentence is
        about the event at hand (a headline's event, when the body yields no incident);
        ``lead``: the lead sentences, when the caller has them already."""
        if lead is None:
            lead = _lead(doc)
        stamp: EventDate | None = None  # the posting stamp: a last resort, not a lead date
        for ent in doc.ents:
            if not lead or ent.start >= lead[-1].end or not _is_date_entity(ent):
                continue
            verb = next((a for a in ent.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if (
                verb is not None
                and verb.lemma_.lower() in _AFTERMATH_VERBS
                and not _fronted_before_report(ent, verb, self._report_verbs)
                and not _event_reported(verb, self._event_nouns)
            ):
                continue
            if relevant is not None and not relevant(ent.sent):
                continue
            resolved = resolve_date(ent, published)
            if resolved is not None and is_publication_stamp(ent, resolved, published):
                stamp = stamp or resolved
                continue
            if resolved is not None and resolved.precision.value == "day":
                return resolved, stamp
        return None, stamp

    def _same_day(self, doc: Doc, draft: Draft, published: date | None, lead: list[Span]) -> None:
        """Breaking news gives the hour and no day ("a man was shot at 4:30 p.m. on Porter
        Street", "officers were called at 3:30 p.m."): an hour in the incident's sentences or
        the lead, with no day, is the day of publication. Only when the article names no day
        at all: a follow-up names the day of the event somewhere."""
        if published is None:
            return
        sentences = {m.sent.start for m in draft.mentions} | {s.start for s in lead}
        hour = next(
            (
                e
                for e in doc.ents
                if e.label_ == "TIME" and e.sent.start in sentences and _CLOCK.search(e.text)
            ),
            None,
        )
        if hour is None or any(  # the costly date parsing only when an hour was found
            _is_date_entity(e) and resolve_date(e, published) is not None for e in doc.ents
        ):
            return
        evidence = (Evidence(hour.start_char, hour.end_char, hour.text),)
        draft.dates.append(EventDate(published, published, DatePrecision.DAY, evidence))

    def home_town(
        self, doc: Doc, cared: frozenset[int] | None = None, named: Named | None = None
    ) -> Place | None:
        """The town the article reports from (see :func:`~tensionwatch.extract.places.home_town`);
        ``cared`` and ``named``: the towns of care and the places named, when already found."""
        if cared is None:
            cared = towns_of_care(doc, self._care, self._treated)
        named = named if named is not None else self._named(doc)
        return home_town(doc, self.resolver, self._town_words, cared, named)

    def title_town(
        self,
        title: Doc,
        body: str,
        placed_in: frozenset[str] = frozenset(),
        people: frozenset[str] = frozenset(),
    ) -> Place | None:
        """The town a headline names, read in the light of the body and of the countries its
        incidents lie in (see :func:`~tensionwatch.extract.places.title_town`)."""
        return title_town(
            title,
            self.resolver,
            body,
            self._locative,
            self._headline_locative,
            self._town_modified,
            placed_in,
            people,
        )

    def _is_reportable(self, draft: Draft) -> bool:
        if draft.reference:  # the trigger a backlash answers: reported only with facts of its own
            return bool(draft.killed or draft.injured or draft.claimants or draft.suspects)
        return self._has_substance(draft)

    def _has_substance(self, draft: Draft) -> bool:
        """A lone weak word ("killed", "graffiti") with nothing attached is not an incident.
        A definite event with nothing attached is a passing reference in a story, but the
        subject of a headline ("Police identify two men involved in Nashua shooting")."""
        headline = any(m.head.doc._.tw_headline for m in draft.mentions[:1])
        if (
            not headline
            and all(m.definite for m in draft.mentions)
            and not (
                draft.victims
                or draft.killed
                or draft.injured
                or draft.weapons
                or draft.claimants
                or draft.suspects
                or draft.perpetrators
                or draft.targets
            )
        ):
            return False  # "the attack in Leeds": a passing reference, not a report
        if any(m.strong for m in draft.mentions):
            return True
        return bool(
            draft.victims or draft.killed or draft.injured or draft.targets or draft.perpetrators
        )

    def _with_boroughs(self, places: tuple[Place, ...]) -> tuple[Place, ...]:
        """A town in one of a city's boroughs is in that borough too: "Coney Island" is in
        Brooklyn, as New York's press and the Gun Violence Archive write it; not when the
        incident's towns lie in several states (one of them a namesake)."""
        borough = getattr(self.resolver, "borough", None)
        states = {p.admin1 for p in places if p.precision == PlacePrecision.CITY}
        if borough is None or len(states) != 1:
            return places  # "Kensington" beside Philadelphia is no Brooklyn namesake's
        added: list[Place] = []
        named = {(p.resolved or p.name).lower() for p in places}
        for place in places:
            around = borough(place)
            if isinstance(around, Place) and (around.resolved or "").lower() not in named:
                added.append(around)
                named.add((around.resolved or "").lower())
        return (*places, *added)

    def _population(self, place: Place) -> int:
        """How many people live in a resolved town, when the resolver can tell (0 if not)."""
        population = getattr(self.resolver, "population", None)
        return int(population(place)) if population is not None else 0

    def _named(self, doc: Doc) -> Named | None:
        """The states, provinces and countries the article names, when the resolver can tell."""
        context = getattr(self.resolver, "context", None)
        if context is None:
            return None
        found = context(doc.text)
        regions = getattr(found, "regions", None)
        if regions is None:
            return None
        return Named(frozenset(regions), frozenset(getattr(found, "countries", ())))

    def _finish(
        self,
        doc: Doc,
        draft: Draft,
        article_id: str,
        published: date | None,
        fallback: Place | None,
        home: Place | None = None,
        alone: bool = False,
        *,
        named: Named | None = None,
        reach: float = NEIGHBOURHOOD_KM,
        deaths_elsewhere: bool = False,
    ) -> Incident:
        places = tuple(self.resolver.resolve(draft.places, doc.text)) if draft.places else ()
        places = self._with_boroughs(
            with_home_town(
                places,
                home,
                alone=alone,
                named=named,
                reach=reach,
                population=self._population,
                districts=getattr(self.resolver, "by_direction", None),
            )
        )
        if not places and fallback is not None:
            places = (fallback,)
        date_value = _finest(draft.dates) if draft.dates else on_or_before(published)
        sentences = tuple(
            dict.fromkeys(
                Evidence(m.sent.start_char, m.sent.end_char, m.sent.text) for m in draft.mentions
            )
        )
        return build_incident(
            draft,
            article_id=article_id,
            extractor_version=EXTRACTOR_VERSION,
            date_value=date_value,
            places=places,
            bias=self._bias(draft),
            confidence=self._confidence(draft),
            sentences=sentences,
            deaths_elsewhere=deaths_elsewhere,
            people=self._people,
        )

    def _bias(self, draft: Draft) -> Bias:
        evidence = tuple(e for _, e in draft.motives) + tuple(draft.not_bias)
        motives = tuple(dict.fromkeys(m for m, _ in draft.motives))
        if draft.not_bias and not motives:
            return Bias(motivated=False, motive=(), evidence=evidence)
        if not motives:
            return Bias()
        groups: list[str] = []
        characteristic = None
        for victim in draft.victims:
            for attr in ("nationality", "ethnicity", "religion"):
                value = getattr(victim, attr)
                if value:
                    characteristic = characteristic or attr
                    if value not in groups:
                        groups.append(value)
                    break
        if not groups:  # "a mosque set alight", "anti-Muslim slurs": the group the act names
            named = [self.lexicon.motive_groups.get(e.text.lower()) for _, e in draft.motives]
            for target in draft.targets:
                lower = target.text.lower()
                named += [g for term, g in self.lexicon.target_groups.items() if term in lower]
            for found in named:
                if found is not None and found[1] not in groups:
                    characteristic = characteristic or found[0]
                    groups.append(found[1])
        return Bias(True, characteristic, tuple(groups), motives, evidence)

    def _confidence(self, draft: Draft) -> float:
        score = 0.4
        score += 0.15 if any(m.strong for m in draft.mentions) else 0
        score += 0.15 if draft.victims or draft.targets else 0
        score += 0.1 if draft.places else 0
        score += 0.1 if draft.killed or draft.injured or draft.weapons else 0
        score += 0.1 if len(draft.mentions) > 1 else 0
        return round(min(score, 1.0), 2)


def _governing(
    token: Token,
    heads: dict[int, Draft],
    event_verbs: frozenset[str] = frozenset(),
    anaphors: frozenset[str] = frozenset(),
) -> Draft | None:
    """The incident whose mention governs the token in the parse. "The shooting happened at
    a nightclub near Magnolia": the place hangs on "happened", whose subject is the mention
    (``event_verbs``: the ``event_verb`` list in ``cues.jsonl``). "It happened on the front
    porch", "the accident occurred on July Drive": a subject in ``anaphors`` stands for the
    incident told before, when the article tells of only one."""
    if token.i in heads:
        return heads[token.i]
    for ancestor in token.ancestors:
        if ancestor.i in heads:
            return heads[ancestor.i]
        if ancestor.lemma_.lower() in event_verbs:
            subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].i in heads:
                return heads[subjects[0].i]
            if subjects and subjects[0].lower_ in anaphors:
                drafts = {id(d): d for d in heads.values()}
                if len(drafts) == 1:
                    return next(iter(drafts.values()))
    for (
        head_i,
        draft,
    ) in heads.items():  # "the Crocus City Hall attack": the place modifies the trigger
        head = token.doc[head_i]
        if head.sent == token.sent and token.head == head:
            return draft
    return None


LEAD_SENTENCES = 6


def _lead(doc: Doc) -> list[Span]:
    """The first ``LEAD_SENTENCES`` sentences with a verb, and the lines between them: a
    byline, a caption or a "Breaking News Alerts" line takes no place in the lead."""
    lead: list[Span] = []
    told = 0
    for sent in doc.sents:
        if told == LEAD_SENTENCES:
            break
        lead.append(sent)
        told += any(t.pos_ in {"VERB", "AUX"} for t in sent)
    return lead


_CLOCK = re.compile(r"\b\d{1,2}(:\d\d)?\s*[ap]\.?m\b", re.I)
_DAY_WORDS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",  # "were wounded early today": the tagger calls it a time
    "last night",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
)
# The day of an arrest, a court hearing or a statement is not the day of the attack.
_AFTERMATH_VERBS = frozenset(
    {
        "arrest",
        "detain",
        "charge",
        "say",
        "tell",
        "appear",
        "announce",
        "report",
        "identify",
        "release",
        "claim",
        "hold",
        "confirm",
        "add",
        "state",
        "sentence",
        "convict",
        "question",
        "book",
        "jail",
        "indict",
        "arraign",
        "plead",
        "interview",
    }
)


def _at_home(incident: Incident, home: Place) -> Incident:
    """An incident the story places nowhere, in an article about one town, is in that town."""
    return replace(incident, places=with_home_town(incident.places, home, alone=True))


def _unplaced(incident: Incident) -> bool:
    """Placed no finer than a country (the fallback when nothing else is named), and no
    backlash (``retaliation_cues``): a story tells a backlash as spreading beyond the town of
    the attack that set it off."""
    if incident.retaliation_cues:
        return False
    return all(p.precision == PlacePrecision.COUNTRY for p in incident.places)


def _is_date_entity(ent: Span) -> bool:
    """DATE entities, and TIME entities that name a day ("Monday night", "last night")."""
    if ent.label_ == "DATE":
        return True
    return ent.label_ == "TIME" and any(word in ent.text.lower() for word in _DAY_WORDS)


def _finest(dates: list[EventDate]) -> EventDate:
    """The incident's first date, narrowed to a day the text names within it: "the shooting
    last month … she was shot Dec. 14"."""
    first = dates[0]
    if first.precision == DatePrecision.DAY or first.start is None or first.end is None:
        return first
    low, high = first.start, first.end
    return next(
        (
            d
            for d in dates[1:]
            if d.precision == DatePrecision.DAY and d.end is not None and low <= d.end <= high
        ),
        first,
    )


def _event_reported(verb: Token, event_nouns: frozenset[str]) -> bool:
    """ "when the shooting was reported shortly before 8:30 p.m. Sunday": the event reported
    to the police was reported when it happened; not "police reported Monday"."""
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in event_nouns for c in verb.children)


def _only_in_sentence(
    span: Span, heads: dict[int, Draft], event_nouns: frozenset[str] = frozenset()
) -> Draft | None:
    verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if (
        verb is not None
        and verb.lemma_.lower() in _AFTERMATH_VERBS
        and not _event_reported(verb, event_nouns)
    ):
        return None
    drafts = {id(d): d for i, d in heads.items() if span.sent.start <= i < span.sent.end}
    return next(iter(drafts.values())) if len(drafts) == 1 else None


def _fronted_before_report(ent: Span, verb: Token, report_verbs: frozenset[str]) -> bool:
    """ "Around 4 p.m. Monday, officials say they were called to a shooting": a day that opens
    the sentence before "say" dates the reported past event, not the saying; "On Monday,
    police said they are investigating a shooting" dates the statement. So does a day before
    an attribution that ends its sentence ("… just after 11 a.m. Saturday, CBS New York
    reported."), and a day the parser hangs on a saying in the present tense, which no past
    day dates ("Police say around 9:15 p.m. on Sunday, a basketball game turned violent")."""
    if verb.lemma_.lower() not in report_verbs:
        return False
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    reports_past = any(
        c.dep_ == "ccomp"
        and (c.tag_ in {"VBD", "VBN"} or any(a.lower_ in {"was", "were"} for a in c.children))
        for c in verb.children
    )
    if ent.end <= min(subjects, default=verb.i):
        ends_sentence = all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1 : verb.sent.end])
        return reports_past or (bool(subjects) and ends_sentence)
    return verb.tag_ in {"VBP", "VBZ"} and reports_past
