"""Exporters: JSON Lines (the public JSON contract) and ACLED-like CSV.

Each exporter streams incidents from the store and returns how many it wrote.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import TextIO

from tensionwatch.models import SCHEMA_VERSION, Incident
from tensionwatch.serialize import to_dict
from tensionwatch.store.repository import Store

Exporter = Callable[[Store, TextIO], int]

CSV_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "is_terrorism",
    "actor1",
    "actor1_nationality",
    "victims",
    "victim_nationality",
    "victim_occupation",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "weapons",
    "fatalities",
    "fatalities_qualifier",
    "injured",
    "injured_qualifier",
    "claimed_by",
    "bias_motivated",
    "bias_groups",
    "motive",
    "source_article",
    "source_url",
    "notes",
    "confidence",
)

# ACLED's event types, for analysts who merge our exports with ACLED data.
ACLED_TYPES = {
    "armed_attack": ("Violence against civilians", "Attack"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "arson": ("Riots", "Mob violence"),
    "assault": ("Violence against civilians", "Attack"),
    "killing": ("Violence against civilians", "Attack"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
    "robbery": ("Strategic developments", "Looting/property destruction"),
    "vandalism": ("Strategic developments", "Looting/property destruction"),
    "threat_harassment": ("Strategic developments", "Other"),
    "mass_casualty_attack": ("Violence against civilians", "Attack"),
}


def export_jsonl(store: Store, out: TextIO) -> int:
    count = 0
    for incident in store.iter_incidents():
        record = {"schema_version": SCHEMA_VERSION, **to_dict(incident)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_row(incident: Incident, url: str | None) -> dict[str, object]:
    place = incident.places[0] if incident.places else None
    perp = incident.perpetrators[0] if incident.perpetrators else None
    event_type, sub_type = ACLED_TYPES[incident.type.value]
    date = incident.date
    return {
        "event_id_cnty": incident.id,
        "event_date": date.end.isoformat() if date and date.end else "",
        "date_precision": date.precision.value if date else "",
        "event_type": event_type,
        "sub_event_type": f"{sub_type} ({incident.type.value})",
        "is_terrorism": int(incident.is_terrorism),
        "actor1": perp.text if perp else "",
        "actor1_nationality": perp.nationality or "" if perp else "",
        "victims": "; ".join(v.text for v in incident.victims),
        "victim_nationality": "; ".join(v.nationality or "" for v in incident.victims),
        "victim_occupation": "; ".join(v.occupation or "" for v in incident.victims),
        "country": place.country or "" if place else "",
        "location": (place.resolved or place.name) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": place.precision.value if place else "",
        "weapons": "; ".join(f"{w.text} ({w.category})" for w in incident.weapons),
        "fatalities": incident.killed.value if incident.killed else "",
        "fatalities_qualifier": incident.killed.qualifier.value if incident.killed else "",
        "injured": incident.injured.value if incident.injured else "",
        "injured_qualifier": incident.injured.qualifier.value if incident.injured else "",
        "claimed_by": "; ".join(c.text for c in incident.claimed_by),
        "bias_motivated": "" if incident.bias.motivated is None else int(incident.bias.motivated),
        "bias_groups": "; ".join(incident.bias.groups),
        "motive": "; ".join(incident.bias.motive),
        "source_article": incident.article_id,
        "source_url": url or "",
        "notes": " | ".join(s.text for s in incident.sentences)[:1000],
        "confidence": incident.confidence,
    }


def export_csv(store: Store, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    urls: dict[str, str | None] = {}
    count = 0
    for incident in store.iter_incidents():
        if incident.article_id not in urls:
            article = store.get_article(incident.article_id)
            urls[incident.article_id] = article.url if article else None
        writer.writerow(csv_row(incident, urls[incident.article_id]))
        count += 1
    return count


EXPORTERS: dict[str, Exporter] = {"jsonl": export_jsonl, "csv": export_csv}
