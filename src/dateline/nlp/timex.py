"""Temporal expressions: span, TIMEX3 type and value resolved against the reference date.

The recogniser (timex_rules, patterns in data/timex_patterns.tsv) proposes spans; a few
checks against the parse drop false friends ("2000 workers", "$5 a year"); the normaliser
(timex_normalise) resolves each in text order, so anaphoric expressions ("two days
later") read the latest day-precise date before them. The governing verb's tense decides
which way "Monday" or "January" points.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.nlp.extensions import doc_text
from dateline.nlp.timex_normalise import FORWARD_CUES, Context, Resolved, normalise
from dateline.nlp.timex_rules import Candidate, candidates, words
from dateline.record import Timex

YEAR_CUES = frozenset(words()["yearcue"])
"""Words before a bare four-digit number that make it a year ("in 2019", "since 1998")."""

A_DURATION_CUES = frozenset(words()["durationcue"])
"""Words before "a day"/"a year" that make it a duration rather than "$5 a year"."""

SEASON_WORDS = frozenset(words()["season"])
SET_ADJECTIVES = frozenset(words()["setadj"])
"""Frequency words that are SETs as adjectives too ("his weekly radio address")."""
SEASON_NAME_HEADS = frozenset(words()["seasonname"])
"""Nouns after a season word that make it part of a name ("the summer Olympics")."""
SEASON_PREPS = frozenset({"in", "by", "until", "till", "since", "through", "during", "before",
                          "after", "from", "last", "next", "this", "early", "late"})
"""Words before a lower-case "spring" that make it the season ("in spring", "by spring")."""
SPORT_CUES = frozenset(words()["sportcue"])
"""Words of a match report: "in the first half" near them is the match's half (round 11)."""
THE_YEAR_CUES = frozenset({"for", "in", "of", "during", "through", "throughout", "over"})
"""Prepositions before "the year" that make it the reporting year ("sales for the year")."""

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})

MODAL_FUTURE = frozenset(words()["modalfuture"])
"""Modals that put a bare verb ahead (round 9): "told Reuters talks would resume on Monday"
(the future of reported speech), "should be completed in October"; not with a perfect
("would have resumed")."""

FUTURE_GOVERNORS = frozenset(words()["futuregov"])
"""Verbs and adjectives that put what they govern ahead of the reference date ("planned to
leave on Thursday", "is scheduled to close Monday", "ready to leave Tuesday")."""

DEFER_VERBS = frozenset(words()["deferverb"])
"""Verbs that move a limit ahead: "until Tuesday" after them points ahead in a past clause."""

REPORTING = frozenset(words()["reporting"])
"""Reporting verbs: their present tense in news is a historical present ("says Monday")."""


