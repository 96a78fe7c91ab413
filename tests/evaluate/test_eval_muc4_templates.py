"""Templates from tagged role spans and window types (no model needed)."""

from __future__ import annotations

from tensionwatch.evaluate.muc4_templates import TemplateOptions, build_templates
from tensionwatch.extract.roles.labels import INCIDENT_TYPES, RoleSpan
from tensionwatch.extract.roles.tagger import RoleAnalysis, WindowTypes

TEXT = (
    "TERRORISTS BOMBED THE EMBASSY WITH DYNAMITE. "  # 0..44
    "LATER, GUERRILLAS KIDNAPPED THE MAYOR OF THE TOWN. "  # 45..
    "THE TERRORISTS FLED."
)


def probs(**values: float) -> tuple[float, ...]:
    return tuple(values.get(kind.replace(" ", "_"), 0.0) for kind in INCIDENT_TYPES)


def span(text: str, role: str, nth: int = 0, score: float = 0.9) -> RoleSpan:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return RoleSpan(start, start + len(text), role, score)


SPANS = (
    span("TERRORISTS", "PerpInd"),
    span("EMBASSY", "Target"),
    span("DYNAMITE", "Weapon"),
    span("GUERRILLAS", "PerpInd"),
    span("MAYOR OF THE TOWN", "Victim"),
    span("TERRORISTS", "PerpInd", nth=1),
)
WINDOWS = (
    WindowTypes(0, 44, probs(bombing=0.9, kidnapping=0.1)),
    WindowTypes(45, len(TEXT), probs(bombing=0.2, kidnapping=0.8)),
)


def test_muc4_templates_one_template_per_reported_type_entities_by_local_type() -> None:
    templates = build_templates(TEXT, RoleAnalysis(SPANS, WINDOWS))
    by_type = {t.incident_type: t for t in templates}
    assert set(by_type) == {"bombing", "kidnapping"}
    bombing, kidnapping = by_type["bombing"], by_type["kidnapping"]
    assert bombing.entities("PerpInd") == (("TERRORISTS",),)  # the repeat is the same entity
    assert bombing.entities("Target") == (("EMBASSY",),)
    assert bombing.entities("Weapon") == (("DYNAMITE",),)
    assert kidnapping.entities("PerpInd") == (("GUERRILLAS",),)
    assert kidnapping.entities("Victim") == (("MAYOR OF THE TOWN",),)


def test_muc4_templates_no_reported_type_means_no_template() -> None:
    quiet = (WindowTypes(0, len(TEXT), probs(bombing=0.3)),)
    assert build_templates(TEXT, RoleAnalysis(SPANS, quiet)) == []
    assert build_templates(TEXT, RoleAnalysis(SPANS, quiet), TemplateOptions(type_threshold=0.25))


def test_muc4_templates_low_scoring_spans_are_dropped() -> None:
    weak = (*SPANS[:2], RoleSpan(SPANS[2].start, SPANS[2].end, "Weapon", 0.3))
    (template,) = build_templates(
        TEXT[:44], RoleAnalysis(weak, WINDOWS[:1]), TemplateOptions(min_span_score=0.5)
    )
    assert template.entities("Weapon") == ()
    assert template.entities("Target") == (("EMBASSY",),)


def test_muc4_templates_acronym_in_parentheses_and_plural_join_their_entity() -> None:
    text = (
        "MEMBERS OF THE NATIONAL LIBERATION ARMY (ELN) ATTACKED A PATROL. THE ELN GUERRILLAS "
        "AND OTHER GUERRILLA UNITS FLED."
    )

    def at(mention: str, role: str, nth: int = 0) -> RoleSpan:
        start = -1
        for _ in range(nth + 1):
            start = text.index(mention, start + 1)
        return RoleSpan(start, start + len(mention), role, 0.9)

    spans = (
        at("NATIONAL LIBERATION ARMY", "PerpOrg"),
        at("ELN", "PerpOrg"),
        at("ELN", "PerpOrg", nth=1),
        at("GUERRILLAS", "PerpInd"),
        at("GUERRILLA", "PerpInd", nth=1),
    )
    windows = (WindowTypes(0, len(text), probs(attack=0.9)),)
    merging = TemplateOptions(merge_variants=True)
    (template,) = build_templates(text, RoleAnalysis(spans, windows), merging)
    assert template.entities("PerpOrg") == (("NATIONAL LIBERATION ARMY",),)
    assert template.entities("PerpInd") == (("GUERRILLAS",),)
    (separate,) = build_templates(text, RoleAnalysis(spans, windows))
    assert len(separate.entities("PerpOrg")) == 2


