"""Apply a reviewer's correction to an incident record (pure; no database access).

A correction names a field by a dotted path into the JSON shape of the incident ("type",
"killed.value", "places.0.country") and gives the new value as JSON. Applying it goes through
``to_dict`` → set the path → ``from_dict`` so every field of every record is correctable
without per-field code, and the result is checked by reading the path back: a misspelt field
that ``from_dict`` would silently ignore is rejected instead of being stored as a no-op.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from tensionwatch.errors import StoreError
from tensionwatch.models import Correction, Incident
from tensionwatch.serialize import from_dict, to_dict

# Identity fields: changing them would move the incident, not correct it.
PROTECTED_FIELDS = frozenset({"id", "article_id"})

CORRECTION_CODE = "TW305"


def _fail(correction: Correction, reason: str) -> StoreError:
    return StoreError(
        f"cannot apply correction of {correction.field!r} on incident "
        f"{correction.incident_id}: {reason}",
        code=CORRECTION_CODE,
    )


def parse_path(correction: Correction) -> list[str | int]:
    """Split "places.0.country" into ["places", 0, "country"]."""
    parts = correction.field.split(".")
    if not correction.field or any(not part for part in parts):
        raise _fail(correction, "the field path is empty or has an empty segment")
    if parts[0] in PROTECTED_FIELDS:
        raise _fail(correction, f"{parts[0]!r} identifies the incident and cannot be corrected")
    return [int(part) if part.isascii() and part.isdigit() else part for part in parts]


def parse_value(correction: Correction) -> Any:
    try:
        return json.loads(correction.value)
    except json.JSONDecodeError as exc:
        raise _fail(correction, f"the value is not JSON ({exc.msg})") from exc


def _set(node: Any, path: list[str | int], value: Any, correction: Correction) -> Any:
    """Return ``node`` with ``value`` at ``path``; a null record on the way becomes ``{}``."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        if not isinstance(node, list) or head >= len(node):
            raise _fail(correction, f"there is no item {head} in the list")
        node[head] = _set(node[head], rest, value, correction)
        return node
    if node is None:
        node = {}
    if not isinstance(node, dict):
        raise _fail(correction, f"{head!r} is not a field of a {type(node).__name__}")
    node[head] = _set(node.get(head), rest, value, correction)
    return node


def _get(node: Any, path: list[str | int]) -> tuple[bool, Any]:
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False, None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return False, None
            node = node[part]
    return True, node


def _leaf_hint(path: list[str | int]) -> Any:
    """The declared type at ``path``, following dataclass fields, optionals and tuples."""
    hint: Any = Incident
    for part in path:
        while typing.get_origin(hint) in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            if len(options) != 1:
                return Any
            hint = options[0]
        if isinstance(part, int):
            hint = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else Any
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            hint = typing.get_type_hints(hint).get(part, Any)
        else:
            return Any
    return hint


def _accepts(hint: Any, value: Any) -> bool:
    """Whether a JSON value fits a scalar hint; containers and enums are left to from_dict."""
    if value is None:
        return hint is Any or type(None) in typing.get_args(hint)
    options = (
        typing.get_args(hint)
        if typing.get_origin(hint)
        in (
            typing.Union,
            types.UnionType,
        )
        else (hint,)
    )
    for option in options:
        if option is bool and isinstance(value, bool):
            return True
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return True
        if option is float and isinstance(value, int | float) and not isinstance(value, bool):
            return True
        if option is str and isinstance(value, str):
            return True
        if option not in (bool, int, float, str, type(None)):
            return True
    return False


def _matches(stored: Any, value: Any) -> bool:
    """Whether the read-back holds the value; a record given in part may gain defaults."""
    if isinstance(value, dict):
        return isinstance(stored, dict) and all(
            key in stored and _matches(stored[key], item) for key, item in value.items()
        )
    if isinstance(value, list):
        return (
            isinstance(stored, list)
            and len(stored) == len(value)
            and all(_matches(a, b) for a, b in zip(stored, value, strict=True))
        )
    return bool(stored == value)


def apply_correction(incident: Incident, correction: Correction) -> Incident:
    """The incident with the correction applied; ``StoreError`` (TW305) if it cannot be."""
    path = parse_path(correction)
    value = parse_value(correction)
    if not _accepts(_leaf_hint(path), value):
        raise _fail(correction, f"{correction.value} has the wrong type for this field")
    data = to_dict(incident)
    _set(data, path, value, correction)
    try:
        corrected = from_dict(Incident, data)
    except (TypeError, ValueError, KeyError) as exc:
        raise _fail(correction, f"the record does not accept that value ({exc})") from exc
    found, stored = _get(to_dict(corrected), path)
    if not found or not _matches(stored, value):
        raise _fail(correction, "no such field, or the value has the wrong type")
    return corrected
