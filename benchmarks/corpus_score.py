"""Print how the test corpus reads: per document, figures listed, found and wrong.

Run with ``.venv/bin/python benchmarks/corpus_score.py``; the README shows its table.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcsp_analysis.errors import KcspError
from tests.corpus.scoring import corpus_documents, read_truth, score_document


def main() -> None:
    """Score every corpus document and print a markdown table with totals."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for number, document in enumerate(corpus_documents()):
            try:
                score = score_document(document, Path(folder) / f"raw{number}")
            except KcspError as error:
                # A refused document counts as read with nothing found; say why.
                rows.append((document, len(read_truth(document)), 0, 0, _short(error)))
                continue
            found = len(score.truth) - len(score.missing)
            rows.append((document, len(score.truth), found, len(score.wrong), ""))
    print("| document | figures | found | wrong | refused |")
    print("|---|---:|---:|---:|---|")
    for document, figures, found, wrong, refused in rows:
        print(f"| {document} | {figures} | {found} | {wrong} | {refused} |")
    total = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    share = f"{100 * total[1] / total[0]:.1f}%" if total[0] else "n/a"
    refusals = sum(1 for r in rows if r[4])
    print(
        f"| **all {len(rows)} documents** | {total[0]} | {total[1]} ({share}) | {total[2]} "
        f"| {refusals} |"
    )


def _short(error: KcspError) -> str:
    """Return the first clause of the refusal message, without table-breaking bars."""
    return str(error).split(";")[0].replace("|", "/")[:90]


if __name__ == "__main__":
    main()
