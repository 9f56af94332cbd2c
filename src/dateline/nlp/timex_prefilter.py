"""Exact shortcuts for running the timex patterns, read from the patterns themselves.

Why: run case-insensitively, one after the other, the 57 patterns were most of the
component's cost (Python's regex engine restarts at every character for each pattern and
tries every word of a case-insensitive list in turn). ``fold`` gives a copy of the text (same
length, same offsets) over which lower-cased patterns run case-sensitively; ``first_keys``
tells which characters a match can begin with, so a combined scan tries each pattern only
there; ``required`` gives literals every match contains, so a pattern whose literals are not
in the text need not run. Each is exact: ``fold`` maps a character to what
``re.IGNORECASE`` equates it with, and the other two err only on the safe side (a first
character too many, a literal requirement too weak).
"""

from __future__ import annotations

import re
from re import _compiler as re_compiler  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import numpy as np

FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
     # the non-ASCII characters re.IGNORECASE equates with an ASCII letter (checked over
     # every code point): dotted and dotless I, Kelvin sign, long s
     "\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"}
)


_FOLD_SPECIAL = ((0x130, 0x69), (0x131, 0x69), (0x212A, 0x6B), (0x17F, 0x73))
"""The non-ASCII entries of FOLD, as code points."""


def fold(text: str) -> str:
    """What ``re.IGNORECASE`` compares for ASCII letters, at the same offsets.

    Same result as ``text.translate(FOLD)`` (checked over every code point), several
    times faster: ``str.lower`` for ASCII text, else the code points as a numpy array
    (``str.translate`` with a dict looks up every character of non-ASCII text, and
    news text nearly always has a curly quote or a dash)."""
    if text.isascii():
        return text.lower()  # on ASCII, lower() changes exactly A-Z
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    points[(points >= 0x41) & (points <= 0x5A)] += 32
    for old, new in _FOLD_SPECIAL:
        points[points == old] = new
    return points.tobytes().decode("utf-32-le", "surrogatepass")


_SYNTAX = re.compile(r"\\.|\(\?(?:-i:|i:|:|=|!|<=|<!|P<\w+>)|\{\d*,?\d*\}|\[(?:\\.|[^\]])*\]")


def lower_pattern(pattern: str, relax: bool = False) -> str | None:
    """The pattern with its literal letters in lower case, for a case-sensitive run over
    ``fold(text)``; None when that would not be the same (case-sensitive parts, letters in a
    character class, non-ASCII cased letters).

    ``relax``: case-sensitive parts become case-insensitive too, which can only widen
    what matches (None if one sits in a negative lookaround, where it would narrow it): a
    pre-test for a case-sensitive pattern, whose matches are then confirmed as written.
    """
    if relax and _case_in_negative(sre_parse.parse(pattern, re.IGNORECASE).data, False):
        return None
    pieces: list[str] = []
    pos = 0
    for m in [*_SYNTAX.finditer(pattern), None]:
        lit = pattern[pos : m.start() if m else len(pattern)]
        if any(c.lower() != c.upper() and not c.isascii() for c in lit):
            return None
        pieces.append(lit.lower())  # literal text between syntax tokens
        if m is None:
            break
        tok = m.group()
        if tok in ("(?-i:", "(?i:"):
            if not relax:
                return None
            tok = "(?:"
        elif tok.startswith("[") and re.search(r"[^\W\d_]", re.sub(r"\\.", "", tok)):
            if not relax or tok.startswith("[^") or not tok.isascii():
                return None
            # letters of a case-sensitive class ([A-Z]), lower case as in the folded text
            tok = re.sub(r"\\.|[A-Z]", lambda c: c.group().lower() if len(c.group()) == 1
                         else c.group(), tok)
        pieces.append(tok)  # escapes, group openers, quantifiers, classes stay as written
        pos = m.end()
    return "".join(pieces)


def _case_in_negative(items: list, negative: bool) -> bool:
    """Whether a case-sensitive group sits inside a negative lookaround."""
    for op, av in items:
        if op is sre.SUBPATTERN:
            if negative and av[2] & sre.SRE_FLAG_IGNORECASE:
                return True
            subs = [(av[3], negative)]
        elif op is sre.BRANCH:
            subs = [(a, negative) for a in av[1]]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            subs = [(av[2], negative)]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            subs = [(av[1], negative or op is sre.ASSERT_NOT)]
        else:
            continue
        if any(_case_in_negative(sub.data, neg) for sub, neg in subs):
            return True
    return False


CAP = 256
"""Largest set of literal strings tracked for one part of a pattern."""

Exact = set[str] | None
Required = list[frozenset[str]]


def _char(code: int, nocase: bool) -> str | None:
    """The character as it stands in the folded text; None if a case-insensitive match
    could be any of several there (a non-ASCII cased letter)."""
    ch = chr(code)
    if nocase and not ch.isascii() and ch.lower() != ch.upper():
        return None
    return ch.translate(FOLD)


def _finish(exact: Exact, req: Required) -> tuple[Exact, Required]:
    if exact and all(exact):
        req = [*req, frozenset(exact)]
    return exact, req


def _seq(items: list, nocase: bool) -> tuple[Exact, Required]:
    """A concatenation: its full string set when finite (else None), and what it needs."""
    exact: Exact = {""}
    whole = True
    req: Required = []
    for op, av in items:
        e, r = _item(op, av, nocase)
        req.extend(r)
        if e is not None and exact is not None and len(exact) * len(e) <= CAP:
            exact = {a + b for a in exact for b in e}
            continue
        if exact and all(exact):
            req.append(frozenset(exact))
        whole = False
        exact = set(e) if e is not None and len(e) <= CAP else None
    if not whole:
        if exact and all(exact):
            req.append(frozenset(exact))
        return None, req
    return exact, req


