"""Quotations the parse-based rules left unclaimed, attributed from the words around them.

The dependency parse often breaks on quotations: ``"A," recalled Mr. Rhodes.`` makes the
speaker an object, ``"A," Jane Roe, a senior aide, said`` hangs the verb on the quote, and
``Roe tweeted in response: "A"`` makes the verb a modifier of the name. The marks are
visible all the same, and news writing attaches a quotation to its speaker in a few fixed
shapes: a closing comma (or ``?``/``!``) and then ``said X`` or ``X said`` in the same
sentence; or ``X said,`` / ``X put it:`` right before the opening mark. This module reads
those shapes from the tokens and their tags, using the parse only where it agrees.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.nlp.quotes_lexicon import verbs
from dateline.nlp.quotes_rules import (
    NAME_PARTS,
    SUBJECTS,
    Found,
    Quotes,
    _chars,
    _cue_tokens,
    _found,
    _np_before,
    _source_span,
    _trim,
    agency_names,
)

FINITE = {"VBD", "VBZ", "VBP"}
_STOPS = {".", "!", "?", ";"}
_NOUNISH = {"PROPN", "NOUN", "PRON"}
_QUOTE_END = ",?!—–-…"
_CLOSERS = "\"'”’»` \u00a0"
_RELATIVE = {"who", "which", "whose", "whom"}
_DATELINE_ENDS = {"—", "–", "--", "-"}
_WINDOW = 40
"""Tokens after a quotation searched for its cue (long appositives: ``Jane Roe, chair of
the department at X, who co-wrote the report with Y, said``)."""


def find_around(doc: Doc, quotes: Quotes, found: list[Found]) -> list[Found]:
    """Attributions for quotations no cue claimed: ``"A," said X`` / ``"A," X, Y, said`` /
    ``X said, "A"`` / ``X put it: "A"`` read from the surface when the parse failed."""
    claimed = {k for f in found for k in f.segments}
    busy = [False] * len(doc)
    for f in found:
        # a speaker the parse shared with a later verb may say a quotation of its own
        # ('"...," she said, but added that ...': "she" is the source of "added")
        for span in [*f.content, *(s for s in (f.cue,) if s is not None)]:
            sp = quotes.token_span(span[0], span[1])
            if sp is not None:
                for i in range(*sp):
                    busy[i] = True
    lexicon = verbs()
    out: list[Found] = []
    k = 0
    while k < len(quotes.segments):
        chain = quotes.chain(k)
        nxt = chain[-1] + 1
        if k in claimed or quotes.segments[k].continued or not quotes.segments[chain[-1]].closed:
            k = nxt
            continue
        start, end = quotes.seg_tokens[k][0], quotes.seg_tokens[chain[-1]][1]
        if end <= start or not any(t.is_alpha for t in doc[start:end]):
            k = nxt
            continue
        f = (
            _after(doc, quotes, chain, busy, lexicon)
            or _before(doc, quotes, chain, busy, lexicon)
            or _signed(doc, quotes, chain, busy)
        )
        if f is not None:
            out.append(f)
            claimed.update(f.segments)
            for span in [*f.content, *(s for s in (f.source, f.cue) if s is not None)]:
                sp = quotes.token_span(span[0], span[1])
                if sp is not None:
                    for i in range(*sp):
                        busy[i] = True
            nxt = max(nxt, max(f.segments) + 1)
        k = nxt
    return out


def _ends_clause(quotes: Quotes, k: int) -> bool:
    """The quotation closes with a comma, ``?`` or ``!`` (inside or right after the marks):
    the sentence goes on with its attribution."""
    seg = quotes.segments[k]
    text = quotes.text
    inner = text[seg.start : seg.end].rstrip(_CLOSERS)
    return (bool(inner) and inner[-1] in _QUOTE_END) or text[seg.end : seg.end + 1] == ","


def _window_end(doc: Doc, quotes: Quotes, j: int) -> int:
    """Where the attribution after a quotation must end: a full stop, a line break or the
    next quotation."""
    limit = min(len(doc), j + _WINDOW)
    for n in range(j, limit):
        t = doc[n]
        if t.text in _STOPS or "\n" in t.text or quotes.token_seg[n] >= 0:
            return n
    return limit


def _is_cue(t: Token, lexicon: dict[str, object]) -> bool:
    return t.lemma_.lower() in lexicon or t.lower_ in lexicon


def _finite(t: Token) -> bool:
    return t.pos_ == "VERB" and (
        t.tag_ in FINITE
        or (t.tag_ == "VBN" and t.i > 0 and t.doc[t.i - 1].lower_ in {"has", "have", "had"})
    )


def _after(
    doc: Doc, quotes: Quotes, chain: list[int], busy: list[bool], lexicon: dict[str, object]
) -> Found | None:
    """``"A," said X`` and ``"A," X, a senior aide, said`` (the cue in the same sentence)."""
    last = chain[-1]
    if not _ends_clause(quotes, last):
        return None
    j = quotes.seg_tokens[last][1]
    while j < len(doc) and (
        (doc[j].is_space and "\n" not in doc[j].text)
        or (doc[j].text in {",", "—", "–"} and quotes.token_seg[j] < 0)
    ):
        j += 1
    if j >= len(doc) or quotes.token_seg[j] >= 0 or busy[j]:
        return None
    limit = _window_end(doc, quotes, j)
    verb = next(
        (n for n in range(j, limit) if _finite(doc[n]) or _tagged_as_participle(doc[n], lexicon)),
        None,
    )
    aside = verb
    if verb is not None and verb > j and not _is_cue(doc[verb], lexicon):
        verb = _past_aside(doc, j, verb, limit, lexicon)
    if verb is None or busy[verb]:
        return None
    v = doc[verb]
    if verb == j:
        # '"A," said X': the speaker follows the verb
        if not _is_cue(v, lexicon):
            return None
        src = _source_after(doc, quotes, v, limit)
        if src is None:
            return None
        s_start, s_end = src
        source_token = _head_in(doc, s_start, s_end)
    else:
        between = doc[j:verb]
        if not any(t.pos_ in _NOUNISH for t in between) or between[0].pos_ in {"CCONJ", "SCONJ"}:
            return None
        relative = False
        for t in doc[j:aside] if aside != verb else between:
            if t.lower_ in _RELATIVE:
                relative = True
            elif (t.tag_ in FINITE or t.tag_ == "MD") and not relative:
                return None  # another clause between the quotation and the verb
        if not _is_cue(v, lexicon) and not (verb + 1 >= limit or doc[verb + 1].is_punct):
            return None  # an unknown verb reports only when it closes the sentence
        s_start, s_end = _trim(doc, j, verb, quotes)
        # a cue's adverbs and auxiliaries ('later said', 'has said') are not the speaker
        while s_end > s_start and (
            doc[s_end - 1].pos_ in {"ADV", "AUX"} or doc[s_end - 1].dep_ in {"aux", "neg"}
        ) and doc[s_end - 1].head.i == verb:
            s_end -= 1
        s_start, s_end = _trim(doc, s_start, s_end, quotes)
        if s_end <= s_start or busy[s_start] or busy[s_end - 1]:
            return None
        if any(doc[n].text == "," for n in range(s_start, s_end)) and doc[s_end].text == ",":
            s_end += 1  # an appositive keeps its closing comma
        if aside != verb:
            # the speaker is the name before the aside, whatever the parser made of it
            name_end = next((n for n in range(s_start, s_end) if doc[n].text == ","), s_end)
            source_token = max(
                (n for n in range(s_start, name_end) if doc[n].pos_ in _NOUNISH),
                default=_head_in(doc, s_start, s_end),
            )
        else:
            source_token = _head_in(doc, s_start, s_end)
    content_tokens = [quotes.seg_tokens[c] for c in chain]
    cue_start, cue_end = _cue_tokens(doc, v, [])
    cue_start = max(cue_start, j if verb > j else verb)
    if verb == j:
        cue_end = min(cue_end, s_start)
    else:
        cue_start = max(cue_start, s_end)
        while cue_start < verb and doc[cue_start].is_punct:
            cue_start += 1
    segs = list(chain)
    clause_end = max(cue_end, s_end)
    # '"A," X said, "B."': the quotation after the clause, in the same sentence
    n = clause_end
    while n < len(doc) and (doc[n].text == "," or (doc[n].is_space and "\n" not in doc[n].text)):
        n += 1
    if n > clause_end and n < len(doc) and quotes.token_seg[n] >= 0:
        k2 = quotes.token_seg[n]
        if not any(busy[quotes.seg_tokens[k2][0] : quotes.seg_tokens[k2][1]]):
            for c in quotes.chain(k2):
                segs.append(c)
                content_tokens.append(quotes.seg_tokens[c])
    return _found(doc, _cls(v, lexicon), (cue_start, cue_end), content_tokens,
                  (s_start, s_end), source_token, (min(s_start, cue_start), clause_end), segs)


def _tagged_as_participle(t: Token, lexicon: dict[str, object]) -> bool:
    """``"...?" the governor, Ann Lowe, asked``: after an appositive the tagger may read
    the cue as a participle modifying the name; a reporting verb right after the
    appositive's comma is the finite cue all the same."""
    return (
        t.tag_ == "VBN"
        and t.dep_ == "acl"
        and t.i > 0
        and t.doc[t.i - 1].text == ","
        and _is_cue(t, lexicon)
    )


