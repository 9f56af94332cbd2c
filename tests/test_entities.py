"""Entities on wire sentences written for these tests (never the seed story itself)."""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language

from dateline.read import read_text
from dateline.record import Entity, Source

STORY = (
    "Alliance peacekeepers leave Kyrgyzstan — state secretary\n"
    "BISHKEK, March 3. /TASS/. The Collective Security Treaty Organization’s (CSTO) "
    "peacekeepers helped Kyrgyzstan restore order, Kyrgyz State Secretary Aibek Omurov "
    "told the Ala-Too 24 TV channel on Monday.\n"
    '"The decision of the [Kyrgyz] president to invite the CSTO was right," he said.\n'
    "According to Omurov, the situation was critical. Omurov said the bloc had acted fast, "
    "the Kyrgyz state secretary added. Protests began in several Kyrgyz towns on March 1. "
    "Later Kyrgyz President Sadyr Japarov asked the Russia-led bloc for help. "
    "Law and order was restored by March 2.\n"
)


def _entities(nlp: Language, text: str) -> tuple[str, list[Entity]]:
    article = next(iter(read_text(text, Source(), "text")))
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.published = None
    doc = nlp(doc)
    return article.text, doc._.entities


def _by_name(ents: list[Entity], name: str) -> Entity:
    return next(e for e in ents if e.name == name)


def test_actors_types_and_roles(nlp: Language) -> None:
    text, ents = _entities(nlp, STORY)
    for e in ents:
        for m in e.mentions:
            assert text[m.span[0] : m.span[1]] == m.text
    omurov = _by_name(ents, "Aibek Omurov")
    assert omurov.type == "PERSON"
    assert {m.text for m in omurov.mentions} >= {
        "Kyrgyz State Secretary Aibek Omurov", "Omurov", "the Kyrgyz state secretary"
    }
    assert [(r.title, r.country) for r in omurov.roles] == [("State Secretary", "Kyrgyzstan")]
    japarov = _by_name(ents, "Sadyr Japarov")
    assert [(r.title, r.country) for r in japarov.roles] == [("President", "Kyrgyzstan")]
    csto = _by_name(ents, "Collective Security Treaty Organization")
    assert csto.type == "ORG" and "CSTO" in csto.aliases
    assert "the Russia-led bloc" in {m.text for m in csto.mentions}
    assert _by_name(ents, "Kyrgyzstan").type == "GPE"
    kyrgyz = {m.text for m in _by_name(ents, "Kyrgyzstan").mentions}
    assert "Kyrgyz" in kyrgyz
    assert _by_name(ents, "Ala-Too 24").type == "MEDIA"
    assert _by_name(ents, "TASS").type == "MEDIA"
    # the mislabels of spaCy's small model do not come back
    names = {e.name for e in ents}
    assert "Law" not in names and "Protests" not in names
    assert not any(e.type in ("GPE", "ORG") and "Omurov" in e.name for e in ents)


def test_ids_follow_first_mention(nlp: Language) -> None:
    _, ents = _entities(nlp, STORY)
    firsts = [min(m.span for m in e.mentions) for e in ents]
    assert firsts == sorted(firsts)
    assert [e.id for e in ents] == [f"e{i + 1}" for i in range(len(ents))]


def test_shared_surname_stays_apart(nlp: Language) -> None:
    text = (
        "Port talks stall\n"
        "CONSTANTA, May 2 (Reuters) - Port spokeswoman Ana Ionescu said talks had stalled. "
        "Radu Ionescu, a crane operator at the Mareva terminal, said workers would wait. "
        '"We are patient," Ionescu said.\n'
    )
    _, ents = _entities(nlp, text)
    ana, radu = _by_name(ents, "Ana Ionescu"), _by_name(ents, "Radu Ionescu")
    assert ana.id != radu.id
    assert "Ionescu" in {m.text for m in radu.mentions}  # the nearest full name before
    assert "Ionescu" not in {m.text for m in ana.mentions}


def test_surname_tagged_org_is_still_the_person(nlp: Language) -> None:
    """spaCy tags the bare "Grendt" ORG three times; the full name decides the type."""
    text = (
        "Paula Grendt criticised the plan on Monday. Grendt said the bill would fail. "
        "Aides to Grendt declined to comment. Grendt's office issued a statement.\n"
    )
    _, ents = _entities(nlp, text)
    grendt = _by_name(ents, "Paula Grendt")
    assert grendt.type == "PERSON"
    assert [m.text for m in grendt.mentions].count("Grendt") == 3


