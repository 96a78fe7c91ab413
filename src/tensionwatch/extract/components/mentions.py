"""Event mentions: trigger words (data in ``patterns/triggers.jsonl``) and their arguments.

A mention is one place where the text refers to a violent event: "a courier assaulted with
brass knuckles", "the attack", "a bomb exploded". Arguments come from the dependency parse
(subject/object/agent, acl participles, "attack on X"), so they hold for any wording that
parses the same way rather than for one article's sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from tensionwatch.extract.components.actors import coordinated, singular_subject
from tensionwatch.extract.lexicon import Lexicon, TriggerRule
from tensionwatch.geo import street_words

_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
_DEMONSTRATIVE = frozenset({"the", "this", "that", "these", "those"})
_GENERIC_DETS = frozenset(
    {"several", "many", "some", "such", "further", "more", "other", "any", "no", "these", "those"}
)
_SUPPORT_VERBS = frozenset(
    {"carry", "launch", "stage", "commit", "perpetrate", "mount", "conduct", "claim", "plan"}
)
_PERSON_ENTS = frozenset({"PERSON", "NORP"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
# "self" as headlines write it: "firefighter accidentally shoots self"
REFLEXIVE = frozenset(
    {"himself", "herself", "themselves", "themself", "myself", "yourself", "self"}
)
_UNDERGO_VERBS = frozenset({"die", "succumb", "pronounce", "suffer", "sustain"})
_FIRING_VERBS = frozenset({"shoot", "fire"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
_THROW_VERBS = frozenset({"throw", "hurl", "lob", "toss", "fire", "launch", "plant", "detonate"})
_LOCATIVE = frozenset({"at", "in", "inside", "outside", "near", "on", "within", "across", "into"})


# set by MentionFinder on the verbs :func:`reduced_relative` reads as participles
if not Token.has_extension("tw_participle"):
    Token.set_extension("tw_participle", default=False)


@dataclass
class Mention:
    head: Token
    trigger: Span
    type: str
    strong: bool
    definite: bool = False
    generic: bool = False
    negated: bool = False
    patients: list[Token] = field(default_factory=list)
    agents: list[Token] = field(default_factory=list)
    outcome: str | None = None  # the rule's word for what befell the victims, if any

    @property
    def sent(self) -> Span:
        return self.head.sent


class MentionFinder:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # the last words of street names, read once here for the assembler and the places too
        self.streets = street_words()
        self._street_prepositions = lexicon.cue_set("street_preposition")
        self.matcher = Matcher(nlp.vocab)
        self._rules: dict[str, TriggerRule] = {}
        for rule in lexicon.triggers:
            key = f"tw_trigger_{rule.id}"
            self.matcher.add(key, [rule.pattern])
            self._rules[key] = rule
        self._summary = lexicon.cue_set("summary")
        self._people = lexicon.person_words()
        self._hypothetical = lexicon.cue_set("hypothetical")
        self._habitual = lexicon.cue_set("habitual")
        self._attempts = lexicon.cue_set("attempt_verb")
        self._sought = lexicon.cue_set("sought")
        self._patient_nouns = lexicon.cue_set("patient_nouns")
        self._wounding_nouns = lexicon.cue_set("wounding_nouns")
        self._not_people = lexicon.cue_set("not_person")
        self._projectiles = lexicon.cue_set("projectile")
        self._quantities = lexicon.cue_set("quantity_noun")
        self._violence = lexicon.cue_set("violence_context")
        self._not_firearm = lexicon.cue_set("not_firearm")
        self._finding = lexicon.cue_set("finding_verb")
        self._natural = lexicon.cue_set("natural_cause")
        self._body_parts = lexicon.cue_set("body_part")
        self._age_units = lexicon.cue_set("age_unit")

    def __call__(self, doc: Doc) -> list[Mention]:
        for token in doc:
            if token.pos_ in {"VERB", "AUX"}:
                token._.tw_participle = reduced_relative(token) and any(
                    c.dep_ == "nsubj" and self.names_people(c) for c in token.children
                )  # "a prior mug shot … shows him" is no one shot
        by_head: dict[int, Mention] = {}
        violent: bool | None = None  # read once, and only when a rule needs it
        for match_id, start, end in self.matcher(doc):
            rule = self._rules[doc.vocab.strings[match_id]]
            kind, strong = rule.type, rule.strong
            span = doc[start:end]
            if _preceded_by(span, rule.not_after):
                continue
            head = _trigger_head(span)
            if rule.needs in {"projectile", "violence"} and violent is None:
                violent = self._about_violence(doc)
            if rule.needs == "projectile" and not self._by_projectile(head, bool(violent)):
                continue
            if rule.needs == "violence" and not violent:
                continue
            if rule.needs == "headline" and not (
                Doc.has_extension("tw_headline") and doc._.tw_headline
            ):
                continue
            if head.ent_type_ in {"ORG", "PERSON", "WORK_OF_ART", "LAW", "GPE"}:
                continue
            if self._natural_death(head):
                continue  # "her mother died months ago from a blood disorder"
            if (
                head.dep_ == "compound"
                and head.head.pos_ == "NOUN"
                and not _is_trigger_noun(head.head)
            ):
                continue
            existing = by_head.get(head.i)
            if (
                existing is not None
                and (existing.strong or not strong)
                and existing.type != "attack"
            ):
                continue
            mention = Mention(
                head=head, trigger=span, type=kind, strong=strong, outcome=rule.outcome
            )
            self._classify(mention)
            by_head[head.i] = mention
        mentions = sorted(by_head.values(), key=lambda m: m.head.i)
        for mention in mentions:
            mention.patients, mention.agents = self._arguments(mention.head, by_head)
        return mentions

    def _natural_death(self, verb: Token) -> bool:
        """ "died from a blood disorder", "passed away of cancer", "suffered fatal injuries in a
        crash", "a bus wreck killed four people": a death or wound its cause (``natural_cause``
        cues, or the verb's subject) says was no attack's."""
        if any(
            c.dep_ == "nsubj" and (c.lemma_.lower() in self._natural or c.lower_ in self._natural)
            for c in verb.children
        ):
            return True
        undergone = event_lemma(verb) in _UNDERGO_VERBS or verb.lemma_.lower() == "pass"
        if not (undergone or is_passive(verb)):
            return False  # "was killed in a crash" is undergone too
        causes = (
            g
            for c in verb.subtree
            if c.dep_ == "prep" and c.lower_ in {"from", "of", "after", "in"}
            for g in c.children
            if g.dep_ in {"pobj", "pcomp"}  # "died after crashing into a parked van"
        )
        return any(g.lemma_.lower() in self._natural or g.lower_ in self._natural for g in causes)

    def _about_violence(self, doc: Doc) -> bool:
        """Whether the article tells of violence (``violence_context`` lemmas or a projectile
        word): a sports report or an obituary does not."""
        return any(t.lemma_.lower() in self._violence or t.lower_ in self._projectiles for t in doc)

    def _by_projectile(self, verb: Token, violent: bool) -> bool:
        """ "A bullet struck a girl", "was grazed by gunfire", "hitting her in the head": a
        projectile hits, or, in an article about violence, a person is hit in a body part by
        nothing named. Whatever else hits (a car, a storm, a ball, a bat, hail pellets) names
        no shooting, and a shortstop hit in the head in a sports report is no victim."""

        def named(token: Token) -> bool:
            if not (token.lower_ in self._projectiles or token.lemma_.lower() in self._projectiles):
                return False
            return not any(c.lower_ in self._not_firearm for c in token.lefts)

        # "fired at a car and hit a girl", "tried to shoot him, but hit the boy": the shot hit
        fired = verb.dep_ == "conj" and any(
            v.lemma_.lower() in _FIRING_VERBS
            for v in (verb.head, *(c for c in verb.head.children if c.dep_ == "xcomp"))
        )
        by_projectile = body_part = False
        for child in verb.children:
            if child.dep_ == "nsubj" and not is_passive(verb):
                if not named(child):
                    return False  # "a car struck a cyclist in the leg"
                by_projectile = True
            if child.dep_ in {"agent", "prep"} and child.lower_ in {"by", "with", "in", "to"}:
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if child.lower_ in {"by", "with"}:
                        if not named(obj):
                            return False  # "hit in the head by a line drive", "with a bat"
                        by_projectile = True
                    elif obj.lemma_.lower() in self._body_parts:
                        body_part = True
        return by_projectile or fired or (body_part and violent)

    def _classify(self, mention: Mention) -> None:
        head = mention.head
        dets = {c.lower_ for c in head.children if c.dep_ in {"det", "poss", "amod", "nummod"}}
        if head.pos_ == "NOUN" or head.pos_ == "PROPN":
            plural = head.tag_ in {"NNS", "NNPS"}
            mention.definite = bool(dets & _DEFINITE) or any(
                c.dep_ in {"compound", "poss"} and c.ent_type_ for c in head.children
            )
            mention.generic = bool(dets & _GENERIC_DETS) or (plural and not mention.definite)
            if plural and dets & {"these", "those", "the"}:
                mention.generic = True
        mention.negated = any(c.dep_ == "neg" for c in head.children)
        window = head.doc[max(head.sent.start, head.i - 4) : head.i].text.lower()
        if any(_contains(window, cue) for cue in self._summary):
            mention.generic = True
        child = head
        for ancestor in head.ancestors:  # "threatened to burn it down", "a plot to bomb"
            if child.dep_ == "conj" or (
                child.dep_ == "relcl"
                and ancestor.lemma_.lower() != "one"  # "the one that": a pro-form, any noun
                and self.names_people(ancestor)
            ):
                # "threatened him and stabbed him": the stabbing happened; so did it in "tried
                # to find the man who shot her", a relative clause about a person; but "vowed to
                # prevent attacks like the one that killed 12" names no event of its own
                break
            if ancestor.lower_ in self._sought and child.dep_ == "prep":
                break  # "wanted for the shooting": sought by the police, not wishing
            if (
                ancestor.lemma_.lower() in self._hypothetical
                or ancestor.lower_ in self._hypothetical
            ):
                mention.negated = True
                break
            if ancestor.dep_ == "ROOT":
                break
            child = ancestor
        if self._attempted(head) or self._habitual_clause(head):
            mention.negated = True
        if any(c.dep_ == "mark" and c.lower_ in self._hypothetical for c in head.children):
            mention.negated = True  # "can you imagine if they got shot?"
        aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
        if aux & {"could", "would", "might", "may", "will"}:
            mention.negated = True

    def _habitual_clause(self, head: Token) -> bool:
        """ "Any time a player on our team is hurt or passes away, every family feels it",
        "whenever a student is shot": a present-tense clause under a ``habitual`` phrase tells
        what happens each time, not what happened ("each time he fired, a bullet hit someone"
        is told in the past and did happen)."""
        verbs = [head, *(c for c in head.children if c.dep_ in {"aux", "auxpass"})]
        if not any(v.tag_ in {"VBZ", "VBP"} for v in verbs):
            return False
        for token in (head, *head.ancestors):
            for child in token.children:
                if child.dep_ in {"advmod", "mark"} and child.lower_ in self._habitual:
                    return True
                if token.lower_ == "time" and f"{child.lower_} time" in self._habitual:
                    return True
            if token.dep_ == "ROOT":
                return False
        return False

    def _attempted(self, head: Token) -> bool:
        """ "trying to kill two others", "attempted to shoot and kill him": the trigger is
        what an attempt verb (``attempt_verb`` cues) aimed at, so it did not happen; an event
        told further down its object ("attempting to film someone firing a pistol") did. The
        attempt must be aimed at a person: the parser also hangs a participle on the verb
        ("attempting to photograph someone firing a pistol at a range")."""
        verb = head
        while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and head.tag_ == "VB":
            verb = verb.head  # "to shoot and kill"; not "tried to escape and shot two deputies"
        if not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self._attempts):
            return False
        return any(
            c.dep_ in {"dobj", "obj"} and self.is_person(c)
            for v in (head, *head.conjuncts)
            for c in v.children
        )

    def _arguments(
        self, head: Token, by_head: dict[int, Mention]
    ) -> tuple[list[Token], list[Token]]:
        patients: list[Token] = []
        agents: list[Token] = []
        own = by_head.get(head.i)
        trigger_tokens = {t.i for t in own.trigger} if own is not None else set()
        if head.pos_ in {"VERB", "AUX"}:
            passive = is_passive(head)
            # "the boy died", "he passed away": the subject is the victim
            undergoer = event_lemma(head) in _UNDERGO_VERBS or self._found_in_state(head)
            for child in head.children:
                if child.dep_ == "nsubjpass" or (child.dep_ == "nsubj" and (passive or undergoer)):
                    patients.append(child)
                elif child.dep_ == "nsubj":
                    agents.append(child)
                elif child.dep_ in {"dobj", "obj"} and child.lower_ in REFLEXIVE:
                    patients.extend(c for c in head.children if c.dep_ == "nsubj")  # shot himself
                    patients.extend(child.conjuncts)  # "shot himself and his son"
                elif child.dep_ == "conj" and child.lower_ in REFLEXIVE:
                    # "killed his wife and then himself": the verb's subject is hurt too
                    patients.extend(
                        [c for c in head.children if c.dep_ == "nsubj"] or conj_subject(head)
                    )
                elif child.dep_ in {"dobj", "obj"} and child.i not in trigger_tokens:
                    if not _list_item(head, child):
                        patients.append(child)
                elif (
                    child.dep_ == "prep"
                    and child.lower_ in {"to", "at", "into"}
                    and (
                        any(
                            c.dep_ in {"dobj", "obj"} and c.i in trigger_tokens
                            for c in head.children
                        )
                        or head.lemma_ in _THROW_VERBS
                    )
                ):  # "set fire to the door", "threw a petrol bomb at the house"
                    patients.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "agent":
                    agents.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ in {"prep", "prt"} and child.i in trigger_tokens:
                    # "gunned down his neighbor": the parser hangs the object on the particle
                    patients.extend(c for c in child.children if c.dep_ == "pobj")
                elif (
                    child.dep_ == "prep"
                    and child.lower_ in {"on", "at", "against"}
                    and (head.lemma_ in {"open", "fire"})
                ):
                    patients.extend(c for c in child.children if c.dep_ == "pobj")
            if head.dep_ == "relcl" and passive:
                # "a girl who was shot": the relative pronoun stands for the noun
                patients = [p for p in patients if p.tag_ not in _RELATIVE_TAGS]
            if head.dep_ == "acl" and passive and not patients and head.head.pos_ == "VERB":
                # "was shot, killed in …": a participle the parser hangs on a verb as if it
                # modified a noun is a second predicate of the verb's subject
                governor = _governing_subject(head)
                if governor is not None:
                    patients.append(self._person_of(governor))
            elif head.dep_ in {"acl", "relcl"} and passive and not patients:
                patients.append(self._person_of(head.head))
            elif (
                head.dep_ == "acl"
                and head.tag_ == "VBD"
                and _unaimed(head)
                and self.names_people(head.head)
            ):  # "the man shot Sunday was identified": a participle tagged past tense
                patients.append(head.head)
            elif passive and not patients and head.dep_ == "ccomp" and head.head.dep_ == "relcl":
                patients.append(head.head.head)  # "the teen they say was shot"
            elif passive and not patients and head.dep_ in {"advcl", "pcomp", "xcomp", "oprd"}:
                # "X is in hospital after being stabbed", "a man was found fatally shot"
                governor = _governing_subject(head)
                if governor is not None:
                    patients.append(self._person_of(governor))
            elif head.dep_ == "relcl" and undergoer and not agents:
                # "Anderson, who died at the scene": the relative pronoun is the noun; not in
                # "the hospital where he later died", whose clause has its own subject
                patients = [p for p in patients if p.tag_ not in _RELATIVE_TAGS] or [head.head]
            elif head.dep_ == "relcl" and not passive and not agents:
                agents.append(head.head)
            reflexive = is_reflexive(head)
            controllers = (
                [c for c in head.head.children if c.dep_ in {"dobj", "obj"} and c.pos_ != "PRON"]
                if head.dep_ == "xcomp" and not passive and not agents
                else []
            )
            if controllers and not is_passive(head.head):
                # "led a father to accidentally shoot his son", "forced the clerk to open the
                # safe": the governing verb's object is who does the act, not who suffers it;
                # but who "left the boy to die" left him dying
                (patients if undergoer else agents).extend(controllers)
            elif head.dep_ in {"conj", "xcomp", "advcl"} and not agents and not patients:
                parent = head.head
                if parent.i in by_head or parent.pos_ == "VERB":
                    p_pat, p_ag = self._arguments(parent, {})
                    if undergoer:  # "X turned the gun on herself and died": X died
                        patients.extend(p_pat if is_passive(parent) else p_ag)
                    elif reflexive and not is_passive(parent):
                        killer = p_ag or conj_subject(parent)
                        patients.extend(killer)  # "shot a student and then killed herself"
                        agents.extend(killer)
                    elif passive and not is_passive(parent):
                        # "a man walked into the store and was shot": who walked was shot
                        patients.extend(p_ag or conj_subject(parent))
                    else:
                        agents.extend(p_ag)
                        if is_passive(parent) == passive:
                            patients.extend(p_pat)
        else:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in {"on", "against", "of", "targeting"}:
                    lemma = head.lemma_.lower()
                    if child.lower_ == "of" and not (
                        lemma in self._patient_nouns or self._wounds_whom_of(head)
                    ):
                        continue
                    patients.extend(
                        c
                        for c in child.children
                        if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}
                    )  # "a shooting on Monday": a day is not a victim
                elif child.dep_ == "prep" and child.lower_ == "by":
                    agents.extend(c for c in child.children if c.dep_ == "pobj")
                elif (
                    child.dep_ == "poss"
                    and child.pos_ != "PRON"
                    and child.ent_type_ not in {"DATE", "TIME", "GPE", "LOC", "FAC"}
                ):  # "the FMLN's attack" names who did it, "the Jesuits' slaying" who died
                    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
                    if head.lemma_.lower() in self._patient_nouns and not has_of:
                        patients.append(child)  # "the ELN's kidnapping of two journalists"
                    else:
                        agents.append(child)
            if head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_ in _SUPPORT_VERBS:
                agents.extend(c for c in head.head.children if c.dep_ == "nsubj")
        patients = [p for p in patients if p.lower_ not in self._quantities]  # "hurt a lot"
        # "the teen shot on Main Street died": the parser makes the participle the subject
        patients = [
            next((c for c in p.children if c.dep_ == "nsubj"), p) if p._.tw_participle else p
            for p in patients
        ]
        patients = [p for p in patients if not _possessive_read_as_object(p, patients)]
        patients = _expand_conjuncts(patients, by_head, self.is_person)
        agents = _expand_conjuncts(agents, by_head, self.is_person)
        return [
            p for p in patients if p.pos_ != "PRON" or p.lower_ in PERSONAL_PRONOUNS | {"another"}
        ], [a for a in agents if a.pos_ != "PRON"]

    def _wounds_whom_of(self, noun: Token) -> bool:
        """ "the shooting of a 12-year-old girl": a wounding noun (``wounding_nouns``) whose
        "of" names who was hurt. One event, told in a sentence ("the", "a", "Friday's"), or in
        a headline ("Man charged in shooting of woman"); not "fatal shootings of twin sisters"
        (events told over), nor a bare caption in a list of videos ("Witness describes
        shooting of two brothers"), which the story never goes on about."""
        if noun.lemma_.lower() not in self._wounding_nouns or noun.tag_ != "NN":
            return False
        headline = Doc.has_extension("tw_headline") and noun.doc._.tw_headline
        return headline or any(c.dep_ in {"det", "poss"} for c in noun.children)

    def _found_in_state(self, verb: Token) -> bool:
        """ "Deputies found the woman shot in the head": the parser makes the woman the
        subject of a bare participle after a finding verb (``finding_verb`` cues); she is
        the one it happened to, not its doer. Tagged past tense, it is still a participle
        when it has no object and no "that" ("found that the man shot at officers")."""
        return (
            verb.tag_ in {"VBN", "VBD"}
            and verb.dep_ in {"ccomp", "oprd", "xcomp"}
            and verb.head.lemma_.lower() in self._finding
            and not any(c.dep_ in {"aux", "auxpass", "dobj", "obj", "mark"} for c in verb.children)
        )

    def _person_of(self, noun: Token) -> Token:
        """ "the identity of the man found shot": the parser may hang the participle on the
        noun that governs the person; the person, when that noun is none."""
        if self.is_person(noun):
            return noun
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                person = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if person is not None and person.pos_ != "PRON" and self.is_person(person):
                    return person
        return noun

    def names_people(self, noun: Token) -> bool:
        """A noun the lexicons know as people ("man", "officer", "teen") or a person's name,
        not a noun the word vectors merely place nearer "person" than "building"."""
        lower, lemma = noun.lower_, noun.lemma_.lower()
        return noun.ent_type_ in _PERSON_ENTS or lower in self._people or lemma in self._people

    def _on_a_street(self, token: Token) -> bool:
        """ "a shooting on Birch Lane": a name ending in a street word after a preposition of
        place is a street the tagger may call a person ("at 418 West 92nd St." too); "shot
        Sarah Lane" names her."""
        return (
            token.lower_.rstrip(".") in self.streets
            and any(c.dep_ == "compound" for c in token.children)
            and token.dep_ == "pobj"
            and token.head.lower_ in self._street_prepositions
        )

    def is_person(self, token: Token) -> bool:
        """People are victims; things (doors, shops, cars) are physical targets."""
        if token.lower_ in self._not_people:
            return False  # "Photo: … 4-year-old who shot himself dies": a caption
        if self._on_a_street(token):
            return False
        if self.names_people(token):
            return True
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower == "old" and any(c.lower_ in self._age_units for c in token.children):
            return True  # "12-year-old accidentally shot": the parser may tag "old" an adjective
        if lower in self.lexicon.targets or lemma in self.lexicon.targets:
            return False
        if any(c.dep_ == "compound" and c.lower_ in self.lexicon.targets for c in token.children):
            return False
        if token.has_vector and token.vector_norm:
            person = token.vocab["person"]
            building = token.vocab["building"]
            if person.has_vector and building.has_vector:
                return bool(token.similarity(person) >= token.similarity(building))
        return True


def conj_subject(verb: Token) -> list[Token]:
    """The subject shared along a chain of coordinated verbs ("a man shot and killed his
    wife and then killed himself": "man" for every verb)."""
    while verb.dep_ == "conj":
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    return []


def event_lemma(token: Token) -> str:
    """The token's lemma, with "pass away" read as the "die" it means (not "passed out")."""
    if token.lemma_ == "pass" and any(
        c.dep_ == "prt" and c.lower_ == "away" for c in token.children
    ):
        return "die"
    return token.lemma_.lower()


def is_reflexive(verb: Token) -> bool:
    """ "killed herself", "shot himself": the verb's object is its own subject."""
    return any(c.dep_ in {"dobj", "obj"} and c.lower_ in REFLEXIVE for c in verb.children)


def harms_self(verb: Token) -> bool:
    """ "killed herself", or "killed his wife and then himself" (the parser makes the
    reflexive a conjunct of the verb): the subject is among those the verb hurt."""
    return is_reflexive(verb) or any(
        c.dep_ == "conj" and c.lower_ in REFLEXIVE for c in verb.children
    )


def _preceded_by(span: Span, words: frozenset[str]) -> bool:
    """ "life-threatening", "non-life threatening": one of ``words`` right before the span,
    a hyphen between them allowed."""
    if not words:
        return False
    before = [t for t in span.doc[max(0, span.start - 3) : span.start] if t.text != "-"]
    return bool(before) and before[-1].lower_ in words


def is_passive(verb: Token) -> bool:
    """Passive voice, including participles without an auxiliary ("a courier assaulted …").

    Headlines drop the auxiliary and the parser reads "Teen killed in shooting" as an active
    past tense; in a headline a past-tense verb with no object is such a passive (headlines
    report actions in the present: "Gunman opens fire").
    """
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    if (
        verb.doc._.tw_headline
        and verb.tag_ == "VBD"
        and not any(
            c.dep_ in {"dobj", "obj", "dative", "agent"}
            or (c.dep_ == "prep" and c.lower_ in {"at", "on"})
            for c in verb.children
        )
    ):
        return True  # not "Gunman shot at deputies"
    if verb._.tw_participle:
        return True
    if verb.tag_ != "VBN":
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def reduced_relative(verb: Token) -> bool:
    """ "A boy shot Sunday is in stable condition", "the teen shot on Main Street died": the
    parser reads the participle as the past tense of a clause of its own and the sentence's
    real predicate as a clause with no subject. A past-tense verb with a noun subject, no
    object and nothing it was aimed "at", tied to a later finite verb that has no subject of
    its own, is a participle describing that noun: the noun is who it happened to. (The
    finder also asks that the noun name people: "a prior mug shot … shows him".)"""
    if verb.tag_ not in {"VBD", "VBN"} or verb.dep_ in {"conj", "relcl", "acl"}:
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children):
        return False
    if not _unaimed(verb) or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    linked = [c for c in verb.children if c.dep_ in {"advcl", "ccomp"}]
    # a conjunct with no "and" anywhere in the chain ("shot Sunday … did not suffer"); not a
    # series of acts ("shot twice, dropped the gun and ran")
    conjuncts = [c for c in verb.children if c.dep_ == "conj"]
    if not any(c.dep_ == "cc" for v in (verb, *conjuncts) for c in v.children):
        linked += conjuncts
    if verb.dep_ in {"ccomp", "nsubj", "csubj", "advcl"}:
        linked.append(verb.head)
    return any(
        v.i > verb.i
        and _finite(v)
        and not any(c.dep_ in _SUBJECTS and c != verb for c in v.children)
        and not _next_act(v)
        for v in linked
    )


