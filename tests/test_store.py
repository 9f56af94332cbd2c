"""The writer: tables follow the record, spans survive, a batch is all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from dateline.store.db import ErrorRow, Store, StoreError, connect, split_where
from dateline.store.schema import record_rows
from store_helpers import TEXT_1, records, whole_articles


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.write([record_rows(r.to_json_dict()) for r in records()])
        store.link()
    return path


def test_rows_keep_spans_and_values(db: Path) -> None:
    con = connect(db, read_only=True)
    whole_articles(con)
    (r1,) = [r for r in records() if r.text == TEXT_1]
    got = con.execute(
        "SELECT outlet, headline, published, dateline_place, n_quotes, text FROM articles"
        " WHERE id = ?",
        [r1.id],
    ).fetchone()
    assert got is not None
    assert got[:5] == (
        "Reuters",
        "Varna dockers walk out",
        __import__("datetime").date(2024, 5, 6),
        "VARNA",
        1,
    )
    assert got[5] == TEXT_1
    # every stored span points at its own text in the stored article
    for table, col in (("mentions", "text"), ("timexes", "text")):
        bad = con.execute(
            f'SELECT t.{col}, substring(a.text, t.start + 1, t."end" - t.start) FROM {table} t'
            f" JOIN articles a ON a.id = t.article_id"
            f' WHERE t.{col} <> substring(a.text, t.start + 1, t."end" - t.start)'
        ).fetchall()
        assert bad == [], table
    q = con.execute(
        "SELECT q.speaker_text, q.speaker_entity, q.cue_text, q.content_text, q.content_spans,"
        " q.channel_text, q.date_value, a.text FROM quotes q JOIN articles a ON a.id = q.article_id"
        " WHERE a.id = ?",
        [r1.id],
    ).fetchone()
    assert q is not None
    speaker, entity, cue, content, spans, channel, date, text = q
    assert (speaker, entity, cue, channel, date) == (
        "Ivanov",
        "e1",
        "told",
        "reporters",
        "2024-05-06",
    )
    ((start, end),) = json.loads(spans)
    assert text[start:end] == content == "We will not go back until the offer improves,"
    roles = json.loads(
        con.execute(
            "SELECT roles FROM entities WHERE article_id = ? AND entity_id = 'e1'", [r1.id]
        ).fetchone()[0]
    )
    assert roles[0]["title"] == "leader"
    # the whole record round-trips
    stored = json.loads(
        con.execute("SELECT record FROM articles WHERE id = ?", [r1.id]).fetchone()[0]
    )
    assert stored == r1.to_json_dict()


def test_corpus_entities_join_articles(db: Path) -> None:
    con = connect(db, read_only=True)
    rows = con.execute(
        "SELECT name, type, n_articles, n_mentions FROM corpus_entities ORDER BY name"
    ).fetchall()
    assert rows == [("Petar Ivanov", "PERSON", 3, 6), ("Varna", "GPE", 3, 6)]
    members = con.execute("SELECT count(*) FROM corpus_members").fetchone()
    assert members == (6,)


def test_a_failing_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    good, bad = (record_rows(r.to_json_dict()) for r in records()[:2])
    # a span that is not a number: the insert fails half-way through the batch
    bad["timexes"] = [(*bad["timexes"][0][:3], "not a number", *bad["timexes"][0][4:])]
    with Store(path) as store:
        with pytest.raises(duckdb.Error):
            store.write([good, bad])
        assert store.count("articles") == 0
        assert store.count("entities") == 0
        assert store.known_ids() == set()
        assert store.write([good]) == 1
        whole_articles(store.con)


def test_errors_are_keyed_so_reruns_do_not_repeat_them(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    err = ErrorRow("in/ru.txt", None, "language", "article is in 'ru', not English", "abc123")
    with Store(path) as store:
        store.write([], [err])
        store.write([], [err])
        assert store.count("errors") == 1
        assert "abc123" in store.known_ids()  # refused for good: not parsed again


def test_a_skip_named_two_ways_is_one_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ru.txt").write_text("x")
    reason = "article is in 'ru', not English"
    typed = ErrorRow("in/ru.txt", None, "language", reason, "abc123")
    absolute = ErrorRow(str(tmp_path / "in" / "ru.txt"), None, "language", reason, "abc123")
    with Store(tmp_path / "t.duckdb") as store:
        # a store written before keys were resolved holds the typed path in the key
        store.con.execute(
            "INSERT INTO errors (key, article_id, path, line, code, reason)"
            " VALUES (?, 'abc123', 'in/ru.txt', NULL, 'language', ?)",
            [typed.typed_key, reason],
        )
        store.write([], [typed])
        store.write([], [absolute])
        rows = store.con.execute("SELECT key, path FROM errors").fetchall()
    assert len(rows) == 1
    assert rows[0][0].startswith(str(tmp_path / "in" / "ru.txt"))


def test_split_where_separates_line_numbers() -> None:
    assert split_where("feeds/wire.rss:12") == ("feeds/wire.rss", 12)
    assert split_where("a.txt") == ("a.txt", None)
    assert split_where(None) == (None, None)


def test_missing_or_foreign_database_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        connect(tmp_path / "none.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(StoreError, match="not a dateline database"):
        connect(other, read_only=True)


def test_older_store_version_is_refused(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'store_version'")
    con.close()
    with pytest.raises(StoreError, match="store version 0"):
        connect(db, read_only=True)


def test_writer_refuses_foreign_and_older_files_without_touching_them(
    tmp_path: Path, db: Path
) -> None:
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE articles (x INT)")
    con.execute("INSERT INTO articles VALUES (7)")
    con.close()
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match=r"not a dateline database$"):
        Store(foreign)
    assert foreign.read_bytes() == before
    con = duckdb.connect(str(foreign), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["articles"]
    con.close()
    # a dateline-looking meta over someone else's articles table is still refused
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('store_version', '1')")
    con.close()
    with pytest.raises(StoreError, match="not a dateline database"):
        Store(foreign)
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'store_version'")
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="store version 0"):
        Store(db)
    assert db.read_bytes() == before


def _corpus_tables(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
    ents = con.execute(
        "SELECT id, name, type, aliases, n_articles, n_mentions FROM corpus_entities ORDER BY id"
    ).fetchall()
    members = con.execute("SELECT * FROM corpus_members ORDER BY ALL").fetchall()
    return ents, members


def test_linking_is_incremental_and_agrees_with_a_full_relink(tmp_path: Path) -> None:
    r1, r2, r3 = records()
    with Store(tmp_path / "i.duckdb") as store:
        store.write([record_rows(r.to_json_dict()) for r in (r1, r2)])
        assert store.needs_linking()
        store.link()
        assert not store.needs_linking()
        store.write([record_rows(r3.to_json_dict())])
        assert store.unlinked() == [r3.id]  # only the new article is linked next
        store.link()
        incremental = _corpus_tables(store.con)
        store.link(full=True)
        assert _corpus_tables(store.con) == incremental
    ents, members = incremental
    ivanov = [e for e in ents if e[1] == "Petar Ivanov"]
    assert len(ivanov) == 1 and ivanov[0][4] == 3  # one actor, in all three articles
    assert ivanov[0][5] == 6  # two mentions in each article, summed
    assert {m[1] for m in members if m[0] == ivanov[0][0]} == {r1.id, r2.id, r3.id}
