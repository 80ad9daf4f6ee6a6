"""Figures a test document gives, read from a fresh copy under a temporary raw folder.

Shared by the tests that write a test document and its truth: each checks that the
document gives every figure of its truth and nothing else.
"""

from __future__ import annotations

import math
from pathlib import Path

from kcsp_analysis.extract.reports import extract_report

Figure = tuple[str, str, str, float]
"""A figure as a truth lists it: measure, area, period label and value."""


def document_figures(raw_dir: Path, name: str, text: str) -> set[Figure]:
    """Write ``text`` as ``reports/<name>`` under ``raw_dir`` and return the figures it gives."""
    (raw_dir / "reports").mkdir()
    (raw_dir / "reports" / name).write_text(text, encoding="utf-8")
    extraction = extract_report(raw_dir, f"reports/{name}")
    return {
        (o.measure, o.area, o.period.label, round(o.value, 6))
        for o in extraction.observations
        if not math.isnan(o.value)
    }
