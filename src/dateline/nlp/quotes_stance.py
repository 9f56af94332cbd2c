"""Stance adjectives and nouns as cues: ``X is confident that ...``, ``X were angry about
Y``, ``X is a longtime critic of Y``.

News reports attitudes as often with a copula and an adjective as with a verb: the
subject holds the attitude, and a that-clause or the object of the adjective's
preposition is what it is about. The adjectives are read from
``data/quotes_adjectives.tsv``; the parse gives the copula, subject and complement.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from dateline.datafiles import rows
from dateline.nlp.quotes_rules import (
    SUBJECTS,
    Found,
    LowerIn,
    Quotes,
    _expand_quotes,
    _found,
    _source_span,
    _subtree,
    _trim,
)

_MARKS = {"that", "whether", "if"}
_SHAPES = {("ADJ", "acomp"), ("NOUN", "attr"), ("VERB", "acomp")}
"""``is confident``, ``is a critic``, ``are convinced`` (a participle the tagger calls a
verb): the stance word completes a copula."""
_CUE_LEFT = {"aux", "neg", "advmod"}


@cache
def stance_words() -> dict[str, tuple[str, frozenset[str]]]:
    """Adjective or noun -> (class, prepositions that introduce what the stance is about),
    from ``data/quotes_adjectives.tsv`` and ``data/quotes_stance_nouns.tsv``."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for name in ("quotes_adjectives.tsv", "quotes_stance_nouns.tsv"):
        for row in rows("dateline.nlp", name):
            preps = frozenset(row[2].split(",")) if len(row) > 2 else frozenset()
            out[row[0]] = (row[1], preps)
    return out


@cache
def _stance_lemmas() -> LowerIn:
    return LowerIn(stance_words())


def doc_lemmas(doc: Doc) -> tuple[np.ndarray, set[int]]:
    """The Doc's lemma hashes, per token and distinct: read once for the stance and noun
    cues."""
    lemma_ids = doc.to_array(LEMMA)
    return lemma_ids, set(lemma_ids.tolist())


def find_stance(
    doc: Doc,
    quotes: Quotes,
    taken: set[int],
    lemmas: tuple[np.ndarray, set[int]] | None = None,
) -> list[Found]:
    """Attributions whose cue is a copula with a stance adjective."""
    table = stance_words()
    strings = doc.vocab.strings
    lemma_ids, distinct = lemmas if lemmas is not None else doc_lemmas(doc)
    wanted = np.array(_stance_lemmas().known(strings, distinct), dtype=np.uint64)
    # a participle's lemma is its verb ('convinced' -> 'convince'): match its form too
    lower_ids = doc.to_array(LOWER)
    by_form = np.isin(lower_ids, np.array(
        _stance_lemmas().known(strings, set(lower_ids.tolist())), dtype=np.uint64))
    out: list[Found] = []
    hits = np.flatnonzero(np.isin(lemma_ids, wanted) | by_form).tolist()
    for i in hits:
        h = int(lower_ids[i] if by_form[i] else lemma_ids[i])
        if i in taken or quotes.token_seg[i] >= 0:
            continue
        adj = doc[i]
        made = adj.head.lemma_ == "make" and adj.dep_ in {"oprd", "ccomp", "acomp"}
        # 'is confident', 'is a critic of', 'made (it) clear that'; or a participle parsed as
        # a passive ('Officials in Ohio are convinced the project ...')
        copula = ((adj.pos_, adj.dep_) in _SHAPES or made) and adj.head.pos_ in {"AUX", "VERB"}
        if not (copula or held_passive(adj)):
            continue

        found = _stance(doc, quotes, adj, table[strings[h].lower()], taken)
        if found is not None:
            out.append(found)
            for s, e in found.content:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    taken.update(range(span.start, span.end))
    return out


def held_passive(adj: Token) -> bool:
    """A stance participle parsed as a passive with no agent (``are convinced``): its
    subject holds the stance."""
    return (
        adj.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.i < adj.i for c in adj.children)
        and any(c.dep_ == "nsubjpass" for c in adj.children)
        and not any(c.dep_ == "agent" for c in adj.children)
    )


def _stance(
    doc: Doc, quotes: Quotes, adj: Token, entry: tuple[str, frozenset[str]], taken: set[int]
) -> Found | None:
    passive = held_passive(adj)
    cop = next(c for c in adj.children if c.dep_ == "auxpass") if passive else adj.head
    holder = adj if passive else cop
    subj = next(
        (
            c
            for c in holder.children
            if c.dep_ in SUBJECTS and quotes.token_seg[c.i] < 0
        ),
        None,
    )
    if subj is None or subj.i > cop.i or subj.lower_ in {"it", "there"}:
        return None
    cls, preps = entry
    content: tuple[int, int] | None = None
    cue_end = adj.i + 1
    for c in [*adj.rights, *(c for c in cop.rights if c.i > adj.i)]:
        marks = [m for m in c.children if m.dep_ == "mark"]
        if c.dep_ in {"ccomp", "advcl"} and (
            (adj.pos_ in {"ADJ", "VERB"} and any(m.lower_ in _MARKS for m in marks))
            or (adj.pos_ == "VERB" and c.dep_ == "ccomp" and not marks)
        ):  # 'is sure that ...', 'are convinced (that) ...'
            content = _subtree(c)
            break
        if c.dep_ == "prep" and c.head.i == adj.i and c.lower_ in preps and c.i == adj.i + 1:
            # 'were angry about X', 'is a longtime critic of X'
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if objs:
                content = (c.i + 1, _subtree(c)[1])
                cue_end = c.i + 1
                break
    if content is None:
        return None
    start, end = _trim(doc, *content, quotes)
    if end - start < 1 or any(k in taken for k in range(start, end)):
        return None
    cue_start = cop.i
    left = {c.i: c for c in holder.lefts}
    while cue_start - 1 in left and left[cue_start - 1].dep_ in _CUE_LEFT:
        cue_start -= 1
    if any(k in taken for k in range(cue_start, cue_end)):
        return None
    s_start, s_end = _source_span(doc, subj, quotes)
    if s_end > cue_start:
        return None
    ranges, segs = _expand_quotes(quotes, start, end)
    return _found(doc, cls, (cue_start, cue_end), ranges, (s_start, s_end), subj.i,
                  (s_start, cue_end), segs)
