"""One corpus-level id per real-world actor across articles, with evidence for each merge.

Baseline: article entities with the same normalised name and type are one actor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.record import Entity, Role


@dataclass
class CorpusEntity:
    id: str
    """Stable across runs: derived from the canonical name and type."""
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)
    """(article id, article-local entity id) pairs merged into this actor."""
    evidence: list[str] = field(default_factory=list)
    """One line per merge saying why the members were judged the same actor."""


def corpus_id(name: str, type_: str) -> str:
    key = f"{type_}:{' '.join(name.lower().split())}"
    return "E" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def link_entities(items: Iterable[tuple[str, Entity]]) -> list[CorpusEntity]:
    """Group article entities ``(article_id, entity)`` into corpus entities."""
    groups: dict[str, CorpusEntity] = {}
    for article_id, ent in items:
        cid = corpus_id(ent.name, ent.type)
        ce = groups.get(cid)
        if ce is None:
            ce = groups[cid] = CorpusEntity(id=cid, name=ent.name, type=ent.type)
        elif (article_id, ent.id) not in ce.members:
            ce.evidence.append(f"{article_id}/{ent.id}: same name and type as {ce.name!r}")
        ce.members.append((article_id, ent.id))
        for alias in ent.aliases:
            if alias not in ce.aliases:
                ce.aliases.append(alias)
        for role in ent.roles:
            if role not in ce.roles:
                ce.roles.append(role)
    return list(groups.values())
