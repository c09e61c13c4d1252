"""Time the pipeline on the seed: gazetteer load, then parse + geoparse + factions + claims.

    python bench/bench_seed.py

Prints figures; asserts nothing (timings are not tests).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.gazetteer import ensure_index, load_gazetteer  # noqa: E402
from geo.pipeline import build_corpus  # noqa: E402

SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


def main() -> None:
    ensure_index()
    start = time.perf_counter()
    gazetteer = load_gazetteer()
    gazetteer.knows_prefix("warm")
    load = time.perf_counter() - start
    text = SEED.read_text(encoding="utf-8")
    build_corpus(text, source=SEED.name, gazetteer=gazetteer)  # warm caches (lexicons)
    runs = []
    for _ in range(10):
        start = time.perf_counter()
        corpus = build_corpus(text, source=SEED.name, gazetteer=gazetteer)
        runs.append(time.perf_counter() - start)
    size = len(text.encode("utf-8"))
    median = statistics.median(runs)
    print(f"gazetteer index load: {load * 1000:.0f} ms (once per process)")
    print(f"seed pipeline: median {median * 1000:.0f} ms over {len(runs)} runs "
          f"({size / 1024:.1f} KB, {size / median / 1e6:.2f} MB/s); "
          f"{len(corpus.entries)} entries, {len(corpus.mentions)} mentions, "
          f"{len(corpus.claims)} claims")


if __name__ == "__main__":
    main()
