"""Temporal expressions: span, TIMEX3 type and value resolved against the reference date.

Baseline: spaCy's DATE and TIME entities, typed but not yet resolved.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.record import Timex


@Language.component("dateline_timexes")
def find_timexes(doc: Doc) -> Doc:
    out: list[Timex] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append(
                Timex(
                    id=f"t{len(out) + 1}",
                    text=ent.text,
                    span=(ent.start_char, ent.end_char),
                    type=ent.label_,
                )
            )
    doc._.timexes = out
    return doc