def _next_act(verb: Token) -> bool:
    """ "The homeowner shot once, hit the intruder in the leg and called 911": a verb after a
    comma that does something to an object is the next act of the same subject, not the
    predicate a participle's noun is waiting for ("a boy shot Sunday is in stable
    condition")."""
    before = verb.doc[verb.i - 1]
    if verb.lemma_.lower() in _PATIENT_PREDICATES:
        return False  # "a man shot outside a store on Friday, suffered a wound to his leg"
    return before.text == "," and any(c.dep_ in {"dobj", "obj"} for c in verb.children)


# what befalls the one hit ("suffered a wound", "underwent surgery"): no act of the shooter
_PATIENT_PREDICATES = _UNDERGO_VERBS | {"undergo", "remain", "require", "need", "receive"}


def _possessive_read_as_object(token: Token, patients: list[Token]) -> bool:
    """ "fatally shooting her older brother": the parser may read "her" as an object of its
    own beside "brother"; it is the brother's possessive, not a second person shot."""
    if token.lower_ != "her" or token.tag_ != "PRP":
        return False
    return any(
        other.i > token.i
        and all(t.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} for t in token.doc[token.i + 1 : other.i])
        for other in patients
        if other is not token
    )


def _unaimed(verb: Token) -> bool:
    """No object and nothing the verb was aimed "at": "shot Sunday", not "shot his wife"."""
    return not any(
        c.dep_ in {"dobj", "obj", "dative"} or (c.dep_ == "prep" and c.lower_ == "at")
        for c in verb.children
    )


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS for c in verb.children
    )


