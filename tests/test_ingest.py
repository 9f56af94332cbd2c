"""Ingest end to end: idempotent reruns, recorded skips, and a real kill -9 mid-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

from dateline.read import iter_articles
from dateline.read.article import content_id
from dateline.store.db import Store, connect
from dateline.store.ingest import IngestStats, WorkerPool, WorkersFailed, ingest
from store_helpers import CRASH_MARK, fake_chunk, slow_chunk, whole_articles

PLACES = ("VARNA", "GDANSK", "RIGA", "TALLINN", "KLAIPEDA", "BURGAS", "ODESA", "SPLIT")


def wire_story(i: int) -> str:
    """A short, distinct wire-style story (made up for tests)."""
    place = PLACES[i % len(PLACES)]
    return (
        f"Port workers in {place.title()} extend strike into day {i + 2}\n\n"
        f"{place}, March {1 + i % 28} (Reuters) - Dockworkers at the port of {place.title()}"
        f" stayed off the job for a {i + 2}th day on Tuesday, union official Ana Petrova said.\n\n"
        f'"We have {100 + i} ships waiting and no answer from the ministry," Petrova told'
        f" reporters, adding that talks would resume on Friday.\n"
    )


def test_ingest_samples_is_idempotent(nlp: Language, samples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = ingest([str(samples_dir)], db)
    assert (first.added, first.known) == (14, 0)
    again = ingest([str(samples_dir)], db)
    assert (again.added, again.known) == (0, 15)
    con = connect(db, read_only=True)
    whole_articles(con)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (14, 14)
    before = con.execute("SELECT count(*) FROM errors").fetchone()
    assert before[0] == first.errors  # a rerun records each skip once, not twice
    err = con.execute("SELECT path, code, reason FROM errors WHERE code = 'language'").fetchall()
    assert len(err) == 1
    path, code, reason = err[0]
    assert path.endswith("a06_tass_ru_vyvod_kontingenta.txt") and code == "language"
    assert "'ru'" in reason
    # the two JSONL articles keep their line numbers
    lines = con.execute(
        "SELECT line FROM articles WHERE path LIKE '%b06_wire_feed_deal.jsonl' ORDER BY line"
    ).fetchall()
    assert lines == [(1,), (2,)]
    assert con.execute("SELECT count(*) FROM corpus_entities").fetchone()[0] > 0


def test_duplicates_and_unreadable_documents(nlp: Language, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(wire_story(1), encoding="utf-8")
    (src / "copy.txt").write_text(wire_story(1), encoding="utf-8")
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "bad.jsonl").write_text('{"text": "fine"\n{"title": "no text"}\n', encoding="utf-8")
    db = tmp_path / "d.duckdb"
    stats = ingest([str(src)], db)
    assert (stats.added, stats.duplicates) == (1, 1)
    assert stats.errors == 3
    stats = ingest([str(src)], db)
    assert stats.added == 0
    con = connect(db, read_only=True)
    got = sorted(con.execute("SELECT code, line FROM errors").fetchall(), key=str)
    assert got == sorted([("empty", None), ("json", 1), ("empty", 2)], key=str)


def test_ingest_cli_reports_and_exit_codes(nlp: Language, tmp_path: Path, run_cli) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text(wire_story(3), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    code, _, err = run_cli("ingest", str(src), "--db", str(db))
    assert code == 0 and "1 added" in err
    code, _, err = run_cli("ingest", str(src), "--db", str(db))
    assert code == 0 and "0 added, 1 already stored" in err
    (src / "de.txt").write_text(
        "Die Regierung hat am Montag neue Regeln für den Hafen beschlossen. Die Arbeiter "
        "sind damit nicht einverstanden und wollen weiter streiken, sagte ein Sprecher.\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("ingest", str(src), "--db", str(db))
    assert code == 0 and "0 added, 1 already stored, 0 duplicate, 1 skipped" in err
    code, _, err = run_cli("ingest", str(src), "--db", str(db))  # refused for good
    assert code == 0 and "0 added, 1 already stored, 1 refused before, 0 duplicate" in err
    code, _, err = run_cli("ingest", str(tmp_path / "nope"), "--db", str(db))
    assert code == 2 and "no such file" in err


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find worker processes")
def test_kill_9_mid_ingest_leaves_whole_articles_and_rerun_completes(tmp_path: Path) -> None:
    total = 120
    src = tmp_path / "in"
    src.mkdir()
    for i in range(total):
        (src / f"s{i:04d}.txt").write_text(wire_story(i), encoding="utf-8")
    expected = {content_id(wire_story(i)) for i in range(total)}
    db = tmp_path / "k.duckdb"
    wal = Path(f"{db}.wal")
    exe = str(Path(sys.executable).parent / "dateline")
    cmd = [exe, "ingest", str(src), "--db", str(db), "--workers", "2"]
    Store(db).close()  # the schema exists, so the log below holds article commits only
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # The write-ahead log grows only when articles are committed. Once it has grown
        # twice, the first commit is surely whole: kill the writer as the second is written.
        deadline = time.monotonic() + 120
        sizes = [0]
        while len(sizes) < 3:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "no commits within two minutes"
            size = wal.stat().st_size if wal.exists() else 0
            if size > sizes[-1]:
                sizes.append(size)
            time.sleep(0.01)
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
    # orphaned workers notice their writer is gone and exit, quietly
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr

    con = connect(db, read_only=True)
    whole_articles(con)
    stored = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    con.close()
    assert 0 < len(stored) < total, len(stored)
    assert stored <= expected

    rerun = subprocess.run([*cmd[:-1], "1"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - len(stored)} added, {len(stored)} already stored" in rerun.stderr
    con = connect(db, read_only=True)
    whole_articles(con)
    ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    assert len(ids) == len(set(ids)) == total
    assert set(ids) == expected


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A tokenizer-only English pipeline: workers that start in a fraction of a second."""
    import spacy

    path = tmp_path_factory.mktemp("blank") / "en_blank"
    spacy.blank("en").to_disk(path)
    return str(path)


