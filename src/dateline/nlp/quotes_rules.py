"""Attribution rules on the dependency parse: reporting verbs, cue phrases, quote marks.

Each attribution is found from its cue: a reporting verb (``said``, ``pointed out``,
``believes``) with its subject as source and its clausal complement, infinitive, adjacent
quotation or surrounding sentence as content; or a cue phrase (``according to X``) with
the rest of its sentence as content. Quotations no cue claims continue the attribution
just before them (``"A," he said. "B."`` is one quote) or stand alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, POS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from dateline.nlp.quotes_lexicon import (
    Verb,
    channels,
    cue_phrases,
    line_labels,
    not_said,
    speaking_verbs,
    verb_preps,
    verbs,
)
from dateline.nlp.quotes_marks import QuoteSegment
from dateline.read.wire import agencies

CharSpan = tuple[int, int]

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
SHARED_SUBJECT = {"conj", "advcl", "xcomp", "pcomp", "acomp"}
"""A verb with no subject of its own takes its head's (``he explained, adding that ...``)."""
NEST_DEPS = {"advcl", "relcl"}
"""Clauses whose cue may sit inside another attribution's content (see ``_nests``)."""
IT_SPEAKS = {"say", "add", "state", "write", "report", "announce", "tell", "note", "warn", "read"}
"""Verbs whose subject ``it`` is an organisation or document speaking (``it said``)."""
IT_FINDS = {"claim", "allege", "argue", "contend", "assert", "conclude", "find", "recommend",
            "acknowledge", "estimate", "predict"}
"""Verbs whose subject ``it`` is a lawsuit, report or study when a that-clause follows
(``It also claims that``, ``It found that``): with no "that", ``it`` is too often no one."""
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"}
NAME_PARTS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"}
"""Tags of the words of a speaker's noun phrase the parse failed to link."""
_SENTENCE_END = set(".!?\n\"'”’»")
_EDGE_PUNCT = {",", ".", ";", ":", "-", "—", "–", "(", ")", "•", "·", "▪", "●", "■", "►", "*"}


@dataclass
class Found:
    """One attribution, before it becomes a ``record.Quote``."""

    cue: CharSpan | None
    cls: str
    content: list[CharSpan]
    source: CharSpan | None = None
    source_token: int | None = None
    """Head token of the source (for speaker resolution), or of the relative clause's
    antecedent when the source is ``who``."""
    channel: CharSpan | None = None
    clause: CharSpan | None = None
    """Characters of the attribution clause itself (source, cue, channel, date)."""
    segments: list[int] = field(default_factory=list)
    """Indices of the quote segments in the content."""
    verbatim: bool = False
    """The content is the speaker's own words without marks (a transcript line)."""


