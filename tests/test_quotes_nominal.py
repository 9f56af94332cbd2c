"""Attribution round 7: noun cues with a holder (``the mayor's criticism of X``, ``voiced
support for X``) and verbs whose content follows their own preposition (``agreed with X``,
``warned against X``). Short wire-style texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.read.plain import read_plain
from dateline.record import Record, Source

HEAD = "Port talks stall\n\n"


def _record(nlp: Language, body: str) -> Record:
    doc = prepare_doc(read_plain(HEAD + body, Source()), "2023-03-06", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _triples(rec: Record) -> list[tuple[str | None, str | None, list[str]]]:
    return [
        (
            q.speaker.text if q.speaker else None,
            q.cue.text if q.cue else None,
            [rec.text[s:e] for s, e in q.content.spans],
        )
        for q in rec.quotes
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The mayor's criticism of the port authority drew applause from dockers.",
            ("The mayor's", "criticism of", ["the port authority"]),
        ),
        (
            "Union leaders voiced support for the strike in Gdansk.",
            ("Union leaders", "voiced support for", ["the strike in Gdansk"]),
        ),
        (
            "The minister's decision to close the terminal angered the dockers.",
            ("The minister's", "decision", ["to close the terminal"]),
        ),
        (
            "Shipping firms raised questions about whether the terminal would reopen.",
            ("Shipping firms", "raised questions about", ["whether the terminal would reopen"]),
        ),
        (
            "Ana Lutz has made the case that the port needs more cranes.",
            ("Ana Lutz", "has made the case", ["that the port needs more cranes"]),
        ),
    ],
)
def test_noun_cues(nlp: Language, body: str, expected: tuple) -> None:
    rec = _record(nlp, body)
    assert _triples(rec) == [expected]
    q = rec.quotes[0]
    assert q.kind == "indirect"
    assert q.cue is not None and rec.text[q.cue.span[0] : q.cue.span[1]] == expected[1]


def test_noun_without_holder_or_content_is_no_cue(nlp: Language) -> None:
    # 'support' is a cue only after a light verb; a bare stance noun has nothing to report
    assert _record(nlp, "Her support for the new terminal is well known.").quotes == []
    assert _record(nlp, "His criticism was sharp.").quotes == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Two port unions agreed with the assessment.",
            ("Two port unions", "agreed with", ["the assessment"]),
        ),
        (
            "The ministry warned against any blockade of the harbour.",
            ("The ministry", "warned against", ["any blockade of the harbour"]),
        ),
        (
            "The port authority did not respond to a request for comment.",
            ("The port authority", "did not respond to", ["a request for comment"]),
        ),
    ],
)
def test_verb_prepositions(nlp: Language, body: str, expected: tuple) -> None:
    assert _triples(_record(nlp, body)) == [expected]


def test_noun_cue_with_unbalanced_mark_stays_in_its_paragraph(nlp: Language) -> None:
    body = (
        "The union's demand for ''fair pay spread along the quay.\n\n"
        "Talks resume on Monday in Riga."
    )
    rec = _record(nlp, body)
    for q in rec.quotes:
        for s, e in q.content.spans:
            assert "Talks resume" not in rec.text[s:e]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            # a fronted 'On Monday,' is no content preposition
            "On Monday, the mayor called on dockers to end the strike.",
            ("the mayor", "called on", ["dockers to end the strike"]),
        ),
        (
            "The union called for the minister to resign.",
            ("The union", "called for", ["the minister to resign"]),
        ),
        (
            "Ana Lutz sees the port as crippled by debt.",
            ("Ana Lutz", "sees", ["the port as crippled by debt"]),
        ),
        (
            # 'as' with a subject of its own is a time clause, the writer's
            "Ana Lutz opposed the plan as she ran for mayor.",
            ("Ana Lutz", "opposed", ["the plan"]),
        ),
    ],
)
def test_object_and_clause_complements(nlp: Language, body: str, expected: tuple) -> None:
    assert _triples(_record(nlp, body)) == [expected]


def test_reportedly_attributes_its_clause_to_no_one(nlp: Language) -> None:
    rec = _record(nlp, "The minister was reportedly on the ship when it sank.")
    assert _triples(rec) == [(None, "reportedly", ["The minister was", "on the ship when it sank"])]
    # a hedge of the writer's own is no attribution
    assert _record(nlp, "The minister was apparently on the ship when it sank.").quotes == []
