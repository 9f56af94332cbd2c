"""The store's tables, and how one record becomes rows of them.

The whole JSON record is kept (``articles.record``) so nothing is lost when the record
grows; the other tables are normalised views of it for SQL. Row builders read the
record as a JSON dict with ``.get`` so that fields added to the record later do not
break ingest. Documented in docs/store.md.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

STORE_VERSION = "2"
"""Bumped when a table changes shape. An older store is migrated when opened (see
:data:`MIGRATIONS`); one too old or too new to migrate is refused with a clear line."""

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR PRIMARY KEY"),
        ("path", "VARCHAR"),
        ("line", "INTEGER"),
        ("url", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("format", "VARCHAR"),
        ("headline", "VARCHAR"),
        ("dek", "VARCHAR"),
        ("published", "DATE"),
        ("published_origin", "VARCHAR"),
        ("dateline", "VARCHAR"),
        ("dateline_place", "VARCHAR"),
        ("dateline_date", "VARCHAR"),
        ("dateline_agency", "VARCHAR"),
        ("language", "VARCHAR"),
        ("text", "VARCHAR"),
        ("n_entities", "INTEGER"),
        ("n_mentions", "INTEGER"),
        ("n_quotes", "INTEGER"),
        ("n_timexes", "INTEGER"),
        ("schema_version", "VARCHAR"),
        ("record", "JSON"),
        ("ingested_at", "TIMESTAMP DEFAULT current_timestamp"),
    ],
    "entities": [
        ("article_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("aliases", "JSON"),
        ("roles", "JSON"),
        ("n_mentions", "INTEGER"),
    ],
    "mentions": [
        ("article_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("kind", "VARCHAR"),
    ],
    "quotes": [
        ("article_id", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("type", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_entity", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("cue_text", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("content_text", "VARCHAR"),
        ("content_spans", "JSON"),
        ("channel_text", "VARCHAR"),
        ("channel_start", "INTEGER"),
        ("channel_end", "INTEGER"),
        ("date_value", "VARCHAR"),
        ("date_timex", "VARCHAR"),
    ],
    "timexes": [
        ("article_id", "VARCHAR"),
        ("timex_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("type", "VARCHAR"),
        ("value", "VARCHAR"),
        ("anchor", "VARCHAR"),
    ],
    "sources": [
        ("key", "VARCHAR PRIMARY KEY"),
        ("article_id", "VARCHAR"),
        ("path", "VARCHAR"),
        ("line", "INTEGER"),
        ("url", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("format", "VARCHAR"),
        ("published", "DATE"),
        ("seen_at", "TIMESTAMP DEFAULT current_timestamp"),
    ],
    "corpus_entities": [
        ("id", "VARCHAR PRIMARY KEY"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("aliases", "JSON"),
        ("roles", "JSON"),
        ("n_articles", "INTEGER"),
        ("n_mentions", "INTEGER"),
        ("evidence", "JSON"),
    ],
    "corpus_members": [
        ("corpus_entity_id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
    ],
    "errors": [
        ("key", "VARCHAR PRIMARY KEY"),
        ("article_id", "VARCHAR"),
        ("path", "VARCHAR"),
        ("line", "INTEGER"),
        ("code", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("at", "TIMESTAMP DEFAULT current_timestamp"),
    ],
    "meta": [
        ("key", "VARCHAR PRIMARY KEY"),
        ("value", "VARCHAR"),
    ],
}
"""Table -> (column, type). Only the keyed tables carry an index: child rows of an
article are written in the article's own transaction, so they cannot be duplicated."""

ARTICLE_TABLES = ("articles", "entities", "mentions", "quotes", "timexes")
"""Tables whose rows belong to one article and are committed with it."""

SEP = "\x1f"
"""Joins the fields of a source key (the ASCII unit separator: never in a path or URL)."""

SOURCE_KEY_SQL = (
    "concat(article_id, chr(31), coalesce(path, ''), chr(31), coalesce(CAST(line AS VARCHAR), ''),"
    " chr(31), coalesce(url, ''), chr(31), coalesce(outlet, ''), chr(31),"
    " coalesce(CAST(published AS VARCHAR), ''))"
)
""":func:`source_key` with ``resolve=False`` in SQL, over a row with the same column names
(for migrations: SQL cannot know the directory a relative path was given from)."""

MIGRATIONS: dict[str, tuple[str, list[str]]] = {
    # 1 -> 2: one article can be carried by several outlets; keep every one it was seen
    # with. Each stored article's own source becomes its first sources row.
    "1": (
        "2",
        [
            "CREATE TABLE IF NOT EXISTS sources ("
            + ", ".join(f'"{c}" {t}' for c, t in TABLES["sources"])
            + ")",
            "INSERT INTO sources (key, article_id, path, line, url, outlet, format, published,"
            " seen_at) SELECT "
            + SOURCE_KEY_SQL.replace("article_id", "id")
            + ", id, path, line, url, outlet, format, published, ingested_at FROM articles"
            " ON CONFLICT DO NOTHING",
        ],
    ),
}
"""Store version -> (the version it becomes, the statements that get it there)."""


