"""The store's commands: ``ingest`` a pile of news, then ask it questions.

Query commands print a table on a terminal and a JSON list of objects with ``--json``,
so they compose in shell pipelines; all take ``--db`` and open the database read-only.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from dateline.cli.errors import fail, warn
from dateline.cli.options import check_paths, parse_published, reading_options
from dateline.read.errors import Exit
from dateline.store.db import DEFAULT_DB, StoreError, connect

F = TypeVar("F", bound=Callable[..., Any])


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        metavar="FILE",
        help="DuckDB database file.",
    )(fn)


def query_options(fn: F) -> F:
    fn = click.option("--json", "as_json", is_flag=True, help="A JSON list of objects.")(fn)
    fn = click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")(fn)
    return db_option(fn)


def date_options(fn: F) -> F:
    """--since and --until, checked as they are parsed."""
    fn = click.option(
        "--until", metavar="DATE", callback=_bound, help="On or before this ISO date."
    )(fn)
    return click.option(
        "--since", metavar="DATE", callback=_bound, help="On or after this ISO date."
    )(fn)


def _bound(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return check_bound(param.name or "date", value)


def check_bound(name: str, value: str | None) -> str | None:
    """Bounds are ISO dates; a year or a month alone (2022, 2022-01) is accepted too."""
    if value is None:
        return None
    import datetime as dt
    import re

    ok = re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) is not None
    if ok:  # a real month and day: 2022-13-45 and 2022-02-30 are refused
        parts = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]
        try:
            dt.date.fromisoformat(parts)
        except ValueError:
            ok = False
    if not ok:
        fail(f"--{name}: not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}", Exit.USAGE)
    return value


def _name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A name filter needs a letter or digit: ``--entity .`` or ``--speaker [`` is a
    mistake, said once (``[`` used to match the brackets of every stored alias list)."""
    from dateline.store.queries import has_word

    if value is not None and not has_word(value):
        fail(f"--{param.name}: give a name or a word of it, not {value!r}", Exit.USAGE)
    return value


@contextmanager
def opened(db: str, sandbox: bool = False) -> Iterator[Any]:
    try:
        con = connect(db, read_only=True, sandbox=sandbox)
    except StoreError as exc:
        fail(str(exc), Exit.USAGE)
    try:
        yield con
    finally:
        con.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(
    rows: list[dict[str, Any]], as_json: bool, cols: list[str] | None = None, title: str = ""
) -> None:
    """A JSON list for programs, a table for people."""
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    tty = sys.stdout.isatty()
    console = Console(width=None if tty else max(120, shutil.get_terminal_size().columns))
    if not rows:
        console.print(f"(no {title or 'rows'})")
        return
    cols = cols or list(rows[0])
    table = Table(title=f"{title} ({len(rows)})" if title else None, show_lines=False)
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    console.print(table)


def ingest_summary(stats: Any, workers: int, db: str) -> str:
    """The last line of an ingest; rate and memory only when something was analyzed."""
    stored = stats.known - stats.refused_before
    refused = f" {stats.refused_before} refused before," if stats.refused_before else ""
    counts = (
        f"{stats.added} added, {stored} already stored,{refused} {stats.duplicates} duplicate,"
        f" {stats.errors} skipped in {stats.seconds:.1f}s"
    )
    if not stats.worker_rss_mb:  # nothing new: no pipeline was loaded, no worker started
        return f"{counts} (n/a articles/s, no worker started, peak n/a) -> {db}"
    rss = max(stats.worker_rss_mb.values())
    return (
        f"{counts} ({stats.rate:.1f} articles/s, {workers} worker{'s' if workers > 1 else ''},"
        f" peak {rss:.0f} MB each) -> {db}"
    )


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR...")
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Parsing processes, each with its own spaCy pipeline.",
)
@reading_options
def ingest_cmd(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    published: str | None,
    model: str,
    max_bytes: int,
    strict: bool,
) -> None:
    """Store articles in a DuckDB database: text, JSON(L), HTML, RSS/Atom feeds, WARC.

    Articles already stored (same text) are skipped, so rerunning adds nothing; an
    interrupted run (even kill -9) keeps every whole article it committed, and the next
    run finishes the rest. Skipped documents are listed in the `errors` table.
    """
    from dateline.cli.progress import Reporter
    from dateline.nlp.pipeline import ModelError, check_installed
    from dateline.store.ingest import WorkersFailed, estimate_total, ingest

    check_paths(paths)
    published = parse_published(published)
    try:  # cheap; the pipeline is loaded only once the store is open and there is work
        check_installed(model)
    except ModelError as exc:
        fail(str(exc), Exit.USAGE)
    with Reporter(estimate_total(paths)) as bar:
        try:
            stats = ingest(
                paths,
                db,
                workers=workers,
                published=published,
                model=model,
                max_bytes=max_bytes,
                progress=lambda kind: bar.advance(ok=kind != "error"),
            )
        except (StoreError, ModelError) as exc:
            fail(str(exc), Exit.USAGE)
        except WorkersFailed as exc:
            fail(str(exc), Exit.INTERNAL)
    for line in stats.worker_deaths:
        warn(f"{line}; a new worker took over (lost articles are retried one by one)")
    warn(ingest_summary(stats, workers, db))
    if stats.errors and strict:
        sys.exit(Exit.SKIPPED)
    if stats.errors and not (stats.added or stats.known or stats.duplicates):
        sys.exit(Exit.UNREADABLE)