class Quotes:
    """Quote segments mapped onto a Doc's tokens."""

    def __init__(self, doc: Doc, segments: list[QuoteSegment], text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.segments = segments
        self.token_seg = [-1] * len(doc)
        self.seg_tokens: list[tuple[int, int]] = []
        arr = doc.to_array([IDX, LENGTH])
        self._starts: list[int] = arr[:, 0].tolist()
        self._lengths: list[int] = arr[:, 1].tolist()
        for k, seg in enumerate(segments):
            span = self.token_span(seg.start, seg.end)
            if span is None:
                self.seg_tokens.append((0, 0))
                continue
            self.seg_tokens.append(span)
            for i in range(*span):
                self.token_seg[i] = k

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens ``doc.char_span(start, end, alignment_mode="expand")`` would cover,
        found by bisection on the token offsets instead of building a ``Span``; odd
        spans (empty, out of the text) are left to spaCy itself."""
        starts = self._starts
        if 0 <= start < end <= len(self.text) and starts:
            first = bisect_right(starts, start) - 1
            last = bisect_right(starts, end - 1) - 1
            if start == starts[first] + self._lengths[first]:
                first += 1
            if first <= last:
                return first, last + 1
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (span.start, span.end) if span is not None else None

    def chain(self, k: int) -> list[int]:
        """The segment and the paragraphs that continue it."""
        out = [k]
        while self.segments[out[-1]].continues and out[-1] + 1 < len(self.segments):
            out.append(out[-1] + 1)
        return out


def _trim(doc: Doc, start: int, end: int, quotes: Quotes) -> tuple[int, int]:
    """Drop edge punctuation (but never a quote's own marks or the comma inside them)."""
    while start < end and doc[start].text in _EDGE_PUNCT and quotes.token_seg[start] < 0:
        start += 1
    while end > start and (
        (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space)
        and quotes.token_seg[end - 1] < 0
    ):
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    return start, end


def _chars(doc: Doc, start: int, end: int) -> CharSpan:
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


TokRange = tuple[int, int]


def _found(
    doc: Doc,
    cls: str,
    cue: TokRange,
    content: list[TokRange],
    source: TokRange,
    source_token: int | None,
    clause: TokRange,
    segments: list[int],
) -> Found:
    """A sourced attribution from token ranges: the rules think in tokens, records in
    characters."""
    return Found(
        cue=_chars(doc, *cue),
        cls=cls,
        content=[_chars(doc, *r) for r in content],
        source=_chars(doc, *source),
        source_token=source_token,
        clause=_chars(doc, *clause),
        segments=segments,
    )


def _subject(verb: Token, quotes: Quotes | None = None) -> tuple[Token | None, Token | None]:
    """(subject token, antecedent for ``who``), climbing to the head for shared subjects;
    a subject inside a quotation (the parser merging a quote and its clause) is skipped."""
    tok = verb
    for _ in range(3):
        for child in tok.children:
            if quotes is not None and quotes.token_seg[child.i] >= 0:
                continue
            if child.dep_ in SUBJECTS:
                ante = None
                if child.lower_ in {"who", "which", "that"} and tok.dep_ == "relcl":
                    ante = tok.head
                return child, ante
        if tok.dep_ in SHARED_SUBJECT and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return None, None


def _implicit_subject(doc: Doc, verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
    """A source the parse does not link as subject: the noun a participle modifies (``a
    gunman claiming allegiance to``), the subject of the clause a prepositional gerund
    hangs on (``She led in supporting X``), or a noun phrase the parser hung elsewhere
    right before a finite verb (``In an interview, the candidate stated that``)."""
    if verb.tag_ == "VBG":
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"} and head.i < verb.i:
            return head, (head.left_edge.i, head.i + 1)
        if verb.dep_ == "pcomp" and head.head.pos_ in {"VERB", "AUX"} and head.head.i < verb.i:
            return _subject(head.head)[0], None
        return None, None
    if verb.dep_ != "ROOT" or verb.i == 0 or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None, None
    noun = doc[verb.i - 1]
    if noun.text == ",":
        # 'Jane Roe, head of the center, recounted': a name and its appositive
        found = _np_before(doc, verb.i, max(verb.sent.start - 1, verb.i - 30))
        if found is None:
            return None, None
        return doc[found[2]], (found[0], found[1])
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None, None
    start = noun.i
    while start > 0 and not doc[start - 1].is_punct and noun.i >= doc[start - 1].head.i >= start:
        start -= 1
    prep = doc[start - 1] if start > 0 else None
    owner = prep.head if prep is not None and prep.dep_ == "prep" else None
    if owner is not None and owner.pos_ == "ADJ" and owner.head.i < owner.i:
        owner = owner.head  # 'a source familiar with the matter', 'close to the talks'
    if prep is not None and owner is not None and owner.pos_ in {"NOUN", "PROPN"}:
        # '..., a spokeswoman for the airline said': the parser hung the speaker on the
        # clause before as an apposition; the whole phrase after the comma is the source
        first = owner.left_edge.i
        if owner.i < prep.i and first > 0 and doc[first - 1].text == "," and all(
            not t.is_punct for t in doc[first:start]
        ):
            return owner, (first, noun.i + 1)
    return noun, (start, noun.i + 1)


def _np_before(doc: Doc, verb: int, low: int) -> tuple[int, int, int] | None:
    """The speaker right before a verb the parse left without a subject: a name
    (``Jane Roe said``) or a name with its appositive (``Col. Jane Roe, a military
    spokesman in Baghdad, said``, closing comma kept). Returns (start, end, head)."""
    for k in range(verb - 1, low, -1):
        stop = doc[k].text in {".", "!", "?"} and doc[k].pos_ == "PUNCT"
        if (stop and not (k > 0 and len(doc[k - 1].text) == 1)) or "\n" in doc[k].text:
            low = k  # never behind a full stop ('Col. Steven H. Warren' has none) or a break
            break
    n = verb - 1
    while n > low and (doc[n].pos_ == "ADV" or doc[n].dep_ in {"aux", "neg"}):
        n -= 1
    if n <= low:
        return None
    if doc[n].pos_ in {"PROPN", "NOUN", "PRON"}:
        start = n
        while start > low and (doc[start - 1].pos_ in NAME_PARTS or doc[start - 1].text == "."):
            start -= 1
        return start, n + 1, n
    if doc[n].text != ",":
        return None
    comma = next((c for c in range(n - 1, max(low, n - 15) - 1, -1) if doc[c].text == ","), None)
    if comma is None or not any(doc[c].pos_ == "NOUN" for c in range(comma + 1, n)):
        return None
    end = comma
    start = end
    while start > low and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text == "."):
        start -= 1
    if start == end or doc[start].text == ".":
        return None
    return start, n + 1, end - 1


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _source_span(doc: Doc, subj: Token, quotes: Quotes) -> tuple[int, int]:
    start, end = _subtree(subj)
    full_end = end
    start, end = _trim(doc, start, end, quotes)
    # 'Sen. Jane Roe (D-Vt.)': keep the party tag's closing parenthesis (and its period)
    opened = sum(1 for t in doc[start:end] if t.text == "(") - sum(
        1 for t in doc[start:end] if t.text == ")"
    )
    while opened > 0 and end < full_end and doc[end].text in {".", ")"}:
        opened -= doc[end].text == ")"
        end += 1
    # an appositive or a relative clause set off by commas keeps its closing comma, as news
    # annotation usually marks it ('Jane Roe, who chairs the panel, said')
    if (
        any(c.dep_ in {"appos", "relcl"} for c in subj.children)
        and end < len(doc)
        and doc[end].text == ","
        and (doc[start:end].text.count(",") > 0)
    ):
        end += 1
    return start, end


def _expand_all(
    quotes: Quotes, parts: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[int]]:
    """:func:`_expand_quotes` over several content parts, in order."""
    ranges: list[tuple[int, int]] = []
    segs: list[int] = []
    for part in parts:
        rr, ss = _expand_quotes(quotes, *part)
        ranges.extend(rr)
        segs.extend(ss)
    return ranges, segs


def _expand_quotes(quotes: Quotes, start: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Token ranges for content [start, end), widened to whole quotations it touches."""
    segs: list[int] = []
    for i in range(start, end):
        k = quotes.token_seg[i]
        if k >= 0 and k not in segs:
            segs.append(k)
    ranges = [(start, end)]
    if segs:
        first, last = quotes.seg_tokens[segs[0]], quotes.seg_tokens[segs[-1]]
        ranges = [(min(start, first[0]), max(end, last[1]))]
        for k in quotes.chain(segs[-1])[1:]:
            segs.append(k)
            ranges.append(quotes.seg_tokens[k])
    return ranges, segs


def _channel(doc: Doc, verb: Token, frame: str) -> tuple[int, int] | None:
    """Addressee or medium: ``told the channel``, ``said in an interview``, ``to reporters``."""
    table = channels()
    for child in verb.children:
        if frame == "tell" and child.dep_ in {"dobj", "dative"} and child.pos_ in {
            "PROPN",
            "NOUN",
            "PRON",
        }:
            start, end = _subtree(child)
            clause = _that_clause_on(child)
            if clause is not None:
                return start, clause.left_edge.i
            return start, _before_trailing_date(child, end)
        if child.dep_ in {"prep", "dative"} and child.lower_ in table:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if not objs or objs[0].ent_type_ in {"DATE", "TIME"}:
                continue
            heads = table[child.lower_]
            head = objs[0].lemma_.lower()
            if f"!{head}" in heads:
                continue
            if "*" in heads or head in heads:
                start, end = _subtree(child)
                end = _before_trailing_date(objs[0], end)
                return (start + 1, end) if child.lower_ in {"to", "on"} else (start, end)
    return None


def _speaking_clause(verb: Token, source_start: int) -> Token | None:
    """A participle of speaking opening the sentence before the source (``Speaking at a
    news conference in Ankara, Fidan said``)."""
    for c in verb.lefts:
        if (
            c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and c.lemma_.lower() in speaking_verbs()
            and c.right_edge.i < source_start
        ):
            return c
    return None


def _before_trailing_date(obj: Token, end: int) -> int:
    """Where a channel ends: "in a statement on Sunday", "the BBC's Today programme on
    Thursday" -- the day is the statement's date, not its medium (only at the end: "in an
    interview on Monday with Kommersant" stays whole)."""
    for c in obj.rights:
        if (
            c.dep_ == "prep"
            and c.right_edge.i + 1 == end
            and any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in c.children)
        ):
            return c.left_edge.i
    return end


def _that_clause_on(obj: Token) -> Token | None:
    """A "that" clause the parser hung on the addressee (``telling a news conference that
    inflation was high``): it is what was told, not a description of the addressee."""
    for c in obj.rights:
        if c.dep_ in {"acl", "relcl", "ccomp"} and any(
            g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children
        ):
            return c
    return None


def _clause(verb: Token, quotes: Quotes | None = None) -> tuple[int, int]:
    """Tokens of the attribution clause: subject, verb and what follows the verb in its
    phrase (``Kazakh authorities affirm``), leaving out words the parser hung before it and
    a quotation the parser hung on the verb (``said, "Let them ..."`` as an xcomp)."""
    subj, _ = _subject(verb, quotes)
    left = verb.i
    if subj is not None and subj.head.i == verb.i and subj.i < verb.i:
        left = subj.left_edge.i
    elif subj is None:
        left = verb.left_edge.i
    right = verb.i + 1
    for c in verb.rights:
        if quotes is not None and quotes.token_seg[c.left_edge.i] >= 0:
            break
        if c.dep_ != "punct":
            right = max(right, c.right_edge.i + 1)
    return left, right


def _content_for_verb(
    doc: Doc, verb: Token, frame: str, sent: Span, quotes: Quotes
) -> tuple[list[tuple[int, int]], list[int]] | None:
    comp = [c for c in verb.children if c.dep_ in {"ccomp", "csubj"}]
    talk = (
        frame.startswith("p:")
        and verb.lemma_.lower() in speaking_verbs()
        and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    )  # 'talked up the plan' promotes it: its object is what was said
    if talk:
        comp = []  # 'spoke about X' only: never 'spoke Hebrew' or a clause the parser hung on it
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.lemma_.lower() in verbs():
            return None  # '"...," Karin said, when speaking about X': the statement's setting
    if not comp and frame in {"inf", "tell"}:
        comp = [c for c in verb.children if c.dep_ == "xcomp"]
    if not comp and frame == "tell":
        comp = [
            clause
            for c in verb.children
            if c.dep_ in {"dobj", "dative"} and (clause := _that_clause_on(c)) is not None
        ][:1]
    if not comp and frame == "tell":
        # 'told analysts on a call last week that ...': the clause hung on the medium
        comp = [
            clause
            for c in verb.rights
            if c.dep_ == "prep"
            for o in c.children
            if o.dep_ == "pobj" and (clause := _that_clause_on(o)) is not None
        ][:1]
    if not comp and frame == "clause":
        # 'supports reforming the system', 'denied having met him': a gerund right after
        # the verb is what was said or held (a to-infinitive is too often a purpose)
        comp = [
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VBG"
            and not any(o.dep_ == "dobj" and o.i < c.i for o in verb.children)
        ]
        if comp and frame == "tell":
            # "asked the congregation to stand": the addressee belongs to what was asked
            objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < comp[0].i]
            if objs:
                start, end = objs[0].left_edge.i, comp[0].right_edge.i + 1
                return _expand_quotes(quotes, *_trim(doc, start, end, quotes))
    if not comp:
        comp = [
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.i > verb.i
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        ]
    for_clause = False
    if not comp:
        # 'called for Trump to drop out': the parser makes "for" the mark of a clause
        comp = [
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.left_edge.i == verb.i + 1
            and doc[verb.i + 1].lower_ == "for"
            and doc[verb.i + 1].dep_ == "mark"
        ]
        for_clause = bool(comp)
    if (
        comp
        and comp[0].i < verb.i
        and quotes.token_seg[comp[0].i] < 0
        and (colon := _colon_quote(doc, verb, quotes)) is not None
        and not any(doc[k].pos_ in {"VERB", "AUX"} for k in range(verb.i + 1, colon))
    ):
        # 'Trump will make news, Kall said: "I feel ..."': the colon hands the cue to the
        # quotation; the clause before it is the writer's lead-in
        n = colon + 1
        while doc[n].is_space:
            n += 1
        return _expand_quotes(quotes, *quotes.seg_tokens[quotes.token_seg[n]])
    if comp and comp[0].i < verb.i and (
        any(doc[k].text == ";" for k in range(comp[0].right_edge.i + 1, verb.i))
        or _abbreviation_stop(doc, comp[0].right_edge.i)
    ):
        # 'Officials believe A; a report found B', 'It landed at 6 p.m. Police said B': a
        # semicolon or a sentence-final abbreviation ends the clause before the verb,
        # which is no content of it
        comp = [c for c in comp[1:] if c.i > verb.i]
    if comp:
        start, end = _subtree(comp[0])
        start += for_clause
        end = _quote_then_verb(doc, start, end, quotes)
        end = _run_on_end(doc, start, _complement_end(doc, verb, end, quotes), quotes)
        end = _trailing_quote(doc, end, sent, quotes)
        found = _expand_quotes(quotes, *_trim(doc, start, end, quotes))
        if comp[0].i < verb.i and found[1]:
            # '"A," Roe said, "and B."': the quotation resumed after the clause
            after = _quote_after_clause(doc, verb, sent, quotes)
            if after is not None and after[0] >= found[0][-1][1]:
                more = _expand_quotes(quotes, *after)
                return found[0] + more[0], found[1] + [k for k in more[1] if k not in found[1]]
        return found
    # a quotation right after the clause ("He said: '...'") or right before it ('"...," he said')
    left, right = _clause(verb, quotes)
    sides: list[tuple[int, int]] = []
    j = right
    while j < sent.end and ((doc[j].is_punct and quotes.token_seg[j] < 0) or doc[j].is_space):
        j += 1
    limit = sent.end
    if j == sent.end and j - right <= 2 and any(doc[k].text == ":" for k in range(right, j)):
        # 'The minister said:' ending its paragraph, the quotation opening the next one
        while j < len(doc) and doc[j].is_space:
            j += 1
        limit = min(j + 1, len(doc))  # a text may end at the colon: no quotation then
    if (
        j < limit
        and quotes.token_seg[j] >= 0
        and (j - right <= 2 or limit > sent.end)
        and quotes.seg_tokens[quotes.token_seg[j]][0] >= right
        and not any(doc[k].text in {".", "!", "?"} for k in range(right, j))
    ):
        # He said: "..." -- the quotation, and the rest of the sentence when the quoted
        # words are its subject (said "the plan" is dead), not when a new phrase follows
        # (said "CNN" five times, has called it "reckless," accusing ...)
        end = quotes.seg_tokens[quotes.token_seg[j]][1]
        if _clause_goes_on(doc, end, sent, quotes):
            end = max(end, sent.end)
        sides.append(_trim(doc, j, end, quotes))
    j = left - 1
    # the quotation may end the sentence before ('"... who knows?" Trump told ITV'), when
    # nothing follows the clause: the parser splits after a closing '?"'
    low = sent.start if sides or left > sent.start else max(0, sent.start - 2)
    while j >= low and ((doc[j].is_punct and quotes.token_seg[j] < 0) or doc[j].is_space):
        j -= 1
    if (
        j >= low
        and quotes.token_seg[j] >= 0
        and left - j <= 3
        and quotes.seg_tokens[quotes.token_seg[j]][1] <= left
        and (j >= sent.start or doc[j - 1].text in {"?", "!", ","})
    ):
        # '"...," he said' -- the sentence up to the clause, quotation included, unless a
        # colon introduces the quotation ('Trump asserted that ...: "France is ...," he said')
        start = quotes.seg_tokens[quotes.token_seg[j]][0]
        if not any(doc[k].text == ":" for k in range(sent.start, start)):
            start = min(start, sent.start)
        sides.insert(0, _trim(doc, start, j + 1, quotes))
    if frame == "quote" and not sides:
        return None
    if sides:
        return _expand_all(quotes, sides)
    objs = [c for c in verb.children if c.dep_ == "dobj" and not talk]
    if (
        objs
        and verb.tag_ in {"VB", "VBZ", "VBP"}
        and {objs[0].lemma_.lower(), objs[0].lower_} & not_said().get(verb.lemma_.lower(), set())
    ):
        # 'will report first-quarter earnings', 'is due to post results': an event to
        # come; 'reported a profit of $2 billion' is the company's claim and stays
        return None
    if objs and frame != "tell":
        # "endorsed the plan", "called for a recount": the object is what was said or held
        start, end = objs[0].left_edge.i, _name_end(doc, objs[0])
        more = _as_complement(verb, end)
        if frame == "fact" and more == end:
            return None  # 'saw the tunnels', 'find a way': perception, not a view held
        if more - start == 1 and objs[0].lower_ == "what" and objs[0].is_sent_start:
            return None  # 'What we know so far': a question word alone is no content
        end = more
        end = _trailing_quote(doc, end, sent, quotes)
        return _expand_quotes(quotes, *_trim(doc, start, end, quotes))
    if objs and frame == "tell":
        # 'warned China against provocation', 'told stories of the war': with no clause,
        # what was said is the object and its complement, unless the object is only the
        # addressee ('told reporters')
        start, end = objs[0].left_edge.i, objs[0].right_edge.i + 1
        more = _as_complement(verb, end)
        if more > end or not (objs[0].pos_ in {"PRON", "PROPN"} or objs[0].ent_type_):
            return _expand_quotes(quotes, *_trim(doc, start, more, quotes))
    # a verb of mentioning takes only its own prepositions ('spoke about X', never 'spoke
    # on Monday' or 'talked for an hour')
    allowed = set(frame[2:].split(",")) if frame.startswith("p:") else {"for", "on", "about"}
    if verb.lemma_.lower() == "point":
        allowed.add("to")  # "pointed to the polls"
    allowed |= verb_preps().get(verb.lemma_.lower(), frozenset())
    # the preposition right after the verb (and its particle), not a fronted 'On Sunday,'
    after = verb.i + 1 + sum(1 for c in verb.children if c.dep_ == "prt")
    preps = [
        c
        for c in verb.children
        if c.dep_ == "prep"
        and c.lower_ in allowed
        and c.i == after
        and not any(  # 'pushed for months', 'campaigned on his behalf'
            o.dep_ == "pobj"
            and (o.ent_type_ in {"DATE", "TIME"} or o.lower_ == "behalf")
            and not any(g.dep_ in {"relcl", "acl", "prep"} for g in o.children)
            for o in c.children
        )
    ]
    if preps:
        start, end = _subtree(preps[0])
        pobj = [c for c in preps[0].children if c.dep_ == "pobj"]
        if pobj and pobj[0].right_edge.i + 1 == end:
            end = _name_end(doc, pobj[0])
        end = _as_complement(verb, end)
        return _expand_quotes(quotes, *_trim(doc, start + 1, end, quotes))
    if frame.startswith("p:"):
        return None  # 'since Trump spoke only in bromides': no preposition, no content
    # a parenthetical or closing clause: the rest of the sentence is what was said ('...,
    # Gorelov told TASS': the object of "tell" is only the addressee)
    if any(
        c.dep_ in {"dobj", "xcomp", "attr", "acomp"} and not (frame == "tell" and c.dep_ == "dobj")
        for c in verb.children
    ):
        return None
    if verb.dep_ not in {"ROOT", "parataxis", "ccomp", "advcl", "conj"}:
        return None
    # the parser sometimes runs a sentence on past its full stop: stop there
    stops = [
        k
        for k in range(sent.start, sent.end)
        if doc[k].text in {".", "!", "?"} and quotes.token_seg[k] < 0 and k + 1 < sent.end
    ]
    lo = max((k + 1 for k in stops if k < left), default=sent.start)
    if left > lo and doc[left - 1].text == ",":
        # 'Law and order, authorities affirm, was restored': the parser makes the rest of
        # the sentence a verb joined to the cue with no "and"; it is the content's own
        for c in verb.rights:
            if (
                c.dep_ == "conj"
                and c.pos_ in {"VERB", "AUX"}
                and doc[c.left_edge.i - 1].text == ","
                and not any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
                and not any(g.dep_ == "cc" and verb.i < g.i < c.i for g in verb.children)
            ):
                right = min(right, c.left_edge.i - 1)
                break
    hi = min((k for k in stops if k >= right), default=sent.end)
    before = _trim(doc, lo, left, quotes)
    if any(
        c.left_edge.i <= before[0] < c.right_edge.i
        and (
            c.dep_ == "prep"
            or (c.dep_ == "advcl" and any(
                m.dep_ in {"mark", "advmod"} and m.lower_ in _SETTING for m in c.children))
        )
        for c in verb.lefts
    ):
        before = (left, left)  # 'After the suit was filed, the company responded': a setting
    after = _trim(doc, right, hi, quotes)
    if after[1] - after[0] >= 3 and doc[before[1] - 1].lower_ == "as" and all(
        doc[k].dep_ in {"cc", "mark", "advmod", "punct"} or doc[k].is_space
        for k in range(*before)
    ):
        before = (left, left)  # 'But, as Smith noted, ...': the "as" goes with the cue
    ranges = [r for r in (before, after) if r[1] > r[0]]
    if sum(e - s for s, e in ranges) < 3:
        return None
    segs: list[int] = []
    out: list[tuple[int, int]] = []
    for r in ranges:
        rr, ss = _expand_quotes(quotes, *r)
        out.extend(rr)
        segs.extend(ss)
    return out, segs


_SETTING = frozenset({"after", "before", "when", "while", "once", "since", "until", "as"})
"""Conjunctions of a clause that sets the scene for a verb rather than saying anything."""
_ASIDES = frozenset({"relcl", "appos", "acl"})
_ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def _name_end(doc: Doc, obj: Token) -> int:
    """An object noun ends before a clause or apposition set off by a comma or dash
    (``praised Jane Roe, who has ...``, ``backs the Dayton pact — a deal that ...``): the
    aside is the writer's background, not what was said or held."""
    end = obj.right_edge.i + 1
    if obj.pos_ not in {"PROPN", "NOUN"}:
        return end
    for c in obj.rights:
        if c.dep_ in _ASIDES and doc[c.left_edge.i - 1].text in _ASIDE_MARKS:
            return max(obj.i + 1, c.left_edge.i - 1)
        if c.dep_ in _ASIDES and doc[c.left_edge.i].text in _ASIDE_MARKS:
            return max(obj.i + 1, c.left_edge.i)
    return end


_NEW_PHRASE = {"and", "but", "while", "when", "whereas", "before", "after", "then"}


def _quote_after_clause(
    doc: Doc, verb: Token, sent: Span, quotes: Quotes
) -> tuple[int, int] | None:
    """The quotation that opens right after a cue's clause, within its sentence."""
    _, right = _clause(verb, quotes)
    j = right
    while j < sent.end and ((doc[j].is_punct and quotes.token_seg[j] < 0) or doc[j].is_space):
        j += 1
    if j >= sent.end or quotes.token_seg[j] < 0 or j - right > 2:
        return None
    if any(doc[k].text in {".", "!", "?"} for k in range(right, j)):
        return None
    seg = quotes.seg_tokens[quotes.token_seg[j]]
    return seg if seg[0] >= right else None


def _clause_goes_on(doc: Doc, end: int, sent: Span, quotes: Quotes) -> bool:
    """Do the words after a quotation go on with what was said? Not when a new phrase
    starts (``said "CNN" five times``, ``"shameful," accusing ...``, ``"A" and swears``)."""
    n = end
    while n < sent.end and doc[n].is_space:
        n += 1
    if n >= sent.end:
        return False
    t = doc[n]
    if t.text == "," and n + 1 < sent.end and quotes.token_seg[n] < 0:
        nxt = doc[n + 1]
        return not (nxt.tag_ == "VBG" or nxt.lower_ in _NEW_PHRASE)
    return not (t.lower_ in _NEW_PHRASE or t.pos_ == "NUM")


def _quote_then_verb(doc: Doc, start: int, end: int, quotes: Quotes) -> int:
    """``said "the border stays closed" and declined to comment``: a complement that is a
    whole quotation ends at its closing mark when "and" and a verb with no subject follow;
    the parser may hang that verb inside the quotation instead of on "said"."""
    k = quotes.token_seg[start] if start < len(doc) else -1
    if k < 0 and start > 0:
        k = quotes.token_seg[start - 1]
    if k < 0 or not quotes.segments[k].closed:
        return end
    first, last = quotes.seg_tokens[k]
    if first < start - 1 or last >= end - 1:
        return end
    cc = doc[last]
    nxt = doc[last + 1]
    verb_next = nxt.dep_ == "conj" and nxt.pos_ in {"VERB", "AUX"}
    if cc.lower_ in {"and", "but"} and verb_next and not any(
        c.dep_ in SUBJECTS for c in nxt.children
    ):
        return last
    return end


def _that_clause(verb: Token) -> bool:
    """Has the verb a clause opened by "that" after it?"""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ == "mark" and g.lower_ == "that"
                                                    for g in c.children)
        for c in verb.children
    )


