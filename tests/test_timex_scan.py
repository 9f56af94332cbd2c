"""The fast timex recogniser finds exactly what each pattern run alone, case-insensitively,
over the text finds: the scans, the folded text, the pre-tests and the rules run alone are
shortcuts, never changes of output."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from dateline.nlp.timex_prefilter import fold, lower_pattern, required
from dateline.nlp.timex_rules import Candidate, _data, candidates, macros, rules
from dateline.read import Article
from dateline.record import Published

TEXTS = [
    "",
    "   ",
    "MOSCOW, Jan. 10 (Wire) - Talks resume on Monday, three days after the Jan. 7 clashes.",
    "PARIS, MAY 5 (AFP) - Ministers may meet in March, or march on in early May 2021.",
    "The strike began at 8 p.m. Eastern time on Friday and ended at noon, 16 hours later.",
    "Trading halted at 14:30 GMT; it will resume at 9 am EST tomorrow or at five o'clock.",
    "Sales in the third quarter of 2021 rose 4% from the year-ago quarter, the firm said.",
    "Twenty-five years ago, in the 1990s, the mid-'80s and the 19th century were recalled.",
    "He has served for decades, twice a week, every other Tuesday, and daily since 1998.",
    "Christmas Eve, last Thanksgiving and Easter Monday fell in the second half of the year.",
    "SUMMER 2020: the summer season, this winter and the weekend before were quiet.",
    "Odd letters: \u0130N 2021, \u0131n May, tw\u0131ce a day, per \u212aelvin hour,"
    " la\u017ft year.",
    "In the fiscal year ended March 31, the same period last year, a day later, now.",
    "«Nous partons demain», dit-il ; 明天 2022年1月10日; a «quote» on Tuesday night.",
    "Currently, recently and soon; these days, the near future and the past two months.",
    "\"Now,\" she said, \"the time has come.\" Now we know. It was 5 p.m. on Jan. 3.",
]


def reference(text: str) -> list[tuple[str, int, int, dict[str, str]]]:
    """The recogniser as first written: every pattern alone, case-insensitive, in turn."""
    subs = macros()
    found = []
    for order, row in enumerate(_data("timex_patterns.tsv")):
        pattern = re.sub(r"\{([A-Z0-9]+)\}", lambda m: subs[m.group(1)], row[2])
        regex = re.compile(r"(?<![\w-])(?:" + pattern + r")(?!\w)", re.IGNORECASE)
        for m in regex.finditer(text):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found.append((m.start(), m.start() - m.end(), order, row[0], groups))
    chosen: list[tuple[int, int]] = []
    out = []
    for start, neg, _, name, groups in sorted(found, key=lambda f: (f[1], f[0], f[2])):
        end = start - neg
        if any(start < e and s < end for s, e in chosen):
            continue
        chosen.append((start, end))
        out.append((name, start, end, groups))
    return sorted(out, key=lambda f: f[1])


def as_tuples(cands: list[Candidate]) -> list[tuple[str, int, int, dict[str, str]]]:
    return [(c.rule.name, c.start, c.end, c.groups) for c in cands]


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_as_each_pattern_alone(text: str) -> None:
    assert as_tuples(candidates(text)) == reference(text)


def test_candidates_found_in_wire_text() -> None:
    text = TEXTS[4]
    got = {(text[s:e], name) for name, s, e, _ in as_tuples(candidates(text))}
    assert ("8 p.m. Eastern time on Friday", "clock") in got
    assert ("noon", "clock") in got
    assert ("16 hours later", "later") in got


def test_fold_keeps_offsets() -> None:
    for text in TEXTS:
        assert len(fold(text)) == len(text)
    assert fold("\u0130\u0131\u212a\u017f MAY") == "iiks may"
    for ch in "\u0130\u0131\u212a\u017f":
        assert re.fullmatch(fold(ch), ch, re.IGNORECASE)


def test_lower_pattern_refuses_case_sensitive_parts() -> None:
    assert lower_pattern(r"(?:Last|next)\s+week") == r"(?:last|next)\s+week"
    assert lower_pattern(r"(?-i:May)\s+\d") is None
    assert lower_pattern(r"(?-i:May)\s+\d", relax=True) == r"(?:may)\s+\d"
    assert lower_pattern(r"x(?!(?-i:May))", relax=True) is None  # would narrow, not widen
    assert lower_pattern(r"[A-Z]T") is None


def test_required_literals() -> None:
    needs = required(r"(?:a|two)\s+(?:days|weeks)\s+ago", re.IGNORECASE)
    assert frozenset({"ago"}) in needs
    assert required(r"\d+") == ()
    for rule in rules():
        for text in TEXTS:
            if rule.needs and not all(any(s in fold(text) for s in n) for n in rule.needs):
                string = fold(text) if rule.folded else text
                assert rule.regex.search(string) is None


def test_component_without_article_text(nlp: Language) -> None:
    """The Doc's own text stands in when there is no Article (or another one)."""
    text = "Officials met on Monday, two days after the Jan. 7 vote."
    plain = nlp(text)
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text + " Extra words.")
    doc._.published = None
    other = nlp(doc)
    assert [t.span for t in plain._.timexes] == [t.span for t in other._.timexes]
    assert [text[s:e] for s, e in (t.span for t in plain._.timexes)] == ["Monday", "two days",
                                                                         "Jan. 7"]
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text)
    doc._.published = Published(date="2022-01-10", origin="option")
    values = [t.value for t in nlp(doc)._.timexes]
    assert values == ["2022-01-10", "P2D", "2022-01-07"]
