"""The whole pipeline on synthetic archives of 1k, 10k and 100k comments: time, MB/s, memory.

    python bench/bench_pipeline.py                       # 1k, 10k and 100k comments
    python bench/bench_pipeline.py --sizes 1000 10000    # skip the big one

For each size, ``bench/make_archive.py`` writes the archive into a temporary folder (not
timed), then ``python -m geo build DIR --db TMP/atlas.sqlite --jobs 2`` runs as a child process:
parse, geoparse, factions, claims and the SQLite store, every thread, from a fresh database.
Timed is the child's wall time from start to exit, so it includes the interpreter's start, the
worker processes' start and their one-off loading (gazetteer, lexicons) and the writes.

Memory: the resident set (RSS) of the child and all its descendants, summed, sampled every
20 ms with psutil; the peak of that sum is "peak RSS (tree)", and the largest single process
seen is printed beside it.  The growth column is the ratio of each size's wall time to the
previous size's, per 10x comments (10.0 is linear).

Prints figures; asserts nothing.  The archives are synthetic (see bench/make_archive.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_archive  # noqa: E402

SAMPLE_EVERY = 0.02  # seconds between memory samples


def _tree_rss(process: psutil.Process) -> tuple[int, int]:
    """(sum, largest) RSS in bytes of ``process`` and its descendants, now."""
    total = largest = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    for member in members:
        try:
            rss = member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_build(folder: Path, db: Path, jobs: int) -> tuple[float, int, int, int]:
    """Wall seconds, peak tree RSS, peak single-process RSS and exit status of one build."""
    env = {**os.environ, "FRONTLINE_QUIET": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "geo", "build", str(folder), "--db", str(db),
               "--jobs", str(jobs)]
    peak = peak_one = 0
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(child.pid)
    while child.poll() is None:
        total, largest = _tree_rss(watched)
        peak, peak_one = max(peak, total), max(peak_one, largest)
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - start
    errors = child.stderr.read() if child.stderr else ""
    if child.returncode != 0:
        print(f"  build failed ({child.returncode}): {errors.strip()[-500:]}", file=sys.stderr)
    return wall, peak, peak_one, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000],
                        help="archive sizes in comments (default 1000 10000 100000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="the archives' random seed")
    options = parser.parse_args(argv)

    print(f"Whole pipeline (python -m geo build --jobs {options.jobs}) on synthetic archives; "
          f"{os.cpu_count()} cores")
    print(f"{'comments':>9} {'threads':>7} {'MB':>6} {'wall s':>7} {'MB/s':>6} "
          f"{'comments/s':>10} {'peak RSS (tree)':>15} {'largest process':>15} {'growth':>7}")
    previous: tuple[int, float] | None = None
    for size in sorted(options.sizes):
        with tempfile.TemporaryDirectory(prefix=f"frontline-pipeline-{size}-") as tmp:
            folder = Path(tmp) / "archive"
            figures = make_archive.write_archive(folder, size, seed=options.seed)
            wall, peak, peak_one, status = run_build(folder, Path(tmp) / "atlas.sqlite",
                                                     options.jobs)
        megabytes = figures["bytes"] / 1e6
        growth = ""
        if previous is not None:
            ratio = (wall / previous[1]) / (size / previous[0]) * 10
            growth = f"{ratio:6.1f}x"
        previous = (size, wall)
        flag = "" if status == 0 else "  (FAILED)"
        print(f"{size:>9} {figures['threads']:>7} {megabytes:>6.1f} {wall:>7.1f} "
              f"{megabytes / wall:>6.2f} {size / wall:>10.0f} {peak / 2**20:>12.0f} MiB "
              f"{peak_one / 2**20:>11.0f} MiB {growth:>7}{flag}")
    print("growth: wall-time ratio per 10x comments (10.0x is linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
