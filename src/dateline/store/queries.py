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
import string
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


_PUNCT = frozenset(string.punctuation)

FOLD_SQL = (
    "lower(regexp_replace(regexp_replace({x}, '\\.', '', 'g'), '[\\s\\pZ]+', ' ', 'g'))"
)
"""A name as compared, in SQL: no case, no dots, single spaces. Any Unicode space counts
(``\\pZ``: a no-break space from HTML is a space). The query value is folded by this very
expression (:func:`word_pattern`), so both sides agree (``lower`` of İ is i, not i + dot)."""

EDGE = "[^\\pL\\pN_]"
"""What may stand either side of a whole word: anything but a letter, digit or _."""

SEP = chr(31)
"""Joins the aliases of a list for matching: no alias or query holds it, and it is no
letter or digit, so a match can never run from one alias into the next."""


def fold(name: str) -> str:
    """A rough Python twin of :data:`FOLD_SQL` (no case, no dots, single spaces); queries
    fold with the SQL itself, which treats some letters differently (İ)."""
    return " ".join(name.replace(".", "").lower().split())


def has_word(name: str) -> bool:
    """A name filter needs a letter or a digit: ``[``, ``.`` or blanks match nothing real
    (and used to match the brackets of the stored alias lists)."""
    return any(ch.isalnum() for ch in name)


