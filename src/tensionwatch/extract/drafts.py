"""The mutable incident under construction, and how it becomes a frozen ``Incident``."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from tensionwatch.extract.components.casualties import CasualtyMention
from tensionwatch.extract.components.mentions import Mention
from tensionwatch.extract.names import surname_of
from tensionwatch.models import (
    Actor,
    Bias,
    Count,
    EventDate,
    Evidence,
    Incident,
    IncidentType,
    Place,
    Qualifier,
    Target,
    Weapon,
)

# Specific types win over generic ones when several mentions of one incident disagree.
TYPE_PRIORITY = (
    "mass_casualty_attack",
    "bombing",
    "kidnapping",
    "robbery",
    "arson",
    "armed_attack",
    "killing",
    "assault",
    "vandalism",
    "threat_harassment",
)
_FAMILY = {
    "attack": set(TYPE_PRIORITY),
    "killing": {"armed_attack", "assault", "mass_casualty_attack", "bombing", "kidnapping"},
    "armed_attack": {"killing", "assault", "mass_casualty_attack", "robbery"},
    "assault": {"armed_attack", "killing", "robbery", "threat_harassment"},
    "mass_casualty_attack": {"armed_attack", "killing", "bombing", "arson", "assault"},
    "bombing": {"arson", "mass_casualty_attack", "killing"},
    "arson": {"bombing", "vandalism", "mass_casualty_attack"},
    "vandalism": {"arson"},
    "threat_harassment": {"assault"},
    "robbery": {"armed_attack", "assault", "killing"},
    "kidnapping": {"killing"},
}
MASS_KILLED = 10
MASS_TOTAL = 30


def compatible(a: str, b: str) -> bool:
    return a == b or b in _FAMILY.get(a, set()) or a in _FAMILY.get(b, set())


def ev(span: Span) -> Evidence:
    return Evidence(span.start_char, span.end_char, span.text)


@dataclass(eq=False)
class Draft:
    number: int
    mentions: list[Mention] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    victims: list[Actor] = field(default_factory=list)
    perpetrators: list[Actor] = field(default_factory=list)
    suspects: list[Actor] = field(default_factory=list)
    claimants: list[Actor] = field(default_factory=list)
    arrests: list[Actor] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    killed: list[CasualtyMention] = field(default_factory=list)
    injured: list[CasualtyMention] = field(default_factory=list)
    shot: list[CasualtyMention] = field(default_factory=list)  # hit, outcome not stated
    self_killed: list[CasualtyMention] = field(default_factory=list)  # "then killed himself"
    suicides: list[Actor] = field(default_factory=list)  # who "shot himself and died"
    # "shot his son and himself": who one act hurt, the attacker among them
    self_harm_groups: list[tuple[Actor, ...]] = field(default_factory=list)
    suicide_sentences: list[tuple[int, int]] = field(default_factory=list)  # char ranges
    victim_sentences: dict[int, int] = field(default_factory=dict)  # evidence start → sentence
    listed: set[int] = field(default_factory=set)  # victims one verb lists together
    also: set[int] = field(default_factory=set)  # victims hit "also": besides the dead
    places: list[Place] = field(default_factory=list)
    dates: list[EventDate] = field(default_factory=list)
    terror: list[Evidence] = field(default_factory=list)
    motives: list[tuple[str, Evidence]] = field(default_factory=list)
    not_bias: list[Evidence] = field(default_factory=list)
    retaliation: list[Evidence] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    last_sentence: int = 0
    killed_victims: list[Actor] = field(default_factory=list)  # objects of "killed", "murdered"
    injured_victims: list[Actor] = field(default_factory=list)  # objects of "wounded", "injured"
    reference: bool = False  # named only as what a later attack answered ("in revenge for …")
    place_keys: set[str] = field(default_factory=set)  # places named by its own mentions
    spot_keys: set[str] = field(default_factory=set)  # those of them that are streets, buildings
    day_keys: set[date] = field(default_factory=set)  # days named by its own mentions

    @property
    def type(self) -> str:
        specific = [t for t in self.types if t != "attack"]
        if not specific:
            return "attack"
        return min(specific, key=TYPE_PRIORITY.index)

    def casualty_buckets(self) -> dict[str, list[CasualtyMention]]:
        """Where a casualty phrase goes, by its label in ``patterns/casualties.jsonl``."""
        return {
            "killed": self.killed,
            "injured": self.injured,
            "shot": self.shot,
            "killed_self": self.self_killed,
        }

    @property
    def is_terror(self) -> bool:
        return bool(self.terror) or bool(self.claimants)

    def place_names(self) -> set[str]:
        """Places named so far: by its own mentions while assembling, then attached ones."""
        return (
            set(self.place_keys)
            | {p.name.lower() for p in self.places}
            | {(p.resolved or "").lower() for p in self.places if p.resolved}
        )

    def add_unique(self, bucket: list[Actor], actor: Actor) -> None:
        if all(
            a.evidence != actor.evidence and a.text.lower() != actor.text.lower() for a in bucket
        ):
            bucket.append(actor)

    def resolved_type(self, killed: Count | None, injured: Count | None) -> IncidentType:
        kind = self.type
        if kind == "attack":
            kind = self._type_from_weapons() or (
                "armed_attack" if killed and killed.value else "assault"
            )
        dead = killed.value if killed else 0
        hurt = injured.value if injured else 0
        if kind in {"armed_attack", "killing", "assault", "mass_casualty_attack"} and (
            dead >= MASS_KILLED or dead + hurt >= MASS_TOTAL
        ):
            kind = "mass_casualty_attack"
        return IncidentType(kind)

    def _type_from_weapons(self) -> str | None:
        order = {
            "explosive": "bombing",
            "incendiary": "arson",
            "firearm": "armed_attack",
            "bladed": "armed_attack",
        }
        for category, kind in order.items():
            if any(w.category == category for w in self.weapons):
                return kind
        return "assault" if self.weapons else None


def best_count(mentions: list[CasualtyMention], note: str | None = None) -> Count | None:
    """The highest reported figure wins: later, larger tolls usually update earlier ones."""
    if not mentions:
        return None
    chosen = max(mentions, key=lambda m: (m.count.value, -m.span.start))
    count = chosen.count
    if note and count.note is None:
        count = replace(count, note=note)
    return count


def with_besides(
    mentions: list[CasualtyMention],
    besides_words: frozenset[str],
    other_outcomes: Sequence[CasualtyMention] = (),
) -> list[CasualtyMention]:
    """ "One man is in critical condition and three others are injured" → 4: a count of
    "others" adds to the nearest count of the same outcome before it in its sentence, unless
    an earlier count in the sentence already is the total, or names as many and a count of
    another outcome comes between ("3 Injured … One man died and three others were injured":
    the others are besides the dead man, and the headline said so first)."""
    out = list(mentions)
    for later in mentions:
        if not _has_besides_word(later.span.text, besides_words):
            continue
        earlier = [
            m
            for m in mentions
            if m.span.sent == later.span.sent
            and m.span.end <= later.span.start
            and not _has_besides_word(m.span.text, besides_words)
        ]
        if not earlier:
            continue
        first = max(earlier, key=lambda m: m.span.start)  # the part "others" continue
        if first.count.value == later.count.value and any(
            m.span.sent == later.span.sent and first.span.start < m.span.start < later.span.start
            for m in other_outcomes
        ):
            continue  # "3 Injured … One man died and three others were injured": told again
        total = first.count.value + later.count.value
        if any(m.count.value >= total for m in earlier):
            continue  # "four were injured; one is critical and three others are stable": 4
        count = Count(
            total,
            later.count.qualifier,
            total,
            total,
            evidence=(*first.count.evidence, *later.count.evidence),
        )
        out.append(CasualtyMention(later.label, count, later.span))
    return out


def _less_the_dead(
    injured: list[CasualtyMention], killed: list[CasualtyMention]
) -> list[CasualtyMention]:
    """ "One of four women wounded … has died": the four wounded inside the phrase that
    reports the death counted the dead woman, so three are hurt. So did "four people were
    wounded" in the sentence before "one of them has died", when every death reported is
    such a one of those hurt (not "one of the gunmen")."""
    partitive = [k for k in killed if _some_of_the_hurt(k.span)]
    first = min(partitive, key=lambda k: k.span.start) if partitive else None
    before = None
    if first is not None and len(partitive) == len(killed):
        earlier = [
            h
            for h in injured
            if h.span.end <= first.span.start
            and first.span.sent.start - h.span.sent.end <= 1  # this sentence or the last
            and h.count.value > first.count.value
        ]
        before = max(earlier, key=lambda h: h.count.value, default=None)
    out: list[CasualtyMention] = []
    for hurt in injured:
        if hurt is before and first is not None:
            evidence = (*hurt.count.evidence, *first.count.evidence)
            dead = first.count.value
            out.append(CasualtyMention(hurt.label, _less(hurt.count, dead, evidence), hurt.span))
            continue
        outer = next(
            (
                k
                for k in killed
                if k.span.start <= hurt.span.start
                and hurt.span.end <= k.span.end
                and k.count.value < hurt.count.value
            ),
            None,
        )
        if outer is not None:
            count = _less(hurt.count, outer.count.value, outer.count.evidence)
            hurt = CasualtyMention(hurt.label, count, hurt.span)
        out.append(hurt)
    return out


# "one of them", "two of those shot", "one of the victims", "one of the wounded"
_OF_THE_HURT = frozenset({"them", "those", "whom", "victims", "wounded", "injured", "hurt"})


def _some_of_the_hurt(span: Span) -> bool:
    """ "One of them", "two of the victims": a part of people already counted as hurt."""
    return bool(span[0]._.tw_num) and _of_the_hurt([t.lower_ for t in span[:4]])


def _of_the_hurt(words: list[str]) -> bool:
    """Whether a phrase's first words read "<number> of them / the victims / …"."""
    return words[1:2] == ["of"] and bool(_OF_THE_HURT & set(words[2:4]))


