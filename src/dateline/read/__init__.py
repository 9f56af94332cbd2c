"""Inputs become Articles: files, directories, standard input; text, JSON(L), HTML.

Readers never raise on a bad document: they yield a :class:`ReadError` in its place, so a
batch records the skip and goes on.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.read.article import Article, content_id
from dateline.read.decode import DEFAULT_MAX_BYTES, check_size, decode
from dateline.read.errors import Exit, LanguageError, ReadError
from dateline.read.feed import read_feed
from dateline.read.html import read_html
from dateline.read.jsonl import read_json, read_jsonl
from dateline.read.plain import read_plain
from dateline.read.warc import read_warc
from dateline.record import Source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "Exit",
    "LanguageError",
    "ReadError",
    "content_id",
    "iter_articles",
    "read_bytes",
    "read_text",
]

Reader = Callable[[str, Source], Iterable[Article | ReadError]]


def _one(fn: Callable[[str, Source], Article]) -> Reader:
    def reader(text: str, source: Source) -> Iterator[Article | ReadError]:
        try:
            yield fn(text, source)
        except ReadError as err:
            yield err

    return reader


READERS: dict[str, Reader] = {
    "text": _one(read_plain),
    "json": read_json,
    "jsonl": read_jsonl,
    "html": _one(read_html),
    "feed": read_feed,
}
"""Format name -> reader. Readers for other formats register themselves here."""

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}
"""File suffix -> format. In a directory, only files with these suffixes are read."""


def sniff(text: str) -> str:
    """Guess the format of text with no telling suffix (standard input, odd names)."""
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0].rstrip()
        return "jsonl" if first.endswith("}") and "\n" in text.strip() else "json"
    if head.startswith("["):
        return "json"
    if head.startswith("<") and re.search(r"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"  # RSS 2.0, Atom, RSS 1.0 (RDF)
    if head.startswith("<") and ("<html" in head or "<body" in head or "<!doctype html" in head):
        return "html"  # also XHTML behind an <?xml ...?> prolog
    return "text"


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix, fmt in sorted(SUFFIXES.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return fmt
    return None


def read_text(
    text: str,
    source: Source | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | ReadError]:
    """Articles from text already in memory; ``max_bytes`` holds each feed item."""
    source = source or Source()
    if not text.strip():
        yield ReadError("empty", "empty document: no text to analyze", source.path)
        return
    fmt = fmt or sniff(text)
    if fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; one of: {', '.join(sorted(READERS))}")
    if fmt == "feed":
        yield from read_feed(text, source.model_copy(update={"format": fmt}), max_bytes)
        return
    yield from READERS[fmt](text, source.model_copy(update={"format": fmt}))


def _head(data: bytes, size: int = 4096) -> str:
    """The start of undecoded input, enough for :func:`sniff` to tell a feed (whose size
    limit is larger) before the whole input is decoded and held to a limit."""
    head = data[:size]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "ignore")
    return head.decode("utf-8-sig", "ignore")


def read_bytes(
    data: bytes,
    source: Source | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | ReadError]:
    source = source or Source()
    binary_reader = BINARY_READERS.get(fmt or "")
    if binary_reader is not None:
        yield from binary_reader(data, source, max_bytes)
        return
    try:
        feed = fmt == "feed" or (fmt is None and sniff(_head(data)) == "feed")
        limit = max_bytes * FEED_MAX_FACTOR if feed else max_bytes
        text = decode(data, source.path, max_bytes=limit)
    except ReadError as err:
        yield err
        return
    yield from read_text(text, source, fmt, max_bytes)


BINARY_READERS: dict[
    str, Callable[[bytes | IO[bytes], Source, int], Iterable[Article | ReadError]]
] = {
    "warc": read_warc,
}
"""Formats read from bytes or streamed from an open file (archives such as WARC), with
the size limit applied to each document inside; registered by their modules."""

FEED_MAX_FACTOR = 10
"""A feed file holds many items: its whole-file limit is this many times ``--max-bytes``."""


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Each path as given, directories walked recursively in name order; ``-`` is stdin."""
    for p in paths:
        if p == "-":
            yield p, None
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and format_of(child) is not None:
                    yield str(child), child
        else:
            yield p, path


def iter_articles(
    paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadError]:
    """Every article under ``paths``, with a ReadError standing in for each bad document."""
    for name, path in expand(paths):
        if path is None:
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, Source(path="-"), None, max_bytes)
            continue
        source = Source(path=name)
        fmt = format_of(path)
        # a file with no telling suffix may be a feed: read_bytes sniffs it and holds
        # anything else to max_bytes
        limit = max_bytes * FEED_MAX_FACTOR if fmt in ("feed", None) else max_bytes
        try:
            if fmt in BINARY_READERS:
                with path.open("rb") as fh:
                    yield from BINARY_READERS[fmt](fh, source, max_bytes)
                continue
            check_size(path.stat().st_size, limit, name)
            data = path.read_bytes()
        except ReadError as err:
            yield err
            continue
        except FileNotFoundError:
            yield ReadError("missing", "no such file or directory", name)
            continue
        except OSError as exc:
            yield ReadError("io", exc.strerror or str(exc), name)
            continue
        yield from read_bytes(data, source, fmt, max_bytes)
