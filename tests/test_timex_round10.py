"""Round 10 of the timex component: value accuracy (anchors and tense direction), each class
checked here on sentences of our own."""

from __future__ import annotations

from spacy.language import Language

import timex_helpers as helpers

MONDAY = "2024-09-16"


def found(nlp: Language, text: str, published: str | None = MONDAY) -> list[tuple]:
    return helpers.found(nlp, text, published)


def test_day_on_a_past_planning_verb_is_the_planning_day(nlp: Language) -> None:
    got = found(nlp, "On Friday, the port authority planned to reopen the terminal.")
    assert got == [("Friday", "DATE", "2024-09-13")]
    # the day of what is planned still lies ahead
    got = found(nlp, "The port authority planned to reopen the terminal on Friday.")
    assert got == [("Friday", "DATE", "2024-09-20")]
    got = found(nlp, "Dockers planned a strike Friday.")
    assert got == [("Friday", "DATE", "2024-09-20")]


def test_following_month_counts_from_the_month_named_before(nlp: Language) -> None:
    text = "In March, the carrier received a bid. The following month, its board sold the fleet."
    assert found(nlp, text) == [("March", "DATE", "2024-03"),
                                ("The following month", "DATE", "2024-04")]
    text = "The mine closed in 2019, and the following year it was flooded."
    assert found(nlp, text) == [("2019", "DATE", "2019"), ("the following year", "DATE", "2020")]


def test_previous_weekday_counts_from_the_day_in_discussion(nlp: Language) -> None:
    text = "The index closed lower on Friday, down 3% from the previous Friday."
    assert found(nlp, text) == [("Friday", "DATE", "2024-09-13"),
                                ("the previous Friday", "DATE", "2024-09-06")]
    text = "The ship docked on Sept. 3, and the crew left the following Monday."
    assert found(nlp, text) == [("Sept. 3", "DATE", "2024-09-03"),
                                ("the following Monday", "DATE", "2024-09-09")]
    # with no day named before, the one before the reference date
    assert found(nlp, "Prices fell from the previous Friday.") == [
        ("the previous Friday", "DATE", "2024-09-13")]


def test_week_of_a_month_is_one_span(nlp: Language) -> None:
    got = found(nlp, "Retail sales rebounded in the last week of August.", "2024-09-04")
    assert got == [("the last week of August", "DATE", "2024-W35")]
    got = found(nlp, "The summit is set for the first week of December 2025.")
    assert got == [("the first week of December 2025", "DATE", "2025-W49")]
    # the plain "last week" is untouched
    assert found(nlp, "Talks stalled last week.") == [("last week", "DATE", "2024-W37")]


def test_lower_case_spring_only_as_the_season(nlp: Language) -> None:
    got = found(nlp, "Analysts said spring brought signs of recovery.", "2024-06-10")
    assert got == [("spring", "DATE", "2024-SP")]
    assert found(nlp, "The ferry will resume service in spring.", "2024-01-10") == [
        ("spring", "DATE", "2024-SP")]
    assert found(nlp, "Villagers draw water from a spring near the road.") == []
    assert found(nlp, "Guests soaked in the hot spring.") == []
    assert found(nlp, "Prices may spring back.") == []


def test_present_tense_day_is_a_schedule_ahead(nlp: Language) -> None:
    got = found(nlp, "The relief fund runs out on Dec. 31.", "2024-02-12")
    assert got == [("Dec. 31", "DATE", "2024-12-31")]
    # a day of the last week is the one just past (a story dated a little late)
    got = found(nlp, "The relief fund runs out on Feb. 9.", "2024-02-12")
    assert got == [("Feb. 9", "DATE", "2024-02-09")]
    # "as of" a month states a past point; months in the present are statistics
    got = found(nlp, "As of February, the store accounts for 70% of sales.", "2024-09-16")
    assert got == [("February", "DATE", "2024-02")]


