"""The ``kcsp`` command: a thin layer over the package; defaults live here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kcsp_analysis import paths
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.manifest import FORMATS, MANIFEST_NAME, ManifestCheck
from kcsp_analysis.file_sets import allow_writes, refuse_further_writes, replaced_folders


def _cmd_extract(args: argparse.Namespace) -> int:
    from kcsp_analysis.build.extraction import default_out, run_extract
    from kcsp_analysis.extract.raw_paths import check_regular_output

    raw = Path(args.raw) if args.raw else paths.raw_dir()
    out = Path(args.out) if args.out else default_out(raw)
    check_regular_output(out, "measures")
    result = run_extract(raw, out, require_manifest=args.raw is None)
    _print_manifest_notes(raw, result.manifest)
    n_files = len(result.manifest.entries) + len(result.manifest.unlisted)
    print(f"{len(result.measures)} figures from {n_files} raw files")
    for path in result.written:
        print(f"wrote {path}")
    return 0


def _print_manifest_notes(raw: Path, check: ManifestCheck) -> None:
    """Print the files not read, then one line for the files the manifest does not list."""
    for line in check.not_read_lines():
        print(line, file=sys.stderr)
    if not check.has_manifest:
        print(f"note: {raw} has no {MANIFEST_NAME}; every file was read unlisted", file=sys.stderr)
    if summary := check.unlisted_summary(raw):
        print(summary, file=sys.stderr)
    _print_missing_months(raw, check)


def _print_missing_months(raw: Path, check: ManifestCheck) -> None:
    """Name the months with no police.uk file: gaps in the monthly series, never zeros."""
    from kcsp_analysis.extract.policeuk import missing_months

    gaps = missing_months([e.file for e in check.entries] + list(check.unlisted))
    if gaps:
        print(
            f"note: no police.uk file for {', '.join(gaps)} in {raw / 'policeuk'}: those "
            "months are gaps in the monthly series, not zeros",
            file=sys.stderr,
        )


def _cmd_manifest_add(args: argparse.Namespace) -> int:
    from kcsp_analysis.extract.manifest import add_to_manifest

    raw = Path(args.raw) if args.raw else paths.raw_dir()
    entry, what = add_to_manifest(
        raw, Path(args.file), title=args.title, meeting_date=args.date, file_format=args.format
    )
    print(f"{what} {entry.file} in {raw / MANIFEST_NAME}")
    print(f"  sha256 {entry.sha256}, format {entry.format}, date {entry.meeting_date or 'none'}")
    if not entry.title:
        print(f"  no title yet: kcsp manifest add {args.file} --title '...'")
    return 0


def _cmd_manifest_check(args: argparse.Namespace) -> int:
    from kcsp_analysis.extract.manifest import manifest_problems, read_manifest

    raw = Path(args.raw) if args.raw else paths.raw_dir()
    problems = manifest_problems(raw)
    entries = read_manifest(raw)
    undated = [e.file for e in entries if not e.meeting_date]
    print(f"{len(entries)} listed raw files, checksums match")
    if undated:
        print(f"undated (rank last in the current view): {', '.join(undated)}")
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"{len(problems)} thing(s) to fix: add files with `kcsp manifest add FILE --title ...`"
        )
    return 1 if problems else 0


def _cmd_build(args: argparse.Namespace) -> int:
    from kcsp_analysis.build.briefings import BuildLayout, build_briefings
    from kcsp_analysis.extract.manifest import verify_raw

    layout = BuildLayout.of(paths.project_root())
    given = (("area", args.area), ("period", args.period), ("since", args.since))
    parameters = {k: v for k, v in given if v}
    result = build_briefings(
        layout,
        force=args.force,
        workers=args.workers,
        timeout=args.timeout,
        parameters=parameters,
    )
    if result.up_to_date:
        _print_manifest_notes(layout.raw, verify_raw(layout.raw))
        print(f"briefings up to date in {layout.reports}")
        return 0
    print(
        f"{len(result.executed)} notebooks executed, {len(result.cached)} from cache"
        + ("; figures extracted" if result.extracted else "")
    )
    for path in result.written:
        print(f"wrote {path}")
    _print_manifest_notes(layout.raw, verify_raw(layout.raw))
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from kcsp_analysis.extract.figures_template import write_template
    from kcsp_analysis.extract.raw_paths import check_regular_output

    path = Path(args.file)
    check_regular_output(path, "template")
    if path.exists() and not args.force:
        raise KcspError("exists already; choose another name or pass --force", source=str(path))
    write_template(path)
    print(
        f"wrote {path}: fill one figure a row, save it under data/raw/figures/, then run "
        "`kcsp extract`"
    )
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from kcsp_analysis.processed.reconciliation import (
        RECONCILIATION_NAME,
        disagreements_text,
        read_reconciliation,
        summary_text,
    )
    from kcsp_analysis.processed.revisions import REVISIONS_NAME, read_revisions

    processed = Path(args.processed) if args.processed else paths.processed_dir()
    frame = read_reconciliation(processed / RECONCILIATION_NAME)
    print(summary_text(frame))
    revisions = processed / REVISIONS_NAME
    if revisions.exists():
        superseded = read_revisions(revisions)
        print(
            f"\n{len(superseded)} figure(s) superseded in the current view; each with the "
            f"figure kept and why in {revisions}"
        )
    disagreements = disagreements_text(frame)
    if disagreements:
        print(f"\n{len(disagreements)} disagreement(s):")
        print("\n".join(disagreements))
    from kcsp_analysis.processed.unread_figures import unread_figures_lines

    print("\n".join(unread_figures_lines(processed)))
    return 1 if args.strict and disagreements else 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``kcsp``."""
    from kcsp_analysis import __version__

    parser = argparse.ArgumentParser(
        prog="kcsp",
        description="Figures and briefings from Kent Community Safety Partnership reports.",
    )
    parser.add_argument("--version", action="version", version=f"kcsp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = sub.add_parser(
        "extract", help="read data/raw into data/processed (measures, reconciliation, log)"
    )
    extract.add_argument(
        "--raw",
        help="raw data folder, read even without a manifest (default: data/raw)",
    )
    extract.add_argument(
        "--out",
        help="measures file (default: processed/measures.csv beside a folder named raw, "
        "else DIR_processed/measures.csv beside DIR; data/processed/ for data/raw)",
    )
    extract.set_defaults(func=_cmd_extract)

    build = sub.add_parser(
        "build", help="extract, run the notebooks and write HTML briefings to reports/"
    )
    build.add_argument(
        "--force", action="store_true", help="ignore the cache; rebuild all (default: off)"
    )
    build.add_argument("--area", help="area of the briefings (default: Kent)")
    build.add_argument("--period", help="period of the briefings (default: the latest)")
    build.add_argument(
        "--since",
        help="what is new since DATE (YYYY-MM-DD) or a SNAPSHOT of `kcsp snapshot list` "
        "(default: the previous build)",
    )
    build.add_argument(
        "--workers",
        type=_at_least_one,
        default=2,
        help="kernels run side by side, at least 1 (default: %(default)s)",
    )
    build.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        help="time limit per notebook, seconds (default: %(default)s)",
    )
    build.set_defaults(func=_cmd_build)
    _add_manifest_parser(sub)
    _add_snapshot_parser(sub)

    template = sub.add_parser(
        "template", help="write an empty figures template (.csv or .xlsx) with accepted ids"
    )
    template.add_argument("file", help="template to write: a .csv or .xlsx file name")
    template.add_argument("--force", action="store_true", help="overwrite an existing file")
    template.set_defaults(func=_cmd_template)

    check = sub.add_parser("check", help="summarise the reconciliation and list every disagreement")
    check.add_argument("--strict", action="store_true", help="exit 1 when anything disagrees")
    check.add_argument("--processed", help="processed folder (default: data/processed)")
    check.set_defaults(func=_cmd_check)
    return parser


