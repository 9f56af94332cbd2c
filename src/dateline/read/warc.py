"""WARC web archives: each successful HTML response record is read as a web page.

The archive is streamed record by record (a crawl is often far larger than any article),
so ``--max-bytes`` applies to each page, not to the file. warcio undoes chunked and
compressed transfer encodings; the target URI becomes the article's URL. The capture
date (``WARC-Date``) says when the page was fetched, not when it was published, so it is
kept in ``metadata['warc_date']`` only.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from typing import IO, Any

from dateline.read.article import Article
from dateline.read.decode import DEFAULT_MAX_BYTES
from dateline.read.errors import ReadError
from dateline.read.html import read_html
from dateline.record import Source

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAGIC = (b"\x1f\x8b", b"WARC/")
"""A gzip member or an uncompressed WARC header: anything else is not a WARC file."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _http_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value.strip("\"' "):
            return value.strip("\"' ")
    return None


def decode_page(payload: bytes, content_type: str) -> str:
    """The page's text: its declared charset (HTTP header, else ``<meta charset>``), else
    UTF-8, else cp1252 (what browsers assume for undeclared legacy pages)."""
    tried: list[str] = []
    declared = _http_charset(content_type)
    if declared is None:
        found = _META_CHARSET.search(payload[:4096])
        declared = found.group(1).decode("ascii") if found else None
    for charset in (declared, "utf-8"):
        if not charset or charset.lower() in tried:
            continue
        tried.append(charset.lower())
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp1252", errors="replace")  # only 5 bytes are undefined in cp1252


def _short(exc: BaseException) -> str:
    """An exception as one line of at most 160 characters."""
    text = ascii(exc)
    return text if len(text) <= 160 else text[:157] + "..."


def read_warc(
    data: bytes | IO[bytes], source: Source, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadError]:
    """One article per 2xx HTML response; requests, metadata, revisits, redirects, error
    pages and images are passed. A cut-off or corrupt archive ends with one error row."""
    from warcio.archiveiterator import ArchiveIterator  # only WARC input pays for warcio

    fh = io.BytesIO(data) if isinstance(data, bytes) else data
    head = fh.read(5)
    if not head.startswith(MAGIC):
        yield ReadError("warc", "not a WARC file (no WARC/ header, not gzip)", source.path)
        return
    fh.seek(0)
    found = 0
    n = 0
    last: Any = None
    it = ArchiveIterator(fh)
    records = iter(it)
    while True:
        try:
            # warcio writes its warnings to stderr itself; the error rows say enough
            with contextlib.redirect_stderr(io.StringIO()):
                rec = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio and zlib raise many types on a damaged archive
            reason = f"corrupt after record {n}: {_short(exc)}"
            yield ReadError("warc", reason, source.path)
            return
        n += 1
        last = rec
        where = f"{source.path or '<stdin>'}:{n}"
        if rec.rec_type != "response" or rec.http_headers is None:
            continue  # requests, metadata, revisit records (no body of their own)
        status = rec.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            continue  # redirects, not-found and error pages
        ctype = rec.http_headers.get_header("Content-Type") or ""
        if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
            continue
        found += 1
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                payload = rec.content_stream().read(max_bytes + 1)
        except Exception as exc:  # a broken transfer encoding, a cut-off member
            yield ReadError("warc", f"unreadable record: {_short(exc)}", where)
            continue
        if len(payload) > max_bytes:
            yield ReadError(
                "too_large",
                f"page larger than the {max_bytes / 1e6:.1f} MB limit (raise it with --max-bytes)",
                where,
            )
            continue
        if _cut(rec):
            break  # the record was cut off: reported below
        url = rec.rec_headers.get_header("WARC-Target-URI")
        src = source.model_copy(update={"format": "warc", "line": n, "url": url})
        try:
            article = read_html(decode_page(payload, ctype), src)
        except ReadError as err:
            err.path = where
            yield err
            continue
        article.source = article.source.model_copy(update={"format": "warc", "line": n})
        captured = rec.rec_headers.get_header("WARC-Date")
        if captured:
            article.metadata["warc_date"] = captured
        yield article
    if last is not None and _cut(last):
        yield ReadError("warc", f"truncated after record {n - 1}", source.path)
        return
    size = _size(fh)
    if size is not None and it.offset < size:
        yield ReadError("warc", f"truncated after record {n}", source.path)
        return
    if not found:
        yield ReadError("no_article", "no HTML responses in the WARC file", source.path)


def _cut(rec: Any) -> bool:
    """The record ended before its Content-Length: the archive was cut off inside it."""
    return bool(getattr(rec.raw_stream, "limit", 0))


def _size(fh: IO[bytes]) -> int | None:
    try:
        return fh.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return None
