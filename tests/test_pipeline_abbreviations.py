"""Ranks and titles written with a full stop stay one token, so the name after them stays
whole and the sentence does not end at "Col."."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.read.plain import read_plain
from dateline.record import Source


def test_abbreviated_ranks_are_one_token(nlp: Language) -> None:
    doc = nlp.make_doc("Col. Ann Roe met Sgt. Dan Vance and Lt. Eve Moss on Ft. Hood Ave.")
    assert [t.text for t in doc][:3] == ["Col.", "Ann", "Roe"]
    assert "Sgt." in [t.text for t in doc] and "Lt." in [t.text for t in doc]


def test_a_ranked_speaker_keeps_the_rank_and_the_sentence(nlp: Language) -> None:
    text = (
        "Raid ends\nBAGHDAD (Wire) -- Col. Ann Roe, a military spokeswoman, said the raid "
        "was over. Lt. Dan Vance of the state police said two people were hurt.\n"
    )
    doc = prepare_doc(read_plain(text, Source()), "2023-05-03", nlp)
    assert not isinstance(doc, Exception)
    record = build_record(nlp(doc))
    roles = {e.name: [r.title for r in e.roles] for e in record.entities}
    assert roles["Ann Roe"][0] == "Colonel"
    assert roles["Dan Vance"] == ["Lieutenant"]
    assert [(q.speaker.text, q.content.text) for q in record.quotes] == [
        ("Col. Ann Roe, a military spokeswoman,", "the raid was over"),
        ("Lt. Dan Vance of the state police", "two people were hurt"),
    ]