def _less(count: Count, dead: int, evidence: tuple[Evidence, ...]) -> Count:
    """``count`` with ``dead`` people fewer, its qualifier and bounds kept."""
    return Count(
        count.value - dead,
        count.qualifier,
        None if count.low is None else count.low - dead,
        None if count.high is None else count.high - dead,
        evidence=evidence,
    )


def _introduced(actor: Actor) -> bool:
    """An indefinite or counted phrase introduces a new person ("a man", "three boys");
    "the victim", "he" usually mention someone already counted."""
    first = actor.text.split()[0].lower() if actor.text else ""
    return (
        first in {"a", "an", "another", "one"}
        or first[:1].isdigit()
        or (
            actor.count is not None
            and actor.count > 1
            and first not in {"the", "his", "her", "their"}
        )
    )


def with_suicide(
    killed: Count | None,
    draft: Draft,
    by_victims: bool = False,
    killing: frozenset[str] = frozenset(),
) -> Count | None:
    """ "killed two people … before killing himself" → 3: the number a killing verb governs
    counts its objects, so the killer who then died is one more. ``by_victims``: ``killed``
    counts the dead one by one; ``killing``: the verb lemmas that kill (``outcome_killed``)."""
    spans = [ev(m.span) for m in draft.self_killed] or [
        a.evidence[0] for a in draft.suicides if a.evidence
    ]
    if not spans:
        return killed
    if killed is None or killed.value == 0:
        return Count(1, Qualifier.EXACT, 1, 1, evidence=(spans[0],))
    stated = next((m for m in draft.killed if m.count is killed), None)
    if stated is None and not (by_victims and _killed_others(draft)):
        # the victims counted one by one may include the one who killed himself ("the
        # toddler shot and killed himself … a 4-year-old child": one person, two
        # descriptions); not when the same sentence has him kill them ("killed his wife
        # and then himself")
        return killed
    if stated is None and _killer_told_again(draft):
        return killed
    if stated is not None and stated.span[0].lemma_.lower() not in killing:
        # a toll as a subject ("three people are dead") or found ("found the gunman and the
        # boy dead") may include the killer; the objects of a killing verb do not
        return killed
    total = killed.value + 1
    evidence = (*killed.evidence, spans[0])
    return Count(total, killed.qualifier, total, total, evidence=evidence)


