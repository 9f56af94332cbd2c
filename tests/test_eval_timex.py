"""The TimeML reader and the TempEval-3 scorer, on a tiny TimeML file of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.evaluate.timeml import parse_timeml
from dateline.evaluate.timex import Counts, score_doc, timex_cmd
from dateline.record import Timex

SNIPPET = """<?xml version="1.0" ?>
<TimeML>
<DOCID>ours_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-10" temporalFunction="false"
 functionInDocument="CREATION_TIME">2022-01-10</TIMEX3></DCT>
<TEXT>
Dockers <EVENT eid="e1" class="OCCURRENCE">struck</EVENT> on <TIMEX3 tid="t1" type="DATE"
value="2022-01-10">Monday</TIMEX3> &amp; talks <EVENT eid="e2" class="OCCURRENCE">ran</EVENT>
for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>; a deal is due
<TIMEX3 tid="t3" type="DATE" value="2022-W03">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_offsets_and_dct() -> None:
    doc = parse_timeml(SNIPPET, "ours_0001")
    assert doc.dct == "2022-01-10"
    assert [doc.text[s:e] for s, e in (t.span for t in doc.timexes)] == [
        "Monday",
        "three hours",
        "next week",
    ]
    assert "&" in doc.text and "<" not in doc.text
    assert [t.value for t in doc.timexes] == ["2022-01-10", "PT3H", "2022-W03"]


def _sys(text: str, part: str, type_: str, value: str | None, n: int) -> Timex:
    start = text.index(part)
    return Timex(id=f"t{n}", text=part, span=(start, start + len(part)), type=type_, value=value)


def test_scores() -> None:
    doc = parse_timeml(SNIPPET)
    text = doc.text
    system = [
        _sys(text, "Monday", "DATE", "2022-01-10", 1),  # strict, right value
        _sys(text, "for three hours", "DURATION", "PT3H", 2),  # relaxed only
        _sys(text, "next week", "DATE", "2022-W02", 3),  # strict, wrong value
        _sys(text, "talks", "DATE", None, 4),  # spurious
    ]
    counts = score_doc(doc.timexes, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (3, 4, 2, 3)
    assert (counts.type_ok, counts.value_ok) == (3, 2)
    f = counts.figures()
    assert f["strict_p"] == pytest.approx(0.5)
    assert f["strict_r"] == pytest.approx(2 / 3)
    assert f["relaxed_f1"] == pytest.approx(2 * 0.75 * 1.0 / 1.75)
    assert f["value_f1"] == pytest.approx(f["relaxed_f1"] * 2 / 3)


def test_empty() -> None:
    assert Counts().figures()["value_f1"] == 0.0
    assert score_doc([], []).relaxed == 0


def test_command(tmp_path: Path, nlp: object) -> None:
    part = tmp_path / "Ours"
    part.mkdir()
    (part / "ours_0001.tml").write_text(SNIPPET, encoding="utf-8")
    result = CliRunner().invoke(timex_cmd, ["--timeml", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"Ours"' in result.output and '"all"' in result.output


def test_select_halves() -> None:
    from dateline.evaluate.timex import select

    paths = [Path(f"doc{i}.tml") for i in (3, 1, 5, 2, 4)]
    first = select(paths, (1, 2), None)
    second = select(paths, (2, 2), None)
    assert [p.name for p in first] == ["doc1.tml", "doc2.tml", "doc3.tml"]
    assert [p.name for p in second] == ["doc4.tml", "doc5.tml"]
    assert select(paths, None, 2) == [Path("doc1.tml"), Path("doc2.tml")]
    assert select([], (2, 2), None) == []


def test_error_rows() -> None:
    from dateline.evaluate.timex import error_rows

    doc = parse_timeml(SNIPPET, "ours_0001")
    text = doc.text
    system = [
        _sys(text, "Monday", "DATE", "2022-01-10", 1),
        _sys(text, "next week", "DATE", "2022-W02", 2),
        _sys(text, "talks", "DATE", None, 3),
    ]
    kinds = sorted(row[0] for row in error_rows(doc, system))
    assert kinds == ["missed", "spurious", "value"]


def test_command_half_part_errors(tmp_path: Path, nlp: object) -> None:
    for part in ("Ours", "Other"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "ours_0001.tml").write_text(SNIPPET, encoding="utf-8")
    errors = tmp_path / "errors.tsv"
    args = ["--timeml", str(tmp_path), "--part", "Ours", "--half", "1/2", "--json"]
    result = CliRunner().invoke(timex_cmd, [*args, "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert '"Ours"' in result.output and '"Other"' not in result.output
    assert errors.read_text(encoding="utf-8").startswith("kind\tdoc\tgold")
    bad = CliRunner().invoke(timex_cmd, ["--timeml", str(tmp_path), "--half", "3/2"])
    assert bad.exit_code != 0


def test_command_prefix(tmp_path: Path, nlp: object) -> None:
    import json

    (tmp_path / "Ours").mkdir()
    for name in ("ours_0001.tml", "ours_0002.tml", "wire_0001.tml"):
        (tmp_path / "Ours" / name).write_text(SNIPPET, encoding="utf-8")
    args = ["--timeml", str(tmp_path), "--json"]
    result = CliRunner().invoke(timex_cmd, [*args, "--prefix", "wire"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["all"]["counts"]["docs"] == 1
    result = CliRunner().invoke(timex_cmd, [*args, "--prefix", "nothing"])
    assert json.loads(result.output)["all"]["counts"]["docs"] == 0
