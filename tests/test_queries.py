"""The analysts' questions over a small hand-made corpus, through the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from dateline.read.article import content_id
from dateline.store import queries
from dateline.store.db import Store, connect
from dateline.store.export import export
from dateline.store.schema import record_rows
from store_helpers import TEXT_1, TEXT_2, TEXT_3, records

ID1, ID2, ID3 = (content_id(t) for t in (TEXT_1, TEXT_2, TEXT_3))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with Store(path) as store:
        store.write([record_rows(r.to_json_dict()) for r in records()])
        store.link()
    return path


@pytest.fixture
def con(db: Path) -> duckdb.DuckDBPyConnection:
    c = connect(db, read_only=True)
    yield c
    c.close()


def test_quotes_name_the_linked_speaker_with_date_outlet_and_article(con) -> None:
    got = queries.quotes(con, speaker="ivanov")
    assert [
        (q["speaker"], q["date"], q["date_origin"], q["outlet"], q["article_id"]) for q in got
    ] == [
        ("Petar Ivanov", "2024-05-06", "statement", "Reuters", ID1),
        ("Petar Ivanov", "2024-05-08", "article", "Reuters", ID2),
    ]
    first = got[0]
    assert first["quote"] == "We will not go back until the offer improves,"
    assert first["cue"] == "told" and first["channel"] == "reporters"
    ((start, end),) = first["content_spans"]
    assert TEXT_1[start:end] == first["quote"]


def test_quote_filters(con) -> None:
    assert [q["article_id"] for q in queries.quotes(con, contains="INSULT")] == [ID2]
    assert [q["article_id"] for q in queries.quotes(con, since="2024-05-07")] == [ID2]
    assert [q["article_id"] for q in queries.quotes(con, until="2024-05-06")] == [ID1]
    assert queries.quotes(con, speaker="nobody") == []
    # LIKE wildcards in a name are taken literally
    assert queries.quotes(con, speaker="%") == []


def test_timeline_is_in_calendar_order_with_sources(con) -> None:
    got = queries.timeline(con, entity="Petar Ivanov")
    assert [(i["date"], i["kind"], i["article_id"]) for i in got] == [
        ("2024-05-06", "article", ID1),
        ("2024-05-06", "statement", ID1),
        ("2024-05-06", "timex", ID1),
        ("2024-05-07", "timex", ID2),
        ("2024-05-08", "article", ID2),
        ("2024-05-08", "statement", ID2),
        ("2024-05-10", "article", ID3),
    ]
    may7 = got[3]
    assert may7["evidence"] == "May 7"
    assert TEXT_2[may7["span"][0] : may7["span"][1]] == "May 7"
    assert "5% offer made on May 7" in may7["text"]
    # the TASS dateline has no year: it is borrowed from the nearest dated article, and said so
    assert got[-1]["year_inferred"] is True
    assert not any(i["year_inferred"] for i in got[:-1])
    # PRESENT_REF and other non-calendar values are not in a calendar
    assert all(i["evidence"] != "at once" for i in got)


def test_timeline_bounds_and_unknown_entity(con) -> None:
    got = queries.timeline(con, since="2024-05-07", until="2024-05-08")
    assert {i["date"] for i in got} == {"2024-05-07", "2024-05-08"}
    assert queries.timeline(con, entity="Atlantis") == []


def test_entities_with_roles_aliases_and_counts(con) -> None:
    got = queries.entities(con, type_="person")
    assert len(got) == 1
    ent = got[0]
    assert (ent["name"], ent["articles"], ent["mentions"], ent["aliases"]) == (
        "Petar Ivanov",
        3,
        6,
        ["Ivanov"],
    )
    assert queries.role_text(ent["roles"][0]) == "leader, the dockers' union"
    assert [e["name"] for e in queries.entities(con, name="varn")] == ["Varna"]


def test_show_by_prefix_and_corpus_id(con) -> None:
    assert queries.show(con, ID1[:6])["text"] == TEXT_1
    ent_id = queries.entities(con, type_="GPE")[0]["id"]
    shown = queries.show(con, ent_id)
    assert shown["name"] == "Varna"
    assert {m["article_id"] for m in shown["members"]} == {ID1, ID2, ID3}
    with pytest.raises(queries.NotFound):
        queries.show(con, "ffffffffffffffff")
    with pytest.raises(queries.NotFound):
        queries.show(con, "not-hex!")


def test_export_every_format(con, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "jsonl"):
        files = export(con, fmt, tmp_path / fmt)
        assert (tmp_path / fmt / f"quotes.{fmt}") in files
    check = duckdb.connect()
    n = check.execute(f"SELECT count(*) FROM '{tmp_path}/parquet/mentions.parquet'").fetchone()
    assert n == (6 * 1,) or n[0] == con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    lines = (tmp_path / "jsonl" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == sorted([ID1, ID2, ID3])
    header = (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,path,line,url,outlet")


def test_cli_json_composes_and_errors_are_one_line(db: Path, run_cli, tmp_path: Path) -> None:
    code, out, _ = run_cli("quotes", "--db", str(db), "--speaker", "Ivanov", "--json")
    assert code == 0
    assert [q["article_id"] for q in json.loads(out)] == [ID1, ID2]
    code, out, _ = run_cli("timeline", "--db", str(db), "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run_cli("entities", "--db", str(db), "--json")
    assert code == 0 and {e["name"] for e in json.loads(out)} == {"Petar Ivanov", "Varna"}
    code, out, _ = run_cli("show", ID2, "--db", str(db))
    assert code == 0 and json.loads(out)["id"] == ID2
    code, out, _ = run_cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--json")
    assert code == 0 and json.loads(out) == [{"n": 3}]
    code, out, _ = run_cli("quotes", "--db", str(db))
    assert code == 0 and "Petar Ivanov" in out  # a table for people
    code, _, err = run_cli("quotes", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "no database" in err
    code, _, err = run_cli("timeline", "--db", str(db), "--since", "May 6")
    assert code == 2 and "--since" in err


def test_sql_is_read_only(db: Path, run_cli, tmp_path: Path) -> None:
    code, _, err = run_cli("sql", "DELETE FROM articles", "--db", str(db))
    assert code == 2 and err.count("\n") == 1
    target = tmp_path / "leak.csv"
    code, _, err = run_cli("sql", f"COPY articles TO '{target}'", "--db", str(db))
    assert code == 2 and not target.exists()
    code, out, _ = run_cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--json")
    assert json.loads(out) == [{"n": 3}]


def test_sql_keeps_repeated_columns_limits_and_refuses_empty(db: Path, run_cli) -> None:
    code, out, _ = run_cli("sql", "SELECT 1 AS a, 2 AS a, 3 AS b", "--db", str(db), "--json")
    assert code == 0 and json.loads(out) == [{"a": 1, "a_1": 2, "b": 3}]
    code, out, _ = run_cli(
        "sql", "SELECT id FROM articles ORDER BY id", "--db", str(db), "--json", "--limit", "2"
    )
    assert code == 0 and [r["id"] for r in json.loads(out)] == sorted([ID1, ID2, ID3])[:2]
    for empty in ("", "  ;  ", "-- nothing"):
        code, _, err = run_cli("sql", "--db", str(db), "--", empty)
        assert (code, err.strip()) == (2, "dateline: error: sql: empty query")


def test_impossible_date_bounds_are_refused(db: Path, run_cli) -> None:
    for bad in ("2022-13-45", "2022-02-30", "2022-00", "22-01-01"):
        for cmd in ("quotes", "timeline"):
            code, _, err = run_cli(cmd, "--db", str(db), "--since", bad)
            assert code == 2 and "--since: not an ISO date" in err, (cmd, bad)
    code, _, _ = run_cli("quotes", "--db", str(db), "--until", "2024-02-29", "--json")
    assert code == 0


TEXT_4 = (
    "Varna cranes idle\n"
    "VARNA, May 9. /TASS/. Petar Ivanov told reporters the union would meet again in Varna.\n"
    '"We are ready to talk," Ivanov said.'
)


def test_year_less_quote_dates_take_the_timeline_year_before_bounds(tmp_path: Path) -> None:
    from store_helpers import _record

    tass = _record(
        TEXT_4,
        "in/r4.txt",
        "TASS",
        None,
        ("VARNA, May 9. /TASS/.", "VARNA", "XXXX-05-09"),
        ("We are ready to talk,", "said", "Ivanov", None),
        None,
    )
    id4 = content_id(TEXT_4)
    path = tmp_path / "y.duckdb"
    with Store(path) as store:
        store.write([record_rows(r.to_json_dict()) for r in [*records(), tass]])
    con = connect(path, read_only=True)
    try:
        every = queries.quotes(con)
        assert [(q["date"], q["year_inferred"], q["article_id"]) for q in every] == [
            ("2024-05-06", False, ID1),
            ("2024-05-08", False, ID2),
            ("2024-05-09", True, id4),
        ]
        bounded = queries.quotes(con, since="2024-05-08", until="2024-05-09")
        assert [q["article_id"] for q in bounded] == [ID2, id4]
        assert [q["article_id"] for q in queries.quotes(con, since="2024-05-09")] == [id4]
        assert [q["article_id"] for q in queries.quotes(con, until="2024-05-08")] == [ID1, ID2]
        assert queries.quotes(con, limit=1)[0]["article_id"] == ID1
        statement = [i for i in queries.timeline(con) if i["kind"] == "statement"]
        assert [(i["date"], i["year_inferred"]) for i in statement][-1] == ("2024-05-09", True)
    finally:
        con.close()