def _trigger_head(span: Span) -> Token:
    if not any(t.pos_ == "VERB" for t in span) and span.root.pos_ in {"NOUN", "PROPN"}:
        return span.root  # "murder-suicide", "car bomb": the compound's head noun
    for pos in ("VERB", "NOUN", "PROPN"):
        for token in span:
            if token.pos_ == pos:
                return token
    return span.root


def _is_trigger_noun(token: Token) -> bool:
    return token.lemma_.lower() in {"attack", "bombing", "assault", "shooting", "stabbing", "blast"}


def _expand_conjuncts(
    tokens: list[Token], by_head: dict[int, Mention], is_person: Callable[[Token], bool]
) -> list[Token]:
    """Coordinated arguments share the event unless each has its own trigger participle.

    A counted apposition of a person continues a list rather than naming the person again:
    "his wife, two young children and his mother-in-law" (the parser makes "children" an
    apposition of "wife"); "his wife, Mary Smith" has no number and stays one person."""
    out: list[Token] = []
    for token in tokens:
        if token not in out:
            out.append(token)
        listed = [
            c
            for c in token.children
            if c.dep_ == "appos"
            and any(g.dep_ == "nummod" for g in c.children)
            and token.tag_ in {"NN", "NNP"}
            and not any(g.dep_ == "nummod" for g in token.children)
            and is_person(token)
            and is_person(c)
        ]  # not "three people, two men and a woman": that apposition names the same people
        listed += [c for c in token.children if _heads_a_list(token, c, is_person)]
        for conj in [*token.conjuncts, *listed, *(x for a in listed for x in a.conjuncts)]:
            has_own_event = any(
                c.dep_ in {"acl", "relcl"} and c.i in by_head for c in conj.children
            )
            if not has_own_event and conj not in out and conj.i > token.i:
                out.append(conj)
    return out


