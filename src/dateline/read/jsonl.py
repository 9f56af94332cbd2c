"""JSON and JSONL articles: ``text`` is taken exactly; known fields fill the record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dateline.read.article import Article
from dateline.read.dates import normalise_date
from dateline.read.errors import ReadError
from dateline.read.plain import read_plain
from dateline.record import Evidence, Source

# Field names accepted for each concept, first match wins.
TEXT_KEYS = ("text", "body", "content", "article")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link")
PUBLISHED_KEYS = ("published", "date", "published_at", "publish_date", "pubdate")
OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher")


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    for key in keys:
        if key in obj and obj[key] not in (None, ""):
            return key, obj[key]
    return None, None


def article_from_object(obj: Any, source: Source) -> Article:
    """One JSON object to an Article, or a ReadError saying what is missing."""
    if not isinstance(obj, dict):
        raise ReadError("json", f"expected a JSON object, got {type(obj).__name__}", source.path)
    key, text = _pick(obj, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise ReadError("empty", "JSON object has no non-empty 'text' field", source.path)
    used = {key}
    title_key, title = _pick(obj, TITLE_KEYS)
    url_key, url = _pick(obj, URL_KEYS)
    pub_key, published = _pick(obj, PUBLISHED_KEYS)
    outlet_key, outlet = _pick(obj, OUTLET_KEYS)
    used |= {title_key, url_key, pub_key, outlet_key}
    source = source.model_copy(
        update={
            "url": str(url) if url is not None else source.url,
            "outlet": str(outlet) if outlet is not None else source.outlet,
        }
    )
    article = read_plain(text, source)
    if title is not None:
        # The title is given beside the text, so it has no span in it.
        article.headline = Evidence(text=str(title), span=None)
        article.dek = None
    if published is not None:
        article.published = normalise_date(str(published))
    article.metadata = {k: v for k, v in obj.items() if k not in used}
    return article


def read_json(text: str, source: Source) -> Iterator[Article | ReadError]:
    """A JSON file holds one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError("json", f"invalid JSON: {exc.msg} at line {exc.lineno}", source.path)
        return
    items = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items):
        src = source.model_copy(update={"line": i + 1}) if isinstance(data, list) else source
        try:
            yield article_from_object(obj, src)
        except ReadError as err:
            yield err


def read_jsonl(text: str, source: Source) -> Iterator[Article | ReadError]:
    """One article per line; a bad line is reported with its number and skipped."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        src = source.model_copy(update={"line": lineno, "format": "jsonl"})
        where = f"{source.path or '<stdin>'}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError("json", f"invalid JSON: {exc.msg}", where)
            continue
        try:
            yield article_from_object(obj, src)
        except ReadError as err:
            err.path = where
            yield err
