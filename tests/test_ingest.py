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

from dateline.read.article import content_id
from dateline.store.db import Store, connect
from dateline.store.ingest import ingest
from store_helpers import whole_articles

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
        # The write-ahead log grows only when articles are committed: wait for the first
        # commit, then a little more, and kill the writer while it is busy.
        deadline = time.monotonic() + 120
        while not (wal.exists() and wal.stat().st_size > 0):
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "no commit within two minutes"
            time.sleep(0.02)
        time.sleep(0.3)
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stderr:
            proc.stderr.close()
    # orphaned workers notice their writer is gone and exit
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]

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
