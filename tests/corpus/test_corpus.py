"""Every corpus document reads completely and correctly.

The corpus documents are test documents written for kcsp-analysis's tests (figures
invented); each truth file lists every catalogue figure its document prints. Both
directions are checked: nothing listed is missed, nothing unlisted is extracted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import TRUTH, corpus_documents, score_document


def test_every_document_has_a_truth_file() -> None:
    documents = corpus_documents()
    assert all((TRUTH / f"{d}.csv").is_file() for d in documents)
    truths = {p.name.removesuffix(".csv") for p in TRUTH.glob("*.csv")}
    assert truths <= set(documents), truths - set(documents)


@pytest.mark.parametrize("document", corpus_documents())
def test_document_reads_every_figure_and_nothing_else(document: str, tmp_path: Path) -> None:
    score = score_document(document, tmp_path / "raw")
    assert score.truth, f"{document}: its truth file lists no figure"
    assert not score.missing, f"{document}: not found {sorted(score.missing)}"
    assert not score.wrong, f"{document}: extracted but not in the truth file {sorted(score.wrong)}"
