"""Temporal expressions on wire-style sentences of our own: spans, types, values, anchors."""

from __future__ import annotations

import pytest
from spacy.language import Language

import timex_helpers as helpers
from dateline.record import Timex


def timexes(nlp: Language, text: str, published: str | None = "2022-01-10") -> list[Timex]:
    return helpers.timexes(nlp, text, published)


def found(nlp: Language, text: str, published: str | None = "2022-01-10") -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_dateline_story(nlp: Language) -> None:
    text = (
        "ALMATY, January 10. /Wire/. Officials told a radio station on Monday that unrest "
        "began on January 2 and spread a few days later. Order returned by January 7, "
        "weeks after those tense days in January."
    )
    got = {t.text: t for t in timexes(nlp, text)}
    assert got["January 10"].value == "2022-01-10"
    assert got["Monday"].value == "2022-01-10"
    assert got["Monday"].anchor == "published"
    assert got["January 2"].value == "2022-01-02"
    assert got["January 7"].value == "2022-01-07"
    assert got["January"].value == "2022-01"
    later = got["a few days later"]
    assert later.value == "2022-W01"
    assert later.anchor == got["January 2"].id


def test_anchored_chain(nlp: Language) -> None:
    text = "Strikes began on January 2. Two days later, police moved in; the next day they left."
    got = timexes(nlp, text)
    assert [(t.text, t.value) for t in got] == [
        ("January 2", "2022-01-02"),
        ("Two days later", "2022-01-04"),
        ("the next day", "2022-01-05"),
    ]
    assert got[1].anchor == got[0].id


def test_tense_decides_weekday(nlp: Language) -> None:
    assert found(nlp, "The council will meet on Thursday.") == [("Thursday", "DATE", "2022-01-13")]
    assert found(nlp, "The council met on Thursday.") == [("Thursday", "DATE", "2022-01-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed yesterday.", ("yesterday", "DATE", "2022-01-09")),
        ("Prices rose last week.", ("last week", "DATE", "2022-W01")),
        ("Rates fell earlier this month.", ("earlier this month", "DATE", "2022-01")),
        ("A vote is due next year.", ("next year", "DATE", "2023")),
        ("The rebels struck two days ago.", ("two days ago", "DATE", "2022-01-08")),
        ("Fighting eased this week.", ("this week", "DATE", "2022-W02")),
        ("Sales peaked in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Polls close in mid-January.", ("mid-January", "DATE", "2022-01")),
        ("The plant has been idle since 2019.", ("2019", "DATE", "2019")),
        ("The deal closed on 6 January 2022.", ("6 January 2022", "DATE", "2022-01-06")),
        ("The deal closed on 2022-01-06.", ("2022-01-06", "DATE", "2022-01-06")),
        ("It opened on Thursday, January 6.", ("Thursday, January 6", "DATE", "2022-01-06")),
        ("It opened on Jan. 6.", ("Jan. 6", "DATE", "2022-01-06")),
        ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2021-Q3")),
        ("Guards patrol every day.", ("every day", "SET", "P1D")),
        ("The board meets weekly.", ("weekly", "SET", "P1W")),
        ("The strike lasted for two weeks.", ("two weeks", "DURATION", "P2W")),
        ("They talked for three hours.", ("three hours", "DURATION", "PT3H")),
        ("Costs doubled over the past two months.", ("the past two months", "DURATION", "P2M")),
        ("The minister is now in Geneva.", ("now", "DATE", "PRESENT_REF")),
    ],
)
def test_values(nlp: Language, text: str, expected: tuple) -> None:
    assert expected in found(nlp, text)


def test_time_of_day(nlp: Language) -> None:
    got = found(nlp, "Leaders will meet on Monday at 10 a.m. local time.")
    # dated Monday: the coming Monday is today (round 9; wire copy names the day of
    # publication by its weekday)
    assert ("10 a.m. local time", "TIME", "2022-01-10T10:00") in got
    got = found(nlp, "Leaders will meet on Friday at 10 a.m. local time.")
    assert ("10 a.m. local time", "TIME", "2022-01-14T10:00") in got


def test_false_friends(nlp: Language) -> None:
    assert found(nlp, "The firm hired 2000 workers and pays $5 a year in fees.") == []
    assert found(nlp, "Officials may march to the square.") == []
    assert found(nlp, "He is 52 years old.") == []
    assert found(nlp, "It declared a day of mourning.") == []


