"""Packaged knowledge for the entity analyzer: countries, demonyms, titles, outlets, cues.

Everything here is read from data files (``nlp/data/entities_*.tsv``) and pycountry, once
per process, so the analyzer's code holds no word lists of its own.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry


def fold(text: str) -> str:
    """Case- and accent-free key: "CONSTANȚA", "Constanța" and "Constanta" are one name."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").lower().split())


def _rows(name: str) -> list[list[str]]:
    text = resources.files("dateline.nlp").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True)
class Title:
    text: str
    cls: str
    """gov (country office), org (post in an organisation) or any."""
    gender: str | None


@dataclass
class Lexicon:
    country_forms: dict[str, str] = field(default_factory=dict)
    """Surface name -> ISO alpha-2 (case-sensitive forms as written)."""
    demonyms: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    """alpha-2 -> the short name used as the entity name."""
    titles: dict[str, Title] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)
    """Surface form -> canonical outlet name."""
    sections: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def words(self, section: str) -> dict[str, str]:
        return self.sections.get(section, {})

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)

    def org_classes(self, name: str) -> set[str]:
        """Description nouns that may refer back to an organisation with this name."""
        key = fold(name)
        out: set[str] = set()
        for word, nouns in self.words("org_class").items():
            if f" {word}" in f" {key}" or key == word:
                out.update(nouns.split())
        return out


@cache
def lexicon() -> Lexicon:
    lex = Lexicon()
    for country in pycountry.countries:
        code = country.alpha_2
        lex.country_names[code] = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                lex.country_forms[value] = code
    for form, code, kind in _rows("entities_countries.tsv"):
        if kind == "demonym":
            lex.demonyms[form] = code
        else:
            lex.country_forms[form] = code
            if kind == "short":
                lex.country_names[code] = form
    for text, cls, gender in _rows("entities_titles.tsv"):
        lex.titles[text] = Title(text, cls, None if gender == "-" else gender)
    for form, canonical in _rows("entities_media.tsv"):
        lex.media[form] = canonical
    for section, entry, value in _rows("entities_lexicon.tsv"):
        lex.sections[section][entry] = value
    return lex
