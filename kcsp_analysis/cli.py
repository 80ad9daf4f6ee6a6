"""The ``kcsp`` command: a thin layer over the package; defaults live here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kcsp_analysis import paths
from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.manifest import ManifestCheck


def _cmd_extract(args: argparse.Namespace) -> int:
    from kcsp_analysis.build.extraction import run_extract

    raw = Path(args.raw) if args.raw else paths.raw_dir()
    out = Path(args.out) if args.out else paths.processed_dir() / "measures.csv"
    result = run_extract(raw, out)
    _print_manifest_notes(raw, result.manifest)
    n_files = len(result.manifest.entries) + len(result.manifest.unlisted)
    print(f"{len(result.measures)} figures from {n_files} raw files")
    for path in result.written:
        print(f"wrote {path}")
    return 0


def _print_manifest_notes(raw: Path, check: ManifestCheck) -> None:
    for row in check.suggested_rows(raw):
        print(
            f"note: new raw file not in {raw / 'MANIFEST.csv'}; add the row: {row}", file=sys.stderr
        )
    from kcsp_analysis.extract.policeuk import missing_months

    files = [e.file for e in check.entries] + list(check.unlisted)
    gaps = missing_months(files)
    if gaps:
        print(
            f"note: no police.uk file for {', '.join(gaps)} in {raw / 'policeuk'}: those "
            "months are gaps in the monthly series, not zeros",
            file=sys.stderr,
        )


def _cmd_build(args: argparse.Namespace) -> int:
    from kcsp_analysis.build.briefings import BuildLayout, build_briefings
    from kcsp_analysis.extract.manifest import verify_raw

    layout = BuildLayout.of(paths.project_root())
    parameters = {k: v for k, v in (("area", args.area), ("period", args.period)) if v}
    result = build_briefings(
        layout,
        force=args.force,
        workers=args.workers,
        timeout=args.timeout,
        parameters=parameters,
    )
    _print_manifest_notes(layout.raw, verify_raw(layout.raw))
    if result.up_to_date:
        print(f"briefings up to date in {layout.reports}")
        return 0
    print(
        f"{len(result.executed)} notebooks executed, {len(result.cached)} from cache"
        + ("; figures extracted" if result.extracted else "")
    )
    for path in result.written:
        print(f"wrote {path}")
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from kcsp_analysis.extract.figures_template import write_template

    path = Path(args.file)
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
    return 1 if args.strict and disagreements else 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``kcsp``."""
    parser = argparse.ArgumentParser(
        prog="kcsp",
        description="Figures and briefings from Kent Community Safety Partnership reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = sub.add_parser(
        "extract", help="read data/raw into data/processed (measures, reconciliation, log)"
    )
    extract.add_argument("--raw", help="raw data folder (default: data/raw)")
    extract.add_argument("--out", help="measures file (default: data/processed/measures.csv)")
    extract.set_defaults(func=_cmd_extract)

    build = sub.add_parser(
        "build", help="extract, run the notebooks and write HTML briefings to reports/"
    )
    build.add_argument("--force", action="store_true", help="ignore the cache; rebuild all")
    build.add_argument("--area", help="area of the briefings (default: Kent)")
    build.add_argument("--period", help="period of the briefings (default: the latest)")
    build.add_argument("--workers", type=int, default=2, help="kernels run side by side")
    build.add_argument(
        "--timeout", type=float, default=300.0, help="time limit per notebook, seconds"
    )
    build.set_defaults(func=_cmd_build)

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kcsp``; bad input ends with the message and exit code 2, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KcspError as exc:
        print(f"kcsp: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kcsp: interrupted; earlier outputs are unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
