"""The manifest of raw files: raw data is never modified, and every run checks it.

Data files are never written by code. The manifest is the one file of ``data/raw/`` that
is, and only by ``kcsp manifest add`` (:func:`add_to_manifest`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kcsp_analysis.atomic import write_text_atomic
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.meeting_dates import meeting_date_problem
from kcsp_analysis.extract.raw_paths import checked_raw_file, kind_reason, outside_reason
from kcsp_analysis.paths import MANIFEST_NAME

MANIFEST_COLUMNS = ("file", "original_name", "sha256", "title", "meeting_date", "format")
FORMATS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "markdown converted from PDF": (),
    "text from web page": (),
    "html": (".html", ".htm"),
    "pdf": (".pdf",),
    "csv": (".csv",),
    "xlsx": (".xlsx",),
}
"""The fixed list of formats, each with the file suffixes it is the default for."""
_LEADING_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
OTHER_RAW_SUBDIRS = ("population",)
"""Raw folders read outside extraction (by the analysis), besides the input kinds' folders."""


def raw_subdirs() -> tuple[str, ...]:
    """Return the folders of ``data/raw/`` that are read: each input kind's, and population/."""
    from kcsp_analysis.extract.registry import INPUT_KINDS

    return (*(kind.folder.rstrip("/") for kind in INPUT_KINDS), *OTHER_RAW_SUBDIRS)


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
    has_manifest: bool = True
    not_read: tuple[tuple[str, str], ...] = field(default=())

    def suggested_rows(self, raw_dir: Path) -> list[str]:
        """Manifest rows to add for the unlisted files (title and date left to fill).

        Each row is CSV-quoted as the manifest is, so it can be pasted as it is
        (a file name with a comma stays one cell).
        """
        rows = []
        for name in self.unlisted:
            out = io.StringIO()
            row = (name, Path(name).name, sha256_of(raw_dir / name), "", "", "")
            csv.writer(out, lineterminator="").writerow(row)
            rows.append(out.getvalue())
        return rows

    def unlisted_summary(self, raw_dir: Path) -> str:
        """Return one line naming the unlisted files and the command that lists them, or ""."""
        if not self.unlisted:
            return ""
        where = Path(raw_dir) / MANIFEST_NAME
        names = ", ".join(self.unlisted)
        return (
            f"note: {len(self.unlisted)} raw file(s) not in {where}: {names}; add each with "
            f"`kcsp manifest add {_raw_option(raw_dir)}FILE --title TITLE`"
        )

    def not_read_lines(self) -> list[str]:
        """Return one warning per file that extraction does not read, with the reason."""
        return [f"warning: not read: {name}: {why}" for name, why in self.not_read]


def _raw_option(raw_dir: Path) -> str:
    from kcsp_analysis import paths

    return "" if Path(raw_dir).resolve() == paths.raw_dir().resolve() else f"--raw {raw_dir} "


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
        raise KcspError(
            "no manifest of raw files; list each file with `kcsp manifest add FILE`",
            source=str(path),
        )
    reason = kind_reason(path)
    if reason:
        raise KcspError(f"{reason}; the manifest must be a CSV file", source=str(path))
    text = _manifest_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != MANIFEST_COLUMNS:
        raise KcspError(f"line 1: expected columns {', '.join(MANIFEST_COLUMNS)}", source=str(path))
    entries = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise KcspError(
                f"line {line}: expected {len(MANIFEST_COLUMNS)} cells "
                "(a file name with a comma must be in double quotes)",
                source=str(path),
            )
        if problem := meeting_date_problem(row["meeting_date"]):
            raise KcspError(f"line {line}: {problem}", source=str(path))
        entries.append(ManifestEntry(**row))
    return tuple(entries)


