"""Three timex regressions found in review (issue 5 follow-up): a year after a month range,
"a month and a half ago", clock hours at midnight and in the small hours. Our own
wire-style sentences; each test failed before its fix."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers


def found(nlp: Language, text: str, published: str | None = "2022-05-01") -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_year_after_a_month_range_dates_both_ends(nlp: Language) -> None:
    got = found(nlp, "Grain exports rose 12 percent in January-July 2021, the ministry said.")
    assert got == [("January", "DATE", "2021-01"), ("July 2021", "DATE", "2021-07")]
    got = found(nlp, "The March-April 2021 survey of 1,200 farms found little change.")
    assert got == [("March", "DATE", "2021-03"), ("April 2021", "DATE", "2021-04")]
    # a range across the new year: the first month is in the year before
    got = found(nlp, "Sales fell in November–January 2022, traders said.")
    assert got == [("November", "DATE", "2021-11"), ("January 2022", "DATE", "2022-01")]


def test_month_range_without_year_unchanged(nlp: Language) -> None:
    got = found(nlp, "Exports in the November-January period rose 5 percent.", "1999-02-15")
    assert got == [("November", "DATE", "1998-11"), ("January", "DATE", "1999-01")]
    # a number after the range that is no year stays out
    got = found(nlp, "In March-April 300 people were hurt.", "1999-06-15")
    assert got == [("March", "DATE", "1999-03"), ("April", "DATE", "1999-04")]


def test_and_a_half_ago_counts_in_the_next_smaller_unit(nlp: Language) -> None:
    # 6 weeks before Sunday 2022-05-01 is Sunday 2022-03-20, ISO week 11
    assert found(nlp, "The minister resigned a month and a half ago, aides said.") == [
        ("a month and a half ago", "DATE", "2022-W11")
    ]
    assert found(nlp, "The minister resigned a year and a half ago, aides said.") == [
        ("a year and a half ago", "DATE", "2020-11")
    ]
    assert found(nlp, "The ferry sank a day and a half ago, the coast guard said.") == [
        ("a day and a half ago", "DATE", "2022-04-30")
    ]
    assert found(nlp, "The ferry sank a day and a half ago.", None) == []


def test_clock_hour_at_midnight_and_in_the_small_hours(nlp: Language) -> None:
    assert found(nlp, "Polling stations close at 12 tonight, officials said.") == [
        ("12 tonight", "TIME", "2022-05-01T24:00")
    ]
    assert found(nlp, "The blast struck at 2 last night, police said.") == [
        ("2 last night", "TIME", "2022-05-01T02:00")
    ]
    assert found(nlp, "The blast struck at 11 last night, police said.") == [
        ("11 last night", "TIME", "2022-04-30T23:00")
    ]
    assert found(nlp, "The curfew starts at 1 tonight.") == [
        ("1 tonight", "TIME", "2022-05-02T01:00")
    ]
    assert found(nlp, "Talks resume at 9 this morning.") == [
        ("9 this morning", "TIME", "2022-05-01T09:00")
    ]
