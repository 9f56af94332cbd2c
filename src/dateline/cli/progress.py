"""Progress for long work: a rich bar on a terminal, plain lines in a log, or nothing."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class Reporter:
    """Counts documents done and skipped; shows rate and time left.

    ``mode`` is ``auto`` (bar on a terminal, plain lines otherwise), ``bar``, ``plain``
    or ``off``. Plain lines go to stderr at most every ``every`` seconds.
    """

    def __init__(
        self, total: int | None, label: str = "articles", mode: str = "auto", every: float = 5.0
    ) -> None:
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "plain"
        self.mode, self.total, self.label, self.every = mode, total, label, every
        self.done = self.skipped = 0
        self.started = time.monotonic()
        self._last = self.started
        self._bar: Progress | None = None
        self._task: int | None = None

    def __enter__(self) -> Reporter:
        if self.mode == "bar":
            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f}/s"),
                TextColumn("skipped {task.fields[skipped]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, rate=0.0, skipped=0)
        return self

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return (self.done + self.skipped) / elapsed if elapsed > 0 else 0.0

    def advance(self, ok: bool = True) -> None:
        if ok:
            self.done += 1
        else:
            self.skipped += 1
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, rate=self.rate, skipped=self.skipped)
        elif self.mode == "plain":
            now = time.monotonic()
            if now - self._last >= self.every:
                self._last = now
                self._line()

    def _line(self) -> None:
        n = self.done + self.skipped
        of = f"/{self.total}" if self.total else ""
        left = ""
        if self.total and self.rate > 0:
            left = f", {max(0.0, (self.total - n) / self.rate):.0f}s left"
        print(
            f"dateline: {n}{of} {self.label} ({self.skipped} skipped), {self.rate:.1f}/s{left}",
            file=sys.stderr,
            flush=True,
        )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.mode == "plain" and exc_type is None:
            self._line()
