"""Attribution forms from wire copy that carry no "that": the date or the addressee right
after the verb, a date opening the sentence, a clause the parser splits in two."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.read.plain import read_plain
from dateline.record import Quote, Record, Source


def _record(nlp: Language, body: str) -> Record:
    text = "Talks stall\nVILNIUS, May 3 (Wire) -- " + body + "\n"
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _one(record: Record) -> Quote:
    (quote,) = record.quotes
    return quote


def test_a_date_after_said_dates_the_statement_not_the_content(nlp: Language) -> None:
    quote = _one(_record(nlp, "The ministry said on Monday the talks had failed."))
    assert quote.content.text == "the talks had failed"
    assert quote.date is not None and quote.date.value == "2023-05-01"


def test_a_year_the_statement_is_about_stays_in_the_content(nlp: Language) -> None:
    quote = _one(_record(nlp, "The weather service said 2022 was the warmest year on record."))
    assert quote.content.text == "2022 was the warmest year on record"
    assert quote.date is None


def test_a_date_opening_the_sentence_dates_the_statement(nlp: Language) -> None:
    quote = _one(_record(nlp, "On Monday, Finance Minister Rasa Petraitė said that the budget "
                              "was balanced."))
    assert quote.date is not None and quote.date.value == "2023-05-01"
    quote = _one(_record(nlp, "Last week, the company said it would cut 300 jobs."))
    assert quote.date is not None and quote.date.value == "2023-W17"


def test_a_date_opening_an_earlier_clause_does_not_date_the_statement(nlp: Language) -> None:
    quote = _one(_record(nlp, "Prices rose on Monday, and the bank said inflation would slow."))
    assert quote.content.text == "inflation would slow"
    assert quote.date is None


def test_an_agency_told_without_that_is_the_addressee(nlp: Language) -> None:
    quote = _one(_record(nlp, "Her rival told dpa the claim was false."))
    assert quote.channel is not None and quote.channel.text == "dpa"
    assert quote.content.text == "the claim was false"
    quote = _one(_record(nlp, "The mayor told BBC Radio Leeds the barriers were holding."))
    assert quote.channel is not None and quote.channel.text == "BBC Radio Leeds"
    assert quote.content.text == "the barriers were holding"


def test_told_analysts_on_a_call_that_keeps_the_clause(nlp: Language) -> None:
    quote = _one(_record(nlp, "Jonas Kairys told analysts on a call last week that the company "
                              "would review its fleet."))
    assert quote.content.text == "that the company would review its fleet"
    assert quote.channel is not None and quote.channel.text == "analysts"
    assert quote.date is not None and quote.date.value == "2023-W17"


def test_a_that_clause_the_parser_split_in_two_stays_one(nlp: Language) -> None:
    quote = _one(_record(nlp, "An official said that land had been found for 38 of the schools "
                              "and construction would begin within three months."))
    assert quote.content.text == (
        "that land had been found for 38 of the schools and construction would begin "
        "within three months"
    )
