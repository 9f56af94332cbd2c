"""Round 5 of the timex component: ranges, anaphoric seasons and years, plural weekdays,
decades in words, clock hours before a part of day. Our own wire-style sentences."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers


def found(nlp: Language, text: str, published: str | None = "1998-11-20") -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_year_ranges_split_into_their_ends(nlp: Language) -> None:
    got = found(nlp, "The five-year plan (1996-2000) covers the 1998-99 fiscal year.")
    assert ("1996", "DATE", "1996") in got
    assert ("2000", "DATE", "2000") in got
    assert ("1998", "DATE", "1998") in got
    assert ("99", "DATE", "1999") in got


def test_not_a_range(nlp: Language) -> None:
    # the second number is not a little after the first: a score or a code, not years
    assert found(nlp, "The vote went 1998-1950 in the assembly.") == []


def test_month_range_shares_the_year_of_its_end(nlp: Language) -> None:
    got = found(nlp, "Exports in the November-January period rose 5 percent.", "1999-02-15")
    assert got == [("November", "DATE", "1998-11"), ("January", "DATE", "1999-01")]


def test_that_summer_reads_the_year_before(nlp: Language) -> None:
    got = found(nlp, "He moved to Boston in 1994, and that summer he married.")
    assert got == [("1994", "DATE", "1994"), ("that summer", "DATE", "1994-SU")]
    # no year before it: nothing to resolve against, so no timex
    assert found(nlp, "That summer he married.") == []


def test_later_counts_from_the_latest_year(nlp: Language) -> None:
    got = found(nlp, "He first ran in 1994 and lost; four years later he won.")
    assert got == [("1994", "DATE", "1994"), ("four years later", "DATE", "1998")]


def test_and_a_half_ago(nlp: Language) -> None:
    assert found(nlp, "The plant closed a year and a half ago.") == [
        ("a year and a half ago", "DATE", "1997-05")
    ]


def test_plural_weekdays_are_sets(nlp: Language) -> None:
    assert found(nlp, "The museum is closed on Mondays.") == [("Mondays", "SET", "XXXX-WXX-1")]
    assert found(nlp, "The show airs Tuesday nights.") == [
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI")
    ]


def test_decades_in_words_and_vague_decades(nlp: Language) -> None:
    assert found(nlp, "Crime fell through the nineties.") == [("the nineties", "DATE", "199")]
    assert found(nlp, "It ended a decades-long feud.") == [("decades-long", "DURATION", "PXY")]


def test_same_period_of_a_year_and_the_other_day(nlp: Language) -> None:
    got = found(nlp, "Output rose 8 percent over the same period of 1997.")
    assert got == [("the same period of 1997", "DATE", "1997")]
    assert found(nlp, "He said so the other day.") == [("the other day", "DATE", "PAST_REF")]


def test_a_unit_before_an_event_is_a_duration(nlp: Language) -> None:
    assert found(nlp, "He resigned a day before the vote.") == [("a day", "DURATION", "P1D")]
    assert found(nlp, "The fee is $5 a day.") == []


def test_clock_hour_before_a_part_of_day(nlp: Language) -> None:
    got = found(nlp, "The fire broke out at 11 last night and was out by 2 this afternoon.")
    assert got == [
        ("11 last night", "TIME", "1998-11-19T23:00"),
        ("2 this afternoon", "TIME", "1998-11-20T14:00"),
    ]
    # a count before "tonight" is no clock time
    assert found(nlp, "He scored 2 tonight.") == [("tonight", "DATE", "1998-11-20TNI")]


def test_odd_input(nlp: Language) -> None:
    assert found(nlp, "") == []
    assert found(nlp, "Im Zeitraum 1996-2000 stieg der Export.", None) == [
        ("1996", "DATE", "1996"),
        ("2000", "DATE", "2000"),
    ]
    assert found(nlp, "January–July", None) == [
        ("January", "DATE", "XXXX-01"),
        ("July", "DATE", "XXXX-07"),
    ]
