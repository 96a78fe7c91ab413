"""From mentions and phrase finds to incidents: which mentions are one event, which are others.

The walk goes sentence by sentence and keeps a *focus*: the incidents the text is currently
about. New, indefinite mentions with their own victims open incidents; definite mentions
("the attack", "the Crocus City Hall attack") join the best-matching earlier incident;
summaries ("a wave of attacks", "these incidents") open nothing but let a sentence speak
about the focus ("The assailants, described as …", "part of a trend of xenophobia").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from tensionwatch.extract import names
from tensionwatch.extract.components.actors import ActorBuilder
from tensionwatch.extract.components.casualties import CasualtyMention
from tensionwatch.extract.components.dates import resolve_date
from tensionwatch.extract.components.mentions import (
    PERSONAL_PRONOUNS,
    REFLEXIVE,
    Mention,
    MentionFinder,
    conj_subject,
    event_lemma,
    harms_self,
    is_reflexive,
)
from tensionwatch.extract.cues import Hit
from tensionwatch.extract.drafts import Draft, compatible, ev
from tensionwatch.extract.hedges import hedged
from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.extract.places import place_entities
from tensionwatch.models import Actor, Role, Target, Weapon

_ARREST_LEMMAS = frozenset(
    {"arrest", "apprehend", "detain", "capture", "apprehension", "detention"}
)
_NOTE_AFTER = frozenset({"including", "among", "mostly", "mainly"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# grammar words, not a lexicon: a phrase they open names someone already known
_DEFINITE_WORDS = frozenset({"the", "this", "that", "his", "her", "their", "its", "our", "my"})

_Item = TypeVar("_Item", Mention, CasualtyMention, Hit)


@dataclass
class Finds:
    """Everything found in one document before assembly."""

    mentions: list[Mention]
    casualties: list[CasualtyMention]
    weapons: list[Hit]
    targets: list[Hit]
    cues: list[Hit]
    # where the names of hospitals someone was treated in start (places.towns_of_care)
    cared: frozenset[int] = frozenset()


@dataclass
class Assembly:
    drafts: list[Draft] = field(default_factory=list)
    document_retaliation: list[Span] = field(default_factory=list)


def _another_period(draft: Draft, periods: list[tuple[date, date]]) -> bool:
    """Whether none of ``draft``'s days falls in any of the months or years a mention is told
    in (``periods``): "Last month, a boy was killed" is not the shooting of last Saturday.
    False when either is empty."""
    if not periods or not draft.day_keys:
        return False
    return not any(a <= d <= b for d in draft.day_keys for a, b in periods)


def _no_street(name: str) -> bool:
    """Without a gazetteer no name is known to be a street."""
    return False


@dataclass
class SentenceContext:
    """What one sentence says about places, days and event boundaries."""

    sent: Span
    published: date | None
    places: list[Span]
    dates: list[Span]
    separate: bool = False
    listing: bool = False

    retaliation: list[Span] = field(default_factory=list)
    is_street: Callable[[str], bool] = _no_street  # see Assembler.__call__
    # periods_of by mention head: asked once per draft a mention might join
    _periods: dict[int, list[tuple[date, date]]] = field(default_factory=dict, repr=False)

    def refers_back(self, mention: Mention) -> bool:
        """The mention is what a retaliation cue points back to ("in revenge for the X")."""
        for cue in self.retaliation:
            if cue.end <= mention.head.i and mention.head.i - cue.end <= 6:
                between = cue.doc[cue.end : mention.head.i]
                if not any(t.is_punct or t.pos_ == "VERB" for t in between):
                    return True
        return False

    def places_of(self, mention: Mention) -> set[str]:
        """The mention's places, but no bare street ("at a home on West Boulevard"): a street
        neither names the town nor tells two shootings apart ("a shooting in west Charlotte"
        … "four people were shot at a home on West Boulevard"); a block or an address does
        (``spots_of``)."""
        return {
            p.text.lower()
            for p in self.places
            if _governed(p.root, mention.head) and (_is_spot(p) or not self.is_street(p.text))
        }

    def spots_of(self, mention: Mention) -> set[str]:
        """The mention's places that are a block, an address or a building, not an area."""
        return {
            p.text.lower() for p in self.places if _governed(p.root, mention.head) and _is_spot(p)
        }

    def days_of(self, mention: Mention) -> set[date]:
        days: set[date] = set()
        for span in self.dates:
            if _governed(span.root, mention.head):
                resolved = resolve_date(span, self.published)
                if resolved is not None and resolved.precision.value == "day" and resolved.end:
                    days.add(resolved.end)
        return days

    def periods_of(self, mention: Mention) -> list[tuple[date, date]]:
        """The past months and years the mention is told in ("Last month, a boy was killed
        after he shot himself": the date may hang on the clause the mention's clause hangs
        on, not on a verb that reports it, "told reporters this week that he was shot"): a
        day outside all of them is another incident's. Not a week (a story's "last week"
        is often days ago), nor this month or year (they run to the day of publication)."""
        known = self._periods.get(mention.head.i)
        if known is not None:
            return known
        heads = {mention.head, *mention.head.conjuncts}
        token = mention.head
        while token.dep_ in {"advcl", "conj"} and token.head is not token:
            token = token.head
            heads |= {token, *token.conjuncts}
        periods: list[tuple[date, date]] = []
        for span in self.dates:
            if span.root.head not in heads:
                continue
            resolved = resolve_date(span, self.published)
            if (
                resolved is not None
                and resolved.precision.value in {"month", "year"}
                and resolved.start is not None
                and resolved.end is not None
                and (self.published is None or resolved.end < self.published)
            ):
                periods.append((resolved.start, resolved.end))
        self._periods[mention.head.i] = periods
        return periods


