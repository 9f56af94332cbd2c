"""Wire headers: headline, dek and dateline at the top of a plain-text story.

The patterns live in ``data/datelines.txt`` so a new house style is a line of data,
not a code change. Every span returned points into the text given, unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dateline.datafiles import rows
from dateline.record import DatelineInfo, Evidence

_TERMINAL = (".", "!", "?", '"', "”", "'", "’", "»", ":", ";")
_MAX_HEADLINE = 250
_MAX_DEK = 400


def _data_lines(name: str) -> list[list[str]]:
    return rows("dateline.read", name)


@cache
def months() -> dict[str, int]:
    return {name.lower(): int(num) for name, num in _data_lines("months.tsv")}


@cache
def agencies() -> dict[str, str]:
    return {token: outlet for token, outlet in _data_lines("agencies.tsv")}


@dataclass(frozen=True)
class _Style:
    name: str
    rx: re.Pattern[str]
    needs: frozenset[str]


@cache
def _patterns() -> list[_Style]:
    rows = _data_lines("datelines.txt")
    fragments = {row[0][1:]: row[1] for row in rows if row[0].startswith("=")}
    month_alt = "|".join(sorted(months(), key=len, reverse=True))
    fragments["MONTH"] = "(?i:" + month_alt + ")"

    def fill(pattern: str) -> str:
        for _ in range(3):  # fragments may refer to fragments
            for key, value in fragments.items():
                pattern = pattern.replace("{" + key + "}", value)
        return pattern

    return [
        _Style(row[0], re.compile(fill(row[1])), frozenset(filter(None, _cells(row, 2))))
        for row in rows
        if not row[0].startswith("=")
    ]


def _cells(row: list[str], index: int) -> list[str]:
    """The comma-separated words of an optional column ("known-agency,date")."""
    return [w.strip() for w in row[index].split(",")] if len(row) > index else []


@dataclass
class Header:
    headline: Evidence | None
    dek: Evidence | None
    dateline: DatelineInfo | None
    byline: Evidence | None = None


@cache
def kickers() -> frozenset[str]:
    """Capitalised labels that open a line with a dash but are not places (EXCLUSIVE —)."""
    return frozenset(row[0].upper() for row in _data_lines("kickers.txt"))


def agency_outlet(token: str) -> str | None:
    """The outlet an agency token names (``AP`` -> Associated Press), any case."""
    token = " ".join(token.split())
    known = agencies()
    if token in known:
        return known[token]
    folded = {k.casefold(): v for k, v in known.items()}
    return folded.get(token.casefold())


def _iso_date(groups: dict[str, str | None]) -> str | None:
    """ISO date from the dateline's month/day/year groups; None if it is no real day."""
    month_name = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    year = groups.get("year") or groups.get("year2")
    month = months().get((month_name or "").lower())
    if month is None or day is None:
        return None
    try:  # a year-less date is checked against a leap year, so February 29 stands
        dt.date(int(year) if year else 2000, month, int(day))
    except ValueError:
        return None
    return f"{year}-{month:02d}-{int(day):02d}" if year else f"XXXX-{month:02d}-{int(day):02d}"


def match_dateline(text: str, offset: int = 0, alone: bool = False) -> DatelineInfo | None:
    """Match a dateline at the start of one line ``text``; spans are shifted by ``offset``.

    ``alone`` says the line stands between a headline and a body paragraph, where a line
    that is only a place in capitals ("ANKARA") is a dateline rather than a dek.
    """
    for style in _patterns():
        if "alone" in style.needs and not alone:
            continue
        m = style.rx.match(text)
        if not m:
            continue
        groups = m.groupdict()
        place = groups["place"]
        if not place[0].isupper() or place.upper() in kickers():
            continue
        if "capitals" in style.needs and not _plausible_bare_place(place):
            continue
        if "date" in style.needs and not groups.get("date"):
            continue
        agency = groups.get("agency")
        known = agency is not None and agency_outlet(agency) is not None
        if "known-agency" in style.needs and not known:
            # 'DURMAZ (through translator):' opens a transcript line, not a story
            continue
        # An agency we do not know is still an agency when the place is in wire capitals.
        if agency is not None and not known and not place.isupper():
            continue

        def ev(name: str, m: re.Match[str] = m) -> Evidence | None:
            if m.groupdict().get(name) is None:
                return None
            return Evidence(text=m.group(name), span=(offset + m.start(name), offset + m.end(name)))

        head = text[: m.end()].rstrip()
        return DatelineInfo(
            text=head,
            span=(offset, offset + len(head)),
            place=ev("place"),
            date=_iso_date(groups) if groups.get("date") else None,
            date_text=ev("date"),
            agency=ev("agency"),
        )
    return None


