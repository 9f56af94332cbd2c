"""``dateline analyze``: records out; bad input gets one line and a documented exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline import analyze
from dateline.read import LanguageError, ReadError

STORY = (
    "Alliance to pull troops out — minister\n"
    "MOSCOW, January 13. /TASS/. The alliance will begin withdrawing its troops on Thursday, "
    "Defence Minister Oleg Smirnov told reporters on Monday.\n"
    '"The mission is complete," he said.\n'
)
RUSSIAN = (
    "Альянс выводит войска\nМОСКВА, 13 января. /ТАСС/. Альянс начнет вывод войск в четверг, "
    "сообщил журналистам министр обороны. Миссия выполнена, сказал он."
)


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def test_one_file_gives_one_json_record(run_cli, tmp_path: Path):
    path = write(tmp_path, "story.txt", STORY)
    code, out, err = run_cli("analyze", path, "--published", "2022-01-13")
    assert code == 0, err
    record = json.loads(out)
    assert record["text"] == STORY
    assert record["schema"] == "1.0"
    assert record["published"] == {"date": "2022-01-13", "origin": "option"}
    assert record["dateline"]["date"] == "2022-01-13"
    assert record["source"]["outlet"] == "TASS"


def test_library_api_returns_the_record():
    record = analyze(STORY, published="2022-01-13")
    assert record["headline"]["text"] == "Alliance to pull troops out — minister"
    assert record["headline"]["span"] == [0, len("Alliance to pull troops out — minister")]
    with pytest.raises(ValueError, match="ISO date"):
        analyze(STORY, published="13/01/2022")
    with pytest.raises(LanguageError):
        analyze(RUSSIAN)
    with pytest.raises(ReadError):
        analyze("   \n")


def test_jsonl_flag_and_output_file(run_cli, tmp_path: Path):
    path = write(tmp_path, "story.txt", STORY)
    out_path = tmp_path / "out.jsonl"
    code, out, _ = run_cli("analyze", path, "--jsonl", "-o", str(out_path))
    assert code == 0 and out == ""
    lines = out_path.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"] == STORY


def test_report_is_readable(run_cli, tmp_path: Path):
    path = write(tmp_path, "story.txt", STORY)
    code, out, _ = run_cli("analyze", path, "--published", "2022-01-13", "--report")
    assert code == 0
    assert "Alliance to pull troops out" in out
    assert "MOSCOW" in out and "TASS" in out and "2022-01-13 (from option)" in out
    assert "Who said what" in out and "Dates in calendar order" in out
    assert "cue / channel" in out and "reporters" in out  # "told reporters": the addressee
    assert "2022-01-10" in out  # "on Monday": the statement's date


def test_stdin_is_read(run_cli, monkeypatch: pytest.MonkeyPatch):
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(STORY.encode())

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, _ = run_cli("analyze", "-")
    assert code == 0 and json.loads(out)["text"] == STORY


BAD = [
    ("empty.txt", b"", 3, "empty document"),
    ("blank.txt", b"  \n\n \t", 3, "empty document"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3, "binary data"),
    ("latin1.txt", "Café owners protested in Almaty.".encode("latin-1"), 3, "not valid UTF-8"),
    (
        "page.html",
        b"<html><body><nav>Home | World</nav><footer>(c)</footer></body></html>",
        3,
        "no article text",
    ),
    ("russian.txt", RUSSIAN.encode(), 4, "not English"),
]


@pytest.mark.parametrize(("name", "data", "code", "message"), BAD)
def test_bad_single_document(
    run_cli, tmp_path: Path, name: str, data: bytes, code: int, message: str
):
    path = write(tmp_path, name, data)
    got, out, err = run_cli("analyze", path)
    assert got == code
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("dateline: error: ") and message in lines[0]
    assert "Traceback" not in err


def test_huge_file_is_refused_before_reading(run_cli, tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # 50 MB of plausible text
        line = b"The minister said the talks would resume on Monday.\n"
        fh.write(line * (50_000_000 // len(line)))
    code, out, err = run_cli("analyze", str(path))
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "too large" in err and "--max-bytes" in err


def test_small_size_limits_read_in_kilobytes(run_cli, tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text("Dockers walked out on Monday, the union said. " * 60, encoding="utf-8")
    code, _, err = run_cli("analyze", str(path), "--max-bytes", "1000")
    assert code == 3 and "(3 kB > 1 kB limit;" in err


def test_missing_path_is_a_usage_error(run_cli, tmp_path: Path):
    code, out, err = run_cli("analyze", str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert err == f"dateline: error: no such file or directory: {tmp_path / 'nope.txt'}\n"


def test_bad_published_and_unknown_model_are_usage_errors(run_cli, tmp_path: Path):
    path = write(tmp_path, "story.txt", STORY)
    code, _, err = run_cli("analyze", path, "--published", "yesterday")
    assert code == 2 and err.count("\n") == 1 and "ISO date" in err
    code, _, err = run_cli("analyze", path, "--model", "xx_no_such_pipeline")
    assert code == 2 and err.count("\n") == 1 and "not installed" in err


def test_unknown_option_is_one_line(run_cli):
    code, _, err = run_cli("analyze", "--frobnicate", "x")
    assert code == 2 and err.count("\n") == 1 and "frobnicate" in err


def test_batch_records_skips_and_goes_on(run_cli, tmp_path: Path):
    for name, data, _, _ in BAD:
        write(tmp_path, name, data)
    write(tmp_path, "a_good.txt", STORY)
    write(tmp_path, "z_good.txt", STORY.replace("Thursday", "Friday"))
    code, out, err = run_cli("analyze", str(tmp_path))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["a_good.txt", "z_good.txt"]
    skips = [line for line in err.splitlines() if line.startswith("dateline: skipped")]
    assert len(skips) == len(BAD)
    assert any("russian.txt" in s and "[language]" in s for s in skips)
    assert err.splitlines()[-1] == f"dateline: 2 analyzed, {len(BAD)} skipped"
    code, _, _ = run_cli("analyze", str(tmp_path), "--strict")
    assert code == 5


def test_json_list_is_a_batch_with_skips(run_cli, tmp_path: Path):
    items = [{"text": STORY}, {"x": 1}, {"text": STORY.replace("Thursday", "Friday")}]
    path = write(tmp_path, "list.json", json.dumps(items))
    code, out, err = run_cli("analyze", path)
    assert code == 0
    assert len([json.loads(line) for line in out.splitlines()]) == 2
    assert "list.json[2]" in err and err.splitlines()[-1] == "dateline: 2 analyzed, 1 skipped"


def test_output_into_a_missing_directory_is_a_usage_error(run_cli, tmp_path: Path):
    path = write(tmp_path, "story.txt", STORY)
    code, _, err = run_cli("analyze", path, "-o", str(tmp_path / "nope" / "out.json"))
    assert code == 2 and err.count("\n") == 1 and "no such directory" in err


def test_failed_single_document_leaves_no_output_file(run_cli, tmp_path: Path):
    path = write(tmp_path, "empty.txt", "")
    target = tmp_path / "out.json"
    code, _, _ = run_cli("analyze", path, "-o", str(target))
    assert code == 3 and not target.exists()


def test_directory_without_articles(run_cli, tmp_path: Path):
    (tmp_path / "notes.md").write_text("# not an article")
    code, out, err = run_cli("analyze", str(tmp_path))
    assert code == 3 and out == "" and "no articles found" in err and err.count("\n") == 1


def test_report_shows_brackets_as_written(run_cli, tmp_path: Path):
    story = STORY.replace("Alliance to pull troops out", "Alliance to pull [its] troops out")
    path = write(tmp_path, "story.txt", story)
    code, out, _ = run_cli("analyze", path, "--report")
    assert code == 0 and "Alliance to pull [its] troops out" in out


@Language.component("dateline_test_explode")
def explode(doc: Doc) -> Doc:
    """A component with a bug that only one document triggers."""
    if "breaks the component" in doc._.article.text:
        raise RuntimeError("component bug")
    return doc


def test_a_failing_component_costs_one_document_not_the_batch(nlp, tmp_path: Path):
    from dateline.analysis import analyze_articles
    from dateline.read import iter_articles

    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, STORY.replace("Thursday", name[0].upper() + "riday"))
    write(tmp_path, "b.txt", STORY.replace("Thursday", "Thursday, which breaks the component"))

    nlp.add_pipe("dateline_test_explode", last=True)
    try:
        results = list(analyze_articles(iter_articles([str(tmp_path)]), nlp=nlp))
    finally:
        nlp.remove_pipe("dateline_test_explode")
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Record", "ReadError", "Record"]
    assert results[1].code == "internal" and "component bug" in results[1].reason
