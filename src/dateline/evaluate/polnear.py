"""PolNeAR reader: brat stand-off attributions (Source / Cue / Content) beside each text.

A split directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``. Where
several annotators marked one article, the lexicographically first ``.ann`` file is used,
so every run scores against the same gold. Attributions are the brat events (``E`` lines)
whose roles point at text-bound annotations (``T`` lines); ``Discuss``/``Discard`` notes
and unlinked spans are not attributions. ``Content2`` (a second content the annotators
linked to one cue) is merged into the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]


@dataclass
class GoldAttribution:
    """One attribution relation; each role is a list of ``[start, end)`` character spans."""

    id: str
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass
class PolnearArticle:
    name: str
    text: str
    annotation: str
    """File name of the ``.ann`` file the gold came from."""
    attributions: list[GoldAttribution]


class PolnearError(Exception):
    """The directory is not a PolNeAR split; the message is one line for the user."""


_ROLES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Attributions from the text of one brat ``.ann`` file (bad lines are skipped)."""
    spans: dict[str, list[Span]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        if parts[0][0] == "T":
            label, _, offsets = parts[1].partition(" ")
            found: list[Span] = []
            for piece in offsets.split(";"):
                nums = piece.split()
                if len(nums) == 2 and nums[0].isdigit() and nums[1].isdigit():
                    found.append((int(nums[0]), int(nums[1])))
            if label and found:
                spans[parts[0]] = found
        elif parts[0][0] == "E":
            args = [tuple(a.split(":", 1)) for a in parts[1].split() if ":" in a]
            events.append((parts[0], [(r, t) for r, t in args]))  # type: ignore[misc]
    out: list[GoldAttribution] = []
    for eid, args in events:
        attribution = GoldAttribution(id=eid)
        for role, ref in args:
            name = _ROLES.get(role)
            if name is not None and ref in spans:
                getattr(attribution, name).extend(spans[ref])
        if attribution.cue or attribution.content:
            for name in ("source", "cue", "content"):
                setattr(attribution, name, sorted(set(getattr(attribution, name))))
            out.append(attribution)
    return out


def annotation_for(directory: Path, name: str) -> Path | None:
    """The lexicographically first ``NAME_<annotator>.ann`` for an article, if any."""
    candidates = sorted(
        p
        for p in (directory / "attributions").glob(f"{name}_*.ann")
        if p.stem.rsplit("_", 1)[0] == name
    )
    return candidates[0] if candidates else None


def read_split(
    directory: str | Path, limit: int | None = None, offset: int = 0
) -> list[PolnearArticle]:
    """Every annotated article of a split (``train``, ``dev``...), sorted by name; ``offset``
    skips that many annotated articles first (slices for development and checking)."""
    root = Path(directory)
    texts = root / "text"
    if not texts.is_dir() or not (root / "attributions").is_dir():
        raise PolnearError(f"{root} is not a PolNeAR split (needs text/ and attributions/)")
    articles: list[PolnearArticle] = []
    skipped = 0
    for path in sorted(texts.glob("*.txt")):
        ann = annotation_for(root, path.stem)
        if ann is None:
            continue
        if skipped < offset:
            skipped += 1
            continue
        # newline="" keeps "\r\n" as two characters, as brat counted them
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        gold = parse_ann(ann.read_text(encoding="utf-8"))
        articles.append(PolnearArticle(path.stem, text, ann.name, gold))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise PolnearError(f"no annotated articles in {root}")
    return articles
