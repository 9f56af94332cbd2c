"""``dateline eval timex``: TempEval-3 Task A figures on TimeML gold.

Definitions follow the TempEval-3 scorer (UzZaman et al., 2013): a *strict* match has the
same boundaries, a *relaxed* match overlaps; precision and recall count matched system and
gold expressions (one-to-one pairing); type and value accuracy are taken over the relaxed
matches, and value F1 is relaxed F1 times value accuracy. The DCT is not scored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from dateline.evaluate.timeml import GoldTimex, TimeMLDoc, find_timeml, read_timeml
from dateline.record import Timex


@dataclass
class Counts:
    """Sums over documents; the figures are derived from them (micro average)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        def prf(hits: int) -> tuple[float, float, float]:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict)
        rp, rr, rf = prf(self.relaxed)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": sf,
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "type_acc": type_acc,
            "type_f1": rf * type_acc,
            "value_acc": value_acc,
            "value_f1": rf * value_acc,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pair(
    gold: Sequence[GoldTimex], system: Sequence[Timex]
) -> list[tuple[GoldTimex, Timex]]:
    """One-to-one relaxed pairs: exact-boundary pairs first, then the largest overlaps."""
    pairs: list[tuple[GoldTimex, Timex]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    by_span = {tuple(s.span): i for i, s in enumerate(system)}
    for gi, g in enumerate(gold):
        si = by_span.get(g.span)
        if si is not None and si not in used_s:
            pairs.append((g, system[si]))
            used_g.add(gi)
            used_s.add(si)
    cands = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for si, s in enumerate(system):
            if si not in used_s and _overlap(g.span, tuple(s.span)):
                size = min(g.span[1], s.span[1]) - max(g.span[0], s.span[0])
                cands.append((-size, gi, si))
    for _, gi, si in sorted(cands):
        if gi in used_g or si in used_s:
            continue
        pairs.append((gold[gi], system[si]))
        used_g.add(gi)
        used_s.add(si)
    return pairs


def score_doc(gold: Sequence[GoldTimex], system: Sequence[Timex]) -> Counts:
    pairs = pair(gold, system)
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=sum(1 for g, s in pairs if g.span == tuple(s.span)),
        relaxed=len(pairs),
        type_ok=sum(1 for g, s in pairs if g.type == s.type),
        value_ok=sum(1 for g, s in pairs if s.value is not None and g.value == s.value),
        docs=1,
    )


