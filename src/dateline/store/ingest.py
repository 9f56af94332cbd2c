"""Ingest: read, skip what is stored, parse in worker processes, write from one process.

The main process reads articles and computes their ids (content hashes); ids already in
the database are skipped before any parse. Chunks of new articles go to N worker
processes, each with its own spaCy pipeline, which send back ready-made table rows. The
main process is the only writer and commits whole articles, several per transaction.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from dateline.read import DEFAULT_MAX_BYTES, Article, ReadError, expand, format_of, iter_articles
from dateline.store.db import ErrorRow, Store, split_where
from dateline.store.schema import Row

CHUNK = 16
"""Articles per worker task: large enough for spaCy's batching, small enough to balance."""

Outcome = tuple[str, str, Any]
"""``("ok", article_id, rows by table)`` or ``("error", article_id, ErrorRow)``."""

SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class IngestStats:
    read: int = 0
    """Articles read from the inputs (documents that failed to read are in ``errors``)."""
    known: int = 0
    """Already in the database: skipped before parsing."""
    duplicates: int = 0
    """The same text twice in this run: stored once."""
    added: int = 0
    errors: int = 0
    seconds: float = 0.0
    linked: int | None = None
    """Corpus entities after linking, or None when nothing changed."""
    worker_rss_mb: dict[int, float] = field(default_factory=dict)
    """Peak resident memory of each parsing process, by pid."""
    warm_seconds: float = 0.0
    warm_articles: int = 0
    """Time and articles after the first chunk came back: the rate once pipelines are loaded."""

    @property
    def rate(self) -> float:
        done = self.added + self.errors
        return done / self.seconds if self.seconds > 0 else 0.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _error(art: Article, code: str, reason: str, keep_id: bool = True) -> ErrorRow:
    path, line = split_where(art.source.path, art.source.line)
    return ErrorRow(path, line, code, reason, art.id if keep_id else None)


def analyze_chunk(
    articles: list[Article], nlp: Any, published: str | None
) -> tuple[list[Outcome], int, float]:
    """Rows (or the reason for a skip) for each article; a crash costs one article only."""
    from dateline.analyze import analyze_articles
    from dateline.store.schema import record_rows

    try:
        results = list(analyze_articles(articles, published=published, nlp=nlp))
    except Exception:
        if len(articles) == 1:
            results = []
        else:  # find the one article that breaks, keep the rest
            out: list[Outcome] = []
            for art in articles:
                out.extend(analyze_chunk([art], nlp, published)[0])
            return out, os.getpid(), _rss_mb()
    if len(results) != len(articles):
        import traceback

        reason = traceback.format_exc(limit=1).strip().splitlines()[-1]
        return [("error", a.id, _error(a, "internal", reason)) for a in articles], os.getpid(), 0.0
    out = []
    for art, res in zip(articles, results, strict=True):
        if isinstance(res, ReadError):
            out.append(("error", art.id, _error(art, res.code, res.reason)))
        else:
            out.append(("ok", art.id, record_rows(res.to_json_dict())))
    return out, os.getpid(), _rss_mb()


# --- worker processes -------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _watch_parent(ppid: int) -> None:
    """A worker whose writer died (kill -9) has nobody to send to: it exits too."""
    while True:
        time.sleep(0.5)
        if os.getppid() != ppid:
            os._exit(1)


def _init_worker(model: str, published: str | None, ppid: int) -> None:
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    threading.Thread(target=_watch_parent, args=(ppid,), daemon=True).start()
    from dateline.nlp.pipeline import load_pipeline

    _WORKER["nlp"] = load_pipeline(model)
    _WORKER["published"] = published


def _work(chunk: list[Article]) -> tuple[list[Outcome], int, float]:
    return analyze_chunk(chunk, _WORKER["nlp"], _WORKER["published"])


def run_in_process(
    chunks: Iterable[list[Article]], model: str, published: str | None
) -> Iterator[tuple[list[Outcome], int, float]]:
    from dateline.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    for chunk in chunks:
        yield analyze_chunk(chunk, nlp, published)


def run_pool(
    chunks: Iterable[list[Article]], model: str, published: str | None, workers: int
) -> Iterator[tuple[list[Outcome], int, float]]:
    """Results in input order, with a bounded number of chunks in flight (bounded memory)."""
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, published, os.getpid()))
    pending: deque[Any] = deque()
    window = workers * 3
    try:
        for chunk in chunks:
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# --- the writer -------------------------------------------------------------------


def estimate_total(paths: Iterable[str]) -> int | None:
    """How many articles there will be, when that is cheap to know (for time left)."""
    total = 0
    for _, path in expand(paths):
        fmt = format_of(path) if path is not None else None
        if fmt in ("text", "html"):
            total += 1
        elif fmt == "jsonl" and path is not None:
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            return None
    return total


def ingest(
    paths: Iterable[str],
    db: str | Path,
    *,
    workers: int = 1,
    published: str | None = None,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_size: int = CHUNK,
    commit_articles: int = 64,
    commit_seconds: float = 1.0,
    progress: Callable[[str], None] | None = None,
) -> IngestStats:
    """Store every new article under ``paths`` in ``db``; see the module docstring.

    ``progress`` is called once per article with ``added``, ``error`` or ``known``.
    """
    from dateline.nlp.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    stats = IngestStats()
    started = time.monotonic()
    tick = progress or (lambda kind: None)
    with Store(db) as store:
        known = store.known_ids()
        seen: set[str] = set()
        rows: list[dict[str, list[Row]]] = []
        errors: list[ErrorRow] = []
        last = time.monotonic()

        def flush() -> None:
            nonlocal last
            if rows or errors:
                store.write(rows, errors)
                rows.clear()
                errors.clear()
            last = time.monotonic()

        def new_articles() -> Iterator[Article]:
            for item in iter_articles(paths, max_bytes=max_bytes):
                if isinstance(item, ReadError):
                    path, line = split_where(item.path)
                    errors.append(ErrorRow(path, line, item.code, item.reason))
                    stats.errors += 1
                    tick("error")
                    continue
                stats.read += 1
                aid = item.id
                if aid in known:
                    stats.known += 1
                    tick("known")
                    continue
                if aid in seen:
                    stats.duplicates += 1
                    tick("known")
                    continue
                seen.add(aid)
                yield item

        def chunks() -> Iterator[list[Article]]:
            it = new_articles()
            while chunk := list(islice(it, chunk_size)):
                yield chunk

        if workers <= 1:
            results = run_in_process(chunks(), model, published)
        else:
            results = run_pool(chunks(), model, published, workers)
        first: float | None = None
        for outcomes, pid, rss in results:
            if first is None:
                first = time.monotonic()
            else:
                stats.warm_articles += len(outcomes)
            stats.worker_rss_mb[pid] = max(rss, stats.worker_rss_mb.get(pid, 0.0))
            for kind, _aid, payload in outcomes:
                if kind == "ok":
                    rows.append(payload)
                    stats.added += 1
                    tick("added")
                else:
                    errors.append(payload)
                    stats.errors += 1
                    tick("error")
            if len(rows) >= commit_articles or time.monotonic() - last >= commit_seconds:
                flush()
        flush()
        if first is not None:
            stats.warm_seconds = time.monotonic() - first
        if store.needs_linking():
            stats.linked = store.link()
    stats.seconds = time.monotonic() - started
    return stats
