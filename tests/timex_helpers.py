"""Run the pipeline on one sentence of ours with a reference date; check every span."""

from __future__ import annotations

from spacy.language import Language

from dateline.read import Article
from dateline.record import Published, Timex


def timexes(nlp: Language, text: str, published: str | None) -> list[Timex]:
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text)
    doc._.published = Published(date=published, origin="option") if published else None
    doc = nlp(doc)
    for t in doc._.timexes:
        assert text[t.span[0] : t.span[1]] == t.text
    return list(doc._.timexes)


def found(nlp: Language, text: str, published: str | None) -> list[tuple]:
    """(text, type, value) of each timex, in text order."""
    return [(t.text, t.type, t.value) for t in timexes(nlp, text, published)]