def _plausible_bare_place(place: str) -> bool:
    # "KYIV —" but not "A —" or "I —": a bare place is a capitalised word of 3+ letters.
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and place.isupper()


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The first ``limit`` non-empty lines as (start, end) offsets, outer whitespace excluded."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
            if len(out) == limit:
                break
    return out


def _is_heading(line: str, limit: int) -> bool:
    # Headlines and deks stop without a full stop; a question or exclamation is allowed,
    # and so is a full stop after a Title Case line (some archives add one to every title).
    if len(line) > limit:
        return False
    return not line.endswith(_TERMINAL) or line.endswith(("?", "!")) or (
        line.endswith(".") and is_title_case(line[:-1])
    )


@cache
def _small_words() -> frozenset[str]:
    return frozenset(row[0].lower() for row in _data_lines("titlecase.txt"))


def is_title_case(line: str) -> bool:
    """Whether a line is set in Title Case: at least four words that are not short
    function words, nearly all of them capitalised (a prose sentence never is)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _small_words()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_BYLINE = re.compile(r"(?i:by)\s+[A-Z][\w.'\-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'\-]*){0,6}")


def parse_header(text: str, max_header_lines: int = 4) -> Header:
    """Find headline, dek, byline and dateline in the first lines of a plain-text story.

    The dateline opens the first body paragraph, within the first ``max_header_lines``
    lines; of the lines before it, the first is the headline, a line "By Name" is the
    byline, and the next other line is the dek.
    """
    lines = _lines(text, max_header_lines + 2)
    for i, (s, e) in enumerate(lines[:max_header_lines]):
        info = match_dateline(text[s:e], offset=s, alone=_stands_alone(text, lines, i))
        if info is None:
            continue
        header = Header(headline=None, dek=None, dateline=info)
        for bounds in lines[:i]:
            line = text[slice(*bounds)]
            if header.headline is None:
                header.headline = _ev(text, bounds)
            elif header.byline is None and _BYLINE.fullmatch(line):
                header.byline = _ev(text, bounds)
            elif header.dek is None:
                header.dek = _ev(text, bounds)
        return header
    # No dateline: a short first line without closing punctuation is a headline,
    # and a second such line is a dek, as long as a body follows.
    header = Header(headline=None, dek=None, dateline=None)
    if len(lines) >= 2 and _is_heading(text[slice(*lines[0])], _MAX_HEADLINE):
        header.headline = _ev(text, lines[0])
        rest = lines[1:]
        if rest and _BYLINE.fullmatch(text[slice(*rest[0])]):
            header.byline = _ev(text, rest[0])
            rest = rest[1:]
        if len(rest) >= 2 and _is_heading(text[slice(*rest[0])], _MAX_DEK):
            header.dek = _ev(text, rest[0])
    return header


def _stands_alone(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line ``i`` sits where a dateline on a line of its own would: after a headline
    that is not itself in capitals (so an all-capitals two-line headline is not split), and
    before a body paragraph that carries no dateline of its own ("UKRAINE" over
    "KYIV (AP) — ..." is a section label)."""
    if i == 0 or i + 1 >= len(lines):
        return False
    first = text[slice(*lines[0])]
    following = text[slice(*lines[i + 1])]
    return (
        not first.isupper()
        and not _is_heading(following, _MAX_DEK)
        and match_dateline(following) is None
    )


def _ev(text: str, bounds: tuple[int, int]) -> Evidence:
    s, e = bounds
    return Evidence(text=text[s:e], span=(s, e))
