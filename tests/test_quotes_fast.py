"""The quotes component's fast paths give what the spaCy calls they replace give."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.strings import StringStore

from dateline.nlp.quotes_lexicon import verbs
from dateline.nlp.quotes_rules import LowerIn, Quotes, _depth, _heads, _maybe_cues

TEXT = (
    'MOSCOW, March 3 (Wire) -- The minister said on Monday that talks would go on.\n\n'
    '"We will see,"  she told reporters, adding: "Nothing is settled."  Ex-aide\u00a0Li '
    "denied it \u2014 and Sen. Roe (D-Vt.) \u00abdisagreed\u00bb."
)


def test_token_span_matches_char_span(nlp: Language) -> None:
    doc = nlp(TEXT)
    quotes = Quotes(doc, [], TEXT)
    n = len(TEXT)
    for start in range(-2, n + 3):
        for end in range(start - 2, min(n + 3, start + 25)):
            try:
                span = doc.char_span(start, end, alignment_mode="expand")
            except IndexError:  # spaCy refuses some empty spans: so must token_span
                with pytest.raises(IndexError):
                    quotes.token_span(start, end)
                continue
            want = (span.start, span.end) if span is not None else None
            assert quotes.token_span(start, end) == want, (start, end)


def test_token_span_on_empty_doc(nlp: Language) -> None:
    doc = nlp("")
    quotes = Quotes(doc, [], "")
    assert quotes.token_span(0, 0) is None
    assert quotes.token_span(0, 3) is None


def test_depth_is_number_of_ancestors(nlp: Language) -> None:
    doc = nlp(TEXT)
    heads = _heads(doc)
    assert [_depth(heads, t.i) for t in doc] == [len(list(t.ancestors)) for t in doc]


def test_maybe_cues_has_lexicon_words_and_clause_verbs(nlp: Language) -> None:
    doc = nlp(TEXT)
    lexicon = verbs()
    got = _maybe_cues(doc, lexicon)
    want = [
        t.i
        for t in doc
        if t.lemma_.lower() in lexicon
        or t.lower_ in lexicon
        or (t.pos_ == "VERB" and t.dep_ in {"ROOT", "parataxis", "ccomp"})
    ]
    assert got == want
    assert doc[got[0]].text == "said"


def test_lower_in_remembers_answers() -> None:
    strings = StringStore(["Said", "said", "Moscow", ""])
    table = LowerIn({"said"})
    hashes = {strings["Said"], strings["said"], strings["Moscow"], strings[""]}
    assert sorted(strings[h] for h in table.known(strings, hashes)) == ["Said", "said"]
    # a second Doc: answers come from the sets, new hashes are looked up
    strings.add("SAID")
    assert table.known(strings, {strings["SAID"], strings["Moscow"]}) == [strings["SAID"]]
    assert table.known(strings, set()) == []
