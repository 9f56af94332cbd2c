"""Coreference: pronouns and descriptions back to the actors of ``doc._.entities``.

One place for both callers: the entities component resolves descriptions ("the Kazakh
state secretary", "the Russia-led bloc") and subject pronouns; the quotes component
decides which span is a speaker and asks here which actor it is. Either way the span
is added to that actor's mentions at most once, never over another mention of the same
actor and never with its head on another actor's mention ("the company's CEO, John
Smith," stays one name mention of John Smith).

Rules. A pronoun goes to the preferred actor (the last speaker, for quotes) when it fits,
else to the nearest actor of a fitting type and gender mentioned before it outside
quotation marks. A description whose head is a title goes to a person holding a role
with that title (and the country of a demonym in it); any other head to an organisation,
place or outlet whose name or class nouns ("the bloc" for an alliance) contain it. Among
fitting actors the one sharing most words with the description wins, then the preferred
one, then the nearest before.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from dateline.nlp.entities_data import Lexicon, fold, lexicon, surname_first
from dateline.nlp.extensions import doc_text
from dateline.record import Entity, Mention

QUOTE_RE = re.compile(r"[\"“”]|\n")
GROUP_TYPES = {"ORG", "NORP", "GPE", "MEDIA"}
_STRIP = ".,'’\"()[]"


def quoted_regions(text: str) -> list[tuple[int, int]]:
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


def marked_gender(text: str, start: int, lex: Lexicon) -> str | None:
    """m/f from the words right before a name at ``start``: an honorific ("Mr. Pappas",
    "Ms Kim") or a family noun in apposition ("His wife, Maria Pappas,"). Read backwards
    character by character: it runs for every name mention, and a regex cost 10x more."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == start or i == 0:
        return None
    comma = text[i - 1] == ","
    if comma:
        i -= 1
        while i > 0 and text[i - 1].isspace():
            i -= 1
    elif text[i - 1] == ".":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j == i:
        return None
    word = text[j:i].lower()
    if comma:
        return lex.words("relative").get(word)
    value = lex.words("honorific").get(word)
    return value if value in ("m", "f") else None


def family_name(name: str, lex: Lexicon) -> str:
    """The folded family name of a person's name: the first word of "Kim Ji-ho", else
    the last word that is no generational suffix ("Marcos" of "Ferdinand Marcos Jr.")."""
    first = surname_first(name)
    if first is not None:
        return fold(first)
    suffixes = lex.words("name_suffix")
    words = [w for w in fold(name).split() if w not in suffixes]
    return words[-1] if words else ""


def _words(text: str) -> set[str]:
    return {w.strip(_STRIP) for w in fold(text).replace("-", " ").split()} - {""}


