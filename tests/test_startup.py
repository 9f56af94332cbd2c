"""Query commands and ``import dateline`` start without loading spaCy or trafilatura.

Analysts pipe ``dateline quotes --json`` into other tools many times a session; a second
of model import on each call would be paid for nothing.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from click.testing import CliRunner
import dateline
from dateline.cli import cli
result = CliRunner().invoke(cli, ["sql", "SELECT 1 AS one", "--db", sys.argv[1], "--json"])
print(result.exit_code, result.output.replace(chr(10), " "))
print(sorted(m for m in ("spacy", "trafilatura", "thinc") if m in sys.modules))
"""


def test_sql_does_not_import_spacy(tmp_path) -> None:
    db = tmp_path / "empty.duckdb"
    from dateline.store.db import Store

    with Store(db):
        pass
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0].startswith("0 ")
    assert '"one": 1' in out[0]
    assert out[1] == "[]"


def test_analyze_is_still_reachable_from_the_package() -> None:
    import dateline

    assert callable(dateline.analyze)
    assert callable(dateline.analyze_articles)