def tense_of(span: Span) -> str | None:
    """Past, future or present from the verbs that govern the expression; None when unclear.

    Future: a future auxiliary, "going to", or a planning verb ("planned", "scheduled",
    "set to", "due to") on the way up; present: the nearest verb is a present-tense
    non-reporting verb ("talks resume Tuesday", "are meeting Monday"); past: VBD, had+VBN.
    """
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "on":
        k -= 1
    if k >= 0 and doc[k].tag_ == "VBD" and doc[k].lemma_.lower() in REPORTING:
        # "said on Monday he would resign": the day is the saying's, whatever the parse
        # hangs it on
        return "past"
    tok: Token = span.root
    verb: Token | None = None
    via_noun = False  # "Tuesday's declaration follows": the weekday hangs on a noun
    for _ in range(8):
        lemma = tok.lemma_.lower()
        if tok.lower_ in FUTURE_GOVERNORS:
            lemma = tok.lower_  # "hopes" (lemmatised "hop"), adjectival "prepared" (round 11)
        if tok.pos_ in ("VERB", "AUX") or lemma in FUTURE_GOVERNORS:
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            planned = tok.tag_ != "VBN" or auxes or any(c.dep_ == "xcomp" for c in tok.children)
            if (lemma in FUTURE_GOVERNORS and planned and verb is None and tok.tag_ == "VBD"
                    and any(c.dep_ == "xcomp" for c in tok.children)):
                # "On Friday, the port authority planned to reopen ...": the day hangs on the
                # planning itself, a past act, not on what was planned (round 10)
                return "past"
            if lemma in FUTURE_GOVERNORS and planned:
                # "had been due to expire Friday": a plan that was overtaken
                head_auxes = [c.lower_ for c in tok.head.children if c.dep_ == "aux"]
                perfect = (any(a.lower_ == "had" for a in auxes) or tok.head.lower_ == "had"
                           or "had" in head_auxes)
                return "past" if perfect else "future"
            if verb is None and tok.pos_ in ("VERB", "AUX"):
                verb = tok
            first = verb is not None and verb.i == tok.i
            if {a.lower_ for a in auxes} & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
                return "future"
            if first and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP", "MD"):
                break
            if first and tok.tag_ == "VBG" and auxes:
                break
        elif (verb is None and tok.tag_ in ("NN", "NNS") and tok.i != span.root.i
              and any(c.dep_ == "dobj" or (c.dep_ == "appos" and tok.dep_ == "ROOT"
                                           and c.i > tok.i) for c in tok.children)):
            # "the Broncos host the Cowboys on Friday night": a verb the tagger took for a
            # noun (it has an object, or is the root of a verbless sentence with an
            # apposition after it), present tense: the coming day (round 11)
            return "present"
        elif tok.i != span.root.i and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            via_noun = True
        elif tok.pos_ == "ADJ" and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return "future"  # "the fair will last Dec. 1-5": a verb spaCy tagged JJ
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if lemmas & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return "future"
    if lemmas & MODAL_FUTURE and not lemmas & {"have", "has", "had"} and verb.tag_ in (
            "VB", "VBN", "VBG"):
        return "future"
    if verb.tag_ == "VB" and "to" in lemmas and verb.dep_ == "ROOT" and not any(
            c.dep_ == "nsubj" and c.tag_ == "PRP" for c in verb.children):
        # a headline's "to" + verb: "Japan to extend fuel subsidies through October"
        return "future"
    if verb.tag_ == "VB" and "to" in lemmas and verb.head.lemma_ == "be" and verb.dep_ == "xcomp":
        # "is to resume trading Tuesday": an arrangement; "was to" is a past plan
        return "future" if verb.head.tag_ in ("VBZ", "VBP") else None
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and lemmas & {"have", "had", "has", "was"}):
        return "past"
    if _past_participle(verb):
        return "past"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if via_noun or verb.lemma_.lower() in REPORTING or any(a.tag_ == "MD" for a in auxes):
        return None
    if verb.tag_ == "VB" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        return "present"  # "Arsenal play Chelsea on Saturday": a present the tagger calls VB
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def _past_participle(tok: Token) -> bool:
    """A participle modifying a noun, with no auxiliary and no plan in it: "the report,
    released in January, found ...", "the bridge, completed in January" report the past
    (round 11)."""
    return (tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.lemma_.lower() not in FUTURE_GOVERNORS
            and tok.lower_ not in FUTURE_GOVERNORS
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))


def _match_period(span: Span) -> bool:
    """"injured a hamstring in the first half", "led at half-time ... in the second half": a
    sentence (or the one before) of a match report (round 11). "match" and "try" count as
    nouns only ("to match forecasts", "try to sell")."""
    sent = span.sent
    start = sent.start
    if start > 0:
        start = span.doc[start - 1].sent.start
    for tok in span.doc[start : sent.end]:
        word = tok.lower_
        if word in SPORT_CUES and (word not in ("match", "try") or tok.pos_ == "NOUN"):
            return True
    return False


