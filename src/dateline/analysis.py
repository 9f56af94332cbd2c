"""Articles in, records out: language check, one batched spaCy parse, assembly.

This is the library's main entry point; the command line and the store call it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.datafiles import rows as data_rows
from dateline.nlp.language import is_english
from dateline.nlp.pipeline import COMPONENTS, DEFAULT_MODEL, load_pipeline
from dateline.read import Article, LanguageError, ReadError, read_text
from dateline.read.dates import check_date, resolve_reference
from dateline.record import Record, Source

BATCH_SIZE = 32


def analyze(
    text: str,
    published: str | None = None,
    *,
    model: str = DEFAULT_MODEL,
    source: Source | None = None,
    fmt: str | None = None,
) -> dict[str, object]:
    """Analyze one article given as text; return its record as a JSON-ready dict.

    ``published`` (ISO date) is the reference date for relative dates; ``fmt`` is
    ``text``, ``json``, ``html``… or None to guess from the text. Raises
    :class:`ReadError` (or its subclass :class:`LanguageError`) for input we refuse and
    ValueError for a bad argument.
    """
    published = check_date(published)
    items = list(read_text(text, source or Source(), fmt))
    results = list(analyze_articles(items, published=published, model=model))
    if len(results) != 1:
        raise ReadError("json", f"expected one article, found {len(results)}")
    result = results[0]
    if isinstance(result, ReadError):
        raise result
    return result.to_json_dict()


def analyze_articles(
    items: Iterable[Article | ReadError],
    published: str | None = None,
    *,
    model: str = DEFAULT_MODEL,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Record | ReadError]:
    """Records in input order, with each ReadError passed through in its document's place."""
    nlp = nlp or load_pipeline(model)
    for chunk in _chunks(items, batch_size):
        docs: list[Doc] = []
        slots: list[Article | ReadError] = []
        for item in chunk:
            if isinstance(item, Article):
                checked = prepare_doc(item, published, nlp)
                slots.append(checked if isinstance(checked, ReadError) else item)
                if isinstance(checked, Doc):
                    docs.append(checked)
            else:
                slots.append(item)
        parsed = iter(_parse(nlp, docs, batch_size))
        for slot in slots:
            if isinstance(slot, ReadError):
                yield slot
                continue
            doc = next(parsed)
            if isinstance(doc, ReadError):
                yield doc
                continue
            try:
                yield build_record(doc)
            except Exception as exc:  # a record that fails validation is a bug, kept per doc
                yield _failed(slot, exc)


def _parse(nlp: Language, docs: list[Doc], batch_size: int) -> list[Doc | ReadError]:
    """Parse a chunk; if a component fails, redo it one document at a time so only the
    document that fails is lost (recorded as a skip), not the whole batch."""
    try:
        return list(_run(nlp, docs, batch_size))
    except Exception:
        pass
    out: list[Doc | ReadError] = []
    for doc in docs:
        article: Article = doc._.article
        fresh = nlp.make_doc(article.text)
        fresh._.article, fresh._.published = article, doc._.published
        try:
            out.extend(_run(nlp, [fresh], 1))
        except Exception as exc:
            out.append(_failed(article, exc))
    return out


BATCH_CHARS = 200_000
"""Most characters of text in one chunk of :func:`analyze_articles`, parsed as one batch.
The parse's peak memory grows with the batch's text (about 3.3 MB a kilobyte, in tok2vec
and ner), so 32 articles of 100 kB in one batch would need some 10 GB, and 200,000
characters need about 0.7 GB; a chunk of news (32 articles of 2-4 kB) is as before."""

LONG_TEXT = 100_000
"""An article longer than this (characters) is parsed in pieces of about
:data:`PIECE_CHARS` (:func:`parse_in_pieces`); no news article is this long, so their
records are those of the one whole parse."""

PIECE_CHARS = 20_000
"""Characters in one piece of a long text: the parse's peak memory is that of a piece
(about 60 MB above the pipeline's own), not of the whole text (3 GB for 1 MB)."""


