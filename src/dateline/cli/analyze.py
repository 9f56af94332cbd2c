"""``dateline analyze``: articles to JSON records (or a readable report)."""

from __future__ import annotations

import json
import os
import sys
from itertools import chain, islice
from typing import TextIO

import click

from dateline.analysis import analyze_articles
from dateline.cli.errors import fail, warn
from dateline.cli.options import check_paths, parse_published, reading_options
from dateline.cli.progress import Reporter
from dateline.nlp.pipeline import ModelError, load_pipeline
from dateline.read import (
    SUFFIXES,
    ReadError,
    expand,
    format_of,
    iter_articles,
)
from dateline.read.errors import Exit


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR|-...")
@click.option("--jsonl", is_flag=True, help="One record per line, even for a single file.")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write records to this file instead of standard output.",
)
@click.option("--report", is_flag=True, help="Print a readable view instead of JSON.")
@reading_options
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
    if output:
        check_output(output)
    files = list(expand(paths))
    if not files:
        fail(
            f"no articles found in {', '.join(paths)} (looked for {known_suffixes()})",
            Exit.UNREADABLE,
        )
    try:
        nlp = load_pipeline(model)
    except ModelError as exc:
        fail(str(exc), Exit.USAGE)

    results = analyze_articles(iter_articles(paths, max_bytes=max_bytes), published, nlp=nlp)
    # One document in, one pretty record out; anything more is a batch of JSON lines, in
    # which a bad document is a recorded skip. Peeking two results costs nothing: the
    # analysis runs in batches anyway.
    head = list(islice(results, 2))
    one_input = len(files) == 1 and (files[0][1] is None or format_of(files[0][1]) != "jsonl")
    single = one_input and len(head) == 1
    if single and isinstance(head[0], ReadError):
        fail(str(head[0]), head[0].exit_code)
    lines = jsonl or not single
    total = None if any(f[1] is None or format_of(f[1]) != "text" for f in files) else len(files)
    show_bar = sys.stderr.isatty() and not (single or report)
    out: TextIO | None = None if output else sys.stdout
    skipped = done = 0
    try:
        with Reporter(total, mode="bar" if show_bar else "off") as bar:
            for result in chain(head, results):
                if isinstance(result, ReadError):
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
                if out is None:  # opened at the first record: a failed run leaves no file
                    out = open(output, "w", encoding="utf-8")  # type: ignore[arg-type]  # noqa: SIM115
                indent = None if lines else 2
                out.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
                out.flush()
    finally:
        if output and out is not None:
            out.close()
    if not single:
        warn(f"{done} analyzed, {skipped} skipped")
    if skipped and strict:
        sys.exit(Exit.SKIPPED)
    if done == 0 and skipped:
        sys.exit(Exit.UNREADABLE)


def check_output(output: str) -> None:
    """An output file must be creatable: say so before any work is done."""
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        fail(f"-o {output}: no such directory: {parent}", Exit.USAGE)
    if not os.access(parent, os.W_OK):
        fail(f"-o {output}: directory is not writable: {parent}", Exit.USAGE)


def known_suffixes() -> str:
    return ", ".join(sorted(SUFFIXES))


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the record (also at src/dateline/schema/record.schema.json)."""
    from dateline.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
