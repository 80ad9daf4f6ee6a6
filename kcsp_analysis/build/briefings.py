"""``kcsp build``: extract, run the briefing notebooks, write HTML briefings to ``reports/``.

Every step is skipped when its inputs are unchanged, judged by content hashes:

- the whole build, when the raw files, the package source, the notebooks and the
  parameters hash as at the last build and every output is still as written;
- extraction, when the raw files and the package source are unchanged;
- a notebook, when it, the processed data, the raw folder (population estimates and the
  manifest included), the package and the parameters are unchanged (its executed copy is
  kept in the cache folder).

The fast path imports nothing heavy, so a rebuild with nothing changed takes a fraction
of a second. Nothing is written to ``reports/`` unless every notebook ran.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kcsp_analysis import __version__, paths
from kcsp_analysis.build.cache import (
    digest_files,
    file_hashes,
    notebook_key,
    outputs_intact,
    package_digest,
    parameters_text,
    read_json,
    tree_files,
    write_json,
    write_text_atomic,
)
from kcsp_analysis.build.targets import DEFAULT_AREA, check_has_figures, report_folder
from kcsp_analysis.errors import KcspError
from kcsp_analysis.file_sets import replace_file_set

CACHE_DIR_NAME = ".kcsp-cache"
INDEX_NAME = "index.html"
# Run once per kernel while extraction runs: the imports every briefing needs, and one
# rendered figure (matplotlib loads its fonts on the first), so notebooks start warm.
KERNEL_WARM_UP = """
import io
import matplotlib.figure
import pandas
import scipy.stats
import kcsp_analysis.briefing.findings
import kcsp_analysis.briefing.charts
import kcsp_analysis.briefing.data
import kcsp_analysis.briefing.display
import kcsp_analysis.briefing.whats_new
matplotlib.figure.Figure().savefig(io.BytesIO(), format="png")
"""


@dataclass(frozen=True)
class BuildLayout:
    """The folders a build reads and writes."""

    root: Path
    raw: Path
    processed: Path
    notebooks: Path
    reports: Path
    cache: Path

    @classmethod
    def of(cls, root: Path) -> BuildLayout:
        """Return the standard layout under a project root."""
        root = Path(root).resolve()
        return cls(
            root=root,
            raw=paths.raw_dir(root),
            processed=paths.processed_dir(root),
            notebooks=paths.notebooks_dir(root),
            reports=paths.reports_dir(root),
            cache=root / CACHE_DIR_NAME,
        )


@dataclass
class BuildResult:
    """What a build did."""

    up_to_date: bool
    extracted: bool = False
    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def notebook_paths(folder: Path) -> list[Path]:
    """Return the briefing notebooks, in name order (``00_overview.ipynb`` first)."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _build_inputs_digest(layout: BuildLayout, package: str, parameters: Mapping[str, Any]) -> str:
    notebooks = [(p.name, p) for p in notebook_paths(layout.notebooks)]
    return hashlib.sha256(
        "\0".join(
            [
                package,
                digest_files(tree_files(layout.raw)),
                digest_files(notebooks),
                parameters_text(parameters),
            ]
        ).encode()
    ).hexdigest()


def _extract_inputs(layout: BuildLayout, package: str) -> str:
    """Return what extraction depends on: the raw files and the package."""
    return hashlib.sha256(f"{package}\0{digest_files(tree_files(layout.raw))}".encode()).hexdigest()


def _extract(layout: BuildLayout, package: str, force: bool) -> bool:
    """Run extraction unless raw files and package are as at the last extraction."""
    stamp_path = layout.cache / "extract.json"
    stamp = read_json(stamp_path)
    inputs = _extract_inputs(layout, package)
    if (
        not force
        and stamp.get("inputs") == inputs
        and outputs_intact(stamp.get("outputs", {}), layout.root)
    ):
        return False
    from kcsp_analysis.build.extraction import run_extract

    result = run_extract(layout.raw, layout.processed / paths.MEASURES_NAME)
    outputs = file_hashes(result.written, layout.root)
    write_json(stamp_path, {"inputs": inputs, "outputs": outputs})
    return True