def test_month_naming_a_report_takes_no_direction(nlp: Language) -> None:
    got = found(nlp, "The bureau will release the September jobs report on Friday.",
                "2024-10-07")
    assert got == [("September", "DATE", "2024-09"), ("Friday", "DATE", "2024-10-11")]
    assert found(nlp, "Talks will resume in September.", "2024-10-07") == [
        ("September", "DATE", "2025-09")]


def test_weekday_in_apposition_to_a_date_is_that_day(nlp: Language) -> None:
    got = found(nlp, "The vote took place on Sept. 7, a Saturday.")
    assert got == [("Sept. 7", "DATE", "2024-09-07"), ("Saturday", "DATE", "2024-09-07")]
    # a weekday that does not fit the date is read as usual
    got = found(nlp, "The vote took place on Sept. 7, a Friday.")
    assert got == [("Sept. 7", "DATE", "2024-09-07"), ("Friday", "DATE", "2024-09-13")]


def test_next_and_last_before_a_day_of_the_month(nlp: Language) -> None:
    got = found(nlp, "The new tariffs take effect next Jan. 1.", "2024-03-04")
    assert got == [("next Jan. 1", "DATE", "2025-01-01")]
    got = found(nlp, "Output has fallen since last Sept. 30.", "2024-03-04")
    assert got == [("last Sept. 30", "DATE", "2023-09-30")]
    # a written year keeps its own reading; "last" after a modal is the verb
    got = found(nlp, "The fair will last Dec. 1 through Dec. 5.", "2024-03-04")
    assert got == [("Dec. 1", "DATE", "2024-12-01"), ("Dec. 5", "DATE", "2024-12-05")]


def test_years_ahead_after_a_number_is_the_number_of_years(nlp: Language) -> None:
    got = found(nlp, "The bridge will open in 2027, two years ahead of schedule.")
    assert got == [("2027", "DATE", "2027"), ("two years", "DURATION", "P2Y")]
    assert found(nlp, "Traders expect volatility in the weeks ahead.") == [
        ("the weeks ahead", "DURATION", "PXW")]


def test_the_next_year_in_a_past_clause_follows_the_year_told(nlp: Language) -> None:
    text = "In 2015, the brewery moved to Leeds. The next year, it was sold."
    assert found(nlp, text) == [("2015", "DATE", "2015"), ("The next year", "DATE", "2016")]
    # ahead of now it is the coming year
    assert found(nlp, "Sales will grow over the next year.") == [
        ("the next year", "DATE", "2025")]


def test_present_tense_month_ahead_unless_just_past(nlp: Language) -> None:
    assert found(nlp, "The fishing season ends in October.", "2024-05-13") == [
        ("October", "DATE", "2024-10")]
    # figures of the last months are reported in the present
    assert found(nlp, "Exports rise 10 percent in February.", "2024-05-13") == [
        ("February", "DATE", "2024-02")]


def test_nth_day_or_week_is_the_one_in_discussion(nlp: Language) -> None:
    assert found(nlp, "Shares fell for a second straight day.") == [
        ("a second straight day", "DATE", "2024-09-16")]
    got = found(nlp, "On Friday, the strike entered its third week and a fourth day of talks.")
    assert got == [("Friday", "DATE", "2024-09-13"), ("a fourth day", "DATE", "2024-09-13")]
    assert found(nlp, "Pickets stayed out for a third week.") == [
        ("a third week", "DATE", "2024-W38")]
    # months and years are left out, and "a second" before a noun is no duration
    assert found(nlp, "It was the third consecutive month of gains.") == []
    assert found(nlp, "She won a second term.") == []
    assert found(nlp, "He paused for a second.") == [("a second", "DURATION", "PT1S")]


def test_round10_forms_on_odd_input(nlp: Language) -> None:
    assert found(nlp, "") == []
    assert found(nlp, "the last week of") == [("the last week", "DATE", "2024-W37")]
    assert found(nlp, "“The following month,” he said, “was hard.”") == [
        ("The following month", "DATE", "2024-10")]
    # no reference date: the week of a month keeps its unknown year
    assert found(nlp, "It rained in the last week of March.", None) == [
        ("the last week of March", "DATE", "XXXX-03")]
    # non-English text around a date
    assert found(nlp, "La reunión fue el 3 de marzo; next Jan. 1 it resumes.") == [
        ("next Jan. 1", "DATE", "2025-01-01")]


