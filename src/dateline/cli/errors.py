"""One line on stderr and an exit code: how the command reports a user's mistake."""

from __future__ import annotations

import sys
from typing import NoReturn

import click


def one_line(message: str) -> str:
    """Messages from libraries (DuckDB, warcio) may span lines; the user gets one."""
    return " ".join(message.split())


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"dateline: error: {one_line(message)}", err=True)
    sys.exit(int(code))


def warn(message: str) -> None:
    click.echo(f"dateline: {one_line(message)}", err=True)
