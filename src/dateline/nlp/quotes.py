"""Quotations and reported speech: who said what, with cue, content, channel and date.

Quote marks are scanned on the raw text (``quotes_marks``), attributions found on the one
dependency parse (``quotes_rules``), and speakers linked to entities (``quotes_speakers``).
Everything here is cheap beside the parse: one regex pass and a walk over the tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.nlp.extensions import doc_text
from dateline.nlp.quotes_around import find_around
from dateline.nlp.quotes_framing import find_framing
from dateline.nlp.quotes_lexicon import Verb, line_labels, medium_verbs, verb_preps, verbs
from dateline.nlp.quotes_marks import QuoteSegment, scan
from dateline.nlp.quotes_nominal import find_adverbial, find_nominal
from dateline.nlp.quotes_rules import (
    Found,
    Quotes,
    attach_orphans,
    entity_kinds,
    find_phrasal,
    find_speaker_lines,
    find_verbal,
    trim_lead_ins,
)
from dateline.nlp.quotes_speakers import Resolver
from dateline.nlp.quotes_stance import doc_lemmas, find_stance
from dateline.record import Content, Evidence, Quote, Speaker, StatementDate, Timex

_HEADLINE_DASH = re.compile(r"^(?P<content>.*\S)\s+[—–-]{1,2}\s+(?P<source>[^—–\-:]{2,60}?)\s*$")
_HEADLINE_COLON = re.compile(r"^(?P<source>[A-Z][\w.'’ -]{1,40}?):\s+(?P<content>\S.*\S)\s*$")
_FIRST_PERSON = re.compile(r"^(?:I|We|My|Our|Us|I'm|I’m|We're|We’re)\b|^[\"“‘'«]")
"""A headline's words after the colon in the speaker's own voice (``Sanders: I am ...``)."""
_HEADLINE_COLON_AFTER = re.compile(
    r"^(?P<content>\S.*\S):\s+(?P<source>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s*$"
)


@Language.component("dateline_quotes")
def find_quotes(doc: Doc) -> Doc:
    doc._.quotes = extract(doc)
    return doc


def extract(doc: Doc) -> list[Quote]:
    """All attributions of a parsed article, in text order."""
    text = doc_text(doc)
    quotes = Quotes(doc, _close_at_attribution(doc, scan(text)), text)
    found = find_speaker_lines(doc, quotes)
    claimed = {i for f in found for s, e in f.content for i in _token_range(quotes, s, e)}
    found += [f for _, f in find_verbal(doc, quotes, claimed)]
    taken = {i for f in found for s, e in f.content for i in _token_range(quotes, s, e)}
    found += find_phrasal(doc, quotes, taken)
    lemmas = doc_lemmas(doc)
    found += find_stance(doc, quotes, taken, lemmas)
    found += find_nominal(doc, quotes, taken, found, lemmas)
    found += find_adverbial(doc, quotes, taken)
    found += find_framing(doc, quotes, taken)
    found += find_around(doc, quotes, found)
    found += attach_orphans(doc, quotes, found)
    trim_lead_ins(doc, quotes, found)
    headline = _headline(doc)
    if headline is not None and not any(_inside(headline.content[0], f.content) for f in found):
        if headline.cue is not None:
            _stop_at(found, text, headline.cue[0], headline.content[0][0])
        found.append(headline)
    elif headline is None and (line := _headline_span(doc)) is not None:
        headline = _headline_verb(doc, line)
        if headline is not None:
            # the title-case reading replaces what the parse made of the headline
            found = [f for f in found if f.cue is None or not line[0] <= f.cue[0] < line[1]]
            found.append(headline)
    # 'told reporters:' with nothing after it: the addressee is no content
    found = [
        f
        for f in found
        if f.channel is None
        or f.content != [f.channel]
        or not text[f.channel[1] :].lstrip(" ").startswith(":")
    ]
    found.sort(key=lambda f: f.content[0][0])
    resolver = Resolver(doc, text)
    dates = _dates(doc)
    times = [t.span for t in doc._.timexes or [] if isinstance(t, Timex) and t.type == "TIME"]
    for f in found:
        _stamp_off(f, times, text)
        _source_out_of_content(f, text)
        _addressee_out_of_content(doc, f, text)
        _date_out_of_content(doc, f, dates, text)
    found = [f for f in found if _channel_apart(doc, f, text)]
    out: list[Quote] = []
    for n, f in enumerate(found, 1):
        out.append(_to_quote(doc, f, f"q{n}", resolver, quotes, dates))
    return out


def _close_at_attribution(doc: Doc, segments: list[QuoteSegment]) -> list[QuoteSegment]:
    """A quotation whose closing mark was forgotten (``"We will not yield, Karin said on
    Monday.``) ends before its own attribution: at a comma followed, within a few words, by a
    reporting verb with its subject. Without this the clause is read as quoted words."""
    lexicon = verbs()
    for seg in segments:
        if seg.closed or seg.continues or seg.continued:
            continue
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.text != "," or t.i - span.start < 3:
                continue
            verb = next(
                (
                    v
                    for v in doc[t.i + 1 : min(t.i + 6, span.end)]
                    if v.pos_ == "VERB" and v.lemma_.lower() in lexicon
                ),
                None,
            )
            if verb is None or not any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.i > t.i for c in verb.children
            ):
                continue
            if any(c.dep_ in {"ccomp", "dobj", "xcomp"} and c.i > verb.i for c in verb.children):
                continue  # 'and we will say that': a verb with its own content
            last = verb.right_edge.i
            stops = {".", "!", "?", ";"}
            ends = doc[last].text in stops or last + 1 >= span.end
            if not ends and doc[last + 1].text not in stops:
                continue  # the clause must end its sentence, as an attribution does
            seg.end = t.idx
            seg.closed = True
            break
    return segments


def _stop_at(found: list[Found], text: str, dash: int, start: int) -> None:
    """Contents inside a headline end at its attribution dash: "Moscow expects Baku to pay
    — minister" gives "expects" the content "Baku to pay", not the minister too."""
    for f in found:
        if f.content and start <= f.content[0][0] < dash < f.content[-1][1]:
            kept = [(s, min(e, dash)) for s, e in f.content if s < dash]
            f.content = [(s, s + len(text[s:e].rstrip())) for s, e in kept]