def _cmd_snapshot_list(args: argparse.Namespace) -> int:
    from kcsp_analysis.processed.snapshots import list_snapshots

    processed = Path(args.processed) if args.processed else paths.processed_dir()
    snapshots = list_snapshots(processed)
    if not snapshots:
        print(f"no snapshots in {processed}: each `kcsp build` keeps one")
        return 0
    for number, snapshot in enumerate(snapshots):
        latest = "  (latest)" if number == len(snapshots) - 1 else ""
        print(f"{snapshot.name}  built {snapshot.built}{latest}")
    print("compare with one: kcsp build --since DATE|SNAPSHOT")
    return 0


def _add_snapshot_parser(sub: argparse._SubParsersAction) -> None:
    snapshot = sub.add_parser("snapshot", help="the dated snapshots of the current view")
    actions = snapshot.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every snapshot, oldest first, with its build date")
    listing.add_argument("--processed", help="processed folder (default: data/processed)")
    listing.set_defaults(func=_cmd_snapshot_list)


def _at_least_one(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is fewer than 1; give 1 or more")
    return number


def _add_manifest_parser(sub: argparse._SubParsersAction) -> None:
    manifest = sub.add_parser("manifest", help="list raw files in data/raw/MANIFEST.csv; check it")
    actions = manifest.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add", help="add FILE (or fill in its row): checksum, original name, format, date"
    )
    add.add_argument("file", help="a file under data/raw/reports/, figures/ or population/")
    add.add_argument("--title", help="title of the document (default: left empty)")
    add.add_argument(
        "--date",
        help="meeting date YYYY-MM-DD (default: the date the file name starts with)",
    )
    add.add_argument(
        "--format", choices=list(FORMATS), help="format (default: from the file's suffix)"
    )
    add.add_argument("--raw", help="raw data folder (default: data/raw)")
    add.set_defaults(func=_cmd_manifest_add)
    check = actions.add_parser(
        "check", help="checksums, unlisted files, rows without a title; exit 1 if any"
    )
    check.add_argument("--raw", help="raw data folder (default: data/raw)")
    check.set_defaults(func=_cmd_manifest_check)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kcsp``; bad input ends with the message and exit code 2, never a traceback."""
    args = build_parser().parse_args(argv)
    allow_writes()  # a command run after an interrupted one in the same process writes
    try:
        return int(args.func(args) or 0)
    except KcspError as exc:
        print(f"kcsp: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        # A folder not writable, a full disk: named by file, never a traceback.
        where = exc.filename if exc.filename is not None else "output"
        print(f"kcsp: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeError as exc:
        print(f"kcsp: error: input: not readable text ({exc})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Work still running in another thread must not replace an output now.
        refuse_further_writes()
        if done := replaced_folders():
            # Replaced whole before the interrupt; nothing is written after it.
            folders = ", ".join(str(f) for f in done)
            print(f"kcsp: interrupted; {folders} already updated, nothing else", file=sys.stderr)
        else:
            print("kcsp: interrupted; earlier outputs are unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
