"""spaCy factory registrations. Names are versioned: behaviour never changes under an old name.

Registered both through the decorator (when tensionwatch is imported) and through the
``spacy_factories`` entry point (so ``spacy.load`` of a saved pipeline finds it).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from tensionwatch.extract.component import IncidentExtractor

FACTORY_NAME = "tensionwatch_incidents_v1"


@Language.factory(
    FACTORY_NAME,
    assigns=["doc._.tw_incidents", "doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    default_config={},
)
def make_incident_extractor(nlp: Language, name: str) -> IncidentExtractor:
    return IncidentExtractor(nlp, name)


PARAGRAPHS_NAME = "tensionwatch_paragraphs_v1"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component(PARAGRAPHS_NAME)
def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence. The parser runs lines across one when the next paragraph
    opens with a number or a lower-case word ("… Thursday night.\\n\\n17-year-old Tyricco
    Simmons shot …"), and one sentence then seems to list two incidents."""
    text = doc.text  # built anew on each access
    end = None  # where the last word ended
    for token in doc:
        if token.is_space:
            continue
        if end is not None and _BLANK_LINE.search(text, end, token.idx):
            token.is_sent_start = True
        end = token.idx + len(token.text)
    return doc