def _token_range(quotes: Quotes, start: int, end: int) -> range:
    span = quotes.token_span(start, end)
    return range(*span) if span is not None else range(0)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] < e for s, e in spans)


def _headline_span(doc: Doc) -> tuple[int, int] | None:
    """The headline's characters, as the reader found it (None when not in the text)."""
    head = getattr(doc._.article, "headline", None)
    return head.span if head is not None else None


def _headline(doc: Doc) -> Found | None:
    """``Bloc helps Kazakhstan preserve integrity — state secretary``: source after a dash."""
    article = doc._.article
    head = getattr(article, "headline", None)
    if head is None or head.span is None:
        return None
    base = head.span[0]

    def found(m: re.Match[str], mark: int) -> Found:
        """The headline's attribution: ``mark`` is the dash or colon, the cue."""
        return Found(
            cue=(base + mark, base + mark + 1),
            cls="speech",
            content=[(base + m.start("content"), base + m.end("content"))],
            source=(base + m.start("source"), base + m.end("source")),
        )

    m = _HEADLINE_DASH.match(head.text)
    if m and len(m.group("source").split()) <= 6:
        dash = head.text.rfind(m.group("source")) - 1
        while dash > 0 and head.text[dash] == " ":
            dash -= 1
        return found(m, dash)
    m = _HEADLINE_COLON.match(head.text)
    if (
        m
        and len(m.group("source").split()) <= 4
        and m.group("source").split()[0].upper() not in line_labels()
        and (
            _names_someone(doc, base + m.start("source"), base + m.end("source"))
            or _FIRST_PERSON.match(m.group("content")) is not None
        )
    ):  # 'Explainer: ...' is a kicker, 'Fuel scarcity: ...' a topic, not a speaker
        return found(m, m.end("source"))
    m = _HEADLINE_COLON_AFTER.match(head.text)
    if m and _names_someone(doc, base + m.start("source"), base + m.end("source")):
        # 'Centre to set up 50 new schools this year: Pradhan' (South Asian wire style)
        return found(m, m.end("content"))
    return None


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    """A headline's source is a name: every word capitalised, naming a person or an
    organisation the story knows, or a single proper noun that is no place ("Ukraine:
    ..." and "Cricket World Cup 2023: ..." are topics, "Live Updates" a label)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not all(t.is_title or t.is_upper or not t.is_alpha for t in span):
        return False
    if span[0].text.upper() in line_labels():
        return False
    kinds = entity_kinds(doc, start, end)
    if kinds & {"PERSON", "ORG", "MEDIA"}:
        return True
    places = {"GPE", "LOC", "NORP", "FAC", "EVENT"}
    return (
        len(span) == 1
        and span[0].pos_ == "PROPN"
        and not kinds & places
        and span[0].ent_type_ not in places
    )


_HEADLINE_PREPS = frozenset({"about", "over", "on", "for", "against", "to", "of"})
_HEADLINE_NAME = frozenset({"PROPN", "NOUN", "NUM", "DET", "ADJ", "PART", "PUNCT"})
"""Tags of the words of a headline's source (``Hillary Clinton``, ``The Ohio Governor``)."""