class Assembler:
    def __init__(self, lexicon: Lexicon, finder: MentionFinder) -> None:
        self.lexicon = lexicon
        self.finder = finder
        self.actors = ActorBuilder(lexicon)
        self._anaphors = lexicon.cue_set("anaphor_incident")
        # "these attacks killed …" names the event, not who did it
        self._event_nouns = lexicon.cue_set("event_noun")
        self._outcomes = OutcomeWords.from_lexicon(lexicon)
        self._toll_lemmas = lexicon.cue_set("outcome_killed") | lexicon.cue_set("outcome_injured")
        self._locative = lexicon.cue_set("locative")
        self._conveyance = lexicon.cue_set("conveyance_verb")
        self._kin = frozenset(lexicon.actor_terms.get("kin", {}))
        self._streets = finder.streets
        self._rounds = lexicon.cue_set("round_noun")
        self._perpetrator_nouns = lexicon.cue_set("perpetrator_noun")
        self._report_verbs = lexicon.cue_set("report_verb")
        self._running = lexicon.cue_set("running_total")
        self._murder_suicide_words = lexicon.cue_set("murder_suicide")
        self._lede_words = lexicon.cue_set("lede_auxiliary")
        self._caption_words = lexicon.cue_set("caption_word")
        self._additive = lexicon.cue_set("additive")
        self._collective = lexicon.cue_set("collective_noun")
        self._agency_acronyms = lexicon.cue_set("agency_acronym")
        self._not_completed = lexicon.cue_set("not_completed")
        # the sentences that call the event a murder-suicide, for the doc being assembled
        self._murder_suicide: set[int] = set()
        self._murder_suicide_heads: set[int] = set()
        self._earlier = lexicon.cue_set("earlier_word")
        self._earlier_event = lexicon.cue_set("earlier_event")
        self._same_event = lexicon.cue_set("same_event_word")
        self._person_nouns = frozenset(lexicon.actor_terms.get("person_noun", {}))
        self._genders = lexicon.actor_terms.get("gender", {})  # "girlfriend" → "female"

    def _resident(self, place: Span) -> bool:
        """ "shot the Rochester Hills boy": a town that describes a person says where he
        lives, not where the event was; it neither places nor parts the event."""
        root = place.root
        return root.dep_ in {"compound", "nmod"} and (
            root.head.lower_ in self._person_nouns or root.head.lemma_.lower() in self._person_nouns
        )

    def _running_totals(self, totals: list[Span]) -> list[Span]:
        """ "so far this year", "at this time last year": totals that silence even a strong
        trigger ("21 adults have been shot so far this year"); "last year" alone may date
        one event ("two men were shot and killed last year")."""
        return [t for t in totals if t.text.lower() in self._running]

    def _is_instrument(self, token: Token) -> bool:
        lemma, lower = token.lemma_.lower(), token.lower_
        return (lower in self.lexicon.weapons or lemma in self.lexicon.weapons) and (
            self.lexicon.weapons.get(lower, self.lexicon.weapons.get(lemma, ""))
            not in self.lexicon.instrument_only
        )

    def __call__(
        self,
        doc: Doc,
        finds: Finds,
        published: date | None = None,
        is_street: Callable[[str], bool] | None = None,
    ) -> Assembly:
        """Headline words open no incidents (the body tells the same story in full); the
        headline's counts go to the first incident the body names. ``is_street``: whether a
        place name reads like a street (the gazetteer's street words), so "at a home on West
        Boulevard" does not contradict "in west Charlotte"."""
        headline_end = headline_length(doc.text, self._lede_words, self._caption_words)
        self._headline_end = headline_end
        self._names = names.surnames(doc, given=True)
        sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
        murder_suicides = [
            m
            for m in finds.mentions
            if " ".join(m.trigger.text.lower().split()) in self._murder_suicide_words
            and not _denied(m, self._not_completed)
        ]
        self._murder_suicide = {sentence_of[m.head.sent.start] for m in murder_suicides}
        self._murder_suicide_heads = {t.i for m in murder_suicides for t in m.trigger}
        result = Assembly()
        self.orphans: list[CasualtyMention] = []
        focus: list[Draft] = []
        last_victim: Actor | None = None
        listing_until = -1
        places = place_entities(
            doc,
            self._locative,
            self._conveyance,
            finds.cared,
            kin=self._kin,
            streets=self._streets,
        )
        for s_index, sent in enumerate(doc.sents):
            self._sentence_index = s_index
            all_here = _in_sentence(finds.mentions, sent)
            mentions = [m for m in all_here if not m.negated and m.head.idx >= headline_end]
            # Strong triggers first: a weak "killed"/"wounded" then joins the event they name.
            mentions.sort(key=lambda m: (not m.strong, m.head.i))
            about_focus = self._subject_refers_to_focus(sent)
            cues_here = _in_sentence(finds.cues, sent)
            ctx = SentenceContext(
                sent=sent,
                published=published,
                is_street=is_street or _no_street,
                places=[
                    e for e in places if sent.start <= e.start < sent.end and not self._resident(e)
                ],
                dates=[e for e in sent.ents if e.label_ == "DATE"],
                separate=any(h.kind == "separate" for h in cues_here),
                retaliation=[h.span for h in cues_here if h.kind == "retaliation"],
                listing=s_index <= listing_until or _lists_events(mentions, self.finder),
            )
            # "several attacks … have been reported. These include …"; but "heard multiple
            # gunshots" counts the rounds of one event, not events
            if any(
                m.generic and m.head.tag_ in {"NNS", "NNPS"} and m.head.lower_ not in self._rounds
                for m in all_here
            ):
                listing_until = s_index + 1
            totals = [
                h.span
                for h in cues_here
                if h.kind == "aggregate" and h.root.ent_type_ in {"", "DATE"}
            ]  # "Nationwide Children's Hospital" names a place, not a total
            assigned: dict[int, Draft] = {}
            for mention in mentions:
                if (
                    mention.generic
                    or _reports_a_total(
                        mention, totals if not mention.strong else self._running_totals(totals)
                    )
                    or self._in_many_events(mention.head)
                ):
                    continue
                draft = self._place(mention, result, assigned, focus, s_index, ctx)
                assigned[mention.head.i] = draft
                if draft not in result.drafts:
                    result.drafts.append(draft)
                draft.mentions.append(mention)
                draft.last_sentence = s_index
                draft.place_keys |= ctx.places_of(mention)
                draft.spot_keys |= ctx.spots_of(mention)
                draft.day_keys |= ctx.days_of(mention)
                if not (mention.definite and draft.types) or (
                    draft.type == "attack" and mention.type != "attack"
                ):
                    draft.types.append(mention.type)
                last_victim = self._arguments(mention, draft, last_victim)
            drafts_here = [d for d in dict.fromkeys(assigned.values()) if not d.reference]
            targets_for_items = focus if about_focus or not drafts_here else drafts_here
            triggers = {m.head.i: m for m in all_here}
            # "there were 4,331 shooting victims in 2016": a count over a whole year
            years = [e for e in sent.ents if e.label_ == "DATE" and _BARE_YEAR.fullmatch(e.text)]
            casualties = [
                c
                for c in _in_sentence(finds.casualties, sent)
                if not (c.count.value > 1 and _counts_a_total(c.span.root, totals + years))
                and not _under_denied_trigger(c.span.root, triggers)
            ]
            self._attach_casualties(casualties, assigned, targets_for_items, sent)
            self._attach_weapons(_in_sentence(finds.weapons, sent), assigned)
            self._attach_targets(_in_sentence(finds.targets, sent), assigned)
            self._attach_cues(cues_here, assigned, focus, about_focus, result, sent)
            if about_focus:
                self._perpetrator_anaphors(sent, focus)
            elif drafts_here:
                focus = drafts_here
        self._adopt_orphans(result.drafts)
        return result

    def _adopt_orphans(self, drafts: list[Draft]) -> None:
        """Counts stated before any event is named ("Three bodies were found …") go to the
        first event named after them."""
        for item in self.orphans:
            later = [d for d in drafts if d.mentions and d.mentions[0].head.i > item.span.start]
            draft = later[0] if later else (drafts[-1] if drafts else None)
            if draft is not None:
                buckets = draft.casualty_buckets()
                buckets[item.label].append(item)

    # -- which incident a mention belongs to -------------------------------------------------
    def _place(
        self,
        mention: Mention,
        result: Assembly,
        assigned: dict[int, Draft],
        focus: list[Draft],
        s_index: int,
        ctx: SentenceContext,
    ) -> Draft:
        """Join an earlier incident unless the text signals a different one.

        Signals of a different event: a list of events in one sentence ("a courier assaulted
        …, another sprayed …"), an enumeration after a summary ("several attacks … These
        include …"), a separation phrase ("in a separate incident"), or a place or day of
        its own that differs from the earlier incident's. Otherwise news text keeps talking
        about the same event ("a man was shot … the victim was shot in the leg").
        """
        same_sentence = list(dict.fromkeys(assigned.values()))
        if not mention.strong:
            near = _nearest(mention.head, assigned)
            if near is not None:
                return near
            if (
                focus
                and s_index - focus[-1].last_sentence <= 2
                and not _another_period(focus[-1], ctx.periods_of(mention))
            ):  # not "… died Sunday. Last month, a boy was killed …": a death told before
                return focus[-1]
        if is_reflexive(mention.head):
            # "shot his wife and then shot himself": the attacker's death ends the same event
            joinable = [d for d in same_sentence if not d.reference]
            if not joinable and focus and not ctx.separate:
                last = focus[-1]
                close = s_index - last.last_sentence <= 2
                if close and not last.reference and not self._conflicts(mention, last, ctx):
                    joinable = [last]
            if joinable:
                return joinable[0]
        has_own_patient = any(
            self.finder.is_person(p) or p.lower_ in self.lexicon.targets for p in mention.patients
        )
        if any(
            c.dep_ == "amod" and c.lower_ in self._earlier_event for c in mention.head.children
        ):  # "mourning a teen who was killed in a previous shooting": another, earlier event
            return Draft(number=len(result.drafts), reference=True)
        for index, draft in assigned.items():
            if draft.reference and mention.head.is_ancestor(mention.head.doc[index]):
                return draft  # "killed in a previous shooting": what happened in that event
        if mention.definite and ctx.refers_back(mention):
            # "in the wake of the Kirkgate Market bombing": an earlier event, not this one
            earlier = [d for d in result.drafts if d not in same_sentence and d not in focus]
            return self._antecedent(mention, earlier, (), ctx) or Draft(
                number=len(result.drafts), reference=True
            )
        if mention.definite or (not mention.strong and not has_own_patient):
            antecedent = self._antecedent(mention, result.drafts, same_sentence + focus, ctx)
            if antecedent is not None:
                return antecedent
        if has_own_patient:
            named_again = self._victim_antecedent(mention, result.drafts, ctx)
            if named_again is not None:
                return named_again
            if (
                same_sentence
                and any(
                    c.dep_ == "advmod" and c.lower_ in self._earlier for c in mention.head.children
                )
                and not any(t.lower_ in self._same_event for t in mention.head.subtree)
            ):  # "a girl was shot … during a vigil for a boy fatally shot earlier in the day":
                # an event told in passing, which the story does not go on about; not "a woman
                # shot earlier by the same gunman"
                return Draft(number=len(result.drafts), reference=True)
        for index, draft in assigned.items():
            if _on_a_participant(mention.head, mention.head.doc[index]):
                return draft  # "four guests were shot, including a woman shot six times"
        for draft in same_sentence:
            if draft.reference:
                continue
            if compatible(draft.type, mention.type) and not (
                has_own_patient and (draft.victims or draft.targets)
            ):
                return draft
        if ctx.listing and has_own_patient:
            return Draft(number=len(result.drafts))
        for draft in reversed(result.drafts):
            if (
                draft.reference
                or draft in same_sentence
                or not compatible(draft.type, mention.type)
            ):
                continue
            if ctx.separate or self._conflicts(mention, draft, ctx):
                continue
            if draft.is_terror and has_own_patient and not _mentions_terror(mention):
                continue  # an attack on one person after a terror attack is its own event
            return draft
        return Draft(number=len(result.drafts))

    def _victim_antecedent(
        self, mention: Mention, drafts: Sequence[Draft], ctx: SentenceContext
    ) -> Draft | None:
        """ "… a shooting that killed a 3-year-old girl … he shot the young girl": a definite
        patient whose noun names an earlier victim again is that victim, so the mention
        belongs to that victim's incident and opens no new one."""
        for patient in mention.patients:
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in patient.children):
                continue
            nouns = {patient.lower_, patient.lemma_.lower()}
            for draft in reversed(drafts):
                if draft.reference or not compatible(draft.type, mention.type):
                    continue
                if self._conflicts(mention, draft, ctx):
                    continue
                if any(nouns & set(v.text.lower().split()) for v in draft.victims):
                    return draft
        return None

    def _conflicts(self, mention: Mention, draft: Draft, ctx: SentenceContext) -> bool:
        places, days = ctx.places_of(mention), ctx.days_of(mention)
        spots = ctx.spots_of(mention)
        # a street or building does not contradict an area ("a West Side shooting" … "in the
        # 4500 block of West End Avenue"): only places of the same kind are compared
        if not (places & draft.place_keys):  # one name shared is one place, whatever its label
            for mine, theirs in (
                (places - spots, draft.place_keys - draft.spot_keys),
                (spots, draft.spot_keys),
            ):
                if mine and theirs and not (mine & theirs):
                    return True
        if days:
            return bool(draft.day_keys and not (days & draft.day_keys))
        return _another_period(draft, ctx.periods_of(mention))

    def _antecedent(
        self,
        mention: Mention,
        drafts: Sequence[Draft],
        preferred: Sequence[Draft],
        ctx: SentenceContext,
    ) -> Draft | None:
        if not drafts:
            return None
        subtree_text = " ".join(t.text for t in mention.head.subtree).lower()
        terror_cued = any(
            cue in subtree_text.split() or cue in subtree_text for cue in ("terrorist", "terror")
        )
        best: tuple[float, Draft] | None = None
        for rank, draft in enumerate(drafts):
            if not compatible(draft.type, mention.type) or self._conflicts(mention, draft, ctx):
                continue
            score = rank * 0.01
            if draft.type == mention.type:
                score += 1
            if terror_cued:
                score += 3 if draft.is_terror else -3
            if any(name and name in subtree_text for name in draft.place_names()):
                score += 2
            if draft in preferred:
                score += 0.5
            if best is None or score > best[0]:
                best = (score, draft)
        return best[1] if best else None

    # -- arguments ---------------------------------------------------------------------------
    def _arguments(self, mention: Mention, draft: Draft, last_victim: Actor | None) -> Actor | None:
        outcome = _outcome(mention, self._outcomes)
        near = any(abs(i - self._sentence_index) <= 1 for i in self._murder_suicide)
        if near and _ends_in_suicide(mention.head):
            outcome = "killed"  # "shot his wife and then himself" in a murder-suicide: all died
        self_harm = harms_self(mention.head)
        told_again = self._told_again(mention, draft)
        # "… then killed himself": the attacker died by his own hand, no victim of the attack
        suicide = self_harm and outcome == "killed"
        # "shot his son and himself": one act hurt the attacker and someone else
        others = any(p.dep_ != "nsubj" for p in mention.patients)
        group: list[Actor] = []
        listed: list[tuple[Token, Actor]] = []
        for patient in mention.patients:
            role = patient.dep_  # as the mention has it, before a pronoun becomes its antecedent
            # the subject died by his own hand; "his son" in "killed himself and his son" did not
            own_hand = suicide and role == "nsubj"
            if _is_bare_number(patient, self.lexicon):
                continue  # "left over 180 injured": a count, handled by the casualty patterns
            if _nobody(patient):
                continue  # "none died", "no one was hurt": a count of none, no victim
            # "Broadway was shot"; not "a Turner, who had been shot" (someone of that family)
            named = names.is_surname(patient, self._names) and not any(
                c.dep_ == "det" and c.lower_ in {"a", "an"} for c in patient.children
            )
            if patient.ent_type_ in {"FAC", "GPE", "LOC", "ORG"} and not named:
                if patient.ent_type_ in {"FAC", "ORG"}:
                    span = _np(patient)
                    if all(t.text != span.text for t in draft.targets):
                        draft.targets.append(Target(span.text, "facility", (ev(span),)))
                continue
            if self._is_instrument(patient):
                continue  # "fired their guns": the weapon phrase finder records it
            if patient.lower_ in PERSONAL_PRONOUNS:
                antecedent = self._pronoun_antecedent(patient, mention)
                if antecedent is None:
                    continue
                patient = antecedent
            if own_hand and self.finder.is_person(patient):
                draft.add_unique(draft.suicides, self.actors.build(patient, Role.VICTIM))
                sentence = mention.head.sent
                draft.suicide_sentences.append((sentence.start_char, sentence.end_char))
            elif told_again and (named or not _definite(patient)):
                continue  # "… charged in the shooting of a Skokie man": the victim told again
            elif named or self.finder.is_person(patient):
                actor = self.actors.build(patient, Role.VICTIM)
                if named and actor.name is None:
                    actor = replace(actor, name=patient.text)  # the dead are told by name
                if self.actors.is_elliptical(patient) and last_victim is not None:
                    actor = self.actors.inherit(actor, last_victim)
                actor = (
                    _counted_before(actor, patient, draft.victims, draft.killed_victims) or actor
                )
                draft.add_unique(draft.victims, actor)
                for evidence in actor.evidence[:1]:
                    draft.victim_sentences[evidence.start] = self._sentence_index
                last_victim = actor
                if outcome == "killed":
                    draft.add_unique(draft.killed_victims, actor)
                elif outcome == "injured":
                    draft.add_unique(draft.injured_victims, actor)
                if self_harm and outcome != "killed":
                    if others:
                        group.append(actor)
                    elif role == "nsubj":
                        group = [actor, *self._hit_before(mention)]
                listed.append((patient, actor))
            else:
                span = _np(patient)
                category = self.lexicon.targets.get(patient.lower_, "other")
                if all(t.text != span.text for t in draft.targets):
                    draft.targets.append(Target(span.text, category, (ev(span),)))
        if len(group) > 1:
            draft.self_harm_groups.append(tuple(group))
        if any(c.dep_ == "advmod" and c.lower_ in self._additive for c in mention.head.children):
            # "a teenager was also shot": someone besides those already named
            draft.also.update(e.start for _, a in listed for e in a.evidence[:1])
        tokens = {t.i for t, _ in listed}
        if any(t.dep_ == "conj" and t.head.i in tokens for t, _ in listed):
            # "shot the female and the child": a list names as many people as it has phrases
            draft.listed.update(e.start for _, a in listed for e in a.evidence[:1])
        for agent in mention.agents:
            if self._is_instrument(agent):
                span = _np(agent)  # "a bomb exploded": the subject is the weapon
                category = self.lexicon.weapons.get(agent.lower_) or self.lexicon.weapons.get(
                    agent.lemma_.lower(), "other"
                )
                if all(w.text.lower() != span.text.lower() for w in draft.weapons):
                    draft.weapons.append(Weapon(span.text, category, (ev(span),)))
                continue
            if agent.lemma_.lower() in self._event_nouns:
                continue  # "these attacks killed …" names the event, not who did it
            actor = self.actors.build(agent, Role.PERPETRATOR)
            draft.add_unique(draft.perpetrators, actor)
            if (
                self._sentence_index in self._murder_suicide
                and outcome == "killed"
                and not self_harm
                and self.finder.is_person(agent)
                and any(t.i in self._murder_suicide_heads for t in mention.head.subtree)
            ):  # "Woman kills daughter in murder-suicide": who killed then died too; not "the
                # murder-suicide comes a month after a man killed his neighbor"
                draft.add_unique(draft.suicides, replace(actor, role=Role.VICTIM))
                sentence = mention.head.sent
                draft.suicide_sentences.append((sentence.start_char, sentence.end_char))
            if _has_terror_word(actor.text, self.lexicon):
                draft.terror.append(actor.evidence[0])
        for token in mention.head.children:
            if token.dep_ in {"amod", "compound"} and token.lower_ in self.lexicon.cue_set(
                "terrorism"
            ):
                draft.terror.append(ev(token.doc[token.i : token.i + 1]))
        return last_victim

    def _told_again(self, mention: Mention, draft: Draft) -> bool:
        """ "… shot a 21-year-old friend … charged in the shooting of a Skokie man": "the
        shooting" names the incident already told, so a person it is "of" by a name or an
        indefinite phrase is a victim described again, or someone of an earlier event recalled
        in passing ("… were shot. Protesters were angry over the fatal police shooting of Jamar
        Clark"): no one new is hurt. A definite phrase ("the teen") names its victim again,
        which the counts already read as such. Only the wounding nouns ("shooting",
        ``wounding_nouns``): "the killing of" has always told who died."""
        head = mention.head
        return (
            mention.definite
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in self._outcomes.wounding_nouns
            and bool(draft.victims)
        )

    def _hit_before(self, mention: Mention) -> list[Actor]:
        """ "shot his wife and then shot himself": who the verb before the reflexive one hit,
        as that verb's victims were recorded."""
        head = mention.head
        if head.dep_ not in {"conj", "advcl"} or head.head.pos_ != "VERB":
            return []
        objects = [c for c in head.head.children if c.dep_ in {"dobj", "obj"}]
        people = [t for o in objects for t in (o, *o.conjuncts) if t.lower_ not in REFLEXIVE]
        return [
            self.actors.build(t, Role.VICTIM)
            for t in people
            if t.pos_ != "PRON" and self.finder.is_person(t)
        ]

    def _pronoun_antecedent(self, pronoun: Token, mention: Mention) -> Token | None:
        """ "… a Somali student suffered injuries when three men attacked him": the nearest
        earlier person noun of the same number, not one of the attackers. A subject in a
        clause that hangs on another ("the teen was hunting with another boy when he was
        shot") is first that clause's subject: the one the sentence is about."""
        plural = pronoun.lower_ in {"they", "them"}
        sex = self._genders.get(pronoun.lower_)
        excluded = {t.i for agent in mention.agents for t in agent.subtree}
        if not any(c.dep_ == "nsubj" for c in mention.head.children):
            # "a teen walked up and shot him": who walked up shot, and is not "him"
            excluded |= {t.i for s in conj_subject(mention.head) for t in s.subtree}
        # "A man shot his neighbor. He then killed himself": who killed himself is the attacker
        reflexive = is_reflexive(mention.head)
        roles = {"nsubj"} if reflexive else {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}

        def fits(token: Token, roles: set[str] = roles) -> bool:
            if token.i in excluded or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
                return False
            if token.pos_ == "ADJ" and token.lower_ != "old":
                return False  # "a 15-year-old": the parser's adjective is the person
            if token.dep_ not in roles:
                return False
            if token.ent_type_ in {"DATE", "TIME"} and token.lower_ != "old":
                return False  # "on Monday"; but the tagger calls "a 15-year-old" a date
            if token.ent_type_ in _PLACE_ENTS:
                return False  # "shot on Main Street … she died": a place is never "she"
            if token.lower_ in self._agency_acronyms:
                return False  # "taken by EMS to a hospital where he died": an agency, not "AJ"
            if self._speaker_of(token, pronoun):
                return False  # 'a neighbor told a 911 operator: "He just shot him!"'
            if _age_range(token):
                return False  # "the men range in age from their late teens to early 20s"
            if (token.tag_ in {"NNS", "NNPS"}) != plural or not self._may_be_named(token):
                return False
            if sex is not None and self._genders.get(token.lower_, sex) != sex:
                return False  # "his girlfriend tells us he died": he is not she
            if not plural and token.lower_ in self._collective and token.ent_type_ != "PERSON":
                return False  # "a motorist tells police he was shot"; but "Bill Press … he"
            return not (
                token.ent_type_ == "NORP"
                or (
                    not reflexive
                    and token.lower_ in self._perpetrator_nouns
                    and token.lower_ not in self._person_nouns
                )
            )  # "the gunman … she died", but "a man was shot … he died"

        # "X was killed after he accidentally shot himself": he is the sentence's subject, a
        # passive one too (only a reflexive mention's ``roles`` leave "nsubjpass" out)
        governing = _main_clause_subject(pronoun)
        if governing is not None and fits(governing, roles | {"nsubjpass"}):
            return governing
        doc = pronoun.doc
        first_sentence = max(0, pronoun.sent.start - 80)
        for i in range(pronoun.i - 1, first_sentence - 1, -1):
            if fits(doc[i]):
                return doc[i]
        return None

    def _speaker_of(self, token: Token, pronoun: Token) -> bool:
        """Whether ``token`` says the words, in quotation marks, that hold ``pronoun``: who
        speaks is "I", never "he" ("a motorist told police he was shot" is no quotation)."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in self._report_verbs:
            return False
        low, high = sorted((verb.i, pronoun.i))
        return any(t.text in _QUOTES for t in token.doc[low:high])

    def _may_be_named(self, token: Token) -> bool:
        """ "slid the rifle into a case … hitting him", "clinging to her life after her
        stepfather shot her": a pronoun stands for a noun the lexicons know as people (kin and
        attackers too), a name or an age ("a 15-year-old"), or the subject of a clause. An
        object that only the word vectors place nearer "person" than "building" is most often
        a thing or a place; so is a name there the tagger calls a venue or a company ("a
        bouncer at Cloud Nine … shot him")."""
        if not self.finder.is_person(token):
            return False
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return True  # "a roofer was working … when a neighbor shot him": who acts is a person
        return (
            (token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PEOPLE_ENTS)
            or token.lower_ in self._perpetrator_nouns
            or token.lower_ == "old"
            or self.finder.names_people(token)
        )

    def _attach_casualties(
        self,
        casualties: list[CasualtyMention],
        assigned: dict[int, Draft],
        fallback: list[Draft],
        sent: Span,
    ) -> None:
        for item in casualties:
            if self._in_many_events(item.span.root):
                continue  # a total over many events is no event's toll
            draft = _nearest(item.span.root, assigned) or (fallback[-1] if fallback else None)
            if item.span.start_char < self._headline_end:
                draft = None
            if draft is None:
                self.orphans.append(item)
                continue
            buckets = draft.casualty_buckets()
            buckets[item.label].append(item)
            note = _note_after(item.span)
            if note:
                draft.notes[item.label] = note

    def _in_many_events(self, token: Token) -> bool:
        """ "… injured in 12 shootings", and "More than 3,290 people have been injured in those
        shootings" after "3,165 shooting incidents through Nov. 16": people hurt in events
        counted as many, or pointed back at where events were just counted, name a total, not
        the toll of the event at hand. "Five were hurt in those shootings" after a gunman
        "fired at three groups" may be one event's; so may "in the shootings"."""
        verbs = [t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}][:1]
        # "eight people have died and 10 others were injured in 12 shootings": coordinated
        # tolls share the adjunct that closes them; "police linked the gunman to four earlier
        # shootings" tells of no toll
        verbs += [c for v in verbs for c in v.conjuncts if c.lemma_.lower() in self._toll_lemmas]
        events = [
            g
            for v in verbs
            for c in v.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj" and self._plural_event(g)
        ]
        for event in events:
            if self._counted_events(event):
                return True
            if any(d.lower_ in {"those", "these"} for d in event.children) and (
                self._counts_events(event.sent)
                or (
                    event.sent.start > 0
                    and self._counts_events(event.doc[event.sent.start - 1].sent)
                )
            ):
                return True
        return False

    def _counts_events(self, sentence: Span) -> bool:
        return any(self._counted_events(t) for t in sentence)

    def _counted_events(self, token: Token) -> bool:
        """ "12 shootings", "3,165 shooting incidents": events counted as many."""
        return self._plural_event(token) and any(
            d.dep_ == "nummod" and d.like_num for d in token.children
        )

    def _plural_event(self, token: Token) -> bool:
        return token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in self._event_nouns

    def _attach_weapons(self, weapons: list[Hit], assigned: dict[int, Draft]) -> None:
        for hit in weapons:
            draft = _nearest(hit.root, assigned)
            if draft is not None and all(
                w.text.lower() != hit.span.text.lower() for w in draft.weapons
            ):
                draft.weapons.append(Weapon(hit.span.text, hit.kind, (ev(hit.span),)))

    def _attach_targets(self, targets: list[Hit], assigned: dict[int, Draft]) -> None:
        for hit in targets:
            root = hit.root
            if root.dep_ not in {"dobj", "nsubjpass", "pobj"} or root.ent_type_ in {"GPE", "ORG"}:
                continue
            if root.dep_ == "pobj" and root.head.lower_ not in {
                "on",
                "at",
                "against",
                "to",
                "into",
                "outside",
            }:
                continue
            draft = _nearest(root, assigned, subtree_only=True)
            if draft is not None and all(
                t.text.lower() != _np(root).text.lower() for t in draft.targets
            ):
                span = _np(root)
                draft.targets.append(Target(span.text, hit.kind, (ev(span),)))

    def _attach_cues(
        self,
        cues: list[Hit],
        assigned: dict[int, Draft],
        focus: list[Draft],
        about_focus: bool,
        result: Assembly,
        sent: Span,
    ) -> None:
        for hit in cues:
            if hit.kind == "retaliation":
                new_here = [d for d in dict.fromkeys(assigned.values()) if not d.is_terror]
                if new_here:
                    for draft in new_here:
                        draft.retaliation.append(ev(hit.span))
                else:
                    result.document_retaliation.append(hit.span)
                continue
            if about_focus and hit.kind != "terrorism":
                targets = focus
            else:
                near = _nearest(hit.root, assigned, subtree_only=True)
                if near is None and hit.kind in {"motive", "not_bias"}:
                    near = _core_incident(sent, assigned)
                if near is None and hit.kind in {"motive", "not_bias"} and not assigned and focus:
                    # "Police were treating the blaze as a hate crime." right after the report
                    near = (
                        focus[-1] if self._sentence_index - focus[-1].last_sentence <= 2 else None
                    )
                targets = [near] if near else []
            kind = hit.kind
            if kind == "motive" and _negated(hit.root):
                kind = "not_bias"  # "nothing to suggest that this was a hate crime"
            for draft in targets:
                if kind == "terrorism":
                    draft.terror.append(ev(hit.span))
                elif kind == "motive":
                    canonical = self.lexicon.motive_canonical.get(
                        hit.span.text.lower(), hit.span.text.lower()
                    )
                    draft.motives.append((canonical, ev(hit.span)))
                elif kind == "not_bias":
                    draft.not_bias.append(ev(hit.span))
        self._claims_and_arrests(sent, assigned, focus)

    def _claims_and_arrests(
        self, sent: Span, assigned: dict[int, Draft], focus: list[Draft]
    ) -> None:
        for token in sent:
            if token.lemma_ == "claim" and token.pos_ == "VERB":
                claimants = [
                    c
                    for a in token.children
                    if a.dep_ == "agent"
                    for c in a.children
                    if c.dep_ == "pobj"
                ]
                if not claimants and any(c.lower_ == "responsibility" for c in token.children):
                    claimants = [c for c in token.children if c.dep_ == "nsubj"]
                draft = (
                    assigned.get(token.head.i)
                    or _nearest(token, assigned)
                    or (focus[-1] if focus else None)
                )
                for head in claimants:
                    if draft is not None and head.pos_ != "PRON":
                        draft.add_unique(draft.claimants, self.actors.build(head, Role.CLAIMANT))
            if token.lemma_ in _ARREST_LEMMAS:
                people = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
                people += [
                    o
                    for p in token.children
                    if p.lower_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
                draft = _nearest(token, assigned) or (focus[-1] if focus else None)
                for head in people:
                    if draft is None or head.pos_ == "PRON":
                        continue
                    suspect = self.actors.build(head, Role.SUSPECT)
                    from dataclasses import replace

                    draft.add_unique(draft.suspects, replace(suspect, arrested=True))
                    draft.add_unique(
                        draft.arrests, replace(suspect, role=Role.ARRESTED, arrested=True)
                    )

    def _subject_refers_to_focus(self, sent: Span) -> bool:
        """ "These incidents …", "The assailants …": the sentence talks about the focus."""
        for token in sent:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
                det = " ".join(t.lower_ for t in token.lefts if t.dep_ == "det")
                phrase = f"{det} {token.lower_}".strip()
                if phrase in self._anaphors and (
                    det in {"these", "those", "such"} or token.tag_ in {"NNS", "NN"}
                ):
                    lemma = token.lemma_.lower()
                    return lemma not in {
                        "attack",
                        "bombing",
                        "shooting",
                        "blast",
                        "explosion",
                    } or det in {"these", "those"}
        return False

    def _perpetrator_anaphors(self, sent: Span, focus: list[Draft]) -> None:
        perp_nouns = self.lexicon.cue_set("perpetrator_noun")
        for token in sent:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ in perp_nouns:
                if not any(c.lower_ in {"the", "these", "those"} for c in token.lefts):
                    continue
                actor = self.actors.build(token, Role.PERPETRATOR)
                for draft in focus:
                    if not draft.perpetrators:
                        draft.perpetrators.append(actor)


def _in_sentence(items: Sequence[_Item], sent: Span) -> list[_Item]:
    """The items that start inside ``sent``, in their original order."""
    return [x for x in items if sent.start <= _start(x) < sent.end]


def _start(item: object) -> int:
    if isinstance(item, Mention):
        return item.head.i
    if isinstance(item, CasualtyMention):
        return item.span.start
    if isinstance(item, Hit):
        return item.span.start
    raise TypeError(type(item))


def _nearest(
    token: Token, assigned: dict[int, Draft], *, subtree_only: bool = False
) -> Draft | None:
    """The incident of the closest mention that governs ``token``; else the closest by distance."""
    if not assigned:
        return None
    if token.i in assigned:
        return assigned[token.i]
    for ancestor in token.ancestors:
        if ancestor.i in assigned:
            return assigned[ancestor.i]
    for head_i, draft in assigned.items():  # the token governs the trigger ("a bat attack")
        if token.doc[head_i] in token.subtree and token.doc[head_i].dep_ != "ROOT":
            return draft
    if subtree_only:
        return None
    closest = min(assigned, key=lambda i: abs(i - token.i))
    return assigned[closest]


def _np(token: Token) -> Span:
    from tensionwatch.extract.components.actors import noun_phrase

    return noun_phrase(token)


def _note_after(span: Span) -> str | None:
    """ ", including children" right after a count: kept as the count's note."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].is_punct:
        i += 1
    if i < len(doc) and doc[i].lower_ in _NOTE_AFTER:
        obj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
        if obj is not None:
            phrase = _np(obj)
            return f"{doc[i].lower_} {phrase.text}"
    return None


def _has_terror_word(text: str, lexicon: Lexicon) -> bool:
    lower = f" {text.lower()} "
    return any(f" {cue} " in lower for cue in lexicon.cue_set("terrorism"))


def _is_bare_number(token: Token, lexicon: Lexicon) -> bool:
    from tensionwatch.extract.components.numbers import is_number_token

    return is_number_token(token, lexicon) and not any(c.pos_ == "NOUN" for c in token.children)


_BARE_YEAR = re.compile(r"\s*(?:in\s+)?(?:19|20)\d\d\s*", re.IGNORECASE)


def _under_denied_trigger(token: Token, triggers: Mapping[int, Mention]) -> bool:
    """ "threatened to kill two officers", "trying to kill two others": a count whose closest
    governing trigger (``triggers``: the sentence's mentions by head) did not happen is no
    toll."""
    governing = next((triggers[t.i] for t in (token, *token.ancestors) if t.i in triggers), None)
    return governing is not None and governing.negated


def _counts_a_total(token: Token, totals: list[Span]) -> bool:
    """ "344 people have been killed so far this year", "shootings citywide wounded 60":
    a running total over many events (``aggregate`` cues in the same clause), not one
    incident's toll."""
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), token)
    clause = {t.i for t in verb.subtree}
    return any(span.root.i in clause for span in totals)


