"""Quotations and reported speech: who said what, with cue, content and channel."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.record import Quote


@Language.component("dateline_quotes")
def find_quotes(doc: Doc) -> Doc:
    quotes: list[Quote] = []
    doc._.quotes = quotes
    return doc