def _manifest_text(path: Path) -> str:
    """Return the manifest as text: UTF-8, a byte-order mark and Windows line ends accepted."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise KcspError(
            f"line {line}: not UTF-8 text (byte 0x{path.read_bytes()[exc.start]:02x}); save "
            "the manifest as CSV UTF-8",
            source=str(path),
        ) from None


def raw_files(raw_dir: Path) -> list[str]:
    """List the data files in ``raw_dir``'s input-kind folders and population/, sorted."""
    raw_dir = Path(raw_dir)
    found = []
    for sub in raw_subdirs():
        folder = raw_dir / sub
        if folder.is_dir():
            found += [
                p.relative_to(raw_dir).as_posix()
                for p in folder.rglob("*")
                if p.is_file() and not p.name.startswith(".")
            ]
    return sorted(found)


def files_not_read(raw_dir: Path) -> tuple[tuple[str, str], ...]:
    """Return the files under ``raw_dir`` outside its input folders, each with the reason."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return ()
    folders = ", ".join(f"{sub}/" for sub in raw_subdirs())
    found = []
    for path in sorted(raw_dir.rglob("*")):
        name = path.relative_to(raw_dir).as_posix()
        hidden = any(part.startswith(".") for part in path.relative_to(raw_dir).parts)
        if not hidden and not path.is_dir() and not path.is_file():
            found.append((name, kind_reason(path)))  # a FIFO or device: never opened
            continue
        if not path.is_file() or hidden or name == MANIFEST_NAME:
            continue
        if name.split("/", 1)[0] not in raw_subdirs():
            found.append(
                (
                    name,
                    f"only {folders} are read; move papers to reports/, figures files to figures/",
                )
            )
    return tuple(found)


def verify_raw(raw_dir: Path, *, require_manifest: bool = True) -> ManifestCheck:
    """Check every listed raw file against its checksum.

    Without ``require_manifest`` a folder with no manifest is read too: every file is
    then unlisted. Raises :class:`KcspError` when a listed file is missing or its bytes
    changed.
    """
    raw_dir = Path(raw_dir)
    has_manifest = (raw_dir / MANIFEST_NAME).exists()  # a folder of that name is refused
    entries = read_manifest(raw_dir) if has_manifest or require_manifest else ()
    manifest_path = str(raw_dir / MANIFEST_NAME)
    for line, entry in enumerate(entries, start=2):
        if (reason := outside_reason(raw_dir, entry.file)) or not (raw_dir / entry.file).exists():
            raise KcspError(
                f"line {line}: listed file {entry.file} {reason or 'is missing'}",
                source=manifest_path,
            )
        path = checked_raw_file(raw_dir, entry.file, source=manifest_path, locator=f"line {line}")
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
    for name in unlisted:
        checked_raw_file(raw_dir, name, source=str(raw_dir))
    return ManifestCheck(entries, unlisted, has_manifest, files_not_read(raw_dir))


def date_from_name(name: str) -> str:
    """Return the ISO date a file name starts with (``2014-07`` is the 1st), or ``""``.

    >>> date_from_name("2014-07-08_kcsp_agenda_pack.md"), date_from_name("2015-03_q4.csv")
    ('2014-07-08', '2015-03-01')
    >>> date_from_name("undated_minutes.txt"), date_from_name("2015-18_plan.txt")
    ('', '')
    """
    match = _LEADING_DATE.match(name)
    if not match:
        return ""
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1)).isoformat()
    except ValueError:
        return ""  # "2015-18" is a span of years, not a date


def manifest_text(entries: tuple[ManifestEntry, ...]) -> str:
    """Return the manifest file for ``entries``: a header and one CSV-quoted row each."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MANIFEST_COLUMNS)
    for entry in entries:
        writer.writerow([getattr(entry, column) for column in MANIFEST_COLUMNS])
    return out.getvalue()


