"""Hand-made records for the store tests (no extractor involved)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tensionwatch.models import (
    Actor,
    ActorKind,
    Article,
    Bias,
    Count,
    DatePrecision,
    EventDate,
    Evidence,
    Incident,
    IncidentType,
    Place,
    PlacePrecision,
    Qualifier,
    Role,
    Weapon,
)

TEXT = (
    "On 22 March young Russian nationalists beat a Tajik food courier with brass knuckles "
    "in Moscow. Over 180 people were injured in the clashes that followed."
)


def _evidence(text: str, phrase: str) -> tuple[Evidence, ...]:
    start = text.index(phrase)
    return (Evidence(start, start + len(phrase), phrase),)


class Build:
    """Hand-made records: articles with the text above and incidents with full evidence."""

    base_time = datetime(2024, 3, 25, 8, 0, tzinfo=UTC)

    def article(self, n: int, text: str = TEXT, **changes: Any) -> Article:
        record = Article(
            id=f"art{n:03d}",
            text=text,
            url=f"https://news.example/{n}",
            source="example",
            title=f"Report {n}",
            published=date(2024, 3, 25),
            language="en",
            ingested_at=self.base_time + timedelta(minutes=n),
        )
        return replace(record, **changes)

    def incident(self, article: Article, n: int, **changes: Any) -> Incident:
        text = TEXT
        record = Incident(
            id=f"{article.id}-{n}",
            article_id=article.id,
            type=IncidentType.ASSAULT,
            date=EventDate(
                start=date(2024, 3, 22),
                end=date(2024, 3, 22),
                precision=DatePrecision.DAY,
                evidence=_evidence(text, "22 March"),
            ),
            places=(
                Place(
                    name="Moscow",
                    resolved="Moscow",
                    country="RU",
                    lat=55.75,
                    lon=37.62,
                    precision=PlacePrecision.CITY,
                    geonames_id=524901,
                    evidence=_evidence(text, "Moscow"),
                ),
            ),
            perpetrators=(
                Actor(
                    text="young Russian nationalists",
                    role=Role.PERPETRATOR,
                    kind=ActorKind.GROUP,
                    nationality="Russian",
                    age_group="young",
                    affiliation="nationalists",
                    evidence=_evidence(text, "young Russian nationalists"),
                ),
            ),
            victims=(
                Actor(
                    text="a Tajik food courier",
                    role=Role.VICTIM,
                    count=1,
                    nationality="Tajik",
                    occupation="food courier",
                    evidence=_evidence(text, "a Tajik food courier"),
                ),
            ),
            weapons=(
                Weapon("brass knuckles", "brass_knuckles", _evidence(text, "brass knuckles")),
            ),
            injured=Count(
                value=180,
                qualifier=Qualifier.MORE_THAN,
                low=181,
                evidence=_evidence(text, "Over 180 people were injured"),
            ),
            bias=Bias(motivated=True, characteristic="nationality", groups=("Tajik",)),
            sentences=_evidence(text, TEXT.split(". ")[0]),
            confidence=0.8,
            extractor_version="v1",
        )
        return replace(record, **changes)
