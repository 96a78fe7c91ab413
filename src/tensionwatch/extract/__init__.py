"""The extract stage: articles to incidents with evidence (spaCy pipeline + rule data files).

``tensionwatch.extract`` is both this package and the one-call API: the package object is
callable, so ``from tensionwatch import extract; extract(text, published="2024-03-25")``
works while ``import tensionwatch.extract.pipeline`` still reaches the submodules (a plain
function of the same name would hide them).
"""

from __future__ import annotations

import sys
import types
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tensionwatch.models import Incident


class _CallablePackage(types.ModuleType):
    def __call__(
        self, text: str, published: date | str | None = None, **options: Any
    ) -> list[Incident]:
        from tensionwatch.extract.api import extract

        return extract(text, published, **options)


sys.modules[__name__].__class__ = _CallablePackage

from tensionwatch.extract.pipeline import Extractor, ExtractorOptions  # noqa: E402

__all__ = ["Extractor", "ExtractorOptions"]