def test_title_case_headline_keeps_only_names_the_body_confirms(nlp: Language) -> None:
    text = (
        "Vossberg Tower Deal Leaves Harbour City Council Red-Faced\n\n"
        "Developer Hal Vossberg bought the tower in 2019, the Harbour City Council said. "
        "Vossberg denied any wrongdoing.\n"
    )
    body, ents = _entities(nlp, text)
    headline_end = body.index("\n")
    in_headline = [(e.name, m.text) for e in ents for m in e.mentions
                   if m.span[1] <= headline_end]
    assert all(m in ("Vossberg", "Harbour City Council") for _, m in in_headline)
    assert ("Hal Vossberg", "Vossberg") in in_headline


def test_outlets_from_the_media_list_and_lookalikes(nlp: Language) -> None:
    text = (
        "The Washington Post reported on Monday that the senator had resigned. "
        "He told NBC News he regretted nothing. Iran's Guardian Council vetoed the bill, "
        "The Guardian said.\n"
    )
    _, ents = _entities(nlp, text)
    types = {e.name: e.type for e in ents}
    assert types["Washington Post"] == "MEDIA" and types["NBC News"] == "MEDIA"
    assert types["The Guardian"] == "MEDIA"
    assert types.get("Guardian Council") != "MEDIA"


def test_name_particles_and_a_title_someone_else_holds(nlp: Language) -> None:
    text = (
        "Syrian President Bashar al-Assad met envoys in Damascus. President Barack Obama "
        "said Syria must change. Assad refused, and Syria's army advanced.\n"
    )
    _, ents = _entities(nlp, text)
    assad = _by_name(ents, "Bashar al-Assad")
    assert "Assad" in {m.text for m in assad.mentions}
    assert [(r.title, r.country) for r in assad.roles] == [("President", "Syria")]
    obama = _by_name(ents, "Barack Obama")
    assert [(r.title, r.country) for r in obama.roles] == [("President", None)]
    # nor the next country of a story shared between several
    _, ents = _entities(nlp, text.replace("Damascus.", "Damascus and Moscow. Russia backed "
                                          "him, and Russia sent envoys."))
    obama = _by_name(ents, "Barack Obama")
    assert [(r.title, r.country) for r in obama.roles] == [("President", None)]


def test_outlet_names_inside_longer_names_are_not_outlets(nlp: Language) -> None:
    text = (
        "The Independent Election Commission said the vote was fair. Police sealed the "
        "Times Square area. He told CNN Tuesday he would run, The Independent reported.\n"
    )
    _, ents = _entities(nlp, text)
    media = sorted(e.name for e in ents if e.type == "MEDIA")
    assert media == ["CNN", "The Independent"]
    mentions = [m.text for e in ents if e.name == "The Independent" for m in e.mentions]
    assert mentions == ["The Independent"]


def test_title_case_title_outside_the_text_is_no_trouble(nlp: Language) -> None:
    article = next(iter(read_text(
        '{"title": "Dockers Walk Out At Harbour Terminal", "text": "Dockers walked out '
        'at the Pontica terminal on Monday, union leader Ana Ionescu said."}',
        Source(), "json",
    )))
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.published = None
    names = [e.name for e in nlp(doc)._.entities]
    assert "Ana Ionescu" in names


def test_first_name_alone_goes_to_the_one_full_name_it_opens(nlp: Language) -> None:
    text = "Senator Paula Grendt spoke on Monday. Paula said she would run again.\n"
    _, ents = _entities(nlp, text)
    assert [e.name for e in ents if e.type == "PERSON"] == ["Paula Grendt"]
    assert "Paula" in {m.text for m in _by_name(ents, "Paula Grendt").mentions}


def test_places_named_after_countries_are_not_the_countries(nlp: Language) -> None:
    text = (
        "Voters want a new start. New Jersey voted on Tuesday. Police in Northern Ireland "
        "and Ireland met. New Mexico and Mexico signed a water deal.\n"
    )
    _, ents = _entities(nlp, text)
    mentions = {e.name: [m.text for m in e.mentions] for e in ents}
    assert mentions["New Jersey"] == ["New Jersey"] and "Jersey" not in mentions
    assert mentions["Ireland"] == ["Ireland"] and mentions["Mexico"] == ["Mexico"]
    assert "Northern Ireland" in mentions and "New Mexico" in mentions


