"""The analysts' questions, as SQL over the store. Every answer is a list of plain dicts.

Dates: a quote is dated by its statement date when that is a calendar date, else by its
article's date (publication date, else its dateline's); ``date_origin`` says which. A
year-less date (a TASS dateline, ``XXXX-01-11``) gets its likeliest year the way the
timeline does (``_fill_years``, flagged ``year_inferred``) before any bound or sort: once
every date has a year, ISO dates compare correctly as strings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import duckdb

ARTICLE_DATE = "coalesce(CAST(a.published AS VARCHAR), a.dateline_date)"
"""The date an article speaks from: its publication date, else its dateline's (which may
lack a year: ``XXXX-01-11``)."""

CALENDAR = "'^(\\d{4}(-\\d{2}(-\\d{2})?)?|XXXX-\\d{2}(-\\d{2})?)($|T)'"
"""A TIMEX3 value that names a calendar year, month or day (not a duration or PRESENT_REF);
the year may be unknown (``XXXX-01-06``)."""


def column_names(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """Result column names, a repeated one renamed ``a_1``, ``a_2`` as DuckDB does, so
    no column is lost when a row becomes a dict."""
    names: list[str] = []
    seen: set[str] = set()
    for d in cur.description or []:
        name, n = d[0], 0
        while name in seen:
            n += 1
            name = f"{d[0]}_{n}"
        seen.add(name)
        names.append(name)
    return names


def rows(cur: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[dict[str, Any]]:
    names = column_names(cur)
    found = cur.fetchmany(limit) if limit else cur.fetchall()
    return [dict(zip(names, r, strict=True)) for r in found]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def entity_members(con: duckdb.DuckDBPyConnection, name: str) -> set[tuple[str, str]]:
    """Article entities ``(article_id, entity_id)`` whose actor is called ``name``.

    Matches the article entity's name or aliases, or those of the corpus entity it was
    linked to, case-insensitively and as a substring (``Tokayev`` finds the full name).
    """
    pattern = _like(name)
    found = con.execute(
        """
        SELECT e.article_id, e.entity_id FROM entities e
        WHERE e.name ILIKE $p ESCAPE '\\' OR CAST(e.aliases AS VARCHAR) ILIKE $p ESCAPE '\\'
        UNION
        SELECT m.article_id, m.entity_id FROM corpus_members m
        JOIN corpus_entities c ON c.id = m.corpus_entity_id
        WHERE c.name ILIKE $p ESCAPE '\\' OR CAST(c.aliases AS VARCHAR) ILIKE $p ESCAPE '\\'
        """,
        {"p": pattern},
    ).fetchall()
    return {(a, e) for a, e in found}


def quotes(
    con: duckdb.DuckDBPyConnection,
    speaker: str | None = None,
    contains: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Who said what: speaker, quote, cue, channel, date, outlet and article."""
    inner = ["TRUE"]
    params: dict[str, Any] = {}
    if speaker:
        params["speaker"] = _like(speaker)
        inner.append(
            "(q.speaker_text ILIKE $speaker ESCAPE '\\' OR e.name ILIKE $speaker ESCAPE '\\'"
            " OR CAST(e.aliases AS VARCHAR) ILIKE $speaker ESCAPE '\\'"
            " OR c.name ILIKE $speaker ESCAPE '\\'"
            " OR CAST(c.aliases AS VARCHAR) ILIKE $speaker ESCAPE '\\')"
        )
    if contains:
        params["contains"] = _like(contains)
        inner.append("q.content_text ILIKE $contains ESCAPE '\\'")
    sql = f"""

            SELECT
                coalesce(c.name, e.name, q.speaker_text) AS speaker,
                q.content_text AS quote,
                q.kind, q.cue_text AS cue, q.channel_text AS channel,
                CASE WHEN regexp_matches(q.date_value, {CALENDAR}) THEN q.date_value
                     ELSE {ARTICLE_DATE} END AS date,
                CASE WHEN regexp_matches(q.date_value, {CALENDAR}) THEN 'statement'
                     WHEN {ARTICLE_DATE} IS NOT NULL THEN 'article' END AS date_origin,
                a.outlet, a.headline, a.id AS article_id, q.quote_id,
                q.speaker_text, q.speaker_entity, c.id AS speaker_corpus_id,
                q.content_spans, a.url, a.path
            FROM quotes q
            JOIN articles a ON a.id = q.article_id
            LEFT JOIN entities e
                ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity
            LEFT JOIN corpus_members m
                ON m.article_id = q.article_id AND m.entity_id = q.speaker_entity
            LEFT JOIN corpus_entities c ON c.id = m.corpus_entity_id
            WHERE {" AND ".join(inner)}
    """
    out = rows(con.execute(sql, params))
    for r in out:
        r["content_spans"] = json.loads(r["content_spans"]) if r["content_spans"] else []
        r["year_inferred"] = False
    if any(r["date"] and r["date"].startswith("XXXX") for r in out):
        _quote_years(con, out)
    out = [r for r in out if _within(r["date"], since, until)]
    out.sort(
        key=lambda r: (
            r["date"] is None or r["date"].startswith("XXXX"),
            r["date"] or "",
            r["outlet"] or "",
            r["article_id"],
            r["quote_id"],
        )
    )
    return out[:limit] if limit else out


