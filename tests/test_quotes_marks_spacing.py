"""Quotation marks as copy really sets them: French-spaced guillemets, a closing mark
forgotten before the attribution, and a quotation followed by a second verb."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.nlp.quotes_marks import scan
from dateline.read.plain import read_plain
from dateline.record import Record, Source


def _record(nlp: Language, body: str) -> Record:
    text = "Border stays shut\nTBILISI, May 2 (Wire) -- " + body + "\n"
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def test_spaced_guillemets_pair_up() -> None:
    text = "He said « the border stays shut » and left."
    (seg,) = scan(text)
    assert text[seg.start : seg.end] == "« the border stays shut »"
    # a no-break space inside the marks, as typeset French copy has it
    text = "Il a dit «\u00a0non\u00a0» hier."
    (seg,) = scan(text)
    assert text[seg.start : seg.end] == "«\u00a0non\u00a0»"


def test_a_lone_spaced_closing_guillemet_opens_nothing() -> None:
    assert scan("Prices rose » and fell.") == []


def test_spaced_guillemets_quote_with_speaker_after(nlp: Language) -> None:
    record = _record(nlp, "« The border stays shut », the interior ministry said on Tuesday.")
    (quote,) = record.quotes
    assert quote.kind == "direct"
    assert quote.content.text == "« The border stays shut »"
    assert quote.speaker is not None and quote.speaker.text == "the interior ministry"
    assert quote.date is not None and quote.date.value == "2023-05-02"


def test_a_quotation_then_and_a_second_verb_ends_at_its_mark(nlp: Language) -> None:
    record = _record(
        nlp, "A ministry spokesman said « the border stays shut » and declined to comment further."
    )
    first = record.quotes[0]
    assert first.kind == "direct"
    assert first.content.text == "« the border stays shut »"
    assert first.cue is not None and first.cue.text == "said"


def test_a_forgotten_closing_mark_stops_before_the_attribution(nlp: Language) -> None:
    record = _record(
        nlp,
        'Talks resumed on Tuesday.\n\n"We will not accept this ultimatum, Nino Beridze said '
        "on Monday. The talks went on into the night.",
    )
    quote = next(q for q in record.quotes if q.content.text.startswith('"We'))
    assert quote.content.text == '"We will not accept this ultimatum'
    assert quote.speaker is not None and quote.speaker.text == "Nino Beridze"
    assert quote.date is not None and quote.date.value == "2023-05-01"


def test_a_forgotten_closing_mark_keeps_a_clause_that_has_its_own_content(
    nlp: Language,
) -> None:
    # "whatever they say, and we will win" goes on with the quotation: no attribution there
    record = _record(nlp, 'The mayor said: "We will stay, whatever they say, and we will win.')
    (quote,) = record.quotes
    assert quote.content.text == '"We will stay, whatever they say, and we will win.'
    assert quote.speaker is not None and quote.speaker.text == "The mayor"


def test_a_transcript_line_is_direct_speech(nlp: Language) -> None:
    record = _record(
        nlp,
        "The mayor spoke on local radio.\n\nBERIDZE: We will reopen the crossing "
        "when the road is safe.\n\nHOST: And when will that be?",
    )
    line = next(q for q in record.quotes if q.speaker and q.speaker.text == "BERIDZE")
    assert line.kind == "direct"
    assert line.content.text == "We will reopen the crossing when the road is safe"


def test_told_reporters_with_nothing_after_it_is_no_attribution(nlp: Language) -> None:
    record = _record(nlp, "The governor, who faces re-election in May, told reporters:")
    assert [q.content.text for q in record.quotes] == []