def _chunks(
    items: Iterable[Article | ReadError], batch_size: int
) -> Iterator[list[Article | ReadError]]:
    """The items in order, in chunks of at most ``batch_size`` and :data:`BATCH_CHARS`
    characters of text; an article over :data:`LONG_TEXT` alone. A chunk's Docs are all
    held until its records are built, so its text bounds the memory, not its count."""
    chunk: list[Article | ReadError] = []
    chars = 0
    for item in items:
        size = len(item.text) if isinstance(item, Article) else 0
        if chunk and (
            len(chunk) >= batch_size or chars + size > BATCH_CHARS or size > LONG_TEXT
        ):
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += size
        if size > LONG_TEXT:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _run(nlp: Language, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
    """Every Doc through the pipeline, in order: a long text alone and in pieces, the
    others in ``nlp.pipe`` batches."""
    batch: list[Doc] = []
    for doc in docs:
        if len(doc.text) <= LONG_TEXT:
            batch.append(doc)
            continue
        if batch:
            yield from nlp.pipe(batch, batch_size=batch_size)
            batch = []
        yield parse_in_pieces(nlp, doc)
    if batch:
        yield from nlp.pipe(batch, batch_size=batch_size)


BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: a paragraph ends
    re.compile(r"\n\s*"),  # a line break (a transcript's turns, a list)
    # a sentence's end in one long line: a full stop after a word of three letters or
    # digits ('Mr.' and 'Gov.' do not end one) and a capital next ('(strike!) walked' goes on)
    re.compile(r"(?<=\w\w\w)[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(]?[A-Z])"),
    re.compile(r"\s+"),
)
"""Where a long text is cut, best first; :data:`dateline_structure` opens a sentence at
every line break, so a cut at one never splits a sentence the whole parse would have."""


def piece_starts(text: str, size: int | None = None) -> list[int]:
    """Character offsets where the pieces of ``text`` start (the first is 0): each piece
    at most ``size`` characters, cut at the best break (:data:`BREAKS`) in its second half."""
    size = size or PIECE_CHARS
    starts = [0]
    while len(text) - starts[-1] > size:
        lo, hi = starts[-1] + size // 2, starts[-1] + size
        cut = hi  # no break at all (a run of letters): cut anywhere, the tokens decide
        for rx in BREAKS:
            ends = [m.end() for m in rx.finditer(text, lo, hi)]
            if ends:
                cut = ends[-1]
                break
        starts.append(cut)
    return starts


CONTEXT = 32
"""Tokens of context parsed with a piece on either side and dropped after. spaCy's
tok2vec sees 4 tokens each way (window 1, depth 4) and the parser and ner a few tokens
ahead; without context, a word right after a cut could be tagged as a text's first word
('GDANSK' opening a paragraph: NNS instead of NNP)."""


def parse_in_pieces(nlp: Language, doc: Doc, size: int | None = None) -> Doc:
    """A long text parsed piece by piece, then analyzed whole: spaCy's components run on
    pieces of about ``size`` (:data:`PIECE_CHARS`) characters cut at paragraph breaks
    (:func:`piece_starts`), the pieces are joined back into one Doc with the same tokens
    and text, and dateline's components (:data:`COMPONENTS`) run once on it, so entities,
    quotes and dates see the whole article. The parse's memory is then that of one piece,
    and its time linear.

    Each piece is parsed with :data:`CONTEXT` tokens of the text on either side, then
    those are dropped: its first and last words see the neighbours they have in the whole
    text, and a cut falls where a new sentence starts anyway.
    """
    names = nlp.pipe_names
    if "dateline_structure" in names:  # sentence starts from the whole layout, first
        doc = nlp.get_pipe("dateline_structure")(doc)
    early = [nlp.get_pipe(n) for n in names if n not in COMPONENTS and n != "dateline_structure"]
    idx = doc.to_array("IDX")
    bounds = sorted({int(numpy.searchsorted(idx, c)) for c in piece_starts(doc.text, size)})
    bounds.append(len(doc))
    head = Doc._get_array_attrs()
    array = doc.to_array(head)
    parsed: list[Doc] = []
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        start, end = max(0, a - CONTEXT), min(len(doc), b + CONTEXT)
        piece = doc[start:end].as_doc(array_head=head, array=array)
        for proc in early:
            piece = proc(piece)
        parsed.append(piece[a - start : b - start].as_doc())
    merged = Doc.from_docs(
        parsed, ensure_whitespace=False, exclude=["spans", "tensor", "user_data"]
    )
    if merged.text != doc.text:  # never expected: the pieces' tokens are the Doc's own
        raise ValueError("pieces of a long text do not join back into it")
    merged._.article, merged._.published = doc._.article, doc._.published
    for name in names:
        if name in COMPONENTS:
            merged = nlp.get_pipe(name)(merged)
    return merged


