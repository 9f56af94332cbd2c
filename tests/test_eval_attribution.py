"""The PolNeAR reader and the attribution scorer, on a tiny brat split written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluate.attribution import (
    Attribution,
    Scores,
    _from_gold,
    score_article,
    share_in_marks,
)
from dateline.evaluate.polnear import PolnearError, parse_ann, read_split

TEXT = '"We stay," the mayor said. Officials believe that talks will resume.\n'
# offsets:  "We stay," = 0..10, the mayor = 11..20, said = 21..25,
# Officials = 27..36, believe = 37..44, that talks will resume = 45..67
ANN = (
    "T1\tContent 0 10\t\"We stay,\"\n"
    "T2\tSource 11 20\tthe mayor\n"
    "T3\tCue 21 25\tsaid\n"
    "T4\tAttribution 21 25\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 27 36\tOfficials\n"
    "T6\tCue 37 44\tbelieve\n"
    "T7\tContent 45 67\tthat talks will resume\n"
    "T8\tAttribution 37 44\tbelieve\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "T9\tDiscuss 0 4\tnote\n"
    "#1\tAnnotatorNotes T1\tfree text\n"
)


def _split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir(parents=True)
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "story_b2.ann").write_text("T1\tSource 0 1\tx\n")
    (tmp_path / "attributions" / "story_a1.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "text" / "unannotated.txt").write_text("nothing", encoding="utf-8")
    return tmp_path


def test_reader_takes_first_annotator(tmp_path: Path) -> None:
    [article] = read_split(_split(tmp_path))
    assert article.annotation == "story_a1.ann"
    assert len(article.attributions) == 2
    first = article.attributions[0]
    assert [TEXT[s:e] for s, e in first.source] == ["the mayor"]
    assert [TEXT[s:e] for s, e in first.content] == ['"We stay,"']


def test_reader_rejects_other_dirs(tmp_path: Path) -> None:
    with pytest.raises(PolnearError):
        read_split(tmp_path)


def test_discontinuous_and_bad_lines() -> None:
    ann = "T1\tContent 0 3;5 9\tabc efgh\nT2\tCue 3 4\tx\nbroken\nE1\tCue:T2 Content:T1\n"
    got = parse_ann(ann)
    assert got[0].content == [(0, 3), (5, 9)] and got[0].source == []


def _gold() -> list[Attribution]:
    return [
        Attribution([(11, 20)], [(21, 25)], [(0, 10)], quoted=True),
        Attribution([(27, 36)], [(37, 44)], [(45, 67)], quoted=False),
    ]


def test_perfect_prediction_scores_one() -> None:
    scores = Scores()
    score_article(TEXT, _gold(), _gold(), scores)
    for role in ("source", "cue", "content"):
        assert scores.exact[role].f1 == 1.0
    assert scores.whole.f1 == 1.0
    assert scores.quoted.recall == 1.0 and scores.unquoted.recall == 1.0


def test_near_misses_count_as_overlap_not_exact() -> None:
    pred = [
        # content without "that", source with one more token: overlap yes, exact no
        Attribution([(27, 44)], [(37, 44)], [(50, 67)], quoted=False),
    ]
    scores = Scores()
    score_article(TEXT, _gold(), pred, scores)
    assert scores.exact["content"].tp == 0 and scores.overlap["content"].tp == 1
    assert scores.exact["cue"].tp == 1
    assert scores.whole.tp == 1 and scores.whole.gold == 2 and scores.whole.pred == 1
    assert scores.quoted.recall == 0.0 and scores.unquoted.recall == 1.0


def test_wrong_source_fails_whole_attribution() -> None:
    pred = [Attribution([(0, 3)], [(21, 25)], [(0, 10)], quoted=True)]
    scores = Scores()
    score_article(TEXT, _gold(), pred, scores)
    assert scores.whole.tp == 0
    assert scores.overlap["content"].tp == 1


def test_reader_offset_skips_annotated_articles(tmp_path: Path) -> None:
    split = _split(tmp_path)
    (split / "text" / "tale.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "tale_a1.ann").write_text(ANN, encoding="utf-8")
    assert [a.name for a in read_split(split)] == ["story", "tale"]
    assert [a.name for a in read_split(split, offset=1)] == ["tale"]
    assert [a.name for a in read_split(split, limit=1, offset=0)] == ["story"]
    with pytest.raises(PolnearError):
        read_split(split, offset=2)


def test_error_rows_classify_misses_boundaries_and_false_alarms() -> None:
    from dateline.evaluate.attribution import error_rows

    pred = [
        # content without "that": a whole match with a content boundary error
        Attribution([(27, 36)], [(37, 44)], [(50, 67)], quoted=False),
        # a prediction no gold matches
        Attribution([], [(21, 25)], [(11, 20)], quoted=False),
    ]
    rows = error_rows("story", TEXT, _gold(), pred)
    by_kind = {r[1]: r for r in rows}
    assert set(by_kind) == {"boundary:content", "miss", "false_alarm"}
    boundary = by_kind["boundary:content"]
    assert boundary[0] == "story" and boundary[2] == "no"
    assert boundary[6] == "45-67|that talks will resume"
    assert boundary[9] == "50-67|talks will resume"
    miss = by_kind["miss"]
    assert miss[2] == "yes" and miss[6] == '0-10|"We stay,"' and miss[7:] == ("", "", "")
    assert all(len(r) == 10 for r in rows)


def test_eval_command_writes_error_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import dateline.evaluate.attribution as attribution

    def fake_evaluate(articles, model=None, errors=None):  # type: ignore[no-untyped-def]
        scores = Scores()
        for a in articles:
            gold = attribution.gold_attributions(a)
            score_article(a.text, gold, [], scores)
            errors.extend(attribution.error_rows(a.name, a.text, gold, []))
        return scores

    monkeypatch.setattr(attribution, "evaluate", fake_evaluate)
    out = tmp_path / "errors.tsv"
    result = CliRunner().invoke(
        attribution.attribution_cmd,
        ["--polnear", str(_split(tmp_path / "split")), "--json", "--errors", str(out)],
    )
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:2] == ["article", "error"]
    assert len(lines) == 3 and all(line.split("\t")[1] == "miss" for line in lines[1:])


@pytest.mark.parametrize(
    ("content", "share"),
    [
        ("“The port stays shut.”", 1.0),
        ("''They sue,'' ''Everybody sues.''", 1.0),
        ("that the offer was “a first step.”", 3 / 7),
        ('an "absolute necessity" for the city to build roads', 2 / 9),
        ("no marks at all", 0.0),
        ("", 0.0),
    ],
)
def test_share_in_marks_counts_words_between_quotation_marks(content: str, share: float) -> None:
    assert share_in_marks(content) == pytest.approx(share)


def test_direct_row_keeps_word_for_word_quotations_apart_from_scare_quotes() -> None:
    text = '"We stay," the mayor said. He called the deal a "breakthrough" for the port.\n'
    ann = (
        "T1\tContent 0 10\t\"We stay,\"\n"
        "T2\tSource 11 20\tthe mayor\n"
        "T3\tCue 21 25\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
        "T4\tSource 27 29\tHe\n"
        "T5\tCue 30 36\tcalled\n"
        "T6\tContent 37 75\tthe deal a \"breakthrough\" for the port\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    )
    gold = [_from_gold(text, g) for g in parse_ann(ann)]
    assert [(g.quoted, g.direct) for g in gold] == [(True, True), (True, False)]
    pred = [Attribution([(11, 20)], [(21, 25)], [(0, 10)], quoted=True, direct=True)]
    scores = Scores()
    score_article(text, gold, pred, scores)
    assert (scores.direct.tp, scores.direct.gold, scores.direct.pred) == (1, 1, 1)
    assert (scores.quoted.tp, scores.quoted.gold) == (1, 2)