def _run_on_end(doc: Doc, start: int, end: int, quotes: Quotes) -> int:
    """Where a complement stops when a new statement runs on inside it: a sentence the
    parser did not split after ``p.m.`` or ``D.C.`` (``landed at 6 p.m. Police said``), or
    ``, and`` / ``;`` then a named speaker's own cue (``A is a tax, and Senator Roe called
    it "a disgrace"``). The new statement is then free to be found as one of its own."""
    lexicon = verbs()
    for k in range(start + 1, end - 1):
        t = doc[k]
        if quotes.token_seg[k] >= 0:
            continue
        if _abbreviation_stop(doc, k):
            n = k + 1 + doc[k + 1].is_space
            if n < end and _opens_clause(doc[n], end):
                return k + 1
        elif t.text in {",", ";"}:
            n = k + 1
            if t.text == "," and doc[n].lower_ in {"and", "but"}:
                n += 1
            elif t.text == ",":
                continue
            if n < end and _opens_clause(doc[n], end, lexicon, named=True):
                return k
    return end


def _abbreviation_stop(doc: Doc, k: int) -> bool:
    """Does token ``k`` end its sentence with an abbreviation's full stop (``6 p.m. Police
    said``): a dotted abbreviation followed by a capitalised word?"""
    t = doc[k]
    if not (len(t.text) > 2 and t.text.endswith(".") and "." in t.text[:-1]):
        return False
    n = k + 1 + (k + 1 < len(doc) and doc[k + 1].is_space)
    return n < len(doc) and doc[n].is_title


