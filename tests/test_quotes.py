"""Quotation attribution on short wire-style texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.analyze import _prepare, build_record
from dateline.nlp.quotes_marks import scan
from dateline.read.plain import read_plain
from dateline.record import Quote, Record, Source

STORY = (
    "Bloc helps Moldova keep order — deputy premier\n"
    "ASTANA, March 3. /WIRE/. The observers helped Moldova keep public order, Deputy Prime "
    "Minister Ion Darie told the Radio Centru channel on Monday.\n"
    '"The calm decision of the government saved the city," he pointed out.\n'
    "According to Darie, the night was tense. \"The patrols worked well. They kept the "
    'bridges open," the deputy prime minister explained, adding that "it made the '
    'difference."\n'
    "Order, officials insist, was back in every district by March 1.\n"
)


def _record(nlp: Language, text: str, published: str = "2023-03-06") -> Record:
    article = read_plain(text, Source())
    doc = _prepare(article, published, nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _find(record: Record, cue: str) -> Quote:
    return next(q for q in record.quotes if q.cue and q.cue.text == cue)


def _span(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0] : span[1]]


def test_story_attributions(nlp: Language) -> None:
    rec = _record(nlp, STORY)
    text = rec.text
    told = _find(rec, "told")
    assert told.kind == "indirect"
    assert _span(text, told.speaker.span).endswith("Ion Darie")  # type: ignore[union-attr]
    assert told.channel is not None and told.channel.text == "the Radio Centru channel"
    assert told.content.text.startswith("The observers helped Moldova")
    pointed = _find(rec, "pointed out")
    assert pointed.kind == "direct"
    assert pointed.speaker is not None and pointed.speaker.text == "he"
    assert _span(text, pointed.content.spans[0]).startswith('"The calm decision')
    explained = _find(rec, "explained")
    assert explained.kind == "direct"
    assert "They kept the bridges open" in explained.content.text
    adding = _find(rec, "adding")
    assert adding.kind == "mixed"
    assert adding.content.text == 'that "it made the difference."'
    according = _find(rec, "According to")
    assert according.speaker is not None and according.speaker.text == "Darie"
    assert according.content.text == "the night was tense"
    affirm = _find(rec, "insist")
    assert affirm.speaker is not None and affirm.speaker.text == "officials"
    assert [_span(text, s) for s in affirm.content.spans] == [
        "Order",
        "was back in every district by March 1",
    ]


def test_headline_dash(nlp: Language) -> None:
    rec = _record(nlp, STORY)
    head = rec.quotes[0]
    assert head.speaker is not None and head.speaker.text == "deputy premier"
    assert head.content.text == "Bloc helps Moldova keep order"


def test_pronoun_and_description_resolve_to_the_named_speaker(nlp: Language) -> None:
    rec = _record(nlp, STORY)
    told = _find(rec, "told")
    target = told.speaker.entity  # type: ignore[union-attr]
    if target is None:  # the entities component found no name here: nothing to resolve to
        return
    for cue in ("pointed out", "explained"):
        assert _find(rec, cue).speaker.entity == target  # type: ignore[union-attr]
    entity = next(e for e in rec.entities if e.id == target)
    kinds = {m.kind for m in entity.mentions}
    assert "pronoun" in kinds


def test_statement_date_from_timex(nlp: Language) -> None:
    rec = _record(nlp, STORY)
    told = _find(rec, "told")
    monday = next((t for t in rec.timexes if t.text == "Monday"), None)
    if monday is None or monday.value is None:
        return  # the timex component did not resolve "Monday": no date to take
    assert told.date is not None and told.date.timex == monday.id
    assert told.date.value == monday.value


def test_quote_after_verb_and_continuation(nlp: Language) -> None:
    text = (
        'Mayor Ana Lupu said: "We will rebuild the market." Officials agreed.\n'
        '"It will take a year," said Lupu. "We have the money for it now."\n'
    )
    rec = _record(nlp, text)
    said = _find(rec, "said:")
    assert said.kind == "direct"
    assert said.content.text == '"We will rebuild the market."'
    inverted = [q for q in rec.quotes if q.speaker and q.speaker.text == "Lupu"]
    assert len(inverted) == 1
    spans = [_span(text, s) for s in inverted[0].content.spans]
    assert spans == ['"It will take a year,"', '"We have the money for it now."']


def test_odd_marks_never_swallow_the_article(nlp: Language) -> None:
    text = (
        'The minister said "the plan is ready and\n'
        "Officials said the talks would resume on Friday.\n"
        "He called the offer ''generous,'' and the union said «no».\n"
    )
    rec = _record(nlp, text)
    for q in rec.quotes:
        for s, e in q.content.spans:
            assert "\n" not in text[s:e].strip()
    assert any(q.content.text == "the talks would resume on Friday" for q in rec.quotes)


def test_empty_and_quote_only_text(nlp: Language) -> None:
    assert _record(nlp, "\n").quotes == []
    assert isinstance(_record(nlp, '"').quotes, list)


def test_scan_marks() -> None:
    text = "He said \u201cyes\u201d and ''no'' and \u00abmaybe\u00bb; Karin's 'word'."
    got = [text[s.start : s.end] for s in scan(text)]
    assert got == ["\u201cyes\u201d", "''no''", "\u00abmaybe\u00bb", "'word'"]
    para = '"First paragraph runs on\n"and ends here."'
    segs = scan(para)
    assert len(segs) == 2 and segs[0].continues and segs[1].continued
    assert scan('an open " mark') == []
