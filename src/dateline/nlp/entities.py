"""Entities: one per real-world actor in the article, with every mention as evidence.

spaCy's small model mislabels wire prose ("Karin" as a place, "Kazakh State" as an
organisation, "Law" as a person). Its entities are therefore only one source of candidate
mentions, beside packaged knowledge (pycountry and our data files: countries, demonyms,
titles, outlets). The component assembles the steps, each in its own module:

- ``entities_candidates``: candidate mentions (knowledge, titles, spaCy, dateline, cues);
- ``entities_cluster``: candidates to actors, and each actor's type;
- ``entities_roles``: titles to roles with their organisation or country;
- ``coref``: descriptions ("the Kazakh state secretary") and subject pronouns, shared
  with the quotes component.

See docs/entities.md for the method and figures.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, IS_TITLE, LIKE_NUM, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dateline.nlp.coref import Coref
from dateline.nlp.entities_candidates import HYPHENS, POSSESSIVE, Cand, Candidates, Cue
from dateline.nlp.entities_cluster import Draft, cluster, personish, type_of
from dateline.nlp.entities_data import Lexicon, fold, lexicon
from dateline.nlp.entities_roles import finish_roles
from dateline.nlp.quotes_lexicon import verbs
from dateline.read.wire import is_title_case
from dateline.record import Entity, Mention

SUBJECT_DEPS = ("nsubj", "nsubjpass")
SPEAKER_DEPS = (*SUBJECT_DEPS, "appos")


@Language.factory("dateline_entities")
def make_entities(nlp: Language, name: str) -> EntityAnalyzer:
    return EntityAnalyzer(nlp)


class EntityAnalyzer:
    """The pipeline component; matchers are built once, at load time."""

    def __init__(self, nlp: Language) -> None:
        self.lex: Lexicon = lexicon()
        lex = self.lex
        self.gaz = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form, code in lex.country_forms.items():
            self.gaz.add(f"C:{code}", [nlp.make_doc(form)])
        for form, code in lex.demonyms.items():
            self.gaz.add(f"D:{code}", [nlp.make_doc(form)])
        for form, canonical in lex.media.items():
            self.gaz.add(f"M:{canonical}", [nlp.make_doc(form)])
        for form, canonical in lex.companies.items():
            self.gaz.add(f"O:{canonical}", [nlp.make_doc(form)])
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for text in lex.titles:
            # "Sen." is one token only capitalised (a tokenizer exception), "sen." two
            forms = {text, text.capitalize(), text.title()}  # "State Del." too
            self.titles.add(text, [nlp.make_doc(f) for f in sorted(forms)])
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for section in ("media_cue", "place_cue", "facility_cue", "org_class", "event_cue",
                        "nature_cue"):
            for entry in lex.words(section):
                self.cues.add(f"{section}|{entry}", [nlp.make_doc(entry)])
        heads = {n for nouns in lex.words("org_class").values() for n in nouns.split()}
        for entry in heads | set(lex.words("org_new")):
            self.cues.add(f"org_head|{entry}", [nlp.make_doc(entry)])
        strings = nlp.vocab.strings
        self.pronouns = np.array(
            [strings.add(w) for w, cls in lex.words("pronoun").items() if cls in ("m", "f")],
            dtype=np.uint64,
        )
        self.subject_deps = np.array([strings.add(d) for d in SUBJECT_DEPS], dtype=np.uint64)
        self.speaker_deps = np.array([strings.add(d) for d in SPEAKER_DEPS], dtype=np.uint64)
        self.comma = strings.add(",")
        honorifics = [h for h in lex.words("honorific") if h != "m"]  # "M." is an initial too
        self.honorifics = np.array([strings.add(f) for h in honorifics for f in (h, f"{h}.")],
                                   dtype=np.uint64)
        # the reporting verbs of the quotes component: their subjects are speakers
        self.verbs = frozenset(verbs())

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = build(doc, self) if len(doc) else []
        return doc


def build(doc: Doc, an: EntityAnalyzer) -> list[Entity]:
    """All the work for one Doc: candidates, clusters, types, roles, coreference."""
    lex, strings = an.lex, doc.vocab.strings
    found = Candidates(doc, lex)
    head_end = _title_case_headline_end(doc)
    surnames = {e[-1].text for e in found.ents if e.label_ == "PERSON" and len(e) > 1}
    found.gazetteer(filter_spans(
        [Span(doc, s, e, label=strings[m]) for m, s, e in an.gaz(doc)
         if not _inside_longer_name(doc, s, e, strings[m], found.ents, head_end)
         and not (e - s == 1 and doc[s].text in surnames and doc[s].text in lex.ambiguous)]
    ))
    titles = filter_spans([Span(doc, s, e, label=m) for m, s, e in an.titles(doc)])
    cues: list[Cue] = [(strings[m].split("|"), s, e) for m, s, e in an.cues(doc)]
    found.titled_names(titles)
    found.media_pattern(cues)
    found.spacy_ents()
    found.country_ellipses()
    headline = getattr(getattr(doc._.article, "headline", None), "span", None)
    found.speaker_names(_speaker_heads(doc, an), an.verbs, headline[1] if headline else 0)
    found.honorific_names(np.nonzero(np.isin(doc.to_array([LOWER]), an.honorifics))[0].tolist())
    found.dateline()
    found.trailer()
    found.appositions(titles)
    found.cue_knowledge(cues)
    drafts: list[Draft] = []
    by_key: dict[str, Draft] = {}
    for group in cluster(found, _trim_headline(found, found.finish(), head_end)):
        type_ = type_of(group, lex)
        if type_ is None:
            continue
        draft = Draft(type_=type_, cands=group)
        for c in group:
            a, b = found.chars(c.start, c.end)
            draft.add(Mention(text=found.text[a:b], span=(a, b),
                              kind=c.kind))  # type: ignore[arg-type]
            if c.key:
                by_key.setdefault(c.key, draft)
        draft.settle_name(found, lex)
        drafts.append(draft)
    drafts = _short_org_names(drafts)
    for key, mention in found.extra:
        draft = by_key.get(key)
        if draft is None:
            draft = by_key[key] = Draft(type_="MEDIA", cands=[], name=key[2:])
            drafts.append(draft)
        draft.add(mention)
    finish_roles(doc, drafts, lex)
    ents = [d.to_entity(f"t{i}") for i, d in enumerate(drafts)]
    coref = Coref(doc, ents, found.text)
    _descriptions(doc, coref, found, titles, cues)
    _pronouns(doc, coref, an)
    out = [e for e in coref.entities if e.mentions]
    for e in out:
        e.mentions.sort(key=lambda m: m.span)
    out.sort(key=lambda e: e.mentions[0].span)
    for i, e in enumerate(out):
        e.id = f"e{i + 1}"
    return out


def _short_org_names(drafts: list[Draft]) -> list[Draft]:
    """A one-word actor that is the first word of exactly one organisation named in full
    before it is that organisation: "Brightwave" after "Brightwave Energy", "Northmoor"
    after "Northmoor Capital" (spaCy reads many such short company names as people).
    Places, outlets, countries and anyone with a post are left alone ("Washington" is
    not the Washington Post)."""
    firsts: dict[str, list[Draft]] = {}
    for d in drafts:
        words = d.name.split()
        if d.type_ == "ORG" and len(words) >= 2 and d.mentions:
            firsts.setdefault(fold(words[0]), []).append(d)
    if not firsts:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        owners = firsts.get(fold(d.name), [])
        if (len(owners) == 1 and d.type_ in ("PERSON", "ORG") and " " not in d.name
                and not d.roles and all(c.kind == "name" and not c.key and not c.know
                                        and not c.roles for c in d.cands)
                and min(m.span for m in owners[0].mentions) < min(m.span for m in d.mentions)):
            owner = owners[0]
            owner.cands.extend(d.cands)
            for m in d.mentions:
                owner.add(m)
            if d.name not in owner.aliases:
                owner.aliases.append(d.name)
            continue
        out.append(d)
    return out


def _speaker_heads(doc: Doc, an: EntityAnalyzer) -> list[int]:
    """Tokens that may end a speaker's name spaCy missed, picked from arrays (no loop over
    the Doc): proper-noun subjects and appositions, capitalised subjects (a known name
    spaCy tagged a noun), and the word before ", <number>,"."""
    arr = doc.to_array([POS, DEP, ORTH, LIKE_NUM, IS_TITLE])
    pos, dep, orth, num, title = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4]
    out = set(np.nonzero(((pos == PROPN) & np.isin(dep, an.speaker_deps))
                         | ((title == 1) & np.isin(dep, an.subject_deps)))[0].tolist())
    if len(doc) > 3:
        comma = orth == an.comma
        aged = np.nonzero(comma[1:-2] & (num[2:-1] == 1) & comma[3:])[0]
        out.update(aged.tolist())
    return sorted(out)


def _inside_longer_name(doc: Doc, start: int, end: int, label: str,
                        ents: tuple[Span, ...], head_end: int) -> bool:
    """An outlet's or company's name opening a longer name is not it: "The Independent
    Election Commission", "the Times Square attack", "Google Maps" (spaCy's entity runs on)."""
    if label.startswith("O:") and (
        # words before a surname (``honorific``): a company name after one is a person's
        (start > 0 and doc[start - 1].lower_.rstrip(".") in lexicon().words("honorific"))
        or any(e.label_ == "PERSON" and e.start < start and _bare_end(doc, e) == end
               # not where spaCy ran a clause on: "told Daily Maverick that Eskom had"
               and not any(t.is_lower or t.text == "," for t in doc[e.start : start])
               for e in ents)
    ):
        return True  # a surname: "Ms. Chevron", "Maria Chevron" (not "Gazprom Neft's")
    if label[:2] not in ("M:", "O:") or end >= len(doc) or not doc[end].is_title:
        return False
    if doc[start].idx < head_end:
        return False  # every word is capitalised there; _trim_headline sorts it out
    return any(e.start <= start and e.end > end for e in ents)


