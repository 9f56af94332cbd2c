"""Wire headers: headline, dek and dateline at the top of a plain-text story.

The patterns live in ``data/datelines.txt`` so a new house style is a line of data,
not a code change. Every span returned points into the text given, unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dateline.record import DatelineInfo, Evidence

_DATA = files("dateline.read") / "data"
_TERMINAL = (".", "!", "?", '"', "”", "'", "’", "»", ":", ";")
_MAX_HEADLINE = 250
_MAX_DEK = 400


def _data_lines(name: str) -> list[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def months() -> dict[str, int]:
    return {name.lower(): int(num) for name, num in _data_lines("months.tsv")}


@cache
def agencies() -> dict[str, str]:
    return {token: outlet for token, outlet in _data_lines("agencies.tsv")}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    rows = _data_lines("datelines.txt")
    fragments = {k[1:]: v for k, v in rows if k.startswith("=")}
    month_alt = "|".join(sorted(months(), key=len, reverse=True))
    fragments["MONTH"] = "(?i:" + month_alt + ")"

    def fill(pattern: str) -> str:
        for _ in range(3):  # fragments may refer to fragments
            for key, value in fragments.items():
                pattern = pattern.replace("{" + key + "}", value)
        return pattern

    return [(style, re.compile(fill(rx))) for style, rx in rows if not style.startswith("=")]


@dataclass
class Header:
    headline: Evidence | None
    dek: Evidence | None
    dateline: DatelineInfo | None
    style: str | None = None


def parse_month_day(text: str) -> tuple[int | None, int, int] | None:
    """``Jan. 6`` / ``January 10, 2022`` / ``6 January 2022`` -> (year, month, day)."""
    m = re.fullmatch(r"([A-Za-z]+)\.? (\d{1,2})(?:, (\d{4}))?", text.strip())
    if m:
        mon, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+)\.?(?: (\d{4}))?", text.strip())
        if not m:
            return None
        day, mon, year = m.group(1), m.group(2), m.group(3)
    month = months().get(mon.lower())
    if month is None or not 1 <= int(day) <= 31:
        return None
    return (int(year) if year else None, month, int(day))


def match_dateline(text: str, offset: int = 0) -> tuple[str, DatelineInfo] | None:
    """Match a dateline at the start of ``text``; spans are shifted by ``offset``."""
    for style, rx in _patterns():
        m = rx.match(text)
        if not m:
            continue
        groups = m.groupdict()
        if not groups["place"][0].isupper():
            continue
        if style == "bare" and not _plausible_bare_place(groups["place"]):
            continue
        agency_token = (groups.get("agency") or "").strip()
        if style in ("slash", "paren") and agency_token not in agencies():
            continue

        def ev(name: str, m: re.Match[str] = m) -> Evidence | None:
            if m.groupdict().get(name) is None:
                return None
            return Evidence(text=m.group(name), span=(offset + m.start(name), offset + m.end(name)))

        date_iso = None
        if groups.get("date"):
            parsed = parse_month_day(groups["date"])
            if parsed:
                year, month, day = parsed
                date_iso = (
                    f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
                )
        end = m.end()
        info = DatelineInfo(
            text=text[:end].rstrip(),
            span=(offset, offset + len(text[:end].rstrip())),
            place=ev("place"),
            date=date_iso,
            date_text=ev("date"),
            agency=ev("agency"),
        )
        return style, info
    return None


def _plausible_bare_place(place: str) -> bool:
    # "KYIV —" but not "A —" or "I —": a bare place is a capitalised word of 3+ letters.
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and place.isupper()


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) offsets, trailing whitespace excluded."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
    return out


def _is_heading(line: str, limit: int) -> bool:
    # Headlines and deks stop without a full stop; a question or exclamation is allowed.
    return len(line) <= limit and (not line.endswith(_TERMINAL) or line.endswith(("?", "!")))


def parse_header(text: str, max_header_lines: int = 4) -> Header:
    """Find headline, dek and dateline in the first lines of a plain-text story."""
    lines = _lines(text)
    # A dateline opens the first paragraph of the body; up to two lines may precede it.
    for i, (s, e) in enumerate(lines[:max_header_lines]):
        found = match_dateline(text[s:e], offset=s)
        if not found:
            continue
        style, info = found
        before = lines[:i]
        headline = _ev(text, before[0]) if before else None
        dek = _ev(text, before[1]) if len(before) > 1 else None
        return Header(headline=headline, dek=dek, dateline=info, style=style)
    # No dateline: a short first line without closing punctuation is a headline,
    # and a second such line is a dek, as long as a body follows.
    headline = dek = None
    if len(lines) >= 2 and _is_heading(text[slice(*lines[0])], _MAX_HEADLINE):
        headline = _ev(text, lines[0])
        if len(lines) >= 3 and _is_heading(text[slice(*lines[1])], _MAX_DEK):
            dek = _ev(text, lines[1])
    return Header(headline=headline, dek=dek, dateline=None, style=None)


def _ev(text: str, bounds: tuple[int, int]) -> Evidence:
    s, e = bounds
    return Evidence(text=text[s:e], span=(s, e))
