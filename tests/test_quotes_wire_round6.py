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


def test_he_after_an_unnamed_spokesman_is_not_the_minister_named_before(
    nlp: Language,
) -> None:
    record = _record(
        nlp,
        "Finance Minister Andrius Kubilius said the budget was tight. The cabinet will meet "
        "on July 3, a government spokesman said. Talks would go on over the weekend, he said.",
    )
    minister, spokesman, he = record.quotes
    assert minister.speaker is not None and minister.speaker.entity is not None
    assert spokesman.speaker is not None and spokesman.speaker.entity is None
    assert he.speaker is not None and he.speaker.text == "he"
    assert he.speaker.entity is None
    (kubilius,) = [e for e in record.entities if e.name == "Andrius Kubilius"]
    assert "he" not in [m.text for m in kubilius.mentions]


def test_he_after_the_named_person_speaks_again_is_that_person(nlp: Language) -> None:
    record = _record(
        nlp,
        "The cabinet will meet on July 3, a government spokesman said. Finance Minister "
        "Andrius Kubilius said the budget was tight. Talks would go on, he said.",
    )
    he = record.quotes[-1]
    names = {e.id: e.name for e in record.entities}
    assert he.speaker is not None and names.get(he.speaker.entity or "") == "Andrius Kubilius"


def test_they_after_unnamed_people_is_not_a_place(nlp: Language) -> None:
    record = _record(
        nlp,
        "The Oslo-based company has been working with advisers, said the people, who asked "
        "not to be identified. No decision has been made, they said.",
    )
    they = record.quotes[-1]
    assert they.speaker is not None and they.speaker.text == "they"
    assert they.speaker.entity is None


def test_a_quotation_right_after_a_reported_statement_has_its_speaker(nlp: Language) -> None:
    record = _record(
        nlp, 'Foreign Minister Gabija Rimkutė said the plan was sound. "We will not change course."'
    )
    said, quoted = record.quotes
    assert said.kind == "indirect" and said.content.text == "the plan was sound"
    assert quoted.kind == "direct" and quoted.cue is None
    assert quoted.content.text == '"We will not change course."'
    assert quoted.speaker is not None and quoted.speaker.entity == said.speaker.entity


def test_a_quotation_in_the_next_paragraph_after_a_reported_statement_stands_alone(
    nlp: Language,
) -> None:
    record = _record(
        nlp,
        "Foreign Minister Gabija Rimkutė said the plan was sound.\n\n"
        '"We will not change course. Nobody asked us," a placard read.',
    )
    quoted = next(q for q in record.quotes if q.content.text.startswith('"We'))
    assert quoted.speaker is None or quoted.speaker.text != "Foreign Minister Gabija Rimkutė"


def _headline_quotes(nlp: Language, headline: str) -> list[tuple[str | None, str]]:
    text = headline + "\nABUJA, May 2 (Wire) -- The council met on Tuesday.\n"
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    record = build_record(nlp(doc))
    return [(q.speaker.text if q.speaker else None, q.content.text) for q in record.quotes]


def test_a_topic_before_a_headline_colon_is_no_speaker(nlp: Language) -> None:
    assert _headline_quotes(nlp, "Fuel scarcity: depots resume loading in Lagos") == []
    assert _headline_quotes(nlp, "Election results: tally to end on Friday") == []


def test_a_name_before_a_headline_colon_still_speaks(nlp: Language) -> None:
    assert _headline_quotes(nlp, "Okonkwo: I am not going anywhere") == [
        ("Okonkwo", "I am not going anywhere")
    ]


def test_a_name_after_a_headline_colon_speaks(nlp: Language) -> None:
    assert _headline_quotes(nlp, "Fifty new schools to open this year: Adeyemi") == [
        ("Adeyemi", "Fifty new schools to open this year")
    ]


def test_a_medium_with_nothing_said_is_no_attribution(nlp: Language) -> None:
    assert _record(nlp, "The ministry said on Telegram.").quotes == []


