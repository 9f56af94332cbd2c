"""Export every table as Parquet, CSV or JSON lines, so other engines can read the corpus.

DuckDB writes the files itself (``COPY``), so Parquet needs no extra library. JSON-lines
exports also write ``records.jsonl``: the whole records, one per line, as ``analyze``
prints them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from dateline.store.schema import TABLES

FORMATS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)", "jsonl": "(FORMAT json)"}


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path) -> list[Path]:
    """Write one file per table into ``out`` (created if needed); returns the files."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for table in TABLES:
        if table == "meta":
            continue
        target = out / f"{table}.{fmt}"
        order = "id" if table in ("articles", "corpus_entities") else "ALL"
        if table == "errors":
            order = "path, line"
        path = str(target).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{path}' {FORMATS[fmt]}")
        files.append(target)
    if fmt == "jsonl":
        target = out / "records.jsonl"
        with target.open("w", encoding="utf-8") as fh:
            cur = con.execute("SELECT CAST(record AS VARCHAR) FROM articles ORDER BY id")
            while chunk := cur.fetchmany(500):
                for (record,) in chunk:
                    fh.write(record + "\n")
        files.append(target)
    return files
