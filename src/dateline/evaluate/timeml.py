"""TimeML reader: the plain text of ``<TEXT>`` with the offsets, type and value of each TIMEX3.

The document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``, usually
inside ``<DCT>``) is the reference date and is not scored: TempEval-3 leaves it out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GoldTimex:
    """One annotated temporal expression; ``span`` is ``[start, end)`` into the plain text."""

    tid: str
    span: tuple[int, int]
    type: str
    value: str


@dataclass
class TimeMLDoc:
    """One TimeML file: its plain text, DCT (ISO date or None) and gold timexes."""

    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def _walk(elem: ET.Element, parts: list[str], found: list[GoldTimex], pos: int) -> int:
    """Append elem's text to parts depth-first; record TIMEX3 offsets; return the new position."""
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _walk(child, parts, found, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3" and elem.get("functionInDocument") != "CREATION_TIME":
        found.append(
            GoldTimex(
                tid=elem.get("tid", ""),
                span=(start, pos),
                type=elem.get("type", ""),
                value=elem.get("value", ""),
            )
        )
    return pos


def _dct(root: ET.Element) -> str | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")
            return value[:10] if len(value) >= 10 and value[4:5] == "-" else None
    return None


def parse_timeml(source: str, name: str = "") -> TimeMLDoc:
    """Parse TimeML markup; the text is ``<TEXT>``'s content with every tag removed."""
    root = ET.fromstring(source)
    text_elem = root.find(".//TEXT")
    parts: list[str] = []
    found: list[GoldTimex] = []
    if text_elem is not None:
        # TEXT's own tail and tag are not part of the text; only its content is.
        inner = ET.Element("TEXT")
        inner.text = text_elem.text
        inner.extend(list(text_elem))
        _walk(inner, parts, found, 0)
    found.sort(key=lambda t: t.span)
    return TimeMLDoc(name=name, text="".join(parts), dct=_dct(root), timexes=found)


def read_timeml(path: Path) -> TimeMLDoc:
    return parse_timeml(path.read_text(encoding="utf-8"), name=path.stem)


def find_timeml(root: Path) -> dict[str, list[Path]]:
    """``.tml`` files below root grouped by their folder relative to root (``.`` for root)."""
    groups: dict[str, list[Path]] = {}
    for path in sorted(root.rglob("*.tml")):
        rel = path.parent.relative_to(root)
        groups.setdefault(str(rel), []).append(path)
    return groups
