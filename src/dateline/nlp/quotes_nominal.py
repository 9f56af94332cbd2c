"""Stance and speech nouns as cues (``her criticism of X``, ``voiced support for X``, ``his
refusal to X``, ``raised questions about X``), and hearsay adverbs (``was reportedly``).

News reports many attributions as a noun: the holder is the possessor (``X's decision
to``) or the subject of a light verb (``made the case that``, ``took issue with``), and
the content the noun's prepositional object, that-clause or infinitive. The nouns and light
verbs are data files (``data/quotes_nouns.tsv``, ``data/quotes_light_verbs.tsv``); the parse
gives the rest.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.tokens import Doc, Token

from dateline.datafiles import rows
from dateline.nlp.quotes_rules import (
    Found,
    LowerIn,
    Quotes,
    _chars,
    _cue_tokens,
    _expand_all,
    _expand_quotes,
    _found,
    _name_end,
    _source_span,
    _subject,
    _subtree,
    _trim,
)


@cache
def nouns() -> dict[str, tuple[str, frozenset[str], bool]]:
    """Noun -> (class, what introduces its content: prepositions, ``that``, ``to``; whether
    it is a cue only as a light verb's object)."""
    return {
        row[0]: (row[1], frozenset(row[2].split(",")), len(row) > 3 and row[3] == "light")
        for row in rows("dateline.nlp", "quotes_nouns.tsv")
    }


@cache
def light_verbs() -> dict[str, frozenset[str]]:
    """Light verb -> the nouns it makes a cue of (``*``: any noun of the table)."""
    table = rows("dateline.nlp", "quotes_light_verbs.tsv")
    return {row[0]: frozenset(row[1].split(",")) for row in table}


@cache
def _noun_lemmas() -> LowerIn:
    return LowerIn(nouns())


def find_nominal(
    doc: Doc,
    quotes: Quotes,
    taken: set[int],
    found_before: list[Found],
    lemmas: tuple[np.ndarray, set[int]],
) -> list[Found]:
    """Attributions whose cue is a noun with a named holder. ``taken``: tokens of the
    contents found so far; ``found_before``: the attributions found so far, whose cues
    and sources a noun cue may not share; ``lemmas``: the Doc's lemma hashes
    (``quotes_stance.doc_lemmas``)."""
    table = nouns()
    strings = doc.vocab.strings
    lemma_ids, distinct = lemmas
    wanted = _noun_lemmas().known(strings, distinct)
    if not wanted:
        return []
    hits = np.flatnonzero(np.isin(lemma_ids, np.array(wanted, dtype=np.uint64))).tolist()
    out: list[Found] = []
    owned: set[int] | None = None
    for i in hits:
        if i in taken or quotes.token_seg[i] >= 0:
            continue
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue
        if owned is None:
            owned = _owned(quotes, found_before)
        if i in owned:
            continue
        found = _nominal(doc, quotes, noun, table[strings[int(lemma_ids[i])].lower()], taken, owned)
        if found is None:
            continue
        out.append(found)
        for s, e in found.content:
            span = quotes.token_span(s, e)
            if span is not None:
                taken.update(range(*span))
    return out


def _owned(quotes: Quotes, found: list[Found]) -> set[int]:
    """Tokens of the cues and sources of ``found``."""
    out: set[int] = set()
    for f in found:
        for span in (f.cue, f.source):
            if span is not None and (tokens := quotes.token_span(*span)) is not None:
                out.update(range(*tokens))
    return out


def _content(doc: Doc, noun: Token, marks: frozenset[str]) -> tuple[int, int, int] | None:
    """(content start, end, cue end) for a noun's argument right after it."""
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in marks and c.i == noun.i + 1:
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if not objs:
                return None
            end = _name_end(doc, objs[0]) if objs[0].dep_ == "pobj" else _subtree(c)[1]
            return c.i + 1, max(end, objs[0].i + 1), c.i + 1
        if c.dep_ in {"acl", "ccomp", "relcl"} and c.left_edge.i == noun.i + 1:
            first = doc[c.left_edge.i].lower_
            if first == "that" and "that" in marks and doc[c.left_edge.i].dep_ == "mark":
                return c.left_edge.i, c.right_edge.i + 1, noun.i + 1
            if first == "to" and "to" in marks and c.tag_ == "VB":
                return c.left_edge.i, c.right_edge.i + 1, noun.i + 1
    return None


def _nominal(
    doc: Doc,
    quotes: Quotes,
    noun: Token,
    entry: tuple[str, frozenset[str], bool],
    taken: set[int],
    owned: set[int],
) -> Found | None:
    cls, marks, light_only = entry
    found = _content(doc, noun, marks)
    if found is None:
        return None
    start, end, cue_end = found
    start, end = _trim(doc, start, end, quotes)
    if end <= start or any(k in taken or k in owned for k in range(start, end)):
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    head = noun.head
    if poss is not None and not light_only:
        # "Turkey's refusal to ...", "his attacks on ...": the possessor holds it
        s_start, s_end = poss.left_edge.i, poss.right_edge.i + 1
        if s_end < len(doc) and doc[s_end].dep_ == "case":
            s_end += 1
        cue_start = noun.i
        while cue_start > s_end and doc[cue_start - 1].dep_ in {"amod", "compound", "advmod"}:
            cue_start -= 1
        subj_tok = poss
    elif noun.dep_ == "dobj" and head.pos_ in {"VERB", "AUX"} and _light(head, noun):
        subj_tok, _ = _subject(head, quotes)
        if subj_tok is None or subj_tok.lower_ in {"it", "there", "this", "that"}:
            return None
        s_start, s_end = _source_span(doc, subj_tok, quotes)
        cue_start, _ = _cue_tokens(doc, head, [(start, end)])
    else:
        return None
    if s_end > cue_start or any(k in owned for k in range(s_start, cue_end)):
        return None
    if quotes.token_seg[subj_tok.i] >= 0:
        return None
    ranges, segs = _expand_quotes(quotes, start, end)
    owned.update(range(s_start, s_end))
    owned.update(range(cue_start, cue_end))
    return _found(doc, cls, (cue_start, cue_end), ranges, (s_start, s_end), subj_tok.i,
                  (s_start, cue_end), segs)


def _light(verb: Token, noun: Token) -> bool:
    allowed = light_verbs().get(verb.lemma_.lower())
    return allowed is not None and ("*" in allowed or noun.lemma_.lower() in allowed)


@cache
def adverbs() -> dict[str, str]:
    """Evidential adverb -> class, from ``data/quotes_adverbs.tsv``."""
    return {row[0]: row[1] for row in rows("dateline.nlp", "quotes_adverbs.tsv")}


def find_adverbial(doc: Doc, quotes: Quotes, taken: set[int]) -> list[Found]:
    """``X was reportedly on that trip``: an evidential adverb attributes its clause to no
    named source; the content is the clause around it, the adverb left out."""
    table = adverbs()
    text = quotes.text.lower()
    if not any(word in text for word in table):
        return []  # the cheap test first: most articles have none of these words
    out: list[Found] = []
    for tok in doc:
        if tok.lower_ not in table or tok.dep_ != "advmod" or tok.i in taken:
            continue
        verb = tok.head
        if verb.pos_ not in {"VERB", "AUX"} or quotes.token_seg[tok.i] >= 0:
            continue
        start, end = _subtree(verb)
        parts = [_trim(doc, start, tok.i, quotes), _trim(doc, tok.i + 1, end, quotes)]
        parts = [p for p in parts if p[1] > p[0]]
        if sum(e - s for s, e in parts) < 3 or any(
            k in taken for s, e in parts for k in range(s, e)
        ):
            continue
        ranges, segs = _expand_all(quotes, parts)
        out.append(
            Found(
                cue=_chars(doc, tok.i, tok.i + 1),
                cls=table[tok.lower_],
                content=[_chars(doc, *r) for r in ranges],
                segments=segs,
            )
        )
        for s, e in ranges:
            taken.update(range(s, e))
    return out