def _stories(folder: Path, n: int, crash_at: int | None = None) -> None:
    folder.mkdir()
    for i in range(n):
        text = wire_story(i) + (f"\n{CRASH_MARK}\n" if i == crash_at else "")
        (folder / f"s{i:03d}.txt").write_text(text, encoding="utf-8")


def test_an_article_that_kills_its_worker_is_recorded_and_the_rest_stored(
    blank_model: str, tmp_path: Path
) -> None:
    _stories(tmp_path / "in", 12, crash_at=5)
    db = tmp_path / "w.duckdb"
    stats = ingest(
        [str(tmp_path / "in")], db, workers=2, model=blank_model, chunk_size=4, work=fake_chunk
    )
    # its chunk was lost once (3 other articles retried alone and stored), then it alone
    assert (stats.added, stats.errors) == (11, 1)
    assert len(stats.worker_deaths) == 2
    assert all("killed by SIGKILL" in d for d in stats.worker_deaths)
    con = connect(db, read_only=True)
    got = con.execute("SELECT path, code, reason, article_id FROM errors").fetchall()
    assert len(got) == 1
    path, code, reason, aid = got[0]
    assert path.endswith("s005.txt") and code == "worker" and "died twice" in reason
    assert aid is not None
    whole_articles(con)
    con.close()
    with Store(db) as store:  # a worker's death is not a verdict: the next run tries again
        assert aid not in store.known_ids()