def _opens_clause(
    first: Token, end: int, lexicon: dict[str, Verb] | None = None, named: bool = False
) -> bool:
    """Is ``first`` the first word of a subject whose verb follows before ``end`` (a
    reporting verb, when ``lexicon`` is given; a name or title for the subject, when
    ``named``)?"""
    for c in first.doc[first.i : end]:
        if c.dep_ not in SUBJECTS or c.left_edge.i != first.i:
            continue
        v = c.head
        if not (first.i < v.i < end and v.pos_ in {"VERB", "AUX"}):
            return False
        if lexicon is not None and v.lemma_.lower() not in lexicon:
            return False
        return not named or c.pos_ == "PROPN" or bool(c.ent_type_)
    return False


def _complement_end(doc: Doc, verb: Token, end: int, quotes: Quotes) -> int:
    """A second ``that`` clause joined to the verb goes on with the complement (``said A,
    but that B``; ``said that A and that B``)."""
    for c in verb.rights:
        if c.dep_ == "ccomp" and c.left_edge.i == end and not doc[end].is_punct:
            # 'said that land was found for the schools and construction would begin': the
            # parser split one clause in two, the second starting where the first stops
            end = c.right_edge.i + 1
            continue
        if c.i < end or c.dep_ != "conj" or quotes.token_seg[c.i] >= 0:
            continue
        first = [t for t in doc[c.left_edge.i : c.i] if not t.is_punct][:2]
        if not any(t.lower_ == "that" and t.dep_ == "mark" for t in first):
            continue
        if all(t.is_punct or t.dep_ == "cc" for t in doc[end : c.left_edge.i]):
            end = c.right_edge.i + 1
    return end


_OBJECT_PREPS = {"as", "for", "of", "to", "with", "over", "about", "against"}
"""Prepositions that complete an object (``denounced X as Y``, ``blamed X for Y``,
``accused X of Y``)."""


def _as_complement(verb: Token, end: int) -> int:
    """An object's predicate belongs to what was said: ``denounced the remarks as
    "hurtful"``, ``referred to them as "my friends"``, ``called it "shameful"``."""
    for c in verb.rights:
        if c.i < end:
            continue
        if c.dep_ in {"oprd", "xcomp"} or (
            c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and c.i == end
        ):
            end = c.right_edge.i + 1
        elif (
            c.dep_ == "advcl"
            and c.left_edge.i == end
            and c.doc[end].lower_ == "as"
            and not any(g.dep_ in SUBJECTS for g in c.children)
        ):
            # 'sees Netanyahu as captured by ...', not 'opposed it as he ran'
            end = c.right_edge.i + 1
    return end


_BEFORE_QUOTE = {",", "—", "-", "–", ":", "but", "and"}


def _trailing_quote(doc: Doc, end: int, sent: Span, quotes: Quotes) -> int:
    """A content that stops at a comma or colon before a quotation closing the sentence
    takes it (``argued that A, "because B."``, ``said that A: "B."``, ``said A, but "B."``):
    the parser often hangs the quotation elsewhere."""
    j = end
    while j < sent.end and j - end < 2 and doc[j].lower_ in _BEFORE_QUOTE:
        j += 1
    if j == end or j >= sent.end or quotes.token_seg[j] < 0:
        return end
    seg_end = quotes.seg_tokens[quotes.token_seg[j]][1]
    rest = doc[seg_end : sent.end]
    if all(t.is_punct or t.is_space for t in rest):
        return seg_end
    return end


_WHEN = {"when", "if", "after", "once", "while", "before"}


def doc_word(t: Token, offset: int) -> str:
    """The lower-cased word ``offset`` tokens from ``t`` ('' outside the doc)."""
    k = t.i + offset
    return t.doc[k].lower_ if 0 <= k < len(t.doc) else ""


def _passive(verb: Token) -> bool:
    """``was asked``, ``is expected to``, ``a state seen as``: the subject is not the
    source; the agent (``by X``) is, when there is one."""
    if (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBN", "VBD"}
        and verb.lemma_.lower() == "ask"
        and not any(c.dep_ in SUBJECTS for c in verb.children)
        and (verb.i == verb.left_edge.i or doc_word(verb, -1) in _WHEN)
    ):
        return True  # "Asked why ...," / "said when asked whether ...": the asker is unnamed
    if verb.tag_ != "VBN":
        return False
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return True
    if verb.dep_ == "advcl" and verb.i < verb.head.i and verb.i == verb.left_edge.i:
        return True  # fronted "Asked why he trailed, Smith said ...": the asker is unnamed
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