def _headline_verb(doc: Doc, line: tuple[int, int]) -> Found | None:
    """``Clinton Says Russians Hacked DNC``: a title-case headline the tagger read as names
    (``Says`` as a proper noun). The words before a reporting verb are the source, the
    words after it, up to ``, Calls ...``, the content."""
    span = doc.char_span(*line, alignment_mode="contract")
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    lexicon = verbs()
    for n, t in enumerate(toks[1:7], 1):
        if not t.text[:1].isupper() or not _reporting_form(t.lower_, t.lemma_, lexicon):
            continue
        if t.pos_ not in {"VERB", "AUX"} and not (t.pos_ == "PROPN" and t.lower_[-1] in "sd"):
            continue  # 'Campaign', 'Figure': a noun, not a verb in title case
        first = n
        while first > 1 and toks[first - 1].pos_ in {"ADV", "AUX", "PART"}:
            first -= 1  # 'Republicans Finally Confirmed', 'Trump Has Said'
        if not all(w.pos_ in _HEADLINE_NAME for w in toks[:first]):
            return None
        cue_end = n + 1
        if cue_end < len(toks) and toks[cue_end].lower_ in _HEADLINE_PREPS:
            cue_end += 1
        end = len(toks)
        for m in range(cue_end, len(toks) - 1):
            if (toks[m].text in {".", ":", "?", "!"} and any(w.is_alpha for w in toks[m:])) or (
                toks[m].text == "," and _reporting_form(toks[m + 1].lower_, "", lexicon)
            ):
                end = m  # 'Clinton Says X, Calls Y', 'Senate Confirmed A Judge. Is This ...?'
                break
        while end > cue_end and toks[end - 1].text in {".", ",", ":", ";"}:
            end -= 1
        if end - cue_end < 2:
            return None
        return Found(
            cue=(toks[first].idx, toks[cue_end - 1].idx + len(toks[cue_end - 1].text)),
            cls=lexicon[_reporting_form(t.lower_, t.lemma_, lexicon)].cls,
            content=[(toks[cue_end].idx, toks[end - 1].idx + len(toks[end - 1].text))],
            source=(toks[0].idx, toks[first - 1].idx + len(toks[first - 1].text)),
        )
    return None


