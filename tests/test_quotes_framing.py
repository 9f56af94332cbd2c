"""Framing phrases ("In his words, ...", "As she put it, ..."), headline kickers and
terms of speaking ("on condition of anonymity") in the attribution record."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.read.plain import read_plain
from dateline.record import Record, Source


def _record(nlp: Language, text: str) -> Record:
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _names(record: Record) -> dict[str, str]:
    return {e.id: e.name for e in record.entities}


def test_in_his_words_and_as_he_put_it_attribute_their_sentence(nlp: Language) -> None:
    record = _record(
        nlp,
        "Corridor to grow\n"
        "BAKU, May 2 (Wire) -- Deputy Minister Rauf Aliyev spoke at a forum on Tuesday. "
        "In his words, the route will carry 15 million tonnes a year by 2030. "
        'As he put it, the corridor is "a bridge between two seas".\n',
    )
    words, put = record.quotes
    names = _names(record)
    assert words.cue is not None and words.cue.text == "In his words"
    assert words.speaker is not None and names[words.speaker.entity or ""] == "Rauf Aliyev"
    assert words.content.text == "the route will carry 15 million tonnes a year by 2030"
    assert put.cue is not None and put.cue.text == "put it"
    assert put.kind == "mixed"
    assert put.content.text == 'the corridor is "a bridge between two seas"'
    assert put.speaker is not None and names[put.speaker.entity or ""] == "Rauf Aliyev"


def test_in_the_ministers_view_is_cognition_held_by_the_minister(nlp: Language) -> None:
    record = _record(
        nlp,
        "Rates\nOSLO (Wire) -- In the minister's view, rates have peaked.\n",
    )
    (view,) = record.quotes
    assert view.type == "cognition"
    assert view.speaker is not None and view.speaker.text == "the minister"
    assert view.content.text == "rates have peaked"


def test_his_words_inside_a_sentence_are_no_framing(nlp: Language) -> None:
    record = _record(
        nlp,
        "Speech\nOSLO (Wire) -- Nobody believed in his words about the budget.\n",
    )
    assert all(q.cue is None or q.cue.text != "In his words" for q in record.quotes)
    assert all("words" not in (q.cue.text if q.cue else "") for q in record.quotes)


def test_a_headline_kicker_is_no_speaker(nlp: Language) -> None:
    for kicker in ("Explainer", "Analysis", "Factbox"):
        record = _record(
            nlp,
            f"{kicker}: Why the bloc sent troops\n\nThe ministry released figures on Monday.\n",
        )
        assert all(q.speaker is None or q.speaker.text != kicker for q in record.quotes)


def test_on_condition_of_anonymity_is_no_channel(nlp: Language) -> None:
    record = _record(
        nlp,
        "Minister to go\nOSLO (Wire) -- An aide said on condition of anonymity that the "
        "minister would resign. A second aide said on Twitter that it was true.\n",
    )
    first, second = record.quotes
    assert first.channel is None
    assert first.content.text == "that the minister would resign"
    assert second.channel is not None and second.channel.text == "Twitter"


def test_a_closing_told_clause_the_parser_hung_low_is_the_outer_attribution(
    nlp: Language,
) -> None:
    record = _record(
        nlp,
        "Moscow expects Baku to pay — deputy minister\n\n"
        "MOSCOW, May 3. /TASS/. Moscow expects Azerbaijan to fulfil its obligations under "
        "the deal, Deputy Foreign Minister Pavel Orlov told TASS on Wednesday.\n",
    )
    names = _names(record)
    told = next(q for q in record.quotes if q.cue is not None and q.cue.text == "told")
    assert told.speaker is not None and names[told.speaker.entity or ""] == "Pavel Orlov"
    assert told.channel is not None and told.channel.text == "TASS"
    assert told.content.text == (
        "Moscow expects Azerbaijan to fulfil its obligations under the deal"
    )
    assert told.date is not None and told.date.value == "2023-05-03"
    # the nested view stays, and the headline's own ends at its dash
    expects = [q for q in record.quotes if q.cue is not None and q.cue.text == "expects"]
    assert [q.content.text for q in expects] == [
        "Baku to pay",
        "Azerbaijan to fulfil its obligations under the deal",
    ]


def test_a_date_word_inside_the_channel_is_no_statement_date(nlp: Language) -> None:
    record = _record(
        nlp,
        "Budget\nLONDON (Wire) -- The chancellor told the BBC's Today programme that "
        "taxes would not rise. She told reporters on Tuesday that it was final.\n",
    )
    today, tuesday = record.quotes
    assert today.channel is not None and today.channel.text == "the BBC's Today programme"
    assert today.date is None
    assert tuesday.date is not None and tuesday.date.value == "2023-05-02"


def test_transcript_speaker_lines_with_a_parenthesis_or_a_role(nlp: Language) -> None:
    record = _record(
        nlp,
        "Evening news\n\n"
        "ANCHOR: Maria Lopez reports from the port, where she met Kemal Durmaz.\n\n"
        "KEMAL DURMAZ (through translator): We have been patient for two years.\n\n"
        "MARIA LOPEZ, CORRESPONDENT (voice-over): The trucks have waited since Sunday.\n\n"
        "DURMAZ: Nobody believes them anymore.\n",
    )
    names = _names(record)
    lines = [q for q in record.quotes if q.cue is not None and q.cue.text == ":"]
    assert [(q.speaker.text if q.speaker else None) for q in lines] == [
        "ANCHOR",
        "KEMAL DURMAZ",
        "MARIA LOPEZ",
        "DURMAZ",
    ]
    assert [names.get(q.speaker.entity or "") for q in lines if q.speaker] == [
        None,
        "Kemal Durmaz",
        "Maria Lopez",
        "Kemal Durmaz",
    ]
    assert lines[1].content.text == "We have been patient for two years"


def test_a_text_ending_in_said_colon_is_kept_with_no_quote_for_it(nlp: Language) -> None:
    for ending in ("Union leader Ion Marin said:\n", "He told reporters:  \n\n", "He added:"):
        record = _record(nlp, "Strike\nDock workers struck on Monday. " + ending)
        assert all(q.cue is None or q.cue.text.rstrip(":") not in ("said", "added")
                   for q in record.quotes)


def test_colon_datelines_are_no_speaker_lines(nlp: Language) -> None:
    record = _record(
        nlp,
        "Vote\n\nUNITED NATIONS (AP): The Security Council voted on Monday.\n\n"
        "NEW YORK, MAY 2 (REUTERS): Stocks rose.\n\n"
        "DURMAZ (through translator): We waited for two years.\n",
    )
    speakers = [q.speaker.text for q in record.quotes if q.speaker is not None]
    assert speakers == ["DURMAZ"]


def test_framing_look_alikes_are_no_attributions(nlp: Language) -> None:
    record = _record(
        nlp,
        "Court\nOSLO (Wire) -- As she put it aside, the judge turned to the next case. "
        "The letter, drafted in her own words, was published on Monday.\n",
    )
    assert record.quotes == []


def test_a_day_at_the_end_of_a_named_channel_still_dates_the_statement(nlp: Language) -> None:
    record = _record(
        nlp,
        "Budget\nLONDON (Wire) -- Mick Hollins told the BBC's Today programme on Tuesday "
        "that taxes would rise.\n",
    )
    (told,) = record.quotes
    assert told.channel is not None and told.channel.text == "the BBC's Today programme"
    assert told.date is not None and told.date.value == "2023-05-02"
