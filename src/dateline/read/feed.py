"""RSS and Atom feed files: each item's content (or summary) becomes one article.

feedparser does the parsing, whatever the flavour of feed; an HTML item body goes
through trafilatura, as a web page would, so only its prose is analyzed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.read.article import Article
from dateline.read.dates import normalise_date
from dateline.read.decode import DEFAULT_MAX_BYTES, check_size
from dateline.read.errors import ReadError
from dateline.read.plain import read_plain
from dateline.record import Evidence, Source

HTML_TYPES = ("text/html", "application/xhtml+xml")


def fragment_text(html: str) -> str:
    """The prose of an HTML fragment, one paragraph per line."""
    import trafilatura  # 0.25 s to import: paid only when HTML is read

    text = trafilatura.extract(html, favor_recall=True, include_comments=False)
    if text:
        return text
    import lxml.html

    try:
        parts = lxml.html.fragments_fromstring(html)
    except Exception:  # lxml raises several types on junk; any of them means no text
        return ""
    lines = [p if isinstance(p, str) else p.text_content() for p in parts]
    return "\n\n".join(line.strip() for line in lines if line and line.strip())


def _body(entry: Any, max_bytes: int = DEFAULT_MAX_BYTES, where: str | None = None) -> str:
    """Full content when the feed has it, else the summary; HTML reduced to text.

    An item larger than ``max_bytes`` (as given, before any HTML is stripped) raises a
    ``too_large`` ReadError: one document, held to the limit every document has.
    """
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if not candidates and entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates = [{"value": entry["summary"], "type": detail.get("type", "text/html")}]
    for cand in candidates:
        value = str(cand["value"])
        check_size(len(value.encode("utf-8", "surrogatepass")), max_bytes, where)
        if cand.get("type", "text/html") in HTML_TYPES or "<" in value:
            value = fragment_text(value)
        if value.strip():
            return value.strip()
    return ""


def _date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        if entry.get(key):
            found = normalise_date(str(entry[key]))
            if found:
                return found
    return None


def read_feed(
    text: str, source: Source, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadError]:
    """One article per feed item; an item with no text, or one over ``max_bytes``, is
    reported with its number and the other items go on."""
    import feedparser  # imported here: only feed input pays for it

    parsed = feedparser.parse(text)
    if not parsed.entries:
        why = "no items" if parsed.get("version") else "not an RSS or Atom feed"
        yield ReadError("feed", f"{why} in the feed file", source.path)
        return
    outlet = source.outlet or parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source.path or '<stdin>'}:{n}"
        try:
            body = _body(entry, max_bytes, where)
        except ReadError as err:
            yield err
            continue
        if not body:
            yield ReadError("empty", "feed item has no content or summary", where)
            continue
        src = source.model_copy(
            update={
                "format": "feed",
                "line": n,
                "url": entry.get("link") or source.url,
                "outlet": outlet,
            }
        )
        article = read_plain(body, src)
        if entry.get("title"):
            # The title sits beside the text, so it has no span in it.
            article.headline = Evidence(text=str(entry["title"]).strip(), span=None)
            article.dek = None
        article.published = _date(entry)
        article.metadata = {
            k: v
            for k, v in {
                "author": entry.get("author"),
                "guid": entry.get("id"),
                "tags": [t.get("term") for t in entry.get("tags") or [] if t.get("term")] or None,
            }.items()
            if v
        }
        yield article
