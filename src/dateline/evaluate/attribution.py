"""``dateline eval attribution``: who-said-what scored against PolNeAR.

Each role (source, cue, content) is scored twice: exact (the same character spans, ignoring
surrounding white space) and overlap (token Jaccard >= 0.5). Whole attributions match when
the contents overlap with Jaccard >= 0.5 and the sources overlap (or both are absent).
Gold attributions are split by whether their content carries quotation marks (direct and
mixed) or not (indirect). PolNeAR counts as "quoted" any content with a mark, scare quotes
under a noun included ("hailed the deal as a \"breakthrough\""), so a further row keeps the
direct quotations alone: gold whose content words are at least 80% between quotation marks.
Matching is one-to-one, best pairs first.
"""

from __future__ import annotations

import json
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import click

from dateline.evaluate.polnear import GoldAttribution, PolnearArticle, PolnearError, read_split

Span = tuple[int, int]
ROLES = ("source", "cue", "content")
JACCARD = 0.5
QUOTE_MARKS = re.compile("[\"“”«»„]|''|``")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Attribution:
    """Either side of the comparison: spans per role, and whether it is quoted speech."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)
    quoted: bool = False
    direct: bool = False
    """Gold: most of the content is quoted word for word; system: a quote of kind direct."""


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0
    tp_pred: int | None = None
    """Matched predictions, when they are counted apart from matched gold (split rows)."""

    def add(self, tp: int, gold: int, pred: int, tp_pred: int | None = None) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred
        if tp_pred is not None:
            self.tp_pred = (self.tp_pred or 0) + tp_pred

    @property
    def precision(self) -> float:
        tp = self.tp if self.tp_pred is None else self.tp_pred
        return tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "gold": self.gold,
            "pred": self.pred,
        }


class Tokens:
    """Token offsets of one text, so spans can be compared as token sets."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def of(self, spans: Iterable[Span]) -> frozenset[int]:
        """Indices of the tokens a span touches."""
        out: set[int] = set()
        for start, end in spans:
            out.update(range(bisect_right(self.ends, start), bisect_left(self.starts, end)))
        return frozenset(out)

    def exact(self, spans: Iterable[Span]) -> tuple[Span, ...]:
        """Spans stripped of white space, for exact comparison."""
        out: list[Span] = []
        for start, end in sorted(spans):
            piece = self.text[start:end]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if end - trail > start + lead:
                out.append((start + lead, end - trail))
        return tuple(out)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def match(
    gold: Sequence[object], pred: Sequence[object], score: Callable[[object, object], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs with a positive score, best first."""
    pairs = sorted(
        (
            (s, i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if (s := score(g, p)) > 0
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    whole: Counts = field(default_factory=Counts)
    quoted: Counts = field(default_factory=Counts)
    unquoted: Counts = field(default_factory=Counts)
    direct: Counts = field(default_factory=Counts)
    quoted_content: Counts = field(default_factory=Counts)
    articles: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "articles_per_second": round(self.articles / self.seconds, 2) if self.seconds else None,
            "exact": {r: c.as_dict() for r, c in self.exact.items()},
            "overlap": {r: c.as_dict() for r, c in self.overlap.items()},
            "attribution": self.whole.as_dict(),
            "attribution_quoted": self.quoted.as_dict(),
            "attribution_unquoted": self.unquoted.as_dict(),
            "attribution_direct": self.direct.as_dict(),
            "content_quoted": self.quoted_content.as_dict(),
        }


def score_article(
    text: str, gold: Sequence[Attribution], pred: Sequence[Attribution], scores: Scores
) -> None:
    """Add one article's comparison to ``scores``."""
    tokens = Tokens(text)
    for role in ROLES:
        g_items = [tokens.exact(getattr(a, role)) for a in gold if getattr(a, role)]
        p_items = [tokens.exact(getattr(a, role)) for a in pred if getattr(a, role)]
        g_items = [x for x in g_items if x]
        p_items = [x for x in p_items if x]
        same = match(g_items, p_items, lambda g, p: 1.0 if g == p else 0.0)
        scores.exact[role].add(len(same), len(g_items), len(p_items))
        g_tok = [tokens.of(x) for x in g_items]
        p_tok = [tokens.of(x) for x in p_items]
        near = match(g_tok, p_tok, lambda g, p: _at_least(jaccard(g, p)))  # type: ignore[arg-type]
        scores.overlap[role].add(len(near), len(g_tok), len(p_tok))

    g_att = [(tokens.of(a.content), tokens.of(a.source)) for a in gold]
    p_att = [(tokens.of(a.content), tokens.of(a.source)) for a in pred]

    def whole(g: object, p: object) -> float:
        (gc, gs), (pc, ps) = g, p  # type: ignore[misc]
        j = jaccard(gc, pc)
        if j < JACCARD:
            return 0.0
        if (gs or ps) and not (gs & ps):
            return 0.0
        return j

    pairs = match(g_att, p_att, whole)
    scores.whole.add(len(pairs), len(gold), len(pred))
    hit_g = {i for i, _ in pairs}
    hit_p = {j for _, j in pairs}
    splits: list[tuple[Callable[[Attribution], bool], Counts]] = [
        (lambda a: a.quoted, scores.quoted),
        (lambda a: not a.quoted, scores.unquoted),
        (lambda a: a.direct, scores.direct),
    ]
    for belongs, counts in splits:
        gi = [i for i, a in enumerate(gold) if belongs(a)]
        pj = [j for j, a in enumerate(pred) if belongs(a)]
        hits_g = sum(1 for i in gi if i in hit_g)
        counts.add(hits_g, len(gi), len(pj), sum(1 for j in pj if j in hit_p))
    q_gold = [tokens.of(a.content) for a in gold if a.quoted]
    all_pred = [tokens.of(a.content) for a in pred]
    q_pairs = match(q_gold, all_pred, lambda g, p: _at_least(jaccard(g, p)))  # type: ignore[arg-type]
    quoted_pred = [j for j, a in enumerate(pred) if a.quoted]
    hit_q = {j for _, j in q_pairs}
    scores.quoted_content.add(
        len(q_pairs), len(q_gold), len(quoted_pred), sum(1 for j in quoted_pred if j in hit_q)
    )


def _at_least(j: float) -> float:
    return j if j >= JACCARD else 0.0


def gold_attributions(article: PolnearArticle) -> list[Attribution]:
    return [_from_gold(article.text, g) for g in article.attributions]


def _from_gold(text: str, g: GoldAttribution) -> Attribution:
    content = " ".join(text[s:e] for s, e in g.content)
    quoted = bool(QUOTE_MARKS.search(content))
    return Attribution(
        list(g.source),
        list(g.cue),
        list(g.content),
        quoted,
        quoted and share_in_marks(content) >= DIRECT_SHARE,
    )


DIRECT_SHARE = 0.8
_OPENING = frozenset("“«„") | {"``"}
_CLOSING = frozenset("”»")


def share_in_marks(content: str) -> float:
    """The share of a content's words that stand between quotation marks: a straight mark
    or ``''`` opens when outside and closes when inside; curly marks and guillemets say
    which they are (``“`` after ``”`` in a run of quoted paragraphs opens again)."""
    inside, words, quoted, opener = False, 0, 0, ""
    for m in _TOKEN.finditer(content.replace("''", "\x00").replace("``", "\x01")):
        tok = m.group().replace("\x00", "''").replace("\x01", "``")
        if tok == "“" and inside and opener == "„":
            inside = False  # German: „...“
        elif tok in _OPENING:
            inside, opener = True, tok
        elif tok in _CLOSING:
            inside = False
        elif tok in ('"', "''"):
            inside = not inside
        elif tok[0].isalnum() or tok[0] == "_":
            words += 1
            quoted += inside
    return quoted / words if words else 0.0


def predicted_attributions(record: dict[str, object]) -> list[Attribution]:
    """Spans of the quotes in a record (JSON dict)."""
    out: list[Attribution] = []
    for q in record.get("quotes") or []:  # type: ignore[union-attr]
        speaker = q.get("speaker") or {}
        cue = q.get("cue") or {}
        out.append(
            Attribution(
                source=[tuple(speaker["span"])] if speaker.get("span") else [],
                cue=[tuple(cue["span"])] if cue.get("span") else [],
                content=[tuple(s) for s in q["content"]["spans"]],
                quoted=q["kind"] in ("direct", "mixed"),
                direct=q["kind"] == "direct",
            )
        )
    return out


ERROR_COLUMNS = (
    "article",
    "error",
    "quoted",
    "jaccard",
    "gold_source",
    "gold_cue",
    "gold_content",
    "sys_source",
    "sys_cue",
    "sys_content",
)


def error_rows(
    name: str, text: str, gold: Sequence[Attribution], pred: Sequence[Attribution]
) -> list[tuple[str, ...]]:
    """One row per error of an article, for reading errors by class rather than by score.

    ``error`` is ``miss`` (no prediction overlaps the gold content), ``split`` (the closest
    prediction's content has Jaccard < 0.5), ``source`` (the content matches but the source
    does not), ``boundary:ROLES`` (a whole match whose listed roles differ from gold
    exactly) or ``false_alarm`` (a prediction matched by no gold). Each row gives the
    gold attribution and the closest one on the other side, roles as ``start-end;...
    |text``.
    """
    tokens = Tokens(text)
    g_att = [(tokens.of(a.content), tokens.of(a.source)) for a in gold]
    p_att = [(tokens.of(a.content), tokens.of(a.source)) for a in pred]

    def whole(g: object, p: object) -> float:
        (gc, gs), (pc, ps) = g, p  # type: ignore[misc]
        j = jaccard(gc, pc)
        if j < JACCARD or ((gs or ps) and not (gs & ps)):
            return 0.0
        return j

    pairs = dict(match(g_att, p_att, whole))
    matched_p = set(pairs.values())
    rows: list[tuple[str, ...]] = []

    def closest(mine: frozenset[int], others: list[tuple[frozenset[int], frozenset[int]]]) -> int:
        best, best_j = -1, 0.0
        for k, (content, _) in enumerate(others):
            j = jaccard(mine, content)
            if j > best_j:
                best, best_j = k, j
        return best

    def row(error: str, g: Attribution | None, p: Attribution | None, j: float) -> None:
        quoted = g.quoted if g is not None else (p.quoted if p is not None else False)
        cells = [name, error, "yes" if quoted else "no", f"{j:.2f}"]
        for side in (g, p):
            for role in ROLES:
                cells.append(_cell(text, getattr(side, role)) if side is not None else "")
        rows.append(tuple(cells))

    for i, g in enumerate(gold):
        if i in pairs:
            p = pred[pairs[i]]
            off = [r for r in ROLES if tokens.exact(getattr(g, r)) != tokens.exact(getattr(p, r))]
            if off:
                row("boundary:" + ",".join(off), g, p, jaccard(g_att[i][0], p_att[pairs[i]][0]))
            continue
        k = closest(g_att[i][0], p_att)
        if k < 0:
            row("miss", g, None, 0.0)
            continue
        j = jaccard(g_att[i][0], p_att[k][0])
        row("split" if j < JACCARD else "source", g, pred[k], j)
    for k, p in enumerate(pred):
        if k in matched_p:
            continue
        i = closest(p_att[k][0], g_att)
        j = jaccard(p_att[k][0], g_att[i][0]) if i >= 0 else 0.0
        row("false_alarm", gold[i] if i >= 0 else None, p, j)
    return rows


def _cell(text: str, spans: Sequence[Span]) -> str:
    """Spans as offsets and text on one TSV cell (tabs and newlines made visible)."""
    if not spans:
        return ""
    where = ";".join(f"{s}-{e}" for s, e in spans)
    words = " … ".join(text[s:e] for s, e in spans)
    return where + "|" + words.replace("\t", " ").replace("\r", "").replace("\n", "⏎")


def write_errors(path: str, rows: Iterable[tuple[str, ...]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\t".join(ERROR_COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def evaluate(
    articles: Sequence[PolnearArticle],
    model: str | None = None,
    errors: list[tuple[str, ...]] | None = None,
) -> Scores:
    """Analyze every article once and score it; time covers reading, parsing and assembly.
    Error rows are appended to ``errors`` when it is given."""
    from dateline.analysis import analyze_articles
    from dateline.nlp.pipeline import DEFAULT_MODEL, load_pipeline
    from dateline.read import Article, ReadError
    from dateline.read.plain import read_plain
    from dateline.record import Source

    nlp = load_pipeline(model or DEFAULT_MODEL)
    scores = Scores()
    start = time.perf_counter()
    items: list[Article | ReadError] = [read_plain(a.text, Source(path=a.name)) for a in articles]
    results = list(analyze_articles(items, nlp=nlp))
    scores.seconds = time.perf_counter() - start
    for article, result in zip(articles, results, strict=True):
        scores.articles += 1
        pred = (
            [] if isinstance(result, ReadError) else predicted_attributions(result.to_json_dict())
        )
        gold = gold_attributions(article)
        score_article(article.text, gold, pred, scores)
        if errors is not None:
            errors.extend(error_rows(article.name, article.text, gold, pred))
    return scores


def render(scores: Scores) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"PolNeAR attribution ({scores.articles} articles)")
    for col in ("", "P", "R", "F1", "gold", "pred"):
        table.add_column(col, justify="right" if col else "left")

    def row(name: str, c: Counts) -> None:
        table.add_row(
            name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.gold), str(c.pred)
        )

    for role in ROLES:
        row(f"{role} exact", scores.exact[role])
        row(f"{role} overlap", scores.overlap[role])
    row("attribution", scores.whole)
    row("  quoted (direct/mixed)", scores.quoted)
    row("  unquoted (indirect)", scores.unquoted)
    row("  direct (>=80% in marks)", scores.direct)
    row("  quoted content only", scores.quoted_content)
    console = Console()
    console.print(table)
    if scores.seconds:
        console.print(f"{scores.articles / scores.seconds:.1f} articles/s (read + parse + analyze)")


@click.command("attribution")
@click.option(
    "--polnear",
    "directory",
    required=True,
    type=click.Path(file_okay=False),
    help="A PolNeAR split directory (with text/ and attributions/).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles.")
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, help="Skip the first N articles."
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write misses, false alarms and boundary errors to this TSV file.",
)
def attribution_cmd(
    directory: str, limit: int | None, offset: int, as_json: bool, errors_path: str | None
) -> None:
    """Score quotation attribution (source, cue, content) against PolNeAR."""
    from dateline.cli.errors import fail
    from dateline.nlp.pipeline import ModelError
    from dateline.read.errors import Exit

    try:
        articles = read_split(directory, limit, offset)
        errors: list[tuple[str, ...]] | None = [] if errors_path else None
        scores = evaluate(articles, errors=errors)
    except (PolnearError, ModelError) as exc:
        fail(str(exc), Exit.USAGE)
    if errors_path and errors is not None:
        try:
            write_errors(errors_path, errors)
        except OSError as exc:
            fail(f"cannot write {errors_path}: {exc.strerror}", Exit.USAGE)
    if as_json:
        json.dump(scores.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        render(scores)
