"""Noun phrases to ``Actor`` records with nationality, occupation, gender, age and affiliation.

Attributes are read only from the words of the phrase itself (plus "described as …" and
"of Tajik nationality" constructions), so every attribute is backed by the phrase's evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from tensionwatch.extract.components.numbers import is_number_token, run_value
from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.models import Actor, ActorKind, Evidence, Role

_CUT_DEPS = frozenset(
    {"acl", "relcl", "appos", "punct", "cc", "conj", "advcl", "prep", "agent", "dep", "mark"}
)
_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "appos", "conj", "cc", "punct"})
_KEEP_PREP_UNDER = frozenset({"group", "gang", "band", "members", "member", "affiliate", "crowd"})
_DESCRIBE_LEMMAS = frozenset(
    {"describe", "identify", "name", "believe", "say", "report", "suspect"}
)
_OUTCOME_WORDS = frozenset({"dead", "wounded", "injured", "unharmed"})
_TITLES = frozenset(
    {
        "president",
        "governor",
        "senator",
        "minister",
        "mayor",
        "general",
        "colonel",
        "captain",
        "father",
        "judge",
        "attorney",
        "mr",
        "mrs",
        "ms",
        "dr",
        "deputy",
        "leader",
        "chief",
        "bishop",
        "archbishop",
        "priest",
        "commander",
        "lieutenant",
        "sergeant",
        "major",
        "candidate",
    }
)
_NAMING_LEMMAS = frozenset({"call", "name", "style", "dub"})
_AGE = re.compile(r"(\d{1,3})-year-old")
_AGE_UNITS = frozenset({"year", "month", "week", "day"})
ELLIPTICAL = frozenset({"another", "other", "second", "third", "one"})
_SINGULAR_DETS = frozenset({"a", "an", "another"})


def noun_phrase(head: Token) -> Span:
    """The phrase headed by ``head``, without clauses and (most) prepositional attachments."""
    tokens = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        # "8-year-old": an age, whose "year" the tagger marks as a date
        age = head.lower_ == "old" and child.lemma_.lower() in _AGE_UNITS
        if child.ent_type_ in {"DATE", "TIME"} and child.head == head and not age:
            continue  # "On 3 May 2024 a Jewish man": the date is not part of the person
        if child.dep_ == "amod" and child.lower_ in _OUTCOME_WORDS:
            continue  # "shot dead Governor X": the outcome is not part of the person
        if child.head != head and child.dep_ in _CLAUSE_DEPS:
            continue  # "soldiers stationed at the base who were visiting …": clauses go
        if child.head == head and child.dep_ in _CUT_DEPS:
            keep_of = (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and (head.lemma_.lower() in _KEEP_PREP_UNDER or is_quantity(head))
            )
            if not keep_of:
                continue
        tokens.append(child)
        stack.extend(child.children)
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    span = head.doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ == "cc"):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].dep_ == "cc"):
        span = span[1:]
    dashes = [t.i for t in span if t.i < head.i and _spaced_dash(t)]
    if dashes:  # "DALLAS - A three-year-old girl": the dateline is not part of the person
        span = head.doc[dashes[-1] + 1 : span.end]
    articles = [t.i for t in span[1:] if t.i < head.i and t.lower_ in {"a", "an", "the"}]
    if articles and all(
        t.like_num or t.is_punct or t.is_space for t in head.doc[span.start : articles[0]]
    ):
        span = head.doc[articles[0] : span.end]  # "Image 1 of 8 An 11-year-old boy"
    return span


def _spaced_dash(token: Token) -> bool:
    """A dash with spaces around it separates phrases; "three-year-old" joins words."""
    return (
        token.text in {"-", "--", "\u2013", "\u2014"}
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def is_quantity(token: Token) -> bool:
    return token.like_num or token.lower_ in {"dozens", "hundreds", "scores", "thousands", "one"}


def coordinated(token: Token) -> bool:
    """Whether ``token`` opens a coordination: "a woman and a teen", "a woman, a girl and a
    boy" (the parser hangs the "and" on the last conjunct when there are more)."""
    return any(c.dep_ == "cc" for t in (token, *token.conjuncts) for c in t.children)


