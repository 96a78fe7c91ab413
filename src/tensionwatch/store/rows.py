"""Records ↔ table rows (pure functions; the SQL itself lives in ``repository``).

Rows are dicts only here, at the I/O edge, and become dataclasses right away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from tensionwatch.models import Actor, Alert, Article, Correction, Event, Incident, Link
from tensionwatch.serialize import from_dict, to_dict
from tensionwatch.store.records import (
    Decision,
    DecisionKind,
    EventMember,
    ExtractionRecord,
    ExtractionStatus,
)


def article_row(article: Article, ingested_at: datetime) -> dict[str, Any]:
    """The row of an article; ``ingested_at`` fills in when the ingester left it unset."""
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "ingested_at": article.ingested_at or ingested_at,
    }


def to_article(row: Mapping[Any, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        ingested_at=row["ingested_at"],
    )


def group_key(name: str) -> str:
    """How a group name is matched: trimmed, lower-cased, commas (the separator) removed."""
    return " ".join(name.replace(",", " ").split()).lower()


def _victim_groups(victims: Iterable[Actor]) -> list[str]:
    names: list[str] = []
    for victim in victims:
        names.extend(v for v in (victim.nationality, victim.ethnicity, victim.religion) if v)
    return names


def groups_column(incident: Incident) -> str | None:
    """ ",tajik,uzbek," from the targeted groups of the bias and the victims' identities.

    The leading and trailing commas let ``LIKE '%,tajik,%'`` match whole names only.
    """
    keys: list[str] = []
    for name in (*incident.bias.groups, *_victim_groups(incident.victims)):
        key = group_key(name)
        if key and key not in keys:
            keys.append(key)
    return f",{','.join(keys)}," if keys else None


def incident_columns(incident: Incident) -> dict[str, Any]:
    """The filterable columns and the payload: everything a correction can change."""
    when = incident.date
    country = next((p.country for p in incident.places if p.country), None)
    return {
        "type": str(incident.type),
        "is_terrorism": incident.is_terrorism,
        "date_start": when.start if when else None,
        "date_end": when.end if when else None,
        "date_precision": str(when.precision) if when else None,
        "country": country.upper() if country else None,
        "killed": incident.killed.value if incident.killed else None,
        "injured": incident.injured.value if incident.injured else None,
        "bias_motivated": incident.bias.motivated,
        "groups": groups_column(incident),
        "extractor_version": incident.extractor_version,
        "confidence": incident.confidence,
        "payload": to_dict(incident),
    }


def incident_row(incident: Incident, seq: int, created_at: datetime) -> dict[str, Any]:
    return {
        "id": incident.id,
        "article_id": incident.article_id,
        "seq": seq,
        "created_at": created_at,
        **incident_columns(incident),
    }


def to_incident(payload: Mapping[str, Any]) -> Incident:
    return from_dict(Incident, dict(payload))


def extraction_row(record: ExtractionRecord) -> dict[str, Any]:
    return {
        "article_id": record.article_id,
        "extractor_version": record.extractor_version,
        "extracted_at": record.extracted_at,
        "n_incidents": record.n_incidents,
        "status": str(record.status),
        "error": record.error,
    }


def to_extraction(row: Mapping[Any, Any]) -> ExtractionRecord:
    return ExtractionRecord(
        article_id=row["article_id"],
        extractor_version=row["extractor_version"],
        extracted_at=row["extracted_at"],
        n_incidents=row["n_incidents"],
        status=ExtractionStatus(row["status"]),
        error=row["error"],
    )


def event_row(event: Event, updated_at: datetime) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": str(event.type),
        "payload": to_dict(event),
        "updated_at": updated_at,
    }


def to_event(payload: Mapping[str, Any]) -> Event:
    return from_dict(Event, dict(payload))


def to_member(row: Mapping[Any, Any]) -> EventMember:
    return EventMember(
        event_id=row["event_id"], incident_id=row["incident_id"], pinned=row["pinned"]
    )


def link_row(link: Link) -> dict[str, Any]:
    return {
        "source_id": link.source_id,
        "trigger_id": link.trigger_id,
        "kind": link.kind,
        "score": link.score,
        "cue": link.cue,
        "payload": to_dict(link),
    }


def to_link(payload: Mapping[str, Any]) -> Link:
    return from_dict(Link, dict(payload))


def alert_row(alert: Alert, created_at: datetime) -> dict[str, Any]:
    return {
        "group": alert.group,
        "region": alert.region,
        "window_start": alert.window_start,
        "window_end": alert.window_end,
        "observed": alert.observed,
        "expected": alert.expected,
        "score": alert.score,
        "method": alert.method,
        "trigger_id": alert.trigger_id,
        "created_at": alert.created_at or created_at,
    }


def to_alert(row: Mapping[Any, Any]) -> Alert:
    return Alert(
        group=row["group"],
        region=row["region"],
        window_start=row["window_start"],
        window_end=row["window_end"],
        observed=row["observed"],
        expected=row["expected"],
        score=row["score"],
        method=row["method"],
        trigger_id=row["trigger_id"],
        created_at=row["created_at"],
    )


def correction_row(correction: Correction, created_at: datetime) -> dict[str, Any]:
    return {
        "incident_id": correction.incident_id,
        "field": correction.field,
        "value": correction.value,
        "author": correction.author,
        "created_at": correction.created_at or created_at,
    }


def to_correction(row: Mapping[Any, Any]) -> Correction:
    return Correction(
        incident_id=row["incident_id"],
        field=row["field"],
        value=row["value"],
        author=row["author"],
        created_at=row["created_at"],
    )


def to_decision(row: Mapping[Any, Any]) -> Decision:
    return Decision(
        kind=DecisionKind(row["kind"]),
        a_id=row["a_id"],
        b_id=row["b_id"],
        id=row["id"],
        created_at=row["created_at"],
    )
