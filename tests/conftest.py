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
