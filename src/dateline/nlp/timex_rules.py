"""Recogniser for temporal expressions: word classes and patterns are data files.

The candidates are what each pattern run alone over the text (``re.finditer``) finds; the
longest match wins where matches overlap, so ``the past two months`` beats ``the past``.
For speed the patterns run together, in one pass over a case-folded copy of the text
(``scans``; docs/timex.md, "Cost"), with the same result.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from dateline.datafiles import rows
from dateline.nlp.timex_prefilter import (
    SPECIAL,
    first_keys,
    fold,
    key,
    key_chars,
    lower_pattern,
    required,
)


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    regex: re.Pattern[str]
    value: str | None
    folded: bool = False
    """The regex is lower case and case-sensitive and runs over ``fold(text)`` (the same
    matches as the pattern case-insensitive over the text, several times faster)."""
    pretest: str | None = None
    """For a case-sensitive rule, the pattern with its case-sensitive parts made
    case-insensitive: it runs in the folded scan (it may match more) and ``regex``
    confirms each of its matches over the text."""
    needs: tuple[frozenset[str], ...] = ()
    """For a rule run alone: the folded text must hold one string of each set, or the
    rule cannot match and is not run."""


ALONE = frozenset({
    "ago", "set_times", "quarter_ord", "quarter_adj", "quarter_year", "quarter_rel",
    "quarter_period", "half", "season", "season_year", "season_bare", "year_fiscal", "decade",
    "century", "deictic_tonight", "weekend", "same_period", "duration_ahead", "set_word",
    "year_ago_adj", "pod_mid", "year_words", "duration_long", "week_of_month",
    "nth_unit", "half_decade", "quarter_q", "quarter_month", "quarter_hour", "fortnight",
    "week_of_date", "weekday_week",
})
"""Rules whose necessary words ("ago", "quarter", "weekend"...) most news stories lack: run
alone, and only when those words occur, rather than tried at every word start of every
story in the scans (measured: 0.1 ms an article less; "later", "deictic" lost)."""

PRETEST = frozenset({"clock"})
"""Case-sensitive rules tried in the folded scan through a pre-test: "clock" is
case-sensitive only in its time zone and date tail, and its number words are slow to try
case-insensitively (measured; for month and weekday rules the pre-test costs more)."""


@dataclass(frozen=True)
class Candidate:
    """A pattern match: the rule, its character span and its named groups."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, str]

    @property
    def text_len(self) -> int:
        return self.end - self.start


def _data(name: str) -> list[list[str]]:
    return rows("dateline.nlp", name)


@cache
def words() -> dict[str, dict[str, str]]:
    """Word class -> {word: value} from timex_words.tsv."""
    out: dict[str, dict[str, str]] = {}
    for cls, word, value in _data("timex_words.tsv"):
        out.setdefault(cls, {})[word] = value
    return out


@cache
def holidays() -> dict[str, str]:
    """Holiday name (lower case, straight apostrophe) -> calendar rule, from timex_holidays.tsv."""
    return {name.lower(): rule for name, rule in _data("timex_holidays.tsv")}


def _holiday_names() -> str:
    """Capitalised holiday names; any apostrophe, any run of spaces."""
    out = []
    for name in holidays():
        words_ = [w.capitalize() if w not in ("of",) else w for w in name.split()]
        pattern = r"\s+".join(re.escape(w) for w in words_).replace("'", "['’]")
        out.append(pattern)
    return f"(?-i:{_alt(out)})"


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def _names(cls: str, dotted_abbrev: bool, bounded: bool = True) -> str:
    """Capitalised (or upper-case) calendar names; abbreviations take a full stop. Unbounded
    names may be followed by a hyphen ("January-July")."""
    full, abbrev = [], []
    for word in words()[cls]:
        forms = [re.escape(word.capitalize()), re.escape(word.upper())]
        if len(word) <= 4 and word != "may" and word not in ("june", "july"):
            dot = r"\." if dotted_abbrev else r"\.?"
            abbrev.extend(f"{f}{dot}" for f in forms)
        else:
            full.extend(forms)
    if not bounded:
        return f"(?-i:(?:{_alt(full)})(?!\\w)|(?:{_alt(abbrev)})(?!\\w))"
    return f"(?-i:(?:{_alt(full)})(?![\\w-])|(?:{_alt(abbrev)})(?!\\w))"