def build_briefings(
    layout: BuildLayout,
    *,
    force: bool = False,
    workers: int = 2,
    timeout: float = 300.0,
    parameters: Mapping[str, Any] | None = None,
    progress: bool = True,
) -> BuildResult:
    """Extract, execute the briefing notebooks and write ``reports/*.html`` and the index.

    Parameters
    ----------
    layout
        Folders of the project (``BuildLayout.of(root)``).
    force
        Ignore every cache: extract and execute everything.
    workers
        Kernels run side by side (one per core is right).
    timeout
        Time limit in seconds for each notebook.
    parameters
        Overrides of the notebooks' ``parameters`` cell, e.g. ``{"area": "Kent"}``.
    progress
        Show a progress bar on standard error.

    Raises
    ------
    KcspError
        Bad raw input (from extraction), no notebooks, or failing notebooks (each named
        with its cell); ``reports/`` is then left as it was.
    """
    parameters = dict(parameters or {})
    check_parameters(parameters)
    _check_since(layout, parameters.get("since"))
    package = package_digest()
    target = report_folder(layout, parameters.get("area"))
    build_stamp_path = layout.cache / (
        "build.json" if target == layout.reports else f"build-{target.name}.json"
    )
    stamp = read_json(build_stamp_path)
    inputs = _build_inputs_digest(layout, package, parameters)
    if (
        not force
        and stamp.get("inputs") == inputs
        and outputs_intact(stamp.get("outputs", {}), layout.root)
    ):
        return BuildResult(up_to_date=True)
    notebooks = notebook_paths(layout.notebooks)
    if not notebooks:
        raise KcspError("no briefing notebooks (NN_name.ipynb) found", source=str(layout.notebooks))

    result = BuildResult(up_to_date=False)
    executed = _execute_with_cache(
        layout,
        notebooks,
        prepare=lambda: _prepare_data(layout, package, force, result, parameters),
        package=package,
        force=force,
        workers=workers,
        timeout=timeout,
        parameters=parameters,
        progress=progress,
        result=result,
    )
    pages = _render_pages(layout, executed, str(parameters.get("area") or DEFAULT_AREA))
    # The pages are one set: all of this build's, or all of the last build's.
    result.written = replace_file_set(
        target, {name: text.encode("utf-8") for name, text in pages.items()}
    )
    _remove_stale_pages(layout, target, stamp.get("outputs", {}), set(pages))
    outputs = [*result.written, *(p for _, p in tree_files(layout.processed))]
    write_json(build_stamp_path, {"inputs": inputs, "outputs": file_hashes(outputs, layout.root)})
    return result


def check_parameters(parameters: Mapping[str, Any]) -> None:
    """Refuse an unknown area or a malformed period before any notebook runs."""
    # Imported only when there is something to check: periods loads pandas.
    if parameters.get("area") is not None:
        from kcsp_analysis import catalogue

        if parameters["area"] not in catalogue.areas():
            given = str(parameters["area"])
            raise KcspError(catalogue.unknown_message("area", given, catalogue.areas()))
    if parameters.get("period") is not None:
        from kcsp_analysis.periods import period_from_label

        period_from_label(str(parameters["period"]))
    since = parameters.get("since")
    if since is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}_\w+", since):
        raise KcspError(
            f"since {since!r} is neither a date (2014-09-30) nor a snapshot name "
            "(see `kcsp snapshot list`)"
        )


def _check_since(layout: BuildLayout, since: str | None) -> None:
    """Refuse a ``since`` that no snapshot matches before any notebook runs."""
    from kcsp_analysis.processed.snapshots import choose_snapshot, list_snapshots

    if since is not None and list_snapshots(layout.processed):
        choose_snapshot(layout.processed, since, current_sha="")


def _remove_stale_pages(
    layout: BuildLayout, target: Path, recorded: Mapping[str, str], pages: set[str]
) -> None:
    """Delete pages the last build of ``target`` wrote whose notebook is gone; others stay."""
    for name in recorded:
        path = layout.root / name
        if path.parent == target and path.name not in pages and path.suffix == ".html":
            path.unlink(missing_ok=True)


def _prepare_data(
    layout: BuildLayout,
    package: str,
    force: bool,
    result: BuildResult,
    parameters: Mapping[str, Any],
) -> None:
    result.extracted = _extract(layout, package, force)
    check_has_figures(layout.processed, parameters)
    keep_snapshot(layout.processed)


def keep_snapshot(processed: Path, today: date | None = None) -> None:
    """Keep the current view of this build as a dated snapshot (see ``processed.snapshots``)."""
    from kcsp_analysis import load_measures
    from kcsp_analysis.briefing.data import current_view_bytes
    from kcsp_analysis.processed.snapshots import take_snapshot

    current = load_measures(processed / "measures.csv", current=True)
    take_snapshot(processed, current_view_bytes(current), today)


