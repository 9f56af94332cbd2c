"""Entities: one per real-world actor in the article, with every mention as evidence.

spaCy's small model mislabels wire prose ("Karin" as a place, "Kazakh State" as an
organisation, "Law" as a person). Its entities are therefore only one source of candidate
mentions, beside packaged knowledge (pycountry and our data files: countries, demonyms,
titles, outlets) and a few cheap patterns over the existing parse. Candidates are then
clustered (same name, surname to full name, acronym to expansion, demonym to country),
typed from all their mentions, given roles from titles and appositions, and extended with
descriptions ("the Kazakh state secretary", "the Russia-led bloc") and subject pronouns.
See docs/entities.md for the method and figures.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dateline.nlp.entities_data import Lexicon, fold, lexicon
from dateline.record import Entity, Mention, Role

VOTE_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
TYPE_ORDER = ("PERSON", "GPE", "ORG", "LOC", "FAC", "EVENT")
DETERMINERS = {"the", "a", "an"}
POSSESSIVE = {"'s", "’s", "'", "’"}
QUOTE_RE = re.compile(r"[\"“”]|\n")


@dataclass
class Cand:
    """A candidate mention, before clustering."""

    start: int
    end: int
    kind: str = "name"
    votes: Counter[str] = field(default_factory=Counter)
    know: str | None = None
    key: str | None = None
    """Cluster key from knowledge: ``C:KZ`` (country), ``M:TASS`` (outlet)."""
    name: tuple[int, int] | None = None
    """Token range of the bare name inside a title mention."""
    roles: list[tuple[Role, str | None]] = field(default_factory=list)
    """Roles with an organisation description to resolve ("port authority")."""
    text: str = ""

    def name_range(self) -> tuple[int, int]:
        return self.name or (self.start, self.end)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


@Language.factory("dateline_entities")
def make_entities(nlp: Language, name: str) -> EntityAnalyzer:
    return EntityAnalyzer(nlp)


class EntityAnalyzer:
    """The pipeline component; matchers are built once, at load time."""

    def __init__(self, nlp: Language) -> None:
        self.lex: Lexicon = lexicon()
        lex = self.lex
        self.gaz = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form, code in lex.country_forms.items():
            self.gaz.add(f"C:{code}", [nlp.make_doc(form)])
        for form, code in lex.demonyms.items():
            self.gaz.add(f"D:{code}", [nlp.make_doc(form)])
        for form, canonical in lex.media.items():
            self.gaz.add(f"M:{canonical}", [nlp.make_doc(form)])
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for text in lex.titles:
            self.titles.add(text, [nlp.make_doc(text)])
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for section in ("media_cue", "place_cue", "facility_cue", "org_class"):
            for entry in lex.words(section):
                self.cues.add(f"{section}|{entry}", [nlp.make_doc(entry)])
        heads = {n for nouns in lex.words("org_class").values() for n in nouns.split()}
        for entry in heads | set(lex.words("org_new")):
            self.cues.add(f"org_head|{entry}", [nlp.make_doc(entry)])

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = Builder(doc, self).build()
        return doc


class Builder:
    """All the work for one Doc: candidates, clusters, types, roles, descriptions."""

    def __init__(self, doc: Doc, an: EntityAnalyzer) -> None:
        self.doc = doc
        self.an = an
        self.lex = an.lex
        self.cands: list[Cand] = []
        self.blocked: set[int] = set()
        self.used_titles: set[int] = set()
        self.known = {t.text for t in doc if not t.is_sent_start and (t.is_title or t.is_upper)}
        self.lower_words = {t.text for t in doc if t.is_lower}
        self.strings = doc.vocab.strings
        self.extra: list[tuple[str, Mention]] = []
        """Mentions that do not fall on token boundaries ("/TASS/."), by cluster key."""

    # -- candidates -----------------------------------------------------------------

    def build(self) -> list[Entity]:
        if not len(self.doc):
            return []
        gaz = self._gazetteer()
        titles = [s for s in filter_spans(
            [Span(self.doc, s, e, label=m) for m, s, e in self.an.titles(self.doc)]
        )]
        cues = [(self.strings[m].split("|"), s, e) for m, s, e in self.an.cues(self.doc)]
        self._titled_names(titles, gaz)
        self._media_pattern(cues)
        self._spacy_ents()
        self._dateline()
        self._appositions(titles)
        self._cue_knowledge(cues)
        self.cands.sort(key=lambda c: (c.start, -c.end))
        for c in self.cands:
            c.text = self.doc[c.start : c.end].text
        clusters = self._cluster()
        return self._entities(clusters, titles, cues)

    def _add(self, cand: Cand) -> Cand:
        self.cands.append(cand)
        return cand

    def _gazetteer(self) -> dict[int, Cand]:
        """Countries, demonyms and outlets; returns candidates by start token."""
        spans = [
            Span(self.doc, s, e, label=self.strings[m]) for m, s, e in self.an.gaz(self.doc)
        ]
        out: dict[int, Cand] = {}
        for span in filter_spans(spans):
            tag, value = span.label_.split(":", 1)
            if tag == "C":
                cand = Cand(span.start, span.end, know="GPE", key=f"C:{value}")
            elif tag == "D":
                cand = Cand(span.start, span.end, kind="demonym", know="GPE", key=f"C:{value}")
            else:
                cand = Cand(span.start, span.end, know="MEDIA", key=f"M:{value}")
            out[span.start] = self._add(cand)
        return out

    def _name_run(self, i: int) -> int:
        """End of a run of capitalised name tokens starting at ``i`` (``i`` if none)."""
        doc, j, words = self.doc, i, 0
        while j < len(doc) and words < 4:
            tok = doc[j]
            if tok.is_alpha and (tok.is_title or tok.pos_ == "PROPN") and not tok.is_lower:
                if fold(tok.text) in self.lex.titles and j == i:
                    return i
                words += 1
                j += 1
            elif tok.text in "-‐" and j > i and j + 1 < len(doc) and doc[j + 1].is_title:
                j += 1
            else:
                break
        return j

    def _titled_names(self, titles: list[Span], gaz: dict[int, Cand]) -> None:
        """ "Kazakh State Secretary Erlan Karin", "The union leader, Valentin Drăgulescu"."""
        doc = self.doc
        for title in titles:
            b = title.end
            reverse = False
            end = self._name_run(b)
            if end == b and b + 1 < len(doc) and doc[b].text == ",":
                start_det = title.start > 0 and doc[title.start - 1].lower_ in {"the", "its"}
                end = self._name_run(b + 1)
                if start_det and end > b + 1 and (end == len(doc) or not doc[end].is_alpha):
                    reverse = True
                    b += 1
                else:
                    end = b
            if end == b or any(t.i in gaz for t in doc[b:end]):
                continue
            role = Role(title=title.text.title(), span=(title.start_char, title.end_char))
            org_desc: str | None = None
            first = title.text.lower().split()[0]
            if len(title) > 1 and first in self.lex.words("org_new"):
                org_desc = first
            start = title.start
            if not reverse:
                k = title.start - 1
                if k >= 0 and doc[k].lower_ == "former":
                    role.title = f"Former {role.title}"
                    start = k
                    k -= 1
                prefix = next((c for c in gaz.values() if c.end == k + 1), None)
                if prefix is not None and prefix.key and prefix.key.startswith("C:"):
                    role.country = self.lex.country_name(prefix.key[2:])
                    start = prefix.start
                elif k >= 0 and doc[k].pos_ == "PROPN" and doc[k].text in self.known | {
                    t.text for t in doc if t.is_upper and len(t) > 1
                }:
                    role.organization = doc[k].text
                    start = k
                elif k >= 0 and doc[k].pos_ == "NOUN" and doc[k].dep_ == "compound":
                    j = k
                    while j - 1 >= 0 and doc[j - 1].pos_ in ("NOUN", "PROPN") and j > k - 2:
                        j -= 1
                    org_desc = doc[j : k + 1].text.lower()
                    start = j
            self.used_titles.add(title.start)
            self.blocked.update(range(title.start, title.end))
            self.blocked.update(range(b, end))
            cand = Cand(start if not reverse else b, end, kind="title" if not reverse else "name")
            cand.know = "PERSON"
            cand.name = (b, end)
            cand.roles.append((role, org_desc))
            self._add(cand)

    def _media_pattern(self, cues: list[tuple[list[str], int, int]]) -> None:
        """ "the Khabar 24 TV channel": the capitalised words before a media cue."""
        doc = self.doc
        for (section, _), s, _e in cues:
            if section != "media_cue":
                continue
            b = s
            while b - 1 >= 0 and (
                doc[b - 1].like_num
                or doc[b - 1].is_title
                or (doc[b - 1].text in "-‐" and b - 2 >= 0 and doc[b - 2].is_title)
            ) and doc[b - 1].lower_ not in DETERMINERS:
                b -= 1
            if b == s or any(c.start < s and c.end > b for c in self.cands):
                continue
            text = doc[b:s].text
            canonical = self.lex.media.get(text, text)
            self._add(Cand(b, s, know="MEDIA", key=f"M:{canonical}"))

    def _trim(self, start: int, end: int, label: str = "") -> tuple[int, int]:
        """Drop determiners, possessives and a sentence-initial word that is no name."""
        doc = self.doc
        while start < end:
            tok = doc[start]
            drop_initial = (
                tok.is_sent_start
                and tok.text not in self.known
                and (
                    tok.pos_ != "PROPN"
                    or (end - start > 1 and label != "PERSON")
                    or tok.lower_ in self.lower_words
                )
            )
            if (
                tok.lower_ in DETERMINERS
                or tok.is_punct
                or drop_initial
                or tok.lower_ in self.lex.words("stop")
            ):
                start += 1
            else:
                break
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        return start, end

    def _spacy_ents(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in VOTE_LABELS:
                continue
            start, end = self._trim(ent.start, ent.end, ent.label_)
            if start >= end or any(i in self.blocked for i in range(start, end)):
                continue
            if all(t.is_lower for t in self.doc[start:end]):
                continue
            same = next((c for c in self.cands if (c.start, c.end) == (start, end)), None)
            if same is not None:
                same.votes[ent.label_] += 1
                continue
            if any(c.start <= start and end <= c.end for c in self.cands):
                continue
            if any(c.start < end and start < c.end and not (start <= c.start and c.end <= end)
                   for c in self.cands):
                continue
            self._add(Cand(start, end, votes=Counter({ent.label_: 1})))

    def _dateline(self) -> None:
        article = self.doc._.article
        dateline = getattr(article, "dateline", None)
        if dateline is None:
            return
        if dateline.place is not None and dateline.place.span is not None:
            s0 = dateline.place.span[0]
            for part in re.finditer(r"[^/]+", dateline.place.text):
                span = self.doc.char_span(s0 + part.start(), s0 + part.end())
                if span is not None:
                    self._replace(span.start, span.end, Cand(span.start, span.end, know="GPE"))
        if dateline.agency is not None and dateline.agency.span is not None:
            span = self.doc.char_span(*dateline.agency.span)
            text = dateline.agency.text
            canonical = self.lex.media.get(text, text)
            if span is not None:
                cand = Cand(span.start, span.end, know="MEDIA", key=f"M:{canonical}")
                self._replace(span.start, span.end, cand)
            else:
                mention = Mention(text=text, span=dateline.agency.span, kind="name")
                self.extra.append((f"M:{canonical}", mention))

    def _replace(self, start: int, end: int, cand: Cand) -> None:
        old = [c for c in self.cands if c.start < end and start < c.end]
        for c in old:
            if (c.start, c.end) == (start, end) and c.key:
                return
            self.cands.remove(c)
        self._add(cand)

    def _appositions(self, titles: list[Span]) -> None:
        """ "Henrik Aalberg, chief executive of Nordvik Container Lines": roles after a name."""
        doc = self.doc
        by_start = {c.start: c for c in self.cands}
        for cand in list(self.cands):
            if cand.key or cand.kind not in ("name", "title"):
                continue
            e = cand.end
            if e >= len(doc) - 1 or doc[e].text != ",":
                continue
            stop = e + 1
            while stop < len(doc) and stop < e + 16 and doc[stop].text not in {",", ".", ";"}:
                if doc[stop].lower_ in {"who", "which", "said"} or doc[stop].pos_ in (
                    "VERB", "AUX"
                ):
                    break
                stop += 1
            names = {i for c in self.cands if c is not cand for i in range(c.start, c.end)}
            inside = [t for t in titles if e < t.start and t.end <= stop
                      and not any(i in names for i in range(t.start, t.end))]
            if not inside:
                continue
            cand.know = cand.know or "PERSON"
            for title in inside:
                self.used_titles.add(title.start)
                role = Role(title=title.text.title(), span=(title.start_char, title.end_char))
                if title.start > 0 and doc[title.start - 1].lower_ == "former":
                    role.title = f"Former {role.title}"
                k = title.end
                if k < len(doc) and doc[k].lower_ in {"of", "at", "for"}:
                    k += 1
                    if k < len(doc) and doc[k].lower_ == "the":
                        k += 1
                    org = by_start.get(k)
                    if org is not None and doc[org.end : org.end + 2].text in {"-based", "- based"}:
                        org = by_start.get(org.end + 2)
                    if org is not None and org.key and org.key.startswith("C:"):
                        role.country = self.lex.country_name(org.key[2:])
                    elif org is not None:
                        role.organization = self.doc[org.start : org.end].text
                cand.roles.append((role, None))

    def _cue_knowledge(self, cues: list[tuple[list[str], int, int]]) -> None:
        """Types from context: "the town of X" (place), "X container terminal" (facility),
        "X-based" (place), "X, who" (person)."""
        doc = self.doc
        by_start = {c.start: c for c in self.cands if not c.key}
        by_end = {c.end: c for c in self.cands if not c.key}
        for (section, _), s, e in cues:
            if section == "place_cue" and e + 1 < len(doc) and doc[e].lower_ == "of":
                cand = by_start.get(e + 1)
                if cand is not None:
                    cand.know = "GPE"
            elif section == "facility_cue":
                for k in (s, s - 1):
                    if doc[k - 1].text in POSSESSIVE or doc[s - 1].text in POSSESSIVE:
                        break
                    if k in by_end and by_end[k].know is None:
                        by_end[k].know = "FAC"
        for cand in by_start.values():
            after = doc[cand.end : cand.end + 2]
            if len(after) == 2 and after[0].text in "-‐" and after[1].lower_ == "based":
                cand.know = "GPE"
            elif len(after) == 2 and after[0].text == "," and after[1].lower_ == "who":
                cand.know = cand.know or "PERSON"

    # -- clustering -----------------------------------------------------------------

    def _is_personish(self, c: Cand) -> bool:
        return c.know == "PERSON" or (c.know is None and c.votes["PERSON"] > 0)

    def _cluster(self) -> list[list[Cand]]:
        cands, doc = self.cands, self.doc
        uf = _UnionFind(len(cands))
        by_key: dict[str, int] = {}
        full_names: list[tuple[int, str, str]] = []  # (index, fold(last), fold(first))
        for i, c in enumerate(cands):
            s, e = c.name_range()
            words = [t for t in doc[s:e] if t.is_alpha]
            if not c.key and len(words) >= 2 and self._is_personish(c):
                full_names.append((i, fold(words[-1].text), fold(words[0].text)))
        # acronyms in brackets after a name: "Treaty Organization's (CSTO)"
        acronyms: dict[str, int] = {}
        for i, c in enumerate(cands):
            k = c.end
            if k < len(doc) and doc[k].text in POSSESSIVE:
                k += 1
            if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
                acr = doc[k + 1]
                if acr.is_upper and 2 <= len(acr.text) <= 8 and not c.key:
                    acronyms[acr.text] = i
        for i, c in enumerate(cands):
            if c.key:
                by_key.setdefault(c.key, i)
                uf.union(by_key[c.key], i)
                continue
            s, e = c.name_range()
            text = doc[s:e].text
            if text in acronyms:
                c.kind = "acronym" if c.kind == "name" else c.kind
                uf.union(acronyms[text], i)
                continue
            if e - s == 1 and full_names:
                surname = fold(text)
                options = [j for j, last, _ in full_names if last == surname and j != i]
                if options:
                    before = [j for j in options if cands[j].start < c.start]
                    uf.union(before[-1] if before else options[0], i)
                    continue
            key = f"N:{fold(text)}"
            by_key.setdefault(key, i)
            uf.union(by_key[key], i)
        # bare acronyms whose letters are the initials of a named organisation
        for i, c in enumerate(cands):
            text = c.text
            if c.key or not text.isupper() or not 2 <= len(text) <= 6 or text in acronyms:
                continue
            for j, other in enumerate(cands):
                caps = [t.text[0] for t in doc[other.start : other.end] if t.is_title]
                if j != i and len(caps) >= 2 and "".join(caps) == text:
                    c.kind = "acronym"
                    uf.union(j, i)
                    break
        # tokens repeating a bracketed acronym that no candidate covers yet
        covered = {t for c in cands for t in range(c.start, c.end)}
        for tok in doc:
            if tok.text in acronyms and tok.i not in covered:
                cands.append(Cand(tok.i, tok.i + 1, kind="acronym", text=tok.text))
                uf.parent.append(len(uf.parent))
                uf.union(acronyms[tok.text], len(cands) - 1)
        groups: dict[int, list[Cand]] = {}
        for i, c in enumerate(cands):
            groups.setdefault(uf.find(i), []).append(c)
        return list(groups.values())

    # -- typing, roles, descriptions, pronouns --------------------------------------

    def _type(self, group: list[Cand]) -> str | None:
        knows = {c.know for c in group if c.know}
        keys = {c.key[:2] for c in group if c.key}
        if "M:" in keys or "MEDIA" in knows:
            return "MEDIA"
        if "C:" in keys:
            return "GPE"
        for t in ("PERSON", "FAC", "GPE"):
            if t in knows:
                return t
        names = " ".join(c.text for c in group if c.kind != "demonym")
        if self.lex.org_classes(names) or any(c.kind == "acronym" for c in group):
            return "ORG"
        votes: Counter[str] = Counter()
        for c in group:
            votes.update(c.votes)
        if not votes or votes.most_common(1)[0][0] == "NORP":
            return None
        best = max(votes.values())
        return next(t for t in TYPE_ORDER if votes[t] == best) if best else None

    def _entities(
        self, groups: list[list[Cand]], titles: list[Span], cues: list[tuple[list[str], int, int]]
    ) -> list[Entity]:
        doc = self.doc
        ents: list[_Ent] = []
        for group in groups:
            type_ = self._type(group)
            if type_ is None:
                continue
            ent = _Ent(type_=type_, cands=group)
            for c in group:
                ent.add(c.kind, doc[c.start : c.end])
            ent.settle_name(self)
            ents.append(ent)
        for key, mention in self.extra:
            ent = next((e for e in ents if any(c.key == key for c in e.cands)), None)
            if ent is None:
                ent = _Ent(type_="MEDIA", cands=[], name=key[2:])
                ents.append(ent)
            ent.mentions.append(mention)
        self._finish_roles(ents)
        self._descriptions(ents, titles, cues)
        self._pronouns(ents)
        ents = [e for e in ents if e.mentions]
        ents.sort(key=lambda e: min(m.span for m in e.mentions))
        return [e.to_entity(f"e{i + 1}") for i, e in enumerate(ents)]

    def _main_country(self, ents: list[_Ent]) -> str | None:
        """The country the story is about: names and demonyms count, "in X" twice."""
        doc = self.doc
        counts: Counter[str] = Counter()
        for e in ents:
            if e.country is None:
                continue
            for c in e.cands:
                if c.kind not in ("name", "demonym") or doc[c.end : c.end + 1].text in "-‐":
                    continue
                prev = doc[c.start - 1].lower_ if c.start else ""
                counts[e.country] += 2 if prev in {"in", "across", "from"} else 1
        return self.lex.country_name(counts.most_common(1)[0][0]) if counts else None

    def _finish_roles(self, ents: list[_Ent]) -> None:
        main = self._main_country(ents)
        by_text: dict[str, _Ent] = {}
        for e in ents:
            for m in e.mentions:
                by_text.setdefault(fold(m.text), e)
        for e in ents:
            pairs = [pair for c in e.cands for pair in c.roles]
            pairs.sort(key=lambda p: not (p[0].country or p[0].organization or p[1]))
            if pairs:
                for role, org_desc in pairs:
                    role = role.model_copy()
                    if org_desc is not None:
                        owner = next(
                            (o for o in ents if o.type_ == "ORG"
                             and (self.lex.org_classes(o.name) & set(org_desc.split())
                                  or fold(o.name).endswith(org_desc))),
                            None,
                        )
                        role.organization = owner.name if owner else org_desc
                    if role.organization is not None:
                        owner = by_text.get(fold(role.organization))
                        if owner is not None and owner.country is not None:
                            role.country = self.lex.country_name(owner.country)
                            role.organization = None
                        elif owner is not None:
                            role.organization = owner.name
                    title = self.lex.titles.get(fold(role.title.removeprefix("Former ")))
                    if (role.organization is None and role.country is None and title
                            and title.cls == "gov"):
                        role.country = next(
                            (r.country for r in e.roles if r.title.lower() == role.title.lower()),
                            main,
                        )
                    if title and title.gender and e.gender is None:
                        e.gender = title.gender
                    same = (role.title.lower(), role.organization, role.country)
                    if all((r.title.lower(), r.organization, r.country) != same for r in e.roles):
                        e.roles.append(role)

    def _descriptions(
        self, ents: list[_Ent], titles: list[Span], cues: list[tuple[list[str], int, int]]
    ) -> None:
        """ "the Kazakh state secretary", "the Russia-led bloc": back to a named actor."""
        doc = self.doc
        heads: list[tuple[int, int, str]] = [
            (t.start, t.end, "person") for t in titles if t.start not in self.used_titles
        ]
        heads += [(s, e, "org") for (section, _), s, e in cues
                  if section == "org_head" and doc[s].is_lower]
        taken = {(m.span) for e in ents for m in e.mentions}
        headline = getattr(getattr(doc._.article, "headline", None), "span", None)
        for s, e, what in sorted(heads):
            if e < len(doc) and doc[e].pos_ in ("NOUN", "PROPN") and doc[e].text not in POSSESSIVE:
                continue
            c0, c1 = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            if any(c0 < b and a < c1 for a, b in taken):
                continue
            b, det, country = s, None, None
            while b - 1 >= 0 and e - b < 6:
                tok = doc[b - 1]
                if tok.lower_ in {"the", "a", "an"}:
                    det = tok.lower_
                    b -= 1
                    break
                if tok.text in self.lex.demonyms:
                    country = self.lex.demonyms[tok.text]
                elif not (tok.lower_ in self.lex.words("description_mod") or tok.text in "[]-‐"
                          or tok.pos_ == "ADJ" or tok.lower_ == "led"
                          or (tok.text in self.lex.country_forms and doc[b].text in "-‐")):
                    break
                b -= 1
            in_headline = headline is not None and doc[s].idx < headline[1]
            led = any(t.lower_ == "led" for t in doc[b:s])
            if det is None and not in_headline:
                continue
            if det in {"a", "an"} and not (what == "org" and led):
                continue
            span = doc[b:e]
            head = fold(doc[s:e].text)
            target = self._resolve(ents, what, head, country, doc[s].i)
            if target is None and what == "org" and det == "the" and head in self.lex.words(
                "org_new"
            ):
                target = _Ent(type_="ORG", cands=[], name=fold(doc[b + 1 : e].text))
                ents.append(target)
            if target is not None:
                target.add("description", span)
                taken.add((span.start_char, span.end_char))

    def _resolve(
        self, ents: list[_Ent], what: str, head: str, country: str | None, at: int
    ) -> _Ent | None:
        def fits(e: _Ent) -> bool:
            if what == "org":
                return e.type_ == "ORG" and head.split()[-1] in self.lex.org_classes(e.name) | {
                    fold(e.name).split()[-1]
                }
            if e.type_ != "PERSON" or not e.roles:
                return False
            if country and all(
                r.country and r.country != self.lex.country_name(country) for r in e.roles
            ):
                return False
            if head == "official":
                return True
            return any(
                fold(r.title.removeprefix("Former ")) == head
                or fold(r.title).split()[-1] == head.split()[-1]
                for r in e.roles
            )

        pos = self.doc[at].idx
        best: tuple[int, _Ent] | None = None
        for e in ents:
            if not fits(e):
                continue
            before = [m.span[0] for m in e.mentions if m.span[0] < pos]
            score = (pos - max(before)) if before else 10**9 + min(m.span[0] for m in e.mentions)
            if best is None or score < best[0]:
                best = (score, e)
        return best[1] if best else None

    def _pronouns(self, ents: list[_Ent]) -> None:
        """Subject "he"/"she" outside quotation marks: the nearest compatible person before."""
        doc = self.doc
        quoted = _quoted_regions(doc.text)
        starts = [a for a, _ in quoted]
        people = [e for e in ents if e.type_ == "PERSON"]
        for tok in doc:
            if tok.lower_ not in ("he", "she") or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if _inside(quoted, starts, tok.idx):
                continue
            want = "f" if tok.lower_ == "she" else "m"
            best: tuple[int, _Ent] | None = None
            for e in people:
                if e.gender and e.gender != want:
                    continue
                before = [m.span[0] for m in e.mentions
                          if m.span[0] < tok.idx and not _inside(quoted, starts, m.span[0])]
                if before and (best is None or max(before) > best[0]):
                    best = (max(before), e)
            if best is not None:
                best[1].add("pronoun", doc[tok.i : tok.i + 1])


def _inside(regions: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and regions[k][0] <= pos < regions[k][1]


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks, paragraph by paragraph."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in QUOTE_RE.finditer(text):
        ch = m.group()
        if ch == "\n":
            if open_at is not None:
                out.append((open_at, m.start()))
            open_at = None
        elif ch == "“" or (ch == '"' and open_at is None):
            open_at = m.start()
        elif open_at is not None:
            out.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        out.append((open_at, len(text)))
    return out


@dataclass
class _Ent:
    type_: str
    cands: list[Cand]
    name: str = ""
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)

    @property
    def country(self) -> str | None:
        keys = [c.key for c in self.cands if c.key and c.key.startswith("C:")]
        return keys[0][2:] if keys else None

    def add(self, kind: str, span: Span) -> None:
        mention = Mention(text=span.text, span=(span.start_char, span.end_char), kind=kind)
        if all(m.span != mention.span for m in self.mentions):
            self.mentions.append(mention)

    def settle_name(self, b: Builder) -> None:
        """Name, aliases and (for people) gender, from the mentions gathered so far."""
        doc, lex = b.doc, b.lex
        names = [doc[c.name_range()[0] : c.name_range()[1]].text for c in self.cands
                 if c.kind in ("name", "title", "acronym")]
        keys = [c.key for c in self.cands if c.key]
        if self.country:
            self.name = lex.country_name(self.country)
        elif keys and keys[0].startswith("M:"):
            self.name = keys[0][2:]
        elif names:
            proper = [n for n in names if not n.isupper()] or names
            self.name = max(proper, key=lambda n: (len(n.split()), len(n)))
            if self.name.isupper() and self.type_ in ("GPE", "LOC"):
                self.name = self.name.title()
        else:
            self.name = self.name or (self.mentions[0].text if self.mentions else "")
        for n in names:
            if fold(n) != fold(self.name) and all(fold(n) != fold(a) for a in self.aliases):
                self.aliases.append(n)
        first = fold(self.name).split()[0] if self.name.strip() else ""
        if self.type_ == "PERSON" and first in lex.words("female_name"):
            self.gender = "f"

    def to_entity(self, id_: str) -> Entity:
        self.mentions.sort(key=lambda m: m.span)
        return Entity(
            id=id_, name=self.name, type=self.type_, aliases=self.aliases, roles=self.roles,
            mentions=self.mentions,
        )

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)