def _killer_told_again(draft: Draft) -> bool:
    """Whether the dead counted one by one include the one who killed himself, told again by
    the noun he was first told by in a list of the dead: "a man shot his wife and two sons
    before killing himself … A 42-year-old man, his wife and their two sons were found dead"
    names four dead. Not in a sentence that tells of the suicide ("a man killed a woman and
    a man before killing himself": three), nor someone told alone, by a clause of his own or
    as more ("A man who lived next door was also killed")."""
    killers: set[str] = set()
    for mention in draft.self_killed:
        verb = mention.span.root
        while verb.dep_ in {"advcl", "conj", "xcomp", "pcomp", "pobj", "prep"} and not any(
            c.dep_ == "nsubj" for c in verb.children
        ):
            verb = verb.head
        killers.update(c.lower_ for c in verb.children if c.dep_ == "nsubj")
    if not killers:
        return False
    doc = draft.self_killed[0].span.doc
    told = [(m.span.sent.start_char, m.span.sent.end_char) for m in draft.self_killed]
    for victim in draft.killed_victims:
        if not victim.evidence or victim.count != 1 or victim.name:
            continue
        start, end = victim.evidence[0].start, victim.evidence[0].end
        if victim.text.lower().split()[-1] not in killers or start in draft.also:
            continue
        if any(a <= start < b for a, b in told):
            continue
        span = doc.char_span(start, end)
        if span is not None and _in_a_roll(span.root):
            return True
    return False


def _in_a_roll(token: Token) -> bool:
    """Whether a person is told among others at once ("A 42-year-old man, his wife and their
    sons were found dead") and by no clause of his own ("A man who lived next door")."""
    if any(c.dep_ in {"acl", "relcl"} for c in token.children):
        return False
    siblings = [c for c in token.head.children if c is not token and c.dep_ == token.dep_]
    return bool(
        token.conjuncts
        or token.dep_ == "appos"
        or any(c.dep_ == "appos" for c in token.children)
        or (token.dep_ in {"nsubj", "nsubjpass"} and siblings)
    )


def _killed_others(draft: Draft) -> bool:
    """Whether a sentence that tells of the suicide also names one of the dead as hurt,
    someone other than who killed himself ("the 19-year-old turned the rifle on himself
    and died" names one person twice)."""
    ranges = [(m.span.sent.start_char, m.span.sent.end_char) for m in draft.self_killed]
    ranges += draft.suicide_sentences
    selves = {e.start for a in draft.suicides for e in a.evidence} | {
        subject.left_edge.idx
        for m in draft.self_killed
        for subject in m.span.root.children
        if subject.dep_ == "nsubj"
    }
    dead = {v.text.lower() for v in draft.killed_victims}
    return any(
        v.text.lower() in dead
        and any(a <= e.start < b and e.start not in selves for e in v.evidence for a, b in ranges)
        for v in [*draft.killed_victims, *draft.injured_victims]
    )


def _nouns(actors: list[Actor]) -> set[str]:
    """The words of phrases already counted, plural "s" dropped ("a 6-year-old daughter")."""
    return {w.rstrip("s") for v in actors for w in v.text.lower().split()}


def _listed(
    victims: list[Actor],
    counted: list[Actor],
    listed: frozenset[int],
    *,
    possessive: bool = False,
) -> list[Actor]:
    """ "shot the female and the child": one person per definite singular phrase of a list,
    unless its noun names someone counted already ("his wife … the wife"); so too a bare noun
    that shares the article or possessive of the list's phrases before it ("a mother and son",
    "her father and daughter", "a mother, father, and toddler") and,
    with ``possessive``, a relative ("a man and his son": where no death is told, a relative
    is not someone dead described again)."""
    taken = _nouns(counted)
    found: list[Actor] = []
    previous: Actor | None = None
    article = ""  # the first word of this list's last phrase with more than its noun;
    # a bare noun that does not continue the list ends it
    for victim in victims:
        words = victim.text.lower().split()
        member = bool(victim.evidence) and victim.evidence[0].start in listed
        before, previous = previous, (victim if member else previous)
        if not member:
            article = ""
        elif len(words) > 1:
            article = words[0]
        if not member or victim.count != 1 or victim.name or not words:
            continue
        if len(words) == 1:
            ok = words[0] not in _PRONOUNS and _shares_article(before, victim, article)
            if not ok:
                article = ""  # the list ends here ("killed son and fiancee" told elsewhere)
        else:
            ok = words[0] == "the" or (possessive and words[0] in _POSSESSIVES)
        if not ok or words[-1].rstrip("s") in taken:
            continue
        taken.add(words[-1].rstrip("s"))
        found.append(victim)
    return found


