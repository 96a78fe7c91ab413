"""Bytes to text, refusing what is not text rather than guessing.

Evidence offsets point into ``Article.text``, so a wrongly decoded file would put mojibake in
front of reviewers and shift nothing back later. The policy, in order:

1. Empty or whitespace-only input → TW103 (fatal).
2. A NUL byte in the first 8 KiB, or more than 10 % control bytes there → TW101 "binary file".
   A UTF-16 byte-order mark is honoured first, since UTF-16 text is full of NUL bytes.
3. UTF-8, with an optional BOM (``utf-8-sig``).
4. Fallback: Windows-1252, but only when the whole file decodes strictly as cp1252 (which
   rejects the five undefined bytes) and the result has no C0/C1 control characters besides
   tab, newline, carriage return and form feed. Old newsroom exports are often cp1252 and
   decode cleanly; the article is kept and a non-fatal TW102 warning says so.
5. Otherwise → TW102 "invalid UTF-8 at byte N" (fatal), N counted from the start of the file.
"""

from __future__ import annotations

import codecs
import re

from tensionwatch.ingest.base import IngestProblem, ProblemCode

SNIFF_BYTES = 8192
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def looks_binary(sample: bytes) -> bool:
    """True when the first bytes are not plausibly text (NULs or many control bytes)."""
    head = sample[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return bool(head) and controls / len(head) > 0.10


def decode_bytes(data: bytes, source: str) -> tuple[str | None, list[IngestProblem]]:
    """Decode ``data`` by the policy above: the text (None if refused) and any problems."""
    if not data.strip():
        return None, [_problem(source, "empty file", ProblemCode.EMPTY)]
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data, source)
    if looks_binary(data):
        return None, [_problem(source, "binary file", ProblemCode.BINARY)]
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        return _fallback_cp1252(data, source, exc.start + bom)
    return check_text(text, source)


def check_text(text: str, source: str) -> tuple[str | None, list[IngestProblem]]:
    """The checks that also apply to already-decoded input such as a text-mode stdin."""
    if not text.strip():
        return None, [_problem(source, "empty file", ProblemCode.EMPTY)]
    if "\x00" in text[:SNIFF_BYTES]:
        return None, [_problem(source, "binary file", ProblemCode.BINARY)]
    return text, []


def _decode_utf16(data: bytes, source: str) -> tuple[str | None, list[IngestProblem]]:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        reason = f"invalid UTF-16 at byte {exc.start}"
        return None, [_problem(source, reason, ProblemCode.ENCODING)]
    return check_text(text, source)


def _fallback_cp1252(
    data: bytes, source: str, position: int
) -> tuple[str | None, list[IngestProblem]]:
    reason = f"invalid UTF-8 at byte {position}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None, [_problem(source, reason, ProblemCode.ENCODING)]
    if _BAD_CONTROLS.search(text):
        return None, [_problem(source, reason, ProblemCode.ENCODING)]
    warning = IngestProblem(source, f"{reason}; decoded as cp1252", ProblemCode.ENCODING)
    checked, problems = check_text(text, source)
    return checked, [warning, *problems]


def _problem(source: str, reason: str, code: ProblemCode) -> IngestProblem:
    return IngestProblem(source=source, reason=reason, code=code, fatal=True)
