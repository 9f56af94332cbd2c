"""The faster code paths of issue 6 give what the plain ones gave (written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from dateline.corpus.entities import link_entities
from dateline.nlp.entities_candidates import Candidates
from dateline.nlp.entities_data import lexicon
from dateline.nlp.timex_prefilter import FOLD, fold
from dateline.record import Entity, Mention


def test_fold_is_translate_over_every_code_point() -> None:
    every = "".join(chr(c) for c in range(0x110000))  # lone surrogates included
    assert fold(every) == every.translate(FOLD)
    assert fold("KAZAKH İzmir ſ K “Monday”") == "kazakh izmir s k “monday”"
    assert fold("") == ""
    assert fold("ASCII ONLY") == "ascii only"


def test_token_texts_sliced_from_the_text(nlp: Language) -> None:
    text = "ALMATY, Jan. 5 (Reuters) — Kazakh President Kassym-Jomart Tokayev’s office said:  ok"
    doc = nlp.make_doc(text)
    found = Candidates(doc, lexicon())
    assert [found.tok(i) for i in range(len(doc))] == [t.text for t in doc]
    for s in range(len(doc)):
        for e in range(s, len(doc) + 1):
            assert found.span_text(s, e) == doc[s:e].text
    assert found.is_title == [t.is_title for t in doc]
    assert found.is_alpha == [t.is_alpha for t in doc]
    assert found.is_upper == [t.is_upper for t in doc]
    assert found.is_lower == [t.is_lower for t in doc]
    assert found.is_space == [t.is_space for t in doc]
    assert found.is_punct == [t.is_punct for t in doc]
    ent = next(e for e in doc.ents) if doc.ents else None
    assert found.ents == doc.ents and (ent is None or ent.text in found.ent_texts)


def test_trim_on_odd_tokens(nlp: Language) -> None:
    doc = nlp.make_doc("the  “Almaty’s” , — ")
    found = Candidates(doc, lexicon())
    start, end = found.trim(0, len(doc), "GPE")
    assert found.span_text(start, end) == "Almaty"
    tail = found.trim(len(doc) - 2, len(doc))
    assert tail[0] >= tail[1]  # only a dash and a space: nothing left


def test_org_classes_cached_result_is_a_fresh_set() -> None:
    lex = lexicon()
    first = lex.org_classes("Port Authority of Ruvania")
    first.add("changed")
    assert "changed" not in lex.org_classes("Port Authority of Ruvania")
    assert lex.org_classes("") == set()


def _ent(eid: str, name: str) -> Entity:
    return Entity(id=eid, name=name, type="PERSON",
                  mentions=[Mention(text=name, span=(0, len(name)))])


def test_linking_counts_a_member_once_and_says_why() -> None:
    pairs = [("a1", _ent("e1", "Aibek Omurov")), ("a2", _ent("e1", "Omurov")),
             ("a2", _ent("e1", "Omurov")), ("a3", _ent("e2", "Sadyr Japarov"))]
    corpus = link_entities(pairs)
    assert [ce.name for ce in corpus] == ["Aibek Omurov", "Sadyr Japarov"]
    assert corpus[0].members == [("a1", "e1"), ("a2", "e1")]
    assert corpus[0].mentions == 2
    assert corpus[0].evidence == ["a2/e1 'Omurov': surname 'omurov'"]
    again = link_entities([("a4", _ent("e3", "Omurov"))], corpus)
    assert again[0].members[-1] == ("a4", "e3") and len(again) == 2