def _shares_article(before: Actor | None, bare: Actor, article: str) -> bool:
    """ "a mother and son", "her father and daughter", "a mother, father, and toddler": the
    bare noun right after the phrase before it (and "and" or a comma) shares the article or
    possessive that opened the list, and is a person of its own."""
    if before is None or not before.evidence or not bare.evidence:
        return False
    gap = bare.evidence[0].start - before.evidence[0].end
    return 0 < gap <= len(", and ") and article in {"a", "an", "one", *_POSSESSIVES}


def _named_people(victims: list[Actor]) -> list[Actor]:
    """Victims named with a first and last name, once each: "Angelina Benton, Raynord Daniel
    and Joseph McDonald were killed" names three people; "Davis" later is Johnny Davis again."""
    seen: set[str] = set()
    named = []
    for victim in victims:
        words = (victim.name or "").split()
        if len(words) < 2 or (victim.count or 1) != 1 or not all(w.isalpha() for w in words):
            continue
        surname = words[-1].lower()
        if surname not in seen:
            seen.add(surname)
            named.append(victim)
    return named


_POSSESSIVES = frozenset({"his", "her", "their"})


def _relatives(
    victims: list[Actor], introduced: list[Actor], people: PeopleWords | None = None
) -> list[Actor]:
    """ "killed his wife and four daughters", "his two sons": people named by a possessive are
    new, once per noun ("his daughter" again is the same daughter), unless an introduced
    victim already has that noun ("a 6-year-old daughter … his daughter"). A general kin
    word (``kin_generic`` cues: "his younger sibling", "his new bride") names no one new
    beside a relative of its kind (``kin`` actor terms: "his younger brother"), nor does a
    relative of a kind a general word already named."""
    taken = _nouns(introduced)
    seen: set[str] = set()
    kinds: dict[str, bool] = {}  # kind of relative → named by a general word only
    kin = people.kin if people is not None else {}
    general = people.kin_generic if people is not None else frozenset()
    found: list[Actor] = []
    for victim in victims:
        words = victim.text.lower().split()
        if len(words) < 2 or words[0] not in _POSSESSIVES:
            continue
        if victim.count is None and any((v.count or 0) > 1 for v in [*introduced, *found]):
            continue  # "his twin daughters … her girls": a plural without a number says again
        noun = words[-1].rstrip("s")
        if noun in seen or noun in taken:
            continue
        kind = kin.get(words[-1]) or kin.get(noun)
        named_general = words[-1] in general or noun in general
        if kind is not None and kind in kinds and (named_general or kinds[kind]):
            continue  # "his younger brother … his younger sibling"
        seen.add(noun)
        if kind is not None:
            kinds[kind] = kinds.get(kind, True) and named_general
        found.append(victim)
    return found


@dataclass(frozen=True, slots=True)
class PeopleWords:
    """Word lists (``cues.jsonl``, ``numbers.jsonl``) that tell whether two indefinite phrases
    name two people: ``generic`` nouns ("a child", "a victim") may describe someone already
    introduced again; ``another`` words ("another", "a second") never do; ``attackers`` are
    the nouns for attackers ("the shooter was found dead" is no victim described again);
    ``besides`` words ("others") name people besides those already counted."""

    besides: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    another: frozenset[str] = frozenset()
    attackers: frozenset[str] = frozenset()
    # the sentence of each victim phrase (by evidence start): one list names several people
    sentences: Mapping[int, int] = field(default_factory=dict)
    numbers: Mapping[str, int] = field(default_factory=dict)
    # victim phrases (by evidence start) one verb lists together: "the female and the child"
    listed: frozenset[int] = frozenset()
    killing: frozenset[str] = frozenset()  # verb lemmas that kill (``outcome_killed``)
    adults: frozenset[str] = frozenset()  # "man", "woman": no child or teen described again
    # victim phrases (by evidence start) whose verb says "also": someone besides the dead
    also: frozenset[int] = frozenset()
    kin: Mapping[str, str] = field(default_factory=dict)  # "brother" → "sibling"
    kin_generic: frozenset[str] = frozenset()  # "sibling", "bride": any relative of a kind


_AGE = re.compile(r"\b([a-z0-9]+(?:-[a-z]+)?)[- ](year|month|week)s?[- ]old\b", re.I)


def _age(actor: Actor, numbers: Mapping[str, int]) -> tuple[int, str] | None:
    found = _AGE.search(actor.text)
    if found is None:
        return None
    written = found.group(1).lower()
    if written.isascii() and written.isdigit():
        value: int | None = int(written)
    else:
        parts = written.split("-")
        value = sum(numbers[p] for p in parts) if all(p in numbers for p in parts) else None
    return (value, found.group(2).lower()) if value is not None else None