def _reporting_form(lower: str, lemma: str, lexicon: dict[str, Verb]) -> str:
    """The lexicon entry a headline word is a form of (``says``, ``slams``, ``denounces``,
    ``told`` through its lemma), or ''."""
    for form in (lemma.lower(), lower):
        if form in lexicon:
            return form
    for suffix in ("es", "s", "ed", "d"):
        if lower.endswith(suffix) and lower[: -len(suffix)] in lexicon:
            return lower[: -len(suffix)]
    return ""


def _kind(doc: Doc, f: Found, quotes: Quotes) -> str:
    """direct: the content is quotations only; mixed: it holds some; indirect: none. A
    transcript line (``KARIN: We will stay``) is direct: its words are the speaker's own."""
    if not f.segments:
        return "direct" if f.verbatim else "indirect"
    quoted = sum(quotes.segments[k].end - quotes.segments[k].start for k in f.segments)
    total = sum(e - s for s, e in f.content)
    rest = total - quoted
    if rest <= 0:
        return "direct"
    text = quotes.text
    outside = " ".join(text[s:e] for s, e in f.content)
    for k in f.segments:
        seg = quotes.segments[k]
        outside = outside.replace(text[seg.start : seg.end], " ")
    return "mixed" if re.search(r"\w", outside) else "direct"


_ASIDE = frozenset({"relcl", "acl", "appos", "parataxis"})
"""Dependencies that open an aside: a date under one ("Tokayev, in office since 2019,
said") dates the aside, not the statement."""


def _date(doc: Doc, f: Found, dates: Dated | None = None) -> StatementDate | None:
    """A date inside the attribution clause (``told the channel on Monday``). ``dates``:
    the Doc's dated timexes (``_dates``), read once for all quotes."""
    if f.clause is None:
        return None
    start, end = f.clause
    # the clause runs to the end of the verb's phrase; look a few words past the cue too
    end = max(end, (f.channel or f.clause)[1])
    limit = -1  # the sentence's end, looked up only when a date lies near the clause
    dates = _dates(doc) if dates is None else dates
    for t in dates.starting(start, end + 40):
        if t.span[1] > end + 40:
            continue
        if limit < 0:
            sent = doc.char_span(start, end, alignment_mode="expand")
            limit = min(sent.sent.end_char if sent is not None else end, end + 40)
        # a date word inside a channel's name ("told the BBC's Today programme") dates
        # nothing; one that ends the channel ("... on Thursday") does
        named = f.channel is not None and t.span[0] >= f.channel[0] and any(
            c.isalpha() for c in doc_text(doc)[t.span[1] : f.channel[1]]
        )
        # "ahead of this week's summit": a possessive date is another event's
        owner = doc_text(doc)[t.span[1] : t.span[1] + 2] in {"'s", "’s"}
        inside = t.span[1] <= limit and not _inside(t.span, f.content) and not (named or owner)
        if inside and not _in_aside(doc, t, f):
            return StatementDate(value=t.value, timex=t.id)
    return _fronted_date(doc, f, dates)


def _source_out_of_content(f: Found, text: str) -> None:
    """``Air France cancelled flights from Brest, a spokeswoman for the airline said``: when
    the parser hangs the speaker on the content as an apposition, the content ends before
    it (a speaker is never part of what was said)."""
    if f.source is None or not f.content:
        return
    start, end = f.content[-1]
    s_start, s_end = f.source
    if start < s_start < end and s_end >= end - 1 and not text[s_end:end].strip():
        cut = text[start:s_start].rstrip(" ,—–-")
        if cut:
            f.content[-1] = (start, start + len(cut))


_STAMP_DASH = re.compile(r"\s*[-–—:|]\s+")


