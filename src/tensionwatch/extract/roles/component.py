"""The registered spaCy component ``tensionwatch_roles_v1``: trained role-filler spans.

Usable in any pipeline, blank ones included (it reads only ``doc.text``)::

    nlp.add_pipe("tensionwatch_roles_v1")
    doc = nlp(text)
    doc.spans["tw_roles"]          # spans labelled PerpInd, PerpOrg, Target, Victim, Weapon
    doc._.tw_role_types            # {"bombing": 0.97, "attack": 0.12, ...}

Why a separate component from the rule extractor: it is a statistical model trained on MUC-4
conventions, so it is opt-in (``ExtractorOptions`` does not add it); the MUC-4 adapter and
users who want its spans add it. Span scores are in ``doc.spans["tw_roles"].attrs``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tensionwatch.extract.roles.tagger import RoleTagger, TaggerOptions

ROLES_FACTORY = "tensionwatch_roles_v1"

if not Doc.has_extension("tw_role_types"):
    Doc.set_extension("tw_role_types", default=None)


class RoleComponent:
    def __init__(self, tagger: RoleTagger, name: str = "tensionwatch_roles") -> None:
        self.name = name
        self.tagger = tagger

    def __call__(self, doc: Doc) -> Doc:
        analysis = self.tagger.analyze(doc.text)
        spans = []
        scores = []
        for found in analysis.spans:
            span = doc.char_span(found.start, found.end, label=found.role, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                scores.append(round(found.score, 4))
        doc.spans["tw_roles"] = spans
        doc.spans["tw_roles"].attrs["scores"] = scores
        doc._.tw_role_types = analysis.type_probabilities()
        return doc


@Language.factory(
    ROLES_FACTORY,
    assigns=["doc.spans", "doc._.tw_role_types"],
    requires=[],
    default_config={"threads": 1},
)
def make_role_component(nlp: Language, name: str, threads: int) -> RoleComponent:
    return RoleComponent(RoleTagger(TaggerOptions(threads=threads)), name)
