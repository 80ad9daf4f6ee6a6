"""Names of raw files checked before anything is opened: inside the raw folder, regular.

A manifest row or a file found in ``data/raw/`` is read only when its real path (links
followed) is a regular file inside the raw folder. Anything else is refused without
being opened: a FIFO would block for ever, a device could be endless, and a file
outside the raw folder (``reports/../../secret.txt``, a link to ``/etc/passwd``) must
not reach the outputs nor a message, not even by its checksum.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kcsp_analysis.errors import KcspError


def outside_reason(raw_dir: Path, name: str) -> str:
    """Return why ``name`` (relative to ``raw_dir``) is not inside it, or ``""``."""
    given = Path(name)
    if given.is_absolute() or ".." in given.parts:
        return "names a place outside the raw folder; give a path inside it, such as reports/x.txt"
    try:
        (Path(raw_dir) / name).resolve().relative_to(Path(raw_dir).resolve())
    except ValueError:
        return "is a link to a file outside the raw folder; copy the file in instead"
    return ""


def kind_reason(path: Path) -> str:
    """Return why ``path`` is not a regular file (a folder, a FIFO, a device), or ``""``."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "is missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file; it was not opened"
    return "is a device or special file, not a regular file; it was not opened"


def checked_raw_file(raw_dir: Path, name: str, *, source: str, locator: str | None = None) -> Path:
    """Return the path of raw file ``name``, or raise :class:`KcspError` before opening it.

    The message names ``name`` as given and says nothing of what it points to.
    """
    reason = outside_reason(raw_dir, name) or kind_reason(Path(raw_dir) / name)
    if reason:
        raise KcspError(f"{name} {reason}", source=source, locator=locator)
    return Path(raw_dir) / name


def check_regular_output(path: Path, what: str) -> None:
    """Refuse an output path that is a folder (``--out``, ``kcsp template``)."""
    if Path(path).is_dir():
        raise KcspError(
            f"is a folder; give a {what} file name such as {Path(path) / 'measures.csv'}"
            if what == "measures"
            else f"is a folder; give a {what} file name",
            source=str(path),
        )
