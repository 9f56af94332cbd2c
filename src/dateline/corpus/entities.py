"""One corpus-level id per real-world actor across articles, with evidence for each merge.

Article entities are linked in input order to the corpus entities seen so far:

- same type and the same name or alias, folded ("Constanța" = "Constanta", "CSTO" alias);
- a person's bare surname ("Karin") to the one full name with that surname, choosing by
  role title when several people share it;
- a person known only by a description ("the state secretary") to the one person holding
  that role title (and country);
- two people who share a surname but not a first name, or whose roles clash, stay apart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.nlp.entities_data import fold
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
    mentions: int = 0
    """Mentions over all members."""


def corpus_id(name: str, type_: str) -> str:
    key = f"{type_}:{' '.join(name.lower().split())}"
    return "E" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _named(ent: Entity) -> bool:
    """Whether the entity has a proper name (not only descriptions and pronouns)."""
    kinds = {m.kind for m in ent.mentions}
    return not kinds or bool(kinds & {"name", "title", "acronym", "alias", "demonym"})


def _names(ent: Entity | CorpusEntity) -> set[str]:
    return {fold(n) for n in [ent.name, *ent.aliases] if n}


def _titles(roles: Iterable[Role]) -> set[str]:
    return {fold(r.title).removeprefix("former ").replace("-", " ") for r in roles}


def _clash(a: Iterable[Role], b: Iterable[Role]) -> bool:
    """Roles with the same title but another country or organisation."""
    for ra in a:
        for rb in b:
            if fold(ra.title) != fold(rb.title):
                continue
            if ra.country and rb.country and ra.country != rb.country:
                return True
    return False


def _full(name: str) -> list[str]:
    return fold(name).split()


def _find(ent: Entity, corpus: list[CorpusEntity]) -> tuple[CorpusEntity | None, str]:
    same_type = [c for c in corpus if c.type == ent.type]
    names = _names(ent)
    if _named(ent):
        folded = fold(ent.name)
        full = [c for c in same_type if len(folded.split()) > 1 and fold(c.name) == folded]
        if len(full) == 1:
            return full[0], f"same full name {ent.name!r}"
        exact = [c for c in same_type if names & _names(c) and not _clash(ent.roles, c.roles)]
        if ent.type == "PERSON":
            # "Ioana Popescu" and "Marius Popescu" share an alias "Popescu": not enough
            words = _full(ent.name)
            exact = [c for c in exact if len(words) < 2 or len(_full(c.name)) < 2
                     or words[0] == _full(c.name)[0]]
        if len(exact) == 1:
            shared = sorted(names & _names(exact[0]))[0]
            return exact[0], f"same name or alias {shared!r}"
        if ent.type == "PERSON":
            words = _full(ent.name)
            pool = exact or same_type
            surname = [c for c in pool if _full(c.name)[-1:] == words[-1:]
                       and not _clash(ent.roles, c.roles)]
            if len(words) >= 2:
                surname = [c for c in surname if len(_full(c.name)) < 2
                           or _full(c.name)[0] == words[0]]
            if len(surname) > 1 and ent.roles:
                surname = [c for c in surname if _titles(c.roles) & _titles(ent.roles)]
            if len(surname) == 1:
                return surname[0], f"surname {words[-1]!r}" + (
                    " and role" if ent.roles else "")
        return None, ""
    # known only by descriptions: link by role title (and country)
    titles = _titles(ent.roles) or {fold(ent.name).removeprefix("the ")}
    by_role = [c for c in same_type if _titles(c.roles) & titles
               and not _clash(ent.roles, c.roles)]
    if len(by_role) == 1:
        return by_role[0], f"role {sorted(_titles(by_role[0].roles) & titles)[0]!r}"
    return None, ""


def link_entities(
    items: Iterable[tuple[str, Entity]], corpus: list[CorpusEntity] | None = None
) -> list[CorpusEntity]:
    """Group article entities ``(article_id, entity)`` into corpus entities.

    ``corpus`` (extended in place) continues an earlier linking: the store links only
    the articles added since.
    """
    corpus = [] if corpus is None else corpus
    for article_id, ent in items:
        ce, why = _find(ent, corpus)
        if ce is None:
            ce = CorpusEntity(id="", name=ent.name, type=ent.type)
            corpus.append(ce)
        elif (article_id, ent.id) not in ce.members:
            ce.evidence.append(f"{article_id}/{ent.id} {ent.name!r}: {why}")
        if (article_id, ent.id) not in ce.members:
            ce.members.append((article_id, ent.id))
            ce.mentions += len(ent.mentions)
        if _named(ent) and len(_full(ent.name)) > len(_full(ce.name)):
            ce.aliases.append(ce.name)
            ce.name = ent.name
        for alias in [ent.name, *ent.aliases]:
            if fold(alias) != fold(ce.name) and all(fold(alias) != fold(a) for a in ce.aliases):
                ce.aliases.append(alias)
        ce.aliases = [a for a in ce.aliases if fold(a) != fold(ce.name)]
        for role in ent.roles:
            same = (fold(role.title), role.organization, role.country)
            if all((fold(r.title), r.organization, r.country) != same for r in ce.roles):
                ce.roles.append(role.model_copy(update={"span": None}))
    for ce in corpus:
        ce.id = corpus_id(ce.name, ce.type)
    return corpus