def singular_subject(token: Token) -> bool:
    """Whether ``token`` is the subject of a verb in the singular ("was", "is", "has",
    "dies"): "A man, husband and father, was shot" describes one man; a list takes "were"."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    words = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}] + [verb]
    return any(w.lower_ in {"was", "is", "has"} or w.tag_ == "VBZ" for w in words)


def described_as(head: Token) -> Token | None:
    """Head of "X, described as young Russian nationalists" / "identified as Tajik nationals"."""
    candidates = [head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        candidates.append(head.head.head)
    for anchor in candidates:
        for child in anchor.children:
            if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"}:
                if coordinated(child) and not singular_subject(anchor):
                    continue  # "a man, a woman and a teen were …": the parser's list
                return child
            if child.dep_ in {"acl", "relcl"} and child.lemma_ in _NAMING_LEMMAS:
                names = [c for c in child.children if c.dep_ in {"oprd", "attr", "xcomp"}]
                if names and names[0].pos_ in {"PROPN", "NOUN"}:  # "a group calling itself X"
                    return names[0]
            if child.dep_ in {"acl", "relcl"} and child.lemma_ in _DESCRIBE_LEMMAS:
                for prep in child.children:
                    if prep.lower_ == "as":
                        objects = [c for c in prep.children if c.dep_ == "pobj"]
                        if objects:
                            return objects[0]
    return None


class ActorBuilder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._affiliations = lexicon.cue_set("affiliation")
        self._perp_nouns = lexicon.cue_set("perpetrator_noun")
        self._pair_words = lexicon.cue_set("pair_word")

    def build(self, head: Token, role: Role) -> Actor:
        generic = (
            head.lower_ in self._perp_nouns
            or head.lower_ in {"suspects", "suspect"}
            or head.lemma_.lower() in self.lexicon.organization_nouns
        )
        described = described_as(head) if generic else None
        if described is not None:
            head = described
        span = noun_phrase(head)
        text = span.text
        lower_tokens = [t.lower_ for t in span]
        groups = self._groups(span)
        nationality = next((g for c, g in groups if c == "nationality"), None)
        ethnicity = next((g for c, g in groups if c == "ethnicity"), None)
        religion = next((g for c, g in groups if c == "religion"), None)
        gender = self._first_attr("gender", lower_tokens)
        age_group = self._age_group(span)
        occupation = self._occupation(span.text.lower())
        affiliation = self._affiliation(span)
        kind = self._kind(head, span, affiliation)
        return Actor(
            text=text,
            role=role,
            kind=kind,
            count=self._count(head, span),
            nationality=nationality,
            ethnicity=ethnicity,
            religion=religion,
            occupation=occupation,
            gender=gender,
            age_group=age_group,
            affiliation=affiliation,
            name=proper_name(span),
            evidence=(Evidence(span.start_char, span.end_char, span.text),),
        )

    def is_elliptical(self, head: Token) -> bool:
        """ "another" in "a Tajik courier assaulted …, another sprayed …": a noun left out."""
        return head.lower_ in ELLIPTICAL and head.pos_ in {"DET", "PRON", "NUM", "ADJ"}

    def inherit(self, actor: Actor, antecedent: Actor) -> Actor:
        note = f"'{actor.text}' refers back to {antecedent.text}"
        return replace(
            actor,
            kind=antecedent.kind,
            nationality=antecedent.nationality,
            ethnicity=antecedent.ethnicity,
            religion=antecedent.religion,
            occupation=antecedent.occupation,
            gender=antecedent.gender,
            age_group=antecedent.age_group,
            count=1,
            note=note,
        )

    def _groups(self, span: Span) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        tokens = list(span)
        head = span.root
        for prep in head.children:  # "individuals of Tajik nationality", "of Central Asian descent"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                tokens.extend(prep.subtree)
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.ent_type_ in {"ORG", "FAC", "WORK_OF_ART", "LAW"}:
                i += 1
                continue
            two = f"{token.lower_} {tokens[i + 1].lower_}" if i + 1 < len(tokens) else ""
            term = self.lexicon.groups.get(two) if two else None
            step = 2
            if term is None:
                term = self.lexicon.groups.get(token.lower_)
                step = 1
            if term is not None:
                found.append((term.characteristic, term.group))
            i += step
        return found

    def _first_attr(self, attribute: str, lower_tokens: list[str]) -> str | None:
        table = self.lexicon.actor_terms.get(attribute, {})
        return next((table[t] for t in lower_tokens if t in table), None)

    def _age_group(self, span: Span) -> str | None:
        match = _AGE.search(span.text.lower())
        if match:
            years = int(match.group(1))
            if years < 18:
                return "child"
            if years < 25:
                return "young"
            return "elderly" if years >= 65 else "adult"
        table = self.lexicon.actor_terms.get("age_group", {})
        return next((table[t.lower_] for t in span if t.lower_ in table), None)

    def _occupation(self, lower_text: str) -> str | None:
        for term in self.lexicon.occupations:
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", lower_text):
                return term
        return None

    def _affiliation(self, span: Span) -> str | None:
        for ent in span.ents:
            if ent.label_ in {"ORG", "NORP"} and ent.text.lower() not in self.lexicon.groups:
                return ent.text.removeprefix("the ").strip()
        lower = span.text.lower()
        for term in sorted(self._affiliations, key=len, reverse=True):
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", lower):
                return term
        return None

    def _kind(self, head: Token, span: Span, affiliation: str | None) -> ActorKind:
        lemma = head.lemma_.lower()
        named = any(t.ent_type_ == "ORG" or t.pos_ == "PROPN" for t in span if t != head)
        if head.ent_type_ == "ORG" or (lemma in self.lexicon.organization_nouns and named):
            return ActorKind.ORGANIZATION
        if head.ent_type_ == "GPE":
            return ActorKind.STATE
        if head.tag_ in {"NNS", "NNPS"} or lemma in self.lexicon.group_nouns:
            return ActorKind.GROUP
        return ActorKind.INDIVIDUAL

    def _count(self, head: Token, span: Span) -> int | None:
        numbers = [t for t in span if is_number_token(t, self.lexicon) and t.i < head.i]
        if numbers:
            return run_value(numbers, self.lexicon)
        if head.tag_ in {"NNS", "NNPS"}:
            # "his twin daughters", "the twins": two people although no number is written
            return 2 if any(t.lower_ in self._pair_words for t in span) else None
        if head.lower_ in self.lexicon.group_nouns:
            return None  # "his family", "a gang": people, but how many is not said
        if head.pos_ in {"NOUN", "PROPN"} or head.lower_ in ELLIPTICAL:
            return 1
        if any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETS for c in head.children):
            return 1  # "a 13-year-old", "an unidentified": one person named by an adjective
        if head.lower_ == "old" and any(c.dep_ == "npadvmod" for c in head.children):
            return 1  # a headline's "8-year-old injured in shooting": one person, by age
        return None


def proper_name(span: Span) -> str | None:
    """The person's name that ends a phrase, without titles before it: "Antioquia Department
    Governor Antonio Roldan Betancur" → "Antonio Roldan Betancur"."""
    head = span.root
    if head.ent_type_ != "PERSON" and head.pos_ != "PROPN":
        return None
    if head.ent_type_ == "PERSON":
        ent = next(
            (e for e in span.ents if e.start <= head.i < e.end and e.label_ == "PERSON"), None
        )
        if ent is not None:
            return ent.text
    tokens = [head]
    for token in reversed(span[: head.i - span.start]):
        if token.pos_ != "PROPN" or token.dep_ != "compound" or token.lower_ in _TITLES:
            break
        tokens.insert(0, token)
    return head.doc[tokens[0].i : head.i + 1].text if len(tokens) > 1 else None
