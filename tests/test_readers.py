"""Readers: text, JSON, JSONL and HTML become Articles whose text is what offsets point into."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.read import Article, ReadError, iter_articles, read_bytes, sniff

STORY = (
    "Port strike enters second week\n\n"
    "BUCHAREST, March 11 (Reuters) - Dockers at the port stayed out on Monday, "
    'union leader Vlad Ionescu said. "We are not going back," he told reporters.'
)


def one(items) -> Article | ReadError:
    items = list(items)
    assert len(items) == 1
    return items[0]


def test_plain_text_is_kept_exactly(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-8"))
    article = one(iter_articles([str(path)]))
    assert isinstance(article, Article)
    assert article.text == STORY
    assert article.headline.text == "Port strike enters second week"
    assert article.dateline.agency.text == "Reuters"
    assert article.source.outlet == "Reuters"
    assert article.source.path == str(path)


def test_utf8_bom_and_utf16_are_decoded():
    assert one(read_bytes(b"\xef\xbb\xbf" + STORY.encode())).text == STORY
    assert one(read_bytes(STORY.encode("utf-16"))).text == STORY


def test_json_object_fields_and_metadata(tmp_path: Path):
    obj = {
        "title": "Port strike enters second week",
        "text": STORY.split("\n\n", 1)[1],
        "url": "https://example.org/strike",
        "published": "2024-03-11T09:00:00Z",
        "outlet": "Wire Daily",
        "byline": "A. Reporter",
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    article = one(iter_articles([str(path)]))
    assert article.text == obj["text"]
    assert article.headline.text == obj["title"] and article.headline.span is None
    assert article.published == "2024-03-11"
    assert article.source.url == obj["url"] and article.source.outlet == "Wire Daily"
    assert article.metadata == {"byline": "A. Reporter"}
    assert article.dateline.place.text == "BUCHAREST"


def test_jsonl_bad_line_is_a_skip_with_line_number(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"text": STORY, "published": "2024-03-11"})
    path.write_text(f"{good}\n{{not json\n\n{json.dumps({'title': 'no text'})}\n{good}\n")
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "ReadError", "Article"]
    assert items[1].path.endswith("feed.jsonl:2") and items[1].code == "json"
    assert items[2].path.endswith("feed.jsonl:4") and items[2].code == "empty"
    assert items[3].source.line == 5


HTML = """<!doctype html><html><head><title>Strike | Wire Daily</title>
<meta property="og:site_name" content="Wire Daily">
<meta property="article:published_time" content="2024-03-12T08:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port strike enters second week</h1>
<p>BUCHAREST — Dockers at the country's largest port stayed away from work on Monday,
extending a walkout that has left dozens of ships waiting at anchor.</p>
<p>"We are not going back until the contract is signed," union leader Vlad Ionescu told
reporters outside the port gates, adding that talks could resume on Wednesday.</p>
<p>The transport ministry said it had asked a mediator to meet both sides this week.</p>
</article><footer>Copyright Wire Daily. All rights reserved.</footer></body></html>"""


def test_html_main_text_title_date_site(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    article = one(iter_articles([str(path)]))
    assert isinstance(article, Article), article
    assert "Dockers at the country's largest port" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.headline.text == "Port strike enters second week"
    assert article.published == "2024-03-12"
    assert article.source.outlet == "Wire Daily" and article.source.format == "html"
    assert article.dateline.place.text == "BUCHAREST"
    s, e = article.dateline.span
    assert article.text[s:e] == article.dateline.text


def test_html_without_an_article_is_refused():
    page = b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>"
    err = one(read_bytes(page, fmt="html"))
    assert isinstance(err, ReadError) and err.code == "no_article"


def test_malformed_html_still_yields_text():
    page = (
        "<html><body><article><p>" + "Unclosed tags keep going. " * 10 + "<div><p>More"
    ).encode()
    article = one(read_bytes(page, fmt="html"))
    assert isinstance(article, Article) and "Unclosed tags keep going." in article.text


def test_sniffing_formats():
    assert sniff('{"text": "x"}') == "json"
    assert sniff('{"text": "x"}\n{"text": "y"}\n') == "jsonl"
    assert sniff("<!DOCTYPE html><html>") == "html"
    assert sniff("MOSCOW (AP) — Text.") == "text"


def test_directory_is_walked_recursively_in_name_order(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "sub" / "a.txt").write_text(STORY + " More.")
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text(STORY)
    items = list(iter_articles([str(tmp_path)]))
    assert [Path(i.source.path).name for i in items] == ["b.txt", "a.txt"]


def test_jsonl_keeps_raw_line_separators_inside_strings(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    obj = {"text": STORY + "\u2028Second part.\u0085", "published": "2024-03-11"}
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n" + json.dumps(obj) + "\n")
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert items[0].text == obj["text"]


def test_json_list_errors_name_their_item(tmp_path: Path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": STORY}, {"x": 1}, {"text": 123, "body": STORY}]))
    items = list(iter_articles([str(path)]))
    assert isinstance(items[1], ReadError) and items[1].path.endswith("list.json[2]")
    assert isinstance(items[2], Article) and items[2].text == STORY  # falls through to body


def test_unreadable_published_is_kept_in_metadata_not_guessed():
    for value in ("yesterday", "06/01/2022", {"date": "2024-03-11"}):
        obj = {"text": STORY, "published": value, "title": {"main": "x"}}
        article = one(read_bytes(json.dumps(obj).encode(), fmt="json"))
        assert article.published is None
        assert article.metadata["published"] == value
        assert article.metadata["title"] == {"main": "x"}
        assert article.headline.text == "Port strike enters second week"  # from the text


def test_xhtml_with_xml_prolog_is_html():
    assert sniff('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">') == "html"


def test_plain_text_broadcaster_dateline_names_the_outlet():
    text = (
        "Budget deal close, aides say\n\n"
        "Washington (CNN) — Senate aides are close to a budget deal, two aides told CNN."
    )
    article = one(read_bytes(text.encode("utf-8")))
    assert article.dateline.text == "Washington (CNN) —"
    assert article.source.outlet == "CNN"
    assert article.dek is None


def test_dateline_words_stay_out_of_quote_content(nlp):
    # The dateline opens the paragraph; the attribution's content starts after it.
    from dateline.analysis import analyze_articles

    stories = [
        "Budget deal close\n\nWashington (CNN) — Senate aides are close to a deal, two aides "
        "told CNN.",
        "Schools to open\n\nNew Delhi, Apr 15 (PTI) The Centre will open 12 schools, the "
        "minister said on Monday.",
        "Talks offered\n\nANKARA\n\nTürkiye is ready to host talks, the minister said on Tuesday.",
    ]
    articles = [one(read_bytes(s.encode("utf-8"))) for s in stories]
    records = list(analyze_articles(articles, published="2024-04-16", nlp=nlp))
    for story, rec in zip(stories, records, strict=True):
        d = rec.to_json_dict()
        assert d["dek"] is None
        dl_end = d["dateline"]["span"][1]
        assert d["quotes"], story
        for q in d["quotes"]:
            assert all(start >= dl_end for start, _ in q["content"]["spans"]), q
            assert not q["content"]["text"].startswith(("Washington", "New Delhi", "ANKARA"))


def test_a_dateline_a_few_days_after_the_reference_date_keeps_its_year():
    from dateline.read.dates import resolve_reference
    from dateline.read.plain import read_plain
    from dateline.record import Source

    article = read_plain(
        "Port reopens\n\nHAMBURG, May 5 (Reuters) - Dockers returned to work.\n", Source()
    )
    resolve_reference(article, "2023-05-03")
    assert article.dateline is not None and article.dateline.date == "2023-05-05"
    article = read_plain(
        "Port reopens\n\nTOKYO, Feb. 6 (Kyodo) - Dockers returned to work.\n", Source()
    )
    resolve_reference(article, "2024-09-19")
    assert article.dateline is not None and article.dateline.date == "2024-02-06"
