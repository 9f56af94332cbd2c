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