def emit_dated(rows: list[dict[str, Any]], as_json: bool, cols: list[str], title: str) -> None:
    """Rows with dates; on a terminal a year taken from elsewhere is marked with *."""
    if as_json:
        emit(rows, as_json, cols, title)
        return
    marked = [{**r, "date": (r["date"] or "") + ("*" if r["year_inferred"] else "")} for r in rows]
    emit(marked, as_json, cols, title)
    if any(r["year_inferred"] for r in rows):
        click.echo("* year not in the text: taken from the article's or the nearest article's date")


@click.command("quotes")
@click.option(
    "--speaker",
    metavar="NAME",
    callback=_name,
    help="Speaker's name, alias or a whole word of it (any case: Karin finds Erlan Karin).",
)
@click.option("--contains", metavar="TEXT", help="Words in the quotation.")
@date_options
@query_options
def quotes_cmd(
    speaker: str | None,
    contains: str | None,
    since: str | None,
    until: str | None,
    db: str,
    as_json: bool,
    limit: int | None,
) -> None:
    """Who said what: speaker, quotation, cue, date, outlet and article.

    One row per statement: the outlet shown is the first the article was stored from;
    with --json, n_sources and other_outlets say who else carried the same text.
    """
    from dateline.store import queries

    with opened(db) as con:
        rows = queries.quotes(con, speaker, contains, since, until, limit)
    emit_dated(rows, as_json, ["date", "outlet", "speaker", "quote", "cue", "article_id"], "quotes")


@click.command("timeline")
@click.option(
    "--entity",
    metavar="NAME",
    callback=_name,
    help="Only what concerns this actor or place: its name, an alias or a whole word of"
    " it (US finds U.S., not Russia).",
)
@date_options
@query_options
def timeline_cmd(
    entity: str | None,
    since: str | None,
    until: str | None,
    db: str,
    as_json: bool,
    limit: int | None,
) -> None:
    """Dated articles, statements and time expressions in calendar order."""
    from dateline.store import queries

    with opened(db) as con:
        rows = queries.timeline(con, entity, since, until, limit)
    emit_dated(rows, as_json, ["date", "kind", "text", "outlet", "article_id"], "timeline")


@click.command("entities")
@click.option("--type", "type_", metavar="TYPE", help="PERSON, ORG, GPE, ...")
@click.option("--name", metavar="NAME", help="Name or alias, or part of it.")
@query_options
def entities_cmd(
    type_: str | None, name: str | None, db: str, as_json: bool, limit: int | None
) -> None:
    """Actors across the corpus, most widely reported first: roles, aliases, counts."""
    from dateline.store import queries

    with opened(db) as con:
        rows = queries.entities(con, type_, name, limit)
    if not as_json:
        for r in rows:
            r["roles"] = [queries.role_text(x) for x in r["roles"]]
    cols = ["id", "name", "type", "articles", "mentions", "roles", "aliases"]
    emit(rows, as_json, cols, "entities")


@click.command("show")
@click.argument("ident", metavar="ID")
@db_option
def show_cmd(ident: str, db: str) -> None:
    """One stored record as JSON: an article id (or unique prefix) or a corpus entity id.

    An article's record comes with `sources`: every outlet, URL and file it was seen with.
    """
    from dateline.store import queries

    with opened(db) as con:
        try:
            found = queries.show(con, ident)
        except queries.NotFound as exc:
            fail(str(exc), Exit.USAGE)
    click.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))


@click.command("sql")
@click.argument("query")
@query_options
def sql_cmd(query: str, db: str, as_json: bool, limit: int | None) -> None:
    """Run one read-only SQL query (tables: see docs/store.md)."""
    import duckdb

    from dateline.store import queries

    with opened(db, sandbox=True) as con:
        try:
            rows = queries.sql(con, query, limit)
        except queries.EmptyQuery as exc:
            fail(str(exc), Exit.USAGE)
        except duckdb.Error as exc:
            fail(f"sql: {str(exc).splitlines()[0]}", Exit.USAGE)
    emit(rows, as_json)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "parquet", "csv"]),
    default="parquet",
    show_default=True,
)
@click.option("--out", required=True, metavar="DIR", help="Directory for the files.")
@db_option
def export_cmd(fmt: str, out: str, db: str) -> None:
    """Write every table (and, for jsonl, the whole records) to files in DIR."""
    from dateline.store.export import export

    with opened(db) as con:
        try:
            files = export(con, fmt, out)
        except OSError as exc:
            fail(f"export: {exc}", Exit.USAGE)
    for f in files:
        click.echo(str(f))
