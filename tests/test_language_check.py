"""The language check: plain English news skips the identifier; everything else asks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import dateline.analysis as analysis
from dateline.read import LanguageError
from dateline.read.article import Article

ENGLISH = (
    "GDANSK, June 4 (Reuters) - Dockworkers in Gdansk returned to work on Tuesday after the"
    " union accepted a new pay offer, a spokesman for the port said. The strike had lasted"
    " for nine days and was the longest at the port since 2010."
)
GERMAN = (
    "HAMBURG, 4. Juni (Reuters) - Die Hafenarbeiter in Hamburg sind am Dienstag an die Arbeit"
    " zurückgekehrt, sagte ein Sprecher. Was die Gewerkschaft nun plant, ist in Berlin unklar."
)
RUSSIAN = (
    "МОСКВА, 4 июня. /ТАСС/. Портовые рабочие Гданьска во вторник вернулись к работе после"
    " того, как профсоюз принял новое предложение по заработной плате, сообщил представитель"
    " порта."
)


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = analysis.is_english

    def spy(text: str) -> tuple[bool, str]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(analysis, "is_english", spy)
    return calls


def test_plain_english_needs_no_identifier(nlp: Language, monkeypatch) -> None:
    calls = _asked(monkeypatch)
    doc = analysis.prepare_doc(Article(text=ENGLISH), None, nlp)
    assert isinstance(doc, Doc) and doc.text == ENGLISH
    assert calls == []


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (RUSSIAN, "ru")])
def test_other_languages_are_asked_and_refused(nlp: Language, monkeypatch, text, lang) -> None:
    calls = _asked(monkeypatch)
    err = analysis.prepare_doc(Article(text=text), None, nlp)
    assert isinstance(err, LanguageError) and f"'{lang}'" in err.reason
    assert calls == [text]


def test_short_or_odd_english_still_asks(nlp: Language, monkeypatch) -> None:
    calls = _asked(monkeypatch)
    headline = "Port strike ends; cranes move again"
    assert isinstance(analysis.prepare_doc(Article(text=headline), None, nlp), Doc)
    assert calls == [headline]
    # the marker words must stand alone: "the" inside other words does not count
    glued = "thereby andover often tonight inside thesaid"
    analysis.prepare_doc(Article(text=glued), None, nlp)
    assert calls[-1] == glued


def test_fast_path_is_one_helper_shared_with_the_benchmark() -> None:
    assert analysis.plain_english(ENGLISH)
    assert not analysis.plain_english(GERMAN)
    assert not analysis.plain_english(RUSSIAN)
    assert not analysis.plain_english("")
    assert not analysis.plain_english("The the THE")  # "the" alone is not enough
    bench = (Path(analysis.__file__).parents[2] / "benchmarks" / "run.py").read_text()
    assert "plain_english(" in bench and "ENGLISH_MARKERS" not in bench
