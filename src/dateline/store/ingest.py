"""Ingest: read, skip what is stored, parse in worker processes, write from one process.

The main process reads articles and computes their ids (content hashes); ids already in
the database are skipped before any parse. Chunks of new articles go to N worker
processes, each with its own spaCy pipeline, which send back ready-made table rows. The
main process is the only writer and commits whole articles, several per transaction.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from dateline.read import DEFAULT_MAX_BYTES, Article, ReadError, expand, format_of, iter_articles
from dateline.read.dates import resolve_reference
from dateline.store.db import ErrorRow, Store, split_where
from dateline.store.schema import Row, source_row

CHUNK = 16
"""Articles per worker task: large enough for spaCy's batching, small enough to balance."""

COMMIT_WITH_WORKERS = (64, 1.0)
"""Articles and seconds between commits when workers parse: the writer is otherwise idle,
so frequent small commits cost the parse nothing and a crash loses little."""

COMMIT_IN_PROCESS = (256, 10.0)
"""The same with ``--workers 1``, where every commit stops the parse: a commit of 16
articles costs about 1.2 ms an article, one of 256 about 0.5 ms. A crash loses at most
10 seconds of work, which the rerun redoes."""

Outcome = tuple[str, str, Any]
"""``("ok", article_id, rows by table)`` or ``("error", article_id, ErrorRow)``."""

Result = tuple[list[Outcome], int, float]
"""A chunk's outcomes, the pid of the process that made them, and its peak memory (MB)."""

SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class IngestStats:
    read: int = 0
    """Articles read from the inputs (documents that failed to read are in ``errors``)."""
    known: int = 0
    """Already in the database: skipped before parsing."""
    refused_before: int = 0
    """Of ``known``: refused by an earlier run for good (e.g. not English; see ``errors``)."""
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
    """From the moment every pipeline was loaded to the end (writes and linking included)."""
    db_seconds: float = 0.0
    """Spent in the writer's transactions (inserts and commits)."""
    link_seconds: float = 0.0
    worker_deaths: list[str] = field(default_factory=list)
    """One line per worker process that died during the run."""

    @property
    def rate(self) -> float:
        done = self.added + self.errors
        return done / self.seconds if self.seconds > 0 else 0.0

    @property
    def warm_rate(self) -> float:
        """Articles per second once pipelines are loaded: the figure to compare with spaCy."""
        done = self.added + self.errors
        return done / self.warm_seconds if self.warm_seconds > 0 else 0.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _error(art: Article, code: str, reason: str, keep_id: bool = True) -> ErrorRow:
    path, line = split_where(art.source.path, art.source.line)
    return ErrorRow(path, line, code, reason, art.id if keep_id else None)


def analyze_chunk(articles: list[Article], nlp: Any, published: str | None) -> Result:
    """Rows (or the reason for a skip) for each article; a crash costs one article only."""
    from dateline.analysis import analyze_articles
    from dateline.store.schema import record_rows

    try:
        results = list(analyze_articles(articles, published=published, nlp=nlp))
    except Exception as exc:
        if len(articles) > 1:  # find the one article that breaks, keep the rest
            out: list[Outcome] = []
            for art in articles:
                out.extend(analyze_chunk([art], nlp, published)[0])
            return out, os.getpid(), _rss_mb()
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        return [("error", a.id, _error(a, "internal", reason)) for a in articles], os.getpid(), 0.0
    out = []
    for art, res in zip(articles, results, strict=True):
        if isinstance(res, ReadError):
            out.append(("error", art.id, _error(art, res.code, res.reason)))
        else:
            out.append(("ok", art.id, record_rows(res.to_json_dict())))
    return out, os.getpid(), _rss_mb()


ChunkFn = Callable[[list[Article], Any, "str | None"], Result]
"""What a worker does with a chunk: :func:`analyze_chunk`, or a test's stand-in."""


class WorkersFailed(Exception):
    """Worker processes keep dying (or cannot start): ingest stops; the message is one line."""


# --- worker processes -------------------------------------------------------------


def _watch_parent(ppid: int) -> None:
    """A worker whose writer died (kill -9) has nobody to send to: it exits too."""
    while True:
        time.sleep(0.5)
        if os.getppid() != ppid:
            os._exit(1)


