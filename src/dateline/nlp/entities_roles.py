"""Roles: a title with its organisation or country, settled once every actor is known.

"Kazakh State Secretary" gives the country from the demonym; "CSTO Secretary General"
the organisation (an acronym or a country's name resolves to the actor's name); "port
authority spokeswoman" the organisation the description names; a government title with
no owner takes the article's main country (when one country clearly leads), unless
someone else in the story holds that title there.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from dateline.nlp.entities_candidates import HYPHENS
from dateline.nlp.entities_cluster import Draft
from dateline.nlp.entities_data import Lexicon, fold


def countries(doc: Doc, drafts: list[Draft], lex: Lexicon) -> list[tuple[str, int]]:
    """The countries the story is about, most talked-about first: names and demonyms
    count, "in X" twice."""
    counts: Counter[str] = Counter()
    preps = lex.words("place_prep")
    for d in drafts:
        country = d.country
        if country is None:
            continue
        for c in d.cands:
            if c.kind not in ("name", "demonym"):
                continue
            if c.end < len(doc) and doc[c.end].text in HYPHENS:
                continue
            prev = doc[c.start - 1].lower_ if c.start else ""
            counts[country] += 2 if prev in preps else 1
    return [(lex.country_name(code), n) for code, n in counts.most_common()]


def main_country(ranked: list[tuple[str, int]]) -> str | None:
    """The story's own country when one clearly leads (more than 1.5 times the next);
    in a story shared between countries a bare "President" is anyone's guess."""
    if not ranked or (len(ranked) > 1 and ranked[0][1] <= 1.5 * ranked[1][1]):
        return None
    return ranked[0][0]


def bare_title(title: str, lex: Lexicon) -> str:
    """The title without "former" ("Former CEO" -> "ceo"), folded."""
    words = fold(title).split()
    while words and words[0] in lex.words("former"):
        words = words[1:]
    return " ".join(words)


def _near(text: str, at: int, places: list[tuple[int, int]]) -> bool:
    """Whether a mention starts in the paragraph (line) of ``at`` or the one before it."""
    start = text.rfind("\n", 0, at) + 1
    prev = text[:start].rstrip()  # the paragraphs before, blank lines dropped
    start = prev.rfind("\n") + 1 if prev else 0
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return any(start <= a < end for a, _b in places)


def _lead_end(doc: Doc) -> int:
    """Where the lead paragraph ends: the first paragraph of the body after the headline
    and dek (the headline itself counts as lead)."""
    article = doc._.article
    text = doc.text
    after = 0
    for part in ("headline", "dek", "dateline"):
        ev = getattr(article, part, None)
        span = getattr(ev, "span", None)
        if span is not None:
            after = max(after, span[1])
    while after < len(text) and text[after].isspace():
        after += 1
    end = text.find("\n", after)
    return len(text) if end < 0 else end


def finish_roles(doc: Doc, drafts: list[Draft], lex: Lexicon) -> None:
    ranked = countries(doc, drafts, lex)
    main = main_country(ranked)
    # the main country is a bare title's only where the story makes it its own: named
    # more than once, or in the headline and lead; a post that is often a state's or a
    # city's (``local_title``: "Governor", "Attorney General", "Premier") takes it only
    # where the text names it near the title. So a US story naming China once ("Chinese
    # investors") has no Chinese governor, and a Texas story's attorney general is not
    # the United States'. A country inside a longer name is none ("the 5th U.S. Circuit
    # Court of Appeals").
    text = doc.text
    main_at = [(doc[c.start].idx, 0) for d in drafts
               if d.country and lex.country_name(d.country) == main for c in d.cands
               if c.kind in ("name", "demonym")
               and not (c.end < len(doc) and doc[c.end].ent_iob_ == "I")]
    lead = _lead_end(doc)
    story = len(main_at) >= 2 or any(a < lead for a, _b in main_at)
    local = lex.words("local_title")
    # a post only a country has (``national_title``: "President", "Prime Minister",
    # "Foreign Minister") is the main country's wherever the story names it: a US story
    # that says "United States" once, far from "President Obama", is still his country's
    national = lex.words("national_title")
    # a country has one president: "Syrian President Assad" in the text means a bare
    # "President Obama" in the same story is some other country's, and which one the
    # story does not say: no country rather than a guess
    held = {(bare_title(r.title, lex), r.country) for d in drafts for c in d.cands
            for r, _ in c.roles if r.country}
    by_text: dict[str, Draft] = {}
    for d in drafts:
        for m in d.mentions:
            by_text.setdefault(fold(m.text), d)
    orgs = [d for d in drafts if d.type_ == "ORG"]
    for d in drafts:
        pairs = [pair for c in d.cands for pair in c.roles]
        pairs.sort(key=lambda p: not (p[0].country or p[0].organization or p[1]))
        for role, org_desc in pairs:
            role = role.model_copy()
            if org_desc is not None:
                desc = fold(org_desc)
                owner = next(
                    (o for o in orgs if lex.org_classes(o.name) & set(desc.split())
                     or fold(o.name).endswith(desc)),
                    None,
                )
                role.organization = owner.name if owner else org_desc
            if role.organization is not None:
                found = by_text.get(fold(role.organization))
                if found is not None and found.country is not None:
                    role.country = lex.country_name(found.country)
                    role.organization = None
                elif found is not None:
                    role.organization = found.name
            title = lex.titles.get(bare_title(role.title, lex))
            head = bare_title(role.title, lex).split()[-1:]
            if title is None and head and head[0] in lex.words("portfolio_head"):
                title = lex.titles.get(head[0])  # "Economy, Trade and Industry Minister"
            if role.organization is None and role.country is None and title and title.cls == "gov":
                bare = bare_title(role.title, lex)
                mine = {r.country for r in d.roles if bare_title(r.title, lex) == bare}
                role.country = next(
                    (r.country for r in d.roles if r.title.lower() == role.title.lower()),
                    main if main is not None and ((bare, main) not in held or main in mine)
                    and (bare in national or (story and bare not in local)
                         or _near(text, role.span[0] if role.span else 0, main_at))
                    else None,
                )
            same = (role.title.lower(), role.organization, role.country)
            if all((r.title.lower(), r.organization, r.country) != same for r in d.roles):
                d.roles.append(role)