def _same_person(a: Actor, b: Actor, people: PeopleWords) -> bool:
    """ "A three-year-old child … a three year old", "a 4-year-old boy … a child": one
    person described twice; "a man … a woman", "a 25-year-old … a 17-year-old", "a man …
    a second man" are two."""
    if any(w in people.another for v in (a, b) for w in v.text.lower().split()):
        return False
    where = [people.sentences.get(v.evidence[0].start) if v.evidence else None for v in (a, b)]
    if None in where or where[0] == where[1]:
        return False  # "a woman and a child were shot": one sentence, two people
    if a.gender and b.gender and a.gender != b.gender:
        return False
    age_a, age_b = _age(a, people.numbers), _age(b, people.numbers)
    if age_a is not None and age_b is not None:
        return age_a == age_b
    return any(_generic(v, people) for v in (a, b))


def _generic(actor: Actor, people: PeopleWords) -> bool:
    """ "a child", "a victim", "a 16-year-old": no noun that tells two people apart."""
    words = actor.text.lower().split()
    if not words:
        return False
    noun = words[-1]
    return (
        noun in people.generic or noun.rstrip("s") in people.generic or bool(_AGE.fullmatch(noun))
    )


def _one_each(victims: list[Actor], people: PeopleWords | None) -> list[Actor]:
    """Introduced people, each once (see :func:`_same_person`)."""
    if people is None:
        return victims
    kept: list[Actor] = []
    listed_again: set[int] = set()
    for victim in victims:
        if id(victim) in listed_again:
            continue
        if victim.count and any(
            k.count == victim.count and _same_person(k, victim, people) for k in kept
        ):
            continue  # "two teens were shot … two 16-year-old males": the same two
        if victim.count == 1 and any(_one_of(victim, k, people) for k in kept):
            continue  # "bullets struck six people … a 20-year-old man was taken to …"
        members = _list_from(victim, victims, people)
        if members and any(_listed_again(k, members, people) for k in kept):
            listed_again.update(id(v) for v in members)
            continue  # "two teenagers were shot … a girl and a boy were each hit": the two
        kept.append(victim)
    return kept


def _one_of(victim: Actor, group: Actor, people: PeopleWords) -> bool:
    """One person introduced in a later sentence than a counted group ("six people were shot
    … A 20-year-old man was taken to …") is one of the group, told one by one, unless an
    ``another`` or ``besides`` word or "also" makes them someone more ("a third man",
    "another victim", "was also shot"), their sex or stage of life is not the group's, or they
    are told by a role rather than as a person ("a security guard")."""
    if group.count is None or group.count < 2 or not _told_again(group, [victim], people):
        return False
    if not (victim.gender or _age(victim, people.numbers) or _generic(victim, people)):
        return False  # "two men were stabbed … a security guard was stabbed": a role of his own
    return _same_stage(group, victim, people)


def _list_from(first: Actor, victims: list[Actor], people: PeopleWords) -> list[Actor]:
    """The listed one-person phrases (a verb's coordinated patients: "an 18-year-old girl and
    a 17-year-old boy") of ``first``'s sentence, when ``first`` is the first of them; none
    otherwise. One sentence seldom holds two such lists, so they are taken as one."""

    def sentence(v: Actor) -> int | None:
        return people.sentences.get(v.evidence[0].start) if v.evidence else None

    def member(v: Actor) -> bool:
        return bool(v.evidence) and v.evidence[0].start in people.listed and v.count == 1

    if not member(first):
        return []
    where = sentence(first)
    members = [v for v in victims if member(v) and sentence(v) == where]
    return members if len(members) >= 2 and members[0] is first else []


def _listed_again(counted: Actor, members: list[Actor], people: PeopleWords) -> bool:
    """A list that names, one by one, as many people as a counted phrase of an earlier
    sentence, none of them "another" or "also" hurt and none of the other sex, describes the
    counted people again."""
    if counted.count is None or counted.count != len(members):
        return False
    return _told_again(counted, members, people)


def _told_again(counted: Actor, members: list[Actor], people: PeopleWords) -> bool:
    """Whether ``members``, named in a later sentence than ``counted``, may be the counted
    people told again: none of them an ``another`` or ``besides`` word ("a third man",
    "another victim"), hurt "also", or of the other sex."""
    if not counted.evidence or not members or not all(m.evidence for m in members):
        return False
    before = people.sentences.get(counted.evidence[0].start)
    after = people.sentences.get(members[0].evidence[0].start)
    if before is None or after is None or before >= after:
        return False
    for member in members:
        words = member.text.lower().split()
        if any(w in people.another or w in people.besides for w in words):
            return False
        if member.evidence[0].start in people.also:
            return False
        if counted.gender and member.gender and counted.gender != member.gender:
            return False
    return True


def _distinct(victims: list[Actor], people: PeopleWords | None = None) -> tuple[int, list[Actor]]:
    """How many people ``victims`` name, and the phrases that name them: indefinite or counted
    phrases and relatives by a possessive ("his wife and their son"), or the first-and-last
    names when they are more. A name often repeats a description ("an 8-year-old girl …
    MaKayla Dyer"), so names and descriptions are not added up: the larger of the two."""
    new = _one_each([v for v in victims if _introduced(v)], people)
    new += _relatives(victims, new, people)
    if people is not None:
        new += _listed(victims, new, people.listed)
    named = _named_people(victims)
    described = sum(v.count or 1 for v in new)
    if len(named) > described:
        return len(named), named
    return described, new


