"""Name filters match whole words of names and aliases, not substrings."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dateline.read.article import content_id
from dateline.record import Content, Entity, Mention, Published, Quote, Record, Source, Speaker
from dateline.store import queries
from dateline.store.db import Store, connect
from dateline.store.schema import record_rows
from store_helpers import at, ev

TEXT_A = (
    "Talks on grain corridor\n"
    "ASTANA, March 3 (Reuters) - Russia and the U.S. discussed the grain corridor, state"
    " secretary Erlan Karin said.\n"
    '"Both sides want ships to move," Karin said.'
)
TEXT_B = (
    "Ports reopen\n"
    "ODESA, March 5 (Reuters) - The ports reopened, a spokeswoman for Russian exporters said.\n"
    '"We are loading again," the spokeswoman said.'
)
TEXT_C = (
    "Ferries resume\n"
    "İZMİR, March 7 (Reuters) - Ferries left İzmir again, port director Ayşe\xa0Demir said.\n"
    '"The quays are clear," Demir said. "Cargo waits," the port\xa0official added.'
)
"""A dotted capital I (Turkish), and no-break spaces as HTML input leaves them."""


def _turkish() -> Record:
    ents = [
        Entity(
            id="e1",
            name="İzmir",
            type="GPE",
            mentions=[Mention(text="İzmir", span=at(TEXT_C, "İzmir"))],
        ),
        Entity(
            id="e2",
            name="Ayşe\xa0Demir",
            type="PERSON",
            aliases=["Demir"],
            mentions=[Mention(text="Ayşe\xa0Demir", span=at(TEXT_C, "Ayşe\xa0Demir"))],
        ),
    ]
    quotes = [
        Quote(
            id="q1",
            kind="direct",
            speaker=Speaker(text="Demir", span=at(TEXT_C, "Demir", 1), entity="e2"),
            cue=ev(TEXT_C, "said", 1),
            content=Content(
                text="The quays are clear,", spans=[at(TEXT_C, "The quays are clear,")]
            ),
        ),
        Quote(
            id="q2",
            kind="direct",
            speaker=Speaker(text="the port\xa0official", span=at(TEXT_C, "the port\xa0official")),
            cue=ev(TEXT_C, "added"),
            content=Content(text="Cargo waits,", spans=[at(TEXT_C, "Cargo waits,")]),
        ),
    ]
    return Record(
        id=content_id(TEXT_C),
        source=Source(path="c.txt", outlet="Reuters"),
        language="en",
        text=TEXT_C,
        published=Published(date="2023-03-07", origin="metadata"),
        entities=ents,
        quotes=quotes,
    )


def _records() -> list[Record]:
    ents_a = [
        Entity(
            id="e1",
            name="Russia",
            type="GPE",
            mentions=[Mention(text="Russia", span=at(TEXT_A, "Russia"))],
        ),
        Entity(
            id="e2",
            name="United States",
            type="GPE",
            aliases=["U.S."],
            mentions=[Mention(text="U.S.", span=at(TEXT_A, "U.S."), kind="alias")],
        ),
        Entity(
            id="e3",
            name="Erlan Karin",
            type="PERSON",
            aliases=["Karin"],
            mentions=[Mention(text="Erlan Karin", span=at(TEXT_A, "Erlan Karin"))],
        ),
    ]
    quote_a = Quote(
        id="q1",
        kind="direct",
        speaker=Speaker(text="Karin", span=at(TEXT_A, "Karin", 1), entity="e3"),
        cue=ev(TEXT_A, "said", 1),
        content=Content(
            text="Both sides want ships to move,",
            spans=[at(TEXT_A, "Both sides want ships to move,")],
        ),
    )
    quote_b = Quote(
        id="q1",
        kind="direct",
        speaker=Speaker(text="the spokeswoman", span=at(TEXT_B, "the spokeswoman")),
        cue=ev(TEXT_B, "said", 1),
        content=Content(text="We are loading again,", spans=[at(TEXT_B, "We are loading again,")]),
    )
    return [
        Record(
            id=content_id(TEXT_A),
            source=Source(path="a.txt", outlet="Reuters"),
            language="en",
            text=TEXT_A,
            published=Published(date="2023-03-03", origin="metadata"),
            entities=ents_a,
            quotes=[quote_a],
        ),
        Record(
            id=content_id(TEXT_B),
            source=Source(path="b.txt", outlet="Reuters"),
            language="en",
            text=TEXT_B,
            published=Published(date="2023-03-05", origin="metadata"),
            entities=[],
            quotes=[quote_b],
        ),
        _turkish(),
    ]


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("n") / "n.duckdb"
    with Store(path) as store:
        store.write([record_rows(r.to_json_dict()) for r in _records()])
        store.link()
    c = connect(path, read_only=True)
    yield c
    c.close()


def _arts(items: list[dict]) -> set[str]:
    return {i["article_id"] for i in items}


def test_entity_matches_aliases_as_whole_words_not_substrings(con) -> None:
    a = content_id(TEXT_A)
    us = queries.timeline(con, entity="US")
    assert _arts(us) == {a}
    assert queries.entity_members(con, "US") == {(a, "e2")}  # not Russia
    assert queries.entity_members(con, "u.s") == {(a, "e2")}
    assert queries.entity_members(con, "united states") == {(a, "e2")}
    assert queries.entity_members(con, "Russia") == {(a, "e1")}
    assert queries.entity_members(con, "Russ") == set()
    assert queries.entity_members(con, "ussia") == set()


def test_speaker_matches_a_word_of_the_name_or_the_text_of_an_unlinked_speaker(con) -> None:
    assert [q["speaker"] for q in queries.quotes(con, speaker="Karin")] == ["Erlan Karin"]
    assert [q["speaker"] for q in queries.quotes(con, speaker="KARIN")] == ["Erlan Karin"]
    assert queries.quotes(con, speaker="Kar") == []
    # a speaker with no entity is found by its own words
    assert [q["speaker"] for q in queries.quotes(con, speaker="spokeswoman")] == ["the spokeswoman"]
    assert queries.quotes(con, speaker="spokes") == []
    # regex characters are taken literally, and a name with nothing to match finds nothing
    assert queries.quotes(con, speaker="Karin.*") == []
    assert queries.quotes(con, speaker="(") == []
    assert queries.quotes(con, speaker=" . ") == []
    assert queries.timeline(con, entity="...") == []


def test_cli_refuses_an_empty_name_in_one_line(con, run_cli, tmp_path: Path) -> None:
    db = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()[0]
    code, _, err = run_cli("quotes", "--speaker", " ", "--db", db)
    assert code == 2 and err.strip().count("\n") == 0 and "--speaker" in err
    code, _, err = run_cli("timeline", "--entity", ".", "--db", db)
    assert code == 2 and "--entity" in err and "Traceback" not in err


def test_brackets_and_punctuation_are_no_name(con) -> None:
    # the alias lists are stored as JSON: their brackets and quotes are not names
    for junk in ("[", "]", '"', ",", '["', "_"):
        assert queries.quotes(con, speaker=junk) == []
        assert queries.timeline(con, entity=junk) == []
        assert queries.entity_members(con, junk) == set()
    assert queries.word_pattern(con, "[") is None


def test_each_alias_is_matched_on_its_own(con) -> None:
    a = content_id(TEXT_A)
    assert queries.entity_members(con, "U.S.") == {(a, "e2")}
    # the JSON text would put '","' between aliases; nothing matches across two of them
    assert queries.entity_members(con, 'Karin"') == set()
    assert queries.entity_members(con, "Karin\x1fErlan") == set()


def test_query_is_folded_as_the_column_is(con) -> None:
    c = content_id(TEXT_C)
    for name in ("İzmir", "İZMİR", "izmir", "IZMIR"):
        assert queries.entity_members(con, name) == {(c, "e1")}, name
    # a no-break space in the stored name, a plain one (or the same no-break one) asked
    for name in ("Ayşe Demir", "Ayşe\xa0Demir", "ayşe  demir", "Demir"):
        found = queries.quotes(con, speaker=name)
        assert [q["quote"] for q in found] == ["The quays are clear,"], name
    assert [q["quote"] for q in queries.quotes(con, speaker="port official")] == ["Cargo waits,"]
    assert {i["article_id"] for i in queries.timeline(con, entity="Ayşe Demir")} == {c}


def test_cli_refuses_a_bracket_in_one_line(con, run_cli) -> None:
    db = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()[0]
    code, out, err = run_cli("quotes", "--speaker", "[", "--db", db)
    assert code == 2 and out == "" and err.strip().count("\n") == 0 and "--speaker" in err
    code, _, err = run_cli("timeline", "--entity", "]", "--db", db)
    assert code == 2 and err.strip().count("\n") == 0 and "--entity" in err
