"""Write a synthetic archive of threads for the benchmarks: N comments in the seed's format.

    python bench/make_archive.py --comments 10000 --seed 1 --out /tmp/frontline-archive-10k

The archive is SYNTHETIC.  Its words are the seed thread's sentences, reshuffled: each comment
takes the shape (paragraphs, sentences per paragraph) of a seed comment and fills it with
sentences drawn from the whole seed.  Where the gold (``tests/gold/seed.json``) marks a city,
town or village mention, the name is replaced, most of the time, by a place drawn from the
gazetteer's region (in-region GeoNames places with a population, or curated supplement places),
so the geoparser meets many names it must look up, rank and place, not the seed's few.  Authors
are invented, dates run over months (threads spread across 2016-2017, comments minutes to hours
apart), some comments open by addressing an earlier commenter or by quoting an earlier comment,
and the blog owner signs the post and his comments with ``pl`` as in the seed.  So the pipeline
does the seed's kind of work at scale; the figures say nothing about accuracy on other threads.

Each thread is one ``thread_NNNNN.txt`` of 25-200 comments: the post ending with its signature,
then each comment closed by ``Posted by: NAME | DD Month YYYY at HH:MM AM/PM``.  The same
``--seed`` and ``--comments`` always give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.gazetteer import load_gazetteer, name_key  # noqa: E402
from geo.thread import parse_thread  # noqa: E402

SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
GOLD = ROOT / "tests" / "gold" / "seed.json"
OWNER, SIGNATURE = "turcopolier", "pl"
SUBSTITUTED_KINDS = {"city", "town", "village"}  # gold kinds whose names are swapped
KEEP_ORIGINAL = 0.25  # share of slots that keep the seed's own name ("Halab", "Mabij", ...)
MIN_COMMENTS, MAX_COMMENTS = 25, 200
START = datetime(2016, 1, 4, 8, 0)
SPAN_DAYS = 700  # threads spread over about 23 months
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
PLAIN_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")

FIRST = ("Alder", "Basil", "Corvid", "Dunmore", "Ellis", "Fenwick", "Garnet", "Harlan", "Ives",
         "Jasper", "Kestrel", "Linden", "Marlow", "Nolan", "Orrin", "Percy", "Quill", "Rowan",
         "Sable", "Tamsin", "Ulric", "Vesper", "Wren", "Yardley", "Zeno", "Amory", "Bram",
         "Cass", "Dorian", "Emrys")
LAST = ("Ashcombe", "Blackwood", "Crane", "Dalby", "Everly", "Frost", "Greaves", "Holloway",
        "Inch", "Jessop", "Kerridge", "Lockley", "Mayhew", "Norcott", "Oakes", "Pryor",
        "Quarles", "Rendell", "Stroud", "Thorne", "Upton", "Varley", "Whitlock", "Yelland")
HANDLES = ("oldhand", "desertfox", "tanker", "fieldnotes", "mapreader", "sandtable",
           "longview", "ridgeline", "watchman", "wadi_walker", "lowflyer", "coastwatch")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A seed sentence as literal parts and place slots (``None`` parts are slots)."""

    parts: tuple[str | None, ...]
    originals: tuple[str, ...]  # the seed's name in each slot, in order


def _seed_material() -> tuple[list[Sentence], list[list[int]], list[int]]:
    """The seed's sentences (with slots), comment shapes and the post's shape."""
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    kinds = {key: place["kind"] for key, place in gold["places"].items()}
    slots = sorted((m["start"], m["end"]) for m in gold["mentions"]
                   if not m.get("anaphor") and kinds[m["place"]] in SUBSTITUTED_KINDS)
    thread = parse_thread(text, source=SEED.name)
    sentences: list[Sentence] = []
    shapes: list[list[int]] = []
    post_shape: list[int] = []
    for entry in thread.entries:
        shape: list[int] = []
        offset = entry.start
        for line in entry.text.split("\n"):
            body = line.rstrip()
            if body.endswith(f" {SIGNATURE}"):  # the owner's sign-off is added back by us
                body = body[: -len(SIGNATURE) - 1].rstrip()
            pieces = [p for p in SENTENCE_SPLIT.split(body) if len(p.split()) >= 3]
            if len(body.split()) >= 2:
                cursor = 0
                for piece in pieces:
                    at = body.index(piece, cursor)
                    cursor = at + len(piece)
                    sentences.append(_template(piece, offset + at, slots))
                shape.append(len(pieces))
            offset += len(line) + 1
        if not shape:
            continue
        if entry.kind == "post":
            post_shape = shape
        else:
            shapes.append(shape)
    return sentences, shapes, post_shape


def _template(piece: str, start: int, slots: list[tuple[int, int]]) -> Sentence:
    parts: list[str | None] = []
    originals: list[str] = []
    cursor = 0
    for s, e in slots:
        if s >= start and e <= start + len(piece):
            parts.append(piece[cursor: s - start])
            parts.append(None)
            originals.append(piece[s - start: e - start])
            cursor = e - start
    parts.append(piece[cursor:])
    return Sentence(tuple(parts), tuple(originals))


