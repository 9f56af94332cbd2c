"""The DuckDB database: opening it, and the one writer's atomic, idempotent inserts.

Crash safety rests on DuckDB transactions: every row of an article is written in the
same transaction as its ``articles`` row, so after a crash (even ``kill -9``) DuckDB's
write-ahead log replays whole committed transactions only. Idempotency rests on the
article id, a hash of the text: the ids already stored are skipped before any parsing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dateline.store.schema import (
    ARTICLE_TABLES,
    MIGRATIONS,
    STORE_VERSION,
    TABLES,
    Row,
    columns,
    ddl,
    legacy_key,
    place,
)

DEFAULT_DB = "dateline.duckdb"


class StoreError(Exception):
    """The database cannot be used; the message is one line for the user."""


@dataclass
class ErrorRow:
    """A document that was skipped, and why."""

    path: str | None
    line: int | None
    code: str
    reason: str
    article_id: str | None = None

    @property
    def key(self) -> str:
        """The file named as sources name it (resolved), so ``in/a.txt`` typed from two
        directories, or once relative and once absolute, is one skip, not two."""
        return self._key(place(self.path))

    @property
    def typed_key(self) -> str:
        """The key with the path as given, as stores written before resolution hold it."""
        return self._key(self.path)

    def _key(self, path: str | None) -> str:
        return f"{path or '<stdin>'}:{self.line or 0}:{self.code}:{self.article_id or ''}"


_WHERE_LINE = re.compile(r"^(.*):(\d+)$")


def split_where(where: str | None, line: int | None = None) -> tuple[str | None, int | None]:
    """Readers name an item inside a file as ``path:N``; store path and line apart."""
    if where and line is None:
        m = _WHERE_LINE.match(where)
        if m and not os.path.exists(where):
            return m.group(1), int(m.group(2))
    return where, line


def connect(
    path: str | Path, *, read_only: bool = False, sandbox: bool = False
) -> duckdb.DuckDBPyConnection:
    """Open the database; a missing file for reading, or a lock, is one clear line."""
    path = str(path)
    if read_only and not os.path.exists(path):
        raise StoreError(f"no database at {path} (make one with: dateline ingest PATH --db {path})")
    config: dict[str, Any] = {}
    if sandbox:
        config["enable_external_access"] = False
    try:
        con = duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        msg = str(exc).splitlines()[0]
        if "lock" in msg.lower():
            raise StoreError(f"{path} is in use by another dateline process") from None
        raise StoreError(f"cannot open {path}: {msg}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path}: {str(exc).splitlines()[0]}") from None
    if read_only and store_version(con, path) in MIGRATIONS:
        # An older store is brought up to date once (a short write), then read as usual.
        con.close()
        with Store(path):
            pass
        return connect(path, read_only=True, sandbox=sandbox)
    if read_only:
        check_version(con, path)
    return con


def store_version(con: duckdb.DuckDBPyConnection, path: str) -> str:
    """The version a dateline store was written with; anything else is one clear line."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
    except (duckdb.CatalogException, duckdb.BinderException):
        raise StoreError(f"{path} is not a dateline database") from None
    if row is None:
        raise StoreError(f"{path} is not a dateline database")
    return str(row[0])


