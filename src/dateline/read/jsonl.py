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


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The first of ``keys`` holding a non-empty string; other types are left as metadata."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return key, value
    return None, None


def article_from_object(obj: Any, source: Source) -> Article:
    """One JSON object to an Article, or a ReadError saying what is missing."""
    if not isinstance(obj, dict):
        raise ReadError("json", f"expected a JSON object, got {type(obj).__name__}", source.path)
    key, text = _pick(obj, TEXT_KEYS)
    if text is None:
        names = "/".join(TEXT_KEYS)
        raise ReadError("empty", f"JSON object has no non-empty text field ({names})", source.path)
    title_key, title = _pick(obj, TITLE_KEYS)
    url_key, url = _pick(obj, URL_KEYS)
    pub_key, published = _pick(obj, PUBLISHED_KEYS)
    outlet_key, outlet = _pick(obj, OUTLET_KEYS)
    iso = normalise_date(published) if published is not None else None
    # A date we could not read stays in metadata, so nothing the user gave is lost.
    used = {key, title_key, url_key, outlet_key} | ({pub_key} if iso else set())
    source = source.model_copy(update={"url": url or source.url, "outlet": outlet or source.outlet})
    article = read_plain(text, source)
    if title is not None:
        # The title is given beside the text, so it has no span in it.
        article.headline = Evidence(text=title, span=None)
        article.dek = None
    article.published = iso
    article.metadata = {
        **article.metadata,
        **{k: v for k, v in obj.items() if k not in used},
    }
    return article


def read_json(text: str, source: Source) -> Iterator[Article | ReadError]:
    """A JSON file holds one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError("json", f"invalid JSON: {exc.msg} at line {exc.lineno}", source.path)
        return
    if not isinstance(data, list):
        try:
            yield article_from_object(data, source)
        except ReadError as err:
            yield err
        return
    for i, obj in enumerate(data, start=1):
        try:
            yield article_from_object(obj, source.model_copy(update={"line": i}))
        except ReadError as err:
            err.path = f"{source.path or '<stdin>'}[{i}]"
            yield err


def read_jsonl(text: str, source: Source) -> Iterator[Article | ReadError]:
    """One article per line; a bad line is reported with its number and skipped."""
    # Split on newlines only: U+2028 and friends may stand raw inside JSON strings.
    for lineno, line in enumerate(text.split("\n"), start=1):
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