def _item(op: object, av: object, nocase: bool) -> tuple[Exact, Required]:
    if op is sre.LITERAL:
        ch = _char(av, nocase)  # type: ignore[arg-type]
        return ({ch} if ch is not None else None), []
    if op is sre.IN:
        out: set[str] = set()
        for o, a in av:  # type: ignore[attr-defined]
            ch = _char(a, nocase) if o is sre.LITERAL else None
            if ch is None:
                return None, []
            out.add(ch)
        return out, []
    if op is sre.SUBPATTERN:
        _group, add, delete, sub = av  # type: ignore[misc]
        inner = (nocase or bool(add & sre.SRE_FLAG_IGNORECASE)) and not (
            delete & sre.SRE_FLAG_IGNORECASE
        )
        return _finish(*_seq(sub.data, inner))
    if op is sre.BRANCH:
        alts = [_finish(*_seq(a.data, nocase)) for a in av[1]]  # type: ignore[index]
        exact: Exact = set()
        for e, _ in alts:
            exact = None if e is None or exact is None else exact | e
        if exact is not None and len(exact) > CAP:
            exact = None
        union: set[str] | None = set()
        for _, r in alts:
            if not r or union is None:
                union = None
                break
            union |= min(r, key=len)  # every alternative needs one of these
        req = [frozenset(union)] if union and len(union) <= CAP else []
        return exact, req
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, hi, sub = av  # type: ignore[misc]
        e, r = _finish(*_seq(sub.data, nocase))
        if lo == 0:
            return ((e | {""}) if e is not None and hi == 1 else None), []
        return (e if lo == hi == 1 else None), r
    if op is sre.ASSERT:
        _direction, sub = av  # type: ignore[misc]
        _, r = _finish(*_seq(sub.data, nocase))
        return {""}, r  # what a lookaround needs is in the text, if not in the match
    if op in (sre.ASSERT_NOT, sre.AT):
        return {""}, []
    return None, []


def required(pattern: str, flags: int = 0, keep: int = 2) -> tuple[frozenset[str], ...]:
    """Sets of strings such that ``fold(text)`` must contain one string of each set for
    the pattern to match anywhere in ``text``; the ``keep`` most selective ones."""
    parsed = sre_parse.parse(pattern, flags)
    nocase = bool(parsed.state.flags & re.IGNORECASE)
    _, req = _finish(*_seq(parsed.data, nocase))
    useful = {s for s in req if s and min(map(len, s)) >= 1 and len(s) <= 40}
    # fewest, longest strings first: "ago" before {"a", "an", ...}
    best = sorted(useful, key=lambda s: (min(map(len, s)) < 2, len(s), -min(map(len, s))))
    return tuple(best[:keep])


SPECIAL = "\u0130\u0131\u212a\u017f"
"""The non-ASCII characters ``fold`` maps to ASCII letters."""

_PROBES = [chr(i) for i in range(128)] + list(SPECIAL)
"""Every character with a key of its own (see ``key``)."""


def key(ch: str) -> str:
    """What a scan branches on: an ASCII character as it is, a character ``fold`` maps to
    ASCII as folded, any other character as ""."""
    if ch.isascii():
        return ch
    folded = ch.translate(FOLD)
    return folded if folded.isascii() else ""


def key_chars(k: str) -> list[str]:
    """The characters whose key is k (k != "")."""
    return [c for c in _PROBES if key(c) == k]


First = tuple[set[str], bool]
"""Keys a match can start with, and whether it may be empty."""


def _class_first(op: object, av: object, state: object, flags: int) -> set[str]:
    """Keys of one character-class item: every probe character is tried; "" (a character
    without a key of its own) unless the class is only ASCII characters."""
    rx = re_compiler.compile(sre_parse.SubPattern(state, [(op, av)]), flags)
    keys = {key(c) for c in _PROBES if rx.fullmatch(c)}
    items = av if op is sre.IN else [(op, av)]
    if flags & re.IGNORECASE or not all(o is sre.LITERAL and a < 128 for o, a in items):
        keys.add("")
    return keys


def _first_seq(items: list, state: object, flags: int) -> First:
    keys: set[str] = set()
    for op, av in items:
        k, empty = _first_item(op, av, state, flags)
        keys |= k
        if not empty:
            return keys, False
    return keys, True


def _first_item(op: object, av: object, state: object, flags: int) -> First:
    if op in (sre.LITERAL, sre.IN, sre.ANY, sre.NOT_LITERAL):
        if op is sre.LITERAL and av < 128 and not flags & re.IGNORECASE:  # type: ignore[operator]
            return {chr(av)}, False  # type: ignore[arg-type]
        return _class_first(op, av, state, flags), False
    if op is sre.SUBPATTERN:
        _group, add, delete, sub = av  # type: ignore[misc]
        return _first_seq(sub.data, state, (flags | add) & ~delete)
    if op is sre.BRANCH:
        keys: set[str] = set()
        empty = False
        for alt in av[1]:  # type: ignore[index]
            k, e = _first_seq(alt.data, state, flags)
            keys |= k
            empty |= e
        return keys, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _hi, sub = av  # type: ignore[misc]
        k, e = _first_seq(sub.data, state, flags)
        return k, e or lo == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return set(), True  # zero width: passing over it only widens the set
    return {key(c) for c in _PROBES} | {""}, True  # anything else: no restriction


def first_keys(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Keys (``key``) of the characters a match of the pattern can start with; None if it
    can match the empty string. A superset: no match starts with a character whose key is
    not in it."""
    parsed = sre_parse.parse(pattern, flags)
    keys, empty = _first_seq(parsed.data, parsed.state, parsed.state.flags)
    return None if empty else frozenset(keys)
