"""Round 11 of the timex component: clock times, business periods, match periods, relative
days and tense cues found by a probe of wire copy, each checked on sentences of our own; and
the candidate overlap check, which must stay linear on a long text."""

from __future__ import annotations

import time

from spacy.language import Language

import timex_helpers as helpers
from dateline.nlp.timex_rules import candidates

FRIDAY = "2024-11-15"


def found(nlp: Language, text: str, published: str | None = FRIDAY) -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_clock_times_in_wire_forms(nlp: Language) -> None:
    got = found(nlp, "The ferry left at 6am. Divers reached the wreck at 7.45am.")
    assert got == [("6am", "TIME", "2024-11-15T06:00"), ("7.45am", "TIME", "2024-11-15T07:45")]
    got = found(nlp, "The border post shuts at 8 pm.")
    assert got == [("8 pm", "TIME", "2024-11-15T20:00")]
    got = found(nlp, "The count began at 11:15.")
    assert got == [("11:15", "TIME", "2024-11-15T11:15")]
    # a ratio or a score is no time: no preposition before it
    assert found(nlp, "The board voted 11:15 against the plan.") == []


def test_clock_times_keep_local_time_with_any_zone(nlp: Language) -> None:
    # TBAQ writes zoned times in local time, no offset; UTC/GMT take a Z (round 9)
    got = found(nlp, "Polling stations close at 19:00 SAST and results follow at 22:30 CEST.")
    assert got == [("19:00 SAST", "TIME", "2024-11-15T19:00"),
                   ("22:30 CEST", "TIME", "2024-11-15T22:30")]
    got = found(nlp, "The curfew starts at 2200 local time.")
    assert got == [("2200 local time", "TIME", "2024-11-15T22:00")]
    got = found(nlp, "The launch window opens at 0430 GMT.")
    assert got == [("0430 GMT", "TIME", "2024-11-15T04:30Z")]


def test_results_copy_quarters_halves_and_fiscal_years(nlp: Language) -> None:
    text = "Margins narrowed in Q3 2023 and widened in Q4."
    assert found(nlp, text) == [("Q3 2023", "DATE", "2023-Q3"), ("Q4", "DATE", "2024-Q4")]
    text = "The retailer said H2 2023 sales fell, and it expects growth in H1."
    assert found(nlp, text) == [("H2 2023", "DATE", "2023-H2"), ("H1", "DATE", "2024-H1")]
    assert found(nlp, "FY2023 earnings beat forecasts.") == [("FY2023", "DATE", "2023")]
    # a virus strain and a visa class are no halves
    assert found(nlp, "Cases of H1N1 rose, and H1-B visas were cut.") == []


def test_month_named_quarter_and_year_to_a_month(nlp: Language) -> None:
    text = "Exports slowed in the September quarter, the statistics office said."
    assert found(nlp, text) == [("the September quarter", "DATE", "2024-Q3")]
    got = found(nlp, "Profit in the year to March fell by a fifth.")
    assert got == [("the year", "DURATION", "P1Y"), ("March", "DATE", "2024-03")]


def test_end_and_mid_forms(nlp: Language) -> None:
    got = found(nlp, "The lender will repay the bonds by end-January.")
    assert got == [("end-January", "DATE", "2025-01")]
    got = found(nlp, "The new fares will apply from mid-next month.")
    assert got == [("mid-next month", "DATE", "2024-12")]


def test_match_halves_are_not_calendar_halves(nlp: Language) -> None:
    text = "The striker limped off in the second half and the coach was furious."
    assert found(nlp, text) == []
    text = "The visitors scored twice in the final quarter of an hour."
    assert found(nlp, text) == [("the final quarter of an hour", "DURATION", "PT15M")]
    # the same words in results copy are the calendar half
    text = "The carmaker sold more vans in the first half than a year before."
    assert found(nlp, text)[0] == ("the first half", "DATE", "2024-H1")


def test_past_decade_is_a_duration(nlp: Language) -> None:
    got = found(nlp, "Rents in the capital have doubled over the past decade.")
    assert got == [("the past decade", "DURATION", "P10Y")]
    got = found(nlp, "Wages rose faster in the last decade.")
    assert got == [("the last decade", "DATE", "201")]


def test_fortnight_and_weekend(nlp: Language) -> None:
    assert found(nlp, "The panel reports back in a fortnight.") == [
        ("a fortnight", "DURATION", "P2W")]
    assert found(nlp, "Talks stalled over the past fortnight.") == [
        ("the past fortnight", "DURATION", "P2W")]
    # on a Friday the weekend ahead is this week's, with "at" or "on"
    got = found(nlp, "Snow is forecast at the weekend.")
    assert got == [("the weekend", "DATE", "2024-W46-WE")]


def test_days_counted_from_a_named_day(nlp: Language) -> None:
    got = found(nlp, "The hearing resumes Thursday week.")
    assert got == [("Thursday week", "DATE", "2024-11-28")]
    got = found(nlp, "The strike is due to end two days from Monday.")
    assert got == [("two days from Monday", "DATE", "2024-11-20")]
    got = found(nlp, "Auditors arrive the week of Dec. 9.")
    assert got == [("the week of Dec. 9", "DATE", "2024-W50")]
    text = "The bank cut rates on Nov. 7. It had warned markets the Monday before."
    assert found(nlp, text) == [("Nov. 7", "DATE", "2024-11-07"),
                                ("the Monday before", "DATE", "2024-11-04")]


def test_a_bare_day_of_the_month(nlp: Language) -> None:
    # ahead in a future or present clause (past this month's: next month's), else behind
    assert found(nlp, "Ballots are counted on the 21st.") == [("the 21st", "DATE", "2024-11-21")]
    assert found(nlp, "The fund will pay out on the 3rd.") == [("the 3rd", "DATE", "2024-12-03")]
    assert found(nlp, "The payment arrived on the 3rd.") == [("the 3rd", "DATE", "2024-11-03")]
    assert found(nlp, "She lives on the 3rd floor.") == []


def test_tense_cues_the_tagger_hides(nlp: Language) -> None:
    # "hopes" is lemmatised "hop"; "prepared" is tagged an adjective
    got = found(nlp, "The envoy said he hopes to land in Cairo on Tuesday.")
    assert got == [("Tuesday", "DATE", "2024-11-19")]
    got = found(nlp, "Rebel leaders were prepared to sign the truce on Sunday, aides said.")
    assert got == [("Sunday", "DATE", "2024-11-17")]
    # a fixture in the present: the coming day
    got = found(nlp, "The Sharks host the Stormers on Saturday afternoon.")
    assert got == [("Saturday afternoon", "DATE", "2024-11-16TAF")]


def test_reduced_relative_participle_is_past(nlp: Language) -> None:
    published = "2024-10-20"
    got = found(nlp, "The audit, published in December, found gaps in the ledger.", published)
    assert got == [("December", "DATE", "2023-12")]
    # a plan stays ahead
    got = found(nlp, "The audit, scheduled for December, will cover the ledger.", published)
    assert got == [("December", "DATE", "2024-12")]


def test_candidates_stay_linear_on_a_long_text() -> None:
    unit = ("Officials met on Monday, March 3, at 10 a.m. and again two days later. "
            "Sales rose 4% in the third quarter from a year earlier. ")
    short, long_ = unit * 200, unit * 3200
    t0 = time.process_time()
    n_short = len(candidates(short))
    t1 = time.process_time()
    n_long = len(candidates(long_))
    t2 = time.process_time()
    assert n_long == 16 * n_short
    # sixteen times the text in well under sixteen squared times the time
    assert (t2 - t1) < 40 * max(t1 - t0, 0.005)