def _execute_with_cache(
    layout: BuildLayout,
    notebooks: list[Path],
    *,
    prepare: Callable[[], None],
    package: str,
    force: bool,
    workers: int,
    timeout: float,
    parameters: Mapping[str, Any],
    progress: bool,
    result: BuildResult,
) -> dict[Path, Any]:
    """Return the executed notebooks by path: from the cache where the key matches, else run."""
    import nbformat
    from tqdm import tqdm

    from kcsp_analysis.build.kernels import NotebookJob, NotebookRun, run_notebooks

    folder = layout.cache / "notebooks"
    executed: dict[Path, Any] = {}
    keys: dict[Path, str] = {}
    bar = tqdm(total=len(notebooks), desc="briefings", unit="notebook", disable=not progress)

    def plan() -> list[NotebookJob]:
        prepare()
        jobs = []
        for path in notebooks:
            keys[path] = notebook_key(path, layout.processed, package, parameters, layout.raw)
            cached = folder / f"{path.stem}-{keys[path][:20]}.ipynb"
            if not force and cached.is_file():
                executed[path] = nbformat.read(cached, as_version=4)
                result.cached.append(path.name)
                bar.set_postfix_str(f"{path.name} (cached)")
                bar.update()
            else:
                jobs.append(NotebookJob(path, parameters))
        return jobs

    def on_done(run: NotebookRun) -> None:
        bar.set_postfix_str(f"{run.job.path.name} ({'done' if run.ok else 'FAILED'})")
        bar.update()

    # Kernels start while extraction runs when something may need executing; a build
    # whose extraction and notebooks all hit the cache starts none.
    run_options: dict[str, Any] = dict(
        workers=workers,
        cwd=layout.notebooks,
        env={"KCSP_HOME": str(layout.root)},
        timeout=timeout,
        on_done=on_done,
        warm_up=KERNEL_WARM_UP,
    )
    with bar:
        if (
            force
            or _extraction_may_run(layout, package)
            or _any_cache_miss(layout, notebooks, package, parameters)
        ):
            runs = run_notebooks(plan, **run_options)
        else:
            runs = run_notebooks(plan(), **run_options)
    failures = [run.error for run in runs if not run.ok]
    for run in runs:
        if run.ok:
            path = run.job.path
            executed[path] = run.notebook
            result.executed.append(path.name)
            _store_executed(folder, path, keys[path], run.notebook)
    if failures:
        raise KcspError(
            f"{len(failures)} of {len(notebooks)} briefing notebooks failed; reports/ is "
            "unchanged:\n  " + "\n  ".join(f"notebooks/{f}" for f in failures)
        )
    return executed


def _extraction_may_run(layout: BuildLayout, package: str) -> bool:
    stamp = read_json(layout.cache / "extract.json")
    inputs = _extract_inputs(layout, package)
    return stamp.get("inputs") != inputs or not outputs_intact(
        stamp.get("outputs", {}), layout.root
    )


def _any_cache_miss(
    layout: BuildLayout, notebooks: list[Path], package: str, parameters: Mapping[str, Any]
) -> bool:
    folder = layout.cache / "notebooks"
    keys = {
        p: notebook_key(p, layout.processed, package, parameters, layout.raw) for p in notebooks
    }
    return any(not (folder / f"{p.stem}-{key[:20]}.ipynb").is_file() for p, key in keys.items())


def _store_executed(folder: Path, path: Path, key: str, notebook: Any) -> None:
    import nbformat

    for old in folder.glob(f"{path.stem}-*.ipynb"):
        old.unlink()
    write_text_atomic(folder / f"{path.stem}-{key[:20]}.ipynb", nbformat.writes(notebook))


def _render_pages(layout: BuildLayout, executed: Mapping[Path, Any], area: str) -> dict[str, str]:
    """Every briefing page, the methods page and the index, in memory, keyed by file name."""
    from kcsp_analysis.build.html_export import briefing_pages

    measures = layout.processed / paths.MEASURES_NAME
    data_hash = hashlib.sha256(measures.read_bytes()).hexdigest()[:12] if measures.is_file() else ""
    footer = f"Kent Community Safety Partnership briefings, kcsp-analysis {__version__}."
    provenance = f"Figures from data/processed/measures.csv (sha256 {data_hash})."
    named = {path.stem: executed[path] for path in executed}
    return briefing_pages(
        named, footer=footer, index_name=INDEX_NAME, area=area, provenance=provenance
    )


__all__ = [
    "BuildLayout",
    "BuildResult",
    "__version__",
    "build_briefings",
    "digest_files",
    "notebook_key",
    "notebook_paths",
    "package_digest",
]
