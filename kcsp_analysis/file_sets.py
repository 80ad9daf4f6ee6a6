"""Sets of output files replaced as a whole: readers see the old set or the new, never a mix.

A folder's set (the processed tables, the briefing pages) lives in a hidden store beside
its files, ``FOLDER/.kcsp-sets/``: each version in a folder of its own, and a symbolic
link ``current`` naming the version in use. Every file of the set keeps its documented
path, ``FOLDER/measures.csv``, as a symbolic link to ``.kcsp-sets/current/measures.csv``.
A new version is written and synced in full beside the current one; one ``os.replace``
of the ``current`` link then switches every file at once. A kill, a full disk or Ctrl-C
before that rename leaves the old set; after it, the new one. Leftovers of an
interrupted replacement (a half-written version, links of names not in the set) are
hidden or dangling, and removed by the next replacement (:func:`tidy_file_set`).

Standard library only. Symbolic links need a POSIX file system (Linux, macOS).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from kcsp_analysis.errors import KcspError

STORE_NAME = ".kcsp-sets"
CURRENT_NAME = "current"
_VERSION_PREFIX = "set-"
_TMP_PREFIX = "tmp-"
_commit_lock = threading.Lock()
_writes_refused = threading.Event()
_replaced: list[Path] = []  # folders whose set this command replaced, in order


class WritesRefusedError(KcspError):
    """Raised by a write after :func:`refuse_further_writes` (Ctrl-C): nothing was changed."""


def refuse_further_writes() -> None:
    """Refuse every later output write of this process; wait for one under way to finish.

    Called on Ctrl-C: work still running in another thread (extraction during a build)
    then ends without replacing any output, so "outputs unchanged" stays true.
    """
    _writes_refused.set()
    with _commit_lock:
        pass


def allow_writes() -> None:
    """Start a command: writes allowed, no folder replaced yet (see :func:`replaced_folders`)."""
    _writes_refused.clear()
    _replaced.clear()


def replaced_folders() -> list[Path]:
    """Return the folders whose set was replaced since :func:`allow_writes`, each once."""
    return list(dict.fromkeys(_replaced))


def check_writes_allowed(target: Path) -> None:
    """Raise :class:`WritesRefusedError` once writes are refused (after Ctrl-C)."""
    if _writes_refused.is_set():
        raise WritesRefusedError("interrupted; not written", source=str(target))


@contextlib.contextmanager
def commit_guard(target: Path) -> Iterator[None]:
    """Hold the commit lock and refuse the commit once writes are refused (after Ctrl-C)."""
    with _commit_lock:
        check_writes_allowed(target)
        yield


def current_names(folder: Path) -> list[str]:
    """Return the files of the folder's current set (relative POSIX names), sorted."""
    version = Path(folder) / STORE_NAME / CURRENT_NAME
    if not version.is_dir():
        return []
    return sorted(
        p.relative_to(version).as_posix()
        for p in version.rglob("*")
        if p.is_file() and not p.is_symlink()
    )


def replace_file_set(
    folder: Path, files: Mapping[str, bytes], *, carry_over: bool = False
) -> list[Path]:
    """Replace the set of files in ``folder`` by ``files`` (relative name to bytes) at once.

    With ``carry_over`` the current set's files not named in ``files`` stay in the new
    set (a new snapshot keeps the tables); without it they leave the folder (a briefing
    page whose notebook is gone). Unchanged content changes nothing on disk. Returns the
    paths of the set's files. A failure (full disk, read-only folder) raises
    :class:`KcspError` naming the folder, with the previous set in place.
    """
    folder = Path(folder)
    for name in files:
        _check_name(folder, name)
    try:
        return _replace(folder, files, carry_over)
    except KcspError:
        raise
    except OSError as exc:
        raise KcspError(
            f"could not write the new files ({_os_reason(exc)}); the previous ones are unchanged",
            source=str(folder),
        ) from exc


