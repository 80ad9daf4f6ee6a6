"""Execute notebooks in a few long-lived kernels, each notebook under a time limit.

Starting a kernel and importing pandas and matplotlib costs seconds; a briefing takes
well under one. So each worker keeps one kernel for the whole build, imports the heavy
libraries once, and clears the user namespace between notebooks. Workers run side by
side in one event loop, one kernel per core.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from kcsp_analysis.file_sets import refuse_further_writes

KERNEL_NAME = "python3"
WARM_UP_CODE = "import pandas, matplotlib, matplotlib.pyplot, kcsp_analysis"
# Runs before every notebook: a notebook must not see the previous one's variables or
# figures, but imported modules stay loaded (that is the point of a long-lived kernel).
RESET_CODE = (
    "get_ipython().run_line_magic('reset', '-f')\n"
    "import matplotlib.pyplot as __plt\n"
    "__plt.close('all')\n"
    "del __plt\n"
)
INJECTED_TAG = "injected-parameters"
# Imports on a busy machine can take a while; the notebooks' own time limit starts later.
WARM_UP_TIMEOUT = 300.0


@dataclass(frozen=True)
class NotebookJob:
    """One notebook to execute: its file, its parameter overrides and its time limit."""

    path: Path
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class NotebookRun:
    """The outcome of one notebook: the executed notebook, or why it failed."""

    job: NotebookJob
    notebook: nbformat.NotebookNode | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        """True when every cell ran without error."""
        return self.error is None


def inject_parameters(
    notebook: nbformat.NotebookNode, parameters: Mapping[str, Any]
) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` with a cell setting ``parameters`` after its parameters cell.

    The cell is tagged ``injected-parameters``, as papermill does, so readers of the
    executed notebook see what was overridden. Without a ``parameters`` cell the
    overrides go first.
    """
    out = copy.deepcopy(notebook)
    if not parameters:
        return out
    lines = [f"{name} = {value!r}" for name, value in sorted(parameters.items())]
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [INJECTED_TAG]})
    cell.pop("id", None)
    tagged = [
        i for i, c in enumerate(out.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    position = tagged[0] + 1 if tagged else 0
    out.cells.insert(position, cell)
    return out


def describe_cell(name: str, index: int, cell: nbformat.NotebookNode) -> str:
    """``02_road_safety.ipynb: cell 4 (fig = plots.trend(...))``: where a failure happened."""
    first_line = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
    return f"{name}: cell {index + 1} ({first_line.strip()[:60]})"


def describe_cell_error(exc: Exception) -> str:
    """Return what went wrong in a cell, in one line."""
    if isinstance(exc, CellExecutionError):
        return f"{exc.ename}: {exc.evalue}"
    if isinstance(exc, CellTimeoutError):
        return "cell timed out"
    if isinstance(exc, DeadKernelError):
        return "the kernel died while running this cell"
    return f"{type(exc).__name__}: {exc}"


class _Worker:
    """One kernel that executes notebooks one after another."""

    def __init__(self, cwd: Path, env: Mapping[str, str], timeout: float, warm_up: str):
        self.cwd = cwd
        self.warm_up = warm_up
        self.env = dict(env)
        self.timeout = timeout
        self.km: AsyncKernelManager | None = None
        self.kc: Any = None
        self._socket_dir: tempfile.TemporaryDirectory[str] | None = None
        self.broken = ""

    async def start(self) -> None:
        # Local sockets rather than TCP ports: nothing listens on the network.
        self._socket_dir = tempfile.TemporaryDirectory(prefix="kcsp-kernel-")
        self.km = AsyncKernelManager(
            kernel_name=KERNEL_NAME, transport="ipc", ip=str(Path(self._socket_dir.name) / "k")
        )
        await self.km.start_kernel(cwd=str(self.cwd), env=self.env)
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=60)
        self.kc.allow_stdin = False
        # An import that fails here fails again, named, in the notebook's own cell.
        with contextlib.suppress(RuntimeError):
            await self._run_code(self.warm_up, timeout=WARM_UP_TIMEOUT)

    async def _run_code(self, code: str, timeout: float | None = None) -> None:
        reply = await self.kc.execute_interactive(
            code, silent=True, store_history=False, timeout=timeout or self.timeout
        )
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise RuntimeError(f"{content.get('ename')}: {content.get('evalue')}")

    async def restart(self) -> None:
        """Return a fresh kernel after a failure, so later notebooks are not affected."""
        await self.stop()
        await self.start()

    async def stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            if self.km.has_kernel:
                await self.km.shutdown_kernel(now=True)
            self.km = None
        if self._socket_dir is not None:
            self._socket_dir.cleanup()
            self._socket_dir = None

    async def run(self, job: NotebookJob) -> NotebookRun:
        loop = asyncio.get_running_loop()
        started = loop.time()
        name = job.path.name
        try:
            notebook = await asyncio.wait_for(self._execute(job), timeout=self.timeout)
            return NotebookRun(job, notebook, None, loop.time() - started)
        except _CellFailure as failure:
            where, what = failure.where, failure.what
        except Exception as exc:  # a kernel that cannot start or answer fails this notebook
            where, what = name, describe_cell_error(exc)
        # nbclient turns the cancellation at the time limit into "kernel died": the clock
        # tells the two apart.
        if loop.time() - started >= self.timeout:
            what = f"stopped at the time limit of {self.timeout:g} s"
        error = f"{where}: {what}"
        try:
            await self.restart()
        except Exception as exc:  # later notebooks of this worker fail with the reason
            self.broken = f"the kernel could not start again: {type(exc).__name__}: {exc}"
        return NotebookRun(job, None, error, loop.time() - started)

    async def _execute(self, job: NotebookJob) -> nbformat.NotebookNode:
        notebook = inject_parameters(nbformat.read(job.path, as_version=4), job.parameters)
        await self._run_code(RESET_CODE)
        client = NotebookClient(
            notebook,
            km=self.km,
            # The notebook's own limit (asyncio) fires first, with the clearer message.
            timeout=int(self.timeout) + 30,
            kernel_name=KERNEL_NAME,
            resources={"metadata": {"path": str(job.path.parent)}},
            allow_errors=False,
            record_timing=False,
        )
        client.kc = self.kc
        client.reset_execution_trackers()
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            try:
                await client.async_execute_cell(
                    cell, index, execution_count=client.code_cells_executed + 1
                )
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
                where = describe_cell(job.path.name, index, cell)
                raise _CellFailure(where, describe_cell_error(exc)) from exc
        return notebook


class _CellFailure(Exception):
    def __init__(self, where: str, what: str):
        super().__init__(f"{where}: {what}")
        self.where = where
        self.what = what


async def _run_all(
    plan: Callable[[], Sequence[NotebookJob]],
    *,
    workers: int,
    cwd: Path,
    env: Mapping[str, str],
    timeout: float,
    on_done: Callable[[NotebookRun], None],
    warm_up: str,
) -> list[NotebookRun]:
    queue: asyncio.Queue[tuple[int, NotebookJob]] = asyncio.Queue()
    results: dict[int, NotebookRun] = {}
    ready = asyncio.Event()
    pool = [_Worker(cwd, env, timeout, warm_up) for _ in range(max(1, workers))]

    async def work(worker: _Worker) -> None:
        try:
            try:
                await worker.start()
            except Exception as exc:  # no kernel: this worker's notebooks fail with the reason
                worker.broken = f"the kernel could not start: {type(exc).__name__}: {exc}"
            await ready.wait()
            while not queue.empty():
                index, job = queue.get_nowait()
                if worker.broken:
                    run = NotebookRun(job, None, f"{job.path.name}: {worker.broken}", 0.0)
                else:
                    run = await worker.run(job)
                results[index] = run
                on_done(run)
        finally:
            await worker.stop()

    tasks = [asyncio.create_task(work(w)) for w in pool]
    try:
        # Kernels boot and import pandas while the plan runs (extraction, cache look-ups).
        jobs = list(await asyncio.to_thread(plan))
    except (asyncio.CancelledError, KeyboardInterrupt):
        # Ctrl-C: the plan's thread runs on until the loop closes; it must write nothing.
        refuse_further_writes()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    for item in enumerate(jobs):
        queue.put_nowait(item)
    ready.set()
    await asyncio.gather(*tasks)
    return [results[i] for i in range(len(jobs))]


def run_notebooks(
    jobs: Sequence[NotebookJob] | Callable[[], Sequence[NotebookJob]],
    *,
    workers: int = 2,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 300.0,
    on_done: Callable[[NotebookRun], None] = lambda run: None,
    warm_up: str = WARM_UP_CODE,
) -> list[NotebookRun]:
    """Execute notebooks in ``workers`` long-lived kernels; results in the order of the jobs.

    Parameters
    ----------
    jobs
        The notebooks to run with their parameter overrides, or a function returning
        them: it runs in a thread while the kernels start (extraction can overlap the
        slow kernel start-up); an exception from it stops the kernels and propagates.
    workers
        Kernels to run side by side.
    cwd
        Working directory of the kernels.
    env
        Extra environment variables for the kernels (added to this process's).
    timeout
        Time limit in seconds for each notebook; a notebook over it, or whose kernel
        dies, fails with a message naming it, and its kernel is replaced.
    on_done
        Called with each result as it arrives (progress display).
    warm_up
        Code each kernel runs once at start (imports the notebooks share), before the
        caller's work is done; a failure in it fails every notebook of that kernel.
    """
    if callable(jobs):
        plan = jobs
    else:
        fixed = list(jobs)
        if not fixed:
            return []
        workers = min(workers, len(fixed))
        plan = lambda: fixed  # noqa: E731
    kernel_env = {**os.environ, **(env or {})}
    return asyncio.run(
        _run_all(
            plan,
            workers=workers,
            cwd=cwd,
            env=kernel_env,
            timeout=timeout,
            on_done=on_done,
            warm_up=warm_up,
        )
    )
