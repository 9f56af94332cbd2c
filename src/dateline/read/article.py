"""What a reader hands to the analyzers: the text and what is known about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from dateline.record import DatelineInfo, Evidence, Source


@dataclass
class Article:
    """One article before analysis. ``text`` is exactly what offsets will point into."""

    text: str
    source: Source = field(default_factory=Source)
    headline: Evidence | None = None
    dek: Evidence | None = None
    dateline: DatelineInfo | None = None
    published: str | None = None
    """ISO date from the input's own metadata (JSON field, HTML meta, feed item)."""
    metadata: dict[str, object] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id(self.text)


def content_id(text: str) -> str:
    """Content hash used as the record id and the store's idempotency key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
