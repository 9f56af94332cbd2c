"""Round 9 of the timex component: the probe's findings on wire copy of ours and the classes
found on MEANTIME (development data outside the repository), each checked here on
sentences of our own."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers

THURSDAY = "2024-09-19"


def found(nlp: Language, text: str, published: str | None = THURSDAY) -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_reported_future_with_would_points_ahead(nlp: Language) -> None:
    got = found(nlp, "Union leaders told reporters that wage talks would resume on Monday.")
    assert got == [("Monday", "DATE", "2024-09-23")]
    got = found(nlp, "The shops would stay open until at least Sunday, officials said.")
    assert got == [("Sunday", "DATE", "2024-09-22")]
    # a perfect after the modal is a past that did not happen
    got = found(nlp, "He said he would have signed on Monday.")
    assert got == [("Monday", "DATE", "2024-09-16")]


def test_modal_and_headline_infinitive_put_months_ahead(nlp: Language) -> None:
    got = found(nlp, "A new terminal should be completed in October, the mayor said.", "2024-04-02")
    assert got == [("October", "DATE", "2024-10")]
    got = found(nlp, "The bridge would be finished by December, he said.", "2024-04-02")
    assert got == [("December", "DATE", "2024-12")]
    got = found(nlp, "Ferry operator to extend timetable through March", "2024-09-19")
    assert got == [("March", "DATE", "2025-03")]
    # "in a year or two" after a modal stays a duration
    assert found(nlp, "Prices may rise in a year or two.") == [("a year", "DURATION", "P1Y")]


def test_future_weekday_on_the_reference_weekday_is_today(nlp: Language) -> None:
    got = found(nlp, "The storm is expected to peak on Thursday evening.")
    assert got == [("Thursday evening", "DATE", "2024-09-19TEV")]
    assert found(nlp, "The council will vote on Thursday.") == [
        ("Thursday", "DATE", "2024-09-19")]
    assert found(nlp, "The council will vote on Friday.") == [("Friday", "DATE", "2024-09-20")]
    # "next Thursday" is still a week on
    assert found(nlp, "The council will vote next Thursday.") == [
        ("next Thursday", "DATE", "2024-09-26")]


def test_clock_time_takes_no_day_from_far_back(nlp: Language) -> None:
    text = ('Residents said the river rose quickly last night. "We have never seen this," '
            "one farmer said. Officials warned the river could reach 5.8m by 18:00 BST.")
    got = found(nlp, text)
    assert ("18:00 BST", "TIME", "2024-09-19T18:00") in got
    # the sentence before still dates it
    got = found(nlp, "Police were called on Tuesday. They arrived at 10 p.m.")
    assert ("10 p.m.", "TIME", "2024-09-17T22:00") in got


def test_clock_time_dated_by_the_day_right_after(nlp: Language) -> None:
    got = found(nlp, "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, police said.")
    assert got == [("10:35 a.m.", "TIME", "2024-09-13T10:35"), ("Friday", "DATE", "2024-09-13")]


def test_utc_and_military_clock_times(nlp: Language) -> None:
    assert found(nlp, "The capsule docked at 0800 UTC.") == [
        ("0800 UTC", "TIME", "2024-09-19T08:00Z")]
    assert found(nlp, "The capsule docked at 14:30 GMT on Tuesday.") == [
        ("14:30 GMT on Tuesday", "TIME", "2024-09-17T14:30Z")]
    # a local zone keeps the local time, no "Z"
    assert found(nlp, "Polls close at 20:00 BST.") == [("20:00 BST", "TIME", "2024-09-19T20:00")]
    # a conversion in brackets after a local time is no timex of its own
    got = found(nlp, "It landed at 9:10 p.m. (1310 GMT).", "2024-09-19")
    assert got == [("9:10 p.m.", "TIME", "2024-09-19T21:10")]