def test_no_reference_date(nlp: Language) -> None:
    got = found(nlp, "He left on Monday, January 2, and returned yesterday.", published=None)
    assert ("Monday, January 2", "DATE", "XXXX-01-02") in got
    assert ("yesterday", "DATE", None) in got


def test_bad_input(nlp: Language) -> None:
    assert timexes(nlp, "") == []
    assert found(nlp, "He said “soon” — «maintenant», 今天.") == [("soon", "DATE", "FUTURE_REF")]
    assert found(nlp, "It happened on 31 February.") == []


def test_planned_and_present_weekdays_look_ahead(nlp: Language) -> None:
    # reference date 2022-01-10 is a Monday
    assert ("Thursday", "DATE", "2022-01-13") in found(
        nlp, "The delegation planned to leave the capital on Thursday."
    )
    assert ("Tuesday", "DATE", "2022-01-11") in found(nlp, "Talks resume Tuesday in Geneva.")
    assert ("Friday", "DATE", "2022-01-14") in found(
        nlp, "The vote is scheduled to take place Friday."
    )
    # a weekday hanging on a noun, and reporting verbs, still look back
    assert ("Friday", "DATE", "2022-01-07") in found(
        nlp, "The move follows Friday's decision by the court."
    )
    assert ("Friday", "DATE", "2022-01-07") in found(nlp, "The ministry said Friday it had agreed.")


def test_yearless_dates_look_back_beyond_three_months(nlp: Language) -> None:
    got = found(nlp, "Police have searched for him since the Oct. 23 shooting.")
    assert ("Oct. 23", "DATE", "2021-10-23") in got
    got = found(nlp, "The pact takes effect on March 1 and the fund pays out in February.")
    assert ("March 1", "DATE", "2022-03-01") in got
    assert ("February", "DATE", "2022-02") in got
    assert ("Dec. 28", "DATE", "2021-12-28") in found(nlp, "He was last seen Dec. 28.")


def test_approximators_stay_outside(nlp: Language) -> None:
    got = found(nlp, "The blast came at about 10:35 a.m. after a wait of about five hours.")
    assert ("10:35 a.m.", "TIME", "2022-01-10T10:35") in got
    assert ("five hours", "DURATION", "PT5H") in got
    assert ("almost four years ago", "DATE", "2018") in found(
        nlp, "The war ended almost four years ago."
    )


def test_earlier_later_outside_deictic_span(nlp: Language) -> None:
    got = found(nlp, "The envoy wrote earlier this week and will speak later today.")
    assert ("this week", "DATE", "2022-W02") in got
    assert ("today", "DATE", "2022-01-10") in got


def test_that_day_and_that_year(nlp: Language) -> None:
    text = "The mayor was shot on Oct. 23, 2019. Earlier that day, his family had left."
    got = timexes(nlp, text)
    assert [(t.text, t.value) for t in got] == [
        ("Oct. 23, 2019", "2019-10-23"),
        ("Earlier that day", "2019-10-23"),
    ]
    assert got[1].anchor == got[0].id
    got = found(nlp, "She fled in June 2018 and returned later that year.")
    assert ("later that year", "DATE", "2018") in got
    # no date before: "that day" is not resolved, so not reported
    assert found(nlp, "Nobody forgot that day.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The boy was found on Thanksgiving Day.", ("Thanksgiving Day", "DATE", "2021-11-25")),
        ("Crowds gathered last Thanksgiving.", ("last Thanksgiving", "DATE", "2021-11-25")),
        ("Shops closed on Christmas Eve.", ("Christmas Eve", "DATE", "2021-12-24")),
        ("Pilgrims will arrive for Easter.", ("Easter", "DATE", "2022-04-17")),
        ("The march took place on Good Friday.", ("Good Friday", "DATE", "2021-04-02")),
        ("Rallies are held each July.", ("each July", "SET", "XXXX-07")),
    ],
)
def test_holidays_and_sets(nlp: Language, text: str, expected: tuple) -> None:
    assert expected in found(nlp, text)


