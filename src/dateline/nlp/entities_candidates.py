"""Candidate mentions for the entity analyzer, before any clustering.

Sources, in order of trust: packaged knowledge (countries, demonyms, outlets), titles
before a name ("Kazakh State Secretary Erlan Karin"), "X TV channel" patterns, spaCy's
entities (trimmed of determiners and sentence-initial common words), the dateline, and
roles in appositions. Cues ("the town of X", "X container terminal") then set types.
Every index over the Doc is built once, so the cost grows with the Doc, not its square.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LENGTH,
    ORTH,
    SENT_START,
)
from spacy.tokens import Doc, Span

from dateline.nlp.entities_data import (
    Lexicon,
    agency_outlet,
    fold,
    given_syllable,
    surname_first,
)
from dateline.nlp.extensions import doc_text
from dateline.record import Mention, Role

VOTE_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}
POSSESSIVE = {"'s", "’s", "'", "’"}
HYPHENS = {"-", "‐"}
DASHES = {"-", "‐", "–", "—", "--"}
_INITIAL = re.compile(r"^[A-Z]\.$")
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]?['’][A-Z][a-z]+$")  # O'Neill, D'Amato
# an apposition ends at a clause mark, or at the bracket or dash after a dateline's place
# ("ANKARA, May 4 (Wire) -- Turkey's foreign minister ..." gives Ankara no post)
APPOSITION_END = {",", ".", ";", "(", "--", "—", "–"}

Cue = tuple[list[str], int, int]
"""((section, entry), start token, end token) from the cue matcher."""


def _pieces(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Token ranges of [start, end) between the cut tokens (which belong to no piece)."""
    return list(zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True))


@dataclass
class Cand:
    """A candidate mention, before clustering."""

    start: int
    end: int
    kind: str = "name"
    votes: Counter[str] = field(default_factory=Counter)
    know: str | None = None
    key: str | None = None
    """Cluster key from knowledge: ``C:KZ`` (country), ``M:TASS`` (outlet), ``O:Google``
    (company)."""
    name: tuple[int, int] | None = None
    """Token range of the bare name inside a title mention."""
    roles: list[tuple[Role, str | None]] = field(default_factory=list)
    """Roles with an organisation description to resolve ("port authority")."""
    text: str = ""
    dead: bool = False

    def name_range(self) -> tuple[int, int]:
        return self.name or (self.start, self.end)


