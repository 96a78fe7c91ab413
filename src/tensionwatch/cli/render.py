"""Rich renderings of incidents: a compact table and a detail view that quotes the evidence."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tensionwatch.models import Actor, Article, Count, Evidence, Incident

CONTEXT_CHARS = 60


def count_text(count: Count | None) -> str:
    if count is None:
        return ""
    prefix = {
        "exact": "",
        "at_least": "≥",
        "more_than": ">",
        "about": "~",
        "up_to": "≤",
    }[count.qualifier.value]
    return f"{prefix}{count.value}"


def actors_text(actors: Sequence[Actor]) -> str:
    return "; ".join(a.text for a in actors)


def incidents_table(incidents: Sequence[Incident], *, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    for column in (
        "id",
        "type",
        "date",
        "place",
        "victims",
        "perpetrators",
        "weapons",
        "killed",
        "injured",
        "bias",
    ):
        table.add_column(column, overflow="fold")
    for incident in incidents:
        date = incident.date.end.isoformat() if incident.date and incident.date.end else ""
        if incident.date and incident.date.precision.value == "on_or_before":
            date = f"≤{date}"
        place = ", ".join(
            filter(
                None,
                (
                    (p.resolved or p.name) + (f" ({p.country})" if p.country else "")
                    for p in incident.places
                ),
            )
        )
        bias = ""
        if incident.bias.motivated:
            bias = f"{incident.bias.characteristic or ''}: {', '.join(incident.bias.groups)}".strip(
                ": "
            )
        kind = incident.type.value + (" ⚑terror" if incident.is_terrorism else "")
        table.add_row(
            incident.id[:8],
            kind,
            date,
            place,
            actors_text(incident.victims),
            actors_text(incident.perpetrators or incident.suspects),
            ", ".join(w.text for w in incident.weapons),
            count_text(incident.killed),
            count_text(incident.injured),
            bias,
        )
    return table


def quote(evidence: Evidence, article: Article | None) -> Text:
    """The evidence in its sentence context, the supporting words highlighted."""
    source = (
        None if article is None else article.title if evidence.field == "title" else article.text
    )
    if source is None or source[evidence.start : evidence.end] != evidence.text:
        return Text(f"“{evidence.text}”")
    text = source
    left = max(0, evidence.start - CONTEXT_CHARS)
    right = min(len(text), evidence.end + CONTEXT_CHARS)
    out = Text("…" if left else "")
    out.append(text[left : evidence.start].replace("\n", " "))
    out.append(text[evidence.start : evidence.end], style="bold yellow")
    out.append(text[evidence.end : right].replace("\n", " "))
    out.append("…" if right < len(text) else "")
    return out


def incident_detail(incident: Incident, article: Article | None) -> Panel:
    rows: list[tuple[str, str, Sequence[Evidence]]] = [
        ("type", incident.type.value, incident.evidence)
    ]
    rows.append(("terrorism", "yes" if incident.is_terrorism else "no", ()))
    if incident.date:
        span = (
            f"{incident.date.start or ''}…{incident.date.end or ''} "
            f"({incident.date.precision.value})"
        )
        rows.append(("date", span, incident.date.evidence))
    for place in incident.places:
        label = place.name + (
            f" → {place.resolved}" if place.resolved and place.resolved != place.name else ""
        )
        rows.append(
            ("place", f"{label} [{place.country or '?'}; {place.precision.value}]", place.evidence)
        )
    for role, actors in (
        ("victim", incident.victims),
        ("perpetrator", incident.perpetrators),
        ("suspect", incident.suspects),
        ("claimed by", incident.claimed_by),
    ):
        for actor in actors:
            attrs = ", ".join(
                f"{k}={v}"
                for k, v in (
                    ("nationality", actor.nationality),
                    ("ethnicity", actor.ethnicity),
                    ("religion", actor.religion),
                    ("occupation", actor.occupation),
                    ("gender", actor.gender),
                    ("age", actor.age_group),
                    ("affiliation", actor.affiliation),
                    ("count", actor.count),
                    ("arrested", actor.arrested),
                )
                if v is not None
            )
            rows.append((role, f"{actor.text} ({attrs})" if attrs else actor.text, actor.evidence))
    for weapon in incident.weapons:
        rows.append(("weapon", f"{weapon.text} [{weapon.category}]", weapon.evidence))
    for target in incident.targets:
        rows.append(("target", f"{target.text} [{target.category}]", target.evidence))
    for name, count in (("killed", incident.killed), ("injured", incident.injured)):
        if count is not None:
            note = f" ({count.note})" if count.note else ""
            rows.append((name, f"{count.qualifier.value} {count.value}{note}", count.evidence))
    if incident.bias.motivated is not None:
        bias = (
            f"motivated={incident.bias.motivated} {incident.bias.characteristic or ''} "
            f"{list(incident.bias.groups)} motive={list(incident.bias.motive)}"
        )
        rows.append(("bias", bias, incident.bias.evidence))
    for cue in incident.retaliation_cues[:2]:
        rows.append(("retaliation cue", cue.text, (cue,)))
    table = Table(show_header=False, box=None, expand=True)
    table.add_column("field", style="cyan", no_wrap=True)
    table.add_column("value")
    for name, value, evidence in rows:
        cell = Text(value)
        for item in evidence[:2]:
            cell.append("\n   ")
            cell.append(quote(item, article))
        table.add_row(name, cell)
    title = f"incident {incident.id} · confidence {incident.confidence:.2f}"
    return Panel(Group(table), title=title, subtitle=incident.extractor_version)