def _keep(c: Candidate, span: Span, doc: Doc) -> bool:
    """Checks the patterns cannot make alone: bare years, and "a year" after a price."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if (c.rule.name in ("half", "quarter_ord", "quarter_rel") and not c.groups.get("year")
            and not c.groups.get("this") and not c.groups.get("hn") and _match_period(span)):
        return False
    prev_word = prev.lower_ if prev is not None else ""
    if c.rule.name == "year":
        nxt = doc[span.end] if span.end < len(doc) else None
        if prev is not None and (prev.like_num or prev.text in "$£€#"):
            return False
        if span.text[0] in "'’":  # "since '82": only after a year cue
            return prev_word in YEAR_CUES
        if prev_word in YEAR_CUES or span.root.ent_type_ == "DATE":
            return True
        return not (nxt is not None and (nxt.tag_ == "NNS" or nxt.like_num))
    if c.rule.name == "year_words" and not span.text.lower().startswith("the"):
        # "in nineteen ninety-six"; "two thousand" alone is a count unless a cue says year
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (nxt.tag_ == "NNS" or nxt.like_num):
            return False
        return prev_word in YEAR_CUES or not span.text.lower().startswith("two")
    if c.rule.name == "date_mdy" and c.groups.get("day", "x")[0].isalpha():
        # "in March first announced": an adverb, not the first of March
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("VERB", "AUX", "ADV"):
            return False
    if c.rule.name == "the_year":
        # "for the year", "in the fiscal year"; not "the year of the dragon", "the year's best"
        return prev_word in THE_YEAR_CUES
    if c.rule.name == "set_word":
        # "the Communist Party daily Granma" is a newspaper; "a weekly gain", "hourly
        # earnings" (setadj: TBAQ annotates these adjectives) are SETs too (round 9)
        nxt = doc[span.end] if span.end < len(doc) else None
        adverb = span.root.pos_ == "ADV" or (
            span.root.pos_ == "ADJ" and span.root.lower_ in SET_ADJECTIVES)
        return adverb and not (nxt is not None and nxt.pos_ == "PROPN")
    if c.rule.name == "date_pair" and c.groups.get("_second"):
        # "March 18 and 19 people": a count, not the second day
        nxt = doc[span.end] if span.end < len(doc) else None
        return not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))
    if c.rule.name == "deictic" and span.text == "Today" and not span[0].is_sent_start:
        # "BBC Midlands Today", "the Today programme": a name, not the day (round 9)
        nxt = doc[span.end] if span.end < len(doc) else None
        return not ((prev is not None and prev.pos_ == "PROPN" and prev.is_title)
                    or (nxt is not None and nxt.lower_ in ("programme", "program", "show")))
    if c.rule.name == "month" and not c.groups.get("mod") and not c.groups.get("part"):
        # "the annual March for Life", "the March of the Mothers": a name, not the month
        nxt = doc[span.end] if span.end < len(doc) else None
        det = prev
        while det is not None and (det.is_quote or det.tag_ == "``") and det.i > 0:
            det = doc[det.i - 1]  # 'the "March of the Mothers"', "the ``March ..." (round 10)
        if det is not None and det.tag_ in ("DT", "JJ", "PRP$") and det.lower_ != "early":
            return not (nxt is not None and nxt.lower_ in ("for", "of", "on", "to"))
    if c.rule.name == "rel_unit" and span[-1].is_title and prev is not None and (
            prev.is_quote or prev.tag_ == "``") and not span[0].is_sent_start:
        # 'speaking on NBC\'s "This Week,"': a programme's title in quotes (round 10)
        return False
    if c.rule.name == "duration_one":
        # "for another year"; not "another day of losses", "another quarter point"
        nxt = doc[span.end] if span.end < len(doc) else None
        return not (nxt is not None and (nxt.lower_ == "of" or nxt.pos_ in (
            "NOUN", "PROPN", "NUM", "ADJ")))
    if c.rule.name == "century" and not c.groups.get("ord"):
        # "the Century Club", "the Century 21 office": capitalised mid-sentence, a name
        word = span[-1]
        return not (word.is_title and not word.is_sent_start)
    if c.rule.name.startswith("season"):
        # "the Spring Festival", "the Summer Palace", "the summer Olympics": names, not seasons
        nxt = doc[span.end] if span.end < len(doc) else None
        season = next((t for t in span if t.lower_ in SEASON_WORDS), None)
        if season is not None and season.is_title and not season.is_sent_start and (
            nxt is not None and nxt.is_title
        ):
            return False  # capitalised mid-sentence before a name: part of that name
        if nxt is not None and nxt.lower_ in SEASON_NAME_HEADS:
            return False
        if c.rule.name == "season_bare" and span.text == "spring":
            # lower case it is a verb or a well unless a bare noun after a time preposition
            # or as a subject: "in spring", "by spring", "spring shows signs of hope"
            # (round 10); not "hot spring", "spring water", "a spring"
            tok = span[0]
            bare = tok.pos_ == "NOUN" and tok.dep_ != "compound" and not any(
                ch.dep_ in ("det", "amod", "compound", "poss") for ch in tok.children)
            return bare and (prev_word in SEASON_PREPS or tok.dep_ in ("nsubj", "nsubjpass"))
        if c.rule.name == "season_bare" and span.text in ("Spring", "Fall") and (
            span[0].is_sent_start or span.root.pos_ not in ("NOUN", "PROPN")
        ):
            return False  # "Fall in prices ...", a headline's "Stocks Fall": the verb or noun
        if season is not None and season.lower_ in ("fall", "spring") and nxt is not None and (
            nxt.lower_ in ("in", "to", "from", "of") and span[-1].i == season.i
            and len(span) == 2 and span[0].lower_ == "the"
        ):
            # "the fall in prices", "the fall of the wall": the noun, not the season
            after = doc[span.end + 1] if span.end + 1 < len(doc) else None
            return nxt.lower_ == "of" and after is not None and after.like_num
    if c.rule.name == "duration_adj" and span[0].is_title and not span[0].is_sent_start:
        # "the Ninth Five-Year Plan" (Xinhua): capitalised before a capitalised noun, a name
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.is_title:
            return False
    if c.rule.type == "DURATION":
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ("old", "older", "younger", "of") and (
            nxt.lower_ != "of" or span.text.lower().startswith(("a ", "an "))
        ):
            return False
    if c.rule.name in ("duration", "set_times"):
        g = c.groups
        if re.fullmatch(r"(?:19|20)\d\d", g.get("num") or ""):
            return False  # "the 1988 quarter" is a year's quarter, not 1988 quarters
        num = (g.get("num") or "").lower()
        nxt = doc[span.end] if span.end < len(doc) else None
        if (g.get("unit") or "").lower() == "second" and nxt is not None and nxt.pos_ in (
                "NOUN", "ADJ", "PROPN"):
            return False  # "for a second time", "a second term": the ordinal (round 10)
        if num in ("a", "an") and not (g.get("the") or g.get("rel") or g.get("mod")):
            # "for a year", and "a day before the vote" (the distance to an event)
            nxt = doc[span.end] if span.end < len(doc) else None
            return prev_word in A_DURATION_CUES or (
                nxt is not None and nxt.lower_ in ("before", "after"))
        if num in ("some", "many") and not (g.get("the") or g.get("rel")):
            return prev_word in A_DURATION_CUES
    if c.rule.name == "fixed" and c.rule.value == "PRESENT_REF" and span.text.lower() == "now":
        # "Now, ..." opening a quotation is a discourse marker; "Now they are talking about
        # a recession" after "Two months ago ..." is the present (TIMEX3 PRESENT_REF)
        nxt = doc[span.end] if span.end < len(doc) else None
        opening = prev is None or (prev.is_punct and prev.text in "\"“")
        return not (opening and (prev is None or nxt is None or nxt.text == ","))
    return True


def _split_ranges(found: list[Candidate]) -> list[Candidate]:
    """A range written with a hyphen ("1996-2000", "1998-99", "January-July") becomes its two
    ends, each a timex, as TimeML annotates "from 1996 to 2000"; a year after a month range
    ("January-July 2021") goes with the second end and dates both; a "range" whose second
    year is not a little after the first (a score, a code) is dropped."""
    out: list[Candidate] = []
    for c in found:
        name = c.rule.name
        if name not in ("year_range", "month_range", "date_pair"):
            out.append(c)
            continue
        text = c.groups["_range"]
        if name == "date_pair":  # "March 18 and 19": "March 18" and "19"
            first = re.match(r"\S+\s+\d+(?:st|nd|rd|th)?", text)
            if first is None:
                continue
            cut = text.index(c.groups["day2"], first.end())
            year = c.groups.get("year")
            out.append(Candidate(c.rule, c.start, c.start + first.end(),
                                 {"month": c.groups["month"], "day": c.groups["day"],
                                  "year": year} if year else
                                 {"month": c.groups["month"], "day": c.groups["day"]}))
            second = {"month": c.groups["month"], "day": c.groups["day2"], "_second": "1"}
            if year:
                second["year"] = year
            out.append(Candidate(c.rule, c.start + cut, c.end, second))
            continue
        if name == "year_range":
            cut = c.end - len(c.groups["year2"])
            y1, y2 = int(c.groups["year"]), int(c.groups["year2"])
            if y2 < 100:
                y2 += y1 - y1 % 100 + (100 if y2 < y1 % 100 else 0)
            if not 0 < y2 - y1 <= 30:
                continue
            out.append(Candidate(c.rule, c.start, c.start + 4, {"year": str(y1)}))
            out.append(Candidate(c.rule, cut, c.end, {"year": str(y2)}))
        else:  # "January-July 2021": "January" and "July 2021", both in 2021
            first = text.split("-")[0].split("–")[0]
            year = c.groups.get("year")
            out.append(Candidate(c.rule, c.start, c.start + len(first),
                                 {"month": first, "month2": c.groups["month2"], "year": year}))
            out.append(Candidate(c.rule, c.start + len(first) + 1, c.end,
                                 {"month": c.groups["month2"], "year": year}))
    return out


VERB_SLOT = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might",
                       "must", "to", "and", "'ll"})


def _verb_slot(doc: Doc, i: int) -> bool:
    """"will open on Wednesday and last four days", "expected to last two weeks": a word
    after a modal, "to" or "and" with no determiner before "last" is the verb (round 8:
    spaCy tags this "last" JJ)."""
    return i > 0 and doc[i - 1].lower_ in VERB_SLOT


def _drop_first_word(c: Candidate, start: int) -> Candidate:
    """The candidate without its first word (a verb the pattern took for a modifier)."""
    groups = {k: v for k, v in c.groups.items() if k not in ("rel", "mdrel")}
    return Candidate(c.rule, start, c.end, groups)


def find(doc: Doc, ref: dt.date | None) -> list[Timex]:
    """Timexes of doc in text order, each resolved in the context of those before it."""
    out: list[Timex] = []
    ctx = Context(ref=ref)
    last_clock = False  # the timex just before is a clock time without its day
    text = doc_text(doc)
    found = candidates(text)
    for c in found:
        if c.rule.name.endswith("_range") or c.rule.name == "date_pair":
            c.groups["_range"] = text[c.start : c.end]
    for c in _split_ranges(found):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        last = c.groups.get("rel", "").lower() == "last" and c.rule.type == "DURATION"
        last = last or c.groups.get("mdrel", "").lower() == "last"  # "will last Dec. 1-5"
        if span is not None and len(span) > 1 and last and (
            span[0].tag_ in ("VB", "VBP", "VBZ") or _verb_slot(doc, span.start)
        ):
            # "the visit will last three days": the verb, not "the last three days"
            c = _drop_first_word(c, span[1].idx)
            span = span[1:]
        if span is None or not len(span) or not _keep(c, span, doc):
            continue
        c.groups["_text"] = text[c.start : c.end]
        ctx.tense = tense_of(span)
        if (c.rule.name == "month" and span.root.dep_ in ("compound", "nmod")
                and span.root.head.pos_ == "NOUN"):
            # "will release the September jobs report": a month naming what a report or
            # figure covers takes no direction from the verb (round 10)
            ctx.tense = None
        ctx.sent = span.sent.start
        if c.rule.name == "clock":
            # a clock time opening a line is a live blog's time stamp: no day carries over
            line_start = c.start == 0 or text[c.start - 1] == "\n"
            ctx.prev_sent = doc[ctx.sent - 1].sent.start if ctx.sent > 0 and not line_start else -3
        ctx.prev_word = doc[span.start - 1].lower_ if span.start > 0 else ""
        ctx.prev_word2 = doc[span.start - 2].lower_ if span.start > 1 else ""
        head = span.root.head
        if head.pos_ == "ADP":
            head = head.head
        ctx.on_past_verb = ((head.tag_ == "VBD" and head.lemma_.lower() not in FUTURE_GOVERNORS)
                            or _past_participle(head))
        ctx.on_noun = head.pos_ in ("NOUN", "PROPN")
        ctx.possessive = span.end < len(doc) and doc[span.end].tag_ == "POS"
        ctx.deferred = ctx.prev_word in FORWARD_CUES and head.lemma_.lower() in DEFER_VERBS
        ctx.present_perfect = head.tag_ == "VBN" and any(
            a.lower_ in ("has", "have") for a in head.children if a.dep_ == "aux")
        try:
            resolved = normalise(c, ctx)
        except (OverflowError, ValueError):
            # "5,000 years ago", "in 10,000 years": outside the calendar Python keeps
            # (years 1-9999); the expression is real, its value unresolved
            resolved = Resolved(type=c.rule.type, value=None)
        if resolved is None:
            continue
        tid = f"t{len(out) + 1}"
        if (out and resolved.day is not None and resolved.type == "DATE" and last_clock
                and c.start - out[-1].span[1] <= 16
                and not re.search(r"[.!?;\n]", text[out[-1].span[1] : c.start])):
            # "at 10:35 a.m. (0735 GMT) Friday": the day right after dates the clock time
            prev = out[-1]
            out[-1] = prev.model_copy(update={
                "value": resolved.day.isoformat() + (prev.value or "")[10:], "anchor": tid})
        last_clock = resolved.type == "TIME" and resolved.undated
        out.append(
            Timex(
                id=tid,
                text=text[c.start : c.end],
                span=(c.start, c.end),
                type=resolved.type,  # type: ignore[arg-type]
                value=resolved.value,
                anchor=resolved.anchor,
            )
        )
        if resolved.day is not None and resolved.type in ("DATE", "TIME"):
            ctx.anchor_day = (tid, resolved.day)
            ctx.anchor_day_sent = ctx.sent
        if resolved.type in ("DATE", "TIME") and (resolved.value or "")[:4].isdigit():
            ctx.anchor_value = (tid, resolved.value or "")
            ctx.anchor_value_sent = ctx.sent
        value = resolved.value or ""
        backward = any(w in c.groups["_text"].lower() for w in ("ago", "earlier", "last year"))
        if len(value) == 7 and value[4:6] == "-Q" and not backward:
            ctx.anchor_quarter = (tid, value)
    return out


def reference_date(doc: Doc) -> dt.date | None:
    published = doc._.published
    if published is None:
        return None
    try:
        return dt.date.fromisoformat(published.date)
    except (AttributeError, ValueError):
        return None


@Language.component("dateline_timexes")
def find_timexes(doc: Doc) -> Doc:
    doc._.timexes = find(doc, reference_date(doc))
    return doc
