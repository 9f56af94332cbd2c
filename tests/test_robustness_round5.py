"""Round 5 robustness: long whitespace-free runs are tokenised piecewise (spaCy's affix
search is quadratic in a run's length), and the report shows each quote's channel."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from dateline.analysis import analyze_articles, prepare_doc
from dateline.nlp.pipeline import MAX_RUN, PIECE, RunSafeTokenizer
from dateline.read import Article, ReadError, read_text

NORMAL = (
    "Port strike ends after talks\n"
    "CONSTANTA, March 14 (Wire) - Dockers at Romania's biggest port ended a nine-day strike "
    "on Thursday, union leader Ana Dobre told the Radio Mare station, after the employers' "
    "group agreed to a 7.5% pay rise. \"We didn't get everything, but it's a start,\" she "
    "said. Details: https://example.org/news/2024/03/14/strike-ends?ref=wire&id=42 (U.S.-based "
    "shippers can't say yet when queues will clear.)\n"
)


def tokens(doc) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.norm_, t.whitespace_, t.idx) for t in doc]


@pytest.fixture(scope="module")
def plain(nlp: Language):
    """The pipeline's own tokenizer, unwrapped."""
    assert isinstance(nlp.tokenizer, RunSafeTokenizer)
    return nlp.tokenizer.tokenizer


def test_normal_article_keeps_todays_tokens(nlp: Language, plain) -> None:
    assert tokens(nlp.make_doc(NORMAL)) == tokens(plain(NORMAL))
    assert nlp.tokenizer.long_run.search(NORMAL) is None  # the plain path was taken


def test_run_at_the_bound_is_tokenised_whole(nlp: Language, plain) -> None:
    text = "He said " + '"' * MAX_RUN + " and left."
    assert nlp.tokenizer.pieces(text) == [text]
    assert tokens(nlp.make_doc(text)) == tokens(plain(text))


def test_long_run_of_marks_is_cut_and_text_unchanged(nlp: Language) -> None:
    text = "Strike ends\n\n" + '"' * 20_000 + "\n\nThe union said on Friday that it was over.\n"
    parts = nlp.tokenizer.pieces(text)
    assert "".join(parts) == text
    assert max(len(p) for p in parts) <= PIECE + len("Strike ends\n\n")
    assert len(parts) == 20_000 // PIECE + 1
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert len(doc) == 20_000 + 15  # one token a mark, 15 for the words, "." and breaks
    said = next(t for t in doc if t.text == "said")
    assert text[said.idx : said.idx + 4] == "said"


def test_tokens_outside_the_run_are_untouched(nlp: Language, plain) -> None:
    run = "\u201c" * 1500 + "x" * 700 + "\u201d" * 900
    text = f"They don't know, he said. {run} \u201cWe can't,\u201d she said.\n"
    doc = nlp.make_doc(text)
    assert doc.text == text
    start, end = text.index(run), text.index(run) + len(run)
    outside = [t for t in tokens(doc) if t[3] < start or t[3] >= end]
    before = [t for t in tokens(plain(text)) if t[3] < start or t[3] >= end]
    assert outside == before
    assert ("n't", "not", " ", text.index("n't know")) in outside  # exceptions keep norms
    cut_run = [t for t in doc if start <= t.idx < end]
    assert "".join(t.text for t in cut_run) == run  # the run is covered exactly


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", '"' * 1001, "a" * 5000 + " ", " \u00ab" + "\u00bb" * 3000 + "\t\u3002"],
)
def test_odd_input_round_trips(nlp: Language, text: str) -> None:
    assert nlp.make_doc(text).text == text


def test_record_offsets_point_into_the_input(nlp: Language) -> None:
    text = "Strike ends\n\n" + "\"" * 5000 + "\n\nThe union said on Friday that it was over.\n"
    (article,) = read_text(text, fmt="text")
    assert isinstance(article, Article)
    doc = prepare_doc(article, "2024-03-15", nlp)
    assert not isinstance(doc, Exception) and doc.text == article.text
    (record,) = analyze_articles([article], "2024-03-15", nlp=nlp)
    assert not isinstance(record, Exception)
    for t in record.timexes:
        assert record.text[t.span[0] : t.span[1]] == t.text
    assert any(t.text == "Friday" and t.value == "2024-03-15" for t in record.timexes)


def test_nlp_pipe_takes_the_same_path(nlp: Language) -> None:
    texts = ["Talks went on.", "Queues grew " + "!" * 3000 + " at dawn."]
    docs = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts
    assert [d.text for d in nlp.tokenizer.pipe(texts)] == texts


def test_wraps_any_english_pipeline_and_pickles() -> None:
    blank = spacy.blank("en")
    wrapped = RunSafeTokenizer(blank.tokenizer)
    text = "Wire copy: " + "?" * 2500 + " ends."
    again = pickle.loads(pickle.dumps(wrapped))
    for tok in (wrapped, again):
        doc = tok(text)
        assert doc.text == text and len(doc) == 2500 + 5
    assert wrapped.explain("can't") == blank.tokenizer.explain("can't")  # other attributes
    blank.tokenizer = wrapped
    assert blank("Port reopens.").text == "Port reopens."


def quote_rows(report: str) -> list[list[str]]:
    """The "Who said what" table's rows, each a list of its cells' wrapped text joined."""
    table = report.split("Who said what", 1)[1].split("Dates in calendar order", 1)[0]
    rows: list[list[str]] = []
    current: list[list[str]] = []
    for line in table.splitlines():
        if line.startswith("\u2502"):  # a content line: cells between vertical bars
            cells = [c.strip() for c in line.strip("\u2502").split("\u2502")]
            current.append(cells)
        elif current:  # a rule between rows
            rows.append([" ".join(filter(None, col)) for col in zip(*current, strict=True)])
            current = []
    if current:
        rows.append([" ".join(filter(None, col)) for col in zip(*current, strict=True)])
    return rows


def test_report_shows_channel_and_statement_date(
    run_cli, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    sample = samples_dir / "a01_tass_karin_briefing.txt"
    code, out, err = run_cli("analyze", str(sample), "--published", "2022-01-10", "--report")
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "cue / channel" in out
    rows = quote_rows(out)
    assert rows and all(len(r) == 5 for r in rows)
    tv = [r for r in rows if "Qazaqstan TV channel" in r[1]]
    assert len(tv) == 1
    speaker, cue, kind, content, date = tv[0]
    assert cue == "said in an interview with the Qazaqstan TV channel"
    assert speaker.startswith("Erlan Karin") and kind == "indirect"
    assert content.startswith("Kazakhstan's authorities will publish")
    assert date == "2022-01-04"  # the statement date is shown
    assert any(r[1] == "said" for r in rows)  # no channel: the cue alone


def test_too_many_tokens_is_too_large(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "max_length", 8000)  # so a 2,000-token text is over the cap
    marks = "Strike ends\n\n" + "\u201d" * 2500 + "\n\nThe union said it was over.\n"
    prose = "Strike ends\n\n" + "The union said on Friday that the strike was over. " * 60
    (bad,) = read_text(marks, fmt="text")
    (good,) = read_text(prose, fmt="text")
    refused = prepare_doc(bad, None, nlp)
    assert isinstance(refused, ReadError) and refused.code == "too_large"
    assert "tokens, more than 2000" in str(refused)
    assert not isinstance(prepare_doc(good, None, nlp), ReadError)  # 3,000 chars, 660 tokens
