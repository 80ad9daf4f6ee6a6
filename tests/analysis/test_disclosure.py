"""Small-number suppression with secondary suppression against totals."""

from __future__ import annotations

import pandas as pd
import pytest

from kcsp_analysis.analysis.disclosure import suppress_small_counts
from kcsp_analysis.errors import KcspError

# A made-up district-by-quarter table with row and column totals.
TABLE = pd.DataFrame(
    {
        "Q1": [3, 15, 30, 8, 56],
        "Q2": [10, 2, 25, 9, 46],
        "Q3": [12, 20, 40, 6, 78],
        "Total": [25, 37, 95, 23, 180],
    },
    index=["Ashford", "Dover", "Thanet", "Swale", "Total"],
)


def test_primary_and_secondary_suppression_by_hand():
    """Ashford Q1 = 3 and Dover Q2 = 2 are below 5. Ashford's row would give 3 back as
    25 - 10 - 12, so its smallest other interior cell (Q2 = 10) goes too; Dover's row
    likewise loses Q1 = 15. Columns Q1 and Q2 then hold two suppressed cells each."""
    result = suppress_small_counts(TABLE, total_row="Total", total_column="Total")
    hidden = {(r, c): s for (r, c), s in result.status.stack().items() if s}
    assert hidden == {
        ("Ashford", "Q1"): "primary",
        ("Dover", "Q2"): "primary",
        ("Ashford", "Q2"): "secondary",
        ("Dover", "Q1"): "secondary",
    }
    assert result.display().loc["Ashford"].tolist() == ["[c]", "[c]", "12", "25"]
    assert result.display().loc["Total"].tolist() == ["56", "46", "78", "180"]


def test_no_line_with_a_total_keeps_exactly_one_suppressed_cell():
    result = suppress_small_counts(TABLE, total_row="Total", total_column="Total")
    hidden = result.status != ""
    assert not (hidden.sum(axis=0) == 1).any()
    assert not (hidden.sum(axis=1) == 1).any()


def test_hidden_cells_cannot_be_pinned_down_from_the_totals():
    """With a = Ashford Q1 unknown, the totals give b = 13 - a, c = 18 - a, d = a - 1:
    every a from 1 to 13 fits, so the small counts are not recoverable."""
    solutions = [a for a in range(0, 60) if min(13 - a, 18 - a, a - 1) >= 0]
    assert solutions == list(range(1, 14))


def test_without_totals_only_primary_cells_go_and_county_rows_stay():
    table = pd.DataFrame({"2013": [4, 0, 2]}, index=["Dover", "Thanet", "Kent"])
    result = suppress_small_counts(table)
    assert result.display()["2013"].tolist() == ["[c]", "0", "2"]
    zero = suppress_small_counts(table, suppress_zero=True, threshold=3)
    assert zero.display()["2013"].tolist() == ["4", "[c]", "2"]
    assert zero.rule.startswith("[c] counts from 1 to 2 below county level are suppressed")


def test_a_small_total_cell_gets_a_partner():
    """Dover's row total 4 is itself small; the row would give it back as 1 + 3, so the
    smallest interior cell (1) is suppressed too, and the other Q1 then pairs with it."""
    table = pd.DataFrame(
        {"Q1": [1, 20, 21], "Q2": [3, 30, 33], "Total": [4, 50, 54]},
        index=["Dover", "Thanet", "Total"],
    )
    result = suppress_small_counts(table, total_row="Total", total_column="Total")
    assert result.display().loc["Dover"].tolist() == ["[c]", "[c]", "[c]"]
    assert not ((result.status != "").sum(axis=0) == 1).any()


def test_bad_tables_are_named():
    with pytest.raises(
        KcspError, match=r"suppression needs whole counts >= 0; found 2\.5 at row 'Dover'"
    ):
        suppress_small_counts(pd.DataFrame({"Q1": [2.5]}, index=["Dover"]))
    with pytest.raises(KcspError, match="total row 'All' is not in the table"):
        suppress_small_counts(TABLE, total_row="All")
