"""Entities: one per real-world actor, with mentions as evidence.

Baseline: spaCy's named entities, grouped by their text and label.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dateline.record import Entity, Mention

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"}


@Language.component("dateline_entities")
def find_entities(doc: Doc) -> Doc:
    groups: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        key = (ent.text.lower(), ent.label_)
        if key not in groups:
            groups[key] = Entity(id=f"e{len(groups) + 1}", name=ent.text, type=ent.label_)
        groups[key].mentions.append(
            Mention(text=ent.text, span=(ent.start_char, ent.end_char), kind="name")
        )
    doc._.entities = list(groups.values())
    return doc
