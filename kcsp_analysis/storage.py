"""Atomic, deterministic writes: a file is either the old one or the complete new one."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pandas as pd

from kcsp_analysis.errors import KcspError


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    write_files_atomic({Path(path): data})


def write_files_atomic(contents: Mapping[Path, bytes]) -> None:
    """Write several files as one step: every new file is complete before any replaces.

    Each file is written and synced to a temporary file beside its target; only then are
    they all renamed into place, with Ctrl-C held back for the few renames. A failure or
    interrupt before that leaves every old file as it was and no temporary file behind.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in contents.items():
            staged.append((_stage(Path(path), data), Path(path)))
        with _interrupts_deferred():
            for tmp_name, path in staged:
                os.replace(tmp_name, path)
    except BaseException:
        for tmp_name, _ in staged:
            Path(tmp_name).unlink(missing_ok=True)
        raise


def _stage(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return tmp_name


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold back SIGINT until the block ends (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically, with Unix line endings."""
    write_bytes_atomic(path, text.encode("utf-8"))


def format_number(value: float) -> str:
    """Shortest faithful text for a figure: ``20276``, ``24.8``, never ``20276.0``."""
    if pd.isna(value):
        return ""
    return format(float(value), ".15g")


def frame_to_csv_text(frame: pd.DataFrame, float_columns: Iterable[str] = ()) -> str:
    """CSV text of ``frame`` with numbers written as published, ``\\n`` line endings."""
    out = frame.copy()
    for column in float_columns:
        out[column] = out[column].map(format_number)
    return out.to_csv(index=False, lineterminator="\n")


def write_csv_atomic(path: Path, frame: pd.DataFrame, float_columns: Iterable[str] = ()) -> None:
    """Write ``frame`` as CSV atomically and deterministically."""
    write_text_atomic(path, frame_to_csv_text(frame, float_columns))


def read_processed_csv(path: Path, columns: Sequence[str], what: str) -> pd.DataFrame:
    """Read a processed table as text columns, checking its header.

    ``what`` names the table in the error when the file is missing
    (``no measures file; run `kcsp extract` first``).
    """
    path = Path(path)
    if not path.exists():
        raise KcspError(f"no {what} file; run `kcsp extract` first", source=str(path))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(frame.columns) != tuple(columns):
        raise KcspError(
            f"line 1: expected columns {', '.join(columns)}; found {', '.join(frame.columns)}",
            source=str(path),
        )
    return frame
