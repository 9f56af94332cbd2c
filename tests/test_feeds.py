"""RSS, Atom and WARC input: each item or HTML response becomes one article."""

from __future__ import annotations

import io
import random
from pathlib import Path

from dateline.read import Article, ReadError, iter_articles

BODY_1 = (
    "KYIV, May 3 (Reuters) - Grain exports through the southern ports rose in April, "
    "the agriculture ministry said on Friday."
)
BODY_2 = (
    "OSLO, May 4 (Reuters) - Norway's central bank left its key rate unchanged on Thursday, "
    "citing stubborn inflation in services."
)

QUOTE_2 = '"We are not done yet," the governor told reporters.'

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Example Wire</title>
  <link>https://wire.example/</link>
  <item>
    <title>Grain exports rise in April</title>
    <link>https://wire.example/grain</link>
    <pubDate>Fri, 03 May 2024 09:15:00 GMT</pubDate>
    <description>&lt;p&gt;{BODY_1}&lt;/p&gt;</description>
  </item>
  <item>
    <title>Empty item</title>
    <link>https://wire.example/empty</link>
  </item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Nordic Desk</title>
  <id>urn:example:nordic</id>
  <updated>2024-05-04T12:00:00Z</updated>
  <entry>
    <title>Norway holds rates</title>
    <id>urn:example:nordic:1</id>
    <link href="https://nordic.example/rates"/>
    <published>2024-05-04T11:00:00Z</published>
    <updated>2024-05-04T11:30:00Z</updated>
    <summary>short teaser only</summary>
    <content type="html">&lt;p&gt;{BODY_2}&lt;/p&gt;&lt;p&gt;{QUOTE_2}&lt;/p&gt;</content>
  </entry>
</feed>
"""

PAGE = f"""<!doctype html><html><head><title>Grain exports rise</title>
<meta property="og:site_name" content="Harbour Post"></head>
<body><nav>Home | World | Markets</nav><article><h1>Grain exports rise</h1>
<p>{BODY_1}</p>
<p>Shipments reached 4.1 million tonnes, the highest since last autumn, officials said.</p>
<p>"Ships are moving again," a port official said by telephone.</p>
</article><footer>Copyright Harbour Post</footer></body></html>"""


def _articles(path: Path) -> list[Article | ReadError]:
    return list(iter_articles([str(path)]))


def test_rss_item_becomes_article_with_link_date_and_outlet(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, encoding="utf-8")
    got = _articles(feed)
    assert len(got) == 2
    art, empty = got
    assert isinstance(art, Article)
    assert art.text.strip() == BODY_1
    assert art.source.url == "https://wire.example/grain"
    assert art.source.outlet == "Example Wire"
    assert art.source.format == "feed"
    assert art.source.line == 1
    assert art.published == "2024-05-03"
    assert art.headline is not None and art.headline.text == "Grain exports rise in April"
    assert art.headline.span is None  # the title sits beside the text
    # the wire header inside the item is still parsed, with a span into the text
    assert art.dateline is not None
    start, end = art.dateline.span
    assert art.text[start:end].startswith("KYIV, May 3")
    assert isinstance(empty, ReadError) and empty.code == "empty"
    assert empty.path.endswith("wire.rss:2")


def test_atom_prefers_full_content_over_summary(tmp_path: Path) -> None:
    feed = tmp_path / "nordic.atom"
    feed.write_text(ATOM, encoding="utf-8")
    (art,) = _articles(feed)
    assert isinstance(art, Article)
    assert art.text.startswith(BODY_2)
    assert '"We are not done yet," the governor told reporters.' in art.text
    assert "teaser" not in art.text
    assert art.published == "2024-05-04"
    assert art.source.url == "https://nordic.example/rates"
    assert art.source.outlet == "Nordic Desk"
    assert art.metadata.get("guid") == "urn:example:nordic:1"


def test_xml_that_is_not_a_feed_is_a_read_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.xml"
    bad.write_text("<?xml version='1.0'?><notes><note>hi</note></notes>", encoding="utf-8")
    (err,) = _articles(bad)
    assert isinstance(err, ReadError) and err.code == "feed"


def _warc(
    path: Path, gz: bool, records: list[tuple[str, str, str, bytes]] | None = None
) -> None:
    """A small crawl; each record is (uri, HTTP status, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    if records is None:
        records = [
            ("https://harbour.example/grain", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://harbour.example/logo.png", "200 OK", "image/png", b"\x89PNG not really"),
        ]
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-05T10:00:00Z"},
            )
            writer.write_record(rec)


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        _warc(path, gz)
        got = _articles(path)
        assert len(got) == 1, got  # the PNG response is not an article
        (art,) = got
        assert isinstance(art, Article)
        assert art.source.url == "https://harbour.example/grain"
        assert art.source.format == "warc"
        assert "Shipments reached 4.1 million tonnes" in art.text
        assert "Copyright" not in art.text
        # no date in the page: the capture date is not a publication date
        assert art.published is None
        assert art.metadata["warc_date"] == "2024-05-05T10:00:00Z"


def test_truncated_warc_is_reported_not_raised(tmp_path: Path) -> None:
    good = tmp_path / "ok.warc"
    _warc(good, False)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"WARC/1.0\r\nnot a real header block at all\r\n\r\n" * 3)
    got = _articles(bad)
    assert got and all(isinstance(g, ReadError) for g in got)


