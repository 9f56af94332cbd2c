"""Packaged knowledge for the entity analyzer: countries, demonyms, titles, outlets, cues.

Everything here is read from data files (``nlp/data/entities_*.tsv``), the readers'
agency list (``read/data/agencies.tsv``) and pycountry, once per process, so the
analyzer's code holds no word lists of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pycountry

from dateline.datafiles import rows
from dateline.read.wire import agencies


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-free key: "CONSTANȚA", "Constanța" and "Constanta" are one name."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").lower().split())


_SURNAME_FIRST = re.compile(
    r"^(?:[A-Z][a-z]+ )?([A-Z][^aeiouAEIOU\s-]*[aeiou]+[^aeiou\s-]*) [A-Z][a-z]+-[a-z]+$")
"""A one-syllable surname and a hyphenated given name whose second part is lower case:
Korean and Taiwanese order ("Kim Ji-ho", "Tsai Ing-wen"), also after the English name
Hong Kong copy puts first ("Chris Sun Yuk-han": Sun); a Western hyphenated given name
comes first and a double surname keeps its capital ("Jean-Paul", "Smith-Jones")."""


def surname_first(name: str) -> str | None:
    """The family name of a name written family name first ("Kim" of "Kim Ji-ho")."""
    m = _SURNAME_FIRST.match(name)
    return m.group(1) if m else None


@cache
def _syllable() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon().words("given_syllable")))


def given_syllable(word: str) -> bool:
    """Whether a lower-case word after a hyphen is the second syllable of an East Asian
    given name ("un" of "Jong-un", "sam" of "Byoung-sam"), not an English word joined to
    a name ("Putin-led", "Trump-era")."""
    return bool(word) and _syllable().fullmatch(word) is not None


_MINOR = frozenset({"of", "for", "the", "and", "on", "in", "to"})
"""Words a title display keeps lower case inside it ("Secretary of State")."""


def _display(text: str) -> str:
    """A title as a role shows it: "Secretary of State", "CEO", "Prime Minister"."""
    return " ".join(
        w if w.isupper() else w.lower() if k and w.lower() in _MINOR else w.capitalize()
        for k, w in enumerate(text.split())
    )


def _rows(name: str) -> list[list[str]]:
    return rows("dateline.nlp", name)


@dataclass(frozen=True)
class Title:
    text: str
    cls: str
    """gov (country office), org (post in an organisation) or any."""
    gender: str | None
    display: str
    """How the title is written in a role ("CEO", "State Secretary")."""


@dataclass
class Lexicon:
    country_forms: dict[str, str] = field(default_factory=dict)
    """Surface name -> ISO alpha-2 (case-sensitive forms as written)."""
    demonyms: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    """alpha-2 -> the short name used as the entity name."""
    ambiguous: set[str] = field(default_factory=set)
    """Country names that are also given names or surnames ("Chad", "Jordan")."""
    titles: dict[str, Title] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)
    """Surface form -> canonical outlet name (agencies from the readers' list)."""
    companies: dict[str, str] = field(default_factory=dict)
    """Surface form -> canonical company name: ORG whatever spaCy votes."""
    sections: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    title_words: set[str] = field(default_factory=set)
    """Every word of a listed title ("chief", "executive"): an honorific is no honorific
    before one ("Chief Executive Ann Lowe")."""
    _class_rx: list[tuple[re.Pattern[str], list[str]]] = field(default_factory=list)
    _class_cache: dict[str, frozenset[str]] = field(default_factory=dict)

    def words(self, section: str) -> dict[str, str]:
        return self.sections.get(section, {})

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)

    def title_display(self, text: str) -> str:
        """The display form of a title as written ("ceo" -> "CEO"), whitespace normalised."""
        key = fold(text)
        known = self.titles.get(key)
        if known is not None:
            return known.display
        return _display(text)

    def org_classes(self, name: str) -> set[str]:
        """Description nouns that may refer back to an organisation with this name.

        Whole words only: "office" is in "Foreign Office", not in "officers"."""
        if not self._class_rx:
            for word, nouns in self.words("org_class").items():
                rx = re.compile(r"(?:^| )" + re.escape(word) + r"(?: |$)")
                self._class_rx.append((rx, nouns.split()))
        cached = self._class_cache.get(name)
        if cached is None:  # the same names are asked about again and again
            key = fold(name)
            out: set[str] = set()
            for rx, nouns in self._class_rx:
                if rx.search(key):
                    out.update(nouns)
            if len(self._class_cache) >= 50_000:  # a long ingest: keep memory bounded
                self._class_cache.clear()
            cached = self._class_cache[name] = frozenset(out)
        return set(cached)


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
        elif kind == "ambiguous":
            lex.ambiguous.add(form)
        else:
            lex.country_forms[form] = code
            if kind == "short":
                lex.country_names[code] = form
    for row in _rows("entities_titles.tsv"):
        text, cls, gender = row[:3]
        display = row[3] if len(row) > 3 and row[3] else _display(text)
        lex.titles[text] = Title(text, cls, None if gender == "-" else gender, display)
        lex.title_words.update(text.replace("-", " ").split())
    for section, entry, value in _rows("entities_lexicon.tsv"):
        lex.sections[section][entry] = value
    dateline_only = lex.words("agency_dateline_only")
    for token, outlet in agencies().items():
        if token not in dateline_only:
            lex.media[token] = outlet
        lex.media.setdefault(outlet, outlet)
    for form, canonical in _rows("entities_media.tsv"):
        lex.media.setdefault(form, canonical)
    for form, canonical in _rows("entities_companies.tsv"):
        lex.companies[form] = canonical
    return lex


def agency_outlet(token: str) -> str:
    """The outlet that signs a dateline with ``token`` ("dpa" -> Deutsche Presse-Agentur)."""
    return agencies().get(token) or lexicon().media.get(token, token)
