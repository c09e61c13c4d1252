"""Time and peak memory of ``python -m geo extract`` on one big thread (5, 20, 50 MB).

    python bench/bench_formats.py                 # 5, 20 and 50 MB
    python bench/bench_formats.py --sizes 5 20    # some of them

Each input is ONE thread in the seed's real footer format (``Posted by: NAME | DD Month YYYY
at HH:MM AM``), written by ``bench/make_archive.py``'s thread generator from the seed's own
sentences (synthetic: invented authors, dates and regional place names).  The command runs
as a child process; its peak resident memory is sampled with psutil every 50 ms (the
child and its children), and the JSON it prints goes to a file.  Prints one line per size.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.make_archive import (  # noqa: E402
    _authors,
    _seed_material,
    generate_thread,
    regional_places,
)

BYTES_PER_COMMENT = 830  # what generate_thread writes on average (measured)


def write_thread(path: Path, megabytes: float, *, seed: int = 1) -> int:
    """One thread of about ``megabytes`` MB; returns its size in bytes."""
    rng = random.Random(seed)
    comments = max(2, int(megabytes * 1e6 / BYTES_PER_COMMENT))
    text = generate_thread(rng, comments, 0, 1, _seed_material(), regional_places(),
                           _authors(rng, 2000))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def run_extract(path: Path, out: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS bytes, exit status) of ``python -m geo extract path``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FRONTLINE_QUIET": "1"}
    started = time.perf_counter()
    with out.open("wb") as sink:
        child = subprocess.Popen([sys.executable, "-m", "geo", "extract", str(path)],
                                 cwd=ROOT, env=env, stdout=sink, stderr=subprocess.DEVNULL)
        watched = psutil.Process(child.pid)
        peak = 0
        while child.poll() is None:
            try:
                rss = watched.memory_info().rss + sum(
                    c.memory_info().rss for c in watched.children(recursive=True))
            except psutil.Error:
                rss = 0
            peak = max(peak, rss)
            time.sleep(0.05)
    return time.perf_counter() - started, peak, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 20, 50],
                        help="input sizes in MB")
    options = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="frontline-formats-"))
    print("size_MB  seconds  s_per_MB  peak_RSS_MB  output_MB  status")
    for megabytes in options.sizes:
        thread = folder / f"thread_{megabytes:g}mb.txt"
        size = write_thread(thread, megabytes)
        out = folder / f"thread_{megabytes:g}mb.json"
        seconds, peak, status = run_extract(thread, out)
        print(f"{size / 1e6:7.1f}  {seconds:7.1f}  {seconds / (size / 1e6):8.2f}  "
              f"{peak / 1e6:11.0f}  {out.stat().st_size / 1e6:9.1f}  {status}", flush=True)
        thread.unlink()
        out.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
