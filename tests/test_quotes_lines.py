"""Speaker lines (``NAME: ...``) versus labels and lists that only look like them."""

from __future__ import annotations

from spacy.language import Language

from dateline.analysis import build_record, prepare_doc
from dateline.read.plain import read_plain
from dateline.record import Record, Source


def _record(nlp: Language, text: str) -> Record:
    doc = prepare_doc(read_plain(text, Source()), "2023-03-06", nlp)
    assert not isinstance(doc, Exception)
    return build_record(nlp(doc))


def _colon_speakers(rec: Record) -> list[str]:
    return [q.speaker.text for q in rec.quotes if q.cue and q.cue.text == ":" and q.speaker]


def test_labels_and_lists_are_not_speakers(nlp: Language) -> None:
    text = (
        "Port reopens after storm.\n\n"
        "The harbour master said the port would reopen on Friday.\n\n"
        "UPDATE: The port reopened on Friday morning, officials said.\n\n"
        "Q: When will the ferries run again?\n\n"
        "A: I think they will run by Monday.\n\n"
        "Panel: Ana Lupu, Ivo Kern, Mara Dale, Tom Reyes.\n\n"
        "Lupu: \u201cThe berths are clear.\u201d\n"
    )
    rec = _record(nlp, text)
    assert _colon_speakers(rec) == ["Lupu"]
    # the answer's own cue is still read
    think = [q for q in rec.quotes if q.cue and q.cue.text == "think"]
    assert think and think[0].content.text == "they will run by Monday"


def test_odd_colon_lines_do_not_crash(nlp: Language) -> None:
    odd = ("A:", ":\n\nQ: ?", "UPDATE:\u00a0\u201c", "Ivo: \u00abD\u00e9j\u00e0 vu\u00bb, dit-il.")
    for text in odd:
        _record(nlp, text)


def test_object_ends_before_an_aside(nlp: Language) -> None:
    text = "The mayor praised Jane Roe, who has led the harbour board since 2019.\n"
    rec = _record(nlp, text)
    praised = next(q for q in rec.quotes if q.cue and q.cue.text == "praised")
    assert praised.content.text == "Jane Roe"