def _within(date: str | None, since: str | None, until: str | None) -> bool:
    """Bounds on ISO dates; a day bound takes in the whole day, whatever finer value a
    date carries. A date still without a year is outside any bound."""
    if not since and not until:
        return True
    if not date or date.startswith("XXXX"):
        return False
    return (not since or date >= since) and (not until or date[: len(until)] <= until)


def _article_items(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    return {
        r["id"]: r
        for r in rows(
            con.execute(
                f"SELECT a.id, a.outlet, a.headline, a.url, a.path, {ARTICLE_DATE} AS date"
                " FROM articles a"
            )
        )
    }


def _quote_years(con: duckdb.DuckDBPyConnection, out: list[dict[str, Any]]) -> None:
    """Year-less quote dates take the year the timeline would give them, in place.

    A date with nothing to learn a year from keeps its ``XXXX`` (and sorts last).
    """
    refs = [
        {"kind": "article", "date": a["date"], "article_id": aid}
        for aid, a in _article_items(con).items()
        if a["date"]
    ]
    todo = [
        {"kind": "statement", "date": r["date"], "article_id": r["article_id"], "row": r}
        for r in out
        if r["date"] and r["date"].startswith("XXXX")
    ]
    for item in _fill_years(refs + todo):
        if "row" in item:
            item["row"]["date"] = item["date"]
            item["row"]["year_inferred"] = True


def _paragraph(text: str, start: int, end: int, width: int = 240) -> tuple[int, int]:
    """Bounds of the paragraph around a span, cut to about ``width`` characters."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    if right - left > width:
        pad = max(0, (width - (end - start)) // 2)
        left, right = max(left, start - pad), min(right, end + pad)
    return left, right


def _context(text: str, start: int, end: int) -> str:
    left, right = _paragraph(text, start, end)
    snippet = " ".join(text[left:right].split())
    if left > 0 and text[left - 1] != "\n":
        snippet = "…" + snippet
    if right < len(text) and text[right] != "\n":
        snippet += "…"
    return snippet


def timeline(
    con: duckdb.DuckDBPyConnection,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Dated things in calendar order: articles, statements, and resolved time expressions.

    With ``entity``: articles that mention it, its statements, and the time expressions
    in the same paragraph as one of its mentions.
    """
    members = entity_members(con, entity) if entity else None
    if members is not None and not members:
        return []
    items: list[dict[str, Any]] = []
    articles = _article_items(con)
    wanted = {a for a, _ in members} if members is not None else set(articles)
    for aid in sorted(wanted):
        art = articles[aid]
        if art["date"]:
            items.append(
                _item(art["date"], "article", art["headline"] or "(no headline)", art, None)
            )
    for q in quotes(con):
        if members is not None and (q["article_id"], q["speaker_entity"]) not in members:
            continue
        if q["date"]:
            text = f"{q['speaker'] or '(unknown)'}: {q['quote']}"
            span = tuple(q["content_spans"][0]) if q["content_spans"] else None
            item = _item(q["date"], "statement", text, articles[q["article_id"]], span)
            item["year_inferred"] = q["year_inferred"]
            items.append(item)
    found = rows(
        con.execute(
            f"""
        SELECT t.article_id, t.text, t.start, t."end", t.type, t.value, a.text AS body
        FROM timexes t JOIN articles a ON a.id = t.article_id
        WHERE regexp_matches(t.value, {CALENDAR}) AND t.type IN ('DATE', 'TIME')
        """
        )
    )  # fetched now: the next query on this connection would drop an open result
    near: dict[str, list[tuple[int, int]]] = {}
    if members is not None:
        for aid, start, end, eid in con.execute(
            'SELECT article_id, start, "end", entity_id FROM mentions'
        ).fetchall():
            if (aid, eid) in members:
                near.setdefault(aid, []).append((start, end))
    for t in found:
        if t["start"] is None:
            continue
        if members is not None:
            left, right = _paragraph(t["body"], t["start"], t["end"], width=10**9)
            if not any(left <= s < right for s, _ in near.get(t["article_id"], [])):
                continue
        text = _context(t["body"], t["start"], t["end"])
        item = _item(t["value"], "timex", text, articles[t["article_id"]], (t["start"], t["end"]))
        item["evidence"] = t["text"]
        items.append(item)
    items = _fill_years(items)
    items = [
        i
        for i in items
        if (not since or i["date"] >= since) and (not until or i["date"][: len(until)] <= until)
    ]
    order = {"article": 0, "statement": 1, "timex": 2}
    items.sort(key=lambda i: (i["date"], order[i["kind"]], i["article_id"], i["span"] or (0, 0)))
    return items[:limit] if limit else items


def _nearest(month: int, day: int, refs: list[dt.date]) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for ref in refs:
        for year in (ref.year - 1, ref.year, ref.year + 1):
            try:
                cand = dt.date(year, month, day)
            except ValueError:
                continue
            gap = abs((cand - ref).days)
            if best is None or gap < best[0]:
                best = (gap, cand)
    return best[1] if best else None


def _fill_years(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give year-less dates (a TASS dateline, "January 2") the likeliest year.

    A wire story's year is often only implied. An item takes the year that puts it
    nearest its own article's date; an article with a year-less date takes the year of
    the nearest fully dated article. Such items are flagged ``year_inferred`` so no one
    mistakes the guess for the text; those with nothing to learn from are left out.
    """
    parsed: dict[str, dt.date] = {}
    for i in items:
        if i["kind"] == "article" and not i["date"].startswith("XXXX"):
            with contextlib.suppress(ValueError):
                parsed[i["article_id"]] = dt.date.fromisoformat(i["date"][:10])
    corpus = sorted(set(parsed.values()))
    for i in items:
        if i["kind"] == "article" and i["date"].startswith("XXXX") and len(i["date"]) >= 10:
            found = _nearest(int(i["date"][5:7]), int(i["date"][8:10]), corpus)
            if found:
                parsed[i["article_id"]] = found
    out = []
    for i in items:
        if not i["date"].startswith("XXXX"):
            out.append(i)
            continue
        month = int(i["date"][5:7])
        day = int(i["date"][8:10]) if len(i["date"]) >= 10 else 15
        own = parsed.get(i["article_id"])
        found = _nearest(month, day, [own] if own else corpus)
        if found is not None:
            i["date"] = f"{found.year}{i['date'][4:]}"
            i["year_inferred"] = True
            out.append(i)
    return out


def _item(
    date: str, kind: str, text: str, art: dict[str, Any], span: tuple[int, int] | None
) -> dict[str, Any]:
    return {
        "date": date,
        "kind": kind,
        "text": text,
        "evidence": None,
        "outlet": art["outlet"],
        "headline": art["headline"],
        "article_id": art["id"],
        "span": list(span) if span else None,
        "year_inferred": False,
    }


def entities(
    con: duckdb.DuckDBPyConnection,
    type_: str | None = None,
    name: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Corpus-level actors, most widely reported first, with roles, aliases and counts."""
    where = ["TRUE"]
    params: dict[str, Any] = {}
    if type_:
        params["type"] = type_.upper()
        where.append("upper(type) = $type")
    if name:
        params["name"] = _like(name)
        where.append(
            "(name ILIKE $name ESCAPE '\\' OR CAST(aliases AS VARCHAR) ILIKE $name ESCAPE '\\')"
        )
    sql = (
        "SELECT id, name, type, n_articles AS articles, n_mentions AS mentions, aliases, roles"
        f" FROM corpus_entities WHERE {' AND '.join(where)}"
        " ORDER BY n_articles DESC, n_mentions DESC, name"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = rows(con.execute(sql, params))
    for r in out:
        r["aliases"] = json.loads(r["aliases"]) if r["aliases"] else []
        r["roles"] = json.loads(r["roles"]) if r["roles"] else []
    return out


def role_text(role: dict[str, Any]) -> str:
    parts = [role.get("title"), role.get("organization"), role.get("country")]
    return ", ".join(str(p) for p in parts if p)


class NotFound(LookupError):
    """No stored record has that id (or the prefix is ambiguous)."""


def show(con: duckdb.DuckDBPyConnection, ident: str) -> dict[str, Any]:
    """One stored record by id or unique id prefix; ``E…`` ids are corpus entities."""
    if ident.startswith("E"):
        found = rows(con.execute("SELECT * FROM corpus_entities WHERE id = ?", [ident]))
        if not found:
            raise NotFound(f"no corpus entity {ident}")
        ent = found[0]
        for key in ("aliases", "roles", "evidence"):
            ent[key] = json.loads(ent[key]) if ent[key] else []
        ent["members"] = rows(
            con.execute(
                "SELECT m.article_id, m.entity_id, e.name, a.outlet, a.headline"
                " FROM corpus_members m JOIN entities e USING (article_id, entity_id)"
                " JOIN articles a ON a.id = m.article_id WHERE m.corpus_entity_id = ?"
                " ORDER BY m.article_id, m.entity_id",
                [ident],
            )
        )
        return ent
    if not ident or any(ch not in "0123456789abcdef" for ch in ident.lower()):
        raise NotFound(f"not an article id: {ident!r} (16 hex digits, or a unique prefix)")
    found = con.execute(
        "SELECT id, record FROM articles WHERE starts_with(id, ?) ORDER BY id LIMIT 2",
        [ident.lower()],
    ).fetchall()
    if not found:
        raise NotFound(f"no article {ident}")
    if len(found) > 1:
        raise NotFound(f"id prefix {ident} is ambiguous ({found[0][0]}, {found[1][0]}, ...)")
    return json.loads(found[0][1])  # type: ignore[no-any-return]


class EmptyQuery(ValueError):
    """The query has no statement in it."""


def sql(
    con: duckdb.DuckDBPyConnection, query: str, limit: int | None = None
) -> list[dict[str, Any]]:
    """Any read-only query (the connection itself refuses writes); with ``limit`` only
    that many rows are fetched."""
    if not query.strip().strip(";").strip():
        raise EmptyQuery("sql: empty query")
    cur = con.execute(query)
    if cur is None:  # only comments
        raise EmptyQuery("sql: empty query")
    if cur.description is None:
        return []
    return rows(cur, limit)
