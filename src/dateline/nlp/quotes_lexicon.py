"""Word lists for attribution, read once from ``data/quotes_*.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.datafiles import rows


def _rows(name: str) -> list[list[str]]:
    return rows("dateline.nlp", name)


@dataclass(frozen=True)
class Verb:
    lemma: str
    cls: str
    """``speech`` or ``cognition``."""
    frame: str
    """``clause``, ``inf`` (also takes a to-infinitive), ``tell`` (object is the addressee),
    ``fact`` (a clause or an object with its predicate, never a bare object), ``raise``,
    ``p:PREPS`` (content after one of these prepositions)."""


@cache
def verbs() -> dict[str, Verb]:
    out: dict[str, Verb] = {}
    for row in _rows("quotes_verbs.tsv"):
        out.setdefault(row[0], Verb(row[0], row[1], row[2]))
    return out


@cache
def verb_preps() -> dict[str, frozenset[str]]:
    """Lemma -> prepositions whose object is its content (``agreed with X``, ``warned
    against X``), from ``data/quotes_verb_preps.tsv``."""
    return {row[0]: frozenset(row[1].split(",")) for row in _rows("quotes_verb_preps.tsv")}


@cache
def not_said() -> dict[str, frozenset[str]]:
    """Lemma -> object head lemmas that make it no attribution (``reported a profit``),
    from ``data/quotes_not_said.tsv``."""
    return {row[0]: frozenset(row[1].split(",")) for row in _rows("quotes_not_said.tsv")}


@cache
def cue_phrases() -> dict[tuple[str, ...], str]:
    """Lower-cased word tuple -> class, e.g. ``("according", "to") -> "speech"``."""
    return {tuple(row[0].split()): row[1] for row in _rows("quotes_cues.tsv")}


@cache
def channels() -> dict[str, frozenset[str]]:
    """Preposition -> head lemmas of its object that make a channel (``*``: any)."""
    out: dict[str, set[str]] = {}
    for row in _rows("quotes_channels.tsv"):
        out.setdefault(row[0], set()).add(row[1])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def line_labels() -> frozenset[str]:
    """Upper-cased first words of ``LABEL:`` lines that name no speaker (``UPDATE``, ``Q``)."""
    return frozenset(row[0] for row in _rows("quotes_line_labels.tsv"))


@cache
def possessives() -> dict[str, str]:
    """Possessive determiner -> the pronoun a speaker "his" is resolved as ("he")."""
    return {row[0]: row[1] for row in _rows("quotes_possessives.tsv")}


@cache
def medium_verbs() -> frozenset[str]:
    """Lemmas whose ``on``/``in`` object is a medium, never a content (``said on X``)."""
    return frozenset(row[0] for row in _rows("quotes_medium_verbs.tsv"))


@cache
def speaking_verbs() -> frozenset[str]:
    """Lemmas of participles that set the scene of a statement (``Speaking to reporters,``)."""
    return frozenset(row[0] for row in _rows("quotes_speaking.tsv"))