def test_title_case_headline_keeps_every_confirmed_part(nlp: Language) -> None:
    text = (
        "Financial Times Story Angers Vossberg Camp Ahead Of Vote\n\n"
        "The Financial Times reported on Monday that developer Hal Vossberg owed taxes. "
        "Vossberg denied it.\n"
    )
    body, ents = _entities(nlp, text)
    end = body.index("\n")
    heads = sorted((m.text, e.type) for e in ents for m in e.mentions if m.span[1] <= end)
    assert heads == [("Financial Times", "MEDIA"), ("Vossberg", "PERSON")]


def test_empty_and_odd_input(nlp: Language) -> None:
    doc = nlp("")
    assert doc._.entities == []
    _, ents = _entities(nlp, 'He said "it was fine. Москва согласилась, сказал он.\n')
    assert all(e.mentions for e in ents)


def test_crash_inputs_doc_start_and_whitespace(nlp: Language) -> None:
    assert nlp("  \n ")._.entities == []
    for text in ("Terminal", "union \n ALMATY", "Port"):
        _, ents = _entities(nlp, text)
        assert all(e.name.strip() for e in ents)


def test_sentence_initial_org_names_keep_their_first_word(nlp: Language) -> None:
    text = ("Aid groups warn\nAmnesty International said it was worried. "
            "Red Cross workers arrived in Almaty on Tuesday. "
            "Nordvik Container Lines said its ships would wait.\n")
    _, ents = _entities(nlp, text)
    names = {e.name for e in ents}
    assert {"Amnesty International", "Red Cross", "Nordvik Container Lines"} <= names
    assert not names & {"International", "Cross", "Container Lines"}


def test_person_name_wins_over_country_names(nlp: Language) -> None:
    text = "Envoy visits\nUS envoy Chad Jordan met officials in Almaty on Monday.\n"
    _, ents = _entities(nlp, text)
    names = {e.name: e.type for e in ents}
    assert names.get("Chad Jordan") == "PERSON"
    assert "Chad" not in names and "Jordan" not in names
    starts = sorted(m.span for e in ents for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in pairwise(starts))


def test_role_titles_from_data_and_former(nlp: Language) -> None:
    text = ("Carrier changes chief\nNordvik Container Lines named Former CEO Ana Pop as "
            "adviser on Monday, the company said.\n")
    body, ents = _entities(nlp, text)
    pop = _by_name(ents, "Ana Pop")
    role = pop.roles[0]
    assert role.title == "Former CEO"
    assert role.span is not None and body[role.span[0] : role.span[1]] == "Former CEO"


def test_agency_from_readers_list(nlp: Language) -> None:
    text, ents = _entities(nlp, "BERLIN, Jan 6 /dpa/. Talks between the parties ended.\n")
    outlet = next(e for e in ents if e.type == "MEDIA")
    assert outlet.name == "Deutsche Presse-Agentur"
    assert [text[m.span[0] : m.span[1]] for m in outlet.mentions] == ["dpa"]


def test_org_class_whole_words_and_rows() -> None:
    from dateline.datafiles import parse_rows
    from dateline.nlp.entities_data import lexicon

    lex = lexicon()
    assert "office" in lex.org_classes("Foreign Office")
    assert "office" not in lex.org_classes("Police Officers Association")
    rows = parse_rows("# c\r\na\tb\r\n   \r\n\n c \td\n")
    assert rows == [["a", "b"], ["c", "d"]]


def test_speaker_description_does_not_overlap_the_name(nlp: Language) -> None:
    text = ("Sales rise\nLONDON, May 2 (Reuters) - The company's CEO, John Smith, said sales "
            'rose. "We are pleased," he said.\n')
    from dateline.analysis import prepare_doc

    article = next(iter(read_text(text, Source(), "text")))
    doc = nlp(prepare_doc(article, None, nlp))
    smith = _by_name(doc._.entities, "John Smith")
    spans = sorted(m.span for m in smith.mentions)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_companies_are_organisations_even_when_spacy_reads_a_person(nlp: Language) -> None:
    text, ents = _entities(
        nlp,
        "Platform removes fake accounts\n"
        "LONDON (Reuters) — Twitter said on Friday it had removed 300 fake accounts. "
        "Facebook and Google declined to comment, and a Google Maps update was delayed.\n",
    )
    for name in ("Twitter", "Facebook", "Google"):
        assert _by_name(ents, name).type == "ORG"
    google = _by_name(ents, "Google")
    assert [text[a:b] for a, b in (m.span for m in google.mentions)] == ["Google"]


