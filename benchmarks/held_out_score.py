"""Print how the held-out sets read: per document, figures listed, found and wrong.

Run with ``.venv/bin/python benchmarks/held_out_score.py``; the README quotes its totals.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus.held_out_scoring import held_out_documents, score_held_out


def main() -> None:
    """Score every held-out document and print a markdown table with totals per set."""
    print("| document | figures | found | wrong |")
    print("|---|---:|---:|---:|")
    totals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for number, document in enumerate(held_out_documents()):
            score = score_held_out(document, Path(folder) / f"raw{number}")
            figures, found, wrong = len(score.truth), score.found, len(score.wrong)
            print(f"| {score.document} | {figures} | {found} | {wrong} |")
            total = totals.setdefault(document.parent.name, [0, 0, 0])
            for index, count in enumerate((figures, found, wrong)):
                total[index] += count
    for name, (figures, found, wrong) in totals.items():
        print(f"| **{name}** | {figures} | {found} ({100 * found / figures:.1f}%) | {wrong} |")
    figures, found, wrong = (sum(t[i] for t in totals.values()) for i in range(3))
    print(f"| **all sets** | {figures} | {found} ({100 * found / figures:.1f}%) | {wrong} |")


if __name__ == "__main__":
    main()