def _reports_a_total(mention: Mention, totals: list[Span]) -> bool:
    """ "112 people have been killed so far this year": a trigger whose only victims are a
    count, in a clause with a running-total cue, names no incident of its own (a strong
    trigger only with a cue that always means a running total: ``running_total``)."""
    patients = mention.patients
    return (
        bool(totals)
        and bool(patients)
        and all(p.tag_ in {"NNS", "NNPS", "CD"} for p in patients)
        and (
            _counts_a_total(mention.head, totals)
            # "13 deaths this year, with 18 more injuring themselves and 2 killing others"
            or _counts_a_total(mention.head.sent.root, totals)
        )
    )


def _is_spot(place: Span) -> bool:
    """A building, a numbered address or a place named as "the 800 block of …"."""
    if place.label_ == "FAC" or any(t.like_num for t in place):
        return True
    ancestors = list(place.root.ancestors)[:4]
    return any(a.lower_ == "block" for a in ancestors)


def _governed(token: Token, head: Token) -> bool:
    return token == head or head in token.ancestors


def _mentions_terror(mention: Mention) -> bool:
    words = {t.lower_ for t in mention.head.subtree}
    return bool(words & {"terrorist", "terror", "terrorists", "suicide", "militants", "jihadist"})


def _lists_events(mentions: list[Mention], finder: MentionFinder) -> bool:
    """Several strong triggers with people or things of their own in one sentence."""
    owners = [
        m
        for m in mentions
        if m.strong and not m.generic and any(finder.is_person(p) for p in m.patients)
    ]
    owners = [m for m in owners if not _describes_a_participant(m, owners)]
    patients = {p.i for m in owners for p in m.patients}
    return len(owners) >= 2 and len(patients) >= 2