def test_warc_size_limit_is_per_page_and_the_file_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    image = random.Random(7).randbytes(200_000)  # gzip cannot shrink it
    _warc(
        path,
        True,
        [
            ("https://harbour.example/photo.jpg", "200 OK", "image/jpeg", image),
            ("https://harbour.example/grain", "200 OK", "text/html", PAGE.encode()),
        ],
    )
    assert path.stat().st_size > 100_000
    (art,) = list(iter_articles([str(path)], max_bytes=100_000))
    assert isinstance(art, Article) and art.source.line == 2
    (err,) = list(iter_articles([str(path)], max_bytes=500))
    assert err.code == "too_large" and err.path.endswith("big.warc.gz:2")


def test_warc_skips_errors_redirects_and_decodes_declared_or_legacy_charsets(
    tmp_path: Path,
) -> None:
    cafe = "Grain exports rise</h1><p>Café owners agreed.</p>"
    page = PAGE.replace("Grain exports rise</h1>", cafe)
    meta = page.replace("<head>", '<head><meta charset="iso-8859-2">')
    path = tmp_path / "mixed.warc"
    _warc(
        path,
        False,
        [
            ("https://harbour.example/old", "301 Moved Permanently", "text/html", b"<p>moved</p>"),
            ("https://harbour.example/gone", "404 Not Found", "text/html", PAGE.encode()),
            ("https://harbour.example/cp", "200 OK", "text/html", page.encode("cp1252")),
            ("https://harbour.example/meta", "200 OK", "text/html", meta.encode("iso-8859-2")),
        ],
    )
    got = _articles(path)
    assert [(a.source.url, a.source.line) for a in got] == [
        ("https://harbour.example/cp", 3),
        ("https://harbour.example/meta", 4),
    ]
    assert all("Café owners agreed." in a.text and "\ufffd" not in a.text for a in got)


def test_cut_or_foreign_warc_is_one_clean_error_line(tmp_path: Path, capsys) -> None:
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    *arts, err = _articles(cut)
    assert [a.source.line for a in arts] == [1]
    assert (err.code, err.reason) == ("warc", "truncated after record 1")
    plain = tmp_path / "plain.warc"
    _warc(plain, False)
    cut_plain = tmp_path / "cut.warc"
    cut_plain.write_bytes(plain.read_bytes()[:300])
    (err,) = _articles(cut_plain)
    assert (err.code, err.reason) == ("warc", "truncated after record 0")
    text = tmp_path / "notes.warc"
    text.write_bytes(b"these are my notes, not an archive\n" * 5)
    (err,) = _articles(text)
    assert err.code == "warc" and err.reason.startswith("not a WARC file")
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00\xff\n" * 300)
    (err,) = _articles(junk)
    assert err.code == "warc" and "\n" not in err.reason and len(err.reason) <= 200
    assert capsys.readouterr().err == ""


def test_directory_walk_picks_up_feeds_and_warcs(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(RSS, encoding="utf-8")
    _warc(tmp_path / "b.warc.gz", True)
    got = _articles(tmp_path)
    kinds = sorted(g.source.format for g in got if isinstance(g, Article))
    assert kinds == ["feed", "warc"]


def test_standard_input_that_is_a_feed_is_read_as_one(monkeypatch) -> None:
    from dateline.read import sniff

    assert sniff(RSS) == sniff(ATOM) == "feed"
    assert sniff('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>') == "feed"
    assert sniff("<html><body><p>Feed the cat.</p></body></html>") == "html"
    assert sniff("Feeds of <rss> news, in plain text") == "text"
    stdin = io.TextIOWrapper(io.BytesIO(RSS.encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stdin)
    got = list(iter_articles(["-"]))
    arts = [a for a in got if isinstance(a, Article)]
    assert [a.source.format for a in arts] == ["feed"]
    assert arts[0].text.startswith("KYIV, May 3 (Reuters)")
    assert arts[0].source.url == "https://wire.example/grain"
