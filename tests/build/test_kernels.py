"""Long-lived kernels: parameters, a clean namespace per notebook, recovery after a failure."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from kcsp_analysis.build.kernels import (
    INJECTED_TAG,
    NotebookJob,
    inject_parameters,
    run_notebooks,
)

v4 = nbformat.v4


def notebook_of(*code: str, tagged: int | None = 0) -> nbformat.NotebookNode:
    notebook = v4.new_notebook()
    notebook.cells = [v4.new_markdown_cell("# T"), *(v4.new_code_cell(c) for c in code)]
    if tagged is not None:
        notebook.cells[1 + tagged].metadata["tags"] = ["parameters"]
    return notebook


def stdout_of(notebook: nbformat.NotebookNode) -> str:
    return "".join(
        o.get("text", "")
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream"
    )


def test_parameters_go_after_the_parameters_cell_and_are_tagged():
    notebook = notebook_of("area = 'Kent'\nperiod = None", "print(area)")
    out = inject_parameters(notebook, {"period": "2013/14", "area": "Medway"})
    assert [c.source for c in out.cells[1:]] == [
        "area = 'Kent'\nperiod = None",
        "area = 'Medway'\nperiod = '2013/14'",
        "print(area)",
    ]
    assert out.cells[2].metadata["tags"] == [INJECTED_TAG]
    assert len(notebook.cells) == 3  # the original is not changed


def test_parameters_go_first_without_a_parameters_cell():
    out = inject_parameters(notebook_of("print(1)", tagged=None), {"area": "Dover"})
    assert out.cells[0].source == "area = 'Dover'"


@pytest.mark.slow
def test_one_kernel_runs_notebooks_in_turn_with_a_clean_namespace(tmp_path: Path):
    nbformat.write(notebook_of("secret = 41", "print(secret + 1)"), tmp_path / "a.ipynb")
    nbformat.write(notebook_of("print('secret' in dir())"), tmp_path / "b.ipynb")
    nbformat.write(notebook_of("import os", "os._exit(3)"), tmp_path / "c.ipynb")
    nbformat.write(notebook_of("print('after the crash')"), tmp_path / "d.ipynb")
    jobs = [NotebookJob(tmp_path / n) for n in ("a.ipynb", "b.ipynb", "c.ipynb", "d.ipynb")]
    runs = run_notebooks(jobs, workers=1, cwd=tmp_path, timeout=60)
    assert [r.ok for r in runs] == [True, True, False, True]
    assert stdout_of(runs[0].notebook) == "42\n"
    assert stdout_of(runs[1].notebook) == "False\n"
    assert runs[2].error == "c.ipynb: cell 3 (os._exit(3)): the kernel died while running this cell"
    assert stdout_of(runs[3].notebook) == "after the crash\n"


def test_a_kernel_that_cannot_start_fails_each_notebook_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from kcsp_analysis.build import kernels as notebook_runner

    monkeypatch.setattr(notebook_runner, "KERNEL_NAME", "no-such-kernel")
    nbformat.write(notebook_of("print(1)"), tmp_path / "a.ipynb")
    runs = run_notebooks([NotebookJob(tmp_path / "a.ipynb")], workers=1, cwd=tmp_path)
    assert runs[0].error is not None
    assert runs[0].error.startswith("a.ipynb: the kernel could not start: NoSuchKernel")