def count_victims(victims: list[Actor], people: PeopleWords | None = None) -> Count | None:
    """ "shot and killed his wife, two young children and his mother-in-law" → 4 killed;
    "the victim … died" → 1 when nobody else was said to be killed; "Angelina Benton, Raynord
    Daniel and Joseph McDonald were killed" → 3."""
    if not victims or any(v.count is None and _introduced(v) for v in victims):
        return None
    total, counted = _distinct(victims, people)
    total = max(total, 1)
    evidence = tuple(e for v in (counted or victims[:1]) for e in v.evidence)
    return Count(total, Qualifier.EXACT, total, total, evidence=evidence)


def count_survivors(
    hit: list[Actor],
    killed: list[Actor],
    besides_words: frozenset[str] = frozenset(),
    nobody_died: bool = False,
    dead_again: int = 0,
    people: PeopleWords | None = None,
    self_harm_groups: list[tuple[Actor, ...]] | None = None,
) -> Count | None:
    """People shot, stabbed or beaten who are not among the dead count as injured; "the three
    others" (a ``besides`` word) are new people although the phrase is definite. When
    ``nobody_died``, relatives and people named in full count too ("shot her husband and
    their son" → 2); after a death they may be the dead person described again.
    ``dead_again``: how many of the dead the toll names as people already mentioned ("a girl
    was shot … the child was found dead": 1; "found four adults who had been shot … Two of
    the victims were dead": 2), so they were among those hit. ``self_harm_groups``: who one
    act hurt when the attacker shot someone and then himself ("the man shot himself and his
    son"): at least that many survived, however definite the phrases that name them."""
    dead = {_undetermined(v.text) for v in killed}
    dead_names = {_surname(v) for v in killed if v.name}
    one_dead = _the_one_dead(killed, people)
    alive = [
        v
        for v in hit
        if _undetermined(v.text) not in dead
        and not (v.name and _surname(v) in dead_names)
        and not (people is not None and _described_again(v, one_dead, people))
    ]
    besides = [v for v in alive if _besides(v, besides_words) and v.count]
    rest = [v for v in alive if v not in besides]
    counted = _one_each([v for v in rest if _introduced(v) and v.count], people)
    total = sum(v.count or 0 for v in counted)
    if nobody_died and not killed and not any(_introduced(v) for v in rest):
        total, counted = _distinct(rest, people)
    elif nobody_died and not killed and people is not None:
        partners = _listed(rest, counted, people.listed, possessive=True)  # "and his son"
        total += len(partners)
        counted += partners
    groups = (self_harm_groups or []) if nobody_died else []  # the dead are no survivors
    for group in groups:
        hurt = [v for v in group if v in alive]
        if len(hurt) > total:
            total, counted = len(hurt), hurt
    total += sum(v.count or 0 for v in besides)
    survivors = counted + besides
    beside_dead = _beside_the_dead(rest, killed, people)
    extra = [v for v in beside_dead if v not in counted]
    if not survivors and not extra:
        return None
    if (
        (dead_again or killed)
        and not besides
        and not any(_introduced(v) for v in killed)
        and not all(v in beside_dead for v in counted)
    ):
        total -= max(dead_again, 1)  # "a man was shot … he died": the dead man was one of those hit
    total += sum(v.count or 1 for v in extra)
    survivors += extra
    if total <= 0:
        return None
    evidence = tuple(e for v in survivors for e in v.evidence)
    return Count(total, Qualifier.EXACT, total, total, evidence=evidence)


def _undetermined(text: str) -> str:
    """ "a 26-year-old mother" … "the 26-year-old mother": one description, introduced and then
    named again, read without its article."""
    words = text.lower().split()
    # "a man" … "the man" may be two men; "a 26-year-old mother" … "the 26-year-old mother"
    # is one woman
    return " ".join(words[1:] if len(words) > 2 and words[0] in _ARTICLES else words)


def _the_one_dead(killed: list[Actor], people: PeopleWords | None) -> list[Actor]:
    """The phrases that name the dead when exactly one person died, else none."""
    if people is None:
        return []
    total, dead = _distinct(killed, people)
    return dead if total == 1 else []


def _described_again(victim: Actor, one_dead: list[Actor], people: PeopleWords) -> bool:
    """ "A seven-year-old boy has died … a child accidentally shot a 7-year-old boy": when one
    person died (``one_dead`` names them), a single person hit who is described compatibly in
    another sentence is that person again; not someone hit "also", nor a child or teen beside
    an adult."""
    if (victim.count or 1) != 1:
        return False
    if victim.evidence and victim.evidence[0].start in people.also:
        return False  # "a teenager was also shot"
    return any(_same_person(k, victim, people) and _same_stage(k, victim, people) for k in one_dead)


def _same_stage(a: Actor, b: Actor, people: PeopleWords) -> bool:
    """ "A man died … a teen was wounded": an adult is not a child or a teen described again."""
    stages = {_stage(a, people), _stage(b, people)}
    return not {"adult", "minor"} <= stages


def _stage(actor: Actor, people: PeopleWords) -> str | None:
    age = _age(actor, people.numbers)
    if age is not None and age[1] == "year":
        return "minor" if age[0] < 18 else "adult"
    if actor.age_group in {"child", "young"}:
        return "minor"
    words = actor.text.lower().split()
    return "adult" if words and words[-1] in people.adults else None