def check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    found = store_version(con, path)
    if found != STORE_VERSION:
        raise StoreError(
            f"{path} has store version {found}, this dateline writes {STORE_VERSION};"
            " ingest into a new database file"
        )


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Bring an older store to this version in place, one transaction per step; a crash
    part-way leaves the store at the last whole step, and the next open goes on.

    Says so in one line on stderr: an older dateline refuses the file from then on, so a
    migration (even by a read command) must not pass unnoticed.
    """
    version = first = store_version(con, path)
    while version in MIGRATIONS:
        target, statements = MIGRATIONS[version]
        con.execute("BEGIN")
        try:
            for stmt in statements:
                con.execute(stmt)
            con.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", [target])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        version = target
    if version != first:
        print(f"dateline: migrated store v{first} -> v{version}: {path}", file=sys.stderr)


class Store:
    """The single writer. Use as a context manager; every ``write`` is one transaction."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        self.write_seconds = 0.0
        self.con = connect(self.path)
        # The writer inserts small batches; leave the cores to the parsing workers.
        self.con.execute("SET threads = 1")
        try:
            self._check_before_writing()
        except BaseException:
            self.con.close()
            raise
        self.con.execute("BEGIN")
        for stmt in ddl():
            self.con.execute(stmt)
        self.con.execute(
            "INSERT INTO meta VALUES ('store_version', ?) ON CONFLICT DO NOTHING", [STORE_VERSION]
        )
        self.con.execute("COMMIT")
        # Start from an empty write-ahead log: from here on it holds whole articles only.
        self.con.execute("CHECKPOINT")
        check_version(self.con, self.path)

    def _check_before_writing(self) -> None:
        """Refuse a foreign DuckDB file or an older store before writing a byte into it.

        An empty file is a new store; one with tables must already be a dateline store
        of this version.
        """
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchone()
        if not (found and found[0]):
            return
        old = store_version(self.con, self.path) in MIGRATIONS
        if not old:
            check_version(self.con, self.path)
        have: dict[str, set[str]] = {}
        for table, column in self.con.execute(
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall():
            have.setdefault(table, set()).add(column)
        for table, cols in TABLES.items():
            if table in have and not {c for c, _ in cols} <= have[table]:
                raise StoreError(f"{self.path} is not a dateline database (table {table})")
        if old:  # its tables are those of a dateline store: migrate before writing
            migrate(self.con, self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def known_ids(self) -> set[str]:
        """Articles already stored, and articles refused for good (e.g. language).

        An article whose worker died (code ``worker``) or that met a bug of ours
        (``internal``) is tried again by the next run: neither is a verdict on the
        article, and a fixed dateline should store it.
        """
        rows = self.con.execute(
            "SELECT id FROM articles UNION SELECT article_id FROM errors"
            " WHERE article_id IS NOT NULL AND code NOT IN ('worker', 'internal')"
        ).fetchall()
        return {r[0] for r in rows}

    def stored_ids(self) -> set[str]:
        """Articles in the ``articles`` table (a new sighting of one is a ``sources`` row)."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(table)
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]

    def _insert(self, table: str, rows: Sequence[Row]) -> None:
        """Column-wise insert: one statement per table, far cheaper than executemany."""
        if not rows:
            return
        cols = columns(table)
        names = ", ".join(f'"{c}"' for c in cols)
        values = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
        data = [list(col) for col in zip(*rows, strict=True)]
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {values}", data)

    def _insert_sources(self, rows: Sequence[Row]) -> None:
        """Sightings not stored yet: neither their key nor the key a store written before
        paths were resolved gave them (:func:`~dateline.store.schema.legacy_key`) is there."""
        if not rows:
            return
        cols = columns("sources")
        names = ", ".join(f'"{c}"' for c in cols)
        values = ", ".join(f'unnest(${i + 1}) AS "{c}"' for i, c in enumerate(cols))
        data = [list(col) for col in zip(*rows, strict=True)]
        data.append([legacy_key(r) for r in rows])
        self.con.execute(
            f"INSERT INTO sources ({names}) SELECT {names} FROM"
            f" (SELECT {values}, unnest(${len(cols) + 1}) AS legacy)"
            " WHERE legacy NOT IN (SELECT key FROM sources) ON CONFLICT DO NOTHING",
            data,
        )

    def write(
        self,
        articles: Iterable[dict[str, list[Row]]],
        errors: Iterable[ErrorRow] = (),
        sources: Iterable[Row] = (),
    ) -> int:
        """Store whole articles (and skips, and new sightings of stored articles) in one
        transaction; returns articles written. A sighting already stored is not repeated."""
        batch: dict[str, list[Row]] = {t: [] for t in ARTICLE_TABLES}
        seen: dict[str, Row] = {}
        n = 0
        for rows in articles:
            n += 1
            for table in ARTICLE_TABLES:
                batch[table].extend(rows.get(table, ()))
            for row in rows.get("sources", ()):
                seen.setdefault(row[0], row)
        for row in sources:
            seen.setdefault(row[0], row)
        errs = list(errors)
        t0 = time.perf_counter()
        self.con.execute("BEGIN")
        try:
            for table in ARTICLE_TABLES:
                self._insert(table, batch[table])
            self._insert_sources(list(seen.values()))
            # the same refusal of the same text under its older, unresolved key; only with
            # an article id, since a bare relative path may name another directory's file
            stale = [e.typed_key for e in errs if e.article_id and e.typed_key != e.key]
            if stale:
                self.con.execute("DELETE FROM errors WHERE key IN (SELECT unnest($1))", [stale])
            for err in errs:
                self.con.execute(
                    "INSERT INTO errors (key, article_id, path, line, code, reason)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                    ' reason = excluded.reason, "at" = now()',
                    [err.key, err.article_id, err.path, err.line, err.code, err.reason],
                )
            if n:  # a skip recorded by an earlier run (e.g. a dead worker) is now stale
                self.con.execute(
                    "DELETE FROM errors WHERE article_id IN (SELECT unnest($1))",
                    [[row[0] for row in batch["articles"]]],
                )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self.write_seconds += time.perf_counter() - t0
        return n

    def unlinked(self) -> list[str]:
        """Stored articles with entities that no corpus entity counts among its members yet."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE n_entities > 0 AND id NOT IN"
            " (SELECT DISTINCT article_id FROM corpus_members) ORDER BY id"
        ).fetchall()
        return [r[0] for r in rows]

    def needs_linking(self) -> bool:
        return bool(self.unlinked())

    def _corpus(self) -> list[Any]:
        """The corpus entities as stored, ready for the linker to continue from."""
        from dateline.corpus.entities import CorpusEntity
        from dateline.record import Role

        members: dict[str, list[tuple[str, str]]] = {}
        for cid, aid, eid in self.con.execute(
            "SELECT corpus_entity_id, article_id, entity_id FROM corpus_members"
        ).fetchall():
            members.setdefault(cid, []).append((aid, eid))
        out = []
        for cid, name, type_, aliases, roles, n_mentions, evidence in self.con.execute(
            "SELECT id, name, type, aliases, roles, n_mentions, evidence FROM corpus_entities"
        ).fetchall():
            out.append(
                CorpusEntity(
                    id=cid,
                    name=name,
                    type=type_,
                    aliases=json.loads(aliases) if aliases else [],
                    roles=[Role.model_validate(r) for r in json.loads(roles or "[]")],
                    members=members.get(cid, []),
                    evidence=json.loads(evidence) if evidence else [],
                    mentions=n_mentions or 0,
                )
            )
        return out

    def link(self, full: bool = False) -> int:
        """Link the articles not linked yet into the corpus entities, in one transaction.

        Incremental: the linker continues from the stored corpus entities and sees only
        the new articles' entities, so an ingest pays for what it added, not for the
        whole database. Only the corpus entities that gained members are rewritten.
        ``full`` relinks every article from scratch. Returns how many corpus entities there are.
        """
        from pydantic import TypeAdapter

        from dateline.corpus.entities import link_entities
        from dateline.record import Entity
        from dateline.store.schema import json_cell  # one JSON encoder, as for the article rows

        # parsed and validated in one step by pydantic (a third cheaper than json.loads
        # followed by Entity.model_validate for each entity)
        entity_list = TypeAdapter(list[Entity])

        corpus = [] if full else self._corpus()
        before = {id(ce): (ce.id, len(ce.members)) for ce in corpus}
        todo = self.unlinked() if not full else None
        query = "SELECT id, record->'entities' FROM articles"
        params: list[Any] = []
        if todo is not None:
            query += " WHERE id IN (SELECT unnest($1))"
            params = [todo]
        pairs: list[tuple[str, Entity]] = []
        cur = self.con.execute(query + " ORDER BY id", params)
        while chunk := cur.fetchmany(1000):
            for aid, ents in chunk:
                for e in entity_list.validate_json(ents) if ents else []:
                    pairs.append((aid, e))
        linked = link_entities(pairs, corpus)
        touched = [ce for ce in linked if before.get(id(ce), ("", -1))[1] != len(ce.members)]
        changed = {ce.id for ce in touched}
        stale = {before[id(ce)][0] for ce in touched if id(ce) in before}
        every = list(linked)
        merged = [ce for ce in every if ce.id in changed]
        ent_rows: list[Row] = []
        member_rows: list[Row] = []
        for ce in merged:
            members = list(dict.fromkeys(ce.members))
            ent_rows.append(
                (
                    ce.id,
                    ce.name,
                    ce.type,
                    json_cell(ce.aliases),
                    json_cell([r.model_dump(mode="json") for r in ce.roles]),
                    len({aid for aid, _ in members}),
                    ce.mentions,
                    json_cell(ce.evidence),
                )
            )
            member_rows.extend((ce.id, aid, eid) for aid, eid in members)
        gone = sorted(stale | changed) if not full else None
        self.con.execute("BEGIN")
        try:
            if gone is None:
                self.con.execute("DELETE FROM corpus_members")
                self.con.execute("DELETE FROM corpus_entities")
            elif gone:
                self.con.execute(
                    "DELETE FROM corpus_members WHERE corpus_entity_id IN (SELECT unnest($1))",
                    [gone],
                )
                self.con.execute(
                    "DELETE FROM corpus_entities WHERE id IN (SELECT unnest($1))", [gone]
                )
            self._insert("corpus_entities", ent_rows)
            self._insert("corpus_members", member_rows)
            self.con.execute(
                "INSERT INTO meta VALUES ('linked_at', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [dt.datetime.now(dt.UTC).isoformat(timespec="seconds")],
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(every)