def _heads_a_list(token: Token, appos: Token, is_person: Callable[[Token], bool]) -> bool:
    """The parser reads a list of three or more as a name and its apposition, the other items
    joined to the apposition: "A man, a woman and a teenager were shot", "a mother, father,
    and toddler", "John Smith, 32, Mary Jones, 29, and Ann Lee". An apposition renames its
    head ("the victim, a woman, and her son"; "his wife, Mary Smith, and her son"; "A man,
    husband and father, was shot"), so the two must be the same kind of phrase: two proper
    names, or two common nouns, neither with a number or "the", "this", "that", "these",
    "those" (a possessive may open both: "his wife, son and daughter"), and not an owned
    noun told again as "a …" ("her boyfriend, a cook, and …"); and a list takes a verb in
    the plural."""
    if appos.dep_ != "appos" or appos.head != token or appos.i < token.i:
        return False
    if not any(c.dep_ == "conj" for c in appos.children) or not coordinated(appos):
        return False
    if singular_subject(token):
        return False
    kinds = {t.pos_ for t in (token, appos)}
    if kinds == {"PROPN"}:
        return all(t.ent_type_ == "PERSON" for t in (token, appos))
    if kinds != {"NOUN"} or not (is_person(token) and is_person(appos)):
        return False
    if any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in _DEMONSTRATIVE)
        for t in (token, appos)
        for c in t.children
    ):
        return False
    owned = any(c.dep_ == "poss" for c in token.children)
    return not (owned and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in appos.children))


def _contains(window: str, cue: str) -> bool:
    return f" {cue} " in f" {window} "


def locative_objects(token: Token) -> list[Token]:
    """Objects of locative prepositions hanging off ``token`` ("at Crocus City Hall")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _governing_subject(verb: Token) -> Token | None:
    """Who the verb's clause is about: the nearest subject up the tree, or the noun a
    participle modifies ("the death of a man found shot": the man, not whoever reports it)."""
    for ancestor in verb.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0]
        if ancestor.dep_ == "acl":
            return ancestor.head
        if ancestor.dep_ == "ROOT":
            break
    return None


def _list_item(verb: Token, obj: Token) -> bool:
    """Whether a headline's "object" is the next item of a list, after a comma and before a
    participle of its own ("Man killed, 8 others wounded"): headlines drop the auxiliaries, so
    the parser reads the man as killing the eight."""
    doc = verb.doc
    if not (Doc.has_extension("tw_headline") and doc._.tw_headline) or obj.i < verb.i:
        return False
    between = doc[verb.i + 1 : obj.left_edge.i]
    return (
        any(t.text == "," for t in between)
        and not any(t.pos_ in {"VERB", "AUX"} for t in between)
        and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in obj.children)
    )