def _bare_end(doc: Doc, ent: Span) -> int:
    """Where an entity ends without its possessive ("Maria Chevron's")."""
    end = ent.end
    while end > ent.start + 1 and doc[end - 1].text in POSSESSIVE:
        end -= 1
    return end


def _title_case_headline_end(doc: Doc) -> int:
    """Where a Title Case headline inside the text ends (0 if there is none)."""
    headline = getattr(doc._.article, "headline", None)
    if headline is None or headline.span is None or not is_title_case(headline.text):
        return 0
    return headline.span[1]


def _trim_headline(found: Candidates, cands: list[Cand], end: int) -> list[Cand]:
    """In a Title Case headline spaCy reads runs of capitals as one long name ("Harbour
    Council Row Deepens As Vossberg Quits"); keep there only the parts the body also
    names (a name, or a person's surname), longest first, and nothing else that no
    knowledge backs. ``end``: where the Title Case headline ends (0: none)."""
    if not end:
        return cands  # a title outside the text (JSON, feeds) has no mentions to trim

    def in_body(c: Cand) -> bool:
        return found.chars(c.start, c.end)[0] >= end

    body = {c.text for c in cands if in_body(c)}
    body |= {c.text.split()[-1] for c in cands
             if in_body(c) and " " in c.text and personish(c)}
    # one flag a candidate: ``c in keep`` compared dataclasses field by field (quadratic)
    kept = [in_body(c) or bool(c.know or c.key) or c.kind != "name" for c in cands]
    keep = [c for c, k in zip(cands, kept, strict=True) if k]
    taken = {i for c in keep if not in_body(c) for i in range(c.start, c.end)}
    out = list(keep)
    for c, k in zip(cands, kept, strict=True):
        if k:
            continue
        for n in range(c.end - c.start, 0, -1):
            for s in range(c.start, c.end - n + 1):
                if taken.intersection(range(s, s + n)):
                    continue
                text = found.text[slice(*found.chars(s, s + n))]
                if text in body:
                    out.append(Cand(s, s + n, votes=c.votes.copy(), text=text))
                    taken.update(range(s, s + n))
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _descriptions(doc: Doc, coref: Coref, found: Candidates, titles: list[Span],
                  cues: list[Cue]) -> None:
    """ "the Kazakh state secretary", "the Russia-led bloc": back to a named actor."""
    lex = coref.lex
    w = lex.words
    heads: list[tuple[int, int, str]] = [
        (t.start, t.end, "person") for t in titles if t.start not in found.used_titles
    ]
    heads += [(s, e, "org") for (section, _), s, e in cues
              if section == "org_head" and doc[s].is_lower]
    headline = getattr(getattr(doc._.article, "headline", None), "span", None)
    for s, e, what in sorted(heads):
        if e < len(doc) and doc[e].pos_ in ("NOUN", "PROPN") and doc[e].text not in POSSESSIVE:
            continue
        c0, c1 = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if coref.entity_at((c0, c1)) is not None:
            continue
        b, det, country = s, None, None
        while b - 1 >= 0 and e - b < 6:
            tok = doc[b - 1]
            if tok.lower_ in w("determiner"):
                det = tok.lower_
                b -= 1
                break
            if tok.text in lex.demonyms:
                country = lex.demonyms[tok.text]
            elif not (tok.lower_ in w("description_mod") or tok.text in HYPHENS
                      or tok.text in ("[", "]") or tok.pos_ == "ADJ" or tok.lower_ in w("led")
                      or (tok.text in lex.country_forms and doc[b].text in HYPHENS)):
                break
            b -= 1
        in_headline = headline is not None and doc[s].idx < headline[1]
        led = any(t.lower_ in w("led") for t in doc[b:s])
        if det is None and not in_headline:
            continue
        if det in w("indefinite") and not (what == "org" and led):
            continue
        span = doc[b:e]
        where = (span.start_char, span.end_char)
        head = fold(doc[s:e].text)
        target = coref.describe(where, head, country=country, indefinite=True)
        if target is None and what == "org" and det == "the" and head in w("org_new"):
            target = Entity(id=f"n{s}", name=fold(doc[b + 1 : e].text), type="ORG")
            coref.register(target)
        if target is not None:
            coref.add(target, span.text, where, "description", head=(c0, c1))


def _pronouns(doc: Doc, coref: Coref, an: EntityAnalyzer) -> None:
    """Subject "he"/"she" outside quotation marks: the nearest fitting person before."""
    arr = doc.to_array([LOWER, DEP])
    hits = np.nonzero(np.isin(arr[:, 0], an.pronouns) & np.isin(arr[:, 1], an.subject_deps))[0]
    for i in hits.tolist():
        tok = doc[i]
        if coref.is_quoted(tok.idx):
            continue
        target = coref.pronoun(tok.idx, tok.lower_)
        if target is not None:
            coref.add(target, tok.text, (tok.idx, tok.idx + len(tok.text)), "pronoun")
