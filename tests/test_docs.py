"""The README stays true: the measures table and every command are documented."""

from __future__ import annotations

import re
import subprocess
import sys

from kcsp_analysis import catalogue
from kcsp_analysis.cli import build_parser
from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_measures_table_is_the_catalogue():
    block = README.split("<!-- measures:start -->")[1].split("<!-- measures:end -->")[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \| (\w+) \| (.+?) \|$", block, flags=re.MULTILINE)
    expected = [
        (m.id, m.display_name, m.unit, m.polarity.replace("_", " "))
        for m in catalogue.measures().values()
    ]
    assert rows == expected


def test_every_cli_command_is_documented():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name in subparsers.choices:
        assert f"`kcsp {name}" in README, name


def test_quick_start_is_two_make_commands():
    quick = README.split("## Quick start")[1].split("##")[0]
    commands = re.findall(r"^make \w+", quick, flags=re.MULTILINE)
    assert commands == ["make briefings", "make test"]


def test_readme_corpus_table_is_what_the_corpus_score_prints():
    """The README's corpus table is the output of ``benchmarks/corpus_score.py`` today."""
    block = README.split("<!-- corpus:start -->\n")[1].split("<!-- corpus:end -->")[0]
    script = PROJECT_ROOT / "benchmarks" / "corpus_score.py"
    printed = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    ).stdout
    assert block == printed
