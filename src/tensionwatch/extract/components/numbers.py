"""Reported numbers to ``Count`` values: "over 180" is more_than 180 (low 181), not 180."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from tensionwatch.extract.lexicon import Lexicon
from tensionwatch.models import Count, Evidence, Qualifier

_DIGITS = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$|^\d+$")
_MONTHS = frozenset(
    name.lower() for name in (*calendar.month_name, *calendar.month_abbr, "sept") if name
)
NOT_COUNT_WORDS = frozenset({"a", "an", "some", "many", "numerous", "few", "single"})


def is_number_token(token: Token, lexicon: Lexicon) -> bool:
    """Digits, number words and vague quantities ("dozens"), but not articles."""
    lower = token.lower_
    if lower == "-":
        return _joins_tens_and_units(token, lexicon)
    if lower in NOT_COUNT_WORDS:
        return False
    if token.like_num and not _looks_like_year_or_time(token):
        if lower.isalpha() and word_value(lower, lexicon) is None:
            return False  # "an eighth-grader", "a third victim": an ordinal ranks, not counts
        return (
            not _is_age(token)
            and not _measures_something_else(token, lexicon)
            and not _age_of_person(token, lexicon)
        )
    if lower in lexicon.numbers or lower in lexicon.vague_numbers:
        return not _is_age(token)
    parts = lower.split("-")
    return len(parts) > 1 and all(part in lexicon.numbers for part in parts) and not _is_age(token)


def _age_of_person(token: Token, lexicon: Lexicon) -> bool:
    """ "A boy, 14, was fatally shot", "the victim, 23, died": digits between commas right
    after a word for one person are that person's age."""
    doc = token.doc
    if token.i < 2 or token.i + 1 >= len(doc) or not token.text.isascii():
        return False
    person = doc[token.i - 2]
    return (
        doc[token.i - 1].text == ","
        and doc[token.i + 1].text == ","
        and person.tag_ == "NN"
        and person.lower_ in lexicon.actor_terms.get("person_noun", {})
    )


def _joins_tens_and_units(dash: Token, lexicon: Lexicon) -> bool:
    """The hyphen of "Twenty-five", which the tokenizer splits off: part of the number."""
    doc = dash.doc
    if dash.i == 0 or dash.i + 1 >= len(doc) or dash.whitespace_ or doc[dash.i - 1].whitespace_:
        return False
    tens, units = (
        word_value(doc[dash.i - 1].text, lexicon),
        word_value(doc[dash.i + 1].text, lexicon),
    )
    return (
        tens is not None
        and units is not None
        and 20 <= tens <= 90
        and tens % 10 == 0
        and 1 <= units <= 9
        and not _is_age(doc[dash.i + 1])
    )


def _measures_something_else(token: Token, lexicon: Lexicon) -> bool:
    """ "$10", "100m", "20%": money and measures; a house number; a name's number
    ("Precinct 5", ``numbered_name`` cues); "Image 1 of 8 An 11-year-old boy": a number before
    an article counts something before it, not the person after it."""
    if token.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
        return True
    if token.ent_type_ == "FAC" and token.head.pos_ == "PROPN":
        return True  # "killed at 2806 Long Lane": a house number
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    # the next word, past extra spaces ("Page 1 of 1  A teen") but not past a line break
    after = next(
        (t for t in doc[token.i + 1 : token.i + 3] if not (t.is_space and "\n" not in t.text)),
        None,
    )
    if before is not None and before.is_currency:
        return True
    if before is not None and before.lower_.rstrip(".") in lexicon.numbered_names:
        return True  # "Two Precinct 5 deputies were hit", "along Route 30": a name's number
    if before is not None and before.lower_ in {"a", "an"} and token.lower_ not in _ROUND:
        return True  # "an Eight Ball Crip", "a 40 caliber": a name or a measure, one thing
    if after is None:
        return False
    glued = doc[token.i + 1]  # "100m"; a line break after a number is a token of its own
    glued_unit = not token.whitespace_ and glued.is_alpha and not glued.like_num
    percent = after.text == "%" or after.lower_ in {"percent", "per"}
    caption = after.text in {"A", "An", "The"}  # "… 1 of 8 An 11-year-old", not "3 the next"
    # "a man clearing brush along I-75 was taken to a hospital": a number of many before a
    # verb of one is a name (a road, a route) in the subject, not the count of its people
    singular = after.lower_ in {"was", "is", "has"} and token.lower_ not in {"1", "one"}
    # "Photo 3 of 9 A woman died": the first number of a caption's "N of M" counts images
    total = doc[after.i + 1] if after.lower_ == "of" and after.i + 1 < len(doc) else None
    numbered = total is not None and total.like_num and _measures_something_else(total, lexicon)
    return glued_unit or percent or caption or singular or numbered


