"""The timeline is filtered, ordered and cut in SQL: the same answer as filtering the
whole timeline, including year-less dates whose year is learnt from other articles."""

from __future__ import annotations

import duckdb
import pytest

from dateline.store import queries
from dateline.store.db import Store, connect
from dateline.store.schema import record_rows
from store_helpers import _record, records

TEXT_4 = (
    "Varna cranes idle\n"
    "VARNA, May 9. /TASS/. Petar Ivanov told reporters the union would meet again on May 12"
    " in Varna.\n"
    '"We are ready to talk," Ivanov said.'
)


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    tass = _record(
        TEXT_4,
        "in/r4.txt",
        "TASS",
        None,
        ("VARNA, May 9. /TASS/.", "VARNA", "XXXX-05-09"),
        ("We are ready to talk,", "said", "Ivanov", None),
        ("May 12", "XXXX-05-12"),
    )
    path = tmp_path_factory.mktemp("t") / "t.duckdb"
    with Store(path) as store:
        store.write([record_rows(r.to_json_dict()) for r in [*records(), tass]])
        store.link()
    c = connect(path, read_only=True)
    yield c
    c.close()


def _key(i: dict) -> tuple:
    return (i["date"], i["kind"], i["article_id"], tuple(i["span"] or ()))


@pytest.mark.parametrize("entity", [None, "Ivanov", "Varna"])
def test_limit_and_bounds_agree_with_the_whole_timeline(con, entity: str | None) -> None:
    whole = queries.timeline(con, entity)
    assert [i["date"] for i in whole] == sorted(i["date"] for i in whole)
    inferred = [(i["date"], i["kind"]) for i in whole if i["year_inferred"]]
    # the TASS dateline, Ivanov's statement and the year-less "May 12" all take 2024
    assert ("2024-05-09", "article") in inferred and ("2024-05-12", "timex") in inferred
    if entity != "Varna":  # a place says nothing
        assert ("2024-05-09", "statement") in inferred
    for n in range(1, len(whole) + 1):
        assert [_key(i) for i in queries.timeline(con, entity, limit=n)] == [
            _key(i) for i in whole[:n]
        ]
    for since, until in [("2024-05-08", None), (None, "2024-05-08"), ("2024-05", "2024-05-09")]:
        expect = [
            _key(i)
            for i in whole
            if (not since or i["date"] >= since) and (not until or i["date"][: len(until)] <= until)
        ]
        got = queries.timeline(con, entity, since=since, until=until)
        assert [_key(i) for i in got] == expect
        assert [_key(i) for i in queries.timeline(con, entity, since, until, limit=2)] == expect[:2]
    assert queries.timeline(con, entity, since="2031") == []


def test_quote_limits_agree_with_the_whole_list(con) -> None:
    whole = queries.quotes(con)
    assert [q["date"] for q in whole] == ["2024-05-06", "2024-05-08", "2024-05-09"]
    for n in range(1, 4):
        assert queries.quotes(con, limit=n) == whole[:n]
    assert [q["date"] for q in queries.quotes(con, since="2024-05-09")] == ["2024-05-09"]