def _past_aside(doc: Doc, j: int, verb: int, limit: int, lexicon: dict[str, object]) -> int:
    """``"A," Mr. Dale, now 71 and retired in Albany, said``: the first finite verb after
    the quotation ("retired") belongs to an aside set off by commas after the name; the cue
    is the reporting verb right after the aside's closing comma."""
    comma = next((n for n in range(j, verb) if doc[n].text == ","), None)
    if comma is None or comma == j or not any(doc[n].pos_ == "PROPN" for n in range(j, comma)):
        return verb
    for n in range(verb + 1, limit):
        if doc[n].text in {".", "!", "?", ";", ":"} or doc[n].lower_ in _RELATIVE:
            break
        if doc[n - 1].text == "," and _finite(doc[n]) and _is_cue(doc[n], lexicon):
            return n
    return verb


def _source_after(doc: Doc, quotes: Quotes, v: Token, limit: int) -> tuple[int, int] | None:
    """The speaker after an inverted cue (``said Mr. Rhodes, a former aide``)."""
    for c in v.rights:
        if c.i >= limit:
            break
        if c.dep_ in {*SUBJECTS, "dobj", "attr", "npadvmod", "dative", "appos"} and (
            c.pos_ in _NOUNISH
        ):
            start, end = _source_span(doc, c, quotes)
            end = min(end, limit)
            if start > v.i and end > start:
                return start, end
    n = v.i + 1
    if n >= limit or not (doc[n].pos_ in {"PROPN", "DET"} or doc[n].is_title):
        return None  # a name the tagger missed ('said Skelly' as an adverb) is title-case
    end = n
    while end < limit and (
        doc[end].pos_ in NAME_PARTS or doc[end].text == "." or doc[end].is_title
    ):
        end += 1
    return (n, end) if end > n else None


