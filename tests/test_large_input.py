"""Long inputs: parsed in pieces with the same record as one whole parse, exact offsets,
chunks bounded by text, and a text too long for one document refused in one line."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from dateline import analysis
from dateline.analysis import analyze_articles, parse_in_pieces, piece_starts, prepare_doc
from dateline.read import Article, ReadError, read_text
from dateline.record import Record

PARAGRAPHS = (
    "GDANSK, March 4 (Dateline) - Dock workers at the port of Gdansk walked out on Monday,"
    " union leader Anna Wrobel told reporters. \"We will stay out until the ministry"
    " listens,\" she said.",
    "The Infrastructure Ministry said on Tuesday that talks with the union would resume"
    " on March 9 in Warsaw.",
    "\"Nobody wants the ships to wait,\" Deputy Minister Piotr Zielinski said in a"
    " statement. He added that 14 vessels were queuing outside the harbour.",
    "According to port officials, the strike cost 3 million zlotys a day. Traders in"
    " Hamburg said grain prices rose 2% on Wednesday.",
    "Asked whether the army would be called in, Zielinski said: \"That is not on the"
    " table.\" The union has called another rally for Friday.",
)


def long_story(rounds: int) -> str:
    """A headline, then the paragraphs again and again, numbered so none repeats exactly."""
    parts = ["Polish dockers strike as ships queue", ""]
    for r in range(rounds):
        for p in PARAGRAPHS:
            parts.extend((p.replace("14 vessels", f"{14 + r} vessels"), ""))
    return "\n".join(parts)


def article(text: str) -> Article:
    (art,) = read_text(text, fmt="text")
    assert isinstance(art, Article)
    return art


def record(nlp: Language, text: str) -> dict:
    (rec,) = analyze_articles([article(text)], "2023-05-03", nlp=nlp)
    assert isinstance(rec, Record)
    return rec.to_json_dict()


def test_piece_starts_cut_at_blank_lines_within_size():
    text = long_story(6)
    starts = piece_starts(text, 700)
    assert starts[0] == 0 and starts == sorted(set(starts))
    ends = [*starts[1:], len(text)]
    assert all(0 < b - a <= 700 for a, b in zip(starts, ends, strict=True))
    for s in starts[1:]:
        assert text[s - 2 : s] == "\n\n" and not text[s].isspace()


def test_piece_starts_without_line_breaks_and_without_spaces():
    one_line = "The union said the strike would go ahead. " * 60
    starts = piece_starts(one_line, 500)
    assert len(starts) > 4
    assert all(one_line[s - 2 : s] == ". " for s in starts[1:])  # at a sentence's end
    assert piece_starts("x" * 1000, 300) == [0, 300, 600, 900]  # garbage: cut anywhere
    assert piece_starts("", 300) == [0]
    assert piece_starts("Short.", 300) == [0]


def test_pieces_give_the_record_of_the_whole_parse(nlp: Language, monkeypatch):
    text = long_story(8)  # about 4,300 characters, parsed in pieces of at most 600
    whole = record(nlp, text)
    monkeypatch.setattr(analysis, "LONG_TEXT", 1000)
    monkeypatch.setattr(analysis, "PIECE_CHARS", 600)
    pieces = record(nlp, text)
    assert len(piece_starts(text)) >= 7
    assert pieces == whole
    assert len(whole["quotes"]) >= 8 * 3 and whole["timexes"] and whole["entities"]


def test_offsets_into_the_text_stay_exact(nlp: Language, monkeypatch):
    monkeypatch.setattr(analysis, "LONG_TEXT", 1000)
    monkeypatch.setattr(analysis, "PIECE_CHARS", 500)
    text = "\r\n\r\n".join(long_story(4).split("\n\n"))  # odd line ends, odd quote marks
    text = text.replace('"We will', "\u201cWe will").replace('listens,"', "listens,\u201d")
    rec = record(nlp, text)
    assert rec["text"] == text
    quoted = [q for q in rec["quotes"] if q["content"]["text"].startswith("\u201cWe will stay out")]
    assert len(quoted) == 4
    for q in rec["quotes"]:
        spans = q["content"]["spans"]
        if len(spans) == 1:
            assert text[slice(*spans[0])] == q["content"]["text"]
        assert q["content"]["text"].startswith(text[slice(*spans[0])])
        for part in ("cue", "speaker", "channel"):
            if q[part] and q[part]["span"]:
                assert text[slice(*q[part]["span"])] == q[part]["text"]
    for t in rec["timexes"]:
        assert text[slice(*t["span"])] == t["text"]
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert text[slice(*m["span"])] == m["text"]
    assert {"Anna Wrobel", "Piotr Zielinski"} <= {e["name"] for e in rec["entities"]}


def test_paragraph_quotes_are_those_of_the_paragraph_alone(nlp: Language, monkeypatch):
    """A self-contained paragraph (named speaker, no date to anchor) inside a long text
    parsed in pieces has the quotes it has alone, shifted by its offset."""
    monkeypatch.setattr(analysis, "LONG_TEXT", 1000)
    monkeypatch.setattr(analysis, "PIECE_CHARS", 600)
    text = long_story(5)
    para = PARAGRAPHS[2].replace("14 vessels", "17 vessels")  # round 3
    at = text.index(para)
    alone = record(nlp, para)["quotes"]
    inside = [
        q for q in record(nlp, text)["quotes"] if at <= q["content"]["spans"][0][0] < at + len(para)
    ]
    assert alone and len(inside) == len(alone)
    for a, b in zip(alone, inside, strict=True):
        assert [[s + at, e + at] for s, e in a["content"]["spans"]] == b["content"]["spans"]
        assert a["content"]["text"] == b["content"]["text"] and a["kind"] == b["kind"]
        assert (a["cue"] or {}).get("text") == (b["cue"] or {}).get("text")


def test_chunks_are_bounded_by_text_and_keep_order(monkeypatch):
    monkeypatch.setattr(analysis, "BATCH_CHARS", 2500)
    monkeypatch.setattr(analysis, "LONG_TEXT", 2000)
    small = [article(f"Talks resumed on Monday, the ministry said. Round {i}.") for i in range(5)]
    big = article(long_story(4))  # over LONG_TEXT: alone
    err = ReadError("empty", "empty document: no text to analyze")
    items: list[Article | ReadError] = [*small[:3], err, big, *small[3:]]
    chunks = list(analysis._chunks(items, batch_size=2))
    assert [x for c in chunks for x in c] == items
    assert [len(c) for c in chunks] == [2, 2, 1, 2]
    assert chunks[2] == [big]
    monkeypatch.setattr(analysis, "LONG_TEXT", 100_000)  # not long, but over the budget
    assert [len(c) for c in analysis._chunks([big] * 3, batch_size=32)] == [1, 1, 1]
    third = article(long_story(1))  # 739 characters: three fit in 2,500, four do not
    assert len(third.text) * 3 <= 2500 < len(third.text) * 4
    assert [len(c) for c in analysis._chunks([third] * 7, batch_size=32)] == [3, 3, 1]


def test_prepared_doc_of_pieces_joins_back(nlp: Language):
    text = long_story(3)
    doc = prepare_doc(article(text), "2023-05-03", nlp)
    merged = parse_in_pieces(nlp, doc, 400)
    assert merged.text == text and len(merged) == len(doc)
    assert [t.text for t in merged] == [t.text for t in doc]
    assert merged._.article.text == text and merged._.published is not None
    assert merged.has_annotation("DEP") and merged.has_annotation("ENT_IOB")


def test_text_longer_than_a_document_is_one_line_and_exit_3(run_cli, tmp_path: Path):
    path = tmp_path / "transcript.txt"
    line = "The committee chairman said the hearing would resume on Monday.\n"
    path.write_text(line * (1_050_000 // len(line)), encoding="utf-8")
    code, out, err = run_cli("analyze", str(path), "--published", "2023-05-03")
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "longer than 1000000 characters" in err
    assert "Traceback" not in err


def test_long_text_with_foreign_bits_and_no_line_breaks(nlp: Language, monkeypatch):
    """One long line (a scraped page), a Polish phrase and stray quote marks: still pieces,
    still the whole parse's record."""
    monkeypatch.setattr(analysis, "PIECE_CHARS", 400)
    text = " ".join(PARAGRAPHS * 3).replace("Gdansk walked", "Gdansk (\u201estrajk!\u201d) walked")
    text += ' And a stray mark: " at the end'
    whole = record(nlp, text)
    monkeypatch.setattr(analysis, "LONG_TEXT", 1000)
    assert len(piece_starts(text)) >= 4
    assert record(nlp, text) == whole