_QUOTES = frozenset({'"', "“", "”", "``", "''"})
# names the tagger gives places, venues, firms and products: no antecedent of "he" or "she"
_NOT_PEOPLE_ENTS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "GPE", "LOC", "WORK_OF_ART"})


def _describes_a_participant(mention: Mention, others: list[Mention]) -> bool:
    """ "Four guests were shot, including a woman who was shot six times": a relative clause
    on a noun inside another event's clause tells more of someone in that event; it lists
    no event of its own."""
    return any(
        other is not mention and _on_a_participant(mention.head, other.head) for other in others
    )


def _on_a_participant(head: Token, other: Token) -> bool:
    """Whether ``head`` heads a relative clause on a noun inside ``other``'s clause, not on
    a noun coordinated with it ("a courier assaulted …, another sprayed …, and a man
    attacked": three events the parser chains by "and")."""
    if head.dep_ not in {"relcl", "acl"} or not other.is_ancestor(head.head):
        return False
    token = head.head
    while token != other:
        if token.dep_ == "conj":
            return False
        token = token.head
    return True


@dataclass(frozen=True)
class OutcomeWords:
    """The cue lists (``cues.jsonl``) that tell what an attack word did to its victims."""

    killing: frozenset[str]  # verb lemmas that kill (``outcome_killed``)
    # lemmas that wound: verbs (``outcome_injured``) and nouns (``wounding_nouns``)
    injuring: frozenset[str]
    wounding_nouns: frozenset[str]  # "shooting", "stabbing"
    fatal: frozenset[str]  # "fatal", "deadly" (``outcome_fatal``)
    not_fatal: frozenset[str]  # "non", "near" just before a fatal word (``not_fatal``)
    death_nouns: frozenset[str]  # "murder", "homicide" (``fatal_noun``)
    not_completed: frozenset[str]  # "attempted" (``not_completed``)
    charge_verbs: frozenset[str]  # "charge", "indict" (``charge_verb``)
    charge_nouns: frozenset[str]  # "charge", "count" (``charge_noun``)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> OutcomeWords:
        cue = lexicon.cue_set
        return cls(
            killing=cue("outcome_killed"),
            injuring=cue("outcome_injured") | cue("wounding_nouns"),
            wounding_nouns=cue("wounding_nouns"),
            fatal=cue("outcome_fatal"),
            not_fatal=cue("not_fatal"),
            death_nouns=cue("fatal_noun"),
            not_completed=cue("not_completed"),
            charge_verbs=cue("charge_verb"),
            charge_nouns=cue("charge_noun"),
        )