@dataclass
class _Sourceless:
    ranges: list[tuple[int, int]]
    segs: list[int]
    source: tuple[int, int] | None
    source_token: int | None


def _sourceless(doc: Doc, verb: Token, entry: Verb, quotes: Quotes) -> _Sourceless | None:
    """Passive and raising cues (``is expected to``, ``seems to``, ``was asked what``):
    the content is the clause, or the subject plus its complement."""
    source: tuple[int, int] | None = None
    source_token: int | None = None
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                source = _trim(doc, *_subtree(objs[0]), quotes)
                source_token = objs[0].i
    if verb.dep_ == "acl":
        subj_range: tuple[int, int] | None = (verb.head.left_edge.i, verb.head.i + 1)
    else:
        subj = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
        subj_range = _subtree(subj) if subj is not None else None
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    asked = verb.lemma_.lower() == "ask" and verb.dep_ == "advcl"
    if comp is None and asked:
        # "Asked if she believed ...": the parser reads the question as an adverbial clause
        comp = next(
            (
                c
                for c in verb.children
                if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children)
            ),
            None,
        )
    parts: list[tuple[int, int]] = []
    about = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
    if comp is not None and comp.i > verb.i:
        parts = [_subtree(comp)]
    elif asked and about is not None and about.i == verb.i + 1:
        parts = [(about.i + 1, _subtree(about)[1])]  # "when asked about her weaknesses"
    else:
        rest = next(
            (c for c in verb.rights if c.dep_ in {"xcomp", "oprd"} or (
                c.dep_ == "prep" and c.lower_ in {"as", "with", "of"} and entry.frame != "raise"
            )),
            None,
        )
        if subj_range is None:
            return None
        if rest is None:
            if source is None:
                return None
            # 'the position was not widely supported by experts': the subject is what the
            # agent holds
            parts = [subj_range]
        elif rest.dep_ == "prep" and rest.lower_ == "as":
            objs = [o for o in rest.children if o.dep_ == "pobj"]
            if not objs:
                return None
            parts = [subj_range, _subtree(objs[0])]
        else:
            parts = [subj_range, _subtree(rest)]
    ranges: list[tuple[int, int]] = []
    segs: list[int] = []
    for r in parts:
        rr, ss = _expand_quotes(quotes, *_trim(doc, *r, quotes))
        ranges.extend(x for x in rr if x[1] > x[0])
        segs.extend(ss)
    if not ranges or sum(e - s for s, e in ranges) < 2:
        return None
    return _Sourceless(ranges, segs, source, source_token)


def _closing_clause(doc: Doc, t: Token) -> bool:
    """``Moscow expects X to ..., Gorelov told TASS on Thursday.``: a reporting clause
    closing its sentence after a comma that the parser hung under the verb of what was
    said; it is the outer attribution, and the verb above it is nested in its content."""
    if t.dep_ not in {"ccomp", "parataxis"} or t.head.i >= t.i or t.head.pos_ != "VERB":
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > t.i or subj.left_edge.i == 0:
        return False
    if doc[subj.left_edge.i - 1].text != ",":
        return False
    return all(doc[k].is_punct or doc[k].is_space for k in range(t.right_edge.i + 1, t.sent.end))


def _nests(verb: Token) -> bool:
    """A cue inside another attribution's content that still makes its own: a participle
    or relative clause with a clausal complement (``explaining that``, ``which he said
    were``)."""
    if verb.dep_ not in NEST_DEPS:
        return False
    return any(c.dep_ == "ccomp" for c in verb.children)


def _beside_quote(doc: Doc, t: Token, quotes: Quotes) -> bool:
    """Any verb with a subject right after a quotation (``"...," Toomey fumed.``) or right
    before one after a colon (``Toomey fumed: "..."``) reports it, whatever its lemma."""
    if t.pos_ != "VERB" or t.tag_ == "VBG" or t.dep_ not in {"ROOT", "parataxis", "ccomp"}:
        return False
    head = t.head
    if (
        t.dep_ == "ccomp"
        and head.i > t.i
        and doc[head.i - 1].text == ","
        and head.lemma_.lower() in verbs()
    ):
        return False  # '"...," Mr. Dale, now 71 and retired in Albany, said': the aside's verb
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or not (
        subj.pos_ in {"PROPN", "PRON", "NOUN"} or (subj.pos_ == "VERB" and subj.is_title)
    ):
        return False  # a title-case "VERB" subject is a mis-tagged name ("Trump shot back")
    left = min(subj.left_edge.i, t.i)
    j = left - 1
    while j >= 0 and doc[j].is_punct and quotes.token_seg[j] < 0:
        j -= 1
    if j >= 0 and quotes.token_seg[j] >= 0 and left - j <= 2:
        # the quotation ends its sentence part: '"...," X fumed' or '"...!" X fumed'
        near = {doc[k].text for k in range(max(0, j - 1), left)}
        if near & {",", "!", "?"}:
            return True
    return _colon_quote(doc, t, quotes) is not None


def _colon_quote(doc: Doc, t: Token, quotes: Quotes) -> int | None:
    """The colon that ends ``t``'s clause and opens a quotation (``Smith shot back: "..."``,
    ``Romney tweeted in response: "..."``), if the words between belong to ``t``."""
    end = min(len(doc), t.i + 16)
    if ":" not in quotes.text[t.idx : doc[end - 1].idx + 1]:
        return None  # the cheap test first (no sentence yet): most clauses have no colon
    end = min(t.sent.end, end)
    for k in range(t.i + 1, end):
        tok = doc[k]
        if quotes.token_seg[k] >= 0 or tok.text in {".", "!", "?", ";"}:
            return None
        if tok.text == ":":
            n = k + 1
            while n < len(doc) and doc[n].is_space:
                n += 1
            return k if n < len(doc) and quotes.token_seg[n] >= 0 else None
        if tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECTS for c in tok.children):
            return None
        if not tok.is_ancestor(t) and t not in tok.ancestors:
            return None
    return None


def _is_cue_verb(t: Token, lexicon: dict[str, object]) -> bool:
    """A reporting verb in use: finite or participle with an auxiliary, not a noun."""
    lemma = t.lemma_.lower()
    if lemma not in lexicon and t.lower_ not in lexicon:
        return False
    if any(c.dep_ == "mark" and c.lower_ in {"with", "without"} for c in t.children):
        return False
    if t.pos_ in {"VERB", "AUX"}:
        if t.tag_ != "VBN" or _passive(t):
            return True
        return any(c.dep_ in {"aux", "nsubj"} for c in t.children)
    # the tagger sometimes calls a parenthetical verb an adjective ("authorities affirm")
    return t.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in t.children)


_CUE_LEFT = {"aux", "auxpass", "neg"}
_NOT_CUE_ADVERBS = {"when", "where", "how", "why", "as", "so", "even", "just", "only"}
"""Adverbs right before a cue verb that are not part of the cue (``has repeatedly said``,
``now says``, ``first reported`` are)."""


