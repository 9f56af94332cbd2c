"""Round 7 of the timex component: spelled dates of broadcast transcripts, the known gaps of
round 6 (direction of "until", "half a year ago", "the years to come", decades), written as
our own sentences in wire and broadcast style and checked span by span."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers


def found(nlp: Language, text: str, published: str | None = "1998-02-11") -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_spelled_years(nlp: Language) -> None:
    got = found(nlp, "In nineteen ninety-six a bomb went off; in January nineteen ninety-seven "
                     "another, and the winter of nineteen ninety-four was mild.")
    assert got == [("nineteen ninety-six", "DATE", "1996"),
                   ("January nineteen ninety-seven", "DATE", "1997-01"),
                   ("the winter of nineteen ninety-four", "DATE", "1994-WI")]
    assert found(nlp, "The pledge to halve poverty by the year two thousand was dropped.") == [
        ("the year two thousand", "DATE", "2000")]
    assert found(nlp, "The mill opened in nineteen oh five.") == [
        ("nineteen oh five", "DATE", "1905")]


def test_two_thousand_is_a_count_unless_a_cue_says_year(nlp: Language) -> None:
    got = found(nlp, "Two thousand troops will stay until two thousand and one.")
    assert got == [("two thousand and one", "DATE", "2001")]
    assert found(nlp, "About two thousand people marched in the capital.") == []


def test_spelled_day_of_month(nlp: Language) -> None:
    assert found(nlp, "Voters go to the polls on March eighth.") == [
        ("March eighth", "DATE", "1998-03-08")]
    assert found(nlp, "He was born on the twenty-first of May, nineteen fifty.") == [
        ("the twenty-first of May, nineteen fifty", "DATE", "1950-05-21")]
    # an ordinal adverb after a month is no day
    assert found(nlp, "The company in March first reported a loss.") == []


def test_until_in_a_present_clause_points_ahead(nlp: Language) -> None:
    got = found(nlp, "The ban remains in force until August 30.", "1998-11-20")
    assert got == [("August 30", "DATE", "1999-08-30")]
    # a date of the last few days is the last one (a story dated a little late)
    got = found(nlp, "The ban remains in force until Nov. 18.", "1998-11-20")
    assert got == [("Nov. 18", "DATE", "1998-11-18")]


def test_until_after_a_verb_that_moves_a_limit(nlp: Language) -> None:
    ref = "1998-11-20"  # a Friday
    assert found(nlp, "The talks were postponed until Feb. 1.", ref) == [
        ("Feb. 1", "DATE", "1999-02-01")]
    assert found(nlp, "The board adjourned until Tuesday.", ref) == [
        ("Tuesday", "DATE", "1998-11-24")]
    assert found(nlp, "The government extended the curfew through March.", ref) == [
        ("March", "DATE", "1999-03")]
    # other past verbs point back, weekday and date alike
    assert found(nlp, "The strike lasted until Tuesday.", ref) == [
        ("Tuesday", "DATE", "1998-11-17")]
    assert found(nlp, "The curfew lasted through March.", ref) == [
        ("March", "DATE", "1998-03")]


def test_half_a_unit_ago(nlp: Language) -> None:
    got = found(nlp, "He left half a year ago; the mill shut half a century ago.")
    assert got == [("half a year ago", "DATE", "1997-08"),
                   ("half a century ago", "DATE", "1948")]
    assert found(nlp, "The vote ended half an hour ago.") == [
        ("half an hour ago", "DATE", "1998-02-11")]


def test_decades_with_a_modifier_and_no_article(nlp: Language) -> None:
    got = found(nlp, "Prices rose in the late 80's and early 90's.")
    assert got == [("the late 80's", "DATE", "198"), ("early 90's", "DATE", "199")]
    # a score or an age in the 80's without a modifier or an article is no decade
    assert found(nlp, "Temperatures stayed in 80's territory.") == []


def test_the_years_to_come(nlp: Language) -> None:
    got = found(nlp, "The dispute will shape the region in the years to come.")
    assert got == [("years", "DATE", "FUTURE_REF")]


def test_last_as_a_verb_before_a_duration(nlp: Language) -> None:
    got = found(nlp, "The visit, which began on Tuesday, will last three days.")
    assert got == [("Tuesday", "DATE", "1998-02-10"), ("three days", "DURATION", "P3D")]
    assert found(nlp, "Shares fell in the last three days.") == [
        ("the last three days", "DURATION", "P3D")]


def test_length_adjectives(nlp: Language) -> None:
    got = found(nlp, "He began a week-long visit after a two-week-long strike.")
    assert got == [("week-long", "DURATION", "P1W"), ("two-week-long", "DURATION", "P2W")]


def test_mid_part_of_day(nlp: Language) -> None:
    got = found(nlp, "On Jan. 2 rebels attacked; by mid-afternoon they had fled.")
    assert got == [("Jan. 2", "DATE", "1998-01-02"), ("mid-afternoon", "DATE", "1998-01-02TAF")]
    assert found(nlp, "Shares slid at mid morning yesterday.") == [
        ("mid morning yesterday", "DATE", "1998-02-10TMO")]


def test_weekday_and_date_agree(nlp: Language) -> None:
    # the weekday picks the year in which the date falls on it
    got = found(nlp, "The vote is this coming Sunday, March eighth.", "1998-02-11")
    assert got == [("this coming Sunday, March eighth", "DATE", "1998-03-08")]
    got = found(nlp, "The vote was held on Sunday, Dec. 7.", "1998-02-11")
    assert got == [("Sunday, Dec. 7", "DATE", "1997-12-07")]
