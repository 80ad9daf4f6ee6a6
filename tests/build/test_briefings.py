"""``kcsp build``: cache, time limits, failing notebooks, atomic reports, snapshots.

These tests build small projects in a temporary folder: the shipped data/raw, plus tiny
notebooks written here, so each behaviour of the build is checked in isolation.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import nbformat
import pytest

from kcsp_analysis.build.briefings import (
    BuildLayout,
    build_briefings,
    notebook_key,
    notebook_paths,
)
from kcsp_analysis.errors import KcspError
from kcsp_analysis.processed.snapshots import (
    choose_snapshot,
    list_snapshots,
    snapshot_path,
    take_snapshot,
)
from tests.conftest import SHIPPED_RAW

v4 = nbformat.v4

PINNED_PACKAGE = "package-under-test"
COUNT_CELL = (
    "import kcsp_analysis\n"
    "frame = kcsp_analysis.load_measures()\n"
    "print(f'{len(frame)} figures for {area}')"
)


def write_notebook(path: Path, title: str, *code: str) -> None:
    """A notebook: a title, a ``parameters`` cell (area), then ``code`` cells."""
    notebook = v4.new_notebook()
    parameters = v4.new_code_cell("area = 'Kent'", metadata={"tags": ["parameters"]})
    notebook.cells = [
        v4.new_markdown_cell(f"# {title}\n\nWhat {title.lower()} is about."),
        parameters,
        *(v4.new_code_cell(c) for c in code),
    ]
    nbformat.write(notebook, path)


def make_project(root: Path) -> BuildLayout:
    """A project with the shipped raw data and two tiny briefing notebooks."""
    shutil.copytree(SHIPPED_RAW, root / "data" / "raw")
    (root / "notebooks").mkdir()
    write_notebook(root / "notebooks" / "00_alpha.ipynb", "Alpha", COUNT_CELL)
    write_notebook(
        root / "notebooks" / "01_beta.ipynb",
        "Beta",
        "from IPython.display import HTML\nHTML('<p class=\"beta\">beta output</p>')",
    )
    return BuildLayout.of(root)


def report_bytes(layout: BuildLayout) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(layout.reports.glob("*.html"))}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BuildLayout:
    # The package's own hash is pinned: these tests change notebooks and data, and must
    # not see edits to the package source made while they run.
    monkeypatch.setattr("kcsp_analysis.build.briefings.package_digest", lambda: PINNED_PACKAGE)
    return make_project(tmp_path / "project")


@pytest.mark.slow
def test_build_writes_one_page_per_notebook_and_an_index_without_code(project: BuildLayout):
    result = build_briefings(project, progress=False)
    assert sorted(result.executed) == ["00_alpha.ipynb", "01_beta.ipynb"]
    assert result.extracted
    assert sorted(report_bytes(project)) == [
        "00_alpha.html",
        "01_beta.html",
        "index.html",
        "methods.html",
    ]
    alpha = (project.reports / "00_alpha.html").read_text(encoding="utf-8")
    assert "figures for Kent" in alpha
    assert "load_measures" not in alpha  # no input cells
    assert "area = " not in alpha
    beta = (project.reports / "01_beta.html").read_text(encoding="utf-8")
    assert '<p class="beta">beta output</p>' in beta
    index = (project.reports / "index.html").read_text(encoding="utf-8")
    assert '<a href="00_alpha.html">Alpha: Kent</a>' in index
    assert "What beta is about." in index
    # Every page names its area and links the methods page.
    for name in ("00_alpha.html", "01_beta.html", "index.html", "methods.html"):
        text = (project.reports / name).read_text(encoding="utf-8")
        assert "Area: <strong>Kent</strong>" in text
        assert '<a href="methods.html">Methods and revisions</a>' in text


@pytest.mark.slow
def test_rebuild_with_nothing_changed_is_quick_and_byte_identical(project: BuildLayout):
    build_briefings(project, progress=False)
    first = report_bytes(project)
    started = time.perf_counter()
    result = build_briefings(project, progress=False)
    assert result.up_to_date
    assert time.perf_counter() - started < 1.0
    assert report_bytes(project) == first
    # The no-change path must not load pandas: that alone costs half a second.
    probe = (
        "import sys; from pathlib import Path; import kcsp_analysis.build.briefings as build; "
        f"build.package_digest = lambda: {PINNED_PACKAGE!r}; "
        "result = build.build_briefings(build.BuildLayout.of(Path(sys.argv[1])), "
        "progress=False); print(result.up_to_date, 'pandas' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(project.root)], capture_output=True, text=True
    )
    assert done.stdout.strip() == "True False", done.stderr


@pytest.mark.slow
def test_only_the_changed_notebook_runs_again_and_force_runs_all(project: BuildLayout):
    build_briefings(project, progress=False)
    write_notebook(project.notebooks / "01_beta.ipynb", "Beta", "print('beta changed')")
    result = build_briefings(project, progress=False)
    assert (result.executed, result.cached, result.extracted) == (
        ["01_beta.ipynb"],
        ["00_alpha.ipynb"],
        False,
    )
    assert "beta changed" in (project.reports / "01_beta.html").read_text(encoding="utf-8")
    forced = build_briefings(project, force=True, progress=False)
    assert sorted(forced.executed) == ["00_alpha.ipynb", "01_beta.ipynb"]
    assert forced.extracted


@pytest.mark.slow
def test_failing_notebook_is_named_with_its_cell_and_reports_stay_as_they_were(
    project: BuildLayout,
):
    build_briefings(project, progress=False)
    before = report_bytes(project)
    write_notebook(project.notebooks / "01_beta.ipynb", "Beta", "x = 1", "ratio = x / 0")
    with pytest.raises(KcspError) as caught:
        build_briefings(project, progress=False)
    assert str(caught.value) == (
        "1 of 2 briefing notebooks failed; reports/ is unchanged:\n"
        "  notebooks/01_beta.ipynb: cell 4 (ratio = x / 0): ZeroDivisionError: division by zero"
    )
    assert report_bytes(project) == before
    assert not list(project.reports.glob(".*.tmp"))


@pytest.mark.slow
def test_hung_and_dead_kernels_fail_their_notebook_with_a_clear_message(project: BuildLayout):
    write_notebook(project.notebooks / "00_alpha.ipynb", "Alpha", "import time", "time.sleep(120)")
    write_notebook(project.notebooks / "01_beta.ipynb", "Beta", "import os", "os._exit(1)")
    started = time.perf_counter()
    with pytest.raises(KcspError) as caught:
        build_briefings(project, timeout=4, progress=False)
    assert time.perf_counter() - started < 60
    message = str(caught.value)
    assert (
        "notebooks/00_alpha.ipynb: cell 4 (time.sleep(120)): stopped at the time limit of 4 s"
        in message
    )
    assert (
        "notebooks/01_beta.ipynb: cell 4 (os._exit(1)): the kernel died while running this cell"
        in message
    )
    assert not project.reports.exists() or not list(project.reports.iterdir())


def test_notebook_paths_take_numbered_notebooks_in_order(tmp_path: Path):
    for name in ("01_b.ipynb", "00_a.ipynb", "scratch.ipynb", "10_c.ipynb"):
        write_notebook(tmp_path / name, "T")
    assert [p.name for p in notebook_paths(tmp_path)] == ["00_a.ipynb", "01_b.ipynb", "10_c.ipynb"]


def test_notebook_key_follows_notebook_data_package_and_parameters(tmp_path: Path):
    notebook = tmp_path / "00_a.ipynb"
    write_notebook(notebook, "A", "print(1)")
    processed = tmp_path / "processed"
    processed.mkdir()
    (processed / "measures.csv").write_text("measure\n", encoding="utf-8")
    key = notebook_key(notebook, processed, "pkg1", {"area": "Kent"})
    assert key == notebook_key(notebook, processed, "pkg1", {"area": "Kent"})
    assert key != notebook_key(notebook, processed, "pkg2", {"area": "Kent"})
    assert key != notebook_key(notebook, processed, "pkg1", {"area": "Medway"})
    (processed / "measures.csv").write_text("measure\nx\n", encoding="utf-8")
    assert key != notebook_key(notebook, processed, "pkg1", {"area": "Kent"})


def test_each_changed_build_keeps_a_dated_snapshot_and_unchanged_ones_none(tmp_path: Path):
    first = take_snapshot(tmp_path, b"first\n", date(2014, 7, 10))
    assert take_snapshot(tmp_path, b"first\n", date(2014, 7, 11)) == first  # unchanged
    second = take_snapshot(tmp_path, b"second\n", date(2014, 10, 20))
    third = take_snapshot(tmp_path, b"third\n", date(2015, 1, 15))
    assert [s.built for s in list_snapshots(tmp_path)] == ["2014-07-10", "2014-10-20", "2015-01-15"]
    sha_first = hashlib.sha256(b"first\n").hexdigest()
    assert first.name == f"2014-07-10_{sha_first[:8]}"
    assert snapshot_path(tmp_path, second).read_bytes() == b"second\n"
    assert third.label == f"the build of 2015-01-15 (snapshot {third.name})"


def test_what_is_new_compares_with_the_previous_build_or_the_build_of_a_date(tmp_path: Path):
    first = take_snapshot(tmp_path, b"first\n", date(2014, 7, 10))
    second = take_snapshot(tmp_path, b"second\n", date(2014, 10, 20))
    third = take_snapshot(tmp_path, b"third\n", date(2015, 1, 15))
    now = third.sha256
    # Default: the build before the one that made the current view.
    assert choose_snapshot(tmp_path, None, now) == second
    # Data changed since the last build (extracted, not yet built): that build is previous.
    assert choose_snapshot(tmp_path, None, "0" * 64) == third
    # Since the board meeting of 2014-09-30: the last build on or before that day.
    assert choose_snapshot(tmp_path, "2014-09-30", now) == first
    assert choose_snapshot(tmp_path, "2014-10-20", now) == second
    assert choose_snapshot(tmp_path, second.name, now) == second
    with pytest.raises(
        KcspError, match=r"no snapshot built on or before '2014-01-01'; snapshots: "
    ):
        choose_snapshot(tmp_path, "2014-01-01", now)
    with pytest.raises(KcspError, match=r"no snapshot named 'nonsense'"):
        choose_snapshot(tmp_path, "nonsense", now)
    assert choose_snapshot(tmp_path / "none", None, now) is None


def test_build_without_notebooks_says_where_it_looked(tmp_path: Path):
    layout = BuildLayout.of(tmp_path)
    (tmp_path / "notebooks").mkdir()
    with pytest.raises(KcspError, match=r"notebooks: no briefing notebooks \(NN_name.ipynb\)"):
        build_briefings(layout, progress=False)


@pytest.mark.slow
def test_bad_raw_input_stops_the_build_before_any_report(project: BuildLayout):
    """A changed raw report fails the manifest check; the kernels started meanwhile stop."""
    report = project.raw / "reports" / "2014-07-08_kcsp_agenda_pack.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    with pytest.raises(
        KcspError, match=r"line 4: reports/2014-07-08_kcsp_agenda_pack\.md has changed"
    ):
        build_briefings(project, progress=False)
    assert not project.reports.exists()


@pytest.mark.slow
def test_page_of_a_removed_notebook_is_removed_and_other_files_stay(project: BuildLayout):
    build_briefings(project, progress=False)
    (project.reports / "notes.txt").write_text("kept\n", encoding="utf-8")
    (project.notebooks / "01_beta.ipynb").unlink()
    build_briefings(project, progress=False)
    shown = [p.name for p in project.reports.iterdir() if not p.name.startswith(".")]
    assert sorted(shown) == [
        "00_alpha.html",
        "index.html",
        "methods.html",
        "notes.txt",
    ]


def test_unknown_area_or_malformed_period_is_refused_before_any_work(project: BuildLayout):
    with pytest.raises(KcspError, match=r"^unknown area 'Kentt'; closest: Kent"):
        build_briefings(project, parameters={"area": "Kentt"}, progress=False)
    with pytest.raises(KcspError, match=r"'2013-14' is not a period label; did you mean '2013/14'"):
        build_briefings(project, parameters={"period": "2013-14"}, progress=False)
    assert not project.processed.exists()


@pytest.mark.slow
def test_an_area_build_writes_its_own_folder_and_leaves_kent_alone(project: BuildLayout):
    """Line 805 states Dover's change ("Dover (up 10.5%)"): Dover has something to show,
    in reports/dover/, and Kent's pages are byte for byte as they were."""
    build_briefings(project, progress=False)
    kent = report_bytes(project)
    build_briefings(project, parameters={"area": "Dover"}, progress=False)
    assert report_bytes(project) == kent
    dover = project.reports / "dover"
    assert sorted(p.name for p in dover.iterdir() if not p.name.startswith(".")) == [
        "00_alpha.html",
        "01_beta.html",
        "index.html",
        "methods.html",
    ]
    alpha = (dover / "00_alpha.html").read_text(encoding="utf-8")
    assert "<title>Alpha: Dover</title>" in alpha and "Area: <strong>Dover</strong>" in alpha
    assert "figures for Dover" in alpha
    index = (dover / "index.html").read_text(encoding="utf-8")
    assert "Kent Community Safety Partnership briefings: Dover" in index