def _beside_the_dead(
    alive: list[Actor], killed: list[Actor], people: PeopleWords | None
) -> list[Actor]:
    """ "shot his daughter and killed her mother": someone hit in the sentence that names a
    different person killed is not that person described again."""
    if people is None or not killed:
        return []
    sentences = people.sentences
    deadly = (
        {  # not "found a woman shot … and the mother died": "the" names her again
            sentences.get(v.evidence[0].start)
            for v in killed
            if v.evidence and v.text.lower().split()[:1] != ["the"]
        }
        - {None}
    )
    return [
        v
        for v in alive
        if v.evidence
        and ((v.count or 1) == 1 or not _introduced(v))  # "her parents"; a counted group is
        and sentences.get(v.evidence[0].start) in deadly  # counted already
    ]


def _surname(actor: Actor) -> str:
    return surname_of(actor.name or "").lower()


def _besides(actor: Actor, besides_words: frozenset[str]) -> bool:
    """ "the three others", "the other": people besides those already counted."""
    return _has_besides_word(actor.text, besides_words)


def _has_besides_word(text: str, besides_words: frozenset[str]) -> bool:
    return any(word in besides_words for word in text.lower().split())


def count_hit(
    hit: list[Actor], killed: Count | None, people: PeopleWords | None = None
) -> Count | None:
    """Someone shot, stabbed or wounded with no death reported is one of the injured: "the boy
    was shot in the face", "a girl who was shot in the leg" → 1 when no number is stated.

    Only when nobody was killed: "a man was shot … he died" leaves no survivor to count."""
    if not hit or (killed is not None and killed.value > 0):
        return None
    by_text = {v.text.lower(): v for v in hit}
    counted = [v for v in by_text.values() if _introduced(v)]
    if counted and any(v.count is None for v in counted):
        return None  # "several people were shot": the number is not known
    counted = _one_each(counted, people)
    listed = people.listed if people is not None else frozenset()
    counted += _listed(list(by_text.values()), counted, listed, possessive=True)
    total = max(1, sum(v.count or 1 for v in counted))
    evidence = tuple(e for v in (counted or hit[:1]) for e in v.evidence)
    return Count(total, Qualifier.EXACT, total, total, evidence=evidence)


def injured_from_shot(
    shot: Count | None, killed: Count | None, besides_words: frozenset[str]
) -> Count | None:
    """ "seven people were shot … one died" → 6 injured; "one man was killed and three others
    were shot" → 3 injured: ``besides_words`` (the ``besides`` list in ``cues.jsonl``) say the
    people hit are besides the dead."""
    if shot is None:
        return None
    besides = any(_has_besides_word(e.text, besides_words) for e in shot.evidence)
    total = shot.value - (killed.value if killed and not besides else 0)
    if total <= 0:
        return None
    return Count(total, shot.qualifier, evidence=shot.evidence)


def _among(shot: Count | None, mentions: list[CasualtyMention]) -> bool:
    """ "were among 11 people shot … from Tuesday to Wednesday": a total the victims are part
    of, not their incident's toll."""
    said = next((m for m in mentions if m.count is shot), None)
    if said is None or said.span.start == 0:
        return False
    return said.span.doc[said.span.start - 1].lower_ == "among"


def _rough_of(rough: Count, exact: Count) -> bool:
    """ "wounded several guests … four guests were shot": a vague count ("several", "a
    few") whose range holds an exact one is that count told roughly."""
    return (
        rough.qualifier is Qualifier.ABOUT
        and exact.qualifier is Qualifier.EXACT
        and rough.low is not None
        and rough.low <= exact.value <= (rough.high if rough.high is not None else exact.value)
    )


def _told_first(first: Count, then: Count) -> bool:
    """Whether ``first``'s words come before any of ``then``'s in the text."""
    starts = [e.start for e in first.evidence if e.field == "text"]
    later = [e.start for e in then.evidence if e.field == "text"]
    return bool(starts and later) and min(starts) < min(later)


def _definite_toll(toll: Count | None, attackers: frozenset[str]) -> bool:
    """ "the child was found dead", "the victim was pronounced dead": a stated toll of one
    person named by a definite phrase, someone the text has already introduced; not an
    attacker ("the shooter was found dead")."""
    if toll is None or toll.value != 1 or not toll.evidence:
        return False
    for evidence in toll.evidence:
        words = evidence.text.lower().split()
        if not words or words[0] not in _DEFINITE or any(w in attackers for w in words):
            return False
    return True


def _alive(
    hurt: list[CasualtyMention], dead: list[Actor], tolls: list[CasualtyMention]
) -> list[CasualtyMention]:
    """The counts of the hurt, less those of one person whom a later sentence tells died: "A
    woman suffered a gunshot wound … She died" counts her once, as dead. A sentence that
    tells a death itself ("One man was wounded and another died") is left as it is."""
    told = {t.span.sent.start for t in tolls}
    return [
        m
        for m in hurt
        if m.count.value != 1 or m.span.sent.start in told or not _named_in(dead, [m])
    ]


def _named_in(victims: list[Actor], counts: list[CasualtyMention]) -> list[Actor]:
    """The people a count's own words open with, before its verb: "A 4-year-old girl is dead
    after being shot" is one dead girl, not a dead one and a hurt one; in "A woman was
    wounded and a man was killed" the man is not the woman, nor in "A man accused of shooting
    a woman is dead" the woman."""

    def opens(e: Evidence, m: CasualtyMention) -> bool:
        if e.start != m.span.start_char or e.end > m.span.root.idx:
            return False
        phrase = m.span.doc.char_span(e.start, e.end, alignment_mode="expand")
        return phrase is not None and phrase.root.dep_ in {"nsubj", "nsubjpass"}

    return [v for v in victims if any(opens(e, m) for e in v.evidence for m in counts)]


