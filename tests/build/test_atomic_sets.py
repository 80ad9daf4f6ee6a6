"""Output sets are replaced as a whole: interrupted after any file-system step, the folder
reads as the complete old set or the complete new one, and shows no temporary file.

Every call of the ``os`` functions a replacement uses (mkdir, open, write, fsync, link,
symlink, replace, rename, unlink, rmdir) is counted; for N = 1, 2, ... the Nth call and
every later one raise, as when the process is killed or the disk fills at that instant.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kcsp_analysis import file_sets
from kcsp_analysis.errors import KcspError
from kcsp_analysis.file_sets import replace_file_set, tidy_file_set
from tests.conftest import PROJECT_ROOT
from tests.robustness_helpers import snapshot

PATCHED = ("mkdir", "open", "write", "fsync", "link", "symlink", "replace", "rename", "unlink")
PATCHED += ("rmdir", "close")

OLD_TABLES = {
    "measures.csv": b"measure,value\nda_incidents,20276\n",
    "reconciliation.csv": b"kind\nchange\n",
    "revisions.csv": b"measure\n",
    "extraction_log.csv": b"source\nold\n",
    "snapshots/index.csv": b"snapshot\n2014-10-15_aaaa\n",
}
NEW_TABLES = {
    "snapshots/2014-10-16_bbbb.csv": b"measure,value\nda_incidents,20277\n",  # a new name
    "measures.csv": b"measure,value\nda_incidents,20277\n",
    "reconciliation.csv": b"kind\nchange\nsum\n",
    "revisions.csv": b"measure\nda_incidents\n",
    "extraction_log.csv": b"source\nnew\n",
}


class Stop(OSError):
    """The simulated kill or full disk."""


@contextmanager
def failing_from(call: int) -> Iterator[list[str]]:
    """Make the ``call``-th file-system call and every later one raise ENOSPC."""
    made: list[str] = []
    real = {name: getattr(os, name) for name in PATCHED}

    def wrap(name: str) -> Callable[..., object]:
        def patched(*args: object, **kwargs: object) -> object:
            made.append(name)
            if len(made) >= call:
                raise Stop(errno.ENOSPC, "No space left on device")
            return real[name](*args, **kwargs)

        return patched

    for name in PATCHED:
        setattr(os, name, wrap(name))
    try:
        yield made
    finally:
        for name, function in real.items():
            setattr(os, name, function)


def visible(folder: Path) -> dict[str, bytes]:
    """What a reader finds: every file outside hidden folders, by relative name."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in Path(name).parts):
            continue
        if path.is_file():
            found[name] = path.read_bytes()
    return found


def visible_entries(folder: Path) -> list[str]:
    """Names a directory listing shows outside hidden folders (dangling links included)."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.is_symlink() or p.is_file())
    )


def _write_plain(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


@pytest.mark.parametrize("start", ["plain files (earlier layout)", "a set written before"])
def test_processed_set_is_old_or_new_after_a_failure_at_every_step(tmp_path: Path, start: str):
    """Kill after step N, N = 1..all: the four tables and the snapshots stay one version."""
    expected_new = {**OLD_TABLES, **NEW_TABLES}  # snapshots carried over into the new set
    steps = 0
    for call in range(1, 500):
        folder = tmp_path / f"n{call}"
        folder.mkdir()
        if start.startswith("plain"):
            _write_plain(folder, OLD_TABLES)
        else:
            replace_file_set(folder, OLD_TABLES)
        with failing_from(call) as made:
            try:
                replace_file_set(folder, NEW_TABLES, carry_over=True)
                finished = True
            except (KcspError, Stop):
                finished = False
        assert visible(folder) in (OLD_TABLES, expected_new), f"failure at call {call}"
        # No temporary file among the outputs: only names of the sets (a new name's link
        # may dangle after a kill before the switch; it reads as absent, and goes next run).
        assert set(visible_entries(folder)) <= set(expected_new), f"failure at call {call}"
        # The next run starts from whichever set is there, and completes.
        tidy_file_set(folder)
        assert visible(folder) in (OLD_TABLES, expected_new)
        assert visible_entries(folder) == sorted(visible(folder)), "a dangling link is left"
        replace_file_set(folder, NEW_TABLES, carry_over=True)
        assert visible(folder) == expected_new
        # Leftovers of the interrupted run are gone: the current version and its pointer.
        store = sorted(p.name[:4] for p in (folder / ".kcsp-sets").iterdir())
        assert store == ["curr", "set-"]
        if finished:
            steps = len(made)
            break
    assert steps > 20, "every step of a replacement was interrupted once"


def test_reports_set_drops_pages_no_longer_built_and_keeps_other_files(tmp_path: Path):
    """A page whose notebook is gone leaves with the set; an area subfolder's set stays."""
    reports = tmp_path / "reports"
    replace_file_set(reports, {"00_overview.html": b"<p>old</p>", "02_gone.html": b"<p>g</p>"})
    replace_file_set(reports / "Dover", {"00_overview.html": b"<p>Dover</p>"})
    (reports / ".gitkeep").write_bytes(b"")
    replace_file_set(reports, {"00_overview.html": b"<p>new</p>", "index.html": b"<p>i</p>"})
    assert visible(reports) == {
        "00_overview.html": b"<p>new</p>",
        "Dover/00_overview.html": b"<p>Dover</p>",
        "index.html": b"<p>i</p>",
    }
    assert not (reports / "02_gone.html").is_symlink()