@pytest.mark.slow
def test_an_area_or_period_without_figures_stops_and_lists_those_with(project: BuildLayout):
    """The shipped papers give nothing for Ashford, and nothing for 2020/21."""
    areas = "Dover, England and Wales, Kent, Kent and Medway, Thanet"
    with pytest.raises(
        KcspError, match=rf"no figures for area 'Ashford'; areas with figures: {areas}"
    ):
        build_briefings(project, parameters={"area": "Ashford"}, progress=False)
    periods = "2010, 2010/11, 2011/12, 2012, 2012/13, 2013, 2013/14"
    with pytest.raises(KcspError, match=rf"'2020/21' in Kent; periods with figures: {periods}$"):
        build_briefings(project, parameters={"period": "2020/21"}, progress=False)
    assert not project.reports.exists() or not list(project.reports.glob("*.html"))


@pytest.mark.slow
def test_kcsp_build_exits_2_for_a_period_without_figures(tmp_path: Path):
    """The command line: `kcsp build --period 2020/21` ends with exit 2 and the message."""
    root = tmp_path / "project"
    make_project(root)
    run = subprocess.run(
        [sys.executable, "-m", "kcsp_analysis", "build", "--period", "2020/21"],
        cwd=root,
        env={**os.environ, "KCSP_HOME": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith("kcsp: error: ")
    assert "periods with figures: 2010, 2010/11" in run.stderr
    assert not (root / "reports").exists() or not list((root / "reports").glob("*.html"))


POPULATION_CELL = (
    "from kcsp_analysis import paths\n"
    "found = sorted(p.name for p in (paths.raw_dir() / 'population').glob('*.csv'))\n"
    "print('population files:', found or 'none')"
)


@pytest.mark.slow
def test_a_population_file_or_a_manifest_title_reruns_the_briefings(project: BuildLayout):
    """Issue 11: both left `kcsp build` at "0 notebooks executed" until --force."""
    from kcsp_analysis.extract.manifest import add_to_manifest

    write_notebook(project.notebooks / "01_beta.ipynb", "Beta", POPULATION_CELL)
    build_briefings(project, progress=False)
    page = project.reports / "01_beta.html"
    assert "population files: none" in page.read_text(encoding="utf-8")
    (project.raw / "population").mkdir()
    (project.raw / "population" / "mid_2013.csv").write_text(
        "area,mid_year,females_16_plus\nKent,2013,600000\n", encoding="utf-8"
    )
    result = build_briefings(project, progress=False)
    assert sorted(result.executed) == ["00_alpha.ipynb", "01_beta.ipynb"]
    assert "population files: ['mid_2013.csv']" in page.read_text(encoding="utf-8")
    add_to_manifest(project.raw, project.raw / "population" / "mid_2013.csv", title="ONS 2013")
    result = build_briefings(project, progress=False)
    assert not result.up_to_date and sorted(result.executed) == ["00_alpha.ipynb", "01_beta.ipynb"]


def test_a_since_that_no_snapshot_matches_is_refused_before_any_work(project: BuildLayout):
    take_snapshot(project.processed, b"first\n", date(2014, 7, 10))
    with pytest.raises(KcspError, match=r"no snapshot built on or before '2014-01-01'"):
        build_briefings(project, parameters={"since": "2014-01-01"}, progress=False)
    with pytest.raises(KcspError, match=r"since '30/09/2014' is neither a date"):
        build_briefings(project, parameters={"since": "30/09/2014"}, progress=False)
    assert not project.reports.exists()
