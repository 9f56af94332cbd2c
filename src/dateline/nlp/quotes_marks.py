"""Quotation-mark scanning: where quoted text starts and ends, on the raw text.

One regular-expression pass finds every mark; pairing is done per paragraph, so an
unbalanced mark closes at the end of its paragraph and never swallows the article. A quote
left open at a paragraph end continues when the next paragraph opens with a mark (the
news convention for quotations running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from dateline.datafiles import rows


@dataclass
class QuoteSegment:
    """Quoted text in one paragraph: ``[start, end)`` includes the marks."""

    start: int
    end: int
    closed: bool = True
    continues: bool = False
    """Left open at the paragraph end, and the next paragraph reopens the quotation."""
    continued: bool = False
    """Continues the quotation of the previous paragraph."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@cache
def _mark_rows() -> list[list[str]]:
    """``data/quotes_marks.tsv``: opening, closing, note, optional ``spaced``."""
    return rows("dateline.nlp", "quotes_marks.tsv")


@cache
def mark_pairs() -> dict[str, frozenset[str]]:
    """Opening mark -> the marks that may close it (from ``data/quotes_marks.tsv``)."""
    pairs: dict[str, set[str]] = {}
    for row in _mark_rows():
        pairs.setdefault(row[0], set()).add(row[1])
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def spaced_pairs() -> frozenset[tuple[str, str]]:
    """(opening, closing) pairs that may hold a space inside the marks (« French »)."""
    return frozenset((row[0], row[1]) for row in _mark_rows() if row[3:4] == ["spaced"])


@cache
def _spaced_openers() -> frozenset[str]:
    return frozenset(opening for opening, _ in spaced_pairs())


@cache
def _mark_re() -> re.Pattern[str]:
    marks = set(mark_pairs())
    for closers in mark_pairs().values():
        marks |= closers
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))


_SINGLE = {"'", "‘", "’"}
_OPEN_BEFORE = set(" \t\n([{—–-/")


_ELIDED_DECADE = re.compile(r"\d\d(?:s|’s|'s)\b")
_ELIDED_YEAR = re.compile(r"\d\d(?![\w%])")
_YEAR_LEAD = re.compile(
    r"(?:\b(?:in|since|of|class|until|by|from|to|through|and|or|the|early|late|mid|summer"
    r"|spring|fall|autumn|winter|season|campaign|election)\s+|[-–])$",
    re.IGNORECASE,
)


def _elides_year(text: str, start: int, end: int) -> bool:
    """``the '80s``, ``in ‘08``: an apostrophe standing for a century's digits, not a mark."""
    if text[start:end] not in _SINGLE:
        return False
    if _ELIDED_DECADE.match(text, end):
        return True
    return bool(_ELIDED_YEAR.match(text, end)) and bool(
        _YEAR_LEAD.search(text, max(0, start - 12), start)
    )


def _can_open(text: str, start: int, end: int, spaced: bool = False) -> bool:
    if _elides_year(text, start, end):
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after.isspace() and not (spaced and _word_after_space(text, end)):
        return False
    return before.isspace() or before in _OPEN_BEFORE or before in "\"“«„:‘'`"


def _word_after_space(text: str, end: int) -> bool:
    """« Le: one space (plain, no-break or thin) and then the quotation's first character."""
    return text[end : end + 1] in (" ", "\u00a0", "\u202f") and text[end + 1 : end + 2].isalnum()


def _can_close(text: str, start: int, end: int, mark: str, spaced: bool = False) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if spaced and before in (" ", "\u00a0", "\u202f") and start > 1:
        return not text[start - 2].isspace()  # 'fermée »': a space after the last word
    if before.isspace():
        # 'coalitions, '' said X': a stray space before a closing mark after punctuation,
        # also after an inner closing quote ('against 'Park Avenue,'  '' Ms. Roe noted')
        k = start - 1
        while k > 0 and start - k <= 3 and text[k].isspace():
            k -= 1
        if text[k] in "'’" and k > 0:
            k -= 1
        return k >= 0 and text[k] in ",.!?" and (after.isspace() or after in ",.")
    # an apostrophe inside a word (don't, Karin’s) closes nothing
    return not (mark in _SINGLE and after.isalnum())


def scan(text: str) -> list[QuoteSegment]:
    """Quoted segments of ``text``, in order; outermost quotations only."""
    pairs = mark_pairs()
    segments: list[QuoteSegment] = []
    opened: tuple[str, int] | None = None
    para_end = text.find("\n")

    def close_paragraph(limit: int) -> None:
        nonlocal opened
        if opened is None:
            return
        end = len(text[:limit].rstrip())
        if end > opened[1] + len(opened[0]):
            segments.append(QuoteSegment(opened[1], end, closed=False))
        opened = None

    for m in _mark_re().finditer(text):
        mark, start, end = m.group(), m.start(), m.end()
        while para_end != -1 and start > para_end:
            close_paragraph(para_end)
            para_end = text.find("\n", para_end + 1)
        if opened is None:
            if mark in pairs and _can_open(text, start, end, mark in _spaced_openers()):
                if mark in _SINGLE and not _closes_later(text, end, para_end, pairs[mark]):
                    continue
                opened = (mark, start)
            continue
        spaced = (opened[0], mark) in spaced_pairs()
        if mark in pairs[opened[0]] and _can_close(text, start, end, mark, spaced):
            segments.append(QuoteSegment(opened[1], end))
            opened = None
    close_paragraph(len(text) if para_end == -1 else para_end)
    _link_paragraphs(text, segments)
    return segments


def _closes_later(text: str, end: int, para_end: int, closers: frozenset[str]) -> bool:
    """A single quote opens only if a closing mark follows in its paragraph."""
    limit = len(text) if para_end == -1 else para_end
    for closer in closers:
        i = text.find(closer, end, limit)
        while i != -1:
            if _can_close(text, i, i + len(closer), closer):
                return True
            i = text.find(closer, i + 1, limit)
    return False


def _link_paragraphs(text: str, segments: list[QuoteSegment]) -> None:
    """An open segment continues into the next paragraph when that opens with a mark."""
    for a, b in pairwise(segments):
        if a.closed:
            continue
        between = text[a.end : b.start]
        if "\n" in between and not between.strip():
            a.continues = True
            b.continued = True