def _stamp_off(f: Found, times: list[tuple[int, int]], text: str) -> None:
    """``11:48 GMT - Our correspondent ... says``: a live blog's time stamp opening the
    paragraph belongs to neither speaker nor content (it still dates the statement)."""

    def after_stamp(start: int, end: int) -> int:
        for s, e in times:
            if s == start and (m := _STAMP_DASH.match(text, e)) and m.end() < end:
                return m.end()
        return start

    if f.source is not None:
        f.source = (after_stamp(*f.source), f.source[1])
    if f.content:
        f.content[0] = (after_stamp(*f.content[0]), f.content[0][1])


def _cue_verb(cue: Span | None) -> Token | None:
    """The verb of a cue span ("did not respond to" -> respond)."""
    return next((t for t in cue or [] if t.pos_ == "VERB"), None)


def _channel_apart(doc: Doc, f: Found, text: str) -> bool:
    """Keep channel and content apart; False when nothing but the channel was said.

    The channel loses trailing blanks and a sentence's full stop (``in a post on X.``).
    A channel that opens the content (``warned the coalition against another summer``)
    is cut from it. One that is the whole content is dropped where the verb takes that
    preposition's object as content (``did not respond to a request``); otherwise
    (``said on Telegram.``) there is no content, so no attribution."""
    if f.channel is None:
        return True
    start, end = f.channel
    while end > start and text[end - 1].isspace():
        end -= 1
    last = text[start:end].split()[-1] if text[start:end].split() else ""
    if last.endswith(".") and "." not in last[:-1] and (end == len(text) or text[end].isspace()):
        end -= 1
    f.channel = (start, end)
    if not f.content:
        return True
    c_start, c_end = f.content[0]
    if (c_start, c_end) == (start, end) or (len(f.content) == 1 and c_start == start
                                            and c_end <= end):
        cue = doc.char_span(*f.cue, alignment_mode="expand") if f.cue else None
        verb = _cue_verb(cue)
        if cue is None or verb is None or len(cue) < 2:
            return True
        entry = verbs().get(verb.lemma_.lower())
        prep = cue[-1].lower_
        if verb.lemma_.lower() in medium_verbs() and prep in {"on", "in"}:
            return False  # 'said on Telegram.': a medium, and nothing said
        if prep == "to" or prep in verb_preps().get(verb.lemma_.lower(), frozenset()) or (
            entry is not None and entry.frame.startswith("p:")
        ):
            f.channel = None  # 'did not respond to a request': what was answered
        return True
    if c_start == start and end < c_end and f.cue is not None:
        # 'warned the coalition against another summer': the addressee, then the content
        # under the verb's own preposition ('urged dockers to end it' stays whole)
        rest = text[end:c_end]
        first = rest.split()[0].lower() if rest.split() else ""
        verb = _cue_verb(doc.char_span(*f.cue, alignment_mode="expand"))
        if verb is not None and first in verb_preps().get(verb.lemma_.lower(), frozenset()):
            f.content[0] = (end + len(rest) - len(rest.lstrip()), c_end)
    return True


_NAME_JOINERS = frozenset({"am", "im", "der", "die", "de", "del", "della", "la", "le", "du",
                           "von", "van", "al", "el"})
"""Lower-case words inside a medium's name, between capitalised ones."""


