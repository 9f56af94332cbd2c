"""The entity scorer: B-cubed on mention spans, type and role accuracy; the gold file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.evaluate.entities import b_cubed, entities_cmd, score
from dateline.read import Article, iter_articles
from dateline.record import Entity, Mention, Role


def _e(name: str, spans: list[tuple[int, int]], type_: str = "PERSON",
       roles: list[Role] | None = None) -> Entity:
    return Entity(id=name, name=name, type=type_, roles=roles or [],
                  mentions=[Mention(text="x", span=s) for s in spans])


def test_b_cubed_perfect_split_and_spurious() -> None:
    gold = [_e("a", [(0, 1), (2, 3)]), _e("b", [(4, 5)])]
    assert b_cubed(gold, gold) == (3.0, 3.0, 3, 3)
    split = [_e("a", [(0, 1)]), _e("a2", [(2, 3)]), _e("b", [(4, 5)])]
    s = score([(gold, split)])
    assert s.precision == 1.0 and round(s.recall, 3) == round((0.5 + 0.5 + 1) / 3, 3)
    spurious = [*gold, _e("c", [(8, 9)])]
    assert score([(gold, spurious)]).precision == 0.75


def test_type_and_role_accuracy() -> None:
    role = Role(title="President", country="Kazakhstan")
    gold = [_e("a", [(0, 1)], roles=[role]), _e("b", [(4, 5)], "GPE")]
    pred = [_e("a", [(0, 1)], roles=[Role(title="president", country="Kazakhstan")]),
            _e("b", [(4, 5)], "ORG")]
    s = score([(gold, pred)])
    assert s.type_accuracy == 0.5 and s.role_accuracy == 1.0


def test_gold_spans_match_sample_text(samples_dir: Path) -> None:
    gold = json.loads((samples_dir.parent / "gold" / "sample-entities.json").read_text("utf-8"))
    assert gold["articles"]
    for art in gold["articles"]:
        items = [a for a in iter_articles([str(samples_dir / art["file"])])
                 if isinstance(a, Article)]
        article = next(a for a in items if art["line"] is None or a.source.line == art["line"])
        for ent in art["entities"]:
            assert ent["type"] and ent["mentions"]
            for m in ent["mentions"]:
                assert article.text[m["start"] : m["end"]] == m["text"]


def test_command_on_bad_gold(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{}", "utf-8")
    result = CliRunner().invoke(entities_cmd, ["--gold", str(bad), "--json"])
    assert result.exit_code == 2 and "cannot read gold" in result.output
