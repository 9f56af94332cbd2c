"""Which language an article is in, before any parse is spent on it."""

from __future__ import annotations

from functools import cache

SAMPLE_CHARS = 3000


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability, from the article's first few thousand characters."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def is_english(text: str) -> tuple[bool, str]:
    lang, prob = detect(text)
    # Short or name-heavy English can score low; only a confident other language is refused.
    return (lang == "en" or prob < 0.9), lang
