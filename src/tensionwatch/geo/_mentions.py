"""Find country and region names in running text (the cheap part of ``context_from_text``).

The text is cut into word tokens once; every run of up to ``max_words`` tokens is looked up
in a dict of known forms, longest first, so "New Mexico" is a US state and never Mexico, and
"Papua New Guinea" never Guinea. Case rules keep common words out: in mixed-case text a name
must be capitalised and an acronym ("US", "UK") must be upper case; in upper-case text
(MUC-4 wires) forms marked ``not_in_upper_case_text`` ("US" = "us") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tensionwatch.geo._text import fold_preserving

_TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?")
# Words before an ambiguous name ("Jordan", "Chad") that make it a place.
LOCATIVES = frozenset(
    {"in", "into", "from", "to", "of", "across", "inside", "outside", "near", "at", "through"}
    | {"via", "visit", "visited"}
)


# A name followed by one of these words names a city or county, not the country or state.
_NOT_AFTER = frozenset({"city", "county", "parish", "township"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    country: str
    admin1: str | None  # set for a region (US state) mention
    rule: str | None  # the ambiguity rule of the form, if any


@dataclass(frozen=True, slots=True)
class _Form:
    country: str
    admin1: str | None
    after_comma: bool  # abbreviations ("Ill.", "OH") count only as ", Ill."
    acronym: bool
    rule: str | None


def _form_key(form: str) -> str:
    return " ".join(m.group().lower() for m in _TOKEN.finditer(fold_preserving(form)))


class MentionScanner:
    """Country and region names → ``Mention``s, built once per gazetteer."""

    def __init__(
        self,
        *,
        countries: list[tuple[str, str]],
        regions: list[tuple[str, str, str]],
        postal_country: str,
        ambiguous: dict[str, str],
    ) -> None:
        """``countries``: (form, ISO2); ``regions``: (form, ISO2, admin1 code), where the
        admin1 codes of ``postal_country`` also count as postal abbreviations (", OH")."""
        self._forms: dict[str, list[_Form]] = {}
        rules = {_form_key(name): rule for name, rule in ambiguous.items()}
        for form, iso2 in countries:
            self._add(form, iso2, None, rules)
        for form, iso2, code in regions:
            self._add(form, iso2, code, rules)
            postal = code.partition("-")[2]
            if postal and iso2 == postal_country and form != postal:
                self._add(postal, iso2, code, rules, after_comma=True)
        self.max_words = max((key.count(" ") + 1 for key in self._forms), default=1)

    def _add(
        self,
        form: str,
        country: str,
        admin1: str | None,
        rules: dict[str, str],
        *,
        after_comma: bool = False,
    ) -> None:
        if "," in form or "(" in form or len(form) < 2:
            return
        key = _form_key(form)
        if not key:
            return
        letters = form.replace(".", "")
        abbreviation = after_comma or (form.endswith(".") and admin1 is not None)
        acronym = letters.isupper() and len(letters) <= 4
        entry = _Form(country, admin1, abbreviation, acronym, rules.get(key))
        bucket = self._forms.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def scan(self, text: str) -> list[Mention]:
        folded = fold_preserving(text)
        tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(folded)]
        letters = [c for c in text[:5000] if c.isalpha()]
        upper_text = bool(letters) and sum(c.isupper() for c in letters) > 0.9 * len(letters)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._longest(tokens, i)
            if found is None:
                i += 1
                continue
            length, start, end, forms = found
            surface = text[start:end]
            previous = tokens[i - 1][2] if i > 0 else ""
            following = tokens[i + length][2] if i + length < len(tokens) else ""
            if following in _NOT_AFTER:  # "Kansas City", "Indiana County": not the state
                i += length
                continue
            after_comma = text[max(0, start - 2) : start].endswith(", ") or (
                text[max(0, start - 1) : start] == ","
            )
            for form in forms:
                if self._accepted(form, surface, upper_text, previous, after_comma):
                    mentions.append(
                        Mention(start, end, surface, form.country, form.admin1, form.rule)
                    )
            i += length
        return mentions

    def _longest(
        self, tokens: list[tuple[int, int, str]], i: int
    ) -> tuple[int, int, int, list[_Form]] | None:
        for length in range(min(self.max_words, len(tokens) - i), 0, -1):
            words = [token[2] for token in tokens[i : i + length]]
            start, end = tokens[i][0], tokens[i + length - 1][1]
            key = " ".join(words)
            forms = self._forms.get(key)
            if forms is None and key.endswith("."):
                forms = self._forms.get(key[:-1])
                end -= 1
            if forms:
                return length, start, end, forms
        return None

    @staticmethod
    def _accepted(
        form: _Form, surface: str, upper_text: bool, previous: str, after_comma: bool
    ) -> bool:
        if form.after_comma and not after_comma:
            return False
        if upper_text:  # "US" is "us"; ", IN THE" is not Indiana
            if form.rule == "not_in_upper_case_text" or (form.after_comma and form.acronym):
                return False
        elif not surface[:1].isupper() or (form.acronym and surface != surface.upper()):
            return False
        return not (form.rule == "needs_locative" and previous not in LOCATIVES)