def word_pattern(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """An RE2 pattern finding ``name`` as whole words in a text folded by :data:`FOLD_SQL`;
    None when the name has no letter or digit. The name is folded by DuckDB, as the
    column is."""
    if not has_word(name):
        return None
    row = con.execute(
        f"SELECT trim({FOLD_SQL.format(x='$1')})", [name.replace(SEP, " ")]
    ).fetchone()
    folded = str(row[0]) if row and row[0] else ""
    if not has_word(folded):
        return None
    escaped = "".join("\\" + ch if ch in _PUNCT else ch for ch in folded)
    return f"(^|{EDGE}){escaped}($|{EDGE})"


def _aliases(col: str) -> str:
    """SQL: a JSON list of aliases as one text, the aliases kept apart by :data:`SEP`."""
    return f"array_to_string(json_extract_string({col}, '$[*]'), chr(31))"


def _matches(exprs: list[str], param: str) -> str:
    """SQL: any of ``exprs`` (names, or :func:`_aliases`) has the name as whole words."""
    tests = [
        f"coalesce(regexp_matches({FOLD_SQL.format(x=x)}, ${param}), FALSE)" for x in exprs
    ]
    return "(" + " OR ".join(tests) + ")"


def _members_cte(param: str = "name") -> str:
    """SQL: article entities ``(article_id, entity_id)`` whose actor is called ``$name``.

    Matches the article entity's name or aliases, or those of the corpus entity it was
    linked to, as whole words without case (``Tokayev`` finds the full name, ``US`` finds
    ``U.S.`` but not ``Russia``).
    """
    mine = _matches(["e.name", _aliases("e.aliases")], param)
    linked = _matches(["c.name", _aliases("c.aliases")], param)
    return f"""mem AS (
        SELECT e.article_id, e.entity_id FROM entities e WHERE {mine}
        UNION
        SELECT m.article_id, m.entity_id FROM corpus_members m
        JOIN corpus_entities c ON c.id = m.corpus_entity_id WHERE {linked}
    )"""


def entity_members(con: duckdb.DuckDBPyConnection, name: str) -> set[tuple[str, str]]:
    """Article entities ``(article_id, entity_id)`` whose actor is called ``name``."""
    pattern = word_pattern(con, name)
    if pattern is None:
        return set()
    found = con.execute(
        f"WITH {_members_cte()} SELECT article_id, entity_id FROM mem", {"name": pattern}
    ).fetchall()
    return {(a, e) for a, e in found}


QUOTE_DATE = (
    f"CASE WHEN regexp_matches(q.date_value, {CALENDAR}) THEN q.date_value"
    f" ELSE {ARTICLE_DATE} END"
)
"""A statement's date, else its article's."""

SPEAKER_JOINS = """
    LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity
    LEFT JOIN corpus_members m ON m.article_id = q.article_id AND m.entity_id = q.speaker_entity
    LEFT JOIN corpus_entities c ON c.id = m.corpus_entity_id
"""

DATED = "{d} IS NOT NULL AND NOT starts_with({d}, 'XXXX')"
"""SQL: a date with its year (comparable as a string)."""


def _bounds(date: str, since: str | None, until: str | None, params: dict[str, Any]) -> str:
    """SQL bounds on an ISO date that has its year: a day bound takes in the whole day,
    whatever finer value a date carries (a date without a year is kept out by the caller)."""
    out = ["TRUE"]
    if since:
        params["since"] = since
        out.append(f"{date} >= $since")
    if until:
        params["until"] = until
        out.append(f"substring({date}, 1, length($until)) <= $until")
    return " AND ".join(out)


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""


def quotes(
    con: duckdb.DuckDBPyConnection,
    speaker: str | None = None,
    contains: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Who said what: speaker, quote, cue, channel, date, outlet and article.

    The outlet shown is the one the article was first stored from; ``n_sources`` and
    ``other_outlets`` say who else carried the same text. Dated quotes are filtered,
    sorted and cut in SQL; only year-less ones (few) are finished in Python.
    """
    inner = ["TRUE"]
    params: dict[str, Any] = {}
    if speaker:
        pattern = word_pattern(con, speaker)
        if pattern is None:
            return []
        params["speaker"] = pattern
        by_text = _matches(["q.speaker_text"], "speaker")
        by_entity = _matches(
            ["e.name", _aliases("e.aliases"), "c.name", _aliases("c.aliases")], "speaker"
        )
        inner.append(f"((e.entity_id IS NULL AND {by_text}) OR {by_entity})")
    if contains:
        params["contains"] = _like(contains)
        inner.append("q.content_text ILIKE $contains ESCAPE '\\'")
    base = f"""
            SELECT
                coalesce(c.name, e.name, q.speaker_text) AS speaker,
                q.content_text AS quote,
                q.kind, q.cue_text AS cue, q.channel_text AS channel,
                {QUOTE_DATE} AS date,
                CASE WHEN regexp_matches(q.date_value, {CALENDAR}) THEN 'statement'
                     WHEN {ARTICLE_DATE} IS NOT NULL THEN 'article' END AS date_origin,
                a.outlet, a.headline, a.id AS article_id, q.quote_id,
                q.speaker_text, q.speaker_entity, c.id AS speaker_corpus_id,
                q.content_spans, a.url, a.path
            FROM quotes q
            JOIN articles a ON a.id = q.article_id
            {SPEAKER_JOINS}
            WHERE {" AND ".join(inner)}
    """
    found = con.execute(
        f"SELECT DISTINCT article_id, date, TRUE FROM ({base}) WHERE starts_with(date, 'XXXX')",
        params,
    ).fetchall()
    params.update(_fill_params(_learn_years(con, found)))
    bounds = _bounds("date", since, until, params)
    where = f"{DATED.format(d='date')} AND {bounds}" if since or until else "TRUE"
    out = rows(
        con.execute(
            f"""
            WITH {FILLS}
            SELECT * FROM (
                SELECT b.* REPLACE (coalesce(f.filled, b.date) AS date),
                    f.filled IS NOT NULL AS year_inferred
                FROM ({base}) b LEFT JOIN fills f ON f.aid = b.article_id AND f.raw = b.date
            )
            WHERE {where}
            ORDER BY date IS NULL OR starts_with(date, 'XXXX'), coalesce(date, ''),
                coalesce(outlet, ''), article_id, quote_id{_limit(limit)}
            """,
            params,
        )
    )
    for r in out:
        r["content_spans"] = json.loads(r["content_spans"]) if r["content_spans"] else []
    _add_sources(con, out)
    return out


def _add_sources(con: duckdb.DuckDBPyConnection, items: list[dict[str, Any]]) -> None:
    """How many sightings each item's article has, and the outlets other than the one
    shown (the first seen), in place."""
    ids = sorted({i["article_id"] for i in items})
    found: dict[str, tuple[int, list[str]]] = {}
    if ids:
        for aid, n, others in con.execute(
            "SELECT s.article_id, count(*), list(DISTINCT s.outlet ORDER BY s.outlet)"
            " FILTER (WHERE s.outlet IS NOT NULL AND s.outlet IS DISTINCT FROM a.outlet)"
            " FROM sources s JOIN articles a ON a.id = s.article_id"
            " WHERE s.article_id IN (SELECT unnest($1)) GROUP BY s.article_id",
            [ids],
        ).fetchall():
            found[aid] = (int(n), list(others or []))
    for i in items:
        n, others = found.get(i["article_id"], (1, []))
        i["n_sources"] = n
        i["other_outlets"] = others


def _year_refs(
    con: duckdb.DuckDBPyConnection, own: set[str], wanted: str = "", params: Any = None
) -> list[dict[str, Any]]:
    """What a year-less date learns its year from, as article items for :func:`_fill_years`:
    the ``own`` articles' dates, and each distinct full date of the articles ``wanted``
    (an SQL condition on ``a``; all articles by default) as a stand-in article."""
    refs = [
        {"kind": "article", "date": date, "article_id": aid}
        for aid, date in con.execute(
            f"SELECT a.id, {ARTICLE_DATE} FROM articles a WHERE a.id IN (SELECT unnest($ids))"
            f" AND {ARTICLE_DATE} IS NOT NULL",
            {"ids": sorted(own)},
        ).fetchall()
    ]
    found = con.execute(
        f"SELECT DISTINCT {ARTICLE_DATE} AS d FROM articles a WHERE {wanted or 'TRUE'}"
        f" AND {DATED.format(d=ARTICLE_DATE)}",
        params or {},
    ).fetchall()
    refs += [{"kind": "article", "date": d, "article_id": f"\0{d}"} for (d,) in found]
    return refs


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


SAME_PARAGRAPH = """strpos(CASE
        WHEN mm.start < t.start THEN substring(a.text, mm.start + 1, t.start - mm.start)
        WHEN mm.start >= t."end" THEN substring(a.text, t."end" + 1, mm.start - t."end" + 1)
        ELSE '' END, chr(10)) = 0"""
"""SQL: mention ``mm`` starts in the paragraph of timex ``t`` (no line break between them):
what :func:`_paragraph` computes, without cutting."""

TIMELINE_ORDER = "date, ord, article_id, coalesce(s0, 0), coalesce(s1, 0)"
KINDS = {"article": 0, "statement": 1, "timex": 2}


def _timeline_sql(entity: bool) -> str:
    """Every dated thing as one row: articles, statements and calendar time expressions."""
    cte = f"{_members_cte()}," if entity else ""
    wanted = "WHERE a.id IN (SELECT article_id FROM mem)" if entity else ""
    speaker_is = (
        "JOIN mem ON mem.article_id = q.article_id AND mem.entity_id = q.speaker_entity"
        if entity
        else ""
    )
    near = (
        f"""AND EXISTS (SELECT 1 FROM mentions mm
            JOIN mem ON mem.article_id = mm.article_id AND mem.entity_id = mm.entity_id
            WHERE mm.article_id = t.article_id AND mm.start IS NOT NULL AND {SAME_PARAGRAPH})"""
        if entity
        else ""
    )
    return f"""
    WITH {cte}
    arts AS (
        SELECT a.id AS article_id, a.outlet, a.headline, {ARTICLE_DATE} AS art_date
        FROM articles a {wanted}
    )
    SELECT art_date AS date, 'article' AS kind, 0 AS ord,
        coalesce(headline, '(no headline)') AS text, NULL::VARCHAR AS evidence,
        outlet, headline, article_id, NULL::INTEGER AS s0, NULL::INTEGER AS s1
    FROM arts WHERE art_date IS NOT NULL
    UNION ALL
    SELECT {QUOTE_DATE}, 'statement', 1,
        coalesce(nullif(coalesce(c.name, e.name, q.speaker_text), ''), '(unknown)') || ': '
            || coalesce(q.content_text, ''),
        NULL, arts.outlet, arts.headline, q.article_id,
        CAST(json_extract(q.content_spans, '$[0][0]') AS INTEGER),
        CAST(json_extract(q.content_spans, '$[0][1]') AS INTEGER)
    FROM quotes q
    JOIN arts ON arts.article_id = q.article_id
    JOIN articles a ON a.id = q.article_id
    {speaker_is}
    {SPEAKER_JOINS}
    WHERE {QUOTE_DATE} IS NOT NULL
    UNION ALL
    SELECT t.value, 'timex', 2, NULL, t.text, arts.outlet, arts.headline, t.article_id,
        t.start, t."end"
    FROM timexes t
    JOIN arts ON arts.article_id = t.article_id
    JOIN articles a ON a.id = t.article_id
    WHERE regexp_matches(t.value, {CALENDAR}) AND t.type IN ('DATE', 'TIME')
        AND t.start IS NOT NULL {near}
    """


FILLS = """fills AS (
        SELECT unnest(CAST($f_aid AS VARCHAR[])) AS aid, unnest(CAST($f_raw AS VARCHAR[])) AS raw,
            unnest(CAST($f_st AS BOOLEAN[])) AS st, unnest(CAST($f_new AS VARCHAR[])) AS filled
    )"""
"""The years learnt for year-less dates (:func:`_learn_years`), as a table to join."""


def _fill_params(fills: list[tuple[str, str, bool, str]]) -> dict[str, list[Any]]:
    cols = list(zip(*fills, strict=True)) if fills else [(), (), (), ()]
    return {k: list(v) for k, v in zip(("f_aid", "f_raw", "f_st", "f_new"), cols, strict=True)}


def _learn_years(
    con: duckdb.DuckDBPyConnection,
    found: list[tuple[str, str, bool]],
    wanted: str = "",
    params: Any = None,
) -> list[tuple[str, str, bool, str]]:
    """``(article_id, year-less date, is a statement)`` -> the same with the year learnt.

    Each distinct year-less date of an article is worked out once, in Python, by
    :func:`_fill_years`: a statement from every stored article's date (as its quote
    would be), anything else from the articles ``wanted`` (an SQL condition on ``a``).
    Dates with nothing to learn from are left out.
    """
    out: list[tuple[str, str, bool, str]] = []
    for st in (True, False):
        todo = [
            {"kind": "statement" if st else "timex", "date": raw, "article_id": aid, "raw": raw}
            for aid, raw, is_st in found
            if is_st == st
        ]
        if not todo:
            continue
        own = {t["article_id"] for t in todo}
        refs = _year_refs(con, own) if st else _year_refs(con, own, wanted, params)
        keep = {id(t) for t in todo}
        out += [
            (t["article_id"], t["raw"], st, t["date"])
            for t in _fill_years(refs + todo)
            if id(t) in keep
        ]
    return out


def timeline(
    con: duckdb.DuckDBPyConnection,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Dated things in calendar order: articles, statements, and resolved time expressions.

    With ``entity``: articles that mention it, its statements, and the time expressions
    in the same paragraph as one of its mentions. Filters, order and ``limit`` run in
    SQL; only the year of a year-less date is worked out in Python, once per article and
    date (:func:`_learn_years`), and joined back in.
    """
    params: dict[str, Any] = {}
    if entity:
        pattern = word_pattern(con, entity)
        if pattern is None:
            return []
        params["name"] = pattern
    base = _timeline_sql(bool(entity))
    found = con.execute(
        f"SELECT DISTINCT article_id, date, kind = 'statement' FROM ({base})"
        " WHERE starts_with(date, 'XXXX')",
        params,
    ).fetchall()
    wanted = f"a.id IN (WITH {_members_cte()} SELECT article_id FROM mem)" if entity else ""
    params.update(_fill_params(_learn_years(con, found, wanted, params)))
    bounds = _bounds("date", since, until, params)
    sql = f"""
    WITH {FILLS}
    SELECT b.* REPLACE (coalesce(f.filled, b.date) AS date), f.filled IS NOT NULL AS inferred
    FROM ({base}) b
    LEFT JOIN fills f ON f.aid = b.article_id AND f.raw = b.date AND f.st = (b.kind = 'statement')
    """
    got = rows(
        con.execute(
            f"SELECT * FROM ({sql}) WHERE NOT starts_with(date, 'XXXX') AND {bounds}"
            f" ORDER BY {TIMELINE_ORDER}{_limit(limit)}",
            params,
        )
    )
    items = [_item(r) for r in got]
    _timex_context(con, items)
    _add_sources(con, items)
    return items


def _timex_context(con: duckdb.DuckDBPyConnection, items: list[dict[str, Any]]) -> None:
    """A timex's text is its paragraph (cut to about 240 characters), read only for the
    items kept."""
    ids = sorted({i["article_id"] for i in items if i["kind"] == "timex"})
    if not ids:
        return
    bodies = dict(
        con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest($1))", [ids])
        .fetchall()
    )
    for i in items:
        if i["kind"] == "timex":
            i["text"] = _context(bodies[i["article_id"]], *i["span"])


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


def _item(r: dict[str, Any]) -> dict[str, Any]:
    """A timeline row as the commands show it."""
    span = [r["s0"], r["s1"]] if r["s0"] is not None and r["s1"] is not None else None
    return {
        "date": r["date"],
        "kind": r["kind"],
        "text": r["text"],
        "evidence": r["evidence"],
        "outlet": r["outlet"],
        "headline": r["headline"],
        "article_id": r["article_id"],
        "span": span,
        "year_inferred": bool(r["inferred"]),
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
    record: dict[str, Any] = json.loads(found[0][1])
    record["sources"] = rows(
        con.execute(
            "SELECT outlet, url, CAST(published AS VARCHAR) AS published, path, line, format,"
            " CAST(seen_at AS VARCHAR) AS seen_at FROM sources WHERE article_id = ?"
            " ORDER BY seen_at, path, line, url, outlet",
            [found[0][0]],
        )
    )
    return record


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
