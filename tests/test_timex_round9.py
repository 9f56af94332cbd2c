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


def test_every_weekday_with_a_part_of_day_and_every_second(nlp: Language) -> None:
    assert found(nlp, "Every Thursday evening the choir rehearses in the hall.") == [
        ("Every Thursday evening", "SET", "XXXX-WXX-4TEV")]
    assert found(nlp, "Bins are emptied every second Friday.") == [
        ("every second Friday", "SET", "XXXX-WXX-5")]
    assert found(nlp, "The magazine appears every second week.") == [
        ("every second week", "SET", "P2W")]


def test_today_in_a_programme_name(nlp: Language) -> None:
    assert found(nlp, "She presents BBC Midlands Today on weekdays.") == []
    assert found(nlp, "He told the Today programme he would stand.") == []
    assert found(nlp, "Today, the council met again.") == [("Today", "DATE", THURSDAY)]
    assert found(nlp, "The council met today.") == [("today", "DATE", THURSDAY)]


def test_two_days_of_one_month(nlp: Language) -> None:
    got = found(nlp, "The summit will be held on March 18 and 19.", "2025-02-10")
    assert got == [("March 18", "DATE", "2025-03-18"), ("19", "DATE", "2025-03-19")]
    got = found(nlp, "Talks were held on Oct. 2-3, 2023, in Vienna.")
    assert got == [("Oct. 2", "DATE", "2023-10-02"), ("3, 2023", "DATE", "2023-10-03")]
    # a count after "and" is no day
    assert found(nlp, "On March 18 and 19 people were hurt.", "2025-03-20") == [
        ("March 18", "DATE", "2025-03-18")]


def test_two_digit_years_and_decades_without_apostrophe(nlp: Language) -> None:
    got = found(nlp, "The index closed at its lowest level since '82.", "2008-10-06")
    assert got == [("'82", "DATE", "1982")]
    assert found(nlp, "The band toured with iLife '11 songs.") == []
    got = found(nlp, "Prices were far higher in the 70s and 80s.", "2008-10-06")
    assert got == [("the 70s", "DATE", "197"), ("80s", "DATE", "198")]


def test_bare_and_capitalised_seasons(nlp: Language) -> None:
    got = found(nlp, "Ministers meet again at their Autumn meetings.", "2008-09-20")
    assert got == [("Autumn", "DATE", "2008-FA")]
    assert found(nlp, "Prices rose through autumn.", "2008-12-20") == [
        ("autumn", "DATE", "2008-FA")]
    # a headline's verb and a name stay out
    assert found(nlp, "Stocks Fall on Weak Data") == []
    assert found(nlp, "They visited the Spring Garden Museum.") == []


def test_weekly_as_an_adjective_and_named_days(nlp: Language) -> None:
    assert found(nlp, "The index posted its biggest weekly gain this year.", "2008-10-10") == [
        ("weekly", "SET", "P1W"), ("this year", "DATE", "2008")]
    # "quarterly" before a noun stays out, as TBAQ has it
    assert found(nlp, "The firm raised its quarterly dividend.") == []
    got = found(nlp, "Traders recalled the crash of Black Monday.")
    assert got == [("Black Monday", "DATE", None)]


def test_vague_durations_in_the_making_and_in_just_minutes(nlp: Language) -> None:
    assert found(nlp, "The crisis was decades in the making, he said.") == [
        ("decades", "DURATION", "PXY")]
    assert found(nlp, "The fire spread through the block in just minutes.") == [
        ("minutes", "DURATION", "PTXM")]


def test_month_of_next_year_quarters_and_periods(nlp: Language) -> None:
    got = found(nlp, "Dealers whose contracts end after October of next year get a letter.",
                "2009-03-03")
    assert got == [("October", "DATE", "2010-10"), ("next year", "DATE", "2010")]
    got = found(nlp, "The firm will shut two plants during the fourth quarter.", "2009-03-03")
    assert got == [("the fourth quarter", "DATE", "2009-Q4")]
    got = found(nlp, "It made a profit in the final quarter of 2009.", "2010-01-28")
    assert got == [("the final quarter of 2009", "DATE", "2009-Q4")]
    text = ("The carmaker reported a loss of $4.8 billion in the fourth quarter of 2005 and a "
            "total loss of $8.6 billion for the entire year.")
    got = found(nlp, text, "2006-01-27")
    assert got == [("the fourth quarter of 2005", "DATE", "2005-Q4"),
                   ("the entire year", "DATE", "2005")]
    got = found(nlp, "Sales rose 43% in February compared to the same period last year.",
                "2009-03-03")
    assert got == [("February", "DATE", "2009-02"),
                   ("the same period last year", "DATE", "2008-02")]


def test_live_blog_time_stamp_takes_no_day_from_the_line_before(nlp: Language) -> None:
    text = ("13:02 GMT - The premier will chair a crisis meeting on Friday morning.\n\n"
            "13:15 GMT - Waves broke over the harbour wall, a fisherman said.")
    got = found(nlp, text)
    assert ("Friday morning", "DATE", "2024-09-20TMO") in got
    assert ("13:15 GMT", "TIME", "2024-09-19T13:15Z") in got
