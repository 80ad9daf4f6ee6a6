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


def _attack(table: pd.DataFrame, shown: pd.DataFrame) -> set:
    """Work out hidden cells by subtraction, as a reader would: any row or column with its
    total in which only one cell is unknown gives that cell; repeat with what was found."""
    known = {cell for cell, is_shown in shown.stack().items() if is_shown}
    rows, columns = list(table.index), list(table.columns)
    lines = [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]
    found = set()
    changed = True
    while changed:
        changed = False
        for line in lines:
            unknown = [cell for cell in line if cell not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                found.add(unknown[0])
                changed = True
    return found


def test_brute_force_small_tables_leave_nothing_recoverable():
    """Every 2-district by 2-quarter table with cells from 0, 1, 3 and 6 (256 tables), with
    row and column totals: no suppressed cell comes back by subtraction, and wherever a
    line's total is shown its suppressed cells add up to at least the threshold of 5."""
    import itertools

    for cells in itertools.product((0, 1, 3, 6), repeat=4):
        inner = pd.DataFrame(
            [cells[:2], cells[2:]], index=["Dover", "Thanet"], columns=["Q1", "Q2"]
        )
        table = inner.assign(Total=inner.sum(axis=1))
        table.loc["Total"] = table.sum()
        result = suppress_small_counts(table, total_row="Total", total_column="Total")
        shown = result.status == ""
        assert not _attack(table, shown), cells
        rows = [[(r, c) for c in table.columns] for r in table.index]
        columns = [[(r, c) for r in table.index] for c in table.columns]
        for line in rows + columns:
            total_key, parts = line[-1], line[:-1]
            hidden = [k for k in parts if not shown.loc[k]]
            if shown.loc[total_key] and hidden:
                assert sum(table.loc[k] for k in hidden) >= 5, (cells, line)


def test_hidden_pair_whose_sum_is_small_gets_a_third_cell():
    """The issue's case: Dover 3 and Thanet 0 both hidden under a shown total of 23 would
    give away their sum, 3. Column Q1 = 3, 0, 20 (total 23); rows have totals too."""
    table = pd.DataFrame(
        {"Q1": [3, 0, 20, 23], "Q2": [9, 8, 30, 47], "Total": [12, 8, 50, 70]},
        index=["Dover", "Thanet", "Swale", "Total"],
    )
    result = suppress_small_counts(table, total_row="Total", total_column="Total")
    hidden_q1 = [r for r in ("Dover", "Thanet", "Swale") if result.status.loc[r, "Q1"]]
    assert sum(table.loc[r, "Q1"] for r in hidden_q1) >= 5
    assert not _attack(table, result.status == "")


def test_kent_row_is_used_as_the_sum_of_its_districts_without_being_named():
    """component_sums.csv: Kent is its 12 districts. Dover 2 is suppressed; without a named
    total, Kent minus the other 11 districts would give it back, so a second district goes."""
    districts = [
        "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
        "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells",
    ]  # fmt: skip
    counts = [10, 11, 12, 2, 14, 15, 16, 17, 18, 19, 20, 21]
    table = pd.DataFrame({"2013": [*counts, sum(counts)]}, index=[*districts, "Kent"])
    result = suppress_small_counts(table)
    hidden = [r for r in districts if result.status.loc[r, "2013"]]
    assert hidden == ["Ashford", "Dover"]  # Ashford, 10, is the smallest other district
    assert result.status.loc["Kent", "2013"] == ""
