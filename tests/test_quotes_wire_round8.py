"""Attribution forms from feature and political copy, round 8: a speaker set off by an aside
with its own verb, a cue the tagger reads as a participle, a year written with an
apostrophe, verbs of speaking that need their preposition, and media folded into the cue."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.nlp.quotes_marks import scan
from dateline.read.plain import read_plain
from dateline.record import Record, Source


def _record(nlp: Language, body: str) -> Record:
    text = "Town hall meets again\nALBANY (Wire) -- " + body + "\n"
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _said(record: Record) -> list[tuple[str | None, str | None, str]]:
    return [
        (q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
        for q in record.quotes
    ]


def test_a_speaker_with_an_aside_that_has_its_own_verb(nlp: Language) -> None:
    record = _record(
        nlp,
        '"I would have stayed in Omsk for years," Mr. Dale, now 71 and retired in Albany, '
        "said.",
    )
    (quote,) = record.quotes
    assert quote.speaker is not None and quote.speaker.text.startswith("Mr. Dale, now 71")
    assert quote.cue is not None and quote.cue.text == "said"
    names = {e.id: e.name for e in record.entities}
    assert names[quote.speaker.entity] == "Dale"


def test_a_cue_tagged_as_a_participle_after_an_appositive(nlp: Language) -> None:
    record = _record(nlp, '"Will he finally apologize?" the governor, Ann Lowe, asked on Monday.')
    (quote,) = record.quotes
    assert (quote.speaker.text, quote.cue.text) == ("the governor, Ann Lowe,", "asked")
    assert quote.date is not None and quote.date.value == "2023-05-01"


def test_an_apostrophe_for_a_century_opens_no_quotation() -> None:
    text = "He grew up in the late '80s in Tulsa. ''It rhymed with everything,'' he wrote."
    assert [text[s.start : s.end] for s in scan(text)] == ["''It rhymed with everything,''"]
    text = "She ran in ‘08 and lost. ‘It was close,’ she said."
    assert [text[s.start : s.end] for s in scan(text)] == ["‘It was close,’"]
    # a quotation that starts with a number is still one
    text = "'90 per cent of the staff quit,' the union said."
    assert [text[s.start : s.end] for s in scan(text)] == ["'90 per cent of the staff quit,'"]


def test_the_year_apostrophe_does_not_swallow_the_paragraph(nlp: Language) -> None:
    record = _record(
        nlp,
        "Rep. Ann Dale (D-Ore.) said in ‘08 that rural voters had changed her mind. "
        "“People see it now,” she said.",
    )
    assert _said(record) == [
        ("Rep. Ann Dale (D-Ore.)", "said", "that rural voters had changed her mind"),
        ("she", "said", "“People see it now,”"),
    ]


def test_verbs_of_speaking_report_through_their_preposition(nlp: Language) -> None:
    record = _record(
        nlp,
        "The mayor spoke about the cost of housing. She spoke out against the new levy. "
        "Her deputy spoke on Monday at the library. He spoke Polish with the guests. "
        "The two men talked for an hour.",
    )
    assert _said(record) == [
        ("The mayor", "spoke about", "the cost of housing"),
        ("She", "spoke out against", "the new levy"),
    ]


def test_a_date_after_a_preposition_is_no_content(nlp: Language) -> None:
    record = _record(nlp, "The senator has pushed for months. The board campaigned on his behalf.")
    assert record.quotes == []


def test_a_statement_and_a_social_network_join_the_cue(nlp: Language) -> None:
    record = _record(
        nlp,
        '"It is a sad day," Lowe said in a statement. The party said in a written statement '
        "that it would appeal. Vance wrote on Twitter that the count was wrong. Roe said in an "
        "interview that she would run.",
    )
    assert [(q.cue.text, q.channel.text if q.channel else None) for q in record.quotes] == [
        ("said in a statement", "in a statement"),
        ("said in a written statement", "in a written statement"),
        ("wrote on Twitter", "Twitter"),
        ("said", "in an interview"),
    ]


def test_speaking_about_as_the_setting_of_a_statement_is_no_second_quote(
    nlp: Language,
) -> None:
    record = _record(
        nlp,
        '"We kept the town running through those weeks," Mayor Ann Lowe said, when speaking '
        "about the flood relief.",
    )
    assert _said(record) == [
        ("Mayor Ann Lowe", "said", '"We kept the town running through those weeks,"')
    ]


def test_a_speaker_shared_with_a_later_verb_keeps_its_own_quotation(nlp: Language) -> None:
    record = _record(
        nlp,
        "''I dislike the term 'city poor,' '' she said, but added that after rent, the family "
        "had little left.",
    )
    assert _said(record) == [
        ("she", "said", "''I dislike the term 'city poor,' ''"),
        ("she", "added", "that after rent, the family had little left"),
    ]


def test_a_speaker_is_never_sought_behind_a_paragraph_break(nlp: Language) -> None:
    record = _record(
        nlp,
        '"I have never seen a mayor cite the flood to justify this," wrote Andy Green, a law '
        "professor at Drake University.\n\nIn other words, explained the moderator, Nancy Cole: "
        '"What does that have to do with the budget?"',
    )
    speakers = [q.speaker.text for q in record.quotes if q.speaker]
    assert speakers[0] == "Andy Green, a law professor at Drake University"
    assert not any("\n" in s for s in speakers)
