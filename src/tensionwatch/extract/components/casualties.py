"""Killed and injured counts, found by Matcher patterns kept in ``patterns/casualties.jsonl``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from tensionwatch.extract.components.numbers import is_number_token, parse_count, word_value
from tensionwatch.extract.hedges import hedged
from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.models import Count, Evidence, Qualifier


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    label: str  # "killed" | "injured" | "shot" | "killed_self"
    count: Count
    span: Span


# "left 3 men and a woman wounded" is summed; a sum beyond this is a misread, not a toll
MAX_SUM = 10_000


class CasualtyFinder:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._statistic_nouns = lexicon.cue_set("statistic_noun")
        self._own_outcome = lexicon.cue_set("own_outcome")
        self._violence = lexicon.cue_set("ordinal_toll_context")
        self._age_words = lexicon.cue_set("age_word")
        self._fatal = lexicon.cue_set("outcome_fatal")
        self._not_fatal = lexicon.cue_set("not_fatal")
        self._accident = lexicon.cue_set("accident_cause")
        self._attack = lexicon.cue_set("attack_sign")
        # who "was shot and killed the gunman" may have killed
        self._objects = (
            frozenset(lexicon.actor_terms.get("person_noun", {})) - {"other", "others"}
        ) | lexicon.cue_set("perpetrator_noun")
        self._people = lexicon.person_words()
        self.matcher = Matcher(nlp.vocab)
        self._rules: dict[str, tuple[str, bool, bool]] = {}
        self._stated: dict[str, int] = {}  # rules whose phrase states its number ("a fourth")
        self._ordinal: set[str] = set()  # rules whose ordinal is the toll ("fourth to die")
        self._sums: set[str] = set()  # rules that count two groups ("three men and a woman")
        for number, rule in enumerate(lexicon.casualties):
            key = f"tw_casualty_{number}"
            self.matcher.add(key, [rule.pattern])
            singular = rule.count == 1 or any(
                isinstance(tok.get("LOWER"), dict) and "a" in tok["LOWER"].get("IN", [])
                for tok in rule.pattern[:1]
            )
            self._rules[key] = (rule.label, rule.negated, singular)
            if rule.count is not None:
                self._stated[key] = rule.count
            if rule.ordinal:
                self._ordinal.add(key)
            if rule.sums:
                self._sums.add(key)

    def _hedged(self, span: Span) -> bool:
        """A toll that opens with a fatal word (``outcome_fatal``) that a ``not_fatal`` word
        just before takes back: "non-fatal", "near-fatal", "potentially deadly"."""
        return span[0].lower_ in self._fatal and hedged(span[0], self._not_fatal)

    def __call__(self, doc: Doc) -> list[CasualtyMention]:
        for token in doc:
            token._.tw_num = is_number_token(token, self.lexicon)
        best: dict[tuple[str, int], CasualtyMention] = {}
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            label, negated, singular = self._rules[key]
            span = doc[start:end]
            if self._counts_things(span) or self._names_a_statistic(span):
                continue  # "two cars were hit": property; "the city's shooting death toll"
            if self._is_age(span) or _before_a_name(span):
                continue  # "two males, 30 and 42 were injured": ages, not a count
            if _done_to_another(span, self._objects):
                continue  # "an officer was shot and killed the gunman": the gunman died
            if label == "killed" and _whole_of_a_part(span):
                continue  # "two of the four victims had died": four is not the toll
            if self._hedged(span):
                continue  # "the non-fatal shooting of a teenager": no one died
            if self._of_an_accident(span):
                continue  # "3 dead, 20 hurt as a tour bus crashes": no attack's toll
            if self._survived_by_a_thing(span):
                continue  # "the business did not survive the pandemic"
            stated = 0 if negated else self._stated.get(key)
            if key in self._ordinal and not negated:
                if not self._about_violence(span):
                    continue  # "the third person to die of the flu this season"
                stated = next(
                    (
                        self.lexicon.ordinals[t.lower_]
                        for t in span
                        if t.lower_ in self.lexicon.ordinals
                    ),
                    None,
                )
                if stated is None:
                    continue
            if stated is not None:
                count: Count | None = Count(
                    stated,
                    Qualifier.EXACT,
                    stated,
                    stated,
                    evidence=(Evidence(span.start_char, span.end_char, span.text),),
                )
            elif key in self._sums:
                count = self._sum(span)
            else:
                count = parse_count(span, self.lexicon, singular=singular)
                if count is not None and (not singular or count.value == 1):
                    count = _with_coordinated(
                        count, span, self.lexicon, self._own_outcome, self._age_words
                    )
            if count is None:
                continue
            anchor = next((t.i for t in span if t._.tw_num), span.start)
            slot = (label, anchor)
            previous = best.get(slot)
            if (
                previous is None
                or len(span) > len(previous.span)
                or (len(span) == len(previous.span) and key in self._ordinal)
            ):  # the toll so far ("a third victim has died") over one more dead ("a third")
                best[slot] = CasualtyMention(label, count, span)
        return _drop_cross_label_duplicates(sorted(best.values(), key=lambda m: m.span.start))

    def _survived_by_a_thing(self, span: Span) -> bool:
        """ "The business did not survive the pandemic", "the team did not make it.", "the
        dog did not survive": who did not survive must be a person (a noun the word lists
        know as people, a name or a number); things and animals die no victims' deaths."""
        words = [t.lower_ for t in span]
        if "did" not in words:
            return False
        at = words.index("did")
        if words[at + 1 : at + 2] not in (["not"], ["n't"]) or not any(
            t.lemma_ in {"survive", "make"} for t in span[at + 2 : at + 3]
        ):
            return False
        did = span[at]
        if did.i == 0:
            return False
        subject = did.doc[did.i - 1]
        if subject.pos_ != "NOUN":
            return False  # a name, a pronoun, a number or an age ("the 17-year-old")
        return subject.lower_ not in self._people and subject.lemma_.lower() not in self._people

    def _is_age(self, span: Span) -> bool:
        """ "ages 21, 32, and 49", "under the age of eight", "two males, 30 and 42": the
        number closes a list of bare numbers, or an age word (``age_word`` cues) comes right
        before the list; either way the numbers are ages."""
        number = next((t for t in span if t._.tw_num), None)
        if number is None:
            return False
        if number.dep_ == "nummod" and number.head.pos_ in {"NOUN", "PROPN"}:
            return False  # "ages 19 and 22, and three other people": it counts its noun
        doc = span.doc
        listed = False
        for i in range(number.i - 1, span.sent.start - 1, -1):
            token = doc[i]
            if token.lower_ in {"and", "of"}:
                continue
            if token.lower_ == ",":
                if i > span.sent.start and doc[i - 1]._.tw_num:
                    continue
                return listed  # "two males, 30 and 42"
            if token._.tw_num and token.tag_ == "CD" and doc[i + 1].lower_ in {",", "and"}:
                listed = True
                continue
            return token.lower_ in self._age_words
        return False

    def _of_an_accident(self, span: Span) -> bool:
        """The sentence names an accident (``accident_cause`` lemmas) and no attack
        (``attack_sign``): "a tour bus wreck killed three people" (a related story's
        teaser in a page about a shooting) is no toll of the shooting."""
        lemmas = {t.lemma_.lower() for t in span.sent} | {t.lower_ for t in span.sent}
        return bool(lemmas & self._accident) and not lemmas & self._attack

    def _about_violence(self, span: Span) -> bool:
        sentence = span.sent
        return any(
            t.lemma_.lower() in self._violence or t.lower_ in self._violence for t in sentence
        )

    def _sum(self, span: Span) -> Count | None:
        """ "left three men and a woman wounded": the groups on either side of "and", each
        read as a count of its own (the parser seldom makes them conjuncts); a headline drops
        the "and" ("Father, two children died": one bare noun and a group)."""
        cut = next((t.i for t in span if t.lower_ == "and"), None)
        bare = cut is None
        if cut is None:
            cut = next(t.i for t in span if t.text == ",")
        halves = (span.doc[span.start : cut], span.doc[cut + 1 : span.end])
        if any(self._counts_things(half) for half in halves):
            return None  # "two officers and a police car"
        first = parse_count(halves[0], self.lexicon, singular=bare)
        second = parse_count(halves[1], self.lexicon, singular=True)
        if first is None or second is None:
            return None
        if first.qualifier != Qualifier.EXACT or second.qualifier != Qualifier.EXACT:
            return None  # "more than 20 people and a guard": no exact sum
        total = first.value + second.value
        if total > MAX_SUM:
            return None  # no number read from a phrase like this is a toll
        evidence = (Evidence(span.start_char, span.end_char, span.text),)
        return Count(total, Qualifier.EXACT, total, total, evidence=evidence)

    def _counts_things(self, span: Span) -> bool:
        """The noun a number counts ("two cars", "several cars", not "two bank tellers") names
        property, or one of two the phrase lists does ("a man and his dog were found dead")."""
        noun = next(
            (
                t.head
                for t in span
                if t._.tw_num and t.dep_ in {"nummod", "amod", "det"} and t.head in span
            ),
            None,
        )
        listed = [t for t in span if t.dep_ == "conj" and t.head in span and t.pos_ == "NOUN"]
        targets = self.lexicon.targets
        return any(
            n.lower_ in targets or n.lemma_.lower() in targets
            for n in ([noun] if noun is not None else []) + listed
        )

    def _names_a_statistic(self, span: Span) -> bool:
        """ "the city's shooting death toll/rate": a statistic, not one death."""
        following = span.doc[span.end : span.end + 1].text.lower()
        return span[-1].lower_ == "death" and following in self._statistic_nouns


