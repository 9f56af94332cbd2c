"""Analysis: one spaCy parse per article, dateline's components reading the same Doc."""

from dateline.nlp.pipeline import DEFAULT_MODEL, ModelError, load_pipeline

__all__ = ["DEFAULT_MODEL", "ModelError", "load_pipeline"]