def _cue_tokens(doc: Doc, verb: Token, ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and an adverb between them (``has also
    said``, ``did not mention``), its particle (``pointed out``), the preposition that
    introduces the content (``called for``) and a colon that opens a quotation."""
    start = verb.i
    left = {c.i: c for c in verb.lefts}
    while start - 1 in left and (
        left[start - 1].dep_ in _CUE_LEFT
        or (
            left[start - 1].dep_ == "advmod"
            and left[start - 1].pos_ == "ADV"
            and left[start - 1].lower_ not in _NOT_CUE_ADVERBS
        )
    ):
        start -= 1
    end = verb.i + 1
    first = min((r[0] for r in ranges if r[0] > verb.i), default=len(doc))
    while end < len(doc) and end < first and (
        (doc[end].dep_ == "prt" and doc[end].head.i == verb.i)
        or (doc[end].dep_ == "prep" and doc[end].head.i == verb.i and end + 1 == first)
        or (doc[end].dep_ == "mark" and doc[end].lower_ == "for" and end + 1 == first)
        or doc[end].text == ":"
    ):
        end += 1
    while end < first:
        tok = doc[end]
        head = tok.head if tok.ent_type_ in {"DATE", "TIME"} and tok.head.i > end else tok
        if head.head.i != verb.i:
            break
        if head.dep_ in {"npadvmod", "advmod"} and head.ent_type_ in {"DATE", "TIME"}:
            if head.right_edge.i > end:
                break
            end = min(first, head.right_edge.i + 1)  # 'said Sunday', 'vowed last month'
        elif (
            head is tok
            and tok.dep_ == "advmod"
            and tok.pos_ == "ADV"
            and tok.lower_ not in _NOT_CUE_ADVERBS
        ):
            end += 1  # 'acknowledged privately', 'said repeatedly'
        elif tok.dep_ == "prep" and tok.lower_ == "with" and tok.right_edge.i - tok.i <= 3:
            end = min(first, tok.right_edge.i + 1)  # 'said with a laugh'
        else:
            break
    end = _cue_medium(doc, verb, end, first)
    colon = first - 1
    while colon > end and doc[colon].is_space:
        colon -= 1
    if colon >= end and doc[colon].text == ":" and colon - verb.i <= 15 and all(
        verb in doc[k].ancestors for k in range(end, colon)
    ):
        end = colon + 1  # 'tweeted in response: "..."': the cue runs to the colon
    return _governing_start(doc, verb, start), end


_CUE_MEDIA = {"in": {"statement"}, "on": {"twitter", "facebook"}}
"""Media that news annotation folds into the cue ("said in a statement", "wrote on
Twitter"); interviews, calls and broadcasts stay apart, as the channel only."""


def _cue_medium(doc: Doc, verb: Token, end: int, first: int) -> int:
    """Widen a cue over a short medium phrase right after it, before the content."""
    if end >= first or doc[end].dep_ != "prep" or doc[end].head.i != verb.i:
        return end
    heads = _CUE_MEDIA.get(doc[end].lower_)
    pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    if heads is None or pobj is None or pobj.lemma_.lower() not in heads:
        return end
    stop = pobj.i + 1
    if stop - end > 4 or stop > first or any(c.i > pobj.i for c in pobj.children):
        return end  # 'in a statement released by the party' stays the channel's
    return stop


_GAP_DEPS = {"advmod", "prt", "neg", "npadvmod", "nummod"}


def _governing_start(doc: Doc, verb: Token, start: int) -> int:
    """Start a cue at the verb that governs it with no object between (``went on to say``,
    ``continued to insist``, ``has not stepped forward publicly to defend``, ``began
    writing``), as news annotation marks such cues; object control (``led her to
    declare``) keeps the cue to itself."""
    head = verb.head
    if head.i >= start or head.pos_ not in {"VERB", "AUX", "ADJ"} or start - head.i > 6:
        return start
    if verb.dep_ == "xcomp":
        if doc[start].lower_ != "to" and verb.tag_ != "VBG":
            return start
    elif verb.dep_ != "advcl" or doc[start].lower_ != "to":
        return start
    if not all(doc[k].dep_ in _GAP_DEPS for k in range(head.i + 1, start)):
        return start
    first = head.i
    left = {c.i: c for c in head.lefts}
    while first - 1 in left and (
        left[first - 1].dep_ in _CUE_LEFT
        or (left[first - 1].dep_ == "advmod" and left[first - 1].pos_ == "ADV"
            and left[first - 1].lower_ not in _NOT_CUE_ADVERBS)
    ):
        first -= 1
    if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i < first:
        # 'was quick to point out', 'is reluctant to endorse': the copula opens the cue
        cop = head.head
        if all(doc[k].dep_ in {"advmod", "neg"} for k in range(cop.i + 1, first)):
            first = cop.i
            left = {c.i: c for c in cop.lefts}
            while first - 1 in left and left[first - 1].dep_ in _CUE_LEFT:
                first -= 1
    return first


def _fronted_content(
    doc: Doc,
    sent: Span,
    s_start: int,
    cue_end: int,
    ranges: list[tuple[int, int]],
    busy: list[bool],
    quotes: Quotes,
) -> tuple[int, int] | None:
    """The words before a parenthetical ``, he said,`` belong to what was said: ``If Trump
    loses, he said, he would ...`` and ``That, she said, "would help."`` (the parser gives
    the verb only what follows it)."""
    if not ranges or ranges[0][0] < cue_end or s_start <= sent.start:
        return None
    k = s_start - 1
    if doc[k].text != "," or cue_end >= len(doc) or doc[cue_end].text != ",":
        return None
    start = sent.start
    while start < k and (doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    if start >= k or any(busy[start:k]) or doc[k - 1].lower_ == "as":
        return None
    # a subject whose verb follows the cue ('That, she said, "would help"'), or a
    # condition ('If Trump loses, he said, ...'); not a fronted adverbial ('In the
    # United States, he writes, ...', 'As boos erupt, he says, ...')
    subject = any(
        doc[j].dep_ in {"nsubj", "nsubjpass"} and not start <= doc[j].head.i < k
        for j in range(start, k)
    )
    if not subject and doc[start].lower_ != "if":
        return None
    first = _trim(doc, start, k, quotes)
    return first if first[1] > first[0] else None


_BESIDE_DEPS = frozenset({"ROOT", "parataxis", "ccomp"})


class LowerIn:
    """Which string hashes name a word of a table once lower-cased. The answer of a hash
    does not depend on the Doc, so it is kept for the next one: looking strings up in the
    vocabulary for every distinct word of every article cost more than the rest of the
    test."""

    def __init__(self, table: Collection[str]) -> None:
        self.table = table
        self.hits: set[int] = set()
        self.misses: set[int] = set()

    def known(self, strings: StringStore, hashes: set[int]) -> list[int]:
        """The hashes among ``hashes`` whose lower-cased string is in the table."""
        for h in hashes - self.hits - self.misses:
            (self.hits if strings[h].lower() in self.table else self.misses).add(h)
        return list(hashes & self.hits)


@cache
def _verb_words() -> LowerIn:
    return LowerIn(verbs())


def _maybe_cues(doc: Doc, lexicon: dict[str, Verb]) -> list[int]:
    """Indices of tokens that may be cues: a lexicon word, or a verb heading a clause.
    Read from the Doc's arrays with numpy masks, so only these few tokens become ``Token``
    objects (a nested ``tolist`` of the whole array cost more than the rest together)."""
    strings = doc.vocab.strings
    arr = doc.to_array([LEMMA, LOWER, POS, DEP])
    words = arr[:, :2]
    table = _verb_words() if lexicon is verbs() else LowerIn(lexicon)
    known = np.array(table.known(strings, set(words.ravel().tolist())), dtype=np.uint64)
    deps = np.array([strings[d] for d in _BESIDE_DEPS], dtype=np.uint64)
    mask = np.isin(words, known).any(axis=1)
    mask |= (arr[:, 2] == strings["VERB"]) & np.isin(arr[:, 3], deps)
    return np.flatnonzero(mask).tolist()


def _heads(doc: Doc) -> list[int]:
    """Each token's head index, from one array (no ``Token`` objects)."""
    return (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc))).tolist()


def _depth(heads: list[int], i: int) -> int:
    """How many ancestors token ``i`` has (``len(list(token.ancestors))``)."""
    n = 0
    while heads[i] != i and n < len(heads):
        i = heads[i]
        n += 1
    return n


def find_verbal(doc: Doc, quotes: Quotes, claimed: set[int]) -> list[tuple[Token, Found]]:
    """Attributions whose cue is a reporting verb, outermost first; ``claimed`` tokens
    belong to attributions found already."""
    from dateline.nlp.quotes_stance import held_passive, stance_words  # it imports this module

    lexicon = verbs()
    stances = stance_words()
    taken = [i in claimed for i in range(len(doc))]
    owned = list(taken)
    """Tokens of the cues and sources found so far (``taken``: and their contents)."""
    cands = [
        t
        for t in (doc[i] for i in _maybe_cues(doc, lexicon) if quotes.token_seg[i] < 0)
        if _is_cue_verb(t, lexicon) or _beside_quote(doc, t, quotes)
    ]
    heads = _heads(doc) if cands else []
    closing = {t.i for t in cands if _closing_clause(doc, t)}
    cands.sort(key=lambda t: (-1 if t.i in closing else _depth(heads, t.i), t.i))
    inverted = {doc[i].head.i for i in closing}
    out: list[tuple[Token, Found]] = []
    for verb in cands:
        if owned[verb.i] or (taken[verb.i] and not _nests(verb) and verb.i not in inverted):
            continue
        lemma = verb.lemma_.lower() if verb.lemma_.lower() in lexicon else verb.lower_
        entry = lexicon.get(lemma) or Verb(lemma, "speech", "quote")
        if lemma == "point" and not any(
            (c.dep_ == "prt" and c.lower_ == "out") or (c.dep_ == "prep" and c.lower_ == "to")
            for c in verb.children
        ):
            continue
        if (verb.dep_ == "acomp" or held_passive(verb)) and verb.lower_ in stances:
            continue  # 'are convinced that': a stance of the subject (quotes_stance)
        if entry.frame == "raise" or _passive(verb):
            found_p = _sourceless(doc, verb, entry, quotes)
            if found_p is None:
                continue
            ranges = [r for r in found_p.ranges if not any(taken[r[0] : r[1]])]
            if not ranges:
                continue
            cue_start, cue_end = _cue_tokens(doc, verb, ranges)
            if any(owned[cue_start:cue_end]):
                continue
            src = found_p.source
            for i in [*range(cue_start, cue_end), *(range(*src) if src else ())]:
                owned[i] = True
            for r in ranges:
                for i in range(*r):
                    taken[i] = True
            out.append(
                (
                    verb,
                    Found(
                        cue=_chars(doc, cue_start, cue_end),
                        cls=entry.cls,
                        content=[_chars(doc, *r) for r in ranges],
                        source=_chars(doc, *src) if src else None,
                        source_token=found_p.source_token,
                        clause=_chars(doc, cue_start, cue_end),
                        segments=found_p.segs,
                    ),
                )
            )
            continue
        subj, ante = _subject(verb, quotes)
        src_span: tuple[int, int] | None = None
        if subj is None:
            subj, src_span = _implicit_subject(doc, verb)
        if subj is None or subj.lower_ == "there" or quotes.token_seg[subj.i] >= 0:
            continue  # a subject inside a quotation is the parser joining two sentences
        if (
            subj.lower_ == "it"
            and lemma not in IT_SPEAKS
            and entry.frame != "quote"
            and not (lemma in IT_FINDS and _that_clause(verb))
        ):
            continue  # "it shows", "it means": "it" is a speaker only of saying verbs
        if (
            subj.head.i != verb.i
            and verb.i < subj.i
            and verb.dep_ == "advcl"
            and verb.tag_ != "VBG"
        ):
            continue  # "Asked about it, Adelson said ...": the question is not his
        sent = verb.sent
        found = _content_for_verb(doc, verb, entry.frame, sent, quotes)
        if found is None:
            continue
        ranges, segs = found
        if entry.frame == "quote" and not segs:
            continue
        busy = owned if taken[verb.i] else taken
        ranges = [r for r in ranges if r[1] > r[0] and not any(busy[r[0] : r[1]])]
        if not ranges:
            continue
        s_start, s_end = src_span or _source_span(doc, subj, quotes)
        if s_end <= s_start or any(s_start <= r[0] < s_end for r in ranges):
            continue
        cue_start, cue_end = _cue_tokens(doc, verb, ranges)
        pre = _fronted_content(doc, sent, s_start, cue_end, ranges, busy, quotes)
        if pre is not None:
            ranges.insert(0, pre)
        chan = _channel(doc, verb, entry.frame)
        if chan is not None and chan[0] < s_start and chan[1] >= s_start - 8:
            # 'In one message sent on Sept. 3, deputy chief of staff X wrote': the parser
            # hung the speaker, or the title before them, inside the fronted phrase; the
            # channel stops at the comma before them
            comma = max((k for k in range(chan[0], min(chan[1], s_start)) if doc[k].text == ","),
                        default=None)
            if comma is not None and chan[1] > comma + 1:
                chan = _trim(doc, chan[0], comma, quotes)
            elif chan[1] > s_start:
                chan = _trim(doc, chan[0], s_start, quotes)
        clause_start = min(s_start, cue_start, chan[0] if chan else s_start)
        speaking = _speaking_clause(verb, s_start)
        if speaking is not None:
            # 'Speaking to reporters on Monday, the minister said': the participle's
            # phrase is the channel and its date the statement's
            chan = chan or _channel(doc, speaking, "clause")
            clause_start = min(clause_start, speaking.left_edge.i)
        for r in ranges:
            for i in range(*r):
                taken[i] = True
        for i in [*range(s_start, s_end), *range(cue_start, cue_end)]:
            owned[i] = True
        clause_end = max(cue_end, chan[1] if chan else cue_end)
        head = ante if ante is not None else subj
        out.append(
            (
                verb,
                Found(
                    cue=_chars(doc, cue_start, cue_end),
                    cls=entry.cls,
                    content=[_chars(doc, *r) for r in ranges],
                    source=_chars(doc, s_start, s_end),
                    source_token=head.i,
                    channel=_chars(doc, *chan) if chan and chan[1] > chan[0] else None,
                    clause=(doc[clause_start].idx, _chars(doc, clause_end - 1, clause_end)[1]),
                    segments=segs,
                ),
            )
        )
    return out


def find_phrasal(doc: Doc, quotes: Quotes, taken: set[int]) -> list[Found]:
    """``According to X, ...``: the source is the object, the content the rest."""
    phrases = cue_phrases()
    out: list[Found] = []
    strings = doc.vocab.strings
    lower_ids = doc.to_array(LOWER)
    # compared as hashes (a string's hash is its id in every vocabulary)
    firsts = np.array(list({strings[w[0]] for w in phrases}), dtype=np.uint64)
    starts = np.flatnonzero(np.isin(lower_ids, firsts)).tolist()
    if not starts:
        return []
    ids = lower_ids.tolist()
    for words, cls in phrases.items():
        n = len(words)
        word_ids = tuple(strings[w] for w in words)
        for i in starts:
            if tuple(ids[i : i + n]) != word_ids or quotes.token_seg[i] >= 0:
                continue
            if i + n >= len(doc):
                continue
            last = doc[i + n - 1]
            objs = [c for c in last.children if c.dep_ == "pobj"]
            if not objs:
                continue
            s_start, s_end = _trim(doc, *_subtree(objs[0]), quotes)
            sent = doc[i].sent
            pp_start, pp_end = min(i, doc[i].left_edge.i), max(s_end, doc[i].right_edge.i + 1)
            ranges = [
                r
                for r in (
                    _trim(doc, sent.start, pp_start, quotes),
                    _trim(doc, pp_end, sent.end, quotes),
                )
                if r[1] - r[0] >= 2
            ]
            if not ranges or s_end <= s_start:
                continue
            segs: list[int] = []
            content: list[tuple[int, int]] = []
            for r in ranges:
                rr, ss = _expand_quotes(quotes, *r)
                content.extend(rr)
                segs.extend(ss)
            out.append(
                Found(
                    cue=_chars(doc, i, i + n),
                    cls=cls,
                    content=[_chars(doc, *r) for r in content],
                    source=_chars(doc, s_start, s_end),
                    source_token=objs[0].i,
                    clause=_chars(doc, i, s_end),
                    segments=segs,
                )
            )
    return out


def attach_orphans(doc: Doc, quotes: Quotes, found: list[Found]) -> list[Found]:
    """Quotations no cue claimed: continue the attribution just before, or stand alone."""
    claimed = {k: f for f in found for k in f.segments}
    ordered = sorted(found, key=lambda f: f.content[0][0])
    out: list[Found] = []
    k = 0
    while k < len(quotes.segments):
        if k in claimed:
            k += 1
            continue
        chain = quotes.chain(k)
        seg = quotes.segments[k]
        start_tok, end_tok = quotes.seg_tokens[k]
        k = chain[-1] + 1
        tail = next((c for c in chain if c in claimed), None)
        if tail is not None:
            # paragraphs of one quotation whose speaker comes only at its end ('"A. ¶ "B. ¶
            # "C," Nowicki said.'): the opening paragraphs are the same attribution's
            owner = claimed[tail]
            lead = chain[: chain.index(tail)]
            owner.content[:0] = [quotes.segments[c].span for c in lead]
            owner.segments[:0] = lead
            continue
        if end_tok <= start_tok:
            continue
        words = sum(1 for t in doc[start_tok:end_tok] if t.is_alpha)
        before = quotes.text[max(0, seg.start - 3) : seg.start].rstrip(" \t\xa0")
        sentence_initial = not before or before[-1] in _SENTENCE_END
        if not sentence_initial or words < 4:
            continue
        spans = [quotes.segments[c].span for c in chain]
        prev = [f for f in ordered if _end(f) <= seg.start]
        if prev:
            last = max(prev, key=_end)
            gap = quotes.text[_end(last) : seg.start]
            if not last.segments:
                # '"A," she said, adding that B. "C."': C goes on with the quoted speaker
                last = _quoted_before(quotes.text, prev, last) or last
            if gap.count("\n") <= 2 and not _has_other_content(gap) and last.segments:
                last.content.extend(spans)
                last.segments.extend(chain)
                continue
            last_seg = quotes.segments[chain[-1]]
            closes = quotes.text[last_seg.end - 2 : last_seg.end - 1] in {".", "!", "?"}
            line_end = quotes.text.find("\n", last_seg.end)
            after = quotes.text[last_seg.end : None if line_end < 0 else line_end]
            if (
                not gap.strip(" .")
                and "\n" not in gap
                and last.source is not None
                and closes
                and not after.strip()
            ):
                # 'The minister said the plan was sound. "We will not change course."': a
                # whole quoted sentence right after a reported statement, ending its
                # paragraph, is the same speaker's next words ('"No pay" read the banners'
                # and a quotation someone else is then said to have said are not)
                out.append(
                    Found(
                        cue=None,
                        cls=last.cls,
                        content=spans,
                        source=last.source,
                        source_token=last.source_token,
                        segments=list(chain),
                    )
                )
                continue
        out.append(Found(cue=None, cls="speech", content=spans, segments=list(chain)))
    return out


def _quoted_before(text: str, prev: list[Found], last: Found) -> Found | None:
    """The quoted attribution whose clause runs on into ``last`` (``"A," she said, adding
    that ...``): nothing but a comma or a few words between them, in one sentence."""
    start = min([s for s, _ in last.content] + ([last.cue[0]] if last.cue else []))
    for f in prev:
        if f is last or not f.segments or _end(f) > start:
            continue
        between = text[_end(f) : start]
        if len(between) <= 60 and not any(ch in _SENTENCE_END for ch in between):
            return f
    return None


def _end(f: Found) -> int:
    """Where an attribution's last piece (content, source, cue, channel) ends."""
    ends = [e for _, e in f.content]
    for span in (f.source, f.cue, f.channel, f.clause):
        if span is not None:
            ends.append(span[1])
    return max(ends)


_SENTENCE_BREAK = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"'”’]*\s+[\"'“‘]*[A-Z0-9]"
)
"""A full stop followed by a new sentence; not after an initial or a short capitalised
abbreviation (``Mr.``, ``Va.``, ``Gov.``)."""


