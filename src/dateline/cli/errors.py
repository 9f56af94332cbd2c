"""One line on stderr and an exit code: how the command reports a user's mistake."""

from __future__ import annotations

import sys
from typing import NoReturn

import click


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"dateline: error: {message}", err=True)
    sys.exit(int(code))


def warn(message: str) -> None:
    click.echo(f"dateline: {message}", err=True)
