"""Speakers are entities: link each source span to an entity of ``doc._.entities``.

The quotes component decides which span is the speaker; which actor that span stands
for, and adding a pronoun or description to the actor's mentions, is the coreference
module's job (``dateline.nlp.coref``), shared with the entities component so both follow
one set of rules. Here only the speaker-specific parts remain: a name already covered by
an entity links by its head word; relative pronouns ("who") go through their antecedent;
the last speaker is preferred for a pronoun.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.nlp.coref import Coref
from dateline.nlp.quotes_lexicon import possessives
from dateline.record import Entity

RELATIVE = {"who", "which", "that", "whom"}


class Resolver:
    """Resolves speakers in text order, remembering who spoke last."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.coref = Coref(doc, list(doc._.entities or []), text)
        self.text = self.coref.text
        self.last_speaker: Entity | None = None
        self.heard: tuple[Entity, list[tuple[int, int]]] | None = None
        """The latest quote's speaker and content: a "he" quoting right after it is more
        likely that speaker going on than a person it talked about."""
        self.unnamed_at = -1
        self.unnamed_fits: frozenset[str] = frozenset()
        """End of the latest speaker that is a description of no entity ("a government
        spokesman"): a pronoun after it is that speaker, not a person named before it."""

    def resolve(
        self, text: str, span: tuple[int, int], token: int | None, quoted: bool = False
    ) -> str | None:
        """The id of the speaker's entity, adding a pronoun/description mention if new."""
        coref = self.coref
        lower = text.lower()
        head = self._head_span(span, token)
        ent = coref.entity_at(head)
        if quoted and (going_on := self._going_on(ent, span, lower)) is not None:
            if ent is not None:
                coref.drop(ent, span)
            coref.add(going_on, text, span, "pronoun")
            self.last_speaker = going_on
            return going_on.id
        if (
            ent is not None
            and coref.pronoun_class(possessives().get(lower, lower))
            and self._nearer_unnamed(ent, span[0], possessives().get(lower, lower))
        ):
            # the entities pass linked the pronoun to a person named before the speaker
            ent.mentions = [m for m in ent.mentions if tuple(m.span) != tuple(span)]
            return None
        if ent is None and token is not None:
            ent = self._apposed(token)
        if ent is None and text.isupper() and any(c.isalpha() for c in text):
            ent = self._transcript_name(text, span)
        if ent is None and token is not None and lower in RELATIVE:
            tok = self.doc[token]
            ent = coref.entity_at((tok.idx, tok.idx + len(tok.text)))
            if ent is None:
                ent = coref.describe((tok.left_edge.idx, tok.idx + len(tok.text)), tok.lemma_,
                                     prefer=self.last_speaker)
            if ent is not None:
                coref.add(ent, text, span, "pronoun")
        elif ent is None and coref.pronoun_class(pron := possessives().get(lower, lower)):
            ent = coref.pronoun(span[0], pron, prefer=self.last_speaker)
            if ent is not None and self._nearer_unnamed(ent, span[0], pron):
                return None
            if ent is not None:
                coref.add(ent, text, span, "pronoun")
        elif (ent is None and token is not None and self.doc[token].is_title
              and text == self.doc[token].text
              and (ent := coref.surname(span[0], text)) is not None):
            coref.add(ent, text, span, "name")
        elif ent is None and token is not None:
            tok = self.doc[token]
            ent = coref.describe(span, tok.lemma_, prefer=self.last_speaker,
                                 plural=tok.tag_ in ("NNS", "NNPS"))
            if ent is not None:
                coref.add(ent, text, span, "description", head=head)
        if ent is not None:
            self.last_speaker = ent
            ent.mentions.sort(key=lambda m: m.span)
        elif token is not None and lower not in RELATIVE and self.doc[token].pos_ == "NOUN":
            tok = self.doc[token]
            person, gender = coref.person_head(tok.lemma_.lower())
            # 'the people, who asked not to be identified': "who" makes them persons
            person = person or any(t.lower_ == "who" for t in tok.subtree)
            if person:  # 'a government spokesman': whom a following 'he' may stand for
                self.unnamed_at = span[1]
                plural = tok.tag_ == "NNS"
                self.unnamed_fits = frozenset(
                    {"they"} if plural else {p for p, g in (("he", "m"), ("she", "f"))
                                             if gender in (None, g)}
                )
        return ent.id if ent else None

    def said(self, speaker: str | None, content: list[tuple[int, int]]) -> None:
        """Record a quote's speaker (the id ``resolve`` just gave) and content, in text
        order."""
        last = self.last_speaker
        known = speaker is not None and last is not None and last.id == speaker
        self.heard = (last, content) if known and last is not None else None

    def _going_on(self, ent: Entity | None, span: tuple[int, int], lower: str) -> Entity | None:
        """``Mayor Ann Lowe said Peter Vance had misled the council. "He knew," she said.``:
        the pronoun quoting right after an attribution is its speaker going on, not the
        person named in what was said, when that person is mentioned nowhere else between
        (a name list cannot tell "Ann" from "Peter" for every name)."""
        if self.heard is None:
            return None
        prev, content = self.heard
        cls = self.coref.pronoun_class(possessives().get(lower, lower))
        if cls not in {"m", "f"} or ent is prev or not self.coref._fits_pronoun(prev, cls):
            return None
        if not content or span[0] - content[-1][1] > 400:
            return None
        if ent is None:
            ent = self.coref.pronoun(span[0], lower)
            if ent is None or ent is prev:
                return None
        latest = max((m.span for m in ent.mentions if m.span[1] <= span[0]), default=None)
        if latest is None or not any(s <= latest[0] and latest[1] <= e for s, e in content):
            return None  # named outside that quote's words: the pronoun may well be them
        return prev

    def _nearer_unnamed(self, ent: Entity, pos: int, pronoun: str) -> bool:
        """Did an unnamed speaker speak after the last mention of ``ent`` before ``pos``?
        (``Lindner said A. B, a government spokesman said. C, he said.``: "he" is the
        spokesman.)"""
        if self.unnamed_at < 0 or self.unnamed_at > pos or pronoun not in self.unnamed_fits:
            return False
        last = max((m.span[1] for m in ent.mentions if m.span[1] <= pos), default=-1)
        return last < self.unnamed_at

    def _transcript_name(self, text: str, span: tuple[int, int]) -> Entity | None:
        """``LEYLA ARAS:`` or ``DURMAZ:`` opening a transcript line: the person the story
        names that way in ordinary case ("Leyla Aras", "Kemal Durmaz")."""
        words = text.split()
        if len(words) == 1:
            ent = self.coref.surname(span[0], words[0].title())
            if ent is not None:
                self.coref.add(ent, text, span, "name")
            return ent
        key = " ".join(words).casefold()
        for ent in self.coref.entities:
            if ent.type == "PERSON" and ent.name.casefold() == key:
                self.coref.add(ent, text, span, "name")
                return ent
        return None

    def _apposed(self, token: int) -> Entity | None:
        """ "A spokesman for the ministry, Oleg Nikolenko,": the name in apposition to the
        speaker's head is the speaker, even where the description alone would not
        resolve (an indefinite one introduces the person the name then gives)."""
        for child in self.doc[token].children:
            if child.dep_ == "appos":
                ent = self.coref.entity_at((child.idx, child.idx + len(child.text)))
                if ent is not None and ent.type == "PERSON":
                    return ent
        return None

    def _head_span(self, span: tuple[int, int], token: int | None) -> tuple[int, int]:
        """The part of the source that must be a mention of the speaker: its head word.
        A mention covering only a modifier (``Kazakh`` in ``Kazakh authorities``) names
        something else, not the speaker; such a speaker stays an unlinked description."""
        if token is None:
            return span
        tok = self.doc[token]
        head = (tok.idx, tok.idx + len(tok.text))
        return head if span[0] <= head[0] and head[1] <= span[1] else span