def _outcome(mention: Mention, words: OutcomeWords) -> str | None:
    """What happened to the mention's victims, when its word says so ("killed", "wounded",
    "the killing of", "the fatal shooting of", "charged with murder in the shooting of")."""
    # "was shot in the arm, returned fire and killed the gunman": a verb with an object of
    # its own after a passive one tells what the victim did to someone else
    object_or_passive = _has_object(mention.head) or any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in mention.head.children
    )
    hit_object = any(p.head == mention.head and p.dep_ in {"dobj", "obj"} for p in mention.patients)
    lemmas = {event_lemma(mention.head)} | {
        event_lemma(c)
        for c in _verbs_after(mention.head)
        if not (object_or_passive and (_has_object(c) or (c.dep_ == "conj" and hit_object)))
        and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
    }  # "shot and killed his wife", but "shot a student and then killed herself", "shot his
    # daughter and killed her mother" or "shot his neighbor and was killed by officers": the
    # one shot first was not killed (after a verb whose object is the victim, the next verb
    # tells of the subject; "suffered a wound and died" tells of the one wounded); nor were
    # "19 people" in "19 people were wounded and none died" (the verb has its own subject)
    # "the fatal shooting of", "shot to death", "suffered fatal injuries"
    wounds = [c for c in mention.head.children if c.dep_ in {"dobj", "obj"}]
    fatal = any(
        (c.lower_ in words.fatal and not hedged(c, words.not_fatal))
        or (c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
        for word in (mention.head, *wounds)
        for c in word.children
    )
    attempted = any(c.lower_ in words.not_completed for c in mention.head.children)
    if attempted and mention.head.pos_ == "NOUN":
        lemmas -= words.killing  # "the attempted murder of a man": he lived
    if lemmas & words.killing or fatal:
        return "killed"
    if _fired_upon(mention.head):
        return None  # "were shot at while driving": fired upon, not hit
    if _a_death_of(mention, words):
        return "killed"
    if lemmas & words.injuring:
        if mention.head.pos_ == "NOUN" and _charged_with_a_death(mention.head, words):
            return "killed"
        return "injured"
    return mention.outcome  # "a bullet struck her": its rule says she was hurt


def _verbs_after(head: Token) -> list[Token]:
    """The verbs that go on telling of the same subject: "shot and killed", "was found
    shot", and a longer run ("suffered a gunshot wound, was flown to a trauma center and was
    later pronounced dead"), where the parser hangs each verb on the one before."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in {"conj", "xcomp", "acomp"}:
            found.append(child)
            if child.dep_ == "conj" and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in child.children
            ):
                found += [g for g in _verbs_after(child) if g.dep_ == "conj"]
    return found


def _a_death_of(mention: Mention, words: OutcomeWords) -> bool:
    """ "the death of a man who was shot", "the murder of a woman found shot in her car": the
    one the clause describes is the one whose death the sentence is about; not "the attempted
    murder of", nor "the death of a man who shot his wife" (he is the shooter there)."""
    clause = mention.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head  # "found shot", "was shot and left"
    if clause.dep_ not in {"relcl", "acl"}:
        return False
    noun = clause.head
    if all(p.i != noun.i for p in mention.patients):
        return False
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return False
    return _names_a_death(of.head, words)


def _names_a_death(noun: Token, words: OutcomeWords) -> bool:
    """ "murder", "the death of": a ``fatal_noun`` that tells of a death done; not "attempted
    murder" (a ``not_completed`` word), nor one hedged ("was not murder")."""
    return (
        noun.lemma_.lower() in words.death_nouns
        and not any(c.lower_ in words.not_completed for c in noun.children)
        and not hedged(noun, words.not_fatal)
    )


def _charged_with_a_death(noun: Token, words: OutcomeWords) -> bool:
    """ "charged with murder in the shooting of a woman", "faces homicide charges in the
    stabbing of": a charge of a death (``charge_verb`` and ``fatal_noun`` cues) under the
    verb that governs the wounding noun says that the one hurt died; not "attempted murder",
    "was not murder", "not charged with murder", nor "treated as a homicide" (no charge)."""
    verb = _governing_verb(noun)
    if verb is None or verb.lemma_.lower() not in words.charge_verbs:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False

    def a_death(t: Token) -> bool:
        if t.dep_ == "compound" and t.head.lemma_.lower() not in words.charge_nouns:
            return False  # "a murder trial"; but "murder charges"
        return _names_a_death(t, words) and _governing_verb(t) == verb

    return any(a_death(t) for t in noun.sent if t.i != noun.i)


def _counted_before(
    actor: Actor, noun: Token, victims: Sequence[Actor], dead: Sequence[Actor] = ()
) -> Actor | None:
    """ "opened fire on four men … the men were all shot in the foot": a definite plural with
    no number of its own is the group counted earlier by the same noun, so it keeps that
    group's count rather than counting as one more person. Not a group told dead ("killing
    his wife and four daughters … accused of shooting his wife and their daughters"): the dead
    told again are left to the survivors' count, which knows them."""
    if actor.count is not None or noun.tag_ not in {"NNS", "NNPS"} or not _definite(noun):
        return None
    return next(
        (
            v
            for v in reversed(victims)
            if (v.count or 0) > 1 and v.text.split()[-1].lower() == noun.lower_ and v not in dead
        ),
        None,
    )


def _nobody(noun: Token) -> bool:
    """ "none", "nobody", "no one": no person at all."""
    return noun.lower_ in {"none", "nobody", "noone"} or (
        noun.lower_ == "one" and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    )


def _age_range(noun: Token) -> bool:
    """ "in their 20s", "from their late teens": an age, however person-like the noun."""
    return noun.text[:1].isdigit() or any(
        c.dep_ == "amod" and c.lower_ in {"late", "early", "mid"} for c in noun.children
    )


def _definite(noun: Token) -> bool:
    """ "the teen", "his wife": a phrase that names someone already known."""
    return any(c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE_WORDS for c in noun.children)


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token``: the clause a death noun and a wounding noun must
    share for one to tell of the other."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _main_clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause that an adverbial clause with ``pronoun`` as its subject
    hangs on ("X was hunting … when he was shot": X), when it comes first. A "when" or
    "after" clause mostly goes on about the person its main clause is about, whoever the
    nearest noun ("another boy") happens to be."""
    clause = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "advcl":
        return None
    subject = next((c for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject if subject is not None and subject.i < pronoun.i else None


def _fired_upon(verb: Token) -> bool:
    """ "A man and his son were shot at": "at" right after the verb with no object of its
    own says the shots were aimed at them; "shot at home" names where they were hit."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        following is not None
        and following.lower_ == "at"
        and following.head == verb
        and not any(c.dep_ == "pobj" for c in following.children)
        and not any(c.dep_ == "conj" for c in verb.children)  # "shot at and struck"
    )