def test_a_titled_surname_joins_the_namesake_with_that_title(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "Senator backs port deal\n"
        "DENVER (AP) — Former Secretary of State Mara Kellan said on Tuesday she backed "
        "the port deal. President Kellan signed a similar deal in 1998, and Kellan said "
        "she was proud of it. Transport Minister Ivo Rask praised the deal; Minister Rask "
        "met dockers on Monday.\n",
    )
    mara = _by_name(ents, "Mara Kellan")
    assert [r.title for r in mara.roles] == ["Former Secretary of State"]
    assert "President Kellan" not in [m.text for m in mara.mentions]
    assert [m.text for m in mara.mentions if m.kind != "pronoun"][-1] == "Kellan"
    president = next(e for e in ents if any(r.title == "President" for r in e.roles))
    assert president is not mara
    rask = _by_name(ents, "Ivo Rask")  # "Minister" is the same post as "Transport Minister"
    assert "Minister Rask" in [m.text for m in rask.mentions]


def test_namesakes_with_posts_of_one_kind_are_told_apart_by_the_whole_title(
    nlp: Language,
) -> None:
    _text, ents = _entities(
        nlp,
        "Ministers meet on border\n"
        "MOSCOW (Reuters) — Foreign Minister Ivan Petrov and Defence Minister Oleg Petrov "
        "met on Monday. Defence Minister Petrov said talks went well, and Foreign Minister "
        "Petrov agreed.\n",
    )
    ivan, oleg = _by_name(ents, "Ivan Petrov"), _by_name(ents, "Oleg Petrov")
    assert [m.text for m in ivan.mentions if m.kind != "pronoun"] == [
        "Foreign Minister Ivan Petrov", "Foreign Minister Petrov"]
    assert [m.text for m in oleg.mentions if m.kind != "pronoun"] == [
        "Defence Minister Oleg Petrov", "Defence Minister Petrov"]


def test_one_post_in_other_words_keeps_the_person_whole(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "Phone maker's sales rise\n"
        "CUPERTINO, Calif. (AP) — Chief Executive Officer Tim Cook said on Monday sales "
        "rose. CEO Cook said the new phone sold well.\n",
    )
    cook = _by_name(ents, "Tim Cook")
    assert [m.text for m in cook.mentions] == ["Chief Executive Officer Tim Cook", "CEO Cook"]


def test_a_company_name_as_a_surname_is_the_person(nlp: Language) -> None:
    text, ents = _entities(
        nlp,
        "Lawyer sues oil major\n"
        "HOUSTON (AP) — Maria Chevron, a lawyer, sued Chevron on Monday. Ms. Chevron said "
        "she was confident.\n",
    )
    person, company = _by_name(ents, "Maria Chevron"), _by_name(ents, "Chevron")
    assert person.type == "PERSON" and company.type == "ORG"
    assert [text[a:b] for a, b in (m.span for m in company.mentions)] == ["Chevron"]
    assert company.mentions[0].span[0] == text.index("sued Chevron") + len("sued ")
    assert len([m for m in person.mentions if m.text == "Chevron"]) == 1


TITLE_FIRST = (
    "Ministers meet on grain deal\n"
    "ANKARA, May 4 (Wire) -- Turkey's foreign minister, Hakan Fidan, said on Sunday that "
    "talks would resume next week.\n"
    "The head of the Halifax port authority, Marie Dufresne, said the terminal would "
    "reopen.\n"
    "A spokesman for the ministry, Oleg Nikolenko, told reporters that no date had been "
    "set.\n"
    "The mayor of Nicosia, Constantinos Yiorkadjis, declined to comment.\n"
)


def test_a_title_before_the_name_in_apposition_gives_the_person_the_post(
    nlp: Language,
) -> None:
    _text, ents = _entities(nlp, TITLE_FIRST)
    roles = {e.name: [(r.title, r.organization, r.country) for r in e.roles] for e in ents}
    assert roles["Hakan Fidan"] == [("Foreign Minister", None, "Turkey")]
    assert roles["Marie Dufresne"] == [("Head", "Halifax port authority", None)]
    assert roles["Oleg Nikolenko"] == [("Spokesman", "ministry", None)]
    assert roles["Constantinos Yiorkadjis"] == [("Mayor", "Nicosia", None)]
    for name in ("Hakan Fidan", "Marie Dufresne", "Oleg Nikolenko", "Constantinos Yiorkadjis"):
        assert _by_name(ents, name).type == "PERSON"
    # the dateline's place is not in apposition to the title after the agency's dash
    assert roles["Ankara"] == []


