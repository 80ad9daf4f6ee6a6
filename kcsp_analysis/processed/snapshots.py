"""Dated snapshots of the current view, one per build that changed it, for "what is new".

Every build keeps the current view of the figures (one value per figure) as a small CSV
file in ``data/processed/snapshots/``, named by the build date and the start of its
checksum (``2014-10-15_3f2a9c1b.csv``), unless it equals the latest snapshot.
``index.csv`` lists them in build order. The overview compares the current view with
the previous build's snapshot, or with the snapshot of a date (``kcsp build --since
2014-09-30``: the last one built on or before that day). Standard library only.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kcsp_analysis.errors import KcspError
from kcsp_analysis.file_sets import replace_file_set
from kcsp_analysis.paths import SNAPSHOT_DIR_NAME

INDEX_NAME = "index.csv"
INDEX_COLUMNS = ("snapshot", "built", "sha256")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Snapshot:
    """One snapshot: its name (the file name without ``.csv``), build date and checksum."""

    name: str
    built: str
    sha256: str

    @property
    def label(self) -> str:
        """Return how a briefing names it: ``the build of 2014-10-15 (snapshot ...)``."""
        return f"the build of {self.built} (snapshot {self.name})"


def snapshot_folder(processed: Path) -> Path:
    """Return the snapshots folder of a processed folder."""
    return Path(processed) / SNAPSHOT_DIR_NAME


def list_snapshots(processed: Path) -> list[Snapshot]:
    """Return the snapshots in build order, oldest first (none before the first build)."""
    index = snapshot_folder(processed) / INDEX_NAME
    if not index.is_file():
        return []
    with open(index, encoding="utf-8", newline="") as handle:
        return [Snapshot(r["snapshot"], r["built"], r["sha256"]) for r in csv.DictReader(handle)]


def take_snapshot(processed: Path, current_view: bytes, today: date | None = None) -> Snapshot:
    """Keep ``current_view`` as this build's snapshot; return it, or the equal latest one.

    An unchanged rebuild adds nothing, so "what is new" keeps describing the latest
    change of data rather than an empty difference.
    """
    snapshots = list_snapshots(processed)
    sha = hashlib.sha256(current_view).hexdigest()
    if snapshots and snapshots[-1].sha256 == sha:
        return snapshots[-1]
    built = (today or date.today()).isoformat()
    new = Snapshot(f"{built}_{sha[:8]}", built, sha)
    rows = [*snapshots, new]
    index = io.StringIO()
    writer = csv.writer(index, lineterminator="\n")
    writer.writerow(INDEX_COLUMNS)
    writer.writerows((s.name, s.built, s.sha256) for s in rows)
    # Part of the processed folder's set: the tables are carried over unchanged.
    replace_file_set(
        Path(processed),
        {
            f"{SNAPSHOT_DIR_NAME}/{new.name}.csv": current_view,
            f"{SNAPSHOT_DIR_NAME}/{INDEX_NAME}": index.getvalue().encode(),
        },
        carry_over=True,
    )
    return new


def snapshot_path(processed: Path, snapshot: Snapshot) -> Path:
    """Return the file of a snapshot."""
    return snapshot_folder(processed) / f"{snapshot.name}.csv"


def choose_snapshot(processed: Path, since: str | None, current_sha: str) -> Snapshot | None:
    """Return the snapshot to compare the current view (checksum ``current_sha``) with.

    ``since`` is ``None`` for the previous build: the latest snapshot that is not the
    current view; a date ``YYYY-MM-DD`` for the last snapshot built on or before it; or a
    snapshot name. ``None`` before there is an earlier build; :class:`KcspError` naming
    the snapshots there are when ``since`` matches none.
    """
    snapshots = list_snapshots(processed)
    if since is None:
        earlier = snapshots[:-1] if snapshots and snapshots[-1].sha256 == current_sha else snapshots
        return earlier[-1] if earlier else None
    since = str(since).strip()
    if _ISO_DATE.match(since):
        on_or_before = [s for s in snapshots if s.built <= since]
        if on_or_before:
            return on_or_before[-1]
    else:
        named = [s for s in snapshots if s.name == since.removesuffix(".csv")]
        if named:
            return named[0]
    there = ", ".join(s.name for s in snapshots) or "none yet (each build keeps one)"
    what = "built on or before" if _ISO_DATE.match(since) else "named"
    raise KcspError(
        f"no snapshot {what} {since!r}; snapshots: {there}",
        source=str(snapshot_folder(processed)),
    )