def test_a_worker_killed_from_outside_is_replaced_and_nothing_is_lost(
    blank_model: str, tmp_path: Path
) -> None:
    import threading

    _stories(tmp_path / "in", 16)
    db = tmp_path / "k.duckdb"
    out: dict[str, object] = {}

    def run() -> None:
        out["stats"] = ingest(
            [str(tmp_path / "in")], db, workers=2, model=blank_model, chunk_size=4,
            work=slow_chunk,
        )

    me = os.getpid()
    before = set(_children(me))
    thread = threading.Thread(target=run)
    thread.start()
    victim = None
    deadline = time.monotonic() + 30
    while victim is None and time.monotonic() < deadline:
        kids = [k for k in _children(me) if k not in before and _alive(k)]
        # a worker that has loaded its pipeline is busy with its first chunk by now
        if len(kids) >= 2:
            time.sleep(1.5)
            victim = kids[0]
        time.sleep(0.05)
    assert victim is not None, "no worker process appeared"
    os.kill(victim, signal.SIGKILL)
    thread.join(timeout=60)
    assert not thread.is_alive(), "ingest hung after a worker died"
    stats = out["stats"]
    assert isinstance(stats, IngestStats)
    assert (stats.added, stats.errors) == (16, 0)
    assert len(stats.worker_deaths) == 1 and "SIGKILL" in stats.worker_deaths[0]
    con = connect(db, read_only=True)
    whole_articles(con)
    assert con.execute("SELECT count(DISTINCT id) FROM articles").fetchone() == (16,)


def test_workers_that_keep_dying_stop_ingest_with_one_line(
    blank_model: str, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(wire_story(0) + CRASH_MARK, encoding="utf-8")
    pool = WorkerPool(1, blank_model, None, work=fake_chunk, max_deaths=0)
    art = next(iter_articles([str(tmp_path / "in")]))
    with pytest.raises(WorkersFailed, match=r"keep dying .*killed by SIGKILL"):
        list(pool.results([[art]]))
    assert not pool.workers


def test_a_rerun_with_nothing_new_loads_no_model_and_starts_no_worker(
    blank_model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.cli.store import ingest_summary

    _stories(tmp_path / "in", 3)
    db = tmp_path / "r.duckdb"
    first = ingest([str(tmp_path / "in")], db, workers=2, model=blank_model, work=fake_chunk)
    assert first.added == 3

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing to analyze, yet a pipeline or a worker was started")

    monkeypatch.setattr("dateline.store.ingest.WorkerPool", refuse)
    monkeypatch.setattr("dateline.nlp.pipeline.load_pipeline", refuse)
    for workers in (1, 2):
        again = ingest([str(tmp_path / "in")], db, workers=workers, model=blank_model)
        assert (again.added, again.known, again.worker_rss_mb) == (0, 3, {})
        line = ingest_summary(again, workers, str(db))
        assert line.startswith("0 added, 3 already stored")
        assert "(n/a articles/s, no worker started, peak n/a)" in line


def test_finished_articles_are_kept_when_workers_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class DyingPool:
        """Hands back the first chunk, then gives up as a pool of dying workers would."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.lost: list = []
            self.deaths: list = []
            self.ready_at = None

        def results(self, chunks):
            yield fake_chunk(next(iter(chunks)), None, None)
            raise WorkersFailed("workers keep dying")

    monkeypatch.setattr("dateline.store.ingest.WorkerPool", DyingPool)
    _stories(tmp_path / "in", 4)
    (tmp_path / "in" / "blank.txt").write_text("  \n", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    with pytest.raises(WorkersFailed):
        ingest([str(tmp_path / "in")], db, workers=2, chunk_size=2, commit_seconds=1e9)
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert con.execute("SELECT code FROM errors").fetchall() == [("empty",)]
    whole_articles(con)
    con.close()


def test_a_bug_of_ours_is_no_verdict_on_the_article(tmp_path: Path) -> None:
    from dateline.store.db import ErrorRow

    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        store.write([], [ErrorRow("a.txt", None, "internal", "analysis failed", "a1"),
                         ErrorRow("b.txt", None, "language", "article is in 'de'", "b1")])
        assert store.known_ids() == {"b1"}  # a1 is tried again by the next run
