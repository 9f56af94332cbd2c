"""TIMEX3 values for recognised expressions, resolved against the reference date or an anchor.

Each rule of timex_patterns.tsv has a normaliser here, keyed by the rule name. Deictic
expressions ("yesterday", "last week", "Monday") read the reference date; anaphoric ones
("two days later", "the next day") read the latest day-precision date before them.
Without a reference date, values keep the unknown parts as ``X`` (``XXXX-01-02``) or stay
unresolved (None), as TIMEX3 allows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.easter import easter

from dateline.nlp.timex_rules import Candidate, holidays, words

Tense = str | None  # "past", "future" or None (unknown)


@dataclass
class Context:
    """What a normaliser may read: reference date, tense of the clause, latest anchors."""

    ref: dt.date | None
    tense: Tense = None
    anchor_day: tuple[str, dt.date] | None = None
    anchor_day_sent: int = -2
    prev_sent: int = -3
    """The first token of the sentence before the expression's (set for clock times only)."""
    """The sentence of ``anchor_day``: a clock time takes a day named in its own sentence."""
    anchor_quarter: tuple[str, str] | None = None
    anchor_value: tuple[str, str] | None = None
    """The latest calendar value (``1998``, ``1998-06``, ``1998-06-02``): "later that year"."""
    on_past_verb: bool = False
    """The expression hangs on a simple-past verb ("changed its year in December"), not on
    a noun ("payable Dec. 7") or a plan ("had been set to expire Nov. 6")."""
    prev_word: str = ""
    """The word before the expression, lower case: "until Nov. 16" looks ahead whatever the
    tense of the verb ("was extended until Nov. 16")."""
    prev_word2: str = ""
    """The word before ``prev_word``, lower case ("ahead" in "ahead of Tuesday's vote")."""
    possessive: bool = False
    """The expression is a possessive ("by Friday's deadline"): a noun's modifier."""
    deferred: bool = False
    """A forward cue after a verb that moves a limit ahead ("extended the ban until Tuesday",
    "postponed the vote until Feb. 1"): ahead in any tense (deferverb in timex_words.tsv)."""
    on_noun: bool = False
    """The expression (or its preposition) hangs on a noun ("investment for the whole
    year"), not a verb ("stayed for the whole year")."""
    present_perfect: bool = False
    """The expression's verb has "has"/"have" ("has given them until Tuesday"): a past tense
    that still looks ahead."""
    sent: int = -1
    """Index of the first token of the expression's sentence."""
    anchor_value_sent: int = -2
    """The sentence of ``anchor_value``: "in August ... a year earlier" in one sentence
    compares the same month."""
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class Resolved:
    type: str
    value: str | None
    anchor: str | None = None
    day: dt.date | None = None
    """The calendar day the value denotes, if it is day-precise: later anchors read it."""
    undated: bool = False
    """A clock time whose day was not written with it: a day right after it in the same
    sentence ("at 10:35 a.m. (0735 GMT) Friday") dates it instead (timex.find)."""


UNIT_LETTER = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "E", "century": "C",
}
TIME_UNITS = {"second", "minute", "hour"}

POD_TYPE = "DATE"
"""Type of a day with a part of day ("Friday night", "yesterday morning", "tonight"): the
TempEval-3 annotation (TBAQ-cleaned AQUAINT) writes DATE with a TNI/TMO value, where the
older TimeBank wrote TIME. Clock times stay TIME."""


def unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    return "century" if w.startswith("centur") else w


def number(text: str) -> float | None:
    """A count from digits or English number words; None when vague ("a few", "several")."""
    t = re.sub(r"\s+", " ", text.lower().strip()).replace(",", "")
    nums = words()["number"]
    if t in nums:
        v = nums[t]
        return None if v == "X" else float(v)
    m = re.fullmatch(r"(\d+)(?: (\d)/(\d)| ?1/2)?", t)
    if m:
        base = float(m.group(1))
        if m.group(2):
            base += int(m.group(2)) / int(m.group(3))
        elif "1/2" in t:
            base += 0.5
        return base
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and all(p in nums and nums[p] != "X" for p in parts):
        return float(nums[parts[0]]) + float(nums[parts[1]])
    return None


def month_of(text: str) -> int:
    return int(words()["month"][text.lower().rstrip(".")])


