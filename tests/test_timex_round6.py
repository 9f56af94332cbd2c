"""Round 6 of the timex component (issue 5, round 4): forms of New York Times and Xinhua copy,
written as our own wire-style sentences, checked span by span."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers


def found(nlp: Language, text: str, published: str | None = "1998-11-20") -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_half_after_the_number(nlp: Language) -> None:
    got = found(nlp, "In seven and a half years in office, talks took two and a half hours.")
    assert got == [("seven and a half years", "DURATION", "P7Y6M"),
                   ("two and a half hours", "DURATION", "PT2H30M")]


def test_month_and_week_and_a_half(nlp: Language) -> None:
    got = found(nlp, "The strike lasted a month and a half; the search took a week and a half.")
    assert got == [("a month and a half", "DURATION", "P6W"),
                   ("a week and a half", "DURATION", "P10DT12H")]
    # ten and a half days back is ten days back, to the day (the reference hour is unknown)
    assert found(nlp, "He left a week and a half ago.") == [
        ("a week and a half ago", "DATE", "1998-11-10")]


def test_half_a_unit(nlp: Language) -> None:
    got = found(nlp, "Over the past half century the bridge closed for half an hour, "
                     "then for half a year.")
    assert got == [("the past half century", "DURATION", "P50Y"),
                   ("half an hour", "DURATION", "PT30M"),
                   ("half a year", "DURATION", "P6M")]


def test_bare_plural_around_an_event(nlp: Language) -> None:
    got = found(nlp, "His car was seen in the weeks before the shooting, and in the years that "
                     "followed, the case went cold.")
    assert got == [("weeks", "DATE", "PAST_REF"), ("years", "DURATION", "PXY")]
    assert found(nlp, "Prices have risen over the years.") == [("years", "DURATION", "PXY")]
    # "the days before," with nothing after it is not this construction
    assert found(nlp, "He weighed the risk in the days before and after.") == []


def test_vague_ago_and_at_the_time(nlp: Language) -> None:
    got = found(nlp, "The mine closed years ago. At the time, it employed 300 miners.")
    assert got == [("years ago", "DATE", "PAST_REF"), ("the time", "DATE", "PAST_REF")]
    # "at the time of" and "at the time he ..." are not annotated alone
    assert found(nlp, "There were 12 members at the time of its founding.") == []


def test_preposition_outside_present_and_moment(nlp: Language) -> None:
    text = "At present, the two sides have no talks planned at the moment."
    got = found(nlp, text)
    assert got == [("present", "DATE", "PRESENT_REF"), ("the moment", "DATE", "PRESENT_REF")]


def test_end_of_the_year_2000(nlp: Language) -> None:
    got = found(nlp, "The country aims to double its output by the end of the year 2000.")
    assert got == [("the end of the year 2000", "DATE", "2000")]


def test_day_with_this_year(nlp: Language) -> None:
    got = found(nlp, "The lunar New Year falls on February 16 this year, and fell on "
                     "January 28 last year.")
    assert got == [("February 16 this year", "DATE", "1998-02-16"),
                   ("January 28 last year", "DATE", "1997-01-28")]


def test_spring_festival_is_a_name(nlp: Language) -> None:
    got = found(nlp, "Millions travel home for the Spring Festival, and the Summer Palace "
                     "reopens in the summer.")
    assert got == [("the summer", "DATE", "1998-SU")]


def test_from_now_and_in_future_clause(nlp: Language) -> None:
    got = found(nlp, "The plant will open in two weeks, and the loan is due two years from now.")
    assert got == [("two weeks", "DATE", "1998-W49"), ("two years from now", "DATE", "2000")]
    # in a past clause "in two years" stays a duration
    assert found(nlp, "Sales doubled in two years.") == [("two years", "DURATION", "P2Y")]


def test_near_term_and_nyt_decades(nlp: Language) -> None:
    got = found(nlp, "Rates will stay low in the near term, as in the 80's and the early 90's.")
    assert got == [("the near term", "DATE", "FUTURE_REF"), ("the 80's", "DATE", "198"),
                   ("the early 90's", "DATE", "199")]


def test_forward_cues_point_ahead(nlp: Language) -> None:
    # 1998-11-20 is a Friday
    got = found(nlp, "The agency has given the family until 9 a.m. Tuesday to reply.")
    assert got == [("9 a.m. Tuesday", "TIME", "1998-11-24T09:00")]
    got = found(nlp, "The company plans to repay the loan by February.")
    assert got == [("February", "DATE", "1999-02")]
    # a deadline just passed stays behind; a past clause stays in the past
    assert found(nlp, "The ministry ordered the boy returned by Nov. 14.") == [
        ("Nov. 14", "DATE", "1998-11-14")]
    assert found(nlp, "They had filed their reports by Wednesday.") == [
        ("Wednesday", "DATE", "1998-11-18")]
    # a possessive weekday is a noun's modifier, not a deadline: in a headline with no
    # tense "until Tuesday" looks ahead, "until Tuesday's vote" names a vote already held
    assert found(nlp, "Union talks until Tuesday") == [("Tuesday", "DATE", "1998-11-24")]
    assert found(nlp, "Union talks until Tuesday's vote") == [
        ("Tuesday", "DATE", "1998-11-17")]


def test_since_points_back(nlp: Language) -> None:
    # Dec. 1 is 19 days ahead of the reference date; after "since" it is the last one
    got = found(nlp, "Prices have risen since Dec. 1.", "2015-11-12")
    assert got == [("Dec. 1", "DATE", "2014-12-01")]


def test_since_a_weekday_points_back_in_any_tense(nlp: Language) -> None:
    got = found(nlp, "The airport remains closed since Thursday.")
    assert got == [("Thursday", "DATE", "1998-11-19")]


def test_seasons_before_names(nlp: Language) -> None:
    text = "Last summer Kazakhstan sent troops. In the spring Russia will vote."
    got = found(nlp, text, "2022-01-10")
    assert got == [("Last summer", "DATE", "2021-SU"), ("the spring", "DATE", "2022-SP")]
    got = found(nlp, "Athletes trained for the summer Olympics near the Summer Palace.")
    assert got == []


def test_dates_outside_the_calendar_stay_unresolved(nlp: Language) -> None:
    got = found(nlp, "The village was founded 5,000 years ago.")
    assert got == [("5,000 years ago", "DATE", None)]
    got = found(nlp, "The probe will fly on for 10000000000000 weeks from now.")
    assert [value for _text, _type, value in got] == [None]


def test_odd_input(nlp: Language) -> None:
    assert found(nlp, "") == []
    assert found(nlp, "half a") == []
    assert found(nlp, "«Hace años», dijo — years ago… the 80’s") == [
        ("years ago", "DATE", "PAST_REF"), ("the 80’s", "DATE", "198")]