def _denied(mention: Mention, not_completed: frozenset[str]) -> bool:
    """ "an attempted murder-suicide", "it was not a murder-suicide"."""
    start = mention.trigger.start
    before = mention.trigger.doc[start - 1].lower_ if start > 0 else ""
    heads = [mention.head, *mention.head.ancestors]
    return (
        mention.negated
        or before in not_completed
        or any(c.dep_ == "neg" for h in heads[:3] for c in h.children)
    )


def _ends_in_suicide(verb: Token) -> bool:
    """ "shot himself", "shot his son and then shot himself", "… before turning the gun on
    himself": the act the attacker ended by turning on himself."""
    chained = [c for c in verb.children if c.dep_ in {"conj", "advcl"}] + [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"
    ]  # "shot his sons before turning the gun on himself"
    return _self_directed(verb) or any(_self_directed(c) for c in chained)


def _self_directed(verb: Token) -> bool:
    """ "shot himself", "turned the gun on himself"."""
    return harms_self(verb) or any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in REFLEXIVE for g in c.children)
        for c in verb.children
    )


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj"} for c in verb.children)


HEADLINE_MAX = 200


def headline_length(text: str, lede_words: frozenset[str], caption_words: frozenset[str]) -> int:
    """Length of a headline line (no final full stop, followed by the body), else 0. A line
    whose main clause has "was" or "were" (``lede_words``), which headlines usually leave
    out ("Teenager was fatally shot late Friday outside a Birch Lane laundromat"), is the
    story's first sentence without its full stop, unless it is a photo caption or a video
    blurb (``caption_words``: "… was shot … View Full Caption"), which tells again what the
    body tells."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    line, newline, rest = stripped.partition("\n")
    line = line.rstrip()
    if (
        not newline
        or not rest.strip()
        or len(line) > HEADLINE_MAX
        or line[-1:] in {".", "!", "?", '"', "”"}
        or _lede(line, lede_words, caption_words)
    ):
        return 0
    return offset + len(line)


# a relative pronoun before "was" makes a clause of a noun phrase: "Woman who was shot dies"
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _lede(line: str, lede_words: frozenset[str], caption_words: frozenset[str]) -> bool:
    """Whether a line is a sentence with its full stop missing: its main clause has an
    auxiliary headlines leave out, and no word of a photo caption or a video blurb."""
    words = re.findall(r"[a-z]+", line.lower())
    if set(words) & caption_words:
        return False
    return any(
        word in lede_words and (i == 0 or words[i - 1] not in _RELATIVE_PRONOUNS)
        for i, word in enumerate(words)
    )


_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "ROOT"})


def _core_incident(sent: Span, assigned: dict[int, Draft]) -> Draft | None:
    """The one incident a sentence is about: "Police are treating the attack as a hate crime"
    (the attack is an argument of the main verb), not "the aftermath of the attack … ".
    """
    core = {
        id(draft): draft
        for i, draft in assigned.items()
        if sent.start <= i < sent.end
        and not draft.reference
        and (
            sent.doc[i].dep_ == "ROOT"
            or (sent.doc[i].dep_ in _CORE_DEPS and sent.doc[i].head.dep_ == "ROOT")
        )
    }
    return next(iter(core.values())) if len(core) == 1 else None


_NEGATORS = frozenset({"not", "no", "nothing", "never", "n't", "without", "neither", "nor"})


def _negated(token: Token) -> bool:
    """A cue under a negation: "there is nothing to suggest this was a hate crime"."""
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in ancestor.children):
            return True
        if ancestor.lower_ in _NEGATORS:
            return True
    return False
