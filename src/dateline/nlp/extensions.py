"""The Doc extensions dateline's components read and write.

``doc._.article`` is set before the parse (the reader's Article, with the reference
date); each component writes its own list, and the record is assembled from them once.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = ("article", "published", "entities", "quotes", "timexes")


def register() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