def _head_in(doc: Doc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the phrase's head)."""
    for n in range(start, end):
        if not start <= doc[n].head.i < end or doc[n].head.i == n:
            return n
    return end - 1


_INVERTED = {"said", "added", "says", "adds", "asked", "wrote", "continued", "recalled"}
"""Cues that may open a sentence with the speaker after them (``Said Ellis: "..."``)."""
_SIGN_DASHES = {"―", "—", "–", "--", "-"}
_NOT_SIGNERS = {"GPE", "LOC", "ORG", "NORP", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"}
_SIGN_WORDS = 12
"""Longest signature after a quotation: a name and a short description."""


def _signed(doc: Doc, quotes: Quotes, chain: list[int], busy: list[bool]) -> Found | None:
    """``"..." ― Pamela Padilla`` or ``"..." — Jane Roe, nurse, Ohio``: a quotation signed
    by a dash and a name that close its line (a vox pop, an epigraph, a reader's voice)."""
    text = quotes.text
    c = quotes.segments[chain[-1]].end
    while c < len(text) and text[c] in " \t\u00a0":
        c += 1
    mark = 2 if text.startswith("--", c) else 1
    if text[c : c + mark] not in _SIGN_DASHES:
        return None
    # the dash may be glued to the closing mark in one token ('”―')
    at = doc.char_span(c, c + mark, alignment_mode="expand")
    if at is None or busy[at.start]:
        return None
    dash = at.start
    end = dash + 1
    while end < len(doc) and "\n" not in doc[end].text and quotes.token_seg[end] < 0:
        end += 1
    if end - dash - 1 > _SIGN_WORDS:
        return None
    start = dash + 1
    while start < end and doc[start].is_space:
        start += 1
    name_end = start
    while name_end < end and (doc[name_end].pos_ == "PROPN" or doc[name_end].is_title or (
        doc[name_end].text == "." and name_end > start and len(doc[name_end - 1].text) == 1
    )):
        name_end += 1
    if name_end == start or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON"
                                    for t in doc[start:name_end]):
        return None
    if not _clause_length(doc, quotes, chain[0]) or any(
        t.ent_type_ in _NOT_SIGNERS for t in doc[start:name_end]
    ) or doc[start:name_end].text.lower() in agency_names():
        return None  # a title credit ('"Oppenheimer" — Christopher Nolan'), a place or a
        # wire credit ('— Reuters') signs no statement
    rest = doc[name_end:end]
    if rest and rest[0].text not in {",", "."}:
        return None  # a sentence goes on after the dash: no signature
    if len(rest) > 1 and rest[0].text == "," and rest[1].ent_type_ in {"GPE", "LOC"}:
        return None  # '— Kyiv, Ukraine': a place line, not a person
    # in characters: the dash may share a token with the closing mark
    return Found(
        cue=(c, c + mark),
        cls="speech",
        content=[(quotes.segments[k].start, quotes.segments[k].end) for k in chain],
        source=_chars(doc, start, name_end),
        source_token=_head_in(doc, start, name_end),
        clause=(c, _chars(doc, start, name_end)[1]),
        segments=list(chain),
    )


def _inverted_source(
    doc: Doc, quotes: Quotes, v: Token, p: int, lexicon: dict[str, object]
) -> tuple[int, int] | None:
    """``Said Ellis: "..."`` / ``Added the senator, "..."``: a reporting verb opening its
    sentence, the speaker between it and the mark that opens the quotation."""
    if not (_is_cue(v, lexicon) or v.lower_ in _INVERTED) or not v.is_title:
        return None
    if p - v.i < 2 or p - v.i > 12:
        return None
    b = v.i - 1
    while b >= 0 and "\n" not in doc[b].text and (
        doc[b].is_space or doc[b].text in {'"', "“", "”", "'"}
    ):
        b -= 1
    if b >= 0 and doc[b].text not in _STOPS | _DATELINE_ENDS and "\n" not in doc[b].text:
        return None  # not the first word of its sentence (or of the text after a dateline)
    start, end = _trim(doc, v.i + 1, p, quotes)
    for k in range(start, end - 1):
        if doc[k].text == "," and doc[k + 1].lower_ in _RELATIVE:
            end = k  # 'Added the senator, who chairs the panel, "..."'
            break
    if end <= start or not any(t.pos_ in _NOUNISH for t in doc[start:end]):
        return None
    return start, end


def _clause_length(doc: Doc, quotes: Quotes, k: int) -> bool:
    """Is the quotation a clause of its own (four words or more, with a verb)?"""
    start, end = quotes.seg_tokens[k]
    words = [t for t in doc[start:end] if t.is_alpha]
    return len(words) >= 4 and any(t.pos_ in {"VERB", "AUX"} for t in words)


def _cls(v: Token, lexicon: dict[str, object]) -> str:
    entry = lexicon.get(v.lemma_.lower()) or lexicon.get(v.lower_)
    return getattr(entry, "cls", "speech")


def _before(
    doc: Doc, quotes: Quotes, chain: list[int], busy: list[bool], lexicon: dict[str, object]
) -> Found | None:
    """``X said, "A"`` and ``X put it: "A"`` / ``X tweeted in response: "A"``."""
    first = chain[0]
    s = quotes.seg_tokens[first][0]
    p = s - 1
    while p >= 0 and doc[p].is_space and "\n" not in doc[p].text:
        p -= 1
    if p < 1 or doc[p].text not in {",", ":"} or quotes.token_seg[p] >= 0:
        return None
    colon = doc[p].text == ":"
    low = max(doc[p].sent.start, p - 16)
    verb = None
    for n in range(p - 1, low - 1, -1):
        t = doc[n]
        if t.text in _STOPS or "\n" in t.text or quotes.token_seg[n] >= 0 or busy[n]:
            return None
        if (t.pos_ == "VERB" and (
            _finite(t)
            or (colon and t.tag_ in {"VB", "VBN", "VBG"})
            or (t.tag_ == "VBN" and t.is_title)  # 'Added the senator, "..."'
        )) or (t.is_title and t.lower_ in _INVERTED and t.pos_ == "PROPN"):
            # mid-paragraph, the tagger reads 'Said Ellis' as one name
            verb = n
            break
    if verb is None:
        return None
    v = doc[verb]
    inverted = _inverted_source(doc, quotes, v, p, lexicon)
    if p - verb > (16 if colon or inverted else 5):
        return None
    if not colon and not _is_cue(v, lexicon) and not _clause_length(doc, quotes, first):
        return None  # 'X cracked, "I am a progressive"': any verb before a full quotation
    subj = next(
        (c for c in v.children if c.dep_ in SUBJECTS and quotes.token_seg[c.i] < 0), None
    )
    if inverted is not None:
        s_start, s_end = inverted
        source_token = _head_in(doc, s_start, s_end)
    elif subj is not None and subj.i < verb:
        s_start, s_end = _source_span(doc, subj, quotes)
        source_token = subj.i
    else:
        found_np = _np_before(doc, verb, max(0, low - 20))
        if found_np is None:
            return None
        s_start, s_end, source_token = found_np
    if s_end <= s_start or any(busy[s_start:s_end]):
        return None
    content_tokens = [quotes.seg_tokens[c] for c in chain]
    cue_start, cue_end = _cue_tokens(doc, v, content_tokens)
    if inverted is not None:
        # 'Said Ellis: "..."': the cue is the verb alone, the speaker after it
        cue_start, cue_end = verb, verb + 1
        return _found(doc, _cls(v, lexicon), (cue_start, cue_end), content_tokens,
                      (s_start, s_end), source_token, (verb, p + 1), list(chain))
    cue_start = max(cue_start, s_end)
    while cue_start < verb and doc[cue_start].is_punct:
        cue_start += 1
    cue_end = p + 1 if colon else max(verb + 1, min(cue_end, p))
    return _found(doc, _cls(v, lexicon), (cue_start, cue_end), content_tokens,
                  (s_start, s_end), source_token, (s_start, cue_end), list(chain))

