"""Attribution forms from US political and feature copy: a cue opening its sentence with
the speaker after it, a colon that hands the cue to the quotation after it."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.read.plain import read_plain
from dateline.record import Record, Source


def _record(nlp: Language, body: str) -> Record:
    text = "Budget fight goes on\nWASHINGTON (Wire) -- " + body + "\n"
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def test_said_opening_the_sentence_takes_the_speaker_after_it(nlp: Language) -> None:
    record = _record(
        nlp,
        "The governor has been quiet on taxes. Said Marlow: “I don’t think she cares "
        "about the deficit at all.”",
    )
    (quote,) = record.quotes
    assert (quote.kind, quote.speaker.text, quote.cue.text) == ("direct", "Marlow", "Said")
    assert quote.content.text == "“I don’t think she cares about the deficit at all.”"


def test_added_opening_the_sentence_with_an_appositive_speaker(nlp: Language) -> None:
    record = _record(nlp, 'Added the senator, a Republican from Ohio, "We will not fold on this."')
    (quote,) = record.quotes
    assert quote.speaker.text == "the senator, a Republican from Ohio"
    assert quote.cue.text == "Added"
    assert quote.content.text == '"We will not fold on this."'


def test_a_colon_after_the_cue_hands_it_to_the_quotation(nlp: Language) -> None:
    record = _record(
        nlp,
        "The challenger will probably use the debate to make news, Kellner said: \"I think "
        'he has a surprise ready."',
    )
    (quote,) = record.quotes
    assert (quote.kind, quote.speaker.text, quote.cue.text) == ("direct", "Kellner", "said:")
    assert quote.content.text == '"I think he has a surprise ready."'


def test_said_then_adding_with_a_colon_keeps_both_quotations(nlp: Language) -> None:
    record = _record(
        nlp,
        '"We are turning out in numbers," Lowe said, adding: "They will help the whole '
        'ticket."',
    )
    assert [(q.speaker.text, q.content.text) for q in record.quotes] == [
        ("Lowe", '"We are turning out in numbers,"'),
        ("Lowe", '"They will help the whole ticket."'),
    ]


def _speaker_name(record: Record, n: int) -> str | None:
    quote = record.quotes[n]
    names = {e.id: e.name for e in record.entities}
    return names.get(quote.speaker.entity) if quote.speaker and quote.speaker.entity else None


def test_a_pronoun_quoting_after_an_attribution_is_its_speaker_going_on(nlp: Language) -> None:
    record = _record(
        nlp,
        'Mayor Ann Lowe said Peter Vance had misled the council. "He knew the numbers all '
        'along," she said.',
    )
    assert [q.kind for q in record.quotes] == ["indirect", "direct"]
    assert _speaker_name(record, 1) == "Ann Lowe"
    vance = next(e for e in record.entities if e.name == "Peter Vance")
    assert "she" not in {m.text for m in vance.mentions}


def test_a_pronoun_for_someone_named_outside_the_quote_still_finds_them(nlp: Language) -> None:
    record = _record(
        nlp,
        "Peter Vance, the council's treasurer, resigned on Friday. Mayor Ann Lowe said the "
        'books were in order. "I did nothing wrong," he said.',
    )
    assert _speaker_name(record, -1) == "Peter Vance"


def test_a_sentence_run_on_after_pm_is_two_statements(nlp: Language) -> None:
    record = _record(
        nlp, "Officials said the plane landed at 6 p.m. Police said the man was arrested in "
        "Washington, D.C.",
    )
    assert [(q.speaker.text, q.content.text) for q in record.quotes] == [
        ("Officials", "the plane landed at 6 p.m."),
        ("Police", "the man was arrested in Washington, D.C."),
    ]


def test_and_then_a_named_speakers_own_cue_ends_the_content(nlp: Language) -> None:
    record = _record(
        nlp,
        "Democrats contend that the measure is a tax on families, and Senate Minority Leader "
        'Rosa Whitfield called it "a disgrace."',
    )
    assert [(q.speaker.text, q.cue.text) for q in record.quotes] == [
        ("Democrats", "contend"),
        ("Senate Minority Leader Rosa Whitfield", "called"),
    ]
    assert record.quotes[0].content.text == "that the measure is a tax on families"


def test_a_semicolon_ends_a_clause_that_is_not_the_next_verbs_content(nlp: Language) -> None:
    record = _record(nlp, "Officials believe the damage is limited; a report found no faults.")
    (quote,) = record.quotes
    assert (quote.speaker.text, quote.cue.text, quote.type) == ("Officials", "believe", "cognition")
    assert quote.content.text == "the damage is limited"


def test_a_lawsuit_or_report_it_claims_or_found_that(nlp: Language) -> None:
    record = _record(
        nlp,
        "The lawsuit alleges that the fees were hidden. It also claims that the penalties "
        "would chill speech. It means more work for the court.",
    )
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in record.quotes] == [
        ("The lawsuit", "alleges", "that the fees were hidden"),
        ("It", "also claims", "that the penalties would chill speech"),
    ]


def test_convinced_is_the_subjects_belief_with_or_without_that(nlp: Language) -> None:
    for body, content in [
        ("Officials are convinced that the plan works.", "that the plan works"),
        ("Officials in Ohio are convinced the plant will create 2,400 jobs.",
         "the plant will create 2,400 jobs"),
    ]:
        (quote,) = _record(nlp, body).quotes
        assert quote.speaker is not None and quote.speaker.text.startswith("Officials")
        assert (quote.cue.text, quote.type, quote.content.text) == (
            "are convinced", "cognition", content
        )


def test_a_fronted_setting_is_no_content_of_an_intransitive_cue(nlp: Language) -> None:
    record = _record(nlp, "After the lawsuit was filed, the company responded.")
    assert record.quotes == []


def test_a_document_is_the_channel_and_its_date_dates_the_statement(nlp: Language) -> None:
    (quote,) = _record(
        nlp, "Prosecutors wrote in a filing last month that the defendant had fled."
    ).quotes
    assert quote.channel is not None and quote.channel.text == "in a filing"
    (quote,) = _record(
        nlp,
        "In one message sent on April 3, deputy chief of staff Lauren Beck wrote that the "
        "count was wrong.",
    ).quotes
    assert quote.channel is not None and quote.channel.text == "In one message sent on April 3"
    assert quote.date is not None and quote.date.value == "2023-04-03"


def test_a_possessive_date_belongs_to_another_event(nlp: Language) -> None:
    (quote,) = _record(
        nlp, "Speaking after Thursday's meeting, the minister said the deal was close."
    ).quotes
    assert quote.content.text == "the deal was close"
    assert quote.date is None


def test_scheduled_results_and_headline_questions_are_no_attributions(nlp: Language) -> None:
    assert _record(nlp, "The company will report first-quarter earnings on Thursday.").quotes == []
    (quote,) = _record(nlp, "The bank reported a net profit of $2 billion.").quotes
    assert quote.content.text == "a net profit of $2 billion"
    text = "What we know so far about the port strike\n\nDockers walked out on Monday.\n"
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert build_record(nlp(doc)).quotes == []


def test_a_bullet_is_no_part_of_the_content(nlp: Language) -> None:
    (quote,) = _record(nlp, "\n• “We will rebuild,” the mayor said.").quotes
    assert quote.content.text == "“We will rebuild,”"


def test_a_quotation_signed_by_a_dash_and_a_name_is_theirs(nlp: Language) -> None:
    text = (
        "Readers share their views\n\n"
        "“He has no plan for the economy. None at all.”― Pamela Ruiz\n"
        "“Prices keep rising and nobody listens.” ― Carla Mendes.\n"
        '"We need the bridge rebuilt before winter." — Tom O. Reilly, a bus driver, Akron\n'
    )
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    record = build_record(nlp(doc))
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in record.quotes] == [
        ("Pamela Ruiz", "―", "“He has no plan for the economy. None at all.”"),
        ("Carla Mendes", "―", "“Prices keep rising and nobody listens.”"),
        ("Tom O. Reilly", "—", '"We need the bridge rebuilt before winter."'),
    ]


def test_a_dash_before_a_sentence_is_no_signature(nlp: Language) -> None:
    record = _record(nlp, '"The mine is our life" — Akron Mining said nothing more about it.')
    assert all(q.cue is None or q.cue.text != "—" for q in record.quotes)


def test_protesters_chanted_a_slogan(nlp: Language) -> None:
    record = _record(nlp, 'Protesters outside the court chanted "What curfew?" until dawn.')
    (quote,) = record.quotes
    assert (quote.speaker.text, quote.cue.text) == ("Protesters outside the court", "chanted")
    assert quote.content.text.startswith('"What curfew?"')


def test_a_medium_or_addressee_with_no_that_leaves_the_content(nlp: Language) -> None:
    (quote,) = _record(nlp, "The ministry said on Telegram it had downed 12 drones.").quotes
    assert (quote.channel.text, quote.content.text) == ("on Telegram", "it had downed 12 drones")
    (quote,) = _record(nlp, "The minister told Welt am Sonntag the plan was dead.").quotes
    assert (quote.channel.text, quote.content.text) == ("Welt am Sonntag", "the plan was dead")
    (quote,) = _record(nlp, '"The plan is dead," the minister told Welt am Sonntag.').quotes
    assert quote.content.text == '"The plan is dead,"'


def test_said_on_a_weekday_is_a_date_not_a_channel(nlp: Language) -> None:
    (quote,) = _record(nlp, "The company said on Friday it would cut 500 jobs.").quotes
    assert quote.channel is None
    assert quote.content.text == "it would cut 500 jobs"
    assert quote.date is not None and quote.date.value == "2023-04-28"


def test_a_sentence_after_pm_is_not_the_next_verbs_content(nlp: Language) -> None:
    (quote,) = _record(nlp, "The rocket landed at 6 p.m. Police said the crew was safe.").quotes
    assert (quote.speaker.text, quote.content.text) == ("Police", "the crew was safe")


def test_titles_places_and_wire_credits_sign_no_quotation(nlp: Language) -> None:
    for line in [
        'Best picture: "Oppenheimer" — Christopher Nolan',
        '"Stop the war now, we are begging you" — Kyiv, Ukraine',
    ]:
        record = _record(nlp, line)
        assert all(q.cue is None or q.cue.text != "—" for q in record.quotes), line
    record = _record(nlp, '"We will rebuild," the mayor said. "Every home will stand." — Reuters')
    assert [q.speaker.text for q in record.quotes] == ["the mayor"]


def test_said_opening_a_sentence_mid_paragraph(nlp: Language) -> None:
    record = _record(nlp, 'The talks ended on Tuesday. Said Ellis: "We will be back next week."')
    (quote,) = record.quotes
    assert (quote.speaker.text, quote.cue.text) == ("Ellis", "Said")


def test_present_tense_results_are_a_scheduled_event(nlp: Language) -> None:
    assert _record(nlp, "Apple reports earnings after the bell on Thursday.").quotes == []
