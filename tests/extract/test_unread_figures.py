"""The "figures not read" section of ``kcsp check``, from an extraction log.

The log rows are written for kcsp-analysis's tests; their figures are invented.
"""

from __future__ import annotations

import pandas as pd

from kcsp_analysis.paths import LOG_NAME
from kcsp_analysis.processed.extraction_log import LOG_COLUMNS
from kcsp_analysis.processed.unread_figures import reason_kind, skip_reasons, unread_figures_lines

ROWS = [
    (
        "reports/a.txt",
        "line 3",
        "sentence",
        "skipped",
        0,
        "2: a reference (table 2)",
        "See table 2.",
    ),
    (
        "reports/a.txt",
        "line 5",
        "sentence",
        "skipped",
        0,
        "1,388: no area named in the clause, sentence or paragraph",
        "There were 1,388 MARAC cases in 2016/17.",
    ),
    ("reports/a.txt", "line 7", "sentence", "used", 1, "", "In Kent 1,388 MARAC cases in 2016/17."),
    (
        "reports/a.txt",
        "line 9",
        "sentence",
        "skipped",
        0,
        "12: a count of 'meeting', which the catalogue does not measure",
        "Cases were heard at 12 meetings.",
    ),
]


def test_reasons_are_split_per_figure_and_folded_to_their_kind():
    assert skip_reasons("2: a reference (table 2); £45k: money figure") == [
        "a reference (table 2)",
        "money figure",
    ]
    assert reason_kind("a count of 'idva', which the catalogue does not measure") == (
        "a count of '…', which the catalogue does not measure"
    )


def test_section_counts_reasons_and_lists_sentences_beside_measure_words(tmp_path):
    pd.DataFrame(ROWS, columns=list(LOG_COLUMNS)).to_csv(tmp_path / LOG_NAME, index=False)
    text = "\n".join(unread_figures_lines(tmp_path))
    assert "figures not read: 3 number(s) skipped, by reason:" in text
    assert "      1  a reference" in text
    assert "      1  no area named in the clause, sentence or paragraph" in text
    # Only line 5 names a catalogue measure ("MARAC cases") beside its number and gave none.
    assert "1 sentence(s) or table row(s) with a number beside a measure's words" in text
    assert "reports/a.txt line 5: no area named in the clause, sentence or paragraph" in text
    assert "line 9" not in text.split("gave no figure:")[1]


def test_no_log_no_section(tmp_path):
    assert unread_figures_lines(tmp_path) == []
