"""spaCy factory registrations. Names are versioned: behaviour never changes under an old name.

Registered both through the decorator (when tensionwatch is imported) and through the
``spacy_factories`` entry point (so ``spacy.load`` of a saved pipeline finds it).
"""

from __future__ import annotations

from spacy.language import Language

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
