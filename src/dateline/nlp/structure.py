"""Sentence starts from the article's layout, set before the parser runs.

Headlines and deks have no full stop, and a dateline runs into its first sentence; left
alone, the parser glues them to the body. Every line break and the end of the dateline
therefore open a new sentence, which the parser respects.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_structure")
def mark_structure(doc: Doc) -> Doc:
    if len(doc) < 2:
        return doc
    starts: list[int] = []
    pending = False  # a line break was seen; the next non-space token opens a sentence
    for token in doc:
        if pending and not token.is_space:
            starts.append(token.i)
            pending = False
        if "\n" in token.text or "\n" in token.whitespace_:
            pending = True
    article = doc._.article
    if article is not None and article.dateline is not None:
        end = article.dateline.span[1]
        span = doc.char_span(end, len(article.text), alignment_mode="expand")
        if span is not None and len(span):
            first = next((t.i for t in span if not t.is_space), None)
            if first is not None:
                starts.append(first)
    if starts:
        # One array write instead of a setter per token: the setter rescans the doc.
        values = doc.to_array([SENT_START]).astype(numpy.int32)
        values[starts] = 1
        values[0] = 1
        doc.from_array([SENT_START], values.astype(numpy.uint64))
    return doc
