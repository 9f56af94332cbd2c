"""The ``dateline`` command: thin wrappers, every command a call into the library.

Commands are imported lazily so ``dateline analyze`` does not pay for the store or the
evaluation code, and each command module has one job.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from dateline.cli.errors import fail
from dateline.read.errors import Exit

COMMANDS: dict[str, str] = {
    "analyze": "dateline.cli.analyze:analyze_cmd",
    "eval": "dateline.cli.evaluate:eval_group",
    "schema": "dateline.cli.analyze:schema_cmd",
    "ingest": "dateline.cli.store:ingest_cmd",
    "quotes": "dateline.cli.store:quotes_cmd",
    "timeline": "dateline.cli.store:timeline_cmd",
    "entities": "dateline.cli.store:entities_cmd",
    "show": "dateline.cli.store:show_cmd",
    "sql": "dateline.cli.store:sql_cmd",
    "export": "dateline.cli.store:export_cmd",
}
"""Command name -> ``module:attribute`` of its click command."""


class LazyGroup(click.Group):
    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module, attr = self.lazy[cmd_name].split(":")
            return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def cli() -> None:
    """Turn news articles into an auditable record of who said what, when and where.

    \b
    Exit codes: 0 ok; 1 internal error; 2 usage error (bad option, missing path);
    3 unreadable input (empty, binary, bad encoding, too large, no article);
    4 not English; 5 batch finished but some documents were skipped.
    """


def main() -> None:
    """Console entry point: user mistakes are one line on stderr, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        fail("aborted", Exit.INTERNAL)
    except click.ClickException as exc:
        fail(exc.format_message(), Exit.USAGE if exc.exit_code == 2 else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # `dateline ... | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as exc:
        if os.environ.get("DATELINE_DEBUG"):
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc} (set DATELINE_DEBUG=1 for the traceback)",
            Exit.INTERNAL,
        )
