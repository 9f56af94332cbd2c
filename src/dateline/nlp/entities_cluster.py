"""Clustering candidate mentions into actors, and typing each actor from all its mentions.

Same folded name, acronym to expansion ("Organization's (CSTO)" or initials), demonym to
country (by knowledge key), bare surname to the nearest full name before it. Types come
from knowledge first (outlet, country, title), then organisation words, then spaCy's vote.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import ORTH

from dateline.nlp.coref import marked_gender
from dateline.nlp.entities_candidates import POSSESSIVE, Cand, Candidates
from dateline.nlp.entities_data import Lexicon, fold, surname_first
from dateline.record import Entity, Mention, Role

TYPE_ORDER = ("PERSON", "GPE", "ORG", "LOC", "FAC", "EVENT")


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def personish(c: Cand) -> bool:
    return c.know == "PERSON" or (c.know is None and c.votes["PERSON"] > 0)


def _initials(found: Candidates, c: Cand) -> str:
    return "".join(found.tok(i)[0] for i in range(c.start, c.end) if found.is_title[i])


def _titles(c: Cand) -> set[str]:
    """A candidate's titles, folded and without "former" ("former President" is a
    president)."""
    out = set()
    for role, _org in c.roles:
        words = fold(role.title).replace("-", " ").split()
        if words[:1] == ["former"]:
            words = words[1:]
        if words:
            out.add(" ".join(words))
    return out


def _heads(titles: set[str]) -> set[str]:
    """Head nouns: "Transport Minister" and "Minister" are one post; "Secretary of State"
    is a secretary."""
    return {t.split(" of ")[0].split()[-1] for t in titles}


def _full(found: Candidates, c: Cand) -> str:
    return fold(found.span_text(*c.name_range()))


def _same_title(
    found: Candidates,
    c: Cand,
    options: list[tuple[int, int]],
    cands: list[Cand],
    held: dict[str, set[str]],
) -> list[tuple[int, int]]:
    """The full names a titled bare surname may join, best first: those the story gives
    the same title ("Foreign Minister Petrov"), then the same post ("Minister Rask" for
    "Transport Minister Ivo Rask"), then no title. When the one namesake holds only other
    government offices ("President Clinton" beside "Secretary of State Hillary Clinton")
    the surname is another person; other titles may be the same post in other words
    ("CEO Cook" after "Chief Executive Officer Tim Cook") and keep the namesake.
    """
    if c.kind != "title" or not options:  # a description after the name is no title
        return options
    mine = _titles(c)
    if not mine:
        return options
    titles = [held.get(_full(found, cands[j]), set()) for _st, j in options]
    pairs = list(zip(options, titles, strict=True))
    for test in (
        lambda t: bool(t & mine),
        lambda t: bool(_heads(t) & _heads(mine)),
        lambda t: not t,
    ):
        picked = [o for o, t in pairs if test(t)]
        if picked:
            return picked
    if len({_full(found, cands[j]) for _st, j in options}) > 1:
        return options

    def gov(t: str) -> bool:
        known = found.lex.titles.get(t)
        return known is not None and known.cls == "gov"

    if all(gov(t) for t in mine | set().union(*titles)):
        return []
    return options


def _gender(found: Candidates, c: Cand) -> str | None:
    """m/f of a full-name candidate: an honorific or family noun before it ("his wife,
    Maria Pappas"), a listed given name, or a gendered title it is given."""
    s, _e = c.name_range()
    lex = found.lex
    marked = marked_gender(found.text, found.char_start[s], lex)
    if marked is not None:
        return marked
    first = fold(found.tok(s))
    if first in lex.words("female_name"):
        return "f"
    if first in lex.words("male_name"):
        return "m"
    for role, _org in c.roles:
        title = lex.titles.get(fold(role.title))
        if title is not None and title.gender:
            return title.gender
    return None


def _bare_company(name: str, lex: Lexicon) -> str:
    """A folded name without a company's legal suffix: "Northwind Retail Corp" is the
    "Northwind Retail" of a headline, "Sony Corp." the "Sony" of the next paragraph."""
    words = name.split()
    if len(words) >= 2 and words[-1].rstrip(".") in lex.words("company_suffix"):
        return " ".join(words[:-1]).rstrip(",")
    return name


def cluster(found: Candidates, cands: list[Cand]) -> list[list[Cand]]:
    """Groups of candidates naming one actor; ``cands`` is in text order."""
    doc, tok = found.doc, found.tok
    uf = _UnionFind(len(cands))
    by_key: dict[str, int] = {}
    surnames: dict[str, list[tuple[int, int]]] = {}  # fold(last) -> [(start, index)]
    firsts: dict[str, set[str]] = {}  # fold(first) -> the full names it opens
    first_of: dict[str, int] = {}  # fold(first) -> a candidate with that full name
    for i, c in enumerate(cands):
        s, e = c.name_range()
        if c.key or not personish(c):
            continue
        words = [tok(j) for j in range(s, e) if found.is_alpha[j]]
        if len(words) >= 2:
            family = surname_first(found.span_text(s, e)) or words[-1]  # "Kim Ji-ho": Kim
            surnames.setdefault(fold(family), []).append((c.start, i))
            firsts.setdefault(fold(words[0]), set()).add(fold(" ".join(words)))
            first_of.setdefault(fold(words[0]), i)
    genders: dict[int, str] = {}  # group root -> the gender an honorific gave it
    held: dict[str, set[str]] = {}  # fold(full name) -> the titles it is given in the story
    for c in cands:
        if c.roles and not c.key:
            held.setdefault(_full(found, c), set()).update(_titles(c))
    # acronyms in brackets after a name: "Treaty Organization's (CSTO)"
    acronyms: dict[str, int] = {}
    keyed_at = {c.start: i for i, c in enumerate(cands) if c.key and c.end == c.start + 1}
    outlet_names: list[tuple[int, int]] = []  # (name, bracketed outlet or company)
    for i, c in enumerate(cands):
        k = c.end
        if k < len(doc) and tok(k) in POSSESSIVE:
            k += 1
        if k + 2 < len(doc) and tok(k) == "(" and tok(k + 2) == ")":
            acr = tok(k + 1)
            if found.is_upper[k + 1] and 2 <= len(acr) <= 8 and not c.key:
                acronyms[acr] = i
            elif not c.key and not c.know and keyed_at.get(k + 1) is not None and (
                    c.votes and c.votes.most_common(1)[0][0] == "ORG"):
                # "the German Press Agency (dpa)": the outlet under its name in English;
                # not "Berlin (dpa)", a dateline's place
                outlet_names.append((i, keyed_at[k + 1]))
    for i, j in outlet_names:
        uf.union(i, j)
    for i, c in enumerate(cands):
        if c.key:
            uf.union(by_key.setdefault(c.key, i), i)
            continue
        s, e = c.name_range()
        text = found.span_text(s, e)
        if text in acronyms:
            c.kind = "acronym" if c.kind == "name" else c.kind
            uf.union(acronyms[text], i)
            continue
        if e - s == 1:
            options = [(st, j) for st, j in surnames.get(fold(text), []) if j != i]
            options = _same_title(found, c, options, cands, held)
            marked = marked_gender(found.text, found.char_start[s], found.lex) if options else None
            if marked is not None:
                # "Mr. Smith" is no namesake the story shows to be a woman, nor the reverse
                options = [o for o in options if genders.get(uf.find(o[1]), _gender(
                    found, cands[o[1]])) in (None, marked)]
                if not options:
                    uf.union(by_key.setdefault(f"N:{fold(text)}|{marked}", i), i)
                    continue
            if options:
                k = bisect.bisect_left(options, (c.start, -1))
                uf.union(options[k - 1][1] if k else options[0][1], i)
                if marked is not None:
                    genders[uf.find(i)] = marked
                continue
            # "Hillary" for the one "Hillary Clinton" of the story
            if personish(c) and len(firsts.get(fold(text), ())) == 1:
                uf.union(first_of[fold(text)], i)
                continue
        uf.union(by_key.setdefault(f"N:{_bare_company(fold(text), found.lex)}", i), i)
    # bare acronyms whose letters are the initials of a named organisation
    initials: dict[str, int] = {}
    for j, other in enumerate(cands):
        caps = _initials(found, other)
        if len(caps) >= 2:
            initials.setdefault(caps, j)
    for i, c in enumerate(cands):
        text = c.text
        if c.key or not text.isupper() or not 2 <= len(text) <= 6 or text in acronyms:
            continue
        j = initials.get(text)
        if j is not None and j != i:
            c.kind = "acronym"
            uf.union(j, i)
    # tokens repeating a bracketed acronym that no candidate covers yet
    if acronyms:
        covered = {t for c in cands for t in range(c.start, c.end)}
        hashes = np.array([doc.vocab.strings.add(a) for a in acronyms], dtype=np.uint64)
        for i in np.nonzero(np.isin(doc.to_array([ORTH]), hashes))[0].tolist():
            if i not in covered:
                text = doc[i].text
                cands.append(Cand(i, i + 1, kind="acronym", text=text))
                uf.union(acronyms[text], uf.add())
    groups: dict[int, list[Cand]] = {}
    for i, c in enumerate(cands):
        groups.setdefault(uf.find(i), []).append(c)
    return list(groups.values())


def _named_person(group: list[Cand]) -> bool:
    """A full name spaCy reads as a person, the rest of the group being its surname.

    spaCy often tags a bare surname as ORG ("Trump said"); counted vote by vote, those
    outnumber the one full-name PERSON and a candidate becomes an organisation. A group
    of "First Last" plus "Last" is how news refers to a person, so the full name decides.
    """
    full = [
        c
        for c in group
        if c.kind == "name"
        and len(c.text.split()) >= 2
        and c.votes["PERSON"] > 0
        and c.votes["PERSON"] >= max(c.votes.values())
    ]
    if not full:
        return False
    names = {c.text for c in full}
    surnames = {c.text.split()[-1] for c in full}
    return all(c.text in names or c.text in surnames for c in group if c.kind == "name")


def _org_named(group: list[Cand], lex: Lexicon) -> bool:
    """Names of two or more words ending in an organisation word ("Border Patrol", "Karoo
    Platinum", "Halvorsen Shipping"), which spaCy's small model often reads as people;
    a listed given name first keeps a person ("Mark Steel")."""
    names = [c.text.split() for c in group if c.kind == "name"]
    given = lex.words("male_name").keys() | lex.words("female_name").keys()
    return bool(names) and all(
        len(n) >= 2 and fold(n[-1]) in lex.words("org_word") and fold(n[0]) not in given
        for n in names)


def type_of(group: list[Cand], lex: Lexicon) -> str | None:
    """The actor's type from all its mentions; None for groups that are no actor."""
    knows = {c.know for c in group if c.know}
    keys = {c.key[:2] for c in group if c.key}
    if "M:" in keys or "MEDIA" in knows:
        return "MEDIA"
    if "C:" in keys:
        return "GPE"
    if "O:" in keys:
        return "ORG"
    for t in ("PERSON", "FAC", "GPE", "LOC", "EVENT"):
        if t in knows:
            return t
    if _org_named(group, lex):
        return "ORG"
    if _named_person(group):
        return "PERSON"
    names = " ".join(c.text for c in group if c.kind != "demonym")
    if lex.org_classes(names) or any(c.kind == "acronym" for c in group):
        return "ORG"
    votes: Counter[str] = Counter()
    for c in group:
        votes.update(c.votes)
    if not votes or votes.most_common(1)[0][0] == "NORP":
        return None
    best = max(votes.values())
    return next(t for t in TYPE_ORDER if votes[t] == best) if best else None


@dataclass
class Draft:
    """An actor being built: its candidates, name, mentions and roles."""

    type_: str
    cands: list[Cand]
    name: str = ""
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    spans: set[tuple[int, int]] = field(default_factory=set)

    @property
    def country(self) -> str | None:
        keys = [c.key for c in self.cands if c.key and c.key.startswith("C:")]
        return keys[0][2:] if keys else None

    def add(self, mention: Mention) -> None:
        if mention.span not in self.spans:
            self.spans.add(mention.span)
            self.mentions.append(mention)

    def settle_name(self, found: Candidates, lex: Lexicon) -> None:
        """Name and aliases from the candidates' names."""
        names = [found.span_text(*c.name_range()) for c in self.cands
                 if c.kind in ("name", "title", "acronym")]
        keys = [c.key for c in self.cands if c.key]
        if self.country:
            self.name = lex.country_name(self.country)
        elif keys and keys[0][:2] in ("M:", "O:"):
            self.name = keys[0][2:]
        elif names:
            proper = [n for n in names if not n.isupper()] or names
            self.name = max(proper, key=lambda n: (len(n.split()), len(n)))
            if self.name.isupper() and self.type_ in ("GPE", "LOC"):
                self.name = self.name.title()
        else:
            self.name = self.name or (self.mentions[0].text if self.mentions else "")
        seen = {fold(self.name)}
        for n in names:
            if fold(n) not in seen:
                seen.add(fold(n))
                self.aliases.append(n)

    def to_entity(self, id_: str) -> Entity:
        self.mentions.sort(key=lambda m: m.span)
        # validated, not model_construct: in pydantic 2.14 model_construct is the slower
        # (3.7 against 2.2 us a Mention, 4.5 against 3.4 us an Entity)
        return Entity(id=id_, name=self.name, type=self.type_, aliases=self.aliases,
                      roles=self.roles, mentions=self.mentions)
