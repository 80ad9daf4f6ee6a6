"""One place, two values: neither is current; the same figure twice is one row.

The figures here are written for kcsp-analysis's tests; they are invented.
"""

from __future__ import annotations

from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from kcsp_analysis.reconcile.current import select_current

PAPER = "reports/2017-03-21_written.txt"


def _figure(value: float, source: str = PAPER, locator: str = "line 4") -> Observation:
    return Observation(
        "marac_cases", "Kent", financial_year(2016), value, "", source, locator, block="sentence"
    )


def test_two_values_at_one_place_keep_neither():
    figures = [_figure(1388.0), _figure(1400.0)]
    current, revisions = select_current(observations_to_frame(figures), figures)
    assert current.empty
    assert sorted(revisions["value"]) == [1388.0, 1400.0]
    assert all(r.startswith("ambiguous: ") for r in revisions["reason"])
    assert all("neither is kept as current" in r for r in revisions["reason"])


def test_an_ambiguous_place_leaves_another_sources_figure_current():
    figures = [
        _figure(1388.0),
        _figure(1400.0),
        _figure(1390.0, "reports/2017-06-01_written.txt", "line 9"),
    ]
    current, revisions = select_current(observations_to_frame(figures), figures)
    assert list(current["value"]) == [1390.0]
    assert len(revisions) == 2
    assert all(
        "kept the figure of reports/2017-06-01_written.txt line 9" in r for r in revisions["reason"]
    )


def test_the_same_figure_twice_at_one_place_is_one_row():
    """ "Reported by 7 of the 7 teams": repeats never break the schema's uniqueness."""
    figures = [_figure(1388.0), _figure(1388.0)]
    frame = observations_to_frame(figures)
    assert list(frame["value"]) == [1388.0]
    current, revisions = select_current(frame, figures)
    assert list(current["value"]) == [1388.0]
    assert revisions.empty


def test_a_table_and_a_sentence_on_one_page_are_two_places():
    """A PDF page locates both; the table figure beats the sentence, as elsewhere."""
    table = Observation(
        "marac_repeat_pct", "Kent", financial_year(2013), 23.0, "", PAPER, "page 3", block="table"
    )
    sentence = Observation(
        "marac_repeat_pct", "Kent", financial_year(2013), 24.0, "", PAPER, "page 3"
    )
    figures = [table, sentence]
    current, revisions = select_current(observations_to_frame(figures), figures)
    assert list(current["value"]) == [23.0]
    assert list(revisions["reason"]) == [
        "a performance-table figure beats a sentence figure in the same document; different value"
    ]