def ddl() -> list[str]:
    out = []
    for table, cols in TABLES.items():
        body = ", ".join(f'"{name}" {type_}' for name, type_ in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    return out


def columns(table: str, *, with_defaults: bool = False) -> list[str]:
    """Columns the writer fills (defaults such as ``ingested_at`` are left to DuckDB)."""
    return [c for c, t in TABLES[table] if with_defaults or "DEFAULT" not in t]


Row = tuple[Any, ...]


def _ev(obj: Any) -> tuple[str | None, int | None, int | None]:
    """(text, start, end) of an Evidence-like dict, all None when absent."""
    if not isinstance(obj, dict):
        return None, None, None
    span = obj.get("span") or (None, None)
    return obj.get("text"), span[0], span[1]


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
"""One encoder for every cell: ``json.dumps`` with options builds a new one per call,
which cost more than the encoding of the small lists (aliases, roles, spans)."""


def json_cell(value: Any) -> str:
    """A JSON column's text, by the one shared encoder (article rows and corpus entities)."""
    return _ENCODE(value)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def place(path: str | None) -> str | None:
    """A file as a source key names it: resolved and absolute, so ``samples/a.txt`` and
    ``/work/samples/a.txt`` are one sighting. Standard input (``-``) and URLs stay as given."""
    if not path or path == "-" or path.startswith("<") or "://" in path:
        return path
    return os.path.realpath(path)


def source_key(
    article_id: str,
    path: str | None,
    line: int | None,
    url: str | None,
    outlet: str | None,
    published: str | None,
    *,
    resolve: bool = True,
) -> str:
    """One key per article x where it was seen: the same sighting twice is one row.

    ``resolve=False`` gives the key as it was before paths were resolved (and as the
    version 1 migration makes it), with the path as given: the writer checks that key
    too, so rerunning the same command on an older store adds nothing.
    """
    parts = (article_id, place(path) if resolve else path, line, url, outlet, published)
    return SEP.join("" if p is None else str(p) for p in parts)


def legacy_key(row: Row) -> str:
    """The key a ``sources`` row had when keys held the path as given (see :func:`source_key`)."""
    _key, aid, path, line, url, outlet, _fmt, day = row
    return source_key(aid, path, line, url, outlet, day, resolve=False)


def source_row(
    article_id: str,
    path: str | None,
    line: int | None,
    url: str | None,
    outlet: str | None,
    fmt: str | None,
    published: str | None,
) -> Row:
    """A ``sources`` row; a published value that is not an ISO day is left out."""
    day = published if published and ISO_DATE.match(published) else None
    return (source_key(article_id, path, line, url, outlet, day), article_id, path, line, url,
            outlet, fmt, day)


def record_rows(rec: dict[str, Any]) -> dict[str, list[Row]]:
    """All rows of one record, by table, in the column order of :data:`TABLES`."""
    aid = rec["id"]
    src = rec.get("source") or {}
    dl = rec.get("dateline") or {}
    pub = rec.get("published") or {}
    published = pub.get("date")
    entities = rec.get("entities") or []
    quotes = rec.get("quotes") or []
    timexes = rec.get("timexes") or []
    n_mentions = sum(len(e.get("mentions") or []) for e in entities)
    article: Row = (
        aid,
        src.get("path"),
        src.get("line"),
        src.get("url"),
        src.get("outlet"),
        src.get("format"),
        _ev(rec.get("headline"))[0],
        _ev(rec.get("dek"))[0],
        published if published and ISO_DATE.match(published) else None,
        pub.get("origin"),
        dl.get("text"),
        _ev(dl.get("place"))[0],
        dl.get("date"),
        _ev(dl.get("agency"))[0],
        rec.get("language"),
        rec.get("text"),
        len(entities),
        n_mentions,
        len(quotes),
        len(timexes),
        rec.get("schema"),
        json_cell(rec),
    )
    ent_rows: list[Row] = []
    mention_rows: list[Row] = []
    for e in entities:
        mentions = e.get("mentions") or []
        ent_rows.append(
            (
                aid,
                e.get("id"),
                e.get("name"),
                e.get("type"),
                json_cell(e.get("aliases") or []),
                json_cell(e.get("roles") or []),
                len(mentions),
            )
        )
        for m in mentions:
            text, start, end = _ev(m)
            mention_rows.append((aid, e.get("id"), text, start, end, m.get("kind")))
    quote_rows: list[Row] = []
    for q in quotes:
        speaker = q.get("speaker") or {}
        content = q.get("content") or {}
        date = q.get("date") or {}
        stext, sstart, send = _ev(speaker)
        ctext, cstart, cend = _ev(q.get("cue"))
        htext, hstart, hend = _ev(q.get("channel"))
        quote_rows.append(
            (
                aid,
                q.get("id"),
                q.get("kind"),
                q.get("type"),
                stext,
                speaker.get("entity"),
                sstart,
                send,
                ctext,
                cstart,
                cend,
                content.get("text"),
                json_cell(content.get("spans") or []),
                htext,
                hstart,
                hend,
                date.get("value"),
                date.get("timex"),
            )
        )
    timex_rows: list[Row] = []
    for t in timexes:
        text, start, end = _ev(t)
        timex_rows.append(
            (aid, t.get("id"), text, start, end, t.get("type"), t.get("value"), t.get("anchor"))
        )
    return {
        "articles": [article],
        "sources": [
            source_row(
                aid, src.get("path"), src.get("line"), src.get("url"), src.get("outlet"),
                src.get("format"), published,
            )
        ],
        "entities": ent_rows,
        "mentions": mention_rows,
        "quotes": quote_rows,
        "timexes": timex_rows,
    }