def _replace(folder: Path, files: Mapping[str, bytes], carry_over: bool) -> list[Path]:
    check_writes_allowed(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tidy_file_set(folder)
    store = folder / STORE_NAME
    store.mkdir(exist_ok=True)
    _adopt_plain_files(folder, [n for n in files if _is_plain_file(folder / n)])
    carried = [n for n in current_names(folder) if carry_over and n not in files]
    names = sorted([*files, *carried])
    if _unchanged(folder, files, names):
        return [folder / n for n in names]
    version = _stage(store, files, {n: store / CURRENT_NAME / n for n in carried})
    try:
        for name in names:
            _link_visible(folder, name)
        _commit(store, version)
    except BaseException:
        _tidy_quietly(folder)  # the staged version, and links of names it would have added
        raise
    _tidy_quietly(folder)
    return [folder / n for n in names]


def _check_name(folder: Path, name: str) -> None:
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or any(p in ("..", ".") for p in parts):
        raise KcspError(f"output name {name!r} is not a plain relative name", source=str(folder))
    if parts[0] == STORE_NAME:
        raise KcspError(f"output name {name!r} is inside {STORE_NAME}", source=str(folder))


def _os_reason(exc: OSError) -> str:
    return exc.strerror or errno.errorcode.get(exc.errno or 0, "") or str(exc)


def _link_target(name: str) -> str:
    """Return the text of the link at ``FOLDER/name``: relative, so the folder can move."""
    return "../" * name.count("/") + f"{STORE_NAME}/{CURRENT_NAME}/{name}"


def _is_own_link(path: Path, name: str) -> bool:
    return path.is_symlink() and os.readlink(path) == _link_target(name)


def _is_plain_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _unchanged(folder: Path, files: Mapping[str, bytes], names: list[str]) -> bool:
    """Whether the current set already is this set, every name linked."""
    if names != current_names(folder):
        return False
    version = folder / STORE_NAME / CURRENT_NAME
    for name in names:
        if not _is_own_link(folder / name, name):
            return False
        if name in files and (version / name).read_bytes() != files[name]:
            return False
    return True


def _stage(store: Path, files: Mapping[str, bytes], carried: Mapping[str, Path]) -> str:
    """Write a complete new version into the store, synced; return its folder name."""
    version = f"{_VERSION_PREFIX}{os.urandom(8).hex()}"
    root = store / version
    try:
        os.mkdir(root)
        folders = {root}
        for name, data in files.items():
            folders |= _make_parents(root, name)
            _write_synced(root / name, data)
        for name, source in carried.items():
            folders |= _make_parents(root, name)
            _link_or_copy(source.resolve(), root / name)
        for path in sorted(folders, key=lambda p: -len(p.parts)):
            _sync_folder(path)
    except BaseException:
        _remove_quietly(root)
        raise
    return version


def _link_or_copy(source: Path, target: Path) -> None:
    """Share an unchanged file with the current version; copy where links are not allowed."""
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        _write_synced(target, source.read_bytes())


def _make_parents(root: Path, name: str) -> set[Path]:
    made = set()
    parent = (root / name).parent
    while parent != root and not parent.is_dir():
        made.add(parent)
        parent = parent.parent
    for path in sorted(made, key=lambda p: len(p.parts)):
        os.mkdir(path)
    return made | {(root / name).parent}


def _write_synced(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _commit(store: Path, version: str, *, record: bool = True) -> None:
    """Point ``current`` at ``version``: the one rename that switches the set.

    ``record`` names the folder in :func:`replaced_folders` (not for a version whose
    files read as before, see :func:`_adopt_plain_files`).
    """
    temporary = store / f"{_TMP_PREFIX}{version}"
    os.symlink(version, temporary)
    try:
        with commit_guard(store.parent):
            os.replace(temporary, store / CURRENT_NAME)
            if record:
                _replaced.append(store.parent)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(store)


def _link_visible(folder: Path, name: str) -> None:
    """Give ``name`` its link into the current set (dangling until the set has it)."""
    path = folder / name
    if _is_own_link(path, name):
        return
    if path.is_symlink() or path.exists():
        raise KcspError(
            f"{name} is in the way of an output: move it elsewhere and rerun", source=str(folder)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = folder / STORE_NAME / f"{_TMP_PREFIX}link-{os.urandom(8).hex()}"
    os.symlink(_link_target(name), temporary)
    try:
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise


def _adopt_plain_files(folder: Path, names: list[str]) -> None:
    """Turn plain files of the set's names into links, content unchanged at every step.

    First a version holding the current set and these files is made current; then each
    file is replaced by its link, which reads the same bytes.
    """
    if not names:
        return
    store = folder / STORE_NAME
    keep = {n: store / CURRENT_NAME / n for n in current_names(folder) if n not in names}
    keep |= {n: folder / n for n in names}
    version = _stage(store, {}, keep)
    try:
        for name in keep:
            if name not in names:
                _link_visible(folder, name)
        _commit(store, version, record=False)
    except BaseException:
        _remove_quietly(store / version)
        raise
    for name in names:
        temporary = store / f"{_TMP_PREFIX}link-{os.urandom(8).hex()}"
        os.symlink(_link_target(name), temporary)
        os.replace(temporary, folder / name)


def tidy_file_set(folder: Path) -> None:
    """Remove what an interrupted replacement left: other versions, temporaries, dead links."""
    store = Path(folder) / STORE_NAME
    if not store.is_dir():
        return
    current = store / CURRENT_NAME
    in_use = os.readlink(current) if current.is_symlink() else None
    for entry in sorted(store.iterdir()):
        if entry.name not in (CURRENT_NAME, in_use):
            _remove(entry)
    for path in _own_links(Path(folder)):
        if not path.exists():
            path.unlink()


def _own_links(folder: Path) -> list[Path]:
    found = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != STORE_NAME]
        for entry in [*names, *dirs]:
            path = Path(top) / entry
            if path.is_symlink() and _is_own_link(path, path.relative_to(folder).as_posix()):
                found.append(path)
    return found


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _remove_quietly(path: Path) -> None:
    """Best-effort removal of a leftover: it is hidden, and the next tidy retries."""
    with contextlib.suppress(OSError):
        _remove(path)


def _tidy_quietly(folder: Path) -> None:
    with contextlib.suppress(OSError):
        tidy_file_set(folder)