def test_possessive_weekday_ahead_of_or_awaited(nlp: Language) -> None:
    got = found(nlp, "Polls ahead of Thursday's election show a close race.")
    assert got == [("Thursday", "DATE", "2024-09-19")]
    assert found(nlp, "Traders await Wednesday's rate decision.") == [
        ("Wednesday", "DATE", "2024-09-18")]
    # other possessives stay the past day
    assert found(nlp, "Thursday's attack killed nine people.") == [
        ("Thursday", "DATE", "2024-09-12")]


def test_day_of_last_or_next_year_takes_that_year(nlp: Language) -> None:
    got = found(nlp, "The terminal opened on May 1 of last year.")
    assert got == [("May 1", "DATE", "2023-05-01"), ("last year", "DATE", "2023")]
    got = found(nlp, "Talks resume on Jan. 5 of next year.")
    assert got == [("Jan. 5", "DATE", "2025-01-05"), ("next year", "DATE", "2025")]


def test_quoted_march_of_is_a_name(nlp: Language) -> None:
    assert found(nlp, "She led the “March of the Mothers” through the capital.") == []
    assert found(nlp, "She led the ``March for Peace'' downtown.") == []
    # a quotation opening with the month keeps it
    assert found(nlp, "“March was a good month,” he said.") == [("March", "DATE", "2024-03")]


def test_quoted_programme_title_is_no_week(nlp: Language) -> None:
    assert found(nlp, "The minister, speaking on NBC's \"This Week,\" denied it.") == []
    assert found(nlp, "“This week was hard,” she said.") == [
        ("This week", "DATE", "2024-W38")]


def test_latest_period_of_an_earnings_report_is_the_quarter(nlp: Language) -> None:
    text = ("The brewer said third-quarter profit rose 8%. Revenue for the latest period "
            "came to $1.2 billion.")
    assert found(nlp, text, "2024-10-24") == [("third-quarter", "DATE", "2024-Q3"),
                                              ("the latest period", "DATE", "2024-Q3")]
    # with no quarter named, the quarter before the reference date
    assert found(nlp, "Cargo volumes grew in the latest period.", "2024-10-24") == [
        ("the latest period", "DATE", "2024-Q3")]


def test_this_past_and_this_coming_season(nlp: Language) -> None:
    assert found(nlp, "The mill closed this past spring.", "2024-10-28") == [
        ("this past spring", "DATE", "2024-SP")]
    assert found(nlp, "Sales slowed this past fall.", "2025-03-10") == [
        ("this past fall", "DATE", "2024-FA")]
    assert found(nlp, "The line reopens this coming spring.", "2024-10-28") == [
        ("this coming spring", "DATE", "2025-SP")]


def test_half_of_a_decade_is_the_decade(nlp: Language) -> None:
    assert found(nlp, "Prices climbed in the second half of the 1990s.") == [
        ("the second half of the 1990s", "DATE", "199")]
    assert found(nlp, "It recalls the last half of the '80s.") == [
        ("the last half of the '80s", "DATE", "198")]
    # the half of a year is unchanged
    assert found(nlp, "Exports rose in the first half of 2023.") == [
        ("the first half of 2023", "DATE", "2023-H1")]


def test_another_or_an_additional_unit_is_one_unit(nlp: Language) -> None:
    assert found(nlp, "The mandate was renewed for another year.") == [
        ("another year", "DURATION", "P1Y")]
    assert found(nlp, "Talks could run an additional week, envoys said.") == [
        ("an additional week", "DURATION", "P1W")]
    assert found(nlp, "It was another day of heavy shelling.") == []
    assert found(nlp, "Rates rose another quarter point.") == []
