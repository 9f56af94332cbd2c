"""``dateline eval entities``: our entities against our own gold, beside raw spaCy entities.

Mention clusters are scored with B-cubed (Bagga & Baldwin 1998) over mention spans: a
mention found by one side only counts in that side's denominator with no overlap, so
missed and spurious mentions both cost. Type accuracy is over gold entities (an entity
no predicted cluster touches counts as wrong); role accuracy is over gold roles: the
predicted entity that shares most mentions must hold a role with the same title and the
same organisation/country. The gold format is described in docs/entities.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from dateline.nlp.entities_data import fold
from dateline.record import Entity, Mention, Role

Span = tuple[int, int]
DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "gold" / "sample-entities.json"
RAW_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"}


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    type_accuracy: float
    role_accuracy: float
    entities: int
    mentions: int

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in vars(self).items()}


def load_gold(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text("utf-8"))
    return list(data["articles"])


def gold_entities(article: dict[str, object]) -> list[Entity]:
    out = []
    for i, g in enumerate(article["entities"]):  # type: ignore[union-attr]
        out.append(
            Entity(
                id=f"g{i + 1}",
                name=g["name"],
                type=g["type"],
                roles=[Role(**r) for r in g.get("roles", [])],
                mentions=[Mention(text=m["text"], span=(m["start"], m["end"]))
                          for m in g["mentions"]],
            )
        )
    return out


def _clusters(ents: Iterable[Entity]) -> dict[Span, int]:
    out: dict[Span, int] = {}
    for i, e in enumerate(ents):
        for m in e.mentions:
            out.setdefault(tuple(m.span), i)  # type: ignore[arg-type]
    return out


def b_cubed(gold: list[Entity], pred: list[Entity]) -> tuple[float, float, int, int]:
    """Summed per-mention precision and recall, and the mention counts they divide by."""
    g, p = _clusters(gold), _clusters(pred)
    g_sets: dict[int, set[Span]] = {}
    p_sets: dict[int, set[Span]] = {}
    for span, i in g.items():
        g_sets.setdefault(i, set()).add(span)
    for span, i in p.items():
        p_sets.setdefault(i, set()).add(span)
    prec = sum(len(p_sets[i] & g_sets.get(g.get(s, -1), set())) / len(p_sets[i])
               for s, i in p.items())
    rec = sum(len(g_sets[i] & p_sets.get(p.get(s, -1), set())) / len(g_sets[i])
              for s, i in g.items())
    return prec, rec, len(p), len(g)


def _match(gold: Entity, pred: list[Entity]) -> Entity | None:
    spans = {tuple(m.span) for m in gold.mentions}
    best = max(pred, key=lambda e: len(spans & {tuple(m.span) for m in e.mentions}),
               default=None)
    if best is None or not spans & {tuple(m.span) for m in best.mentions}:
        return None
    return best


def _same_role(g: Role, p: Role, pred_names: dict[str, str]) -> bool:
    def org(x: str | None) -> str:
        return pred_names.get(fold(x), fold(x)) if x else ""

    return (
        fold(g.title).replace("-", " ") == fold(p.title).replace("-", " ")
        and (g.country or "") == (p.country or "")
        and org(g.organization) == org(p.organization)
    )


def score(pairs: Iterable[tuple[list[Entity], list[Entity]]]) -> Scores:
    prec = rec = 0.0
    n_pred = n_gold = typed = n_ents = roles_ok = n_roles = 0
    for gold, pred in pairs:
        p, r, np_, ng = b_cubed(gold, pred)
        prec, rec, n_pred, n_gold = prec + p, rec + r, n_pred + np_, n_gold + ng
        # organisation names: any alias of an entity stands for its name
        names = {fold(a): fold(e.name) for e in gold + pred for a in [e.name, *e.aliases]}
        for m in (m for e in gold for m in e.mentions):
            names.setdefault(fold(m.text), fold(next(e.name for e in gold if m in e.mentions)))
        for g in gold:
            n_ents += 1
            best = _match(g, pred)
            typed += best is not None and best.type == g.type
            for role in g.roles:
                n_roles += 1
                roles_ok += best is not None and any(
                    _same_role(role, pr, names) for pr in best.roles
                )
    precision = prec / n_pred if n_pred else 0.0
    recall = rec / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, typed / n_ents if n_ents else 0.0,
                  roles_ok / n_roles if n_roles else 0.0, n_ents, n_gold)


def raw_spacy(doc: object) -> list[Entity]:
    """The old baseline: spaCy's entities grouped by text and label, no roles."""
    groups: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:  # type: ignore[attr-defined]
        if ent.label_ not in RAW_LABELS:
            continue
        key = (ent.text.lower(), ent.label_)
        if key not in groups:
            groups[key] = Entity(id=f"s{len(groups) + 1}", name=ent.text, type=ent.label_)
        groups[key].mentions.append(Mention(text=ent.text, span=(ent.start_char, ent.end_char)))
    return list(groups.values())


def evaluate(gold_path: Path = DEFAULT_GOLD) -> dict[str, Scores]:
    """Run the pipeline over the gold's articles; score dateline and raw spaCy.

    The gold is read once and each input file once (a JSONL file holds many articles)."""
    from dateline.analysis import prepare_doc
    from dateline.nlp.pipeline import load_pipeline
    from dateline.read import Article, ReadError, iter_articles

    meta = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = list(meta["articles"])
    base = gold_path.parent / str(meta.get("articles_dir", "."))
    by_file: dict[str, list[Article]] = {}
    for name in dict.fromkeys(str(art["file"]) for art in articles):
        by_file[name] = [a for a in iter_articles([str(base / name)]) if isinstance(a, Article)]
    nlp = load_pipeline()
    ours: list[tuple[list[Entity], list[Entity]]] = []
    raw: list[tuple[list[Entity], list[Entity]]] = []
    for art in articles:
        line = art.get("line")
        article = next(a for a in by_file[str(art["file"])]
                       if line is None or a.source.line == line)
        prepared = prepare_doc(article, None, nlp)
        if isinstance(prepared, ReadError):
            raise ValueError(f"{art['file']}: {prepared}")
        doc = nlp(prepared)
        gold = gold_entities(art)
        ours.append((gold, doc._.entities or []))
        raw.append((gold, raw_spacy(doc)))
    return {"dateline": score(ours), "spacy": score(raw)}


@click.command("entities")
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Gold file (default: gold/sample-entities.json).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def entities_cmd(gold: Path | None, as_json: bool) -> None:
    """Entity clusters (B-cubed), type and role accuracy on our own gold."""
    from dateline.cli.errors import fail

    path = gold or DEFAULT_GOLD
    if not path.exists():
        fail(f"gold file not found: {path} (give one with --gold)", 2)
    try:
        results = evaluate(path)
    except (KeyError, ValueError, StopIteration) as exc:
        fail(f"cannot read gold file {path}: {exc!r}", 2)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in results.items()}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Entities on {path.name}")
    for col in ("system", "B3 precision", "B3 recall", "B3 F1", "type acc.", "role acc."):
        table.add_column(col, justify="right" if col != "system" else "left")
    for name, s in results.items():
        table.add_row(name, *(f"{x:.3f}" for x in (s.precision, s.recall, s.f1,
                                                   s.type_accuracy, s.role_accuracy)))
    Console().print(table)
    s = results["dateline"]
    click.echo(f"{s.entities} gold entities, {s.mentions} gold mentions")
