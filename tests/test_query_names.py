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