def test_parts_of_day_and_names(nlp: Language) -> None:
    got = found(nlp, "Thousands rallied Friday night. A judge ruled at midday.")
    assert ("Friday night", "DATE", "2022-01-07TNI") in got
    assert ("midday", "TIME", "2022-01-07T12:00") in got  # the day last named
    assert found(nlp, "Marchers joined the annual March for Life.") == []
    assert found(nlp, "The Communist Party daily Granma printed it.") == []
    assert found(nlp, "They will leave as soon as the talks end.") == []


def test_reporting_year(nlp: Language) -> None:
    got = found(nlp, "Sales for the year rose 4%. In the year ended March 31, it lost money.")
    assert ("the year", "DATE", "2022") in got
    assert ("the year", "DURATION", "P1Y") in got
    assert ("the 2020 period", "DATE", "2020") in found(nlp, "Profit beat the 2020 period.")
    assert ("now", "DATE", "PRESENT_REF") in found(nlp, "Right now the port is shut.")
    assert found(nlp, "It was the year of the strike.") == []


def test_decades_as_years(nlp: Language) -> None:
    got = found(nlp, "It was the lowest rate for almost two decades.")
    assert ("almost two decades", "DURATION", "P20Y") in got


def test_earlier_later_inside_month_and_year_span(nlp: Language) -> None:
    got = found(nlp, "Exports slowed earlier this year and will pick up later this month.")
    assert ("earlier this year", "DATE", "2022") in got
    assert ("later this month", "DATE", "2022-01") in got
    got = found(nlp, "Earlier Friday, the envoy met rebels.")
    assert ("Friday", "DATE", "2022-01-07") in got


def test_end_of_the_month(nlp: Language) -> None:
    assert found(nlp, "The mill will close by the end of the month.") == [
        ("the end of the month", "DATE", "2022-01")
    ]


def test_yearless_date_after_a_past_verb_is_the_last_one(nlp: Language) -> None:
    # published 2021-11-20: "in December" on a past verb is last December
    got = found(nlp, "The firm changed its fiscal year in December.", "2021-11-20")
    assert got == [("December", "DATE", "2020-12")]
    # ... but not after "until", nor on a noun ("payable Dec. 7")
    got = found(nlp, "The offer was extended until Dec. 7.", "2021-11-20")
    assert got == [("Dec. 7", "DATE", "2021-12-07")]
    got = found(nlp, "The board declared a dividend payable Dec. 7.", "2021-11-20")
    assert got == [("Dec. 7", "DATE", "2021-12-07")]


def test_parts_of_named_periods_are_one_span(nlp: Language) -> None:
    text = (
        "Exports rose in the first quarter of this year and in the first half of the year, "
        "up from the same period of last year."
    )
    assert found(nlp, text, "2022-05-10") == [
        ("the first quarter of this year", "DATE", "2022-Q1"),
        ("the first half of the year", "DATE", "2022-H1"),
        ("the same period of last year", "DATE", "2021-Q1"),
    ]
    got = found(nlp, "Banks must fix the year 2030 bug by the end of the century.", "2022-05-10")
    assert got == [("the year 2030", "DATE", "2030"), ("the end of the century", "DATE", "20")]


def test_centuries_decades_and_vague_future(nlp: Language) -> None:
    text = "The next century may differ from the '80s; rates may rise in the weeks ahead."
    got = found(nlp, text)
    assert ("The next century", "DATE", "21") in got
    assert ("the '80s", "DATE", "198") in got
    assert ("the weeks ahead", "DURATION", "PXW") in got


def test_weekday_tense_cues(nlp: Language) -> None:
    # published Monday 2022-01-10
    assert found(nlp, "Shares are to resume trading Tuesday.") == [
        ("Tuesday", "DATE", "2022-01-11")
    ]
    assert ("Thursday", "DATE", "2022-01-13") in found(
        nlp, "The peace talks, set to resume Thursday, were delayed."
    )
    assert ("Friday", "DATE", "2022-01-07") in found(
        nlp, "The offer was extended. It had been due to expire Friday."
    )
    assert found(nlp, "The markets reopen Monday.") == [("Monday", "DATE", "2022-01-10")]


def test_named_time_zone_inside_clock_span(nlp: Language) -> None:
    got = found(nlp, "The polls close at 8 p.m. Eastern time on Friday.")
    assert got == [("8 p.m. Eastern time on Friday", "TIME", "2022-01-14T20:00")]
