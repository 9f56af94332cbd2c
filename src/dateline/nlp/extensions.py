"""The Doc extensions dateline's components read and write.

``doc._.article`` is set before the parse (the reader's Article, with the reference
date); each component writes its own list, and the record is assembled from them once.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = ("article", "published", "entities", "quotes", "timexes")


def doc_text(doc: Doc) -> str:
    """The Doc's text without ``Doc.text``, which spaCy rebuilds from the tokens on every
    access: the Article's string is the same text when the Doc was made from it, which
    its length and last token confirm."""
    article = doc._.article if doc.has_extension("article") else None
    text = getattr(article, "text", None)
    if isinstance(text, str) and len(doc):
        last = doc[-1]
        if len(text) == last.idx + len(last.text_with_ws) and text.endswith(last.text_with_ws):
            return text
    return doc.text


def register() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