def run_dateline(docs: Sequence[TimeMLDoc]) -> Iterable[list[Timex]]:
    """Timexes dateline finds in each document's plain text, with its DCT as reference."""
    from dateline.nlp.pipeline import load_pipeline
    from dateline.read import Article
    from dateline.record import Published, Source

    nlp = load_pipeline()
    prepared = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.article = Article(text=d.text, source=Source(path=d.name))
        doc._.published = Published(date=d.dct, origin="metadata") if d.dct else None
        prepared.append(doc)
    skip = [n for n in ("dateline_entities", "dateline_quotes") if n in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        for doc in nlp.pipe(prepared, batch_size=16):
            yield list(doc._.timexes or [])


def select(paths: list[Path], half: tuple[int, int] | None, limit: int | None) -> list[Path]:
    """The k-th of n contiguous parts of the sorted file list (the first parts take the
    remainder), then at most ``limit`` files: a fixed, reproducible held-out split."""
    paths = sorted(paths, key=lambda p: p.name)
    if half is not None:
        k, n = half
        size, extra = divmod(len(paths), n)
        start = (k - 1) * size + min(k - 1, extra)
        paths = paths[start : start + size + (1 if k <= extra else 0)]
    return paths[:limit] if limit is not None else paths


def error_rows(doc: TimeMLDoc, system: Sequence[Timex]) -> list[tuple[str, ...]]:
    """One row per miss, spurious match, boundary, type or value error (for analysis)."""
    pairs = pair(doc.timexes, system)
    rows: list[tuple[str, ...]] = []
    paired_g = {id(g) for g, _ in pairs}
    paired_s = {id(s) for _, s in pairs}

    def ctx(span: tuple[int, int]) -> str:
        return doc.text[max(0, span[0] - 60) : span[1] + 40].replace("\n", " ")

    for g in doc.timexes:
        if id(g) not in paired_g:
            text = doc.text[g.span[0] : g.span[1]]
            rows.append(("missed", doc.name, text, g.type, g.value, "", "", "", ctx(g.span)))
    for s in system:
        if id(s) not in paired_s:
            rows.append(("spurious", doc.name, "", "", "", s.text, s.type, s.value or "",
                         ctx(tuple(s.span))))
    for g, s in pairs:
        kinds = []
        if g.span != tuple(s.span):
            kinds.append("span")
        if g.type != s.type:
            kinds.append("type")
        if g.value != s.value:
            kinds.append("value")
        if kinds:
            rows.append(("+".join(kinds), doc.name, doc.text[g.span[0] : g.span[1]], g.type,
                         g.value, s.text, s.type, s.value or "", ctx(g.span)))
    return rows


def evaluate(
    root: Path,
    limit: int | None = None,
    half: tuple[int, int] | None = None,
    parts: Sequence[str] = (),
    errors: list[tuple[str, ...]] | None = None,
    prefixes: Sequence[str] = (),
) -> dict[str, dict[str, object]]:
    """Counts and figures per subfolder of root and overall (key ``all``); with prefixes,
    only the files whose names start with one of them (after the --half split)."""
    results: dict[str, dict[str, object]] = {}
    total = Counts()
    for group, all_paths in find_timeml(root).items():
        if parts and group not in parts:
            continue
        paths = select(all_paths, half, limit)
        if prefixes:
            paths = [p for p in paths if p.name.startswith(tuple(prefixes))]
        docs = [read_timeml(p) for p in paths]
        counts = Counts()
        for d, found in zip(docs, run_dateline(docs), strict=True):
            counts.add(score_doc(d.timexes, found))
            if errors is not None:
                errors.extend(error_rows(d, found))
        total.add(counts)
        results[group] = {"counts": counts.__dict__, **counts.figures()}
    results["all"] = {"counts": total.__dict__, **total.figures()}
    return results


COLUMNS = (
    ("strict_p", "strict P"),
    ("strict_r", "strict R"),
    ("strict_f1", "strict F1"),
    ("relaxed_p", "relaxed P"),
    ("relaxed_r", "relaxed R"),
    ("relaxed_f1", "relaxed F1"),
    ("type_acc", "type acc"),
    ("value_acc", "value acc"),
    ("value_f1", "value F1"),
)


@click.command("timex")
@click.option(
    "--timeml",
    "timeml_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="directory with .tml files below it; scored per subfolder and overall",
)
@click.option("--limit", type=int, default=None, help="at most N documents per subfolder")
@click.option(
    "--half",
    default=None,
    metavar="K/N",
    help="score only the K-th of N contiguous parts of each subfolder (sorted by file name)",
)
@click.option("--part", "parts", multiple=True, help="score only this subfolder (repeatable)")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="write every miss, spurious and wrong match as TSV (development parts only)",
)
@click.option(
    "--prefix",
    "prefixes",
    multiple=True,
    help="score only files whose names start with this (repeatable; e.g. NYT, CNN)",
)
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
def timex_cmd(
    timeml_dir: Path,
    limit: int | None,
    half: str | None,
    parts: tuple[str, ...],
    errors_path: Path | None,
    prefixes: tuple[str, ...],
    as_json: bool,
) -> None:
    """TempEval-3 Task A: timex extraction (strict/relaxed), type and value."""
    split: tuple[int, int] | None = None
    if half is not None:
        try:
            k, n = (int(x) for x in half.split("/"))
        except ValueError:
            raise click.BadParameter("expected K/N, e.g. 2/2", param_hint="--half") from None
        if not 1 <= k <= n:
            raise click.BadParameter("K must be between 1 and N", param_hint="--half")
        split = (k, n)
    errors: list[tuple[str, ...]] | None = [] if errors_path is not None else None
    results = evaluate(timeml_dir, limit, split, parts, errors, prefixes)
    if errors_path is not None and errors is not None:
        header = ("kind", "doc", "gold", "gtype", "gvalue", "sys", "stype", "svalue", "context")
        lines = ["\t".join(header)] + ["\t".join(r) for r in errors]
        errors_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"TempEval-3 Task A on {timeml_dir}")
    table.add_column("part")
    table.add_column("docs", justify="right")
    table.add_column("gold", justify="right")
    table.add_column("system", justify="right")
    for _, label in COLUMNS:
        table.add_column(label, justify="right")
    for group, res in results.items():
        counts = res["counts"]
        assert isinstance(counts, dict)
        table.add_row(
            group,
            str(counts["docs"]),
            str(counts["gold"]),
            str(counts["system"]),
            *(f"{100 * float(res[key]):.2f}" for key, _ in COLUMNS),  # type: ignore[arg-type]
        )
    Console(width=160).print(table)
