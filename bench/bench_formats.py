"""Each comment family read right, and ``python -m geo extract`` on big threads.

    python bench/bench_formats.py                 # accuracy, then 5, 20 and 50 MB
    python bench/bench_formats.py --sizes 5 20    # some of the sizes
    python bench/bench_formats.py --sizes         # accuracy only

Accuracy: for each hand-made sample in ``tests/fixtures/formats/``, the share of entries whose
kind, author and time are exactly those of ``tests/fixtures/formats_expected.json``, and of
replies found.

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
import resource
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

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
BYTES_PER_COMMENT = 830  # what generate_thread writes on average (measured)


def write_thread(path: Path, megabytes: float, *, seed: int = 1) -> int:
    """One thread of about ``megabytes`` MB; returns its size in bytes."""
    rng = random.Random(seed)
    comments = max(2, int(megabytes * 1e6 / BYTES_PER_COMMENT))
    text = generate_thread(rng, comments, 0, 1, _seed_material(), regional_places(),
                           _authors(rng, 2000))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def run_extract(path: Path, out: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak RSS bytes, exit status) of ``python -m geo extract``.

    CPU seconds (user + system of the child) are the figure to compare on a shared machine:
    the wall time also counts the time other processes had the cores."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FRONTLINE_QUIET": "1"}
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
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
    wall = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)
    return wall, cpu, peak, child.returncode


def print_accuracy() -> None:
    """Per sample: entries with kind, author and time exact; replies as expected."""
    import json
    from datetime import datetime

    from geo.thread import parse_thread

    expected = json.loads((FIXTURES.parent / "formats_expected.json").read_text("utf-8"))
    as_of = datetime.fromisoformat(expected["as_of"])
    print("sample                family               entries  exact  replies_right")
    for name in sorted(n for n in expected if "." in n):
        want = expected[name]["entries"]
        thread = parse_thread((FIXTURES / name).read_text("utf-8"), source=name, as_of=as_of)
        got = [[e.kind, e.author, e.posted_at, e.replies_to] for e in thread.entries]
        exact = sum(g[:3] == w[:3] for g, w in zip(got, want, strict=False))
        replies = sum(g[3] == w[3] for g, w in zip(got, want, strict=False))
        print(f"{name:21} {thread.family:20} {len(want):7}  {exact / len(want):5.0%}  "
              f"{replies}/{len(want)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[5, 20, 50],
                        help="input sizes in MB")
    options = parser.parse_args(argv)
    print_accuracy()
    if not options.sizes:
        return 0
    folder = Path(tempfile.mkdtemp(prefix="frontline-formats-"))
    print("size_MB  wall_s  cpu_s  cpu_s_per_MB  peak_RSS_MB  output_MB  status")
    for megabytes in options.sizes:
        thread = folder / f"thread_{megabytes:g}mb.txt"
        size = write_thread(thread, megabytes)
        out = folder / f"thread_{megabytes:g}mb.json"
        wall, cpu, peak, status = run_extract(thread, out)
        print(f"{size / 1e6:7.1f}  {wall:6.1f}  {cpu:5.1f}  {cpu / (size / 1e6):12.2f}  "
              f"{peak / 1e6:11.0f}  {out.stat().st_size / 1e6:9.1f}  {status}", flush=True)
        thread.unlink()
        out.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
