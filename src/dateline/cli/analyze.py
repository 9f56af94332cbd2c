"""``dateline analyze``: articles to JSON records (or a readable report)."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

import click

from dateline.analyze import analyze_articles, check_date
from dateline.cli.errors import fail, warn
from dateline.cli.progress import Reporter
from dateline.nlp.pipeline import DEFAULT_MODEL, ModelError, load_pipeline
from dateline.read import DEFAULT_MAX_BYTES, ReadError, expand, format_of, iter_articles
from dateline.read.errors import Exit


def check_paths(paths: tuple[str, ...]) -> None:
    """A path that does not exist is a usage error, caught before any work starts."""
    for p in paths:
        if p != "-" and not os.path.exists(p):
            fail(f"no such file or directory: {p}", Exit.USAGE)


def parse_published(value: str | None) -> str | None:
    try:
        return check_date(value)
    except ValueError as exc:
        fail(f"--published: {exc}", Exit.USAGE)


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR|-...")
@click.option("--published", metavar="DATE", help="Reference date (YYYY-MM-DD) for relative dates.")
@click.option("--jsonl", is_flag=True, help="One record per line, even for a single file.")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write records to this file instead of standard output.",
)
@click.option("--report", is_flag=True, help="Print a readable view instead of JSON.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy English pipeline.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this.",
)
@click.option("--strict", is_flag=True, help="Exit 5 if any document in a batch was skipped.")
def analyze_cmd(
    paths: tuple[str, ...],
    published: str | None,
    jsonl: bool,
    output: str | None,
    report: bool,
    model: str,
    max_bytes: int,
    strict: bool,
) -> None:
    """Analyze articles: one JSON record for one file, JSON lines for a directory.

    Reads plain text with wire headers, JSON, JSONL and HTML; '-' reads standard input.
    """
    check_paths(paths)
    published = parse_published(published)
    files = list(expand(paths))
    single = len(files) == 1 and (files[0][1] is None or format_of(files[0][1]) != "jsonl")
    lines = jsonl or not single
    try:
        nlp = load_pipeline(model)
    except ModelError as exc:
        fail(str(exc), Exit.USAGE)

    items = iter_articles(paths, max_bytes=max_bytes)
    results = analyze_articles(items, published=published, nlp=nlp)
    out: TextIO = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    skipped = done = 0
    total = None if any(f[1] is None or format_of(f[1]) != "text" for f in files) else len(files)
    show_bar = sys.stderr.isatty() and not (single or report)
    try:
        with Reporter(total, mode="bar" if show_bar else "off") as bar:
            for result in results:
                if isinstance(result, ReadError):
                    if single:
                        fail(str(result), result.exit_code)
                    skipped += 1
                    warn(f"skipped {result.path or '<stdin>'}: {result.reason} [{result.code}]")
                    bar.advance(ok=False)
                    continue
                done += 1
                bar.advance()
                record = result.to_json_dict()
                if report:
                    from dateline.report import print_report

                    print_report(record)
                    if not output:
                        continue
                if lines:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
                out.flush()
    finally:
        if output:
            out.close()
    if not single:
        warn(f"{done} analyzed, {skipped} skipped")
    if skipped and strict:
        sys.exit(Exit.SKIPPED)
    if done == 0 and skipped:
        sys.exit(Exit.UNREADABLE)


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the record (also at src/dateline/schema/record.schema.json)."""
    from dateline.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