@cache
def macros() -> dict[str, str]:
    w = words()
    tens = [k for k, v in w["number"].items() if v.isdigit() and 20 <= int(v) <= 90]
    ones = [k for k, v in w["number"].items() if v.isdigit() and 1 <= int(v) <= 9 and k[0] != "a"]
    num_words = [re.escape(k).replace(r"\ ", r"\s+") for k in w["number"]]
    compound = f"(?:{_alt(tens)})[-\\s](?:{_alt(ones)})"
    digits = r"\d+(?:\s+\d/\d|\.\d+|,\d{3})*(?:\s*1/2)?"
    unit_words = list(w["unit"])
    plural = [u + "s" for u in unit_words if u != "century"] + ["centuries"]
    teens = [k for k, v in w["number"].items() if v.isdigit() and 10 <= int(v) <= 19]
    tens_ones = f"(?:{_alt(tens)})(?:[-\\s](?:{_alt(ones)}))?"
    after = f"(?:hundred|oh[-\\s](?:{_alt(ones)})|{_alt(teens)}|{tens_ones})"
    # spelled years (broadcast transcripts): "nineteen ninety-six", "two thousand and one"
    year_words = (f"(?:sixteen|seventeen|eighteen|nineteen)\\s+{after}(?![\\w-])"
                  f"|two\\s+thousand(?:(?:\\s+and)?\\s+(?:{_alt(ones)}|{_alt(teens)}"
                  f"|{tens_ones})(?![\\w-])|(?=\\s*[,.;:!?)]|\\s*$))")
    day_words = f"(?:{_alt(list(w['dayordinal']))})(?![\\w-])(?!\\s+(?:quarter|half)\\b)"
    return {
        "MONTH": _names("month", dotted_abbrev=True),
        "MONTHD": _names("month", dotted_abbrev=False),
        "MONTHN": _names("month", dotted_abbrev=False, bounded=False),
        "WEEKDAY": _names("weekday", dotted_abbrev=True),
        "NUM": f"(?:{compound}|(?<![\\w-])(?:{_alt(num_words)})(?![\\w-])|{digits})",
        "NUMA": f"(?:{compound}|(?:{_alt(num_words)}))",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|\.\d|,\d{3})",
        "DAYW": day_words,
        "YEAR": r"(?:1[6-9]|20)\d\d(?![\d%])",
        "YEARW": f"(?:{year_words})",
        "UNIT": f"(?:{_alt(plural + unit_words)})",
        "UNIT1": f"(?:{_alt(unit_words)})",
        "SEASON": f"(?:{_alt(list(w['season']))})",
        "POD": f"(?:{_alt(list(w['partofday']))})",
        "SETWORD": f"(?:{_alt(list(w['setword']))})",
        "ORD": f"(?:{_alt(list(w['ordinal']))})",
        "HOLIDAY": _holiday_names(),
    }


@cache
def rules() -> tuple[Rule, ...]:
    subs = macros()

    def fill(pattern: str) -> str:
        return re.sub(r"\{([A-Z0-9]+)\}", lambda m: subs[m.group(1)], pattern)

    out = []
    for row in _data("timex_patterns.tsv"):
        name, type_, pattern = row[:3]
        value = row[3] if len(row) > 3 else None
        full = r"(?<![\w-])(?:" + fill(pattern) + r")(?!\w)"
        needs = required(full, re.IGNORECASE) if name in ALONE else ()
        lower = lower_pattern(full)
        if lower is not None:
            out.append(Rule(name, type_, re.compile(lower), value, folded=True, needs=needs))
        else:  # case-sensitive parts (month and weekday names): as written, over the text
            regex = re.compile(full, re.IGNORECASE)
            pretest = lower_pattern(full, relax=True) if name in PRETEST else None
            out.append(Rule(name, type_, regex, value, pretest=pretest, needs=needs))
    return tuple(out)


_NAMED = re.compile(r"\(\?P<\w+>")
_LOOKBEHIND = r"(?<![\w-])"
_OTHER = "[^\\x00-\\x7f" + SPECIAL + "]"
"""Characters without a key of their own: the last branch of a scan."""


@dataclass(frozen=True)
class Scan:
    """Several rules run as one regex over one string, each rule a lookahead captured at
    every word start where it matches. The regex branches on the first character, so a
    rule is only tried where it can begin (``first_keys``); one pass instead of one per
    rule, which was most of the component's time (the engine restarting at every
    character for each of 57 patterns)."""

    regex: re.Pattern[str]
    folded: bool
    branches: dict[str, tuple[tuple[int, int], ...]]
    """First character (folded; "" for a non-ASCII one) -> (group, rule index) pairs."""


