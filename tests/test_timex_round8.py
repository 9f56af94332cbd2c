"""Round 8 of the timex component: classes found on our own wire-style development text
(benchmarks/data/timex_wire), each checked here on other sentences of ours, span by span."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers


def found(nlp: Language, text: str, published: str | None = "1999-06-14") -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_now_opening_a_quotation_is_the_present(nlp: Language) -> None:
    got = found(nlp, '"Five years ago nobody came here," she said. "Now the road is full."')
    assert ("Now", "DATE", "PRESENT_REF") in got
    # "Now," with a comma opening a quotation is a discourse marker
    assert found(nlp, '"Now, let me be clear," the senator said.') == []


def test_the_century_alone(nlp: Language) -> None:
    got = found(nlp, "The mill ran for much of the century before it closed.")
    assert got == [("the century", "DATE", "19")]
    assert found(nlp, "He dined at the Century Club.") == []
    assert found(nlp, "The century-old mill burned down.") == []
    assert found(nlp, "The mill ran for much of the century.", None) == [
        ("the century", "DATE", None)]


def test_coming_weeks_and_decade_are_future_ref(nlp: Language) -> None:
    got = found(nlp, "Traders expect another rate cut in the coming weeks.")
    assert got == [("the coming weeks", "DATE", "FUTURE_REF")]
    got = found(nlp, "Prices may fall in coming months, he said.")
    assert got == [("coming months", "DATE", "FUTURE_REF")]
    got = found(nlp, "The state will build 200 stadiums in the coming decade.", "2000-08-24")
    assert got == [("the coming decade", "DATE", "FUTURE_REF")]
    # a count keeps the duration
    got = found(nlp, "Talks will go on over the next few days.")
    assert got == [("the next few days", "DURATION", "PXD")]


def test_a_year_earlier_than_a_month_in_the_same_sentence(nlp: Language) -> None:
    got = found(nlp, "Car sales in March were 6 percent higher than a year earlier.")
    assert got == [("March", "DATE", "1999-03"), ("a year earlier", "DATE", "1998-03")]
    # a month named in another sentence leaves the comparison at the year
    got = found(nlp, "Car sales rose in March. Prices were higher than a year earlier.")
    assert got[-1] == ("a year earlier", "DATE", "1998")


def test_seasons_in_past_and_future_clauses(nlp: Language) -> None:
    # reference 1998-02-10: the fall of a past clause is last fall
    got = found(nlp, "The hearings began last July and ran through the fall.", "1998-02-10")
    assert got == [("last July", "DATE", "1997-07"), ("the fall", "DATE", "1997-FA")]
    got = found(nlp, "The museum will reopen in the spring.", "1998-10-05")
    assert got == [("the spring", "DATE", "1999-SP")]
    got = found(nlp, "A report is due by the end of the summer.", "1998-05-29")
    assert got == [("the end of the summer", "DATE", "1998-SU")]


def test_the_fall_as_a_noun(nlp: Language) -> None:
    assert found(nlp, "Officials blamed the fall in prices on the crisis.") == []
    assert found(nlp, "Officials attributed the fall to the crisis.") == []
    assert found(nlp, "He was charged last fall in Buffalo.") == [
        ("last fall", "DATE", "1998-FA")]
    assert found(nlp, "The plant opened in the fall of 1997.") == [
        ("the fall of 1997", "DATE", "1997-FA")]


def test_frequency_within_a_period_is_a_set_of_the_period(nlp: Language) -> None:
    got = found(nlp, "Crews have worked seven days a week since March.", "2000-06-12")
    assert got == [("seven days a week", "SET", "P1W"), ("March", "DATE", "2000-03")]
    assert found(nlp, "The show runs six nights a week.") == [
        ("six nights a week", "SET", "P1W")]
    assert found(nlp, "He flew there three times a year.") == [
        ("three times a year", "SET", "P1Y")]


def test_five_year_plan_is_a_name(nlp: Language) -> None:
    got = found(nlp, "The Ninth Five-Year Plan ends next year, the premier said.")
    assert got == [("next year", "DATE", "2000")]
    assert found(nlp, "Workers signed a five-year contract.") == [
        ("five-year", "DURATION", "P5Y")]


def test_clock_time_on_a_date_with_its_year(nlp: Language) -> None:
    got = found(nlp, "China resumed sovereignty at midnight on June 30, 1997.")
    assert got == [("midnight on June 30, 1997", "TIME", "1997-06-30T24:00")]


def test_the_whole_year_of_a_figure_is_the_year(nlp: Language) -> None:
    got = found(nlp, "Investment for the whole year is expected to stay flat.", "1998-04-15")
    assert got == [("the whole year", "DATE", "1998")]
    got = found(nlp, "He stayed in Paris for the whole year.", "1998-04-15")
    assert got == [("the whole year", "DURATION", "P1Y")]


def test_last_as_a_verb_after_and_or_a_modal(nlp: Language) -> None:
    got = found(nlp, "A conference will open on Wednesday and last four days.", "1998-11-16")
    assert got == [("Wednesday", "DATE", "1998-11-18"), ("four days", "DURATION", "P4D")]
    got = found(nlp, "The talks are expected to last two weeks.")
    assert got == [("two weeks", "DURATION", "P2W")]
    assert found(nlp, "Prices rose in the last three months.") == [
        ("the last three months", "DURATION", "P3M")]
