"""One corpus-level id per real-world actor across articles, with evidence for each merge.

Article entities are linked in input order to the corpus entities seen so far:

- same type and the same name or alias, folded ("Constanța" = "Constanta", "CSTO" alias);
- a person's bare surname ("Karin") to the one full name with that surname, choosing by
  role title when several people share it;
- a person known only by a description ("the state secretary") to the one person holding
  that role title (and country);
- two people who share a surname but not a first name, or whose roles clash, stay apart.

Candidates are looked up in indexes by (type, folded name or alias), (type, surname) and
(type, role title), so linking grows with the number of entities, not its square.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.nlp.entities_data import fold, lexicon
from dateline.record import Entity, Role


@dataclass
class CorpusEntity:
    id: str
    """Stable and distinct: derived from the first member (article id, entity id), so
    two actors the linker keeps apart never share an id, and a longer name arriving
    later does not change it. Linking the same corpus in the same order gives the same ids."""
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


def corpus_id(article_id: str, entity_id: str) -> str:
    """The id of a corpus entity whose first member is this article entity."""
    key = f"{article_id}\t{entity_id}"
    return "E" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _named(ent: Entity) -> bool:
    """Whether the entity has a proper name (not only descriptions and pronouns)."""
    kinds = {m.kind for m in ent.mentions}
    return not kinds or bool(kinds & {"name", "title", "acronym", "alias", "demonym"})


def _names(ent: Entity | CorpusEntity) -> set[str]:
    names = {fold(n) for n in [ent.name, *ent.aliases] if n}
    if ent.type == "PERSON":
        names |= {_without_initials(n) for n in names}
    return names


def _without_initials(name: str) -> str:
    """"donald j. trump" -> "donald trump": a middle initial is a style, not a person."""
    words = name.split()
    if len(words) < 3:
        return name
    middle = [w for w in words[1:-1] if len(w.rstrip(".")) > 1]
    return " ".join([words[0], *middle, words[-1]])


def _initials_agree(a: str, b: str) -> bool:
    """"George H. W. Bush" and "George W. Bush" are two people: initials may be left out
    on one side, but when both names give them they must be the same."""
    ia, ib = (a != _without_initials(a)), (b != _without_initials(b))
    return not (ia and ib) or a == b


def _title(title: str) -> str:
    """A role title without "former", hyphens as spaces: "Former Secretary-General"."""
    words = fold(title).replace("-", " ").split()
    while words and words[0] in lexicon().words("former"):
        words = words[1:]
    return " ".join(words)


def _titles(roles: Iterable[Role]) -> set[str]:
    return {_title(r.title) for r in roles}


def _clash(a: Iterable[Role], b: Iterable[Role]) -> bool:
    """Roles with the same title but another country, or another organisation."""
    for ra in a:
        for rb in b:
            if _title(ra.title) != _title(rb.title):
                continue
            if ra.country and rb.country and ra.country != rb.country:
                return True
            if (ra.organization and rb.organization
                    and fold(ra.organization) != fold(rb.organization)):
                return True
    return False


def _full(name: str) -> list[str]:
    return fold(name).split()


class _Index:
    """Corpus entities by (type, folded name or alias), (type, surname), (type, title)."""

    def __init__(self, corpus: list[CorpusEntity]) -> None:
        self.names: dict[tuple[str, str], list[CorpusEntity]] = defaultdict(list)
        self.surnames: dict[tuple[str, str], list[CorpusEntity]] = defaultdict(list)
        self.titles: dict[tuple[str, str], list[CorpusEntity]] = defaultdict(list)
        self.keys: dict[int, set[tuple[str, tuple[str, str]]]] = defaultdict(set)
        self.seen: dict[int, tuple[str, tuple[str, ...], int]] = {}
        """What each entity was indexed with: its keys only grow, so an entity whose
        name, aliases and role count are as they were has nothing new to add."""
        for ce in corpus:
            self.update(ce)

    def _put(self, table: str, key: tuple[str, str], ce: CorpusEntity) -> None:
        if (table, key) not in self.keys[id(ce)]:
            self.keys[id(ce)].add((table, key))
            getattr(self, table)[key].append(ce)

    def update(self, ce: CorpusEntity) -> None:
        state = (ce.name, tuple(ce.aliases), len(ce.roles))
        if self.seen.get(id(ce)) == state:
            return
        self.seen[id(ce)] = state
        for n in _names(ce):
            self._put("names", (ce.type, n), ce)
        words = _full(ce.name)
        if words:
            self._put("surnames", (ce.type, words[-1]), ce)
        for t in _titles(ce.roles):
            self._put("titles", (ce.type, t), ce)

    def by_names(self, type_: str, names: Iterable[str]) -> list[CorpusEntity]:
        seen: dict[int, CorpusEntity] = {}
        for n in names:
            for ce in self.names.get((type_, n), []):
                seen.setdefault(id(ce), ce)
        return list(seen.values())


def _find(ent: Entity, index: _Index) -> tuple[CorpusEntity | None, str]:
    names = _names(ent)
    if _named(ent):
        folded = fold(ent.name)
        same_name = index.by_names(ent.type, names)
        plain = _without_initials(folded) if ent.type == "PERSON" else folded
        full = [c for c in same_name if len(plain.split()) > 1
                and _without_initials(fold(c.name)) == plain
                and _initials_agree(fold(c.name), folded)]
        if len(full) == 1:
            return full[0], f"same full name {ent.name!r}"
        exact = [c for c in same_name if not _clash(ent.roles, c.roles)]
        words = _full(ent.name)
        if ent.type == "PERSON":
            # "Ioana Popescu" and "Marius Popescu" share an alias "Popescu": not enough
            exact = [c for c in exact if (len(words) < 2 or len(_full(c.name)) < 2
                     or words[0] == _full(c.name)[0]) and _initials_agree(fold(c.name), folded)]
        if len(exact) == 1:
            shared = sorted(names & _names(exact[0]))[0]
            return exact[0], f"same name or alias {shared!r}"
        if ent.type == "PERSON" and words:
            pool = exact or index.surnames.get((ent.type, words[-1]), [])
            surname = [c for c in pool if _full(c.name)[-1:] == words[-1:]
                       and not _clash(ent.roles, c.roles)]
            if len(words) >= 2:
                surname = [c for c in surname if len(_full(c.name)) < 2
                           or (_full(c.name)[0] == words[0]
                               and _initials_agree(fold(c.name), folded))]
            if len(surname) > 1 and ent.roles:
                surname = [c for c in surname if _titles(c.roles) & _titles(ent.roles)]
            if len(surname) == 1:
                return surname[0], f"surname {words[-1]!r}" + (
                    " and role" if ent.roles else "")
        return None, ""
    # known only by descriptions: link by role title (and country)
    titles = _titles(ent.roles) or {fold(ent.name).removeprefix("the ")}
    pool: dict[int, CorpusEntity] = {}
    for t in titles:
        for c in index.titles.get((ent.type, t), []):
            pool.setdefault(id(c), c)
    by_role = [c for c in pool.values() if not _clash(ent.roles, c.roles)]
    if len(by_role) == 1:
        return by_role[0], f"role {sorted(_titles(by_role[0].roles) & titles)[0]!r}"
    return None, ""


def link_entities(
    items: Iterable[tuple[str, Entity]], corpus: list[CorpusEntity] | None = None
) -> list[CorpusEntity]:
    """Group article entities ``(article_id, entity)`` into corpus entities.

    ``corpus`` (extended in place) continues an earlier linking: the store links only
    the articles added since. Existing corpus entities keep their ids; a new one takes
    the id of its first member.
    """
    corpus = [] if corpus is None else corpus
    index = _Index(corpus)
    # members as sets beside the lists: a country gathers thousands of members, and
    # ``in ce.members`` scanned them all for every new one
    member_sets: dict[int, set[tuple[str, str]]] = {}
    for article_id, ent in items:
        found, why = _find(ent, index)
        if found is None:
            ce = CorpusEntity(id=corpus_id(article_id, ent.id), name=ent.name, type=ent.type)
            corpus.append(ce)
        else:
            ce = found
        members = member_sets.get(id(ce))
        if members is None:
            members = member_sets[id(ce)] = set(ce.members)
        member = (article_id, ent.id)
        if found is not None and member not in members:
            ce.evidence.append(f"{article_id}/{ent.id} {ent.name!r}: {why}")
        if member not in members:
            members.add(member)
            ce.members.append(member)
            ce.mentions += len(ent.mentions)
        if _named(ent) and len(_full(ent.name)) > len(_full(ce.name)):
            ce.aliases.append(ce.name)
            ce.name = ent.name
        known = {fold(ce.name), *(fold(a) for a in ce.aliases)}
        for alias in [ent.name, *ent.aliases]:
            if fold(alias) not in known:
                known.add(fold(alias))
                ce.aliases.append(alias)
        ce.aliases = [a for a in ce.aliases if fold(a) != fold(ce.name)]
        seen = {(_title(r.title), r.organization, r.country) for r in ce.roles}
        for role in ent.roles:
            same = (_title(role.title), role.organization, role.country)
            if same not in seen:
                seen.add(same)
                ce.roles.append(role.model_copy(update={"span": None}))
        if not ce.id:
            ce.id = corpus_id(*ce.members[0])
        index.update(ce)
    return corpus
