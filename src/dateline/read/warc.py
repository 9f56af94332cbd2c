"""WARC web archives: each HTML response record is read as a web page.

warcio undoes chunked and compressed transfer encodings; the target URI becomes the
article's URL and the capture date stands in when the page carries no date of its own.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from dateline.read.article import Article
from dateline.read.dates import normalise_date
from dateline.read.errors import ReadError
from dateline.read.html import read_html
from dateline.record import Source

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return "utf-8"


def read_warc(data: bytes, source: Source) -> Iterator[Article | ReadError]:
    """One article per HTML response; other records (requests, metadata, images) are passed."""
    from warcio.archiveiterator import ArchiveIterator  # only WARC input pays for warcio
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for n, rec in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            found += 1
            where = f"{source.path or '<stdin>'}:{n}"
            url = rec.rec_headers.get_header("WARC-Target-URI")
            payload = rec.content_stream().read()
            try:
                html = payload.decode(_charset(ctype), errors="replace")
            except LookupError:  # an unknown charset name
                html = payload.decode("utf-8", errors="replace")
            src = source.model_copy(update={"format": "warc", "line": n, "url": url})
            try:
                article = read_html(html, src)
            except ReadError as err:
                err.path = where
                yield err
                continue
            article.source = article.source.model_copy(update={"format": "warc", "line": n})
            if article.published is None:
                captured = rec.rec_headers.get_header("WARC-Date")
                article.published = normalise_date(captured) if captured else None
            yield article
    except (ArchiveLoadFailed, ValueError, OSError) as exc:
        yield ReadError("warc", f"not a readable WARC file ({exc})", source.path)
        return
    if not found:
        yield ReadError("no_article", "no HTML responses in the WARC file", source.path)
