"""Resolve → link → analyze over the store: the work behind ``tensionwatch events``/``alerts``.

Clustering is incremental: stored events seed the run (their ids are kept), analyst
decisions stored in the database are replayed every time, and new incidents join or found
events. Links and alerts are recomputed from the current events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tensionwatch.analyze import AlertOptions, detect_alerts, waves
from tensionwatch.analyze.waves import Wave
from tensionwatch.link import link_incidents
from tensionwatch.models import Alert, Event, Incident, Link
from tensionwatch.resolve import Decision, cluster
from tensionwatch.store import DecisionKind
from tensionwatch.store.repository import Store


@dataclass(frozen=True, slots=True)
class EventsSummary:
    incidents: int
    events: tuple[Event, ...]
    links: tuple[Link, ...]
    membership: dict[str, tuple[str, ...]]


def _published(store: Store, incidents: list[Incident]) -> dict[str, date | None]:
    dates: dict[str, date | None] = {}
    for incident in incidents:
        if incident.article_id not in dates:
            article = store.get_article(incident.article_id)
            dates[incident.article_id] = article.published if article else None
    return dates


def _decisions(store: Store) -> list[Decision]:
    out = []
    for stored in store.list_decisions():
        groups = ((stored.a_id,), (stored.b_id,))
        if stored.kind == DecisionKind.MERGE:
            out.append(Decision.merge(*groups, created_at=stored.created_at))
        else:
            out.append(Decision.split(*groups, created_at=stored.created_at))
    return out


def resolve_and_link(store: Store) -> EventsSummary:
    incidents = list(store.iter_incidents())
    articles = _published(store, incidents)
    result = cluster(
        incidents, existing=store.list_events(), decisions=_decisions(store), articles=articles
    )
    store.replace_events(result.events, result.membership)
    links = link_incidents(incidents, membership=result.membership, articles=articles)
    store.replace_links(links)
    return EventsSummary(len(incidents), result.events, tuple(links), result.membership)


def run_alerts(store: Store, today: date, options: AlertOptions | None = None) -> list[Alert]:
    incidents = list(store.iter_incidents())
    articles = _published(store, incidents)
    membership = {e.id: e.incident_ids for e in store.list_events()} or None
    alerts = detect_alerts(
        incidents, store.list_links(), options, today, membership=membership, articles=articles
    )
    if alerts:
        store.add_alerts(alerts)
    return alerts


def backlash_waves(store: Store) -> list[Wave]:
    incidents = list(store.iter_incidents())
    articles = _published(store, incidents)
    membership = {e.id: e.incident_ids for e in store.list_events()} or None
    return waves(incidents, store.list_links(), membership=membership, articles=articles)
