"""dateline: news articles into an auditable record of who said what, when and where.

The analyzer is imported on first use, so that query commands (``dateline sql``,
``dateline quotes``…) and ``import dateline.record`` do not pay for loading spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.read import Article, LanguageError, ReadError, iter_articles
from dateline.record import SCHEMA_VERSION, Record

if TYPE_CHECKING:
    from dateline.analysis import analyze, analyze_articles

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "LanguageError",
    "ReadError",
    "Record",
    "__version__",
    "analyze",
    "analyze_articles",
    "iter_articles",
]

_LAZY = {"analyze", "analyze_articles"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from dateline import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