def test_reports_set_is_old_or_new_when_the_disk_fills_at_every_step(tmp_path: Path):
    """Today's failure: a full disk mid-write left a new overview beside old pages."""
    old = {"00_overview.html": b"old 0", "01_domestic_abuse.html": b"old 1", "index.html": b"i"}
    new = {"00_overview.html": b"new 0", "01_domestic_abuse.html": b"new 1", "index.html": b"j"}
    for call in range(1, 500):
        reports = tmp_path / f"n{call}" / "reports"
        replace_file_set(reports, old)
        with failing_from(call):
            try:
                replace_file_set(reports, new)
                done = True
            except KcspError as error:
                assert "No space left on device" in str(error)
                assert "previous ones are unchanged" in str(error)
                done = False
        assert visible(reports) in (old, new)
        assert set(visible_entries(reports)) <= set(new), "a temporary file among the pages"
        if done:
            break


def test_unchanged_set_is_not_rewritten(tmp_path: Path):
    """A rerun with the same bytes touches nothing (modification times kept)."""
    replace_file_set(tmp_path, OLD_TABLES)
    before = snapshot(tmp_path)
    replace_file_set(tmp_path, OLD_TABLES)
    assert snapshot(tmp_path) == before


def test_a_file_of_another_kind_in_the_way_is_refused(tmp_path: Path):
    """A folder or someone else's link where an output goes is never deleted."""
    (tmp_path / "measures.csv").mkdir()
    with pytest.raises(KcspError, match=r"measures\.csv is in the way of an output"):
        replace_file_set(tmp_path, {"measures.csv": b"x"})
    assert (tmp_path / "measures.csv").is_dir()


def test_writes_after_ctrl_c_are_refused(tmp_path: Path):
    """Work still running in a thread after Ctrl-C replaces nothing."""
    replace_file_set(tmp_path, OLD_TABLES)
    file_sets.refuse_further_writes()
    try:
        with pytest.raises(KcspError, match="interrupted; not written"):
            replace_file_set(tmp_path, NEW_TABLES, carry_over=True)
    finally:
        file_sets.allow_writes()
    assert visible(tmp_path) == OLD_TABLES


def _wait_for(condition: Callable[[], bool], limit: float) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


# Extraction in the plan thread of run_notebooks, as `kcsp build` runs it while a kernel
# starts; made slow so that SIGINT arrives while it runs.
_EXTRACT_IN_A_THREAD = """
import sys, time
from pathlib import Path
from kcsp_analysis.build import extraction
from kcsp_analysis.build.kernels import run_notebooks
from kcsp_analysis.cli import main

real = extraction.reconcile
def slow_reconcile(*args):
    Path(sys.argv[3]).write_text("started")
    time.sleep(3)
    return real(*args)
extraction.reconcile = slow_reconcile

def run():
    extraction.run_extract(Path(sys.argv[1]), Path(sys.argv[2]))
    return []
def wait_main(args):
    run_notebooks(run, workers=1, cwd=Path.cwd())
    return 0
import kcsp_analysis.cli as cli
cli._cmd_extract = wait_main
sys.exit(main(["extract"]))
"""


def test_ctrl_c_while_extraction_runs_in_a_thread_changes_no_output(raw_copy, tmp_path: Path):
    """SIGINT, then the thread finishes its work: the outputs are still the earlier ones.

    Time limit: the child exits within 30 s of the signal.
    """
    out = tmp_path / "processed"
    replace_file_set(out, OLD_TABLES)
    before = snapshot(out)
    started = tmp_path / "started"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _EXTRACT_IN_A_THREAD,
            str(raw_copy),
            str(out / "measures.csv"),
            str(started),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(started.exists, 60)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 130
    assert "kcsp: interrupted; earlier outputs are unchanged" in stderr
    assert snapshot(out) == before


# `kcsp extract` itself, made slow in reconciliation so that SIGINT arrives mid-run.
_SLOW_EXTRACT = """
import sys, time
from pathlib import Path
from kcsp_analysis.build import extraction
from kcsp_analysis.cli import main

real = extraction.reconcile
def slow_reconcile(*args):
    Path(sys.argv[3]).write_text("started")
    time.sleep(3)
    return real(*args)
extraction.reconcile = slow_reconcile
sys.exit(main(["extract", "--raw", sys.argv[1], "--out", sys.argv[2]]))
"""


def test_ctrl_c_during_kcsp_extract_changes_no_output(raw_copy, tmp_path: Path):
    """SIGINT to a child ``kcsp extract``: exit 130, files as before. Limit: 30 s."""
    out = tmp_path / "processed"
    replace_file_set(out, OLD_TABLES)
    before = snapshot(out)
    started = tmp_path / "started"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _SLOW_EXTRACT,
            str(raw_copy),
            str(out / "measures.csv"),
            str(started),
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(started.exists, 60)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    assert (child.returncode, stderr) == (130, "kcsp: interrupted; earlier outputs are unchanged\n")
    time.sleep(1)  # nothing left running may write afterwards
    assert snapshot(out) == before


def test_ctrl_c_after_a_set_was_replaced_says_so(raw_copy, tmp_path: Path, monkeypatch, capsys):
    """The processed set switched before Ctrl-C: the message names it, not "unchanged"."""
    from kcsp_analysis import cli

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_print_manifest_notes", interrupted)
    out = tmp_path / "processed"
    assert cli.main(["extract", "--raw", str(raw_copy), "--out", str(out / "measures.csv")]) == 130
    assert capsys.readouterr().err == f"kcsp: interrupted; {out} already updated, nothing else\n"
    assert (out / "measures.csv").is_file()