def _relative_name(raw_dir: Path, file: Path) -> str:
    """Return ``file`` relative to ``raw_dir``: a path given from here, or from ``raw_dir``."""
    candidates = [file] if file.is_absolute() else [Path.cwd() / file, raw_dir / file]
    for candidate in candidates:
        if candidate.is_file():
            try:
                name = candidate.resolve().relative_to(raw_dir.resolve()).as_posix()
            except ValueError:
                raise KcspError(
                    f"not inside {raw_dir}: copy it into {raw_dir}/reports/ (papers), "
                    "figures/ (figures files) or population/ first",
                    source=str(file),
                ) from None
            if name.split("/", 1)[0] not in raw_subdirs() or "/" not in name:
                raise KcspError(
                    f"raw files go in {', '.join(f'{s}/' for s in raw_subdirs())} of {raw_dir}",
                    source=str(file),
                )
            return name
    raise KcspError("no such file", source=str(file))


def _format_for(name: str, given: str | None) -> str:
    if given is not None:
        if given not in FORMATS:
            raise KcspError(f"unknown format {given!r}; one of: {', '.join(FORMATS)}")
        return given
    suffix = Path(name).suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    raise KcspError(
        f"no format for {suffix or 'a file without extension'}; give --format, one of: "
        f"{', '.join(FORMATS)}",
        source=name,
    )


def _checked_date(text: str) -> str:
    if problem := meeting_date_problem(text):
        raise KcspError(problem)
    return text


def add_to_manifest(
    raw_dir: Path,
    file: Path,
    *,
    title: str | None = None,
    meeting_date: str | None = None,
    file_format: str | None = None,
) -> tuple[ManifestEntry, str]:
    """List a raw file in the manifest, or fill in its row; return the row and what was done.

    The checksum and original name come from the file; the format from :data:`FORMATS`
    (by suffix unless given); the meeting date from the file name when it starts with a
    date, unless given. A listed file keeps its row but for what is given. The manifest
    is the only file written; ``what`` is ``added``, ``updated`` or ``unchanged``.
    """
    raw_dir = Path(raw_dir)
    name = _relative_name(raw_dir, Path(file))
    entries = read_manifest(raw_dir) if (raw_dir / MANIFEST_NAME).is_file() else ()
    sha = sha256_of(raw_dir / name)
    listed = next((e for e in entries if e.file == name), None)
    if listed is not None and listed.sha256 != sha:
        raise KcspError(
            f"{name} has changed since it was added (sha256 {sha}, manifest says "
            f"{listed.sha256}); raw data must not be edited: restore the file, or add the new "
            "version under a new name",
            source=str(raw_dir / MANIFEST_NAME),
        )
    entry = listed or ManifestEntry(
        name, Path(name).name, sha, "", date_from_name(Path(name).name), ""
    )
    entry = replace(
        entry,
        title=" ".join(title.split()) if title is not None else entry.title,
        meeting_date=_checked_date(meeting_date) if meeting_date else entry.meeting_date,
        format=_format_for(name, file_format) if file_format or not entry.format else entry.format,
    )
    if entry == listed:
        return entry, "unchanged"
    if listed is None:
        rows = (*entries, entry)
    else:
        rows = tuple(entry if e.file == name else e for e in entries)
    write_text_atomic(raw_dir / MANIFEST_NAME, manifest_text(rows))
    return entry, "added" if listed is None else "updated"


def manifest_problems(raw_dir: Path) -> list[str]:
    """Return what ``kcsp manifest check`` reports: unlisted files, rows to complete.

    Checksums are checked first (:func:`verify_raw` raises for a missing or edited file).
    Undated rows are not problems (an undated document ranks last) but are named.
    """
    check = verify_raw(raw_dir)
    problems = [f"{name}: not in the manifest" for name in check.unlisted]
    problems += [f"{name}: {why}" for name, why in check.not_read]
    for line, entry in enumerate(check.entries, start=2):
        if not entry.title.strip():
            problems.append(f"line {line}: {entry.file}: no title")
        if entry.format not in FORMATS:
            problems.append(
                f"line {line}: {entry.file}: format {entry.format!r} is not one of "
                f"{', '.join(FORMATS)}"
            )
    return problems
