"""Sentence starts from the article's layout, set before the parser runs.

Headlines and deks have no full stop, and a dateline runs into its first sentence; left
alone, the parser glues them to the body. Every line break and the end of the dateline
therefore open a new sentence, which the parser respects.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_structure")
def mark_structure(doc: Doc) -> Doc:
    starts: set[int] = set()
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            starts.add(i + 1)
    article = doc._.article
    if article is not None and article.dateline is not None:
        end = article.dateline.span[1]
        span = doc.char_span(end, len(doc.text), alignment_mode="expand")
        if span is not None and len(span):
            starts.add(span.start)
    for i in sorted(starts):
        if i < len(doc) and not doc[i].is_space:
            doc[i].is_sent_start = True
        elif i < len(doc):
            # the sentence starts at the first token after the run of whitespace
            j = i
            while j < len(doc) and doc[j].is_space:
                j += 1
            if j < len(doc):
                doc[j].is_sent_start = True
    return doc
