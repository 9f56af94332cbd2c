"""One story, several outlets: every sighting of a stored text is kept, once."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from spacy.language import Language

from dateline.read.article import content_id
from dateline.store import queries
from dateline.store.db import Store, StoreError, connect
from dateline.store.ingest import ingest
from dateline.store.schema import record_rows
from store_helpers import records, whole_articles

STORY = (
    "Port strike ends in Gdansk\n\n"
    "GDANSK, June 4 (Reuters) - Dockworkers in Gdansk returned to work on Tuesday after the"
    " union accepted a new pay offer, union leader Marek Nowak said.\n\n"
    '"The cranes are moving again," Nowak told reporters.\n'
)


def _line(outlet: str, url: str, date: str, text: str = STORY) -> str:
    return json.dumps({"text": text, "outlet": outlet, "url": url, "published": date})


def test_a_reprinted_story_is_analyzed_once_and_every_outlet_kept(
    nlp: Language, tmp_path: Path, run_cli
) -> None:
    first = tmp_path / "wire.jsonl"
    first.write_text(
        _line("Reuters", "https://wire.example/gdansk", "2024-06-04")
        + "\n"
        + _line("Baltic Daily", "https://baltic.example/strike", "2024-06-05")
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    stats = ingest([str(first)], db)
    assert (stats.added, stats.duplicates) == (1, 1)
    again = ingest([str(first)], db)  # idempotent: nothing new, no row repeated
    assert (again.added, again.known) == (0, 2)
    later = tmp_path / "later.jsonl"
    later.write_text(_line("Harbour Post", "https://harbour.example/1", "2024-06-06") + "\n")
    stats = ingest([str(later)], db)  # already stored: a new source, no second analysis
    assert (stats.added, stats.known) == (0, 1)
    aid = content_id(STORY)
    con = connect(db, read_only=True)
    try:
        whole_articles(con)
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        got = con.execute(
            "SELECT outlet, url, CAST(published AS VARCHAR), line FROM sources"
            " WHERE article_id = ? ORDER BY published",
            [aid],
        ).fetchall()
        assert got == [
            ("Reuters", "https://wire.example/gdansk", "2024-06-04", 1),
            ("Baltic Daily", "https://baltic.example/strike", "2024-06-05", 2),
            ("Harbour Post", "https://harbour.example/1", "2024-06-06", 1),
        ]
        shown = queries.show(con, aid[:8])
        assert [s["outlet"] for s in shown["sources"]] == [
            "Reuters",
            "Baltic Daily",
            "Harbour Post",
        ]
        assert shown["source"]["outlet"] == "Reuters"  # the record itself is unchanged
        said = queries.quotes(con, speaker="Nowak")
        # one row per statement (here an indirect and a direct one), not one per outlet
        assert sorted(q["quote_id"] for q in said) == ["q1", "q2"]
        assert {q["outlet"] for q in said} == {"Reuters"}  # the first seen
        assert all(q["n_sources"] == 3 for q in said)
        assert all(q["other_outlets"] == ["Baltic Daily", "Harbour Post"] for q in said)
        items = queries.timeline(con, entity="Gdansk")
        assert {i["outlet"] for i in items} == {"Reuters"}
        assert all(i["n_sources"] == 3 for i in items)
    finally:
        con.close()
    code, out, _ = run_cli("show", aid, "--db", str(db))
    assert code == 0 and len(json.loads(out)["sources"]) == 3


def test_a_refused_text_seen_twice_leaves_no_source_behind(nlp: Language, tmp_path: Path) -> None:
    russian = (
        "Портовые рабочие Гданьска в среду вернулись к работе после того, как профсоюз принял"
        " новое предложение по заработной плате, сообщил председатель профсоюза Марек Новак."
        " Краны снова работают, сказал он журналистам."
    )
    src = tmp_path / "ru.jsonl"
    src.write_text(
        _line("A", "https://a.example/1", "2024-06-04", russian)
        + "\n"
        + _line("B", "https://b.example/1", "2024-06-04", russian)
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "r.duckdb"
    stats = ingest([str(src)], db)
    assert (stats.added, stats.errors, stats.duplicates) == (0, 1, 1)
    con = connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM sources").fetchone() == (0,)
        assert con.execute("SELECT code FROM errors").fetchall() == [("language",)]
    finally:
        con.close()


def _old_store(path: Path) -> None:
    """A store as the previous version wrote it: no sources table, version 1."""
    with Store(path) as store:
        store.write([record_rows(r.to_json_dict()) for r in records()])
        store.link()
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE sources")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    con.close()


def test_a_version_1_store_is_migrated_when_read_and_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db)
    con = connect(db, read_only=True)  # a query command migrates it first
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone() == (
            "2",
        )
        whole_articles(con)
        got = con.execute(
            "SELECT s.outlet, s.path, CAST(s.published AS VARCHAR) FROM sources s"
            " JOIN articles a ON a.id = s.article_id ORDER BY s.path"
        ).fetchall()
        assert got == [
            ("Reuters", "in/r1.txt", "2024-05-06"),
            ("Reuters", "in/r2.txt", "2024-05-08"),
            ("TASS", "in/r3.txt", None),
        ]
        assert con.execute("SELECT count(*) FROM corpus_entities").fetchone() == (2,)
    finally:
        con.close()


def test_a_version_1_store_is_migrated_by_the_writer_and_rewrites_nothing(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db)
    with Store(db) as store:
        assert store.count("sources") == 3
        # writing the same articles again adds no sighting: the migrated keys match
        store.write(
            [], [], [row for r in records() for row in record_rows(r.to_json_dict())["sources"]]
        )
        assert store.count("sources") == 3
        assert store.count("articles") == 3


def test_a_store_too_old_or_too_new_is_still_refused(tmp_path: Path) -> None:
    db = tmp_path / "odd.duckdb"
    _old_store(db)
    for version in ("0", "9"):
        con = duckdb.connect(str(db))
        con.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", [version])
        con.close()
        with pytest.raises(StoreError, match=f"store version {version}"):
            connect(db, read_only=True)


def test_one_file_named_two_ways_is_one_sighting(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire = tmp_path / "in" / "gdansk.txt"
    wire.parent.mkdir()
    wire.write_text(STORY, encoding="utf-8")
    db = tmp_path / "p.duckdb"
    monkeypatch.chdir(tmp_path)
    assert ingest(["in"], db).added == 1  # relative, as typed in a shell
    again = ingest([str(wire), "./in/../in/gdansk.txt"], db)  # absolute, and roundabout
    assert (again.added, again.known) == (0, 2)
    con = connect(db, read_only=True)
    try:
        # one row, showing the path as it was first given
        assert con.execute("SELECT path FROM sources").fetchall() == [("in/gdansk.txt",)]
        said = queries.quotes(con, speaker="Nowak")
        assert said and all(q["n_sources"] == 1 for q in said)
    finally:
        con.close()


def test_a_store_keyed_before_paths_were_resolved_gets_no_double_on_rerun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.store.schema import source_row

    monkeypatch.chdir(tmp_path)
    row = source_row("a" * 16, "in/r1.txt", None, None, "Reuters", "text", "2024-05-06")
    assert row[0].split("\x1f")[1] == str(tmp_path.resolve() / "in" / "r1.txt")
    old = ("a" * 16 + "\x1fin/r1.txt\x1f\x1f\x1fReuters\x1f2024-05-06", *row[1:])
    db = tmp_path / "k.duckdb"
    with Store(db) as store:
        store.write([], [], [old])
        store.write([], [], [row])  # the same sighting, keyed the new way: not added
        assert store.count("sources") == 1
        store.write([], [], [source_row("a" * 16, "-", None, None, "Reuters", "text", None)])
        assert store.count("sources") == 2


def test_a_read_command_says_once_that_it_migrated_the_store(tmp_path: Path, run_cli) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db)
    code, out, err = run_cli("quotes", "--db", str(db), "--json")
    assert code == 0 and json.loads(out)
    assert err.splitlines() == [f"dateline: migrated store v1 -> v2: {db}"]
    code, _, err = run_cli("timeline", "--db", str(db), "--json")
    assert code == 0 and "migrated" not in err  # once: the store is now version 2
