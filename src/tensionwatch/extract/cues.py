"""Phrase-level finds that are not events themselves: weapons, physical targets and cue phrases
(terrorism, retaliation, motive, arrest, claim), each a ``Hit`` with its span."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from tensionwatch.extract.lexicon import Lexicon

_INSTRUMENT_PREPS = frozenset({"with", "using", "by"})
_INSTRUMENT_VERBS = frozenset(
    {"use", "wield", "brandish", "throw", "hurl", "carry", "arm", "fire", "swing", "hit", "strike"}
)
CUE_KINDS = (
    "terrorism",
    "retaliation",
    "motive",
    "not_bias",
    "arrest",
    "claim",
    "separate",
    "aggregate",
)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # weapon category, target category or cue kind
    span: Span

    @property
    def root(self) -> Token:
        return self.span.root


class PhraseFinder:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.weapons = _matcher(nlp, lexicon.weapons)
        self.targets = _matcher(nlp, lexicon.targets)
        cue_terms = {phrase: kind for kind in CUE_KINDS for phrase in lexicon.cues.get(kind, ())}
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in CUE_KINDS:
            phrases = [p for p, k in cue_terms.items() if k == kind]
            self.cues.add(kind, [nlp.make_doc(p) for p in phrases])
        self._cue_terms = cue_terms

    def weapons_in(self, doc: Doc) -> list[Hit]:
        hits = _longest(doc, self.weapons)
        return [
            h for h in hits if h.kind not in self.lexicon.instrument_only or is_instrument(h.span)
        ]

    def targets_in(self, doc: Doc) -> list[Hit]:
        return _longest(doc, self.targets)

    def cues_in(self, doc: Doc) -> list[Hit]:
        hits = [
            Hit(doc.vocab.strings[match_id], doc[start:end])
            for match_id, start, end in self.cues(doc)
        ]
        return _drop_nested(hits)


def is_instrument(span: Span) -> bool:
    """Ambiguous weapon words ("bat", "van") count only when used as an instrument."""
    token = span.root
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in _INSTRUMENT_PREPS:
            return True
        if token.dep_ in {"dobj", "obj"} and token.head.lemma_ in _INSTRUMENT_VERBS:
            return True
        if token.dep_ == "compound" and token.head.lemma_ in {"attack", "assault", "beating"}:
            return True
        if token.head == token:
            break
        token = token.head
    return False


def _matcher(nlp: Language, terms: dict[str, str]) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_kind: dict[str, list[str]] = {}
    for term, kind in terms.items():
        by_kind.setdefault(kind, []).append(term)
    for kind, phrases in by_kind.items():
        matcher.add(kind, [nlp.make_doc(p) for p in phrases])
    return matcher


def _longest(doc: Doc, matcher: PhraseMatcher) -> list[Hit]:
    hits = [Hit(doc.vocab.strings[m], doc[s:e]) for m, s, e in matcher(doc)]
    return _drop_nested(hits)


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    hits = sorted(hits, key=lambda h: (h.span.start, -len(h.span)))
    kept: list[Hit] = []
    last_end = -1
    for hit in hits:
        if hit.span.start >= last_end:
            kept.append(hit)
            last_end = hit.span.end
    return kept