def _dead_again(toll: Count | None, attackers: frozenset[str]) -> int:
    """How many of the dead the toll names as people already counted: one for a definite
    phrase ("the victim was pronounced dead"), all for a part of the hurt ("two of them")."""
    if _definite_toll(toll, attackers):
        return 1
    if toll is None or not toll.evidence:
        return 0
    partitive = len(toll.evidence) == 1 and _of_the_hurt(toll.evidence[0].text.lower().split())
    return toll.value if partitive else 0


_DEFINITE = frozenset({"the", "he", "she", "his", "her"})  # grammar words, not a lexicon
_ARTICLES = frozenset({"a", "an", "the"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "it", "who", "whom"})


def _unless_none_else(stated: Count | None, counted: Count | None) -> Count | None:
    """A stated count, except that "no one else was hurt" (0) does not undo the people the
    text already said were hurt ("a man was shot in the leg … no one else was hurt")."""
    if stated is not None and stated.value == 0 and counted is not None and counted.value > 0:
        return counted
    return stated or counted


def incident_id(article_id: str, draft: Draft) -> str:
    anchor = draft.mentions[0].trigger if draft.mentions else None
    key = f"{article_id}:{anchor.start_char if anchor is not None else draft.number}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def build_incident(
    draft: Draft,
    *,
    article_id: str,
    extractor_version: str,
    date_value: EventDate | None,
    places: tuple[Place, ...],
    bias: Bias,
    confidence: float,
    sentences: tuple[Evidence, ...],
    deaths_elsewhere: bool = False,
    people: PeopleWords | None = None,
) -> Incident:
    """``deaths_elsewhere``: another incident of the article reports a death, so a person shot
    here with no outcome may be that person ("X was shot" … "X died"): not counted as hurt.
    ``people``: the word lists of :class:`PeopleWords`."""
    people = replace(
        people or PeopleWords(),
        sentences=draft.victim_sentences,
        listed=frozenset(draft.listed),
        also=frozenset(draft.also),
    )
    besides_words = people.besides
    toll = best_count(
        with_besides(draft.killed, besides_words, draft.injured), draft.notes.get("killed")
    )
    victims_killed = count_victims(draft.killed_victims, people)
    killed = _unless_none_else(toll, victims_killed)
    killed = with_suicide(
        killed, draft, by_victims=killed is victims_killed, killing=people.killing
    )
    shot = best_count(draft.shot)
    from_shot = injured_from_shot(shot, killed, besides_words)
    stated = best_count(
        with_besides(
            _less_the_dead(_alive(draft.injured, draft.killed_victims, draft.killed), draft.killed),
            besides_words,
            draft.killed,
        ),
        draft.notes.get("injured"),
    )
    if (
        stated is not None
        and from_shot is not None
        and stated.value < from_shot.value
        and (stated.value == 1 or _told_first(from_shot, stated) or _rough_of(stated, from_shot))
        and not _among(shot, draft.shot)
    ):
        # "two men were shot … one is in critical condition": 2 hurt; "sent five people to
        # the hospital … two victims were taken by ambulance": 5. Everyone hit who did not
        # die was hurt, whatever the story then says of some of them; but not "left four
        # people injured … police had said that seven people were shot" (a correction)
        stated = from_shot
    survivors = count_survivors(
        draft.injured_victims,
        [*draft.killed_victims, *_named_in(draft.injured_victims, draft.killed)],
        besides_words,
        # the attacker's suicide ("shot his wife and then himself") kills no victim
        nobody_died=not (draft.killed or draft.killed_victims or deaths_elsewhere),
        dead_again=_dead_again(toll, people.attackers),
        people=people,
        self_harm_groups=draft.self_harm_groups,
    )
    if (
        shot is not None
        and from_shot is not None
        and survivors is not None
        and shot.value == 1 < survivors.value
    ):  # "A man and a woman were shot … a man with a gunshot wound": one of the two
        from_shot = survivors
    injured = _unless_none_else(
        stated,
        from_shot
        or survivors
        or (None if deaths_elsewhere else count_hit(draft.injured_victims, killed, people)),
    )
    kind = draft.resolved_type(killed, injured)
    evidence = tuple(ev(m.trigger) for m in draft.mentions)
    return Incident(
        id=incident_id(article_id, draft),
        article_id=article_id,
        type=kind,
        is_terrorism=draft.is_terror,
        date=date_value,
        places=places,
        perpetrators=tuple(draft.perpetrators),
        suspects=tuple(draft.suspects),
        victims=tuple(draft.victims or draft.suicides),  # "shot himself": he is the one hurt
        targets=tuple(draft.targets),
        weapons=tuple(draft.weapons),
        killed=killed,
        injured=injured,
        claimed_by=tuple(draft.claimants),
        arrests=tuple(draft.arrests),
        bias=bias,
        retaliation_cues=tuple(dict.fromkeys(draft.retaliation)),
        sentences=sentences,
        evidence=evidence,
        confidence=confidence,
        extractor_version=extractor_version,
    )


def published_or_none(value: object) -> date | None:
    return value if isinstance(value, date) else None
