"""``dateline eval``: scores on public gold corpora; each scorer is its own command."""

from __future__ import annotations

import click

from dateline.cli import LazyGroup

SCORERS: dict[str, str] = {
    "attribution": "dateline.evaluate.attribution:attribution_cmd",
    "timex": "dateline.evaluate.timex:timex_cmd",
    "entities": "dateline.evaluate.entities:entities_cmd",
}


@click.group("eval", cls=LazyGroup, lazy=SCORERS)
def eval_group() -> None:
    """Measure dateline against gold annotations (PolNeAR, TimeML, our own gold)."""
