"""A feed item is one document: --max-bytes holds each item, not only the whole file."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from dateline.read import Article, ReadError, iter_articles

SHORT = "RIGA, June 2 (Reuters) - Latvia's port handled more grain in May, officials said."
LONG = "TALLINN, June 3 (Reuters) - " + "Ferry traffic rose again. " * 200


def _feed(*bodies: str) -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>https://wire.example/{n}</link>"
        f"<description>{body}</description></item>"
        for n, body in enumerate(bodies, start=1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'
    )


def test_an_oversized_item_is_a_skip_and_the_others_go_through(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_feed(SHORT, LONG, SHORT.replace("RIGA", "LIEPAJA")), encoding="utf-8")
    got = list(iter_articles([str(feed)], max_bytes=1000))
    assert [type(x).__name__ for x in got] == ["Article", "ReadError", "Article"]
    first, skip, third = got
    assert isinstance(first, Article) and first.text == SHORT and first.source.line == 1
    assert isinstance(skip, ReadError) and skip.code == "too_large"
    assert skip.path == f"{feed}:2"
    assert isinstance(third, Article) and third.source.line == 3
    # the whole file may still be ten times the limit: 5.4 kB against 10 kB
    assert feed.stat().st_size > 1000
    # with room for the long item, it is read like the others
    roomy = list(iter_articles([str(feed)], max_bytes=len(LONG) + 10))
    assert all(isinstance(x, Article) for x in roomy) and roomy[1].text == LONG.strip()


def test_a_feed_over_ten_times_the_limit_is_refused_whole(tmp_path: Path) -> None:
    feed = tmp_path / "big.rss"
    feed.write_text(_feed(*[SHORT] * 40), encoding="utf-8")
    (err,) = iter_articles([str(feed)], max_bytes=300)
    assert isinstance(err, ReadError) and err.code == "too_large"


def test_non_ascii_items_are_measured_in_bytes(tmp_path: Path) -> None:
    feed = tmp_path / "ru.rss"
    cyrillic = "МОСКВА, 2 июня. /ТАСС/. " + "Порт работает. " * 20  # 2 bytes a letter
    feed.write_text(_feed(cyrillic), encoding="utf-8")
    limit = len(cyrillic) + 20  # enough characters, too few bytes
    (err,) = iter_articles([str(feed)], max_bytes=limit)
    assert isinstance(err, ReadError) and err.code == "too_large"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_a_feed_on_stdin_is_held_item_by_item(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = _feed(SHORT, LONG, SHORT.replace("RIGA", "LIEPAJA")).encode("utf-8")
    assert len(feed) > 1000  # over the limit as a whole, under ten times it
    _stdin(monkeypatch, feed)
    got = list(iter_articles(["-"], max_bytes=1000))
    assert [type(x).__name__ for x in got] == ["Article", "ReadError", "Article"]
    assert isinstance(got[1], ReadError) and got[1].code == "too_large" and got[1].path == "-:2"
    assert isinstance(got[2], Article) and got[2].text.startswith("LIEPAJA")
    # the same with a byte-order mark and UTF-16, as some Windows tools write
    wide = codecs.BOM_UTF16_LE + _feed(SHORT, LONG).encode("utf-16-le")
    assert 1200 < len(wide) < 12000
    _stdin(monkeypatch, wide)
    got = list(iter_articles(["-"], max_bytes=1200))
    assert [type(x).__name__ for x in got] == ["Article", "ReadError"]


def test_stdin_that_is_no_feed_keeps_the_plain_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, LONG.encode("utf-8"))
    (err,) = iter_articles(["-"], max_bytes=1000)
    assert isinstance(err, ReadError) and err.code == "too_large"
    # HTML that merely mentions a feed tag further down is not a feed
    page = "<html><body><p>" + "Ports reopened. " * 100 + "<rss></p></body></html>"
    _stdin(monkeypatch, page.encode("utf-8"))
    (err,) = iter_articles(["-"], max_bytes=1000)
    assert isinstance(err, ReadError) and err.code == "too_large"


def test_a_feed_file_with_an_odd_suffix_is_sniffed_too(tmp_path: Path) -> None:
    feed = tmp_path / "wire.feed"
    feed.write_text(_feed(SHORT, LONG), encoding="utf-8")
    got = list(iter_articles([str(feed)], max_bytes=1000))
    assert [type(x).__name__ for x in got] == ["Article", "ReadError"]
    assert got[1].path == f"{feed}:2"
