"""Records to JSON-ready dicts and back: the public JSON contract (``schema_version`` 1).

Conversion is driven by the dataclass type hints, so adding a field to ``models`` adds it to
the JSON shape, the database payload and the exports at once.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from tensionwatch.models import SCHEMA_VERSION, Article, Incident

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """A dataclass tree as plain JSON types (dates as ISO strings, enums as values)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item_hint, *_rest) = typing.get_args(hint)
        return tuple(_convert(item_hint, item) for item in value)
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return from_dict(hint, value)
        if issubclass(hint, Enum):
            return hint(value)
        if hint is datetime:
            return datetime.fromisoformat(value)
        if hint is date:
            return date.fromisoformat(value[:10])
        if hint is float:
            return float(value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Parse a dict made by ``to_dict`` (or by hand) back into the record ``cls``.

    Unknown keys are ignored so that older readers accept newer payloads.
    """
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def article_dict(article: Article, *, include_text: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = to_dict(article)
    if not include_text:
        data.pop("text")
    return data


def document(article: Article, incidents: typing.Sequence[Incident]) -> dict[str, Any]:
    """The versioned JSON document for one article and its incidents (CLI ``--json``, API)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "article": article_dict(article),
        "incidents": [to_dict(incident) for incident in incidents],
    }
