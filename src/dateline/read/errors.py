"""Why a document could not be read, as a user should see it.

Each reason has a stable ``code`` (stored in the ``errors`` table, printed in batch
skips) and an exit status for when it is the only document.
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """Documented exit codes of the ``dateline`` command."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    UNREADABLE = 3
    UNSUPPORTED_LANGUAGE = 4
    SKIPPED = 5


class ReadError(Exception):
    """A document we refuse, with a one-line reason."""

    exit_code: Exit = Exit.UNREADABLE

    def __init__(self, code: str, reason: str, path: str | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.reason}"


class LanguageError(ReadError):
    exit_code = Exit.UNSUPPORTED_LANGUAGE
