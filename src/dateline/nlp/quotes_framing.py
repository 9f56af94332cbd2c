"""Framing phrases as cues: ``In his words, X``, ``In the minister's view, X``, ``As she
put it, X``. The phrase names the source; the rest of its sentence is what was said or
held. Translated wire copy uses these as often as a reporting verb. The words are data
(``data/quotes_framing.tsv``); the parse gives the possessor or the subject."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from dateline.datafiles import rows
from dateline.nlp.quotes_rules import Found, Quotes, _chars, _expand_all, _subtree, _trim


@cache
def framing() -> dict[tuple[str, str], str]:
    """(kind, word) -> class: ("noun", "words") -> "speech", ("as_it", "put") -> "speech"."""
    return {(row[0], row[1]): row[2] for row in rows("dateline.nlp", "quotes_framing.tsv")}


def find_framing(doc: Doc, quotes: Quotes, taken: set[int]) -> list[Found]:
    table = framing()
    text = quotes.text.lower()
    if " words" not in text and " view" not in text and " it," not in text and (
        "opinion" not in text and "estimat" not in text and "judg" not in text
        and "assessment" not in text
    ):
        return []  # the cheap test first: most articles have none of these phrases
    out: list[Found] = []
    for tok in doc:
        if tok.i in taken or quotes.token_seg[tok.i] >= 0:
            continue
        found = _in_possessor_noun(doc, tok, table, quotes) or _as_it(doc, tok, table, quotes)
        if found is not None:
            out.append(found)
    return out


def _in_possessor_noun(
    doc: Doc, tok: Token, table: dict[tuple[str, str], str], quotes: Quotes
) -> Found | None:
    """``In his words,`` / ``In the minister's view,``: "in", a possessor, the noun."""
    cls = table.get(("noun", tok.lower_))
    prep = tok.head
    if cls is None or tok.dep_ != "pobj" or prep.lower_ != "in" or prep.i != tok.left_edge.i - 1:
        return None
    if prep.head.dep_ != "ROOT":
        return None  # 'The letter, drafted in her own words, was ...': no framing
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or tok.right_edge.i != tok.i:
        return None
    start, end = _trim(doc, *_subtree(owner), quotes)
    if end > start and doc[end - 1].tag_ == "POS":
        end -= 1  # "the minister's" -> "the minister"
    return _rest_of_sentence(doc, quotes, (prep.i, tok.i + 1), (start, end), cls, owner)


def _as_it(doc: Doc, tok: Token, table: dict[tuple[str, str], str], quotes: Quotes) -> Found | None:
    """``As she put it,``: a verb of the table with the mark "as", a subject and "it"."""
    cls = table.get(("as_it", tok.lemma_.lower()))
    if cls is None or tok.pos_ != "VERB":
        return None
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if mark is None or subj is None or obj is None or tok.right_edge.i != obj.i:
        return None  # 'As she put it aside, ...', 'as he put it down': another verb
    source = _trim(doc, *_subtree(subj), quotes)
    found = _rest_of_sentence(doc, quotes, _subtree(tok), source, cls, subj)
    if found is not None:
        found.cue = _chars(doc, tok.i, obj.i + 1)
    return found


def _rest_of_sentence(
    doc: Doc,
    quotes: Quotes,
    phrase: tuple[int, int],
    source: tuple[int, int],
    cls: str,
    head: Token,
) -> Found | None:
    """The sentence around a framing phrase set off by a comma is its content."""
    start, end = phrase
    sent: Span = doc[start].sent
    before = doc[start - 1].text if start > sent.start else ""
    after = doc[end].text if end < sent.end else ""
    if "," not in (before, after) or source[1] <= source[0]:
        return None
    parts = [_trim(doc, sent.start, start, quotes), _trim(doc, end, sent.end, quotes)]
    parts = [p for p in parts if p[1] > p[0]]
    if sum(e - s for s, e in parts) < 3:
        return None
    ranges, segs = _expand_all(quotes, parts)
    return Found(
        cue=_chars(doc, start, end),
        cls=cls,
        content=[_chars(doc, *r) for r in ranges],
        source=_chars(doc, *source),
        source_token=head.i,
        clause=_chars(doc, start, end),
        segments=segs,
    )