def regional_places() -> list[str]:
    """Names of the region's places the gazetteer knows by that very name (sorted, unique)."""
    gazetteer = load_gazetteer()
    names: set[str] = set()
    for place in gazetteer.places.values():
        curated = place.id.startswith("supplement:")
        if place.kind == "country" or not (curated or place.population > 0):
            continue
        if not gazetteer.in_region(place):
            continue
        name = place.name
        if PLAIN_NAME.fullmatch(name) and name[0].isupper() and name_key(name) in gazetteer:
            names.add(name)
    return sorted(names)


def _authors(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        style = rng.random()
        if style < 0.5:
            names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        elif style < 0.8:
            names.add(f"{rng.choice(HANDLES)}{rng.randint(1, 999)}")
        else:
            names.add(f"{rng.choice(FIRST)}{rng.choice(LAST)[0]}")
    return sorted(names)


class _Writer:
    """Builds one thread's text; keeps what later comments may quote or answer."""

    def __init__(self, rng: random.Random, sentences: list[Sentence], theatre: list[str]):
        self.rng = rng
        self.sentences = sentences
        self.theatre = theatre

    def sentence(self) -> str:
        chosen = self.rng.choice(self.sentences)
        out: list[str] = []
        slot = 0
        for part in chosen.parts:
            if part is not None:
                out.append(part)
                continue
            if self.rng.random() < KEEP_ORIGINAL:
                out.append(chosen.originals[slot])
            else:  # the thread's few places come up again and again, as in a real thread
                index = min(int(self.rng.expovariate(0.35)), len(self.theatre) - 1)
                out.append(self.theatre[index])
            slot += 1
        return "".join(out)

    def body(self, shape: list[int]) -> list[str]:
        return [" ".join(self.sentence() for _ in range(n)) for n in shape]


def generate_thread(rng: random.Random, comments: int, number: int, total_threads: int,
                    material: tuple[list[Sentence], list[list[int]], list[int]],
                    places: list[str], authors: list[str]) -> str:
    """One thread: the post (signed), then ``comments`` comments with footers."""
    sentences, shapes, post_shape = material
    writer = _Writer(rng, sentences, rng.sample(places, 12))
    lines = writer.body(post_shape)
    lines[-1] = f"{lines[-1]} {SIGNATURE}"
    cast = rng.sample(authors, min(len(authors), rng.randint(8, 40)))
    when = START + timedelta(days=SPAN_DAYS * number / max(1, total_threads),
                             minutes=rng.randint(0, 600))
    owner_turns = set(rng.sample(range(1, comments), k=max(1, comments // 12))) if comments > 1 \
        else {0}
    earlier: list[tuple[str, str]] = []  # (author, a sentence of theirs)
    for index in range(comments):
        author = OWNER if index in owner_turns else rng.choice(cast)
        shape = [1] if index == 0 else rng.choice(shapes)  # one line: the post ends clearly
        body = writer.body(shape)
        if index > 0 and earlier:
            roll = rng.random()
            quotable = [s for _, s in earlier[-30:] if len(s) >= 30]
            if roll < 0.12 and quotable:
                body.insert(0, f"\"{rng.choice(quotable)}\"")
            elif roll < 0.2:
                body.insert(0, earlier[rng.randrange(max(0, len(earlier) - 10),
                                                     len(earlier))][0])
        if author == OWNER:
            body[-1] = f"{body[-1]} {SIGNATURE}"
        earlier.append((author, body[-1].split(". ")[0]))
        when += timedelta(minutes=rng.randint(1, 180))
        lines.extend(body)
        lines.append(f"Posted by: {author} | {when:%d %B %Y at %I:%M %p}")
    return "\n".join(lines) + "\n"


def thread_sizes(rng: random.Random, comments: int) -> list[int]:
    sizes: list[int] = []
    remaining = comments
    while remaining > 0:
        size = min(remaining, rng.randint(MIN_COMMENTS, MAX_COMMENTS))
        if remaining - size < MIN_COMMENTS and remaining <= MAX_COMMENTS + MIN_COMMENTS:
            size = remaining
        sizes.append(size)
        remaining -= size
    return sizes


def write_archive(out: Path, comments: int, *, seed: int = 1) -> dict[str, int]:
    """Write the archive into ``out`` (created; old ``thread_*.txt`` removed); its figures."""
    rng = random.Random(seed)
    material = _seed_material()
    places = regional_places()
    authors = _authors(rng, 2000)
    sizes = thread_sizes(rng, comments)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("thread_*.txt"):
        old.unlink()
    total = 0
    for number, size in enumerate(sizes):
        text = generate_thread(rng, size, number, len(sizes), material, places, authors)
        path = out / f"thread_{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return {"threads": len(sizes), "comments": comments, "bytes": total,
            "places": len(places)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=10_000, help="comments in all")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: a new folder under /tmp)")
    options = parser.parse_args(argv)
    if options.comments < 1:
        parser.error("--comments must be at least 1")
    out = options.out or Path(tempfile.mkdtemp(prefix=f"frontline-archive-{options.comments}-"))
    figures = write_archive(out, options.comments, seed=options.seed)
    print(f"{out}: {figures['threads']} threads, {figures['comments']} comments, "
          f"{figures['bytes'] / 1e6:.1f} MB, names from {figures['places']} regional places "
          "(synthetic: the seed's sentences reshuffled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
