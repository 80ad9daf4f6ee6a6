"""Every corpus document reads correctly, and (but for the gaps listed) completely.

The corpus documents are test documents written for kcsp-analysis's tests (figures
invented); each truth file lists every catalogue figure its document prints. Both
directions are checked: nothing unlisted is extracted (for every document, no
exceptions), and nothing listed is missed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import TRUTH, corpus_documents, score_document

INCOMPLETE = {
    "2015-07-07_road_casualty_quarterly_note.txt": "a figure given as 'the same as the year "
    "before', and one whose period is 'the quarter' the paper is about",
    "2016-07-20_domestic_abuse_bulletin.pdf": "incidents named only as 'incidents' in a "
    "sentence after the one naming domestic abuse, and '38 of them repeat cases' after a "
    "count of MARAC cases",
}
"""Documents not yet read completely, and what is missed (`benchmarks/corpus_score.py`)."""


def test_every_document_has_a_truth_file() -> None:
    documents = corpus_documents()
    assert all((TRUTH / f"{d}.csv").is_file() for d in documents)
    truths = {p.name.removesuffix(".csv") for p in TRUTH.glob("*.csv")}
    assert truths <= set(documents), truths - set(documents)
    assert set(INCOMPLETE) <= set(documents)


@pytest.mark.parametrize("document", corpus_documents())
def test_document_gives_no_figure_outside_its_truth_file(document: str, tmp_path: Path) -> None:
    score = score_document(document, tmp_path / "raw")
    assert score.truth, f"{document}: its truth file lists no figure"
    assert not score.wrong, f"{document}: extracted but not in the truth file {sorted(score.wrong)}"


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(d, marks=pytest.mark.xfail(reason=INCOMPLETE[d], strict=True))
        if d in INCOMPLETE
        else d
        for d in corpus_documents()
    ],
)
def test_document_reads_every_figure(document: str, tmp_path: Path) -> None:
    score = score_document(document, tmp_path / "raw")
    assert not score.missing, f"{document}: not found {sorted(score.missing)}"