def _has_other_content(gap: str) -> bool:
    """Text between an attribution and a quotation that is more than the tail of the
    attribution's own sentence (``he said last week.``, ``said, introducing me to his
    comrades from Arlington, Va., and Calgary.``)."""
    tail = gap.strip().rstrip(".!?;:,\"'”’")
    return "\n" in tail or bool(_SENTENCE_BREAK.search(tail)) or len(tail) > 250


_DASH_SPEAKER = re.compile(
    r"^[^\n]{3,250}? [-–—] ?(?:[Mm]ore from )?(?P<name>[A-Z][\w.’' ]{1,50}?|the \w+):[ \xa0]*"
    r"(?=[\"“«„]|'')",
    re.MULTILINE,
)
"""A round-up paragraph: ``Polls agree - Jane Roe: "..."`` (a summary, a dash, the source,
a colon, the quotation)."""


def _dash_speakers(doc: Doc, quotes: Quotes) -> list[Found]:
    out: list[Found] = []
    text = quotes.text
    for m in _DASH_SPEAKER.finditer(text):
        colon = text.index(":", m.end("name"))
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        span = doc.char_span(m.end(), line_end, alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        ranges, segs = _expand_quotes(quotes, *_trim(doc, span.start, span.end, quotes))
        if not segs:
            continue
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        out.append(
            Found(
                cue=(colon, colon + 1),
                cls="speech",
                content=[_chars(doc, *r) for r in ranges],
                source=(m.start("name"), m.end("name")),
                source_token=name.root.i if name is not None else None,
                segments=segs,
            )
        )
    return out


_PREDICATES = frozenset({"VERB", "AUX"})
_LINE_COLON = re.compile(r"(?m)^[ \t]*(\S[^\n:]{0,80}):")
"""A line whose first words end at a colon: where a speaker line may start."""


def find_speaker_lines(doc: Doc, quotes: Quotes) -> list[Found]:
    """``KARIN: We were able to ...`` or ``Karin: 'Integrity preserved'``: a short name
    opening a paragraph, then a colon; the rest of the paragraph is what was said."""
    out: list[Found] = []
    text = quotes.text
    # the cheap test first: only lines with a colon near their start can be speaker lines
    starts = {m.start(1) for m in _LINE_COLON.finditer(text)}
    if not starts:
        return _dash_speakers(doc, quotes)
    head = getattr(doc._.article, "headline", None)
    if head is not None and head.span is not None:
        starts.discard(head.span[0])  # a headline's colon is read by the headline rules
    for sent in doc.sents:
        first = sent.start
        while first < sent.end and doc[first].is_space:
            first += 1
        if first >= sent.end or doc[first].idx not in starts:
            continue
        if first >= sent.end or (doc[first].idx > 0 and text[doc[first].idx - 1] != "\n"):
            continue
        colon = next(
            (t.i for t in doc[first : min(first + 16, sent.end)] if t.text in {":", "):"}), None
        )  # the tokenizer keeps "):" of "DURMAZ (through translator):" as one token
        if colon is None or colon == first:
            continue
        name_end = _speaker_label_end(doc, first, colon)
        if name_end is None or _dateline_label(doc, name_end, colon):
            continue
        name = doc[first:name_end]
        if not all(t.pos_ == "PROPN" or (t.is_upper and t.is_alpha) or t.text == "." for t in name):
            continue
        if name[0].text.upper() in line_labels():
            continue  # 'UPDATE:', 'Q:': a label, not a speaker
        if _only_place(doc, name):
            continue  # 'Ukraine: Russia fires missiles ...': a topic, not a speaker
        line_end = text.find("\n", doc[colon].idx)
        line_end = len(text) if line_end == -1 else line_end
        span = doc.char_span(doc[colon].idx + 1, line_end, alignment_mode="contract")
        if span is None:
            continue
        start, end = _trim(doc, span.start, span.end, quotes)
        if end - start < 2:
            continue
        if sum(doc[k].text == "," for k in range(start, end)) >= 2 and not any(
            doc[k].pos_ in _PREDICATES or quotes.token_seg[k] >= 0 for k in range(start, end)
        ):
            continue  # 'Iowa: Tim Albrecht, Brad Anderson, ...': a list, not a statement
        ranges, segs = _expand_quotes(quotes, start, end)
        mark = doc[colon].idx + len(doc[colon].text)  # the colon itself, not a ")" before it
        out.append(
            Found(
                cue=(mark - 1, mark),
                cls="speech",
                content=[_chars(doc, *r) for r in ranges],
                source=_chars(doc, first, name_end),
                source_token=name_end - 1,
                segments=segs,
                verbatim=all(t.is_upper or not t.is_alpha for t in name),
            )
        )
    return out + _dash_speakers(doc, quotes)


def entity_kinds(doc: Doc, start: int, end: int) -> set[str]:
    """Types of the entities with a mention overlapping characters ``[start, end)``."""
    return {
        e.type
        for e in doc._.entities or []
        for m in e.mentions
        if m.span[0] < end and start < m.span[1]
    }


def _only_place(doc: Doc, name: Span) -> bool:
    """Does a line label name only places (entities of the place types, no person or
    organisation)?"""
    kinds = entity_kinds(doc, name.start_char, name.end_char)
    return bool(kinds) and kinds <= {"GPE", "LOC", "FAC", "NORP"}


def _dateline_label(doc: Doc, name_end: int, colon: int) -> bool:
    """``WASHINGTON (AP):``, ``NEW YORK, MAY 2 (REUTERS):``: a dateline, not a speaker: what
    follows the name holds a date or a news agency of the dateline readers' list."""
    added = doc[name_end : colon + 1]
    if any(t.like_num or t.ent_type_ == "DATE" for t in added):
        return True
    known = agency_names()
    return any(t.text.strip("():").lower() in known for t in added)


@cache
def agency_names() -> frozenset[str]:
    """The news agencies of the dateline readers' list, lower-cased."""
    return frozenset(a.lower() for a in agencies())


def _speaker_label_end(doc: Doc, first: int, colon: int) -> int | None:
    """Where the name of a speaker line ends: at the colon (``KARIN:``), or before what a
    transcript adds to the name, a parenthesis (``DURMAZ (through translator):``) or an
    upper-case description after a comma (``MARIA LOPEZ, CNN CORRESPONDENT (voice-over):``).
    None when the words before the colon are no such label."""
    end = colon
    if doc[colon].text == "):" or doc[colon - 1].text == ")":
        opening = next((k for k in range(colon, first, -1) if doc[k].text == "("), None)
        if opening is None:
            return None
        end = opening
    comma = next((k for k in range(first, end) if doc[k].text == ","), None)
    if comma is not None:
        if not all(t.is_upper or not t.is_alpha for t in doc[comma + 1 : end]):
            return None
        end = comma
    if end - first > 5 or end == first:
        return None
    if end < colon and not all(t.is_upper or not t.is_alpha for t in doc[first:end]):
        return None  # an added description only after an upper-case transcript name
    return end


_LEAD_IN_END = (":", "-", "—", "–")


def trim_lead_ins(doc: Doc, quotes: Quotes, found: list[Found]) -> None:
    """A content that runs from the sentence start into a quotation its cue follows
    (``'"...," he said'``) starts at the quotation when the words before it are a clause of
    the writer's: ``He praised his brother's faith - "faith that ...," he said`` or ``Gray
    listed the rules: "Civility was assumed," he said``. A lead-in that is only the
    quotation's subject (``The event "was the first time ...," Roe said``) stays."""
    text = quotes.text
    for f in found:
        if f.cue is None or not f.segments or f.cue[0] < f.content[0][1]:
            continue
        s, e = f.content[0]
        inside = [quotes.segments[k] for k in f.segments if s < quotes.segments[k].start < e]
        if not inside:
            continue
        seg = inside[0]
        inner = text[seg.start : seg.end].lstrip("\"'“‘«„` ")
        if not inner[:1].isupper():
            continue
        lead = text[s : seg.start].rstrip()
        span = doc.char_span(s, seg.start, alignment_mode="contract")
        clause = span is not None and any(
            t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and any(c.dep_ in SUBJECTS for c in t.children)
            for t in span
        )
        if lead.endswith(_LEAD_IN_END) or clause:
            f.content[0] = (seg.start, e)
