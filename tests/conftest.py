"""Shared fixtures: a pristine copy of the shipped raw data, and scratch copies of it.

No test reads the project's own ``data/raw/``: an analyst adds reports, figures files and
population estimates there, and none of them may change a test's outcome. The shipped
files are the rows of ``tests/golden/shipped_manifest.csv`` (the manifest as shipped);
they are copied, checksums checked, with that manifest into a folder of their own once
per test process (:data:`SHIPPED_RAW`). Tests read that copy, and write only to copies
of it (:func:`raw_copy`, :func:`copy_shipped_raw`).
"""

from __future__ import annotations

import atexit
import csv
import hashlib
import shutil
import tempfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_MANIFEST = PROJECT_ROOT / "tests" / "golden" / "shipped_manifest.csv"
AGENDA_PACK = "reports/2014-07-08_kcsp_agenda_pack.md"
# The project's raw folder: only the source of the shipped files, never read by a test.
_PROJECT_RAW = PROJECT_ROOT / "data" / "raw"
_RAW_SUBDIRS = ("reports", "figures")


def shipped_files() -> list[str]:
    """Return the shipped raw files, relative to the raw folder, in manifest order."""
    with open(SHIPPED_MANIFEST, encoding="utf-8", newline="") as handle:
        return [row["file"] for row in csv.DictReader(handle)]


def copy_shipped_raw(target: Path) -> Path:
    """Copy only the shipped raw files and their manifest into ``target``; return it.

    Modification times are kept. A shipped file whose bytes differ from the shipped
    manifest stops the test run: the seeds are never edited.
    """
    target.mkdir(parents=True)
    for sub in _RAW_SUBDIRS:
        (target / sub).mkdir()
    with open(SHIPPED_MANIFEST, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        source = _PROJECT_RAW / row["file"]
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        if digest != row["sha256"]:
            raise RuntimeError(f"{source}: shipped file edited (sha256 {digest})")
        (target / row["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / row["file"])
    shutil.copy2(SHIPPED_MANIFEST, target / "MANIFEST.csv")
    return target


def _make_shipped_raw() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kcsp-shipped-raw-"))
    atexit.register(shutil.rmtree, folder, True)
    return copy_shipped_raw(folder / "raw")


SHIPPED_RAW = _make_shipped_raw()
"""A copy of the shipped raw folder (reports, empty figures/, manifest), one per process."""


def raw_line(name: str, line_number: int) -> str:
    """Line ``line_number`` (1-based) of a shipped raw file, as text."""
    return (SHIPPED_RAW / name).read_text(encoding="utf-8").splitlines()[line_number - 1]


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped raw folder (reports, figures and manifest)."""
    return copy_shipped_raw(tmp_path / "raw")


@pytest.fixture(autouse=True)
def _writes_allowed() -> None:
    """Each test starts with output writes allowed: a Ctrl-C test refuses them after it."""
    from kcsp_analysis.file_sets import allow_writes

    allow_writes()
