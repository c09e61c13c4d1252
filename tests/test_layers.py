"""The import table, enforced: one floor per kind of code (see "Where things live" in README).

Every module of ``geo/``, ``atlas/``, ``pages/`` and ``app.py`` is parsed (never imported) and
its imports are read from the syntax tree: ``import x``, ``from x import y`` (a ``y`` that is a
module counts as importing it), relative imports resolved.  Imports under
``if TYPE_CHECKING:`` are not edges: they never run.

    pipeline (geo) → store (geo.corpus) → view (atlas pure, atlas.map) → screen (atlas.ui, pages)

A rule not yet true of the code is listed in ``PENDING`` with the reason; the test fails both
when a new violation appears and when a pending one has gone (so the list only shrinks).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STDLIB = set(sys.stdlib_module_names) | {"__future__"}
SCREEN = ("streamlit", "streamlit_folium")           # Streamlit and its components
DRAWING = ("folium", "branca", "jinja2")              # map drawing
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_files() -> dict[str, Path]:
    files = [ROOT / "app.py"]
    for folder in ("geo", "atlas", "pages"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return {module_name(p): p for p in files if "__pycache__" not in p.parts}


MODULES = project_files()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk_runtime(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in [child, *_walk_runtime(child)])
            continue
        yield node
        yield from _walk_runtime(node)


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    if MODULES[module].name != "__init__.py":
        package = package[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])


def imports_of(module: str) -> set[str]:
    """The modules ``module`` imports at run time (project modules by their full name)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _walk_runtime(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES)
    return found


IMPORTS = {module: imports_of(module) for module in MODULES}


def under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@dataclass(frozen=True)
class Rule:
    """``who`` (a predicate on the importing module) must never import ``never``."""

    name: str
    applies: object  # Callable[[str], bool]
    forbidden: object  # Callable[[str], bool]


def is_ui(module: str) -> bool:
    return under(module, "atlas.ui")


def is_map(module: str) -> bool:
    return under(module, "atlas.map")


def is_atlas_pure(module: str) -> bool:
    return under(module, "atlas") and not is_ui(module) and not is_map(module)


def is_page(module: str) -> bool:
    return under(module, "pages") or module == "app"


RULES = [
    Rule("geo/paths.py and geo/records.py import only the standard library",
         lambda m: m in {"geo.paths", "geo.records"},
         lambda i: i.split(".")[0] not in STDLIB),
    Rule("geo never imports streamlit, folium, atlas or pages",
         lambda m: under(m, "geo"),
         lambda i: under(i, *SCREEN, *DRAWING, "atlas", "pages")),
    Rule("atlas pure modules never import streamlit, folium, atlas.ui, atlas.map",
         is_atlas_pure,
         lambda i: under(i, *SCREEN, *DRAWING, "atlas.ui", "atlas.map")),
    Rule("atlas pure modules never touch the store, the pipeline or the network",
         is_atlas_pure,
         lambda i: under(i, "geo.corpus", "geo.pipeline", "geo.online")),
    Rule("atlas.map never imports streamlit or atlas.ui",
         is_map,
         lambda i: under(i, *SCREEN, "atlas.ui")),
    Rule("nothing below pages imports pages or app",
         lambda m: under(m, "atlas", "geo"),
         lambda i: under(i, "pages", "app")),
    Rule("pages import geo only for records, exports and paths",
         is_page,
         lambda i: under(i, "geo") and not under(i, "geo.records", "geo.export", "geo.paths")),
]

# (rule name, importer, imported): a rule not yet true, with the reason.  Empty: the table holds.
PENDING: set[tuple[str, str, str]] = set()

# Oversized today, each to be split (issue 11 phase 2 or the package's owner).
PENDING_MODULES: set[str] = set()
PENDING_FUNCTIONS: set[str] = set()


def violations() -> set[tuple[str, str, str]]:
    found = set()
    for rule in RULES:
        for module, imported in IMPORTS.items():
            if not rule.applies(module):  # type: ignore[operator]
                continue
            found.update((rule.name, module, i) for i in imported
                         if rule.forbidden(i))  # type: ignore[operator]
    return found


def test_the_import_table_holds():
    found = violations()
    new = sorted(found - PENDING)
    assert not new, "imports against the table:\n" + "\n".join(map(str, new))


def test_pending_exceptions_are_still_needed():
    gone = sorted(PENDING - violations())
    assert not gone, "no longer true, remove from PENDING:\n" + "\n".join(map(str, gone))