# "a hundred people", "a thousand": the article is the number's own "one"
_ROUND = frozenset({"hundred", "thousand", "million"})


def _looks_like_year_or_time(token: Token) -> bool:
    text = token.text
    if ":" in text:
        return True
    if _is_day_of_month(token):
        return True
    if not (text.isdigit() and len(text) == 4 and text[:2] in {"19", "20"}):
        return False
    if token.ent_type_ == "DATE":
        return True
    # "December 26, 2016 Jeffco teen dies": the tagger may end the date before its year
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text == "," and before.i > 0:
        before = doc[before.i - 1]
    return before is not None and before.ent_type_ == "DATE"


def _is_day_of_month(token: Token) -> bool:
    """ "shot on March 3 has died": the day after a month's name dates, it does not count."""
    text = token.text  # "¹" is a digit to str.isdigit, but no number to int()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 31 or token.i == 0:
        return False
    if token.dep_ == "nummod" and token.head.tag_ in {"NNS", "NNPS"}:
        return False  # "In May 5 people were wounded": it counts the people
    before = token.doc[token.i - 1]
    return before.lower_.rstrip(".") in _MONTHS


def word_value(text: str, lexicon: Lexicon) -> int | None:
    """Integer value of one number token ("1,200", "twenty-five", "12"); None if vague."""
    lower = text.lower()
    if _DIGITS.match(lower):
        return int(re.sub(r"[,.]", "", lower))
    if lower in lexicon.numbers:
        return lexicon.numbers[lower]
    parts = lower.split("-")
    if len(parts) > 1 and all(p in lexicon.numbers for p in parts):
        return sum(lexicon.numbers[p] for p in parts)
    return None


def run_value(tokens: Sequence[Token], lexicon: Lexicon) -> int | None:
    """Value of a run of number tokens: "two hundred" = 200, "a dozen" = 12, "two dozen" = 24."""
    total, current = 0, 0
    seen = False
    for token in tokens:
        value = word_value(token.text, lexicon)
        if value is None:
            continue
        seen = True
        if token.lower_ in {"dozen", "hundred", "thousand"}:  # "two dozen" = 24
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    if not seen:
        return None
    value = total + current
    return value // 2 if _halved(tokens[0]) and value % 2 == 0 else value


def _halved(first: Token) -> bool:
    """ "a half-dozen people", "half a dozen": "half" before a round number the run begins
    with takes half of it (6, not 12)."""
    if first.lower_ not in {"dozen", "hundred", "thousand"}:
        return False
    doc = first.doc
    before = [doc[i] for i in range(max(first.i - 2, 0), first.i)]
    if before and before[-1].lower_ == "half":
        return True
    return len(before) == 2 and before[0].lower_ == "half" and before[1].lower_ in {"-", "a"}


def parse_count(span: Span, lexicon: Lexicon, *, singular: bool = False) -> Count | None:
    """Read the number, qualifier and bounds from a matched casualty phrase."""
    run = _first_number_run(span, lexicon)
    evidence = (Evidence(span.start_char, span.end_char, span.text),)
    if not run:
        if singular:
            return Count(1, Qualifier.EXACT, 1, 1, evidence=evidence)
        return None
    qualifier = _qualifier_before(run[0], lexicon) or _qualifier_after(run[-1], lexicon)
    vague = lexicon.vague_numbers.get(run[-1].lower_)
    if vague is not None:
        multiplier = run_value(run[:-1], lexicon) or 1
        low, high = vague.low * multiplier, vague.high * multiplier
        return Count(low, Qualifier.ABOUT, low, high, evidence=evidence)
    value = run_value(run, lexicon)
    if value is None:
        return None
    q = Qualifier(qualifier) if qualifier else Qualifier.EXACT
    lower, upper = _bounds(value, q)
    return Count(value, q, lower, upper, evidence=evidence)


