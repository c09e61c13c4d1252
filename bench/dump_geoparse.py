"""Dump everything the geoparser outputs, line by line, to compare two checkouts byte for byte.

    python bench/dump_geoparse.py --out /tmp/after.txt
    python bench/dump_geoparse.py --root /tmp/before --archive /tmp/arch --out /tmp/before.txt
    diff /tmp/before.txt /tmp/after.txt

Read: the 10k-comment synthetic archive (written once by ``make_archive`` into ``--archive``
if that folder has no threads yet, so both checkouts read the same text), the seed thread,
the fixture threads, and the gold texts of ``tests/gold/dev``.  Each mention (surface, offsets,
place id, coordinates, precision, confidence, evidence), anaphor, unresolved name, relation and
rejection is a line.  For the ``heldout`` and ``calib`` gold texts, whose errors are not to be
read, only a SHA-256 of their lines is written: equal or not, nothing more.  The checkout's own
code and index are used (``--root``), run in a child process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import hashlib, json, sys
from pathlib import Path
root, archive, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
sys.path.insert(0, str(root))
from geo.factions import load_lexicon
from geo.gazetteer import ensure_index, load_gazetteer
from geo.geoparse import geoparse
from geo.thread import parse_thread
ensure_index()
gazetteer = load_gazetteer()
aliases = [a.text for a in load_lexicon().aliases]

def lines(name, text):
    entries = parse_thread(text, source=name, strict=False).entries
    r = geoparse(entries, gazetteer, actor_aliases=aliases)
    for m in r.mentions:
        p = r.places[m.place]
        yield (f"M {m.entry} {m.start} {m.end} {m.surface!r} {m.place} {p.lat!r} {p.lon!r} "
               f"p{m.precision} c{m.confidence!r} {m.speaker!r} {m.evidence!r}")
    for m in r.anaphora:
        yield f"A {m.entry} {m.start} {m.end} {m.surface!r} {m.place} p{m.precision}"
    for u in r.unresolved:
        yield f"U {u.entry} {u.start} {u.end} {u.surface!r}"
    for x in r.relations:
        yield f"R {x!r}"
    for x in r.rejected:
        yield f"X {x!r}"
    for key in sorted(r.places):
        yield f"P {r.places[key]!r}"

texts = [(p.name, p.read_text(encoding="utf-8"), "") for p in sorted(archive.glob("*.txt"))]
texts += [(p.name, p.read_text(encoding="utf-8"), "")
          for p in sorted((root / "seeds").glob("*.txt"))]
texts += [(p.name, p.read_text(encoding="utf-8"), "")
          for p in sorted((root / "tests" / "fixtures").glob("*.txt"))]
for gold in sorted((root / "tests" / "gold" / "dev").glob("*.json")):
    data = json.loads(gold.read_text(encoding="utf-8"))
    split = data.get("split", "tune")
    texts.append((gold.stem, (gold.parent / data["text"]).read_text(encoding="utf-8"),
                  "" if split == "tune" else split))
with out.open("w", encoding="utf-8") as f:
    for name, text, hidden in texts:
        if hidden:
            digest = hashlib.sha256("\n".join(lines(name, text)).encode()).hexdigest()
            f.write(f"== {name} [{hidden}] sha256 {digest}\n")
            continue
        f.write(f"== {name}\n")
        for line in lines(name, text):
            f.write(line + "\n")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--archive", type=Path, default=Path("/tmp/frontline-dump-archive"))
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args(argv)
    if not any(options.archive.glob("thread_*.txt")):
        sys.path.insert(0, str(ROOT / "bench"))
        import make_archive

        make_archive.write_archive(options.archive, options.comments, seed=1)
    subprocess.run([sys.executable, "-c", CHILD, str(options.root.resolve()),
                    str(options.archive.resolve()), str(options.out.resolve())],
                   check=True, cwd=options.root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