def test_only_atlas_ui_and_pages_import_streamlit():
    bound = {m for m, imported in IMPORTS.items() if any(under(i, *SCREEN) for i in imported)}
    outside = {m for m in bound if not (is_ui(m) or is_page(m))}
    pending = {m for _, m, i in PENDING if under(i, *SCREEN)}
    assert outside == pending


def test_the_walker_sees_imports():
    # the walker itself: a broken resolver would make every rule above vacuous
    assert "streamlit" in IMPORTS["app"] or any("streamlit" in IMPORTS[m] for m in MODULES
                                                 if is_page(m))
    assert "geo.records" in IMPORTS["geo.corpus"]
    assert "geo.paths" in IMPORTS["geo.gazetteer.lookup"]
    assert "geo.claims.rules" in IMPORTS["geo.claims"]  # a package face's imports
    assert "geo.formats.footed" in IMPORTS["geo.thread"]


def _graph() -> dict[str, set[str]]:
    return {m: {i for i in imported if i in MODULES and i != m} for m, imported in IMPORTS.items()}


def test_no_import_cycles():
    graph = _graph()
    colour: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        colour[node] = 1
        for nxt in sorted(graph[node]):
            if colour.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in colour:
                visit(nxt, [*path, nxt])
        colour[node] = 2

    for start in sorted(graph):
        if start not in colour:
            visit(start, [start])
    # a package face importing its own parts is no cycle unless a part imports the face back
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def _functions(module: str) -> Iterator[tuple[str, int]]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield f"{module}.{node.name}", node.end_lineno - node.lineno + 1  # type: ignore[operator]


def test_no_module_over_500_lines():
    sizes = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in MODULES.items()}
    over = {m for m, n in sizes.items() if n > MAX_MODULE_LINES}
    assert over == PENDING_MODULES, {m: sizes[m] for m in over ^ PENDING_MODULES}


def test_no_function_over_60_lines():
    over = {name for m in MODULES for name, n in _functions(m) if n > MAX_FUNCTION_LINES}
    assert over == PENDING_FUNCTIONS, sorted(over ^ PENDING_FUNCTIONS)


def test_every_data_path_comes_from_geo_paths():
    # a module that builds a path under data/ itself (``DATA_DIR / "x.csv"``) hides it from the
    # registry (geo.paths is the one place a data file is named)
    builders = set()
    for module, path in MODULES.items():
        if module == "geo.paths":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
                    and isinstance(node.left, ast.Name) and node.left.id == "DATA_DIR"):
                builders.add(module)
    assert not builders, sorted(builders)


def test_thread_links_have_one_builder():
    # every "full comment →" keeps the reader's filters only if every link is built by
    # atlas.state.entry_link; a second builder is how the map panel came to drop them
    builders = set()
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and any(
                    isinstance(v, ast.Constant) and "Thread?" in str(v.value) for v in node.values):
                builders.add(module)
    assert builders == {"atlas.state"} | PENDING_LINK_BUILDERS


PENDING_LINK_BUILDERS: set[str] = set()


def _string_keys(module: str) -> list[str]:
    """Session keys written as string literals: ``key="..."``, ``session_state["..."]``,
    ``session_state.get("...")`` / ``.pop("...")``, ``"..." in st.session_state``."""
    found = []
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.keyword) and node.arg == "key":
            candidates = [node.value]
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("session_state"):
            candidates = [node.slice]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in {"get", "pop", "setdefault"}
              and ast.unparse(node.func.value).endswith("session_state") and node.args):
            candidates = [node.args[0]]
        elif (isinstance(node, ast.Compare) and len(node.comparators) == 1
              and ast.unparse(node.comparators[0]).endswith("session_state")):
            candidates = [node.left]
        else:
            continue
        found += [c.value for c in candidates
                  if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return found


def test_every_session_key_is_named_once_in_atlas_ui_keys():
    written = {m: _string_keys(m) for m in MODULES if m != "atlas.ui.keys"}
    assert {m: k for m, k in written.items() if k} == {}
    from atlas.ui import keys

    values = [v for n, v in vars(keys).items() if n.isupper() and isinstance(v, str)]
    assert len(values) == len(set(values)), "two names for one key"
    assert len(values) > 30  # the walker above found them before they moved here


def test_one_colour_policy():
    # colours reach CSS only through atlas/colours.py (the lexicon checks them when read):
    # a second hex check or a second "Others" grey is how the panel, the feed, the Thread
    # page and the map came to disagree about a faction with a bad colour
    checkers = {m for m, p in MODULES.items()
                if "0-9A-Fa-f" in p.read_text(encoding="utf-8") or
                "#999999" in p.read_text(encoding="utf-8")}
    assert checkers == {"atlas.colours", "geo.factions"}
