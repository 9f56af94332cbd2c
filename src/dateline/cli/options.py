"""Options shared by the commands that read articles, so they read and behave alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from dateline.nlp.pipeline import DEFAULT_MODEL
from dateline.read import DEFAULT_MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])


def reading_options(fn: F) -> F:
    """--published, --model, --max-bytes and --strict, in that order in --help."""
    fn = click.option("--strict", is_flag=True, help="Exit 5 if any document was skipped.")(fn)
    fn = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Refuse documents larger than this.",
    )(fn)
    fn = click.option(
        "--model", default=DEFAULT_MODEL, show_default=True, help="spaCy English pipeline."
    )(fn)
    return click.option(
        "--published", metavar="DATE", help="Reference date (YYYY-MM-DD) for relative dates."
    )(fn)