def _worker_main(
    tasks: Connection, results: Connection, model: str, published: str | None, ppid: int,
    work: ChunkFn,
) -> None:
    """A parsing process: load the pipeline once, then chunk in, rows out, until told to stop.

    It never prints a traceback for a vanished writer (broken pipe, end of file): it just
    exits. Ctrl-C is the writer's to handle; the writer then stops its workers.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    threading.Thread(target=_watch_parent, args=(ppid,), daemon=True).start()
    try:
        from dateline.nlp.pipeline import load_pipeline

        try:
            nlp = load_pipeline(model)
        except Exception as exc:
            results.send(("fatal", f"{type(exc).__name__}: {exc}".splitlines()[0]))
            return
        warm_up(nlp)
        results.send(("ready", os.getpid()))
        while True:
            task = tasks.recv()
            if task is None:
                return
            seq, chunk = task
            outcomes, _pid, rss = work(chunk, nlp, published)
            results.send(("done", seq, outcomes, rss))
    except (EOFError, BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        pass  # the writer is gone or stopping: nothing to report to anyone
    finally:
        os._exit(0)


@dataclass
class _Task:
    seq: int
    articles: list[Article]
    retry: bool = False
    """Already lost once with a dying worker: if lost again, its articles become errors."""


class _Worker:
    """One parsing process, its two pipes, and a thread that feeds it without blocking us."""

    def __init__(self, ctx: Any, model: str, published: str | None, work: ChunkFn) -> None:
        task_r, task_w = ctx.Pipe(duplex=False)
        res_r, res_w = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(
            target=_worker_main,
            args=(task_r, res_w, model, published, os.getpid(), work),
            daemon=True,
        )
        self.proc.start()
        task_r.close()
        res_w.close()
        self.results: Connection = res_r
        self._tasks: Connection = task_w
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._feeder = threading.Thread(target=self._feed, daemon=True)
        self._feeder.start()
        self.ready = False
        self.inflight: dict[int, _Task] = {}

    def _feed(self) -> None:
        # A chunk can be larger than a pipe's buffer: sending from a thread means the
        # writer never waits on a busy worker (and a worker never waits on a busy writer).
        while True:
            item = self._outbox.get()
            try:
                self._tasks.send(item)
            except OSError:  # the worker died: its chunks are accounted for by the writer
                return
            if item is None:
                return

    def submit(self, task: _Task) -> None:
        self.inflight[task.seq] = task
        self._outbox.put((task.seq, task.articles))

    def stop(self) -> None:
        self._outbox.put(None)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self._outbox.put(None)
        self.results.close()

    def exit_reason(self) -> str:
        self.proc.join(timeout=5)
        code = self.proc.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with status {code}"


class WorkerPool:
    """N parsing processes and the writer's view of them; survives a worker's death.

    Each worker holds at most ``depth`` chunks (one parsing, the next waiting), so memory
    stays flat and the writer always knows which articles a dead worker took with it.
    The writer sleeps in :func:`multiprocessing.connection.wait` on the workers' result
    pipes and process sentinels: no polling. A lost chunk is retried one article at a
    time (so one article that kills its worker cannot take others with it); an article
    lost twice becomes an ``errors`` row (code ``worker``) and a new worker takes over.
    """

    def __init__(
        self,
        workers: int,
        model: str,
        published: str | None,
        work: ChunkFn | None = None,
        depth: int = 2,
        max_deaths: int | None = None,
    ) -> None:
        self.n, self.model, self.published = workers, model, published
        self.work = work or analyze_chunk
        self.depth = depth
        self.max_deaths = max_deaths if max_deaths is not None else max(3, 2 * workers)
        self.ctx = mp.get_context("spawn")
        self.workers: list[_Worker] = []
        self.ready_at: float | None = None
        self.deaths: list[str] = []
        """One line per worker that died, for the final report."""
        self.lost: list[ErrorRow] = []
        self._seq = 0

    def _start(self) -> None:
        self.workers.append(_Worker(self.ctx, self.model, self.published, self.work))

    def results(self, chunks: Iterable[list[Article]]) -> Iterator[Result]:
        """Outcomes of every chunk, in completion order (commit order does not matter)."""
        source = iter(chunks)
        retry: deque[_Task] = deque()
        exhausted = False
        deaths_in_a_row = 0
        for _ in range(self.n):
            self._start()
        try:
            while True:
                if self.ready_at is None and all(w.ready for w in self.workers):
                    self.ready_at = time.monotonic()
                for w in self.workers:
                    while self.ready_at is not None and w.ready and len(w.inflight) < self.depth:
                        if any(t.retry for t in w.inflight.values()):
                            break  # a suspect article is analyzed with nothing else in hand
                        if retry:
                            if w.inflight:
                                break
                            task = retry.popleft()
                        elif not exhausted and (chunk := next(source, None)) is not None:
                            self._seq += 1
                            task = _Task(self._seq, chunk)
                        else:
                            exhausted = True
                            break
                        w.submit(task)
                if exhausted and not retry and not any(w.inflight for w in self.workers):
                    return
                waitables: list[Any] = [w.results for w in self.workers]
                waitables += [w.proc.sentinel for w in self.workers]
                ready = set(wait(waitables))
                for w in list(self.workers):
                    if w.results in ready or w.proc.sentinel in ready:
                        done, dead = self._drain(w)
                        for item in done:
                            deaths_in_a_row = 0
                            yield item
                        if dead:
                            deaths_in_a_row += 1
                            self._bury(w, retry, deaths_in_a_row)
        finally:
            self.close()

    def _drain(self, w: _Worker) -> tuple[list[Result], bool]:
        """Everything the worker sent, and whether it is gone (results come before death)."""
        out = []
        try:
            while w.results.poll():
                msg = w.results.recv()
                if msg[0] == "done":
                    _, seq, outcomes, rss = msg
                    w.inflight.pop(seq, None)
                    out.append((outcomes, w.proc.pid or 0, rss))
                elif msg[0] == "ready":
                    w.ready = True
                elif msg[0] == "fatal":
                    raise WorkersFailed(f"a worker could not start: {msg[1]}")
        except (EOFError, OSError):
            return out, True
        return out, not w.proc.is_alive()

    def _bury(self, w: _Worker, retry: deque[_Task], in_a_row: int) -> None:
        reason = w.exit_reason()
        self.workers.remove(w)
        w.kill()
        n_lost = sum(len(t.articles) for t in w.inflight.values())
        self.deaths.append(f"worker {w.proc.pid} {reason} with {n_lost} article(s) in hand")
        for task in w.inflight.values():
            if task.retry:
                for art in task.articles:
                    self.lost.append(
                        _error(art, "worker", f"the worker analyzing it died twice ({reason})")
                    )
            else:  # alone this time, so that a culprit takes nothing else with it
                for art in task.articles:
                    self._seq += 1
                    retry.append(_Task(self._seq, [art], retry=True))
        if in_a_row > self.max_deaths:
            raise WorkersFailed(
                f"worker processes keep dying ({in_a_row} in a row, last {reason});"
                " stopped: what was committed is kept, rerun to finish"
            )
        self._start()

    def close(self) -> None:
        for w in self.workers:
            w.stop()
        deadline = time.monotonic() + 2
        for w in self.workers:
            w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            w.kill()
        self.workers.clear()


WARM_UP = (
    "Talks resume\n\nLONDON, May 3 (Reuters) - Union leader Ana Petrova said on Friday that"
    ' talks would resume next week. "We are ready," she told reporters.'
)


def warm_up(nlp: Any) -> None:
    """Run one short story through the pipeline, so that lazy loading (date parsing data,
    word lists) happens with the pipeline load, not inside the first chunk."""
    from dateline.analysis import analyze_articles
    from dateline.read import read_text

    # a pipeline that cannot warm up may still work (or fail article by article, recorded)
    with contextlib.suppress(Exception):
        list(analyze_articles(read_text(WARM_UP), nlp=nlp))


def run_in_process(
    chunks: Iterable[list[Article]], nlp: Any, published: str | None
) -> Iterator[Result]:
    for chunk in chunks:
        yield analyze_chunk(chunk, nlp, published)


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
    commit_articles: int | None = None,
    commit_seconds: float | None = None,
    progress: Callable[[str], None] | None = None,
    work: ChunkFn | None = None,
) -> IngestStats:
    """Store every new article under ``paths`` in ``db``; see the module docstring.

    ``progress`` is called once per article with ``added``, ``error`` or ``known``.
    ``work`` replaces :func:`analyze_chunk` in worker processes (tests use it to make a
    worker die); it must be importable by name, as workers are spawned.
    Raises :class:`WorkersFailed` when workers keep dying; committed articles are kept.
    """
    from dateline.nlp.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    policy = COMMIT_IN_PROCESS if workers <= 1 else COMMIT_WITH_WORKERS
    commit_articles = commit_articles or policy[0]
    commit_seconds = commit_seconds or policy[1]
    stats = IngestStats()
    started = time.monotonic()
    tick = progress or (lambda kind: None)
    with Store(db) as store:
        known = store.known_ids()
        stored = store.stored_ids()
        seen: set[str] = set()
        rows: list[dict[str, list[Row]]] = []
        errors: list[ErrorRow] = []
        sightings: list[Row] = []
        """New sources of articles already stored (same text, another outlet or file)."""
        waiting: dict[str, list[Row]] = {}
        """Sources of a text seen twice in this run, until its first copy is analyzed."""
        settled: dict[str, bool] = {}
        """Articles of this run analyzed so far: stored (True) or refused (False)."""
        last = time.monotonic()

        def flush() -> None:
            nonlocal last
            if rows or errors or sightings:
                store.write(rows, errors, sightings)
                rows.clear()
                errors.clear()
                sightings.clear()
            last = time.monotonic()

        def sighting(art: Article) -> Row:
            # A sighting is dated when this outlet carried the story: its own date wins
            # over the dateline's filing day, which every reprint shares.
            ref = resolve_reference(art, published)
            date = published or art.published or (ref.date if ref else None)
            src = art.source
            return source_row(art.id, src.path, src.line, src.url, src.outlet, src.format, date)

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
                    if aid in stored:
                        sightings.append(sighting(item))
                        if len(sightings) >= 4096:
                            flush()
                    else:
                        stats.refused_before += 1
                    continue
                if aid in seen:
                    stats.duplicates += 1
                    tick("known")
                    if aid not in settled:
                        waiting.setdefault(aid, []).append(sighting(item))
                    elif settled[aid]:
                        sightings.append(sighting(item))
                    continue
                seen.add(aid)
                yield item

        def chunks() -> Iterator[list[Article]]:
            it = new_articles()
            while chunk := list(islice(it, chunk_size)):
                yield chunk

        pool: WorkerPool | None = None
        todo = chunks()
        first = next(todo, None)  # nothing new: no model to load, no worker to start
        results: Iterable[Result] = ()
        ready_at = time.monotonic()
        try:
            if first is None:
                pass
            elif workers <= 1:
                from dateline.nlp.pipeline import load_pipeline

                nlp = load_pipeline(model)
                warm_up(nlp)
                ready_at = time.monotonic()
                results = run_in_process(chain([first], todo), nlp, published)
            else:
                pool = WorkerPool(workers, model, published, work=work)
                results = pool.results(chain([first], todo))
            for outcomes, pid, rss in results:
                stats.worker_rss_mb[pid] = max(rss, stats.worker_rss_mb.get(pid, 0.0))
                for kind, aid, payload in outcomes:
                    settled[aid] = kind == "ok"
                    if kind == "ok":
                        payload.setdefault("sources", []).extend(waiting.pop(aid, ()))
                        rows.append(payload)
                        stats.added += 1
                        tick("added")
                    else:
                        waiting.pop(aid, None)
                        errors.append(payload)
                        stats.errors += 1
                        tick("error")
                if pool is not None and pool.lost:
                    errors.extend(pool.lost)
                    stats.errors += len(pool.lost)
                    for _ in pool.lost:
                        tick("error")
                    pool.lost.clear()
                if len(rows) >= commit_articles or time.monotonic() - last >= commit_seconds:
                    flush()
        except WorkersFailed:
            if pool is not None:
                errors.extend(pool.lost)
            flush()  # what the workers did finish, and the skips read so far, are kept
            raise
        if pool is not None:
            errors.extend(pool.lost)
            stats.errors += len(pool.lost)
            stats.worker_deaths = list(pool.deaths)
            ready_at = pool.ready_at or time.monotonic()
        flush()
        t0 = time.monotonic()
        if store.needs_linking():
            stats.linked = store.link()
        stats.link_seconds = time.monotonic() - t0
        stats.db_seconds = store.write_seconds
        stats.warm_seconds = time.monotonic() - ready_at
    stats.seconds = time.monotonic() - started
    return stats
