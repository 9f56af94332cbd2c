"""Attribution shapes added in round 5: quotations read from the words around them when the
parse fails, resumed quotations, object complements, cue and source edges. Short wire-style
texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.nlp.quotes_marks import scan
from dateline.read.plain import read_plain
from dateline.record import Quote, Record, Source

HEAD = "Port talks stall\n\n"


def _record(nlp: Language, body: str) -> Record:
    doc = prepare_doc(read_plain(HEAD + body, Source()), "2023-03-06", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _parts(rec: Record, q: Quote) -> list[str]:
    return [rec.text[s:e] for s, e in q.content.spans]


def _only(rec: Record) -> Quote:
    assert len(rec.quotes) == 1, [q.content.text for q in rec.quotes]
    return rec.quotes[0]


def test_inverted_cue_and_continuation_across_abbreviations(nlp: Language) -> None:
    rec = _record(
        nlp,
        "''We are five right now,'' Ana Lutz said, pointing at dockers from Riga, Va., and "
        "Gdansk. ''Another crew arrives tomorrow morning from the north.''",
    )
    q = _only(rec)
    assert q.speaker is not None and q.speaker.text == "Ana Lutz"
    assert _parts(rec, q) == [
        "''We are five right now,''",
        "''Another crew arrives tomorrow morning from the north.''",
    ]


def test_speaker_after_inverted_verb(nlp: Language) -> None:
    rec = _record(
        nlp, "''The talks have stalled again,'' recalled Mr. Rhodes. ''Nobody wants to blink.''"
    )
    q = _only(rec)
    assert q.speaker is not None and q.speaker.text == "Mr. Rhodes"
    assert q.cue is not None and q.cue.text == "recalled"
    assert len(q.content.spans) == 2


def test_speaker_with_appositive_keeps_closing_comma(nlp: Language) -> None:
    rec = _record(
        nlp,
        "''The union will not sign this deal,'' Jane Roe, a senior negotiator for the "
        "dockers, said after the meeting.",
    )
    q = _only(rec)
    assert q.speaker is not None
    assert q.speaker.text == "Jane Roe, a senior negotiator for the dockers,"
    assert q.content.text == "''The union will not sign this deal,''"


def test_colon_cue_runs_to_the_colon(nlp: Language) -> None:
    rec = _record(
        nlp, "As Tom Berg, a former harbour master, put it: ''The cranes are idle and waiting.''"
    )
    q = _only(rec)
    assert q.speaker is not None and q.speaker.text.startswith("Tom Berg")
    assert q.cue is not None and q.cue.text == "put it:"
    assert q.kind == "direct"


def test_quotation_resumed_after_the_cue(nlp: Language) -> None:
    rec = _record(
        nlp, "''The voters are furious,'' Mr. Gidley said, ''and they are not letting it go.''"
    )
    q = _only(rec)
    assert _parts(rec, q) == [
        "''The voters are furious,''",
        "''and they are not letting it go.''",
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "The minister denounced the strike as ''reckless and harmful'' on Tuesday.",
            "the strike as ''reckless and harmful''",
        ),
        (
            "The mayor accused the union of ''holding the city hostage.''",
            "the union of ''holding the city hostage.''",
        ),
        (
            "The governor said the port would reopen soon, but that talks would take weeks.",
            "the port would reopen soon, but that talks would take weeks",
        ),
        ("Jane Roe supports reopening the northern docks.", "reopening the northern docks"),
    ],
)
def test_content_edges(nlp: Language, body: str, content: str) -> None:
    assert _only(_record(nlp, body)).content.text == content


def test_relative_clause_source_keeps_comma(nlp: Language) -> None:
    rec = _record(nlp, "Jane Roe, who chairs the harbour board, said the cranes would restart.")
    q = _only(rec)
    assert q.speaker is not None and q.speaker.text == "Jane Roe, who chairs the harbour board,"


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("''It is over,'' the mayor said with a laugh.", "said with a laugh"),
        # a one-word day joins the cue, a longer date phrase does not
        ("The union vowed Sunday that it would strike again.", "vowed Sunday"),
        ("The union vowed last month that it would strike again.", "vowed"),
    ],
)
def test_cue_edges(nlp: Language, body: str, cue: str) -> None:
    q = _only(_record(nlp, body))
    assert q.cue is not None and q.cue.text == cue


def test_quotation_only_when_a_new_phrase_follows(nlp: Language) -> None:
    q = _only(_record(nlp, "He said ''Harbour Days'' five times during the speech."))
    assert q.content.text == "''Harbour Days''"


def test_writer_lead_in_is_not_content(nlp: Language) -> None:
    rec = _record(nlp, "The mayor praised the crews - ''They worked all night,'' he said.")
    said = next(q for q in rec.quotes if q.cue is not None and q.cue.text == "said")
    assert said.content.text == "''They worked all night,''"


def test_any_verb_before_a_full_quotation(nlp: Language) -> None:
    q = _only(_record(nlp, "The mayor cracked, ''I am a sailor, but I like dry land.''"))
    assert q.speaker is not None and q.speaker.text == "The mayor"
    assert q.cue is not None and q.cue.text == "cracked"


def test_round_up_line_more_from(nlp: Language) -> None:
    q = _only(
        _record(nlp, "Signs were there all along -More from Jane Roe: ''The cranes never stop.''")
    )
    assert q.speaker is not None and q.speaker.text == "Jane Roe"
    assert q.cue is not None and q.cue.text == ":"


def test_closing_mark_after_inner_quote_and_spaces() -> None:
    text = "''There was a backlash against 'Harbour Days,'  '' Ms. Roe noted. ''Fine.''"
    segments = scan(text)
    assert [text[s.start : s.end] for s in segments] == [
        "''There was a backlash against 'Harbour Days,'  ''",
        "''Fine.''",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "''",
        "'' said",
        "The mayor said, ''",
        "Roe put it: '' ''",
        "''A,'' said",
        "— ''Ja,'' sagte er. «Nein» ''",
    ],
)
def test_odd_marks_never_crash(nlp: Language, body: str) -> None:
    rec = _record(nlp, body)
    for q in rec.quotes:
        assert all(0 <= s < e <= len(rec.text) for s, e in q.content.spans)


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        (
            "The dockers are confident that the port will reopen.",
            "are confident",
            "that the port will reopen",
        ),
        ("The mayor was angry about the delays.", "was angry about", "the delays"),
        ("Jane Roe is a longtime critic of the harbour board.", "is a longtime critic of",
         "the harbour board"),
    ],
)
def test_stance_words(nlp: Language, body: str, cue: str, content: str) -> None:
    q = _only(_record(nlp, body))
    assert q.cue is not None and q.cue.text == cue
    assert q.content.text == content
    assert q.speaker is not None


def test_title_case_headline_verb(nlp: Language) -> None:
    doc = prepare_doc(
        read_plain(
            "Harbour Chief Says Cranes Will Restart Monday, Calls Strike Costly\n\n"
            "The harbour chief spoke to reporters on Friday.\n",
            Source(),
        ),
        "2023-03-06",
        nlp,
    )
    assert not isinstance(doc, Exception)
    rec = build_record(nlp(doc))
    head = next(q for q in rec.quotes if q.content.spans[0][1] < 70)
    assert head.speaker is not None and head.speaker.text == "Harbour Chief"
    assert head.cue is not None and head.cue.text == "Says"
    assert head.content.text == "Cranes Will Restart Monday"


def test_made_it_clear(nlp: Language) -> None:
    q = _only(_record(nlp, "The mayor made it clear that the cranes would restart."))
    assert q.cue is not None and q.cue.text == "made it clear"
    assert q.content.text == "that the cranes would restart"