def _done_to_another(span: Span, people: frozenset[str]) -> bool:
    """ "An officer was shot and killed the gunman": the passive phrase's last verb has a
    person for its object (a name, a pronoun or one of ``people``), so its outcome befell
    that person, not the phrase's subject; not "was shot and killed one block away"."""
    last = span[-1]
    return (
        last.pos_ == "VERB"
        and last.dep_ == "conj"
        and any(
            c.dep_ in {"dobj", "obj"}
            and (
                (c.pos_ in {"PROPN", "PRON"} and c.lower_ not in {"other", "another"})
                or c.lower_ in people
            )
            for c in last.children
        )
        and any(t.dep_ == "auxpass" for t in span)
    )


def _whole_of_a_part(span: Span) -> bool:
    """ "three of the five gunshot victims had died", "none of the four victims died": the
    phrase's number is the whole that the word before "of (the)" takes its part from; that
    part, not the whole, is the toll of the dead (a verb tells the part's fate); a clause or
    a participle that describes the whole tells the whole's. (The whole of "two of the five
    victims are in critical condition" is the toll of the hurt, so the caller asks this of
    deaths only.)"""
    number = span[0]
    if not number._.tw_num or any(t.dep_ in {"acl", "relcl"} for t in span):
        return False  # "one of the two men who died": the whole's
    outcome = span[-1]
    told = outcome.tag_ in {"VBD", "VBZ", "VBP"} or any(t.pos_ == "AUX" for t in span)
    if not told:
        return False  # "one of five people shot": a participle that describes the whole
    doc, i = span.doc, number.i - 1
    if i >= 0 and (doc[i].lower_ in {"the", "those", "these"} or doc[i].tag_ == "PRP$"):
        i -= 1  # "one of his three children was killed"
    part = doc[i - 1] if i >= 1 else None
    return (
        part is not None
        and doc[i].lower_ == "of"
        and (bool(part._.tw_num) or part.lower_ in {"none", "neither"})
    )


