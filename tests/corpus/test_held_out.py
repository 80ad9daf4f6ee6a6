"""Documents written by others: nothing the extractor gives is outside their truth files.

The held-out sets (``held_out/set_*``) were written by writers who saw only the data
contract; see ``held_out_scoring.py``. How much of each is found is printed by
``benchmarks/held_out_score.py`` (not asserted: the sets are the measure of what is
still missed); every extracted figure must be in the truth file, but for the readings
listed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.held_out_scoring import held_out_documents, score_held_out

DISPUTED = {
    "set_e/2019-01-24_kent_medway_da_strategy_group_performance.txt": "'the 36 per 10,000 "
    "reported to the Group a year ago' is read as the 12 months to September 2017; the "
    "writer left it out as unclear",
}
"""Readings the truth file's writer judged too unclear to list, with the reading given."""


def _param(path: Path):
    name = f"{path.parent.name}/{path.name}"
    if name in DISPUTED:
        return pytest.param(
            path, marks=pytest.mark.xfail(reason=DISPUTED[name], strict=True), id=name
        )
    return pytest.param(path, id=name)


@pytest.mark.parametrize("document", [_param(p) for p in held_out_documents()])
def test_held_out_document_gives_no_figure_outside_its_truth_file(document: Path, tmp_path: Path):
    score = score_held_out(document, tmp_path / "raw")
    assert score.truth, f"{score.document}: its truth file lists no figure"
    assert not score.wrong, (
        f"{score.document}: extracted but not in the truth file {sorted(score.wrong)}"
    )


def test_every_held_out_set_has_six_documents():
    documents = held_out_documents()
    sets = {p.parent.name for p in documents}
    assert len(sets) >= 7
    assert len(documents) == 6 * len(sets)
