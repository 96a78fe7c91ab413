"""One error hierarchy, one error shape.

```
TensionwatchError            base; every error carries a code ("TW1xx") and a message
├── ConfigError      TW0xx   bad settings, missing model package
├── IngestError      TW1xx   a file or record that cannot become an Article
├── ExtractionError  TW2xx   the NLP pipeline failed on an article
├── StoreError       TW3xx   database unreachable, migration or transaction failure
└── EvaluationError  TW4xx   gold data missing or malformed
```

Batch work records an error per file or record and moves on; only the CLI decides the exit code.
"""

from __future__ import annotations


class TensionwatchError(Exception):
    code = "TW000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(TensionwatchError):
    code = "TW001"


class IngestError(TensionwatchError):
    """A source that could not be read; ``source`` names the file and line where known."""

    code = "TW100"

    def __init__(self, message: str, *, source: str | None = None, code: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message, code=code)


class ExtractionError(TensionwatchError):
    code = "TW200"


class StoreError(TensionwatchError):
    code = "TW300"


class EvaluationError(TensionwatchError):
    code = "TW400"
