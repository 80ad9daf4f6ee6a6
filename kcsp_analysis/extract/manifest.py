"""The manifest of raw files: raw data is never modified, and every run checks it."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from kcsp_analysis.errors import KcspError

MANIFEST_NAME = "MANIFEST.csv"
MANIFEST_COLUMNS = ("file", "original_name", "sha256", "title", "meeting_date", "format")
OTHER_RAW_SUBDIRS = ("population",)
"""Raw folders read outside extraction (by the analysis), besides the input kinds' folders."""


@dataclass(frozen=True)
class ManifestEntry:
    """One raw file as recorded when it was added."""

    file: str
    original_name: str
    sha256: str
    title: str
    meeting_date: str
    format: str


@dataclass(frozen=True)
class ManifestCheck:
    """The outcome of checking ``data/raw`` against its manifest.

    ``unlisted`` files are new: they are read, and the analyst is told the manifest row
    to add for each.
    """

    entries: tuple[ManifestEntry, ...]
    unlisted: tuple[str, ...]

    def suggested_rows(self, raw_dir: Path) -> list[str]:
        """Manifest rows to add for the unlisted files (title and date left to fill)."""
        return [
            f"{name},{Path(name).name},{sha256_of(raw_dir / name)},,," for name in self.unlisted
        ]


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(raw_dir: Path) -> tuple[ManifestEntry, ...]:
    """Return the entries of ``raw_dir/MANIFEST.csv``."""
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.exists():
        raise KcspError("no manifest of raw files", source=str(path))
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != MANIFEST_COLUMNS:
            raise KcspError(
                f"line 1: expected columns {', '.join(MANIFEST_COLUMNS)}", source=str(path)
            )
        return tuple(ManifestEntry(**row) for row in reader)


def raw_files(raw_dir: Path) -> list[str]:
    """List the data files in ``raw_dir``'s input-kind folders and population/, sorted."""
    from kcsp_analysis.extract.registry import INPUT_KINDS

    raw_dir = Path(raw_dir)
    found = []
    for sub in [kind.folder.rstrip("/") for kind in INPUT_KINDS] + list(OTHER_RAW_SUBDIRS):
        folder = raw_dir / sub
        if folder.is_dir():
            found += [
                p.relative_to(raw_dir).as_posix()
                for p in folder.rglob("*")
                if p.is_file() and not p.name.startswith(".")
            ]
    return sorted(found)


def verify_raw(raw_dir: Path) -> ManifestCheck:
    """Check every listed raw file against its checksum.

    Raises :class:`KcspError` when a listed file is missing or its bytes changed.
    """
    raw_dir = Path(raw_dir)
    entries = read_manifest(raw_dir)
    manifest_path = str(raw_dir / MANIFEST_NAME)
    for line, entry in enumerate(entries, start=2):
        path = raw_dir / entry.file
        if not path.exists():
            raise KcspError(
                f"line {line}: listed file {entry.file} is missing", source=manifest_path
            )
        actual = sha256_of(path)
        if actual != entry.sha256:
            raise KcspError(
                f"line {line}: {entry.file} has changed since it was added "
                f"(sha256 {actual}, manifest says {entry.sha256}); raw data must not be "
                "edited: restore the file, or add the new version under a new name",
                source=manifest_path,
            )
    listed = {e.file for e in entries}
    unlisted = tuple(name for name in raw_files(raw_dir) if name not in listed)
    return ManifestCheck(entries, unlisted)