def weekday_of(text: str) -> int:
    return int(words()["weekday"][text.lower().rstrip(".")])


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def shift(d: dt.date, n: float, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(d, int(n))
    if unit == "quarter":
        return add_months(d, int(3 * n))
    if unit == "year":
        return add_months(d, int(12 * n))
    if unit == "decade":
        return add_months(d, int(120 * n))
    if unit == "century":
        return add_months(d, int(1200 * n))
    return d


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def quarter(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def at_granularity(d: dt.date, unit: str) -> str:
    if unit in ("day", "hour", "minute", "second"):
        return d.isoformat()
    if unit == "week":
        return week(d)
    if unit == "month":
        return f"{d.year}-{d.month:02d}"
    if unit == "quarter":
        return quarter(d)
    if unit == "decade":
        return str(d.year)[:3]
    if unit == "century":
        return str(d.year)[:2]
    return str(d.year)


def spelled_year(text: str) -> int | None:
    """"nineteen ninety-six" 1996, "nineteen oh five" 1905, "two thousand and one" 2001."""
    parts = [p for p in re.split(r"[-\s]+", text.lower()) if p not in ("and", "oh")]
    nums = words()["number"]
    if parts[:2] == ["two", "thousand"]:
        base, rest = 2000, parts[2:]
    elif parts and nums.get(parts[0], "").isdigit() and 16 <= int(nums[parts[0]]) <= 19:
        base, rest = 100 * int(nums[parts[0]]), parts[1:]
    else:
        return None
    if rest == ["hundred"]:
        return base
    if not all(nums.get(p, "").isdigit() for p in rest):
        return None
    return base + sum(int(nums[p]) for p in rest)


def year_of(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        return spelled_year(text)
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if y < 100 else y


FUTURE_WINDOW_DAYS = 92
"""A year-less date up to about three months ahead may be ahead; further out, news means the
last one ("the Oct. 23 slaying" in May is last October). Future tense lifts the limit."""


FORWARD_CUES = frozenset(words()["forwardcue"])
"""Prepositions that point a year-less date ahead even in a past-tense clause."""

STALE_DAYS = 7
"""A date this many days back or fewer is the last one even after a forward cue in a present
clause: stories are often dated a day or more after the events they report."""

AWAIT = frozenset({"await", "awaits", "awaiting"})
"""Verbs before a possessive weekday that put it ahead ("await Thursday's decision")."""

STATS_MONTHS = 3
"""A month this many months back or fewer, in a present-tense clause, is the one just past:
figures are reported in the present for the months before ("exports rise in February")."""

AHEAD_CUES = FORWARD_CUES - {"to", "through"}
AHEAD_WINDOW_DAYS = 183
"""Forward cues that alone point ahead outside a past clause ("by February", "until
Tuesday"); not "to"/"through", which end ranges that may lie behind ("January to March")."""


def pick_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year of a year-less month (and day): ahead when the verb is future, the last one
    when it is past; with no tense, ahead only within FUTURE_WINDOW_DAYS (news reports the
    past). The reference day itself is both the last and the next one."""
    if ctx.ref is None:
        return None
    ref = ctx.ref
    this = dt.date(ref.year, month, min(day or 1, 28))
    if not day and month == ref.month:
        return ref.year
    before = this if this <= ref else dt.date(ref.year - 1, month, this.day)
    after = this if this >= ref else dt.date(ref.year + 1, month, this.day)
    if ctx.tense == "future":
        return after.year
    if ctx.prev_word == "since":
        return before.year
    if ctx.prev_word in AHEAD_CUES and ctx.tense == "present":
        # "the ban remains in force until August 30": a present limit lies ahead, however
        # far (a date of the last few days is rather a reference date a little late)
        return before.year if (ref - before).days <= STALE_DAYS else after.year
    if ctx.deferred or (ctx.prev_word in AHEAD_CUES and ctx.tense != "past"):
        # "repay the loan by February", "effective Feb. 1": ahead within half a year (a
        # deadline of yesterday, "by Jan. 14" on Jan. 15, is still the last one)
        return after.year if (after - ref).days <= AHEAD_WINDOW_DAYS else before.year
    if ctx.tense == "present" and not day and not ctx.possessive and ctx.prev_word != "of":
        # "the season ends in October" (in May): ahead; a month of the last three is rather
        # a statistic reported in the present ("exports rise in February", in March)
        back = (ref.year - before.year) * 12 + ref.month - month
        return before.year if back <= STATS_MONTHS else after.year
    if ctx.tense == "present" and day and not ctx.possessive and ctx.prev_word != "of":
        # "the budget runs out on Dec. 31": a present-tense verb with a day is a schedule,
        # ahead however far (a date of the last few days is rather a reference date a
        # little late), as a bare weekday is; not a month ("exports rise in February" is
        # a statistic of the past), not "as of Feb. 1" (round 10)
        return before.year if (ref - before).days <= STALE_DAYS else after.year
    if ctx.tense == "past" and ctx.on_past_verb and ctx.prev_word not in FORWARD_CUES:
        return before.year
    return after.year if (after - ref).days <= FUTURE_WINDOW_DAYS else before.year


def _weekday_year(year: int, month: int, day: int, wd: int) -> int:
    """"Sunday, March 8" with no year: the year picked, or the one next to it, whichever
    has that date on that weekday (the text's weekday outweighs the tense)."""
    for y in (year, year + 1, year - 1):
        try:
            if dt.date(y, month, day).isoweekday() == wd:
                return y
        except ValueError:
            continue
    return year


def _day_value(year: int | None, month: int, day: int) -> tuple[str, dt.date | None]:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", None
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return f"{year}-{month:02d}-{day:02d}", None
    return d.isoformat(), d


def n_date(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    month = int(g["month"]) if g["month"].isdigit() else month_of(g["month"])
    text = g.get("day") or g.get("dayw") or ""
    digits = re.sub(r"\D", "", text)
    day = int(digits) if digits else int(words()["dayordinal"].get(text.lower(), 0))
    if not 1 <= day <= 31:
        return None
    year = year_of(g.get("year"))
    anchor = None
    rel = (g.get("rel") or g.get("ofrel") or "").lower()
    if rel and ctx.ref is not None:
        # "February 16 this year", "May 3 last year"; "May 1 of last year" (two spans, as
        # "October of next year": round 10)
        year = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
        anchor = "published"
    elif year is None and g.get("mdrel") and ctx.ref is not None:
        # "next Jan. 1": the first such day after the reference date; "last Sept. 30" the
        # last one before it (round 10)
        ahead = g["mdrel"].lower().split()[-1] in ("next", "coming")
        year, anchor = ctx.ref.year, "published"
        try:
            this = dt.date(year, month, day)
        except ValueError:
            this = None
        if this is not None and ahead and this <= ctx.ref:
            year += 1
        elif this is not None and not ahead and this >= ctx.ref:
            year -= 1
    elif year is None:
        year = pick_year(month, day, ctx)
        anchor = "published" if year is not None else None
        if year is not None and g.get("wd"):
            year = _weekday_year(year, month, day, weekday_of(g["wd"]))
    value, d = _day_value(year, month, day)
    if d is None and year is not None:
        return None  # "31 February" is no date
    return Resolved("DATE", value, anchor, d)


def n_month(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    month = month_of(g["month"])
    year = year_of(g.get("year"))
    anchor = None
    if year is not None and g.get("month2") and month > month_of(g["month2"]):
        year -= 1  # "November-January 2022": the range began in 2021
    if year is None:
        rel = (g.get("rel") or "").lower().split()
        if ctx.ref is None:
            return Resolved("DATE", f"XXXX-{month:02d}")
        anchor = "published"
        if "year" in c.rule.name:
            year = ctx.ref.year + {"last": -1, "next": 1}.get(rel[0] if rel else "", 0)
        elif (rel and rel[0] == "last") or rel[-1:] == ["past"]:
            year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
        elif (rel and rel[0] == "next") or rel[-1:] == ["coming"]:
            year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
        elif rel and rel[0] == "this":
            year = ctx.ref.year
        elif g.get("ofrel"):  # "after October of next year": "October" takes that year
            year = ctx.ref.year + {"last": -1, "next": 1}.get(g["ofrel"].lower(), 0)
        elif g.get("month2"):  # "January-July": the year of the range's end
            end = month_of(g["month2"])
            year = pick_year(end, None, ctx)
            if year is not None and month > end:
                year -= 1
        else:
            year = pick_year(month, None, ctx)
    return Resolved("DATE", f"{year}-{month:02d}", anchor)


WEEK_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def n_week_of_month(c: Candidate, ctx: Context) -> Resolved | None:
    """"the last week of March": the ISO week with most of its days in the month (the one
    holding the 4th for the first week, the one holding the month's last day but three for
    the last), in the year written or the one a bare month would take (round 10)."""
    g = c.groups
    month = month_of(g["month"])
    year = year_of(g.get("year"))
    anchor = None
    if year is None:
        year = pick_year(month, None, ctx)
        if year is None:
            return Resolved("DATE", f"XXXX-{month:02d}")
        anchor = "published"
    n = WEEK_ORDINAL[g["ord"].lower()]
    if n > 0:
        day = dt.date(year, month, 4) + dt.timedelta(weeks=n - 1)
    else:
        day = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=4)
    return Resolved("DATE", week(day), anchor)


def n_week_of_date(c: Candidate, ctx: Context) -> Resolved | None:
    """"the week of March 24": the ISO week holding that day (TimeBank: "the week of March
    6" 2000-W10; round 11)."""
    r = n_date(c, ctx)
    if r is None or r.day is None:
        return Resolved("DATE", None) if r is None else Resolved("DATE", r.value, r.anchor)
    return Resolved("DATE", week(r.day), r.anchor)


def _coming(ctx: Context, wd: int) -> dt.date | None:
    """The next day with that weekday after the reference date."""
    if ctx.ref is None:
        return None
    days = wd - ctx.ref.isoweekday()
    return ctx.ref + dt.timedelta(days=days if days > 0 else days + 7)


def n_weekday_week(c: Candidate, ctx: Context) -> Resolved | None:
    """"Tuesday week": a week after the coming Tuesday (round 11)."""
    d = _coming(ctx, weekday_of(c.groups["wd"]))
    if d is None:
        return Resolved("DATE", None)
    d += dt.timedelta(weeks=1)
    return Resolved("DATE", d.isoformat(), "published", d)


def n_from_day(c: Candidate, ctx: Context) -> Resolved | None:
    """"a week from Monday" (the coming Monday), "two days from tomorrow": counted from that
    day (round 11)."""
    g = c.groups
    n = number(g["num"])
    if n is None or n != int(n) or ctx.ref is None or unit_of(g["unit"]) not in ("day", "week"):
        return Resolved("DATE", None)
    if g.get("fromwd"):
        base = _coming(ctx, weekday_of(g["fromwd"]))
    else:
        base = ctx.ref + dt.timedelta(days=DEICTIC[g["fromd"].lower()])
    if base is None:
        return Resolved("DATE", None)
    d = shift(base, n, unit_of(g["unit"]))
    return Resolved("DATE", d.isoformat(), "published", d)


def n_weekday_rel(c: Candidate, ctx: Context) -> Resolved | None:
    """"the Tuesday before", "the Friday after": the one before/after the day in discussion,
    as "the previous Tuesday" (round 11)."""
    mod = "the previous" if c.groups["rel"].lower() == "before" else "the following"
    return n_weekday(Candidate(c.rule, c.start, c.end, {"wd": c.groups["wd"], "mod": mod}), ctx)


def n_day_only(c: Candidate, ctx: Context) -> Resolved | None:
    """"on the 15th": that day of this month if the tense allows (ahead for a future or
    present clause, behind otherwise), else of the next or the last month (round 11)."""
    day = int(c.groups["day"][:-2])
    if ctx.ref is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}")
    ref = ctx.ref
    rel = (c.groups.get("rel") or "").lower()  # "of next month", "of this month"
    ahead = ctx.tense in ("future", "present")
    step = 0
    if rel == "next" or (not rel and ahead and day < ref.day):
        step = 1
    elif not rel and not ahead and day > ref.day:
        step = -1
    base = add_months(ref.replace(day=1), step)
    try:
        d = base.replace(day=day)
    except ValueError:
        return Resolved("DATE", None)
    return Resolved("DATE", d.isoformat(), "published", d)


def n_nth_unit(c: Candidate, ctx: Context) -> Resolved | None:
    """"for a second straight day", "the third consecutive week": the day (week) under
    discussion, a day named in the same sentence, else the reference date (round 10)."""
    unit = c.groups["unit"].lower()
    if ctx.anchor_day is not None and ctx.anchor_day_sent == ctx.sent:
        tid, d = ctx.anchor_day
    elif ctx.ref is not None:
        tid, d = "published", ctx.ref
    else:
        return Resolved("DATE", None)
    return Resolved("DATE", at_granularity(d, unit), tid, d if unit == "day" else None)


def n_year(c: Candidate, ctx: Context) -> Resolved | None:
    year = year_of(c.groups.get("year") or c.groups.get("yeart"))
    return Resolved("DATE", str(year)) if year is not None else None


def n_decade(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    if g.get("dec3") or g.get("dec4"):  # "the 80's" (NYT), "the 80s": as "the '80s"
        g = {"dec2": g.get("dec3") or g["dec4"]}
    if g.get("cent"):
        return Resolved("DATE", g["cent"] + g["dec"])
    # "the '80s": the latest such decade that has begun by the reference year
    ref_year = ctx.ref.year if ctx.ref is not None else 1999
    century = ref_year // 100 - (1 if int(g["dec2"]) * 10 > ref_year % 100 else 0)
    return Resolved("DATE", f"{century}{g['dec2']}")


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}


def n_decade_word(c: Candidate, ctx: Context) -> Resolved | None:
    """"the nineties": the latest such decade begun by the reference year, as "the '90s"."""
    dec = str(DECADE_WORDS[c.groups["decw"].lower()])
    return n_decade(Candidate(c.rule, c.start, c.end, {"dec2": dec}), ctx)


def n_century(c: Candidate, ctx: Context) -> Resolved | None:
    if c.groups.get("ord"):
        return Resolved("DATE", f"{int(c.groups['ord']) - 1:02d}")
    if ctx.ref is None:  # "the century" with no reference date
        return Resolved("DATE", None)
    return Resolved("DATE", at_granularity(ctx.ref, "century"), "published")


ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2,
             "3rd": 3, "4th": 4}


def n_quarter(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    text = c.rule.name
    q = ORDINAL_Q.get((g.get("ord") or "").lower()) or (int(g["qn"][1]) if g.get("qn") else None)
    year = year_of(g.get("year"))
    span = c.groups.get("_text", "").lower()
    back = 1 if ("last year" in span or "year-ago" in span or "year-earlier" in span) else 0
    fwd = 1 if "next year" in span else 0
    if q is not None:
        if year is None:
            if ctx.ref is None:
                return Resolved("DATE", f"XXXX-Q{q}")
            year = ctx.ref.year if (q - 1) * 3 + 1 <= ctx.ref.month else ctx.ref.year - 1
            if (g.get("this") or "").lower() in ("this", "the") or ctx.tense == "future":
                # "the first quarter of this year"; "will close plants during the fourth
                # quarter" (round 9): this year's quarter, not the last one
                year = ctx.ref.year
            year += fwd - back
            return Resolved("DATE", f"{year}-Q{q}", "published")
        return Resolved("DATE", f"{year}-Q{q}")
    rel = (g.get("rel") or "").lower()
    if text == "year_ago_adj":
        back = 1
    latest = rel in ("latest", "past", "last", "recent", "previous", "current") and not (
        text == "quarter_period" and "period" in span)
    # "the latest period" of an earnings report is the quarter under discussion (round 10;
    # TimeBank annotates all five as a quarter), "the latest quarter" the one just ended
    # "the quarter", "that quarter", "the year-ago quarter": the quarter in discussion
    if ctx.anchor_quarter is not None and not latest:
        tid, value = ctx.anchor_quarter
        y, qq = int(value[:4]), int(value[-1])
        return Resolved("DATE", f"{y - back}-Q{qq}", tid)
    if ctx.ref is None:
        return Resolved("DATE", None)
    rel = rel or (g.get("the") or "").lower()
    d = ctx.ref
    if rel in ("this", "current") or (g.get("the") or "").lower() == "this":
        base = d
    elif (g.get("the") or "").lower() == "next":
        base = shift(d, 1, "quarter")
    else:
        base = shift(d, -1, "quarter")
    base = shift(base, -back, "year")
    return Resolved("DATE", quarter(base), "published")


def n_quarter_month(c: Candidate, ctx: Context) -> Resolved | None:
    """"the December quarter": the quarter ending in (holding) that month, the month's
    year picked as for "in December" (round 11)."""
    month = n_month(c, ctx)
    if month is None or month.value is None:
        return month
    year, mm = month.value[:4], int(month.value[5:7])
    return Resolved("DATE", f"{year}-Q{(mm - 1) // 3 + 1}", month.anchor)


def n_quarter_hour(c: Candidate, ctx: Context) -> Resolved | None:
    """"the last quarter of an hour" PT15M, "three quarters of an hour" PT45M."""
    return Resolved("DURATION", "PT45M" if (c.groups.get("n") or "").lower() == "three"
                    else "PT15M")


def n_fortnight(c: Candidate, ctx: Context) -> Resolved | None:
    """"a fortnight", "the past fortnight": two weeks a fortnight (round 11)."""
    n = number(c.groups["num"]) if c.groups.get("num") else 1.0
    return Resolved("DURATION", _duration_value(None if n is None else 2 * n, "week"))


def n_half(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    h = 1 if (g.get("ord") or "").lower() == "first" or "H1" in (g.get("hn"), g.get("hn2")) else 2
    year = year_of(g.get("year"))
    if year is None:
        if ctx.ref is None:
            return Resolved("DATE", f"XXXX-H{h}")
        year = ctx.ref.year + {"last": -1, "next": 1}.get((g.get("this") or "").lower(), 0)
        return Resolved("DATE", f"{year}-H{h}", "published")
    return Resolved("DATE", f"{year}-H{h}")


SEASON_START = {"SP": 3, "SU": 6, "FA": 9}
"""First month of each season but winter, which straddles the new year (left to the year)."""


def n_season(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    code = words()["season"][g["season"].lower()]
    year = year_of(g.get("year"))
    if year is None:
        if ctx.ref is None:
            return Resolved("DATE", f"XXXX-{code}")
        rel = (g.get("rel") or "").lower()
        if rel == "that":  # "that summer": the year of the latest date before it
            if ctx.anchor_value is None:
                return None
            tid, value = ctx.anchor_value
            return Resolved("DATE", f"{value[:4]}-{code}", tid)
        rel = re.sub(r"\s+", " ", rel)
        year = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
        start = SEASON_START.get(code)
        if rel in ("this past", "this coming") and start is not None:
            # "this past spring" the last one begun before the reference date, "this coming
            # fall" the next one not yet begun (round 10)
            if rel == "this past" and start > ctx.ref.month:
                year -= 1
            elif rel == "this coming" and start <= ctx.ref.month:
                year += 1
        if rel in ("the", "") and start is not None:
            # "ran through the fall" in February is last fall; "will reopen in the spring"
            # in October is next spring (round 8; "this summer" stays this year's)
            if ctx.tense == "past" and start > ctx.ref.month:
                year -= 1
            elif ctx.tense == "future" and start + 3 <= ctx.ref.month:
                year += 1
        return Resolved("DATE", f"{year}-{code}", "published")
    return Resolved("DATE", f"{year}-{code}")


def holiday_day(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule of timex_holidays.tsv gives in a year."""
    kind, _, arg = rule.partition(":")
    if kind == "easter":
        return easter(year) + dt.timedelta(days=int(arg))
    if kind == "nth":
        month, wd, n = (int(x) for x in arg.split(":"))
        first = dt.date(year, month, 1)
        days = [first + dt.timedelta(days=i) for i in range(31)]
        days = [d for d in days if d.month == month and d.isoweekday() == wd]
        return days[n - 1] if n > 0 else days[n]
    month, day = (int(x) for x in kind.split("-"))
    return dt.date(year, month, day)


def n_holiday(c: Candidate, ctx: Context) -> Resolved | None:
    """A holiday: the last one before the reference date, the next one in future tense or
    after "next"; "last"/"this" pick the previous / current year's."""
    key = re.sub(r"\s+", " ", c.groups["holiday"].lower()).replace("’", "'")
    rule = holidays().get(key)
    if rule is None:
        return None
    if ctx.ref is None:
        d = holiday_day(rule, 2001)
        return Resolved("DATE", f"XXXX-{d.month:02d}-{d.day:02d}" if d else None)
    ref = ctx.ref
    rel = (c.groups.get("rel") or "").lower()
    this, last, nxt = (holiday_day(rule, ref.year + k) for k in (0, -1, 1))
    if this is None or last is None or nxt is None:
        return None
    if rel == "this":
        d = this
    elif rel == "next" or ctx.tense == "future":
        d = this if this >= ref else nxt
    elif rel == "last" or ctx.tense == "past":
        d = this if this <= ref else last
    else:
        ahead = this if this >= ref else nxt
        d = ahead if (ahead - ref).days <= FUTURE_WINDOW_DAYS else (
            this if this <= ref else last)
    return Resolved("DATE", d.isoformat(), "published", d)


def n_that(c: Candidate, ctx: Context) -> Resolved | None:
    """"that day", "later that year", "the same month": the unit of the latest date before;
    nothing without one (then "that day" is usually "the day that ...")."""
    unit = c.groups["unit"].lower()
    code = words()["partofday"].get(unit, "")
    if unit in ("day", "morning", "afternoon", "evening", "night") or unit == "week":
        if ctx.anchor_day is None:
            return None
        tid, d = ctx.anchor_day
        if unit == "week":
            return Resolved("DATE", week(d), tid)
        if code:
            return Resolved(POD_TYPE, f"{d.isoformat()}T{code}", tid, d)
        return Resolved("DATE", d.isoformat(), tid, d)
    if ctx.anchor_value is None:
        return None
    tid, value = ctx.anchor_value
    if unit == "month":
        return Resolved("DATE", value[:7], tid) if value[5:7].isdigit() else None
    return Resolved("DATE", value[:4], tid)


def _ref_day(ctx: Context, offset: int) -> tuple[str | None, dt.date | None]:
    if ctx.ref is None:
        return None, None
    d = ctx.ref + dt.timedelta(days=offset)
    return d.isoformat(), d


DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def n_deictic(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    word = (g.get("deictic") or g.get("rel") or "today").lower()
    offset = DEICTIC.get(word, 0)
    pod = (g.get("pod") or "").lower()
    if word == "last" and pod in ("night", "evening"):
        offset = -1
    value, d = _ref_day(ctx, offset)
    code = words()["partofday"].get(pod) or ("NI" if word == "tonight" else "")
    if code:
        return Resolved(POD_TYPE, f"{value}T{code}" if value else None, "published", d)
    return Resolved("DATE", value, "published" if value else None, d)


def n_weekday(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    wd = weekday_of(g["wd"])
    mod = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
    pod = (g.get("pod") or "").lower()
    code = words()["partofday"].get(pod, "")
    type_ = POD_TYPE if code else "DATE"
    if ctx.ref is None:
        return Resolved(type_, f"XXXX-WXX-{wd}")
    ref = ctx.ref
    if (not mod and ctx.prev_word == "a" and ctx.anchor_day is not None
            and ctx.anchor_day_sent == ctx.sent and ctx.anchor_day[1].isoweekday() == wd):
        # "It started on July 23, a Saturday": the weekday of the date just named
        tid, d = ctx.anchor_day
        return Resolved(type_, d.isoformat() + (f"T{code}" if code else ""), tid, d)
    if mod in ("the following", "the previous") and ctx.anchor_day is not None:
        # "down 3% from the previous Friday": the one before the day in discussion
        # (the latest exact day in the text), not before the reference date (round 10)
        tid, base = ctx.anchor_day
        delta = wd - base.isoweekday()
        if mod == "the following":
            days = delta if delta > 0 else delta + 7
        else:
            days = delta if delta < 0 else delta - 7
        d = base + dt.timedelta(days=days)
        return Resolved(type_, d.isoformat() + (f"T{code}" if code else ""), tid, d)
    delta = wd - ref.isoweekday()
    if not mod and ctx.possessive and (
            (ctx.prev_word2, ctx.prev_word) == ("ahead", "of") or ctx.prev_word in AWAIT):
        # "ahead of Tuesday's vote", "investors await Thursday's decision": the coming one,
        # today included (round 10; every other possessive weekday in the development
        # data is a past day, "before Friday's purchases" among them)
        days = delta if delta >= 0 else delta + 7
        d = ref + dt.timedelta(days=days)
        return Resolved(type_, d.isoformat() + (f"T{code}" if code else ""), "published", d)
    if not mod and ctx.prev_word in AHEAD_CUES - {"before"} and not ctx.possessive and (
        ctx.tense != "past" or ctx.present_perfect or ctx.deferred
    ):
        # "has until 9 a.m. Tuesday", "by Friday": the coming one, today included
        days = delta if delta >= 0 else delta + 7
    elif not mod and ctx.prev_word == "since":
        # "remains closed since Thursday": since points back whatever the tense
        days = delta if delta <= 0 else delta - 7
    elif mod in ("next", "this coming", "the following") or (
        mod in ("", "early", "late", "this") and ctx.tense in ("future", "present")
    ):
        # present tense ("talks resume Friday") on a Friday means today
        # and so does a future one ("is expected to peak on Thursday evening" in a story
        # dated Thursday: the story is read the day it is dated; round 9)
        today_ok = ctx.tense in ("present", "future") and mod in ("", "this")
        days = delta if delta > 0 or (today_ok and delta == 0) else delta + 7
        if mod == "next" and days < 0:
            days += 7
    elif mod == "last" or mod == "this past" or mod == "the previous":
        days = delta if delta < 0 else delta - 7
    else:
        days = delta if delta <= 0 else delta - 7
    d = ref + dt.timedelta(days=days)
    value = d.isoformat() + (f"T{code}" if code else "")
    return Resolved(type_, value, "published", d)


def n_rel_unit(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    unit = g["unit"].lower()
    rel = g.get("rel", "this").lower()
    if ctx.ref is None:
        return None
    if rel == "past" and unit in ("decade", "century") and c.rule.name == "rel_unit":
        # "over the past decade": the ten years up to now, a DURATION (TimeBank's one
        # "past decade" is P10Y; it has "the last decade" as the decade, 198; round 11)
        return Resolved("DURATION", "P10Y" if unit == "decade" else "P100Y")
    if rel == "coming" and unit in ("decade", "century"):
        # "in the coming decade": the ten years ahead, not the next calendar decade (round 8)
        return Resolved("DATE", "FUTURE_REF")
    step = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
            "following": 1}.get(rel, 0)
    if unit == "weekend":
        if step == 0 and ctx.tense == "past":
            step = -1
        d = ctx.ref + dt.timedelta(weeks=step)
        return Resolved("DATE", week(d) + "-WE", "published")
    anchor = coarse_anchor(ctx, unit) or ctx.anchor_day
    told = ctx.tense == "past" and c.groups.get("_text", "").lower().startswith("the ")
    if (rel in ("following", "previous", "prior", "same") or (rel == "next" and told)) and (
            anchor is not None):
        # "In March, ... The following month" counts from March, not from a day named
        # further back or the reference date; in a past clause "the next year" is the one
        # after the year told ("In 1995, ... The next year, it went public"), while "over
        # the next year" ahead stays deictic (round 10)
        tid, base = anchor
        return Resolved("DATE", at_granularity(shift(base, step, unit), unit), tid)
    d = shift(ctx.ref, step, unit)
    return Resolved("DATE", at_granularity(d, unit), "published")


def n_same_period(c: Candidate, ctx: Context) -> Resolved | None:
    """"the same period last year": the period under discussion a year back (the quarter
    or month of the latest date when there is one), else last year."""
    unit = c.groups["unit"].lower()
    if c.groups.get("year"):  # "the same period of 1997"
        return Resolved("DATE", str(year_of(c.groups["year"])))
    if (unit == "period" and ctx.anchor_value is not None and ctx.anchor_value_sent == ctx.sent
            and len(ctx.anchor_value[1]) == 7 and ctx.anchor_value[1][5:7].isdigit()):
        # "sales rose in February compared to the same period last year": that month a
        # year back (round 9, as "a year earlier" in round 8)
        tid, value = ctx.anchor_value
        return Resolved("DATE", f"{int(value[:4]) - 1}{value[4:]}", tid)
    if ctx.anchor_quarter is not None and unit in ("period", "quarter"):
        tid, value = ctx.anchor_quarter
        return Resolved("DATE", f"{int(value[:4]) - 1}{value[4:]}", tid)
    if ctx.anchor_value is not None and unit in ("month", "day"):
        tid, value = ctx.anchor_value
        size = 7 if unit == "month" else 10
        if len(value) >= size:
            return Resolved("DATE", f"{int(value[:4]) - 1}{value[4:size]}", tid)
    if ctx.ref is None:
        return Resolved("DATE", None)
    return Resolved("DATE", str(ctx.ref.year - 1), "published")


def n_weekend(c: Candidate, ctx: Context) -> Resolved | None:
    if ctx.ref is None:
        return Resolved("DATE", "XXXX-WXX-WE")
    first = c.groups.get("_text", "").split()[0].lower()
    step = {"last": -1, "next": 1}.get(first, 0)
    if first == "the" and ctx.tense == "past" and ctx.ref.isoweekday() < 6:
        step = -1
    return Resolved("DATE", week(ctx.ref + dt.timedelta(weeks=step)) + "-WE", "published")


def n_the_year(c: Candidate, ctx: Context) -> Resolved | None:
    """"for the year", "in the fiscal year": the reference year, except a year running to
    a date ("the year ended March 31", a DURATION) and "the latest fiscal year" (the last)."""
    g = c.groups
    rel = (g.get("rel") or "").lower()
    whole_of = rel in ("entire", "whole") and ctx.prev_word == "for" and ctx.on_noun
    if g.get("ended") or (rel in ("past", "entire", "whole") and not whole_of):
        return Resolved("DURATION", "P1Y")
    # "the figure for the whole year" is the reporting year, as "for the full year" (round 8)
    if ctx.ref is None:
        return Resolved("DATE", None)
    back = 1 if (g.get("rel") or "").lower() == "latest" else 0
    if rel in ("entire", "whole", "full") and ctx.anchor_quarter is not None:
        # "a loss in the fourth quarter of 2005 and for the entire year": that quarter's
        # year (round 9)
        tid, value = ctx.anchor_quarter
        return Resolved("DATE", value[:4], tid)
    return Resolved("DATE", str(ctx.ref.year - back), "published")


def n_year_end(c: Candidate, ctx: Context) -> Resolved | None:
    if ctx.ref is None:
        return None
    return Resolved("DATE", str(ctx.ref.year), "published")


HALF_UNITS = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12),
              "month": ("week", 4), "week": ("hour", 168), "day": ("hour", 24)}
"""The unit "X and a half" is counted in, keyed by X, and how many of it X holds: "a year and
a half" is 18 months, "a month and a half" 6 weeks (a value to the week), "a day and a half"
36 hours, which from a reference date of unknown hour is taken as the day before (a story
published in the afternoon or evening, the usual case, is 36 hours after the day before)."""


def n_ago(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    unit = unit_of(g["unit"])
    n = 0.0 if g.get("halfa") else number(g["num"])
    if n is None:
        return Resolved("DATE", "PAST_REF", "published")
    if g.get("and") or g.get("andpre") or g.get("halfa"):
        # "a year and a half ago", "half a year ago": in the next smaller unit
        smaller, per = HALF_UNITS.get(unit, (unit, 1))
        unit, n = smaller, (n + 0.5) * per
        if unit == "hour":  # "a day and a half ago": 36 hours, the day before (see HALF_UNITS);
            unit, n = "day", n // 24  # "a week and a half ago": 252 hours, ten days back
    if ctx.ref is None:
        return None
    if unit == "year" and n == 1 and ctx.anchor_quarter is not None:
        tid, value = ctx.anchor_quarter
        return Resolved("DATE", f"{int(value[:4]) - 1}{value[4:]}", tid)
    if unit in TIME_UNITS:
        return Resolved("DATE", ctx.ref.isoformat(), "published", ctx.ref)
    d = shift(ctx.ref, -n, unit)
    return Resolved("DATE", at_granularity(d, unit), "published", d if unit == "day" else None)


def day_anchor(ctx: Context) -> tuple[str, dt.date] | None:
    """What "two days later" counts from: the last exact day in the text, else the
    reference date."""
    if ctx.anchor_day is not None:
        return ctx.anchor_day
    if ctx.ref is not None:
        return "published", ctx.ref
    return None


def coarse_anchor(ctx: Context, unit: str) -> tuple[str, dt.date] | None:
    """What "two years later" counts from when the latest date is a month or a year ("In
    1990 ... two years later"): that date, if it is precise enough for the unit."""
    if unit not in ("month", "quarter", "year", "decade") or ctx.anchor_value is None:
        return None
    tid, value = ctx.anchor_value
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\d-])", value)
    if m is None or (unit in ("month", "quarter") and not m.group(2)):
        return None
    if m.group(3) and ctx.anchor_day is not None:
        return ctx.anchor_day
    return tid, dt.date(int(m.group(1)), int(m.group(2) or 1), 1)


def n_later(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    unit = unit_of(g["unit"])
    if g.get("fromwd") or g.get("fromd"):
        return n_from_day(c, ctx)  # "a week from Monday" (round 11)
    sign = -1 if g["dir"].lower() == "earlier" else 1
    if g["dir"].lower().startswith("from"):  # "two weeks from now": from the reference date
        anchor = ("published", ctx.ref) if ctx.ref is not None else None
    else:
        anchor = coarse_anchor(ctx, unit) or day_anchor(ctx)
    if anchor is None:
        return None
    tid, base = anchor
    n = number(g["num"])
    if n is not None and (g.get("and") or g.get("andpre")):
        smaller, per = HALF_UNITS.get(unit, (unit, 1))
        unit, n = smaller, (n + 0.5) * per
        if unit == "hour":
            unit, n = "day", n // 24
    if unit == "year" and n == 1 and sign < 0 and ctx.anchor_quarter is not None:
        qid, value = ctx.anchor_quarter
        return Resolved("DATE", f"{int(value[:4]) - 1}{value[4:]}", qid)
    if (unit == "year" and sign < 0 and n is not None and ctx.anchor_value is not None
            and ctx.anchor_value_sent == ctx.sent and len(ctx.anchor_value[1]) == 7):
        # "Sales in August were 4.5 percent higher than a year earlier": the same month
        # of that year (round 8; a month named in another sentence keeps the year)
        vid, value = ctx.anchor_value
        if value[5:7].isdigit():
            return Resolved("DATE", f"{int(value[:4]) - int(n)}{value[4:]}", vid)
    if unit in TIME_UNITS:
        return Resolved("DATE", base.isoformat(), tid, base)
    if n is None:
        # "a few days later": about three units on; the value is the next coarser unit
        d = shift(base, sign * 3, unit)
        coarser = {"day": "week", "week": "month", "month": "year"}.get(unit, unit)
        return Resolved("DATE", at_granularity(d, coarser), tid)
    d = shift(base, sign * n, unit)
    return Resolved("DATE", at_granularity(d, unit), tid, d if unit == "day" else None)


def n_next_day(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    unit = g["unit"].lower()
    rel = g["rel"].lower()
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
            "before": -1}.get(rel, 0)
    anchor = day_anchor(ctx)
    if anchor is None:
        return None
    tid, base = anchor
    code = words()["partofday"].get(unit, "")
    if code or unit == "day":
        d = base + dt.timedelta(days=step)
        if code:
            return Resolved(POD_TYPE, f"{d.isoformat()}T{code}", tid, d)
        return Resolved("DATE", d.isoformat(), tid, d)
    if unit == "night":
        d = base + dt.timedelta(days=step)
        return Resolved(POD_TYPE, f"{d.isoformat()}TNI", tid, d)
    return Resolved("DATE", at_granularity(shift(base, step, unit), unit), tid)


def n_unit_around(c: Candidate, ctx: Context) -> Resolved | None:
    """"(in the) weeks before the vote": a DATE around an event, placed by the tense (the
    event itself is not resolved); "(in the) years that followed", "over the years": a vague
    DURATION."""
    unit = unit_of(c.groups["unit"])
    if c.groups.get("come"):  # "the years to come": ahead of now, as "the coming years"
        return Resolved("DATE", "FUTURE_REF")
    if c.rule.type == "DURATION" or c.groups.get("since"):
        return Resolved("DURATION", _duration_value(None, unit))
    # the event is not resolved: the period is only placed before or after the reference
    return Resolved("DATE", "FUTURE_REF" if ctx.tense == "future" else "PAST_REF")


def n_fixed(c: Candidate, ctx: Context) -> Resolved | None:
    return Resolved(c.rule.type, c.rule.value, None)


def _duration_value(n: float | None, unit: str) -> str:
    if unit == "decade" and (n is None or n > 1):
        # "two decades": P20Y, and "decades" PXY, as annotated
        return _duration_value(None if n is None else 10 * n, "year")
    letter = UNIT_LETTER[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n):
        if unit == "year":
            return f"P{int(n)}Y{round((n - int(n)) * 12)}M" if int(n) else f"P{int(n*12)}M"
        if unit == "hour":
            return f"PT{int(n)}H{round((n - int(n)) * 60)}M"
        if unit == "minute":
            return f"PT{int(n)}M{round((n - int(n)) * 60)}S"
        if unit == "day":
            return f"PT{int(n * 24)}H"
        if unit == "month":  # counted in weeks, as "a month and a half ago" is (HALF_UNITS)
            return f"P{round(n * 4)}W"
        if unit == "week":  # "a week and a half": ten and a half days
            days, hours = divmod(round(n * 7 * 24), 24)
            return f"P{days}D" + (f"T{hours}H" if hours else "")
    return f"{prefix}{int(n)}{letter}"


def n_duration(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    unit = unit_of(g["unit"])
    n = number(g["num"]) if g.get("num") else None
    if g.get("num2") or (g.get("mod") or "").lower().startswith("the better"):
        n = None
    if (g.get("and") or g.get("andpre")) and n is not None:
        n += 0.5  # "a month and a half", "seven and a half years"
    plain = not (g.get("the") or g.get("rel") or g.get("mod") or g.get("num2"))
    if (plain and ctx.prev_word == "in" and ctx.tense == "future" and ctx.ref is not None
            and n is not None and n == int(n) and unit not in TIME_UNITS
            and g["num"].lower() not in ("a", "an")):
        # "will be redeemed in five years": the date that far ahead (TimeML DATE); "in a
        # year or two", "in a quarter" stay durations (round 9)
        d = shift(ctx.ref, n, unit)
        return Resolved("DATE", at_granularity(d, unit), "published", d if unit == "day" else None)
    return Resolved("DURATION", _duration_value(n, unit))


HALF_OF = {"century": "P50Y", "decade": "P5Y", "year": "P6M", "quarter": "P6W",
           "month": "P2W", "week": "P3DT12H", "day": "PT12H", "hour": "PT30M",
           "minute": "PT30S", "second": "PT0.5S"}
"""Half of each unit, in the largest unit that holds it whole."""


def n_half_unit(c: Candidate, ctx: Context) -> Resolved | None:
    """"half a century" P50Y, "half an hour" PT30M, "the past half century" P50Y."""
    g = c.groups
    unit = unit_of(g.get("unit") or g.get("unit2") or g.get("unit3") or "")
    value = HALF_OF.get(unit)
    return Resolved("DURATION", value) if value else None


def n_duration_vague(c: Candidate, ctx: Context) -> Resolved | None:
    if c.groups.get("one"):  # "week-long" one week, "two-week-long" two
        n = number(c.groups["num"]) if c.groups.get("num") else 1.0
        return Resolved("DURATION", _duration_value(n, unit_of(c.groups["one"])))
    unit = unit_of(c.groups["unit"])
    if unit == "age":
        return Resolved("DURATION", "PXY")
    words_ = c.groups.get("_text", "").lower().split()
    if "coming" in words_ and not {"few", "several"} & set(words_):
        # "in the coming weeks", "in coming months": the stretch ahead, FUTURE_REF as
        # "coming years" (round 8; TimeBank annotates "coming months" so, once PXW)
        return Resolved("DATE", "FUTURE_REF")
    return Resolved("DURATION", _duration_value(None, unit))


def n_duration_one(c: Candidate, ctx: Context) -> Resolved | None:
    """"another year", "an additional year", "one more week": one of the unit."""
    return Resolved("DURATION", _duration_value(1.0, unit_of(c.groups["unit"])))


def n_duration_while(c: Candidate, ctx: Context) -> Resolved | None:
    return Resolved("DURATION", "PXX")


def n_set(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    if g.get("setword"):
        return Resolved("SET", words()["setword"][g["setword"].lower()])
    if g.get("wdu"):  # "every Thursday evening", "every second Friday"
        code = words()["partofday"].get((g.get("pod") or "").lower(), "")
        return Resolved("SET", f"XXXX-WXX-{weekday_of(g['wdu'])}" + (f"T{code}" if code else ""))
    if g.get("wdays") or g.get("wd1"):  # "on Mondays", "Tuesday nights"
        pod = (g.get("pod") or g.get("pods") or "").lower().rstrip("s")
        code = words()["partofday"].get(pod, "")
        wd = weekday_of(g["wd1"] if g.get("wd1") else g["wdays"][:-1])
        return Resolved("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""))
    unit_text = g["unit"]
    if unit_text.lower().rstrip(".") in words()["weekday"]:
        return Resolved("SET", f"XXXX-WXX-{weekday_of(unit_text)}")
    if unit_text.lower().rstrip(".") in words()["month"]:
        return Resolved("SET", f"XXXX-{month_of(unit_text):02d}")
    if unit_text.lower() in words()["season"]:
        return Resolved("SET", f"XXXX-{words()['season'][unit_text.lower()]}")
    unit = unit_of(unit_text)
    num = g.get("num")
    n = EVERY_NTH.get(num.lower()) if num else 1.0
    if n is None:
        n = number(num or "")
    if c.rule.name == "set_times":
        # "three times a week", "six nights a week": the count is the frequency (TIMEX3
        # freq), the value is the period, P1W (round 8; it was P3W)
        n = 1.0
    return Resolved("SET", _duration_value(n, unit))


EVERY_NTH = {"other": 2.0, "second": 2.0, "third": 3.0, "fourth": 4.0}
""""every other week", "every second week": a SET of two weeks."""


def n_named_day(c: Candidate, ctx: Context) -> Resolved | None:
    """"Black Monday": a day known by a name, not this week's weekday; its date is history
    the text does not give (round 9)."""
    return Resolved("DATE", None)


def n_clock(c: Candidate, ctx: Context) -> Resolved | None:
    g = c.groups
    if g.get("noon"):
        hour, minute = (24, 0) if g["noon"].lower() == "midnight" else (12, 0)
    elif g.get("oc"):
        n = number(g["oc"])
        if n is None or not 1 <= n <= 12:
            return None
        hour, minute = int(n), 0
    else:
        hour = int(g.get("h") or g.get("h24") or g.get("hb") or g.get("mil") or 0)
        minute = int(g.get("m") or g.get("m24") or g.get("mb") or g.get("milm") or 0)
        ap = (g.get("ap") or "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        if ap.startswith("a") and hour == 12:
            hour = 0
        if ap and not 1 <= int(g.get("h") or 0) <= 12:
            return None
    d: dt.date | None = None
    anchor: str | None = None
    if g.get("wd"):
        sub = Candidate(c.rule, c.start, c.end, {"wd": g["wd"]})
        r = n_weekday(sub, ctx)
        d, anchor = (r.day, r.anchor) if r else (None, None)
    elif g.get("deictic"):
        _, d = _ref_day(ctx, DEICTIC[g["deictic"].lower()])
        anchor = "published"
    elif g.get("month"):
        # "at midnight on June 30, 1997": the year written with the date (round 8)
        sub = Candidate(c.rule, c.start, c.end,
                        {"month": g["month"], "day": g["day"], "year": g.get("year")})
        r = n_date(sub, ctx)
        d, anchor = (r.day, r.anchor) if r else (None, None)
    elif ctx.anchor_day is not None and ctx.anchor_day_sent in (ctx.sent, ctx.prev_sent):
        # "On Friday ... at 10 a.m.": the day of its own sentence or the one before; a day
        # named further back (a quote's "last night") does not carry over (round 9)
        anchor, d = ctx.anchor_day
    elif ctx.ref is not None:
        anchor, d = "published", ctx.ref
    day = d.isoformat() if d else "XXXX-XX-XX"
    zone = "Z" if re.sub(r"\s+", " ", g.get("tz") or "") in UTC_ZONES else ""
    undated = not (g.get("wd") or g.get("deictic") or g.get("month"))
    return Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}{zone}", anchor, d, undated)


UTC_ZONES = frozenset({"GMT", "UTC", "Z", "Greenwich Mean Time", "Greenwich time"})
"""Zones written as UTC: ISO 8601 (and TIMEX3 values) write the time with a "Z" (round 9;
TBAQ has no annotated clock time with a zone, MEANTIME writes "T08:30Z")."""


PM_PODS = frozenset({"tonight", "afternoon", "evening", "night"})


def n_clock_pod(c: Candidate, ctx: Context) -> Resolved | None:
    """"at 10 tonight", "at 9 this morning": the hour of the day the part of day names, in
    the afternoon and evening when the part of day says so ("10 last night" is 22:00).
    Twelve at night is midnight, T24:00 of that day as TIMEX3 writes midnight ("12 tonight");
    one to four at night are the small hours after it, on the next day ("2 last night" is
    02:00 on the reference day, "1 tonight" 01:00 tomorrow)."""
    g = c.groups
    hour, minute = int(g["h"]), int(g.get("m") or 0)
    pod = (g.get("pod") or g.get("lpod") or g.get("deictic") or "").lower()
    night = pod in ("night", "tonight")
    small_hours = night and hour < 5
    if night and hour == 12:
        hour = 24
    elif pod in PM_PODS and hour < 12 and not small_hours:
        hour += 12
    word = (g.get("deictic") or g.get("rel") or "today").lower()
    offset = (-1 if g.get("last") else DEICTIC.get(word, 0)) + (1 if small_hours else 0)
    value, d = _ref_day(ctx, offset)
    day = value or "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}", "published" if d else None, d)


def n_pod_mid(c: Candidate, ctx: Context) -> Resolved | None:
    """"mid-afternoon": that part of the named day ("yesterday"), else of the latest exact
    day in the text, else of the reference date."""
    code = words()["partofday"][c.groups["pod"].lower()]
    deictic = (c.groups.get("deictic") or "").lower()
    if deictic:
        value, d = _ref_day(ctx, DEICTIC[deictic])
        tid = "published"
    else:
        found = day_anchor(ctx)
        tid, d = found if found is not None else (None, None)
        value = d.isoformat() if d else None
    if value is None:
        return Resolved(POD_TYPE, None)
    return Resolved(POD_TYPE, f"{value}T{code}", tid, d)


NORMALISERS: dict[str, Callable[[Candidate, Context], Resolved | None]] = {
    "date_mdy": n_date, "date_pair": n_date, "named_day": n_named_day, "date_dmy": n_date,
    "date_iso": n_date, "date_slash": n_date,
    "month_year": n_month, "month": n_month, "month_rel": n_month, "month_rel_year": n_month,
    "year": n_year, "year_words": n_year, "year_mod": n_year, "year_fiscal": n_year,
    "year_range": n_year,
    "month_range": n_month, "week_of_month": n_week_of_month, "decade": n_decade,
    "nth_unit": n_nth_unit,
    "decade_word": n_decade_word,
    "century": n_century,
    "quarter_ord": n_quarter, "quarter_adj": n_quarter, "year_ago_adj": n_quarter,
    "quarter_year": n_quarter, "quarter_rel": n_quarter,
    "quarter_period": n_quarter, "half": n_half, "quarter_q": n_quarter,
    "week_of_date": n_week_of_date, "weekday_week": n_weekday_week,
    "weekday_rel": n_weekday_rel, "day_only": n_day_only,
    "quarter_month": n_quarter_month, "quarter_hour": n_quarter_hour, "fortnight": n_fortnight,
    "half_decade": n_decade,
    "season": n_season, "season_year": n_season, "season_bare": n_season,
    "holiday": n_holiday, "that_unit": n_that,
    "deictic": n_deictic, "deictic_pod": n_deictic, "deictic_tonight": n_deictic,
    "weekday": n_weekday, "pod_weekday": n_weekday,
    "rel_unit": n_rel_unit, "rel_earlier_in": n_rel_unit, "part_of_unit": n_rel_unit,
    "weekend": n_weekend,
    "year_end": n_year_end, "same_period": n_same_period, "year_the": n_year,
    "the_year": n_the_year, "period_year": n_year,
    "ago": n_ago, "later": n_later, "next_day": n_next_day, "day_before": n_next_day,
    "fixed": n_fixed, "unit_around": n_unit_around, "half_unit": n_half_unit,
    "duration": n_duration, "duration_adj": n_duration, "duration_vague": n_duration_vague,
    "duration_vague2": n_duration_vague, "duration_ahead": n_duration_vague,
    "duration_long": n_duration_vague, "set_weekdays": n_set,
    "duration_while": n_duration_while, "duration_one": n_duration_one,
    "set_every": n_set, "set_word": n_set, "set_times": n_set,
    "clock": n_clock, "clock_pod": n_clock_pod, "pod_mid": n_pod_mid,
}


def normalise(c: Candidate, ctx: Context) -> Resolved | None:
    fn = NORMALISERS.get(c.rule.name)
    return fn(c, ctx) if fn else None