def _scan(indices: list[int], folded: bool) -> Scan:
    table = rules()
    by_key: dict[str, list[int]] = {}
    def pattern(rule: Rule) -> tuple[str, int]:
        if folded and not rule.folded:
            return rule.pretest or "", 0
        return rule.regex.pattern, rule.regex.flags & re.IGNORECASE

    for i in indices:
        keys = first_keys(*pattern(table[i]))
        for k in sorted(keys if keys is not None else {key(chr(c)) for c in range(128)} | {""}):
            by_key.setdefault(k, []).append(i)
    parts, branches, group = [], {}, 0
    for k, members in by_key.items():
        chars = "".join(re.escape(c) for c in key_chars(k)) if k else ""
        first = f"(?-i:[{chars}])" if k else f"(?-i:{_OTHER})"
        body, pairs, conds = [], [], "(?!)"
        for i in members:
            rx = re.compile(pattern(table[i])[0])
            if rx.groups != len(rx.groupindex):
                raise ValueError(f"timex rule {table[i].name}: unnamed group")
            inner = _NAMED.sub("(?:", rx.pattern)
            group += 1
            # back one character (the one the branch took), then the rule as a lookahead;
            # the empty group marks where it ends (a group around the rule would cost a
            # reset of every group below it at each try)
            body.append(f"(?:(?<=(?=(?:{inner})()).)|)")
            pairs.append((group, i))
        for g, _ in reversed(pairs):
            conds = f"(?({g})|{conds})"  # go on only where some rule matched
        parts.append(first + "".join(body) + conds)
        branches[k] = tuple(pairs)
    flags = 0 if folded else re.IGNORECASE
    regex = re.compile(_LOOKBEHIND + "(?:" + "|".join(parts) + ")", flags)
    return Scan(regex, folded, branches)


@cache
def scans() -> tuple[Scan, ...]:
    """One scan over the folded text (with pre-tests), one over the text as written."""
    table = rules()
    folded = [i for i, r in enumerate(table) if (r.folded or r.pretest) and not r.needs]
    as_written = [i for i, r in enumerate(table) if not (r.folded or r.pretest or r.needs)]
    return tuple(_scan(ix, f) for ix, f in ((folded, True), (as_written, False)) if ix)


def _found(i: int, rule: Rule, m: re.Match[str], text: str) -> tuple[int, int, int, Candidate]:
    """A match as (start, -length, rule index, Candidate), its groups read from the text
    (the folded copy has the same offsets)."""
    start, end = m.span()
    groups = {k: text[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v is not None}
    return start, start - end, i, Candidate(rule, start, end, groups)


def candidates(text: str) -> list[Candidate]:
    """Non-overlapping matches, leftmost-longest; ties go to the earlier rule.

    Within a rule, the matches are those ``re.finditer`` of the rule alone gives: the
    next one starts at or after the end of the last.
    """
    folded = fold(text)
    table = rules()
    last_end = [0] * len(table)
    found: list[tuple[int, int, int, Candidate]] = []
    for scan in scans():
        string = folded if scan.folded else text
        for m in scan.regex.finditer(string):
            start = m.start()
            regs = m.regs
            for group, i in scan.branches[key(string[start])]:
                if regs[group][0] < 0 or start < last_end[i]:
                    continue  # no match here, or inside the rule's last match
                rule = table[i]
                # the same match with its groups (after a pre-test: the match, if any)
                one = rule.regex.match(folded if rule.folded else text, start)
                if one is not None and one.end() > start:
                    last_end[i] = one.end()
                    found.append(_found(i, rule, one, text))
    for i, rule in enumerate(table):
        if rule.needs and all(any(s in folded for s in need) for need in rule.needs):
            for one in rule.regex.finditer(folded if rule.folded else text):
                if one.end() > one.start():
                    found.append(_found(i, rule, one, text))
    found.sort(key=lambda f: f[:3])
    chosen: list[Candidate] = []
    # the spans kept so far never overlap, so sorted by start they are sorted by end too: the
    # one kept span that can overlap a candidate is the last one starting before its end
    # (a bisect, not a scan of every kept span: a 1 MB text has ten thousand candidates)
    starts: list[int] = []
    ends: list[int] = []
    # longest first across the whole text, so a long match is never cut by an earlier short one
    for _, _neg_len, _, cand in sorted(found, key=lambda f: (f[1], f[0], f[2])):
        j = bisect_left(starts, cand.end)
        if j and ends[j - 1] > cand.start:
            continue
        starts.insert(j, cand.start)
        ends.insert(j, cand.end)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen
