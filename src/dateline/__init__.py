"""dateline: news articles into an auditable record of who said what, when and where."""

from dateline.analyze import analyze, analyze_articles
from dateline.read import Article, LanguageError, ReadError, iter_articles
from dateline.record import SCHEMA_VERSION, Record

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