class Coref:
    """Mentions of all actors, indexed by start, and the rules that add to them."""

    def __init__(self, doc: Doc, entities: list[Entity], text: str | None = None) -> None:
        self.doc = doc
        self.lex: Lexicon = lexicon()
        self.text = doc_text(doc) if text is None else text
        self.entities = entities
        self.quoted = quoted_regions(self.text)
        self._qstarts = [a for a, _ in self.quoted]
        self._starts: list[int] = []
        self._index: list[tuple[int, int, int]] = []  # (start, end, entity number)
        self._maxlen = 0
        self._number: dict[int, int] = {}
        self._spans: list[set[tuple[int, int]]] = []
        self._sorted: list[list[tuple[int, int]]] = []
        self._pronoun_fits: dict[str, list[int]] = {}
        self._marked: list[str | None] = []
        """By actor number: m/f from an honorific or family noun before a name mention."""
        self._learned: dict[int, str] = {}
        """Gender taken from a "he"/"she" resolved to a person, by ``id`` of the actor."""
        self._sent_starts: list[int] | None = None
        for ent in entities:
            self._register(ent)
        self._fits = lru_cache(maxsize=None)(self._fitting)

    # -- index ---------------------------------------------------------------------

    def _register(self, ent: Entity) -> int:
        n = len(self._spans)
        self._number[id(ent)] = n
        self._spans.append(set())
        self._sorted.append([])
        self._marked.append(None)
        for m in ent.mentions:
            self._index_mention(n, tuple(m.span))  # type: ignore[arg-type]
            if m.kind == "name":
                self._mark(n, m.span[0])
        return n

    def _mark(self, n: int, start: int) -> None:
        if self._marked[n] is None:
            self._marked[n] = marked_gender(self.text, start, self.lex)

    def register(self, ent: Entity) -> None:
        """A new actor (an organisation known only by a description)."""
        self.entities.append(ent)
        self._register(ent)
        self._fits.cache_clear()
        self._pronoun_fits.clear()

    def _index_mention(self, n: int, span: tuple[int, int]) -> None:
        self._spans[n].add(span)
        bisect.insort(self._sorted[n], span)
        k = bisect.bisect_right(self._starts, span[0])
        self._starts.insert(k, span[0])
        self._index.insert(k, (span[0], span[1], n))
        self._maxlen = max(self._maxlen, span[1] - span[0])

    def drop(self, ent: Entity, span: tuple[int, int]) -> None:
        """Take a mention off an actor (a pronoun another rule reads as someone else)."""
        n = self._number[id(ent)]
        ent.mentions = [m for m in ent.mentions if tuple(m.span) != span]
        if span in self._spans[n]:
            self._spans[n].discard(span)
            self._sorted[n].remove(span)
            k = self._index.index((span[0], span[1], n))
            del self._index[k]
            del self._starts[k]

    def _overlapping(self, span: tuple[int, int]) -> list[tuple[int, int, int]]:
        lo = bisect.bisect_left(self._starts, span[0] - self._maxlen)
        hi = bisect.bisect_left(self._starts, span[1])
        return [m for m in self._index[lo:hi] if m[1] > span[0]]

    def is_quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self._qstarts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def entity_at(self, span: tuple[int, int]) -> Entity | None:
        """The actor with the longest mention overlapping ``span``."""
        found = self._overlapping(span)
        if not found:
            return None
        best = max(found, key=lambda m: (m[1] - m[0], -m[0]))
        return self.entities[best[2]]

    def add(self, ent: Entity, text: str, span: tuple[int, int], kind: str,
            head: tuple[int, int] | None = None) -> bool:
        """Add a mention unless it repeats or overlaps one of the same actor, or its head
        lies on another actor's mention. A proper name of the actor stays a name."""
        n = self._number[id(ent)]
        if span in self._spans[n]:
            return True
        head = head or span
        for s, e, other in self._overlapping(span):
            if other == n or (s < head[1] and head[0] < e):
                return False
        if kind in ("description", "pronoun") and fold(text) in {
            fold(a) for a in [ent.name, *ent.aliases]
        }:
            kind = "name"
        ent.mentions.append(Mention(text=text, span=span, kind=kind))  # type: ignore[arg-type]
        self._index_mention(n, span)
        if kind == "name" and self._marked[n] is None:
            self._mark(n, span[0])
            if self._marked[n] is not None:
                self._pronoun_fits.clear()
        return True

    def surname(self, pos: int, word: str) -> Entity | None:
        """The person a bare surname at ``pos`` names when spaCy did not mark it ("Lim
        denied that" after "Energy Secretary Rosa Lim"): among the people whose family
        name it is, the one mentioned last before it, else the only one; after "Mr." or
        "Ms." only a person who is (or may be) of that gender."""
        key = fold(word)
        if not key.isalpha() or key in self.lex.titles:
            return None
        named = [n for n, e in enumerate(self.entities)
                 if e.type == "PERSON" and len(e.name.split()) > 1
                 and family_name(e.name, self.lex) == key]
        marked = marked_gender(self.text, pos, self.lex)
        if marked is not None:
            named = [n for n in named if self.gender(self.entities[n]) in (None, marked)]
        before = [(max((s for s in self._sorted[n] if s[0] < pos), default=None), n)
                  for n in named]
        seen = [(s, n) for s, n in before if s is not None]
        if seen:
            return self.entities[max(seen)[1]]
        return self.entities[named[0]] if len(named) == 1 else None

    # -- pronouns ------------------------------------------------------------------

    def pronoun_class(self, word: str) -> str | None:
        """m, f, person or group for a pronoun we resolve; None for any other word."""
        return self.lex.words("pronoun").get(word.lower())

    def gender(self, ent: Entity) -> str | None:
        """f/m from an honorific or family noun before a mention ("Mrs. Pappas", "his
        wife, Maria Pappas"), a given name in the lists, a gendered title ("spokeswoman"),
        or the pronoun the story already used for this person ("she" for Ann Lowe)."""
        n = self._number.get(id(ent))
        if n is not None and self._marked[n] is not None:
            return self._marked[n]
        first = fold(ent.name).split()[:1]
        if first and first[0] in self.lex.words("female_name"):
            return "f"
        if first and first[0] in self.lex.words("male_name"):
            return "m"
        learned = self._learned.get(id(ent))
        if learned is not None:
            return learned
        from dateline.nlp.entities_roles import bare_title

        for r in ent.roles:
            title = self.lex.titles.get(bare_title(r.title, self.lex))
            if title is not None and title.gender:
                return title.gender
        return None

    def _fits_pronoun(self, ent: Entity, cls: str) -> bool:
        if cls == "group":
            return ent.type in GROUP_TYPES
        if ent.type != "PERSON":
            return False
        if cls == "person":
            return True
        return self.gender(ent) in (None, cls)

    def _fitting_pronoun(self, cls: str) -> list[int]:
        if cls not in self._pronoun_fits:
            self._pronoun_fits[cls] = [n for n, e in enumerate(self.entities)
                                       if self._fits_pronoun(e, cls)]
        return self._pronoun_fits[cls]

    def pronoun(self, pos: int, word: str, prefer: Entity | None = None) -> Entity | None:
        """The actor a pronoun at ``pos`` stands for."""
        cls = self.pronoun_class(word)
        if cls is None:
            return None
        if prefer is not None and self._fits_pronoun(prefer, cls):
            return self._learn(prefer, cls, pos)
        best: tuple[int, int] | None = None
        for n in self._fitting_pronoun(cls):
            own = self._sorted[n]
            k = bisect.bisect_left(own, (pos, -1))
            while k > 0:
                k -= 1
                start, end = own[k]
                if end <= pos and not self.is_quoted(start):
                    if best is None or start > best[0]:
                        best = (start, n)
                    break
        if best is not None:
            return self._learn(self.entities[best[1]], cls, pos)
        return None

    def _learn(self, ent: Entity, cls: str, pos: int) -> Entity:
        """Remember the gender a "he" or "she" gives a person whose name did not tell, so
        a later pronoun of the other gender looks elsewhere; only when the person is
        named earlier in the pronoun's own sentence ("Mayor Dace Vilks said she ..."),
        where the reading is safe: a guess across sentences would spread its error."""
        if cls in ("m", "f") and self.gender(ent) is None:
            sent = self._sentence_start(pos)
            own = self._sorted[self._number[id(ent)]]
            if any(sent <= start < pos for start, _ in own):
                self._learned[id(ent)] = cls
                self._pronoun_fits.clear()
        return ent

    def _sentence_start(self, pos: int) -> int:
        if self._sent_starts is None:
            # from arrays: ``doc.sents`` builds a Span per sentence, which cost more than
            # the pronoun resolution it serves
            arr = self.doc.to_array([SENT_START, IDX])
            starts = arr[:, 1][arr[:, 0] == 1]
            self._sent_starts = starts.tolist() if len(starts) else [0]
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        return self._sent_starts[k] if k >= 0 else 0

    # -- descriptions --------------------------------------------------------------

    def person_head(self, head: str) -> tuple[bool, str | None]:
        """Is a description with this head a person ("spokesman", "the official"), and
        of which gender when the word says so?"""
        lex = self.lex
        title = lex.titles.get(head)
        if title is not None:
            return True, title.gender
        return head in lex.words("any_person"), None

    def _fitting(self, head: str, country: str | None) -> tuple[int, ...]:
        """Actor numbers a description with this head (and country) may stand for."""
        from dateline.nlp.entities_roles import bare_title

        lex = self.lex
        last = head.split()[-1]
        person = head in lex.titles or last in {t.split()[-1] for t in lex.titles} or (
            head in lex.words("any_person"))
        country_name = lex.country_name(country) if country else None
        out = []
        for n, e in enumerate(self.entities):
            if person:
                if e.type != "PERSON" or not e.roles:
                    continue
                if country_name and all(r.country and r.country != country_name
                                        for r in e.roles):
                    continue
                titles = [bare_title(r.title, lex) for r in e.roles]
                if head in lex.words("any_person") or any(
                    t == head or t.split()[-1:] == [last] for t in titles
                ):
                    out.append(n)
            elif e.type != "PERSON" and len(last) >= 3:
                names = set().union(*(_words(a) for a in [e.name, *e.aliases]))
                if last in lex.org_classes(e.name) or last in names:
                    out.append(n)
        return tuple(out)

    def _country_in(self, text: str) -> str | None:
        for word in re.split(r"[\s\[\]\-‐]+", text):
            code = self.lex.demonyms.get(word) or self.lex.country_forms.get(word)
            if code:
                return code
        return None

    def describe(self, span: tuple[int, int], head: str, prefer: Entity | None = None,
                 country: str | None = None, plural: bool = False,
                 indefinite: bool = False) -> Entity | None:
        """The actor a description at ``span`` with head ``head`` stands for.

        An indefinite description ("a senior port official") introduces someone new and
        resolves only when the caller says it may (``indefinite``, "a Russia-led bloc");
        a plural head ("officials") never stands for one person."""
        head = fold(head)
        if not head or not head.replace(" ", "").isalpha():
            return None
        text = self.text[span[0] : span[1]]
        first = fold(text).split()[:1]
        if first and first[0] in self.lex.words("indefinite") and not indefinite:
            return None
        country = country or self._country_in(text)
        fitting = [n for n in self._fits(head, country)
                   if not (plural and self.entities[n].type == "PERSON")]
        if not fitting:
            return None
        words = _words(text) - set(self.lex.words("determiner"))
        pos = span[0]
        best: tuple[tuple[int, int, int], Entity] | None = None
        for n in fitting:
            e = self.entities[n]
            own = set().union(*(_words(r.title) for r in e.roles), _words(e.name))
            shared = len(words & own)
            before = [s for s in self._spans[n] if s[0] < pos]
            near = pos - max(before)[0] if before else 10**9 + min(
                (s[0] for s in self._spans[n]), default=0)
            score = (shared, 1 if e is prefer else 0, -near)
            if best is None or score > best[0]:
                best = (score, e)
        return best[1] if best else None