def _addressee_out_of_content(doc: Doc, f: Found, text: str) -> None:
    """``told dpa the claim was false``, ``told BBC Radio Leeds the barriers were holding``:
    with no "that", the parser may read the addressee's name into the clause. A short run
    of names right after "told", followed by the clause's subject, is the addressee."""
    if f.cue is None or not f.content:
        return
    start, end = f.content[0]
    if start < f.cue[1]:
        return  # the content comes before the cue ('"...," X told Reuters')
    told = text[f.cue[0] : f.cue[1]].lower().startswith(("told", "tell"))
    if f.channel is not None:
        # 'told Welt am Sonntag the plan was dead': the parse took only the first name
        if (
            not told
            or not f.cue[1] <= f.channel[0] < f.channel[1] <= start
            or text[f.cue[1] : f.channel[0]].strip()
            or text[f.channel[1] : start].strip()
        ):
            return
        cut = f.channel[0]
    elif told:
        cut = start
    elif text[start : start + 3] == "on " and not text[f.cue[1] : start].strip():
        cut = start + 3  # 'said on Telegram it had downed': the medium, with no "that"
        after = doc.char_span(cut, end, alignment_mode="expand")
        if after is None or not (after[0].pos_ == "PROPN" and after[0].ent_type_ not in
                                 {"DATE", "TIME", "CARDINAL", "ORDINAL"}):
            return  # 'said on Friday it would', 'said on balance it': no medium
    else:
        return
    if cut >= end or text[f.cue[1] : min(cut, start)].strip():
        return
    span = doc.char_span(cut, end, alignment_mode="expand")
    if span is None:
        return
    run, opener = 0, False
    for t in span[:5]:
        joiner = (
            run > 0 and t.lower_ in _NAME_JOINERS and t.i + 1 < span.end and doc[t.i + 1].is_title
        )  # 'Welt am Sonntag', 'Corriere della Sera'
        if not joiner and (t.pos_ in {"DET", "PRON"} or t.tag_ in {"PRP$", "EX"}):
            opener = True  # 'the', 'his', 'she', 'there': the clause's subject begins
            break
        name = t.pos_ == "PROPN" or (t.is_title and run > 0) or joiner
        # the tagger often calls a lower-case agency name a noun or a verb ('told dpa')
        word = run == 0 and t.is_alpha and t.tag_ not in {"VBD", "VBN", "VBG", "VBZ", "MD"}
        if not (name or word):
            return
        run += 1
    if not opener or run == 0 or run >= len(span) - 1:
        return
    rest = span[run:]
    if not any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return
    first, last = span[0], span[run - 1]
    f.channel = (min(first.idx, start), last.idx + len(last.text))
    f.content[0] = (rest[0].idx, end)
    if f.clause is not None:
        f.clause = (f.clause[0], max(f.clause[1], f.channel[1]))


def _date_out_of_content(doc: Doc, f: Found, dates: Dated, text: str) -> None:
    """``The ministry said on Monday the talks had failed``: with no "that", the parser
    may hang the date on the reported verb. A date right after the cue that is no subject
    or possessor of the content belongs to the attribution clause (and dates it)."""
    if f.cue is None or f.clause is None or not f.content:
        return
    start, end = f.content[0]
    if text[f.cue[1] : start].strip() or start < f.cue[1]:
        return
    lead = next(iter(dates.starting(start, start + 3)), None)
    if lead is None or text[start : lead.span[0]].strip().lower() not in {"", "on"}:
        return
    rest = text[lead.span[1] : end]
    if not rest.startswith(" ") or not rest.strip() or rest.startswith(("'s", "’s")):
        return
    span = doc.char_span(*lead.span, alignment_mode="expand")
    if span is None or span.root.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "appos"}:
        return  # 'said 2023 was the hottest year': the date is what was said about
    f.content[0] = (lead.span[1] + len(rest) - len(rest.lstrip()), end)
    f.clause = (f.clause[0], max(f.clause[1], lead.span[1]))


