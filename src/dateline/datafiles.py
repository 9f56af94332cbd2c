"""Word lists and patterns shipped as data files: one reader for all of them.

Files are tab-separated; lines starting with ``#`` (each file's source notes) and blank
lines are skipped; CR line ends and spaces around cells are dropped.
"""

from __future__ import annotations

from importlib import resources


def parse_rows(text: str) -> list[list[str]]:
    out = []
    for line in text.splitlines():
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        out.append([cell.strip() for cell in line.split("\t")])
    return out


def rows(package: str, name: str) -> list[list[str]]:
    """Rows of ``data/NAME`` beside the package ``package`` (e.g. ``dateline.nlp``)."""
    return parse_rows(resources.files(package).joinpath("data", name).read_text("utf-8"))