def _failed(article: Article, exc: Exception) -> ReadError:
    return ReadError(
        "internal",
        f"analysis failed ({type(exc).__name__}: {exc}); please report this document",
        article.source.path,
    )



LANGUAGE_SAMPLE = 1000
"""Characters the language check reads: plenty for news prose, and its cost grows with
length (1000 characters cost half of 3000, about 2 ms of an article's 80-120 ms parse)."""

ENGLISH_MARKERS = frozenset(r[0] for r in data_rows("dateline.nlp", "language_english_markers.tsv"))
"""English function words (data file). A sample with "the" and at least
:data:`ENGLISH_SURE` of them is English without asking the language identifier, which
costs about 0.6 ms an article: over 2,193 English gold documents the identifier never
refused one this test accepted, and other languages' news has no "the" (German, Dutch and
French share "in", "was", "is", "on" at most)."""

ENGLISH_SURE = 6


def plain_english(sample: str) -> bool:
    """The fast path of the language check: "the" and :data:`ENGLISH_SURE` marker words
    make a sample English without asking the identifier (False means: ask it)."""
    words = set(sample.lower().split())
    return "the" in words and len(words & ENGLISH_MARKERS) >= ENGLISH_SURE


CHARS_PER_TOKEN = 4
"""A Doc may have one token per this many characters of ``nlp.max_length``. News runs
about one token per 5 characters, so no article within the length limit is refused, but a
text of punctuation (a token a character) is: the parse needs about 18 MB and 0.3 ms per
token, so a million quote marks would take some 18 GB and five minutes."""


def prepare_doc(article: Article, published: str | None, nlp: Language) -> Doc | ReadError:
    """An unparsed Doc carrying its Article and reference date, or why it is refused.

    Run it through ``nlp`` (or ``nlp.pipe``) to analyze; evaluation code uses this to
    parse exactly as ``analyze`` does.
    """
    sample = article.text[:LANGUAGE_SAMPLE]
    english, lang = (True, "en") if plain_english(sample) else is_english(sample)
    if not english:
        return LanguageError(
            "language",
            f"article is in '{lang}', not English; dateline analyzes English news",
            article.source.path,
        )
    if len(article.text) > nlp.max_length:
        return ReadError(
            "too_large", f"article is longer than {nlp.max_length} characters", article.source.path
        )
    doc = nlp.make_doc(article.text)
    if len(doc) > nlp.max_length // CHARS_PER_TOKEN:
        return ReadError(
            "too_large",
            f"article has {len(doc)} tokens, more than {nlp.max_length // CHARS_PER_TOKEN}",
            article.source.path,
        )
    doc._.article = article
    doc._.published = resolve_reference(article, published)
    return doc


def build_record(doc: Doc) -> Record:
    """Assemble the record from the Doc once every component has run."""
    article: Article = doc._.article
    return Record(
        id=article.id,
        source=article.source,
        headline=article.headline,
        dek=article.dek,
        dateline=article.dateline,
        published=doc._.published,
        language="en",
        text=article.text,
        metadata=article.metadata,
        entities=doc._.entities or [],
        quotes=doc._.quotes or [],
        timexes=doc._.timexes or [],
    )