def _fronted_date(doc: Doc, f: Found, dates: Dated) -> StatementDate | None:
    """``On Monday, the minister said ...``, ``Last week, the company said ...``: a date
    opening the sentence, set off by a comma, that the parser hangs on the cue verb."""
    if f.cue is None or f.clause is None:
        return None
    text = doc_text(doc)
    for t in dates.starting(f.clause[0] - dates.longest - 4, f.clause[0]):
        if t.span[1] >= f.clause[0] or f.clause[0] - t.span[1] > 4:
            continue
        if text[t.span[1] : f.clause[0]].strip() != ",":
            continue
        span = doc.char_span(*t.span, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        if text[sent.start_char : t.span[0]].strip().lower() not in {"", "on", "in", "at", "by"}:
            continue
        token = span.root
        while token.head.i != token.i and not (f.cue[0] <= token.idx < f.cue[1]):
            token = token.head
        if f.cue[0] <= token.idx < f.cue[1]:
            return StatementDate(value=t.value, timex=t.id)
    return None


_DAY_OR_MONTH = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def _reported(doc: Doc, date: StatementDate | None) -> StatementDate | None:
    """A statement is reported after it is made: a date after the reference date (a
    weekday the timexes read as future in ``said on Monday he would resign``) dates
    nothing."""
    published = doc._.published
    if date is None or published is None or not _DAY_OR_MONTH.match(date.value or ""):
        return date
    value = date.value
    return None if value > published.date[: len(value)] else date


class Dated:
    """The timexes a statement can be dated by (dates and times with a value), in text
    order, looked up by where they start: each quote asks only about the few near its
    clause, which keeps a long article's quotes linear in its length."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.items = sorted(timexes, key=lambda t: t.span[0])
        self.starts = [t.span[0] for t in self.items]
        self.longest = max((t.span[1] - t.span[0] for t in self.items), default=0)

    def starting(self, lo: int, hi: int) -> list[Timex]:
        """Those that start at ``lo`` to ``hi``, both included."""
        return self.items[bisect_left(self.starts, lo) : bisect_right(self.starts, hi)]


def _dates(doc: Doc) -> Dated:
    return Dated([
        t
        for t in doc._.timexes or []
        if isinstance(t, Timex) and t.value is not None and t.type in ("DATE", "TIME")
    ])


def _in_aside(doc: Doc, t: Timex, f: Found) -> bool:
    """Does the path from the date up to the cue pass through a relative clause or an
    apposition?"""
    if f.cue is None:
        return False
    if f.source is not None and f.source[1] <= t.span[0] and t.span[1] <= f.cue[0]:
        # between speaker and cue, set off by commas: "Tokayev, in office since 2019, said"
        text = doc_text(doc)
        between = text[f.source[1] : f.cue[0]]
        if between.lstrip().startswith(","):
            return True
    span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if span is None:
        return False
    cue_start, cue_end = f.cue
    token = span.root
    while token.head.i != token.i:  # spaCy makes a new Token object on each access
        if cue_start <= token.idx < cue_end:
            return False
        if token.dep_ in _ASIDE and not (
            # 'In one message sent on Sept. 3, X wrote': the channel's own date is the
            # statement's
            f.channel is not None and f.channel[0] <= token.head.idx < f.channel[1]
        ):
            return True
        token = token.head
    return False


def _to_quote(
    doc: Doc, f: Found, qid: str, resolver: Resolver, quotes: Quotes, dates: Dated
) -> Quote:
    full = quotes.text
    speaker = None
    kind = _kind(doc, f, quotes)
    if f.source is not None:
        text = full[f.source[0] : f.source[1]]
        token = f.source_token
        if token is None:
            span = doc.char_span(*f.source, alignment_mode="expand")
            token = span.root.i if span is not None else None
        entity = resolver.resolve(text, f.source, token, quoted=kind == "direct")
        speaker = Speaker(text=text, span=f.source, entity=entity)
    resolver.said(speaker.entity if speaker else None, f.content)
    content = Content(text=" ".join(full[s:e] for s, e in f.content), spans=f.content)
    return Quote(
        id=qid,
        kind=kind,  # type: ignore[arg-type]
        type=f.cls,  # type: ignore[arg-type]
        speaker=speaker,
        cue=Evidence(text=full[f.cue[0] : f.cue[1]], span=f.cue) if f.cue else None,
        content=content,
        channel=(
            Evidence(text=full[f.channel[0] : f.channel[1]], span=f.channel)
            if f.channel
            else None
        ),
        date=_reported(doc, _date(doc, f, dates)),
    )
