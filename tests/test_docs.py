"""The README says what exists: its commands, options, JSON fields and URL parameters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.cli import parser
from geo.pipeline import build_corpus

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


def _subcommands() -> dict[str, set[str]]:
    top = parser()
    action = next(a for a in top._actions if a.dest == "command")
    return {name: {o for a in sub._actions for o in a.option_strings}
            for name, sub in action.choices.items()}


def test_readme_opens_with_the_two_commands():
    blocks = re.findall(r"^    (\S.*)$", README, re.MULTILINE)
    assert blocks[0] == "pip install -r requirements.txt && streamlit run app.py"
    assert blocks[1] == "pip install -r requirements-dev.txt && python -m pytest"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -r requirements-dev.txt && python -m pytest" in ci


@pytest.mark.parametrize("command", ["index", "build", "extract"])
def test_documented_subcommands_exist(command):
    assert f"python -m geo {command}" in README
    assert command in _subcommands()


def test_documented_options_exist():
    documented = set(re.findall(r"`(--[a-z-]+)", README))
    existing = set().union(*_subcommands().values())
    assert documented, "the README documents no option"
    assert documented <= existing, documented - existing
    assert existing - {"-h", "--help"} <= documented, "undocumented options"


def test_every_json_field_is_documented():
    corpus = build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name).to_dict()
    section = README.split("### The JSON corpus", 1)[1].split("###", 1)[0]
    for key, value in corpus.items():
        assert f"`{key}" in section, key
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for field in value[0]:
                assert f"`{field}`" in section or f"`{field}[]`" in section, f"{key}.{field}"


def test_every_url_parameter_is_documented():
    from atlas import state

    table = re.findall(r"^\| `(\w+)` \|", README, re.MULTILINE)
    source = Path(state.__file__).read_text()
    in_code = set(re.findall(r'_(?:known_)?values\(params, "(\w+)"', source))
    assert set(table) == in_code


def test_every_benchmark_is_documented_with_its_command():
    bench = ROOT / "bench"
    text = (bench / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"^    python (bench/\w+\.py)", text, re.MULTILINE))
    scripts = {f"bench/{p.name}" for p in bench.glob("*.py")}
    assert commands == scripts, (commands ^ scripts)
    assert "synthetic" in text and "synthetic" in README.split("## Speed and scale", 1)[1]