class Candidates:
    """Finds the candidates of one Doc; ``cover[i]`` lists the candidates over token i."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.cands: list[Cand] = []
        self.cover: defaultdict[int, list[Cand]] = defaultdict(list)
        """Only tokens under some candidate have an entry (most tokens never do)."""
        self.n_tokens = len(doc)
        self.blocked: set[int] = set()
        self.used_titles: set[int] = set()
        arr = doc.to_array([ORTH, IS_TITLE, IS_UPPER, IS_LOWER, SENT_START, LENGTH, IDX,
                            IS_ALPHA, IS_SPACE, IS_PUNCT])
        _orth, title, upper, lower, sent, length, idx, alpha, space, punct = (
            arr.T.astype(np.int64))
        self.text = doc_text(doc)
        self.char_start: list[int] = idx.tolist()
        self.char_end: list[int] = (idx + length).tolist()
        # token flags as lists: each ``doc[i]`` builds a Token object, and clustering
        # asked for hundreds of thousands of them over a few hundred articles
        self.is_alpha: list[bool] = (alpha == 1).tolist()
        self.is_title: list[bool] = (title == 1).tolist()
        self.is_upper: list[bool] = (upper == 1).tolist()
        self.is_lower: list[bool] = (lower == 1).tolist()
        self.is_space: list[bool] = (space == 1).tolist()
        self.is_punct: list[bool] = (punct == 1).tolist()
        strings = doc.vocab.strings

        def texts(mask: np.ndarray) -> set[str]:
            return {strings[int(h)] for h in np.unique(arr[:, 0][mask])}

        self.orth = arr[:, 0]
        self.known = texts((sent != 1) & ((title == 1) | (upper == 1)))
        self.upper = texts((upper == 1) & (length > 1))
        self.lower_words = texts(lower == 1)
        self.ents: tuple[Span, ...] = doc.ents
        """``doc.ents`` once: spaCy builds every Span anew on each access."""
        self.ent_texts = {self.span_text(e.start, e.end) for e in self.ents}
        self.extra: list[tuple[str, Mention]] = []
        """Mentions that do not fall on token boundaries ("/TASS/."), by cluster key."""
        self.w = lex.words
        self.gaz_start: dict[int, Cand] = {}
        self.gaz_end: dict[int, Cand] = {}

    # -- bookkeeping ---------------------------------------------------------------

    def add(self, cand: Cand) -> Cand:
        self.cands.append(cand)
        for i in range(cand.start, cand.end):
            self.cover[i].append(cand)
        return cand

    def drop(self, cand: Cand) -> None:
        cand.dead = True
        for i in range(cand.start, cand.end):
            self.cover[i].remove(cand)

    def over(self, start: int, end: int) -> list[Cand]:
        """Live candidates overlapping tokens [start, end), each once, in order."""
        seen: dict[int, Cand] = {}
        cover = self.cover
        for i in range(max(start, 0), min(end, self.n_tokens)):
            for c in cover.get(i, ()):
                seen.setdefault(id(c), c)
        return list(seen.values())

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens [start, end), without building a Span."""
        return self.char_start[start], self.char_end[end - 1]

    def tok(self, i: int) -> str:
        """The text of token ``i`` (``doc[i].text``), sliced from the text."""
        return self.text[self.char_start[i] : self.char_end[i]]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end) (``doc[start:end].text``), sliced from the text."""
        if start >= end:
            return ""
        return self.text[self.char_start[start] : self.char_end[end - 1]]

    def finish(self) -> list[Cand]:
        cands = [c for c in self.cands if not c.dead]
        cands.sort(key=lambda c: (c.start, -c.end))
        for c in cands:
            a, b = self.chars(c.start, c.end)
            c.text = self.text[a:b]
        return cands

    # -- sources -------------------------------------------------------------------

    def gazetteer(self, spans: list[Span]) -> None:
        """Countries, demonyms, outlets and companies, indexed by start and end token."""
        for span in spans:
            tag, value = span.label_.split(":", 1)
            if tag == "C":
                cand = Cand(span.start, span.end, know="GPE", key=f"C:{value}")
            elif tag == "D":
                cand = Cand(span.start, span.end, kind="demonym", know="GPE", key=f"C:{value}")
            elif tag == "O":
                cand = Cand(span.start, span.end, know="ORG", key=f"O:{value}")
            else:
                cand = Cand(span.start, span.end, know="MEDIA", key=f"M:{value}")
            self.gaz_start[span.start] = self.gaz_end[span.end] = self.add(cand)

    def _name_run(self, i: int) -> int:
        """End of a run of capitalised name tokens starting at ``i`` (``i`` if none)."""
        doc, j, words = self.doc, i, 0
        while j < len(doc) and words < 4:
            tok = doc[j]
            if (tok.is_alpha or _APOSTROPHE_NAME.match(tok.text)) and (
                    tok.is_title or tok.pos_ == "PROPN") and not tok.is_lower:
                if fold(tok.text) in self.lex.titles and j == i:
                    return i
                words += 1
                j += 1
            elif _INITIAL.match(tok.text) and j + 1 < len(doc) and doc[j + 1].is_alpha and (
                    doc[j + 1].text[0].isupper() and not doc[j + 1].is_upper):
                j += 1  # an initial: "Gregory W. Meeks", "Jennifer L. McClellan", "S. Donald"
            elif j > i + 1 and self.given_tail(j):
                j += 2  # "Koo Byoung-sam", "Kim Jong-un": the given name is whole
                break
            elif j > i and (
                (tok.text in HYPHENS and j + 1 < len(doc) and doc[j + 1].is_title)
                or (tok.lower_ in self.w("name_particle") and self._particle_ends(j))
            ):
                j += 1
            else:
                break
        if j > i + 1 and j < len(doc) and doc[j].lower_ in self.w("name_suffix"):
            j += 1
        return j

    def given_tail(self, j: int) -> bool:
        """Token ``j`` is a hyphen written tight between a capitalised word and a lower-case
        syllable ("Byoung-sam", "Jong-un"): the end of an East Asian given name, which
        spaCy's entities and a plain run of capitals stop short of ("Koo Byoung")."""
        return (0 < j < self.n_tokens - 1 and self.tok(j) in HYPHENS
                and self.char_end[j - 1] == self.char_start[j]
                and self.char_end[j] == self.char_start[j + 1]
                and self._plain_name(j - 1) and self.is_lower[j + 1]
                and given_syllable(self.tok(j + 1)))

    def _particle_ends(self, j: int) -> bool:
        """A particle inside a name is followed by the rest of the name: "al-Assad",
        "bin Laden", "von der Leyen"."""
        doc, k = self.doc, j + 1
        while k < len(doc) and (doc[k].text in HYPHENS or doc[k].lower_ in self.w("name_particle")):
            k += 1
        return k < len(doc) and doc[k].is_title and doc[k].is_alpha

    def role(self, title: Span) -> tuple[Role, int]:
        """The role a title gives, with "former" before it; and where the role starts."""
        doc, start = self.doc, title.start
        display = self.lex.title_display(title.text)
        prefixes = self.w("title_prefix")
        while start > 0 and start > title.start - 2 and (
                doc[start - 1].lower_ in self.w("former")
                or (doc[start - 1].lower_ in prefixes
                    # "first" only before another prefix: "First Deputy CEO"
                    and (prefixes[doc[start - 1].lower_] != "next"
                         or (start < title.start and doc[start].lower_ in prefixes))
                    # "Group Chief Executive", not "parliamentary group deputy leader"
                    and (prefixes[doc[start - 1].lower_] != "capital"
                         or self.is_title[start - 1]))):
            start -= 1
            display = f"{doc[start].text.capitalize()} {display}"
        return Role(title=display, span=(doc[start].idx, title.end_char)), start

    def _portfolio(self, start: int, role: Role) -> tuple[int, Role]:
        """A bare "Minister" or "Secretary" takes the capitalised portfolio before it as part
        of the post: "Economy, Trade and Industry Minister", "Fisheries Minister", "Culture
        Secretary". The portfolio is one to three capitalised nouns, or a list of them
        ("A, B and C"); no country, demonym, date or name spaCy tagged, no acronym, and not
        the end of a longer capitalised name."""
        doc = self.doc
        if fold(role.title) not in self.w("portfolio_head"):
            return start, role
        j, words, seen_and = start, 0, False
        skip = ("DATE", "TIME", "PERSON", "GPE", "NORP", "LOC", "FAC", "EVENT")
        while j > 0 and words < 6:
            k = j - 1
            text = self.tok(k)
            if (self.is_title[k] and self.is_alpha[k] and not self.is_upper[k]
                    and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].ent_type_ not in skip
                    and k not in self.gaz_end and k + 1 not in self.gaz_end
                    and text.lower() not in self.w("former")):
                words += 1
                j = k
            elif text in ("and", "&") and j < start and k > 0 and self.is_title[k - 1]:
                seen_and = True
                j = k
            elif text == "," and seen_and and j < start and k > 0 and self.is_title[k - 1]:
                j = k
            else:
                break
        while j < start and not self.is_title[j]:
            j += 1  # never open on "and" or a comma
        if j == start or (j > 0 and self.is_title[j - 1] and doc[j - 1].pos_ == "PROPN"):
            return start, role
        if "," in (self.tok(i) for i in range(j, start)) and not seen_and:
            return start, role
        if j > 0 and doc[j].is_sent_start is False and self.tok(j - 1) == "," and not seen_and:
            return start, role
        if doc[j].is_sent_start and (
                (doc[j].lower_ in self.lower_words and doc[j].pos_ != "PROPN")
                or doc[j].lower_ in self.w("sentence_stop")):
            return start, role  # "Today Minister X"; "Electricity Minister X" is a post
        display = f"{self.span_text(j, start)} {role.title}"
        return j, Role(title=display, span=(self.char_start[j], role.span[1]))

    def titled_names(self, titles: list[Span]) -> None:
        """ "Kazakh State Secretary Erlan Karin", "The union leader, Valentin Drăgulescu"."""
        doc = self.doc
        for title in titles:
            b = title.end + self.honorific(title.end)  # "Minister Dr Ann Lowe"
            reverse = False
            end = self._name_run(b)
            owner: tuple[int, int] | None = None
            portfolio = self._for_portfolio(title, b) if end == b else None
            if portfolio is not None:  # "Secretary for Labour and Welfare Chris Sun"
                b = portfolio
                end = self._name_run(b)
            elif end == b and (comma := self._title_first(title)) is not None:
                owner = (title.end, comma)
                first = comma + 1 + self.honorific(comma + 1)  # "spokesman, Mr John Okafor,"
                end = self._name_run(first)
                if end > first and (end == len(doc) or (
                        not doc[end].is_alpha and doc[end].text not in POSSESSIVE)):
                    reverse = True
                    b = first
                else:
                    end = b
            if end == b or any(t in self.gaz_start for t in range(b, end)):
                continue
            if not reverse and self._named_thing(title.start, b, end):
                continue  # "Premier League", "Prince Edward Island": no post and holder
            role, start = self.role(title)
            start, role = self._portfolio(start, role)
            if portfolio is not None:
                role = Role(title=f"{role.title} {self.span_text(title.end, portfolio)}",
                            span=(role.span[0], self.char_end[portfolio - 1]))
            prefix_start = start
            org_desc: str | None = None
            first = title.text.lower().split()[0]
            if len(title) > 1 and first in self.w("org_new"):
                org_desc = first
            if reverse and owner is not None:
                org_desc = self._owner(prefix_start, *owner, role) or org_desc
            if not reverse:
                k = start - 1
                prefix = self.gaz_end.get(k + 1)
                if prefix is not None and prefix.start > 0 and doc[prefix.start - 1].is_title and (
                        doc[prefix.start - 1].pos_ == "PROPN"):
                    prefix = None  # the end of a longer place name: "New Mexico Gov."
                if prefix is not None and prefix.key and prefix.key.startswith("C:"):
                    role.country = self.lex.country_name(prefix.key[2:])
                    start = prefix.start
                elif k >= 0 and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in (
                        "DATE", "TIME") and (
                    doc[k].text in self.known or doc[k].text in self.upper
                ):
                    # the whole name spaCy gives it: "White House spokesman", "Wells Fargo
                    # CEO"; never a word before it ("On Tuesday White House ...")
                    j = k
                    if doc[k].ent_iob_ == "I":
                        while j - 1 >= 0 and j > k - 3 and doc[j].ent_iob_ == "I" and (
                                doc[j - 1].lower_ not in self.w("former")
                                and self.w("title_prefix").get(doc[j - 1].lower_, "x") != "-"):
                            j -= 1
                    elif doc[k].ent_iob_ == "O":
                        # a name spaCy did not tag is still whole: "Premier League chief
                        # executive", as long as the words before are untagged names too
                        while j - 1 >= 0 and j > k - 2 and doc[j - 1].ent_iob_ == "O" and (
                                doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title
                                and doc[j - 1].dep_ == "compound"
                                and doc[j - 1].lower_ not in self.w("former")
                                and self.w("title_prefix").get(doc[j - 1].lower_, "x") != "-"):
                            j -= 1
                    role.organization = doc[j : k + 1].text
                    start = j
                elif k >= 0 and doc[k].pos_ == "NOUN" and doc[k].dep_ == "compound":
                    j = k
                    while j - 1 >= 0 and j > k - 2 and (
                            doc[j - 1].pos_ in ("NOUN", "PROPN")
                            # "parliamentary group deputy leader": the adjective is the group's
                            or (doc[j - 1].pos_ == "ADJ" and doc[j - 1].dep_ == "amod"
                                and doc[j - 1].is_lower and doc[j - 1].head.i == j)):
                        j -= 1
                    org_desc = doc[j : k + 1].text.lower()
                    start = j
            self.used_titles.add(title.start)
            self.blocked.update(range(prefix_start, portfolio or title.end))
            self.blocked.update(range(b, end))
            cand = Cand(start if not reverse else b, end, kind="title" if not reverse else "name")
            cand.know = "PERSON"
            cand.name = (b, end)
            cand.roles.append((role, org_desc))
            self.add(cand)

    def _named_thing(self, t: int, b: int, end: int) -> bool:
        """A title and the words after it are one name of something: the last word is an
        organisation word ("Premier League"), or one entity spaCy marks as no person runs
        from the title over the words ("Prince Edward Island")."""
        if fold(self.tok(end - 1)) in self.w("org_word"):
            return True
        doc = self.doc
        label = doc[b].ent_type_
        return (doc[b].ent_iob_ == "I" and label not in ("", "PERSON")
                and all(doc[i].ent_type_ == label for i in range(t, end))
                and doc[t].ent_iob_ == "B")

    def _for_portfolio(self, title: Span, b: int) -> int | None:
        """Where the name starts after a Hong Kong or British style portfolio, "Secretary
        for Labour and Welfare Chris Sun", "Minister for Home Affairs Ann Lowe": a bare
        portfolio head, "for", up to eight capitalised words, "and", "the" or commas, then
        a person spaCy marks (the only sure end of the portfolio). None otherwise."""
        doc = self.doc
        if fold(title.text) not in self.w("portfolio_head") or b >= self.n_tokens or (
                self.tok(b) != "for"):
            return None
        k = b + 1
        while k < self.n_tokens and k <= b + 9:
            if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON" and k > b + 1:
                return k if self.is_title[k - 1] and self._name_run(k) > k else None
            if not (self.is_title[k] or self.tok(k) in ("and", "&", "the", ",")):
                return None
            k += 1
        return None

    def _title_first(self, title: Span) -> int | None:
        """The comma before the name in "The union leader, Ana Pop," or "Turkey's foreign
        minister, Hakan Fidan,", "the head of the port authority, Marie Dufresne,": a
        determiner or a possessive before the title, then at most a short phrase of
        role prepositions ("of the port authority") without a verb. None otherwise."""
        doc, s = self.doc, self.role(title)[1]  # "the National Chairman of IPMAN, ..."
        if s == 0 or not (doc[s - 1].lower_ in self.w("title_det")
                          or doc[s - 1].text in POSSESSIVE):
            return None
        k = title.end
        if k < len(doc) and doc[k].lower_ in self.w("role_prep"):
            k += 1
            while k < len(doc) and k < title.end + 8 and doc[k].text != ",":
                tok = doc[k]
                if tok.pos_ in ("VERB", "AUX") or tok.lower_ in self.w("clause_stop") or (
                        tok.is_punct and tok.text not in HYPHENS):
                    return None
                k += 1
            if k == title.end + 1:
                return None
        return k if k + 1 < len(doc) and doc[k].text == "," else None

    def _owner(self, start: int, b: int, comma: int, role: Role) -> str | None:
        """Whose post a title-first apposition names: the possessor before the title
        ("Turkey's", "the company's") or the phrase after it ("of the port authority").
        A country goes on the role; anything else comes back as the organisation's
        description, for ``finish_roles`` to match against the story's organisations."""
        doc = self.doc
        if doc[start - 1].text in POSSESSIVE:
            country = self.gaz_end.get(start - 1)
            if country is not None and country.key and country.key.startswith("C:"):
                role.country = self.lex.country_name(country.key[2:])
                return None
            j = start - 1
            while j - 1 >= 0 and doc[j - 1].pos_ in ("PROPN", "NOUN") and j > start - 4:
                j -= 1
            if j == start - 1 or doc[j : start - 1].root.ent_type_ == "PERSON":
                return None  # "Senator Ann Lowe's spokesman, John Smith,"
            return doc[j : start - 1].text
        if b == comma:
            return None
        k = b + 1
        if doc[k].lower_ in self.w("determiner"):
            k += 1
        country = self.gaz_start.get(k)
        if country is not None and country.end == comma and country.key and (
                country.key.startswith("C:")):
            role.country = self.lex.country_name(country.key[2:])
            return None
        return doc[k:comma].text or None

    def media_pattern(self, cues: list[Cue]) -> None:
        """ "the Khabar 24 TV channel": the capitalised words before a media cue."""
        doc = self.doc
        dets = self.w("determiner")
        for (section, _), s, _e in cues:
            if section != "media_cue":
                continue
            b = s
            while b - 1 >= 0 and (
                doc[b - 1].like_num
                or doc[b - 1].is_title
                or (doc[b - 1].text in HYPHENS and b - 2 >= 0 and doc[b - 2].is_title)
            ) and doc[b - 1].lower_ not in dets:
                b -= 1
            if b == s or any(c.start < s for c in self.over(b, s)):
                continue
            text = doc[b:s].text
            canonical = self.lex.media.get(text, text)
            self.add(Cand(b, s, know="MEDIA", key=f"M:{canonical}"))

    def _drop_initial(self, start: int, end: int, label: str) -> bool:
        """Whether a sentence-initial word is no part of the name ("Law", "Protests").

        A proper noun stays ("Amnesty International") unless its lower-case form is used
        elsewhere in the article, it is a listed sentence opener, or (for no person) the
        rest is a name found on its own elsewhere ("Shaken Almaty", "Almaty"); so does
        an adjective starting a longer name ("Red Cross")."""
        doc, tok = self.doc, self.doc[start]
        if not tok.is_sent_start or tok.text in self.known:
            return False
        if label in ("GPE", "LOC", "FAC", "ORG") and end - start > 1 and (
                tok.lower_ in self.w("place_opener") and doc[start + 1].is_title):
            return False
        if end - start > 1 and self.tok(end - 1).lower() in self.w("org_word") and (
                tok.lower_ not in self.w("sentence_stop")):
            return False  # "Border Patrol recorded ...", "Coast Guard officers said ..."
        if tok.lower_ in self.lower_words or tok.lower_ in self.w("sentence_stop"):
            return True
        if label != "PERSON" and end - start > 1 and doc[start + 1 : end].text in self.ent_texts:
            return True
        if tok.pos_ == "PROPN":
            return False
        return not (tok.pos_ == "ADJ" and end - start > 1 and doc[start + 1].pos_ == "PROPN")

    def honorific(self, i: int, end: int | None = None) -> bool:
        """Whether token ``i`` is a courtesy title before a name ("Mr John Okafor",
        "Alhaji Abubakar Maigandi", "Dr. Ann Lowe"): a listed honorific, with or without its
        full stop, followed (before ``end``) by a capitalised word that is no title word, so
        "Chief Executive Ann Lowe" keeps its post. "M." alone is an initial as often."""
        j = i + 1
        if j >= (self.n_tokens if end is None else end) or not self.is_title[j]:
            return False
        word = self.tok(i).lower()
        word = word[:-1] if word.endswith(".") else word
        return (word != "m" and word in self.w("honorific") and self.is_alpha[j]
                and self.tok(j).lower() not in self.lex.title_words)

    def trim(self, start: int, end: int, label: str = "") -> tuple[int, int]:
        """Drop determiners, spaces, possessives, honorifics and a sentence-initial word
        that is no name."""
        doc = self.doc
        stop, dets = self.w("stop"), self.w("determiner")
        space, punct = self.is_space, self.is_punct
        while start < end:
            if space[start] or punct[start]:
                start += 1
                continue
            lower = doc[start].lower_
            if lower in dets or lower in stop or self.honorific(start, end) or (
                    self._drop_initial(start, end, label)):
                start += 1
            else:
                break
        while end > start and (
            self.tok(end - 1) in POSSESSIVE or punct[end - 1] or space[end - 1]
        ):
            end -= 1
        return start, end

    def _spaced_dash(self, i: int) -> bool:
        """A dash with a space on each side ("Sumatra - USGS"): it separates, never joins."""
        return (self.tok(i) in DASHES and self.char_start[i] > self.char_end[i - 1]
                and self.char_start[i + 1] > self.char_end[i])

    def country_ellipses(self) -> None:
        """ "The North has fired missiles five times this year": in a story naming both
        Koreas, a capitalised "the North" / "the South" with no name after it is the
        Korea of that name (``country_ellipsis``: word -> its country and the other one the
        story must name too, so the US "South" of a story about a Samsung plant stays)."""
        named = {c.key[2:] for c in self.gaz_start.values() if c.key and c.key[:2] == "C:"
                 and not c.dead}
        wanted = {w.capitalize(): v.split("|") for w, v in self.w("country_ellipsis").items()}
        wanted = {w: v[0] for w, v in wanted.items() if set(v) <= named}
        if not wanted:
            return
        strings = self.doc.vocab.strings
        hashes = np.array([strings.add(w) for w in wanted], dtype=np.uint64)
        for i in np.nonzero(np.isin(self.orth.astype(np.uint64), hashes))[0].tolist():
            if i == 0 or self.tok(i - 1).lower() != "the" or i in self.blocked or (
                    i + 1 < self.n_tokens and self.is_title[i + 1]):
                continue
            here = self.over(i, i + 1)
            if any(c.key or c.start < i or c.end > i + 1 for c in here):
                continue
            for c in here:
                self.drop(c)
            code = wanted[self.tok(i)]
            self.gaz_start[i] = self.gaz_end[i + 1] = self.add(
                Cand(i, i + 1, know="GPE", key=f"C:{code}"))

    def _clause_join(self, i: int, label: str) -> bool:
        """Token ``i`` inside a spaCy entity joins two names, never one: a lower-case
        subordinating conjunction, verb or pronoun ("that"), or, outside a place, a comma
        not before a company or generational suffix."""
        if self.is_lower[i]:
            return self.doc[i].pos_ in ("SCONJ", "VERB", "PRON")  # "Alliance to Reclaim"
        if self.tok(i) != "," or label in ("GPE", "LOC"):
            return False
        after = self.tok(i + 1).lower().rstrip(".")
        return after not in self.w("org_word") and after not in self.w("name_suffix")

    def _ent_parts(self) -> list[tuple[int, int, str]]:
        """spaCy's entities as (start, end, label), split where spaCy ran two names into
        one: at a spaced dash (a headline's source, "... off Sumatra - USGS"; "Kyodo - Japan
        will ..." after an unbracketed dateline), and a place at "and" when one side is
        named on its own elsewhere ("Abuja and Lagos"; "Trinidad and Tobago" is a country
        and never split). A part after a locative preposition ("off Sumatra") is a place."""
        out: list[tuple[int, int, str]] = []
        for ent in self.ents:
            label = ent.label_
            if label not in VOTE_LABELS:
                continue
            dashes = [i for i in range(ent.start + 1, ent.end - 1) if self._spaced_dash(i)]
            ands = [i for i in range(ent.start + 1, ent.end - 1) if label in ("GPE", "LOC")
                    and self.tok(i) in ("and", "&")]
            # two names spaCy ran together over a clause: "told Daily Maverick that Eskom
            # had", "sources at Palazzo Chigi, Meloni also intends" ("Apple, Inc.",
            # "Martin Luther King, Jr." and "Columbus, Ohio" stay whole)
            joins = [i for i in range(ent.start + 1, ent.end - 1) if self._clause_join(i, label)]
            cuts = sorted(dashes + ands + joins)
            bounds = _pieces(ent.start, ent.end, cuts)
            texts = [self.span_text(s, e) for s, e in bounds]
            if ands and not any(x in self.ent_texts or x in self.lex.country_forms
                                for x in texts):
                cuts, bounds = dashes, _pieces(ent.start, ent.end, dashes)
            if not cuts:
                out.append((ent.start, ent.end, label))
                continue
            for s, e in bounds:
                place = s > 0 and self.tok(s - 1).lower() in self.w("locative_prep")
                out.append((s, e, "LOC" if place and e - s == 1 and dashes else label))
        return out

    def spacy_ents(self) -> None:
        doc = self.doc
        for ent_start, ent_end, label in self._ent_parts():
            start, end = self.trim(ent_start, ent_end, label)
            if label == "PERSON" and end - start >= 2 and self.given_tail(end):
                end += 2  # spaCy's "Kim Jong" of "Kim Jong-un"
            elif label == "PERSON" and end < self.n_tokens - 1 and self._plain_name(end) and (
                    self.given_tail(end + 1)):
                end += 3  # "Chris Sun" of "Chris Sun Yuk-han", "Kim" of "Kim Jong-un"
            if start >= end or any(i in self.blocked for i in range(start, end)):
                continue
            if all(self.is_lower[i] or self.is_space[i] for i in range(start, end)):
                continue
            text = self.span_text(start, end)
            if not fold(text) or fold(text) in self.w("not_actor") or (
                    text.isupper() and fold(text) in self.w("end_marker")):
                continue  # "Easter", "Christmas"; Yonhap's "(END)"
            here = self.over(start, end)
            same = next((c for c in here if (c.start, c.end) == (start, end)), None)
            if same is not None:
                same.votes[label] += 1
                continue
            if label == "PERSON" and end - start > 1:
                # "US envoy Chad Jordan": a person's name covering country names wins
                inner = [c for c in here if start <= c.start and c.end <= end]
                if inner and all(self.span_text(c.start, c.end) in self.lex.ambiguous
                                 for c in inner):
                    for c in inner:
                        self.drop(c)
                    here = [c for c in here if c not in inner]
            if (label in ("GPE", "LOC") and end - start > 1
                    and doc[start].lower_ in self.w("place_opener")):
                # "New Jersey", "Northern Ireland": a place named after a country is not it
                inner = [c for c in here if start < c.start and c.end <= end
                         and c.key and c.key.startswith("C:")]
                for c in inner:
                    self.drop(c)
                here = [c for c in here if c not in inner]
            if any(c.start < start or c.end > end for c in here):
                continue
            self.add(Cand(start, end, votes=Counter({label: 1})))

    def speaker_names(self, heads: list[int], verbs: frozenset[str], head_end: int) -> None:
        """ "Nadia Rahman, who runs three homes, told ...", "Giorgos Pappas, 67, said": a
        run of two or three capitalised proper nouns that is the subject (or the named
        apposition of the subject) of a reporting verb, or has an age after it, is a
        person even where spaCy's NER missed it; where spaCy typed it as something else
        an age or a listed given name must back the reading, which then gets a PERSON vote.

        ``heads``: tokens the caller picked cheaply from the arrays (proper nouns that are
        subjects or appositions, and words before ", <number>,"); ``verbs``: reporting verb
        lemmas; ``head_end``: where the headline ends (kickers there are no speakers)."""
        doc, lex = self.doc, self.lex
        given = self.w("male_name").keys() | self.w("female_name").keys()
        singles: list[int] = []
        org_words = self.w("org_word")
        for h in heads:
            tok = doc[h]
            dep, up = tok.dep_, tok.head
            last = h  # the name's last token: "jun" of "Park Min-jun"
            if tok.is_lower and h >= 2 and self.tok(h - 1) in HYPHENS and self._plain_name(
                    h - 2) and doc[h - 2].pos_ == "PROPN" and len(tok) <= 6:
                h -= 2  # a surname-first name's hyphenated given name: "Min-jun"
            if not self._plain_name(h):
                continue
            if tok.pos_ != "PROPN" or tok.tag_ != "NNP":
                if dep in ("nsubj", "nsubjpass"):
                    singles.append(h)  # "Giorgos said", which spaCy tags a common noun
                continue
            aged = self._aged(last + 1)
            start = h
            while start - 1 >= 0 and h - start < 3 and doc[start - 1].dep_ == "compound" and (
                    doc[start - 1].head.i == h or doc[start - 1].head.i == start) and (
                    doc[start - 1].pos_ == "PROPN" and self._plain_name(start - 1)):
                start -= 1
            if start == h and dep in ("nsubj", "nsubjpass"):
                singles.append(h)
                continue
            said = (dep in ("nsubj", "nsubjpass") and up.lemma_ in verbs) or (
                dep == "appos" and up.dep_ in ("nsubj", "nsubjpass") and up.head.lemma_ in verbs
                and up.i < h)
            if not (said or aged):
                continue
            if doc[start].is_sent_start and (doc[start].lower_ in self.lower_words
                                             or doc[start].lower_ in self.w("sentence_stop")):
                start += 1  # "Meanwhile Ana Pop said": the opener is no name
            end = last + 1
            n = h + 1 - start
            if not 2 <= n <= 3 or self.char_start[start] < head_end:
                continue
            if h - start >= 2 and self.honorific(start):
                start += 1  # "Mrs Amaka Obi said": the honorific is no part of the name
            if start > 0 and self.is_title[start - 1] and doc[start - 1].pos_ == "PROPN" and (
                    not self.honorific(start - 1)):
                continue  # the end of a longer capitalised name
            if any(i in self.blocked for i in range(start, end)):
                continue
            if end + 1 < len(doc) and self.tok(end) == "," and doc[end + 1].lower_ == "which":
                continue  # "Dangote Cement, which operates plants ...": a thing, not a person
            if any(c.dep_ == "appos" and c.lemma_.lower() in org_words for c in doc[h].rights):
                continue  # "Ahold Delhaize, the company at the centre of the dispute, said"
            text = self.span_text(start, end)
            if fold(self.tok(h)) in org_words and not self.over(start, end) and all(
                    doc[i].ent_iob_ == "O" for i in range(start, end)):
                # "Karoo Platinum said": an organisation spaCy missed is one all the same
                self.add(Cand(start, end, votes=Counter({"ORG": 1})))
                continue
            if lex.org_classes(text) or any(
                    self.tok(i) in lex.country_forms or self.tok(i) in lex.demonyms
                    or fold(self.tok(i)) in lex.titles or fold(self.tok(i)) in org_words
                    or doc[i].tag_ == "NNPS" for i in range(start, h + 1)):
                continue
            here = self.over(start, end)
            if not here:
                # spaCy's type for the same name elsewhere stands ("Zero Hedge said")
                if text not in self.ent_texts and all(
                        doc[i].ent_iob_ == "O" for i in range(start, end)):
                    self.add(Cand(start, end, votes=Counter({"PERSON": 1})))
                continue
            # spaCy typed it otherwise: only an age or a known given name says person
            if not (aged or fold(self.tok(start)) in given) or any(
                    c.key or c.know or c.kind != "name" or c.start < start or c.end > end
                    or c.votes["PERSON"] for c in here):
                continue
            same = next((c for c in here if (c.start, c.end) == (start, end)), None)
            if same is None:
                votes: Counter[str] = Counter()
                for c in here:
                    votes.update(c.votes)
                    self.drop(c)
                same = self.add(Cand(start, end, votes=votes))
            same.votes["PERSON"] = max(same.votes.values(), default=0) + 1
        if singles:
            self._known_person_words(singles, head_end)

    def _known_person_words(self, singles: list[int], head_end: int) -> None:
        """ "Adeyemi welcomed the reopening", "Giorgos said": a one-word subject spaCy did
        not mark that is the family name of a person the story names in full, or the given
        name of exactly one, is a mention of that person (clustering then joins it).
        Without it a later "he" went to a person spaCy did see, named further back."""
        families, firsts = self._person_words()
        for h in singles:
            word = self.tok(h)
            if not (word in families or firsts[word] == 1) or self.char_start[h] < head_end:
                continue
            if self.over(h, h + 1) or h in self.blocked or self.doc[h].ent_iob_ != "O":
                continue
            if word in self.lex.country_forms or fold(word) in self.lex.titles:
                continue
            self.add(Cand(h, h + 1, votes=Counter({"PERSON": 1})))

    def honorific_names(self, marks: list[int]) -> None:
        """ "Mr. Pappas said" after "Giorgos Pappas": a family name of the story's people
        after an honorific is a mention even where spaCy did not mark it (the honorific
        stays out of it, as in spaCy's own entities). Other words after one are left
        alone: "Miss Universe" is a pageant. ``marks``: honorific tokens, from arrays."""
        if not marks:
            return
        families = self._person_words()[0]
        for i in marks:
            b = i + 1
            if b >= self.n_tokens or self.tok(b) not in families or self.over(b, b + 1):
                continue
            if b in self.blocked or self.doc[b].ent_iob_ != "O":
                continue
            self.add(Cand(b, b + 1, votes=Counter({"PERSON": 1})))

    def _person_words(self) -> tuple[set[str], Counter[str]]:
        """Family names and given names (with how many full names each opens) of the
        people the candidates name in full."""
        families: set[str] = set()
        firsts: Counter[str] = Counter()
        full: set[str] = set()
        for c in self.cands:
            if c.dead or c.key or c.end - c.start < 2 or not (
                    c.know == "PERSON" or (c.know is None and c.votes["PERSON"])):
                continue
            s, e = c.name_range()
            words = [self.tok(j) for j in range(s, e) if self.is_alpha[j]]
            if len(words) < 2 or self.span_text(s, e) in full:
                continue
            full.add(self.span_text(s, e))
            families.add(surname_first(self.span_text(s, e)) or words[-1])
            firsts[words[0]] += 1
        return families, firsts

    def _plain_name(self, i: int) -> bool:
        """A capitalised alphabetic word that is no acronym ("Rahman", not "AP")."""
        return self.is_title[i] and self.is_alpha[i] and not self.is_upper[i]

    def _aged(self, i: int) -> bool:
        """ ", 67," at token ``i``: the age wire copy puts after a person's name; not a
        tally in a list ("in Los Angeles, 14, San Diego, 6, and Santa Barbara, 2,"), where
        another name or "and" follows, or the name itself follows "and" or a number."""
        doc = self.doc
        if not (i + 2 < len(doc) and self.tok(i) == "," and self.tok(i + 2) == ","
                and self.tok(i + 1).isdigit() and len(self.tok(i + 1)) <= 3):
            return False
        if i + 3 < len(doc) and (self.is_title[i + 3] or self.tok(i + 3) in ("and", "or")):
            return False
        start = doc[i - 1].left_edge.i if i > 0 else 0
        k = start - 1
        return not (k >= 0 and (self.tok(k) in ("and", "or", ",") or doc[k].like_num))

    def trailer(self) -> None:
        """Drop what spaCy found in an agency's closing code line: "... officials said. PTI
        ABC XYZ RT RT" (PTI's reporter and desk initials), "dpa lmu yyzz n1 bfi". The line
        ends the text, opens with an outlet's name after a sentence end or a line break,
        and the rest are short codes; the outlet keeps its mention, the codes are no
        actors ("RT" there is no Russian broadcaster)."""
        i = self.n_tokens
        while i > 0 and self.is_space[i - 1]:
            i -= 1
        j = i
        while j > 0 and self._code(j - 1):
            j -= 1
        # the outlet is the first code of the run whose name is an outlet
        k = next((k for k in range(j, i) if k in self.gaz_start
                  and (self.gaz_start[k].key or "").startswith("M:")), None)
        if k is None or i - k < 2:
            return
        if k > 0 and not (self.is_space[k - 1] or self.tok(k - 1) in (".", "!", "?", '"', "”")):
            return
        for c in self.over(k + 1, i):
            if c.start > k:
                self.drop(c)
        self.blocked.update(range(k + 1, i))

    def _code(self, i: int) -> bool:
        """A token of an agency's code line: up to five letters or digits, not a word in
        title case ("ABC", "n1", "bfi")."""
        text = self.tok(i)
        return len(text) <= 5 and text.isalnum() and not self.is_title[i]

    def dateline(self) -> None:
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
            canonical = agency_outlet(text)
            if span is not None:
                cand = Cand(span.start, span.end, know="MEDIA", key=f"M:{canonical}")
                self._replace(span.start, span.end, cand)
            else:
                mention = Mention(text=text, span=dateline.agency.span, kind="name")
                self.extra.append((f"M:{canonical}", mention))

    def _replace(self, start: int, end: int, cand: Cand) -> None:
        old = self.over(start, end)
        for c in old:
            if (c.start, c.end) == (start, end) and c.key:
                if cand.key and cand.key.startswith("M:"):
                    c.key = cand.key  # the readers' outlet name wins at the dateline
                return
        for c in old:
            self.drop(c)
        self.add(cand)

    def appositions(self, titles: list[Span]) -> None:
        """ "Henrik Aalberg, chief executive of Nordvik Container Lines": roles after a name."""
        doc = self.doc
        by_start = {c.start: c for c in self.cands if not c.dead}
        title_at = {t.start: t for t in titles}
        stops, preps = self.w("clause_stop"), self.w("role_prep")
        for cand in list(self.cands):
            if cand.dead or cand.key or cand.kind not in ("name", "title"):
                continue
            e = cand.end
            if e >= len(doc) - 1 or self.tok(e) != ",":
                continue
            stop = e + 1
            while stop < len(doc) and stop < e + 16 and self.tok(stop) not in APPOSITION_END:
                tok = doc[stop]
                if tok.lower_ in stops or tok.pos_ in ("VERB", "AUX"):
                    break
                stop += 1
            inside = [title_at[i] for i in range(e + 1, stop) if i in title_at
                      and title_at[i].end <= stop and i not in self.used_titles
                      and not self.over(title_at[i].start, title_at[i].end)
                      # "Two Democrats, ... and hedge-fund manager S. Donald Sussman": the
                      # title before a name is that name's
                      and self._name_run(title_at[i].end) == title_at[i].end]
            if not inside:
                continue
            cand.know = cand.know or "PERSON"
            for title in inside:
                self.used_titles.add(title.start)
                role, _ = self.role(title)
                k = title.end
                if k < len(doc) and doc[k].lower_ in preps:
                    k += 1
                    if k < len(doc) and doc[k].lower_ in self.w("determiner"):
                        k += 1
                    org = by_start.get(k)
                    if org is None:
                        # "executive vice president for policy for the Center for ...": a
                        # lower-case portfolio, then the organisation
                        j = k
                        while j < min(k + 3, len(doc)) and doc[j].is_lower and (
                                doc[j].pos_ in ("NOUN", "ADJ")):
                            j += 1
                        if k < j < len(doc) - 1 and doc[j].lower_ in preps:
                            j += 1
                            if j < len(doc) and doc[j].lower_ in self.w("determiner"):
                                j += 1
                            org = by_start.get(j)
                    if org is not None and self._based(org.end):
                        org = by_start.get(org.end + 2)
                    if org is not None and org.key and org.key.startswith("C:"):
                        role.country = self.lex.country_name(org.key[2:])
                    elif org is not None:
                        role.organization = doc[org.start : org.end].text
                cand.roles.append((role, None))

    def _based(self, i: int) -> bool:
        """ "Almaty-based": a hyphen and "based" at token ``i``."""
        doc = self.doc
        return (i + 1 < len(doc) and doc[i].text in HYPHENS
                and doc[i + 1].lower_ in self.w("based"))

    def cue_knowledge(self, cues: list[Cue]) -> None:
        """Types from context: "the town of X" (place), "X container terminal" (facility),
        "X-based" (place), "X, who" (person)."""
        doc = self.doc
        live = [c for c in self.cands if not c.dead and not c.key]
        by_start = {c.start: c for c in live}
        by_end = {c.end: c for c in live}
        for (section, _), s, e in cues:
            if section == "place_cue" and e + 1 < len(doc) and doc[e].lower_ == "of":
                cand = by_start.get(e + 1)
                if cand is not None:
                    cand.know = "GPE"
            elif section == "facility_cue":
                for k in (s, s - 1):
                    if k < 1 or doc[k - 1].text in POSSESSIVE:
                        break
                    if k in by_end and by_end[k].know is None:
                        by_end[k].know = "FAC"
            elif section in ("event_cue", "nature_cue") and s in by_end:
                # "the Freedom Shield exercise" is an event; "the Logan and Albert rivers"
                # are places, both of them (spaCy read "Albert" as a person)
                know = "EVENT" if section == "event_cue" else "LOC"
                cand = by_end[s]
                if cand.know is None:
                    cand.know = know
                if section == "nature_cue" and cand.start >= 2 and (
                        self.tok(cand.start - 1) in ("and", "&")):
                    other = by_end.get(cand.start - 1)
                    if other is not None and other.know is None:
                        other.know = know
        for cand in by_start.values():
            if self._based(cand.end):
                cand.know = "GPE"
            elif (cand.end + 1 < len(doc) and doc[cand.end].text == ","
                  and doc[cand.end + 1].lower_ in self.w("person_relative")):
                cand.know = cand.know or "PERSON"
