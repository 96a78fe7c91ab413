"""The dead a headline tells of in words, not numbers ("Suspect arrested in fatal Grove City
shooting", "charged with murder", "four Platte County killings"), and whether the wounded a
body counts are those dead ("Teen killed in hunting accident remembered" over "he was
accidentally shot by his father").

Headlines often know what a story written earlier, or a follow-up, leaves out: that the victim
died. These readings are weaker than a count, so each says when it does not apply: a hedged,
quoted, illness's or animal's death, a survivor, a bystander. Every word list is a cue in
``patterns/cues.jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from tensionwatch.extract.components.numbers import word_value
from tensionwatch.extract.hedges import hedged
from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.models import Incident

# quotation marks: a headline's words between them are someone's, not the headline's account
_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”"})


@dataclass(frozen=True)
class HeadlineDeaths:
    """The cue lists the readings need, read once from the lexicon."""

    lexicon: Lexicon
    event_nouns: frozenset[str]
    fatal_words: frozenset[str]  # "fatal", "deadly" (``outcome_fatal``)
    fatal_nouns: frozenset[str]  # "death", "murder" (``fatal_noun``)
    murder_suicide: frozenset[str]
    not_completed: frozenset[str]  # "attempted"
    not_fatal: frozenset[str]  # "non-", "near", "potentially"
    survival: frozenset[str]  # "survive", "recover"
    natural: frozenset[str]  # "cancer", "disorder" (``natural_cause``)
    bystanders: frozenset[str]
    additive: frozenset[str]  # "also"

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> HeadlineDeaths:
        cue = lexicon.cue_set
        return cls(
            lexicon=lexicon,
            event_nouns=cue("event_noun"),
            fatal_words=cue("outcome_fatal"),
            fatal_nouns=cue("fatal_noun"),
            murder_suicide=cue("murder_suicide"),
            not_completed=cue("not_completed"),
            not_fatal=cue("not_fatal"),
            survival=cue("survival"),
            natural=cue("natural_cause"),
            bystanders=cue("bystander_noun"),
            additive=cue("additive"),
        )

    def toll(self, headline: Doc) -> tuple[Span, int] | None:
        """The dead a headline's event words tell of, when it counts no one, and the words:
        a singular event noun its modifiers call fatal ("fatal Grove City shooting",
        "deadly homeless shelter shooting"; ``outcome_fatal`` cues) or a singular death noun
        (``fatal_noun`` cues: "charged in shooting death", "teen's death", "charged with
        murder"; not "attempted murder", nor a modifier as in "murder trial" or "death
        penalty") is one death; a counted plural death noun ("four Platte County killings")
        is that many; a murder-suicide (``murder_suicide`` cues) is two. Not a plural event
        noun with no number: "deadly shootings" may be many."""
        text = headline.text.lower()
        if any(t.lemma_.lower() in self.survival for t in headline):
            return None  # "Man survives potentially fatal shooting"
        for phrase in sorted(self.murder_suicide):  # one answer whatever the hash seed
            at = text.find(phrase)
            if at >= 0 and not self.not_completed & set(text[:at].split()[-1:]):
                span = headline.char_span(at, at + len(phrase), alignment_mode="expand")
                if span is not None:
                    return span, 2
        for token in headline:
            lemma = token.lemma_.lower()
            if lemma in self.event_nouns and token.tag_ == "NN":
                left = [t for t in token.subtree if t.i < token.i]
                fatal = next((t for t in left if t.lower_ in self.fatal_words), None)
                if fatal is not None and not self._hedged(fatal):
                    return headline[fatal.i : token.i + 1], 1
            if lemma not in self.fatal_nouns or token.dep_ == "compound":
                continue
            if any(c.lower_ in self.not_completed for c in token.children):
                continue  # "attempted murder"
            if self._hedged(token) or self._not_a_killing(token):
                continue  # "near death", "was not murder", "death from cancer", "'murder'"
            if token.tag_ == "NN":
                return headline[token.left_edge.i : token.i + 1], 1
            number = next((c for c in token.children if c.dep_ == "nummod"), None)
            value = word_value(number.text, self.lexicon) if number else None
            if number is not None and value is not None and value > 0:
                return headline[number.i : token.i + 1], value
        return None

    def survives(self, lead: Incident, body: Doc) -> bool:
        """Whether the body tells that those it counts as hurt live ("is expected to
        recover", "survived"; ``survival`` cues, in the sentence that counts them or the
        next) or were hurt besides someone else ("a bystander was also shot"; ``additive``
        and ``bystander_noun`` cues)."""
        if lead.injured is None:
            return False
        starts = {e.start for e in lead.injured.evidence if e.field == "text"}
        sentences = list(body.sents)
        for n, sentence in enumerate(sentences):
            if not any(sentence.start_char <= at < sentence.end_char for at in starts):
                continue
            if (
                any(t.lower_ in self.additive or t.lower_ in self.bystanders for t in sentence)
                or any(
                    t.lemma_.lower() in self.survival
                    and not any(c.dep_ == "auxpass" for c in t.children)  # "a gun was recovered"
                    for s in sentences[n : n + 2]
                    for t in s
                )
            ):  # "… was shot in the leg. She survived."
                return True
        return False

    def told_by_a_death_noun(self, headline: Doc, told: Incident) -> bool:
        """Whether the headline's dead are only a death noun's guess ("… in teen's death",
        "… charged with murder"): too weak to turn the body's wounded into the dead; a fatal
        event ("fatal shooting") or a count ("Teen killed") is not."""
        fatal = self.toll(headline)
        if fatal is None or told.killed is None or not told.killed.evidence:
            return False
        span, _ = fatal
        return (
            told.killed.evidence[0].start == span.start_char
            and span.root.lemma_.lower() not in self.event_nouns
        )

    def _hedged(self, fatal: Token) -> bool:
        """ "non-fatal", "near death", "brush with death", "was not murder"."""
        return hedged(fatal, self.not_fatal)

    def _not_a_killing(self, noun: Token) -> bool:
        """A death noun that tells of no one killed in the attack: quoted ("'it's murder out
        here'"), of an illness ("father's death from cancer"; ``natural_cause`` cues) or of
        an animal ("death of dog shot by officer"; targets of category ``animal``)."""
        doc = noun.doc
        quotes = sum(t.text in _QUOTES for t in doc[: noun.i])
        if quotes % 2 == 1:
            return True
        related = [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"from", "of"}
            for g in c.children
            if g.dep_ == "pobj"
        ] + [c for c in noun.children if c.dep_ == "poss"]
        targets = self.lexicon.targets
        return any(
            g.lemma_.lower() in self.natural
            or targets.get(g.lower_) == "animal"
            or targets.get(g.lemma_.lower()) == "animal"
            for g in related
        )


def died_of_wounds(lead: Incident, told: Incident) -> Incident | None:
    """The lead incident with the headline's dead in place of as many of the body's shot,
    when the headline counts only the dead, the body only the shot, and both the same
    number: a story written when the victim was shot, or that never says the word, under a
    headline that knows the victim died ("Teen killed in hunting accident remembered" over
    "he was accidentally shot by his father")."""
    if lead.killed is not None or lead.injured is None:
        return None
    if told.killed is None or told.injured is not None:
        return None
    if told.killed.value != lead.injured.value:
        return None
    return replace(lead, killed=told.killed, injured=None)