def _drop_cross_label_duplicates(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """One number token reports one thing: keep the label whose keyword ends the phrase."""
    by_anchor: dict[int, list[CasualtyMention]] = {}
    for mention in mentions:
        anchor = next((t.i for t in mention.span if t._.tw_num), mention.span.start)
        by_anchor.setdefault(anchor, []).append(mention)
    kept: list[CasualtyMention] = []
    for group in by_anchor.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        kept.append(max(group, key=lambda m: (_keyword_at_end(m), len(m.span))))
    return sorted(kept, key=lambda m: m.span.start)


def _keyword_at_end(mention: CasualtyMention) -> bool:
    last = mention.span[-1].lower_
    killed = {"killed", "dead", "died", "deaths", "fatalities", "lives", "murdered", "slain"}
    return (last in killed) == (mention.label == "killed")


def _own_outcome(noun: Token, words: frozenset[str], besides: Token | None = None) -> bool:
    """ "two deceased victims and two injured subjects", "four people suffering wounds and a
    fifth person injured by glass": each noun tells its own outcome (``own_outcome`` cues or a
    clause of its own), so they are not added."""
    return noun.lower_ in words or any(
        (c.dep_ in {"acl", "relcl"} or c.lower_ in words) and c != besides for c in noun.children
    )


def _with_coordinated(
    count: Count,
    span: Span,
    lexicon: Lexicon,
    own_outcome: frozenset[str] = frozenset(),
    age_words: frozenset[str] = frozenset(),
) -> Count:
    """ "A young girl and a man are dead": every coordinated singular person counts; so do
    counted groups ("four men and a woman were wounded" is five, not one; "three men and two
    women were wounded" is five, not two; "left three men and a woman wounded" is four).
    "three men, ages 47, 29 and 31, and a woman": the parser joins the woman to "ages", whose
    number is an age; the group it stands for is the noun it is apposed to."""
    head = next((t for t in span if t.pos_ in {"NOUN", "PROPN"}), None)
    if head is None or count.qualifier != Qualifier.EXACT:
        return count
    if _own_outcome(head, own_outcome):
        return count  # "two men who were killed and two officers who were hurt"
    # "left three men and a woman wounded": the parser hangs the phrase's own outcome word
    # on the last person, which is no outcome of that person's own
    outcome = span[-1]
    outside = [
        c.head if c.dep_ == "appos" and c.lower_ in age_words else c
        for c in head.conjuncts
        if not _own_outcome(c, own_outcome, besides=outcome)
    ]
    outside += _list_opener(head)
    people = [c for c in outside if _one_person(c)]
    groups = [
        (c, value)
        for c in outside
        if c.tag_ in {"NNS", "NNPS"}
        for d in c.children
        if d.dep_ == "nummod" and (value := word_value(d.text, lexicon)) is not None
    ]
    if not people and not groups:
        return count
    start = min([span.start, *(c.left_edge.i for c in people), *(c.left_edge.i for c, _ in groups)])
    first = span.doc[start]
    total = count.value + len(people) + sum(value for _, value in groups)
    evidence = (Evidence(first.idx, span.end_char, span.doc.text[first.idx : span.end_char]),)
    return Count(total, Qualifier.EXACT, total, total, evidence=evidence)


def _one_person(token: Token) -> bool:
    """ "a man", "an officer", "one woman": a noun for one person, introduced."""
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and token.tag_ in {"NN", "NNP"}
        and any(d.lower_ in {"a", "an", "one"} for d in token.children)
    )


def _list_opener(head: Token) -> list[Token]:
    """ "A woman, a man, a girl and a toddler were wounded": the parser makes the second item
    an apposition of the first and joins the rest to it, so the first is one more person when
    both it and the apposition are introduced ("a …"); "the victim, a woman, and a toddler"
    renames the victim."""
    first = min((head, *head.conjuncts), key=lambda t: t.i)
    if first.dep_ != "appos" or not (_one_person(first) and _one_person(first.head)):
        return []
    return [first.head]


def _before_a_name(span: Span) -> bool:
    """ "kills man, 18 Jose Estrada fatally wounded" (a headline run into its subtitle): a
    number that modifies a person's name is an age or a figure, never a count of people."""
    number = next((t for t in span if t._.tw_num), None)
    if number is None or number.i + 1 >= len(span.doc):
        return False
    after = span.doc[number.i + 1]
    if after.ent_iob_ != "B" or after.ent_type_ != "PERSON":
        return False
    name = next(e for e in span.doc.ents if e.start == after.i)
    return name.start <= number.head.i < name.end  # not "two Gary men": it counts the men