def test_a_title_first_apposition_needs_no_verb_and_no_possessive(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "Port reopens\n"
        "HALIFAX (Wire) — Dockers heard the head of a union that backs the strike, Ann Lowe, "
        "on Monday. The leader of the union, Paul Okafor's brother, said the strike was on.\n",
    )
    people = {e.name: e.roles for e in ents if e.type == "PERSON"}
    assert set(people) >= {"Ann Lowe", "Paul Okafor"}
    assert people["Ann Lowe"] == [] and people["Paul Okafor"] == []


def test_a_generational_suffix_and_middle_initials_stay_in_a_titled_name(
    nlp: Language,
) -> None:
    _text, ents = _entities(
        nlp,
        "Bill advances\n"
        "WASHINGTON (Wire) -- Rep. Gregory W. Meeks said the bill would pass. House Speaker "
        "Paul D. Ryan disagreed. President Ferdinand Marcos Jr. sent a message.\n",
    )
    roles = {e.name: [r.title for r in e.roles] for e in ents if e.type == "PERSON"}
    assert roles == {"Gregory W. Meeks": ["Representative"], "Paul D. Ryan": ["House Speaker"],
                     "Ferdinand Marcos Jr.": ["President"]}


def test_us_titles_and_the_whole_organisation_name_before_a_title(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "Senate delays budget vote\n"
        "WASHINGTON (Wire) -- The vote will wait, Senate Majority Leader Tom Reeve said on "
        "Monday. White House spokesman Dan Whitaker said the president was calm. "
        "Sen. Maria Ortiz, a Democrat, called the delay reckless.\n",
    )
    roles = {e.name: [(r.title, r.organization) for r in e.roles] for e in ents}
    assert roles["Tom Reeve"] == [("Majority Leader", "Senate")]
    assert roles["Dan Whitaker"] == [("Spokesman", "White House")]
    assert [t for t, _ in roles["Maria Ortiz"]] == ["Senator"]


def test_titles_abroad_and_place_names_ending_in_a_country(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "Trade talks\n"
        "MEXICO CITY (Wire) -- Mexico's economy minister met U.S. lawmakers in Mexico on "
        "Monday. Sen. Ron Wyden said talks in Mexico went well. New Mexico Gov. Michelle "
        "Lujan Grisham said the state would join.\n",
    )
    roles = {e.name: [(r.title, r.organization, r.country) for r in e.roles] for e in ents}
    # a US senator in a Mexican story is not Mexico's senator
    assert roles["Ron Wyden"] == [("Senator", None, None)]
    # "New Mexico" is no "Mexico"
    assert roles["Michelle Lujan Grisham"] == [("Governor", "New Mexico", None)]


def test_the_organisation_before_a_title_is_the_name_spacy_gives_not_the_words_before(
    nlp: Language,
) -> None:
    _text, ents = _entities(
        nlp,
        "Calm in Washington\n"
        "WASHINGTON (Wire) -- On Tuesday White House spokesman Dan Whitaker said the "
        "president was calm. Deputy Attorney General Sally Yates said nothing.\n",
    )
    roles = {e.name: [(r.title, r.organization) for r in e.roles] for e in ents}
    assert roles["Dan Whitaker"] == [("Spokesman", "White House")]
    assert roles["Sally Yates"] == [("Deputy Attorney General", None)]


def test_an_organisation_spacy_did_not_tag_is_still_whole_before_a_title(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "No comment\n"
        "LONDON (Wire) -- Premier League chief executive Ralph Emmet said the league would "
        "not comment.\n",
    )
    roles = {e.name: [(r.title, r.organization) for r in e.roles] for e in ents}
    assert roles["Ralph Emmet"] == [("Chief Executive", "Premier League")]


def test_holland_inside_a_persons_name_is_the_person(nlp: Language) -> None:
    _text, ents = _entities(
        nlp,
        "Film done\n"
        "LOS ANGELES (Wire) -- Actor Tom Holland said the film was done. Ann Lowe, "
        "Holland's agent, agreed.\n",
    )
    assert all(e.type != "GPE" for e in ents if e.name in ("Holland", "Netherlands"))
