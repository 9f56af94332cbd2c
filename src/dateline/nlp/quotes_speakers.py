"""Speakers are entities: link each source span to an entity of ``doc._.entities``.

A name the entities component already covers links by overlap. A pronoun (``he``) links
to the most recent compatible speaker or person; a description (``the Kazakh state
secretary``) to the entity whose role title or mentions share its head word. The pronoun
or description is then added to that entity's mentions, so the entity carries the
evidence. Only the record models are used (Entity.mentions, .roles, .type).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.record import Entity, Mention

PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
GROUP_PRONOUNS = {"they", "we", "them"}
RELATIVE = {"who", "which", "that", "whom"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mention_at(entities: list[Entity], span: tuple[int, int]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in entities:
        for m in ent.mentions:
            if _overlap(m.span, span):
                size = m.span[1] - m.span[0]
                if best is None or size > best[0]:
                    best = (size, ent)
    return best[1] if best else None


def _last_before(entities: list[Entity], pos: int, types: set[str]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in entities:
        if ent.type not in types:
            continue
        for m in ent.mentions:
            if m.span[1] <= pos and (best is None or m.span[1] > best[0]):
                best = (m.span[1], ent)
    return best[1] if best else None


def _words(text: str) -> set[str]:
    return {w.strip(".,'’\"").lower() for w in text.split()} - _DETERMINERS - {""}


class Resolver:
    """Resolves speakers in text order, remembering who spoke last."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.entities: list[Entity] = list(doc._.entities or [])
        self.last_speaker: Entity | None = None

    def resolve(self, text: str, span: tuple[int, int], token: int | None) -> str | None:
        """The id of the speaker's entity, adding a pronoun/description mention if new."""
        lower = text.lower()
        ent = _mention_at(self.entities, self._head_span(span, token))
        if ent is None and token is not None and lower in RELATIVE:
            tok = self.doc[token]
            ent = _mention_at(self.entities, (tok.idx, tok.idx + len(tok.text)))
            if ent is None:
                ent = self._describe(tok.left_edge.idx, tok.idx + len(tok.text), tok.lemma_)
            if ent is not None:
                self._add(ent, text, span, "pronoun")
        elif ent is None and lower in PERSON_PRONOUNS:
            ent = self._recent(span[0], {"PERSON"})
            if ent is not None:
                self._add(ent, text, span, "pronoun")
        elif ent is None and lower in GROUP_PRONOUNS:
            ent = self._recent(span[0], {"ORG", "NORP", "GPE", "MEDIA"})
            if ent is not None:
                self._add(ent, text, span, "pronoun")
        elif ent is None and token is not None:
            tok = self.doc[token]
            ent = self._describe(span[0], span[1], tok.lemma_)
            if ent is not None:
                self._add(ent, text, span, "description")
        if ent is not None:
            self.last_speaker = ent
        return ent.id if ent else None

    def _head_span(self, span: tuple[int, int], token: int | None) -> tuple[int, int]:
        """The part of the source that must be a mention of the speaker: its head word.
        A mention covering only a modifier (``Kazakh`` in ``Kazakh authorities``) names
        something else, not the speaker; such a speaker stays an unlinked description."""
        if token is None:
            return span
        tok = self.doc[token]
        head = (tok.idx, tok.idx + len(tok.text))
        return head if span[0] <= head[0] and head[1] <= span[1] else span

    def _recent(self, pos: int, types: set[str]) -> Entity | None:
        if self.last_speaker is not None and self.last_speaker.type in types:
            return self.last_speaker
        return _last_before(self.entities, pos, types)

    def _describe(self, start: int, end: int, head: str) -> Entity | None:
        """An entity whose role title or a mention shares the description's head word."""
        head = head.lower()
        if not head.isalpha() or len(head) < 3:
            return None
        words = _words(self.text[start:end])
        candidates: list[tuple[int, int, Entity]] = []
        for order, ent in enumerate(self.entities):
            titles = set().union(*(_words(r.title) for r in ent.roles)) if ent.roles else set()
            names = set().union(*(_words(m.text) for m in ent.mentions if m.span[1] <= start))
            if head in titles or (head in names and ent.type != "PERSON"):
                shared = len(words & (titles | names))
                recent = 1 if ent is self.last_speaker else 0
                candidates.append((shared + recent, order, ent))
        if not candidates:
            return None
        return max(candidates, key=lambda c: (c[0], c[1]))[2]

    @staticmethod
    def _add(ent: Entity, text: str, span: tuple[int, int], kind: str) -> None:
        if any(m.span == span for m in ent.mentions):
            return
        ent.mentions.append(Mention(text=text, span=span, kind=kind))  # type: ignore[arg-type]
        ent.mentions.sort(key=lambda m: m.span)