def _bounds(value: int, qualifier: Qualifier) -> tuple[int | None, int | None]:
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.UP_TO:
        return None, value
    return None, None


def _first_number_run(span: Span, lexicon: Lexicon) -> list[Token]:
    """The first run of number words; "Image 6 of 6 Four shot": a numeral before a number
    of its own is no part of it ("twenty five", "3 dozen" and "2 million" are one number,
    "10 Five" is two), so the run starts again at the later one."""
    run: list[Token] = []
    for token in span:
        if is_number_token(token, lexicon) or (run and token.lower_ in {"hundred", "thousand"}):
            if run and run[-1].text[:1].isdigit() and token.lower_ not in _MULTIPLIERS:
                run = []
            run.append(token)
        elif run:
            break
    return run


# words that multiply the number before them ("3 dozen", "2 million"): the round numbers
# and "dozen"
_MULTIPLIERS = _ROUND | {"dozen"}


def _qualifier_before(first: Token, lexicon: Lexicon) -> str | None:
    doc = first.doc
    for width in (3, 2, 1):
        start = first.i - width
        if start < 0:
            continue
        phrase = doc[start : first.i].text.lower()
        if phrase in lexicon.qualifiers:
            return lexicon.qualifiers[phrase]
    return None


def _qualifier_after(last: Token, lexicon: Lexicon) -> str | None:
    """ "two or more family members": the phrase after the number (of one or two words, as
    ``qualifiers.jsonl`` has them) bounds it."""
    doc = last.doc
    for width in (2, 1):
        phrase = doc[last.i + 1 : last.i + 1 + width].text.lower()
        if phrase in lexicon.trailing_qualifiers:
            return lexicon.trailing_qualifiers[phrase]
    return None


_UNITS = ("year", "month", "week", "day")
# "17-year-old", "2 months old", "3 yr-old"; the shorthand "a 4 y/o girl", "17 y.o" is
# matched on the tokens after the number joined without spaces ("y/ogirl", "y.okilled")
_AGE_AFTER = re.compile(r"-?(year|month|week|day)s?-?old|-?yrs?-?old|y[./]o")


def _is_age(token: Token) -> bool:
    """ "17" in "a 17-year-old man", "an 11 year-old boy", "a 2 year old" or "a 3-week-old
    baby" is an age, not a count of people."""
    doc = token.doc
    if any(f"-{unit}" in token.lower_ for unit in _UNITS):
        return True
    if _age_after_name(token):
        return True
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"yo", "yo.", "yrs", "yr"}:
        return True  # "4 yo boy shot", "a 17 yr old"
    following = "".join(t.lower_ for t in doc[token.i + 1 : token.i + 4])
    hyphen = doc[token.i + 1 : token.i + 2].text == "-"
    if hyphen and not token.whitespace_ and token.i + 2 < len(doc) and doc[token.i + 2].like_num:
        return _is_age(doc[token.i + 2])  # "Twenty-five-day-old"
    return bool(_AGE_AFTER.match(following)) or (hyphen and following[1:].startswith(_UNITS))


def _age_after_name(token: Token) -> bool:
    """ "Ginger Reeves, 64, and …", "Johnny Davis, 19, was …": a number set off by a comma
    right after a person's name is the person's age."""
    doc = token.doc
    if token.i < 2 or not (token.text.isascii() and token.text.isdigit()) or int(token.text) > 120:
        return False
    comma, name = doc[token.i - 1], doc[token.i - 2]
    return (
        comma.text == ","
        and name.ent_type_ not in {"GPE", "LOC", "FAC", "ORG"}
        and (name.ent_type_ == "PERSON" or name.tag_ == "NNP")
    )