def test_muc4_templates_rule_incidents_with_tagged_victims(make_incident, fake_extractor) -> None:
    from datetime import date

    from tensionwatch.evaluate import muc4
    from tensionwatch.evaluate.muc4_templates import RuleTemplate
    from tensionwatch.models import Evidence

    text = (
        "A BOMB EXPLODED AT THE BANK IN LIMA, KILLING A GUARD. "  # 0..53
        "IN A SEPARATE INCIDENT, DYNAMITE DAMAGED A BRIDGE IN CUZCO AND HURT A DRIVER. "  # 54..
        "POLICE BLAMED THE BANK ATTACK ON SHINING PATH."
    )

    def at(mention: str, role: str) -> RoleSpan:
        start = text.index(mention)
        return RoleSpan(start, start + len(mention), role, 0.9)

    tagged = (at("GUARD", "Victim"), at("DRIVER", "Victim"), at("BRIDGE", "Target"))
    windows = (WindowTypes(0, len(text), probs(bombing=0.95)),)
    second_start = text.index("IN A SEPARATE")
    third_start = text.index("POLICE")
    first = Evidence(0, 53, text[0:53])
    second = Evidence(second_start, third_start - 1, text[second_start : third_start - 1])
    incidents = [
        make_incident("bombing", id="a", sentences=(first,), targets=["BANK"], victims=["MAN"]),
        make_incident("bombing", id="b", sentences=(second,), weapons=["DYNAMITE"]),
        make_incident("vandalism", id="c", sentences=(first,)),  # no MUC-4 type: no template
    ]
    rules = muc4.rule_templates(incidents)
    assert [r.template.incident_type for r in rules] == ["bombing", "bombing"]
    assert [r.ranges for r in rules] == [((0, 53),), ((second_start, third_start - 1),)]
    assert isinstance(rules[0], RuleTemplate)
    doc = muc4.MucDoc("TST1-MUC3-0009", text, date(1990, 1, 2), (), {})
    extract = fake_extractor({"TST1-MUC3-0009": incidents})
    victims_only = TemplateOptions(tagged_roles=("Victim",))
    (templates,) = muc4.predict_muc4_tagged(
        [doc], lambda _: RoleAnalysis(tagged, windows), extract, victims_only
    ).values()
    # targets and weapons from the rules, victims from the tagger, each in its own incident
    assert [t.entities("Target") for t in templates] == [(("BANK",),), ()]
    assert [t.entities("Victim") for t in templates] == [(("GUARD",),), (("DRIVER",),)]
    assert templates[1].entities("Weapon") == (("DYNAMITE",),)
    (default,) = muc4.predict_muc4_tagged(
        [doc], lambda _: RoleAnalysis(tagged, windows), extract
    ).values()
    assert [t.entities("Target") for t in default] == [(), (("BRIDGE",),)]  # tagger's targets
    # a document the tagger finds irrelevant gets no template, whatever the rules found
    quiet = (WindowTypes(0, len(text), probs(bombing=0.1)),)
    assert muc4.predict_muc4_tagged([doc], lambda _: RoleAnalysis(tagged, quiet), extract) == {
        "TST1-MUC3-0009": []
    }
    # no rule incident: the tagger's entities alone
    nothing = fake_extractor({})
    (alone,) = muc4.predict_muc4_tagged(
        [doc], lambda _: RoleAnalysis(tagged, windows), nothing
    ).values()
    assert [t.incident_type for t in alone] == ["bombing"]
    assert alone[0].entities("Target") == (("BRIDGE",),)
