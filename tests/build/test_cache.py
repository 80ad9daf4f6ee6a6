"""Content hashes that decide what a build skips."""

from __future__ import annotations

import shutil
from pathlib import Path

from kcsp_analysis.build.cache import (
    digest_files,
    file_hashes,
    notebook_key,
    outputs_intact,
    tree_files,
)


def test_digest_depends_on_names_and_contents_not_on_order(tmp_path: Path):
    (tmp_path / "a.csv").write_text("1\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("2\n", encoding="utf-8")
    pairs = [("a.csv", tmp_path / "a.csv"), ("b.csv", tmp_path / "b.csv")]
    assert digest_files(pairs) == digest_files(list(reversed(pairs)))
    renamed = [("c.csv", tmp_path / "a.csv"), ("b.csv", tmp_path / "b.csv")]
    assert digest_files(renamed) != digest_files(pairs)
    before = digest_files(pairs)
    (tmp_path / "b.csv").write_text("3\n", encoding="utf-8")
    assert digest_files(pairs) != before


def test_tree_skips_caches_and_hidden_files(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (tmp_path / ".x.csv.tmp").write_text("partial", encoding="utf-8")
    assert [name for name, _ in tree_files(tmp_path)] == ["sub/x.py"]


def test_outputs_intact_notices_a_changed_or_missing_file(tmp_path: Path):
    page = tmp_path / "reports" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>1</p>\n", encoding="utf-8")
    recorded = file_hashes([page], tmp_path)
    assert list(recorded) == ["reports/index.html"]
    assert outputs_intact(recorded, tmp_path)
    page.write_text("<p>2</p>\n", encoding="utf-8")
    assert not outputs_intact(recorded, tmp_path)
    page.unlink()
    assert not outputs_intact(recorded, tmp_path)
    assert not outputs_intact({}, tmp_path)


def _key_inputs(root: Path) -> tuple[Path, Path, Path]:
    notebook = root / "notebooks" / "00_a.ipynb"
    notebook.parent.mkdir(parents=True)
    notebook.write_text('{"cells": []}\n', encoding="utf-8")
    processed, raw = root / "data" / "processed", root / "data" / "raw"
    processed.mkdir(parents=True)
    (processed / "measures.csv").write_text("measure\n", encoding="utf-8")
    (raw / "reports").mkdir(parents=True)
    (raw / "MANIFEST.csv").write_text("file,title\nreports/a.txt,\n", encoding="utf-8")
    (raw / "reports" / "a.txt").write_text("a report\n", encoding="utf-8")
    return notebook, processed, raw


def test_notebook_key_changes_with_every_kind_of_input(tmp_path: Path):
    """Issue 11: a population file or a manifest title left the briefings cached."""
    notebook, processed, raw = _key_inputs(tmp_path)

    def key(package: str = "pkg", parameters: dict | None = None) -> str:
        return notebook_key(notebook, processed, package, parameters or {"area": "Kent"}, raw)

    seen = {key()}
    changes = [
        lambda: (raw / "population").mkdir(),  # an empty folder is no input: no change
        lambda: (raw / "population" / "mid_2013.csv").write_text("area\n", encoding="utf-8"),
        lambda: (raw / "MANIFEST.csv").write_text("file,title\nreports/a.txt,A\n", "utf-8"),
        lambda: (raw / "figures").mkdir() or (raw / "figures" / "q2.csv").write_text("m\n"),
        lambda: (raw / "crime").mkdir() or (raw / "crime" / "new_kind.csv").write_text("c\n"),
        lambda: (processed / "revisions.csv").write_text("measure\n", encoding="utf-8"),
        lambda: notebook.write_text('{"cells": [1]}\n', encoding="utf-8"),
    ]
    for number, change in enumerate(changes):
        change()
        if number == 0:
            assert key() in seen
            continue
        assert key() not in seen, f"change {number} did not change the key"
        seen.add(key())
    assert key(package="pkg2") not in seen
    assert key(parameters={"area": "Kent", "since": "2014-09-30"}) not in seen


def test_package_digest_covers_templates_and_every_data_file(tmp_path: Path, monkeypatch):
    from kcsp_analysis.build import cache

    copy = tmp_path / "kcsp_analysis"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", copy)
    before = cache.package_digest()
    template = copy / "build" / "templates" / "kcsp_briefing" / "index.html.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_template = cache.package_digest()
    assert after_template != before
    (copy / "data" / "new_table.json").write_text("{}\n", encoding="utf-8")
    assert cache.package_digest() != after_template