def test_a_channel_ends_with_its_sentence(nlp: Language) -> None:
    body = '"The talks have failed," the minister said in a post on X.\n\nMore soon.'
    record = _record(nlp, body)
    (quote,) = record.quotes
    assert quote.channel is not None and quote.channel.text == "in a post on X"


def test_warned_the_coalition_against_keeps_addressee_and_content_apart(
    nlp: Language,
) -> None:
    quote = _one(_record(nlp, "The chancellor has warned the coalition against another summer "
                              "of disputes."))
    assert quote.channel is not None and quote.channel.text == "the coalition"
    assert quote.content.text == "against another summer of disputes"


def test_no_response_to_a_request_is_content_not_channel(nlp: Language) -> None:
    quote = _one(_record(nlp, "The port authority did not respond to a request for comment."))
    assert quote.content.text == "a request for comment"
    assert quote.channel is None


def test_a_live_blog_time_stamp_is_neither_speaker_nor_content(nlp: Language) -> None:
    text = (
        "Live: storm hits the coast\n\n"
        "11:48 GMT - Our correspondent in Klaipėda, Ona Petrauskienė, says the river has "
        "burst its banks.\n\n"
        "12:05 GMT - The ferry line has cancelled all crossings to Kiel, a spokeswoman for "
        "the line said.\n"
    )
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    says, said = build_record(nlp(doc)).quotes
    assert says.speaker is not None and says.speaker.text.startswith("Our correspondent")
    assert says.date is not None and says.date.value.startswith("2023-05-03T11:48")
    assert said.content.text == "The ferry line has cancelled all crossings to Kiel"
    assert said.speaker is not None and said.speaker.text == "a spokeswoman for the line"


def test_speaking_at_opens_the_channel_and_the_date(nlp: Language) -> None:
    quote = _one(_record(nlp, "Speaking at a joint news conference in Riga, Landsbergis said "
                              "the talks would go on."))
    assert quote.channel is not None
    assert quote.channel.text == "at a joint news conference in Riga"
    quote = _one(_record(nlp, "Speaking to reporters on Monday, the minister said prices "
                              "would fall."))
    assert quote.channel is not None and quote.channel.text == "reporters"
    assert quote.date is not None and quote.date.value == "2023-05-01"


def test_a_weekday_right_after_said_is_past_even_before_would(nlp: Language) -> None:
    quote = _one(_record(nlp, "The minister said on Monday he would resign."))
    assert quote.content.text == "he would resign"
    assert quote.date is not None and quote.date.value == "2023-05-01"


def test_he_after_plural_or_organisation_speakers_is_the_person_named_before(
    nlp: Language,
) -> None:
    for between in ("Officials said costs would fall.", "The ministry said costs would fall."):
        record = _record(
            nlp,
            f"Finance Minister Andrius Kubilius said the budget was tight. {between} "
            '"We have no choice," he said.',
        )
        names = {e.id: e.name for e in record.entities}
        he = record.quotes[-1]
        assert he.speaker is not None and names.get(he.speaker.entity or "") == "Andrius Kubilius"


def test_headline_topics_and_labels_are_no_speakers(nlp: Language) -> None:
    for headline in (
        "Ukraine: missiles hit Kyiv overnight",
        "Fuel Scarcity: Motorists Queue For Hours In Lagos",
        "Talks stall in Khartoum: Live Updates",
    ):
        assert _headline_quotes(nlp, headline) == []


def test_a_source_familiar_with_the_matter_is_the_whole_phrase(nlp: Language) -> None:
    quote = _one(_record(nlp, "The carrier cancelled flights from Palanga, a source familiar "
                              "with the matter said."))
    assert quote.speaker is not None
    assert quote.speaker.text == "a source familiar with the matter"
    assert quote.content.text == "The carrier cancelled flights from Palanga"


def test_a_quotation_someone_else_said_or_a_banner_read_keeps_no_speaker(
    nlp: Language,
) -> None:
    record = _record(nlp, 'The union said workers would strike. "No pay, no work" read the '
                          "banners outside.")
    banner = next(q for q in record.quotes if q.content.text.startswith('"No pay'))
    assert banner.speaker is None
