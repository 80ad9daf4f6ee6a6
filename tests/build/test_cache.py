"""Content hashes that decide what a build skips."""

from __future__ import annotations

from pathlib import Path

from kcsp_analysis.build.cache import digest_files, file_hashes, outputs_intact, tree_files


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
