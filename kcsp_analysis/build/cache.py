"""Content hashes and stamps: what decides that a build step can be skipped.

A step records the hash of its inputs and of the files it wrote; it is skipped when the
inputs hash the same and every output is still as written. Only the standard library is
used here, so a build with nothing to do starts in a
fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kcsp_analysis.atomic import write_text_atomic

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def digest_files(named_files: Iterable[tuple[str, Path]]) -> str:
    """One sha256 over names and contents, independent of the order given."""
    digest = hashlib.sha256()
    for name, path in sorted(named_files):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def tree_files(folder: Path, patterns: Iterable[str] = ("*",)) -> list[tuple[str, Path]]:
    """List (relative name, path) of the files under ``folder``, but hidden ones and caches.

    Files in hidden folders are left out too: the store of an output set
    (:mod:`kcsp_analysis.file_sets`) is reached through the set's links.
    """
    if not folder.is_dir():
        return []
    found = {p for pattern in patterns for p in folder.rglob(pattern) if p.is_file()}
    return [
        (p.relative_to(folder).as_posix(), p)
        for p in found
        if "__pycache__" not in p.parts
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]


def package_digest() -> str:
    """Return the hash of every file of the package: source, data, templates and version.

    Every file counts (not only ``*.py`` and ``*.csv``), so an edited nbconvert template
    or a new data file of any kind reruns what depends on it.
    """
    return digest_files([*tree_files(PACKAGE_DIR), ("version", _version_file())])


def _version_file() -> Path:
    # The version string is part of the digest through the file that defines it.
    return PACKAGE_DIR / "__init__.py"


def parameters_text(parameters: Mapping[str, Any]) -> str:
    """Return the notebook parameters as canonical JSON, for hashing."""
    return json.dumps(dict(parameters), sort_keys=True, default=str)


def notebook_key(
    notebook: Path,
    processed: Path,
    package: str,
    parameters: Mapping[str, Any],
    raw: Path | None = None,
) -> str:
    """Return the cache key of one executed notebook.

    The key covers everything a notebook reads: the notebook itself, every file of the
    processed folder (snapshots included), every file of the raw folder ``raw`` (reports,
    figures, population estimates, any new input folder, and the manifest whose titles
    and dates the briefings print), the package (``package``, see :func:`package_digest`)
    and the parameters.
    """
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(notebook.read_bytes()).digest())
    digest.update(digest_files(tree_files(processed)).encode())
    if raw is not None:
        digest.update(b"raw\0" + digest_files(tree_files(raw)).encode())
    digest.update(package.encode())
    digest.update(parameters_text(parameters).encode())
    return digest.hexdigest()


def read_json(path: Path) -> dict[str, Any]:
    """Read a stamp; a missing or unreadable one is empty, so the step reruns."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write a stamp atomically, keys sorted."""
    write_text_atomic(path, json.dumps(data, indent=1, sort_keys=True) + "\n")


def file_hashes(files: Iterable[Path], root: Path) -> dict[str, str]:
    """Return the sha256 of each file, by its path relative to ``root``."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files
    }


def outputs_intact(recorded: Mapping[str, str], root: Path) -> bool:
    """Tell whether every recorded output is still as written."""
    if not recorded:
        return False
    for name, expected in recorded.items():
        path = root / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            return False
    return True
