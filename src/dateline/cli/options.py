"""Options shared by the commands that read articles, so they read and behave alike."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from dateline.cli.errors import fail
from dateline.nlp import DEFAULT_MODEL
from dateline.read import DEFAULT_MAX_BYTES
from dateline.read.dates import check_date
from dateline.read.errors import Exit

F = TypeVar("F", bound=Callable[..., Any])


def reading_options(fn: F) -> F:
    """--published, --model, --max-bytes and --strict, in that order in --help."""
    fn = click.option("--strict", is_flag=True, help="Exit 5 if any document was skipped.")(fn)
    fn = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Refuse documents larger than this many bytes (markup included). The text"
        " itself may have up to 1,000,000 characters: at most about 0.5 GB of memory and a"
        " minute or two per document.",
    )(fn)
    fn = click.option(
        "--model", default=DEFAULT_MODEL, show_default=True, help="spaCy English pipeline."
    )(fn)
    return click.option(
        "--published", metavar="DATE", help="Reference date (YYYY-MM-DD) for relative dates."
    )(fn)


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
