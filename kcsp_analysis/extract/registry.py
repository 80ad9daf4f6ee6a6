"""The input kinds: which folder of ``data/raw/`` each reader takes.

A new input kind is a module in this folder with an ``extract(raw_dir, name)`` function
returning an :class:`~kcsp_analysis.extract.records.Extraction`, and one row here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kcsp_analysis.extract.records import Extraction


@dataclass(frozen=True)
class InputKind:
    """A folder of ``data/raw/`` and the module that reads the files in it."""

    folder: str
    module: str
    what: str

    def reader(self) -> Callable[[Path, str], Extraction]:
        """Return the kind's ``extract`` function, imported on first use."""
        module = importlib.import_module(f"kcsp_analysis.extract.{self.module}")
        reader: Callable[[Path, str], Extraction] = module.extract
        return reader


INPUT_KINDS: tuple[InputKind, ...] = (
    InputKind("reports/", "reports", "committee papers: txt, md, HTML, PDF"),
    InputKind("figures/", "figures", "an analyst's figures files: CSV, XLSX"),
    InputKind("policeuk/", "policeuk", "police.uk street-level crime and ASB files, by month"),
    InputKind("stats19/", "stats19", "DfT STATS19 collision and casualty files, by year"),
)


def kind_of(name: str) -> InputKind | None:
    """Return the input kind of a file named relative to ``data/raw/``, or None."""
    for kind in INPUT_KINDS:
        if name.startswith(kind.folder):
            return kind
    return None


def extract_all(raw_dir: Path, files: Iterable[str]) -> Extraction:
    """Extract every listed file (relative to ``raw_dir``) that an input kind reads."""
    extraction = Extraction()
    for name in sorted(files):
        kind = kind_of(name)
        if kind is not None:
            extraction.extend(kind.reader()(Path(raw_dir), name))
    return extraction
