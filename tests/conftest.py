"""Shared fixtures: the pipeline is loaded once per test session (it takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dateline.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_records(nlp: Language) -> list[dict]:
    """Every analyzable sample, analyzed once for the whole session."""
    from dateline.analysis import analyze_articles
    from dateline.read import iter_articles

    out = []
    for result in analyze_articles(iter_articles([str(SAMPLES)]), nlp=nlp):
        if not isinstance(result, Exception):
            out.append(result.to_json_dict())
    return out


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run the ``dateline`` command in-process: (exit code, stdout, stderr)."""
    import sys

    from dateline.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        old = sys.argv
        sys.argv = ["dateline", *args]
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:
            sys.argv = old
        out, err = capsys.readouterr()
        return code, out, err

    return run
