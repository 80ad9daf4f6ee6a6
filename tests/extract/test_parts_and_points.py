"""Figures that are parts of a count, points compared with, and spans no label names.

Every document here is a test document written for kcsp-analysis's tests; its figures
are invented. Each ``TRUTH`` lists every catalogue figure its document prints that the
text binds to one measure, area and period; each test checks both that each is found
and that nothing else is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.document_figures import document_figures

REVIEW = """\
ROAD CASUALTY REVIEW 2014
Test document written for kcsp-analysis's tests; figures invented.

All figures are for roads in Kent (excluding Medway).

Deaths in 2014

1. 55 people were killed on Kent's roads, the highest number since 2010.
Pedestrians accounted for 118 of the killed or seriously injured (KSI) casualties in 2014.

2. There were 597 KSI casualties in 2014. They arose from 571 KSI collisions
(2013: 516 KSI collisions).

3. Provisional figures for January to June 2015 show 341 KSI casualties, compared with
318 in the same period of 2014.

4. Over the three years 2012 to 2014, 9 people were killed on roads in Sevenoaks.
"""
# Left out, and why: 2010 (a point compared with); 118 (pedestrians, a part of the KSI
# casualties); 341 and 318 (half years, which no period label names); 9 (three years).
REVIEW_TRUTH = {
    ("road_deaths", "Kent", "2014", 55.0),
    ("ksi_casualties", "Kent", "2014", 597.0),
    ("ksi_collisions", "Kent", "2014", 571.0),
    ("ksi_collisions", "Kent", "2013", 516.0),
}

REPEATS = """\
<html><body>
<p><b>Test document written for kcsp-analysis's tests; figures invented.</b></p>
<h2>Domestic abuse incidents and repeat victims, Kent and Medway, 2015/16</h2>
<table>
<tr><th>Quarter</th><th>Incidents</th><th>Incidents involving a repeat victim</th>
<th>% of incidents with a repeat victim</th></tr>
<tr><td>Q1 2015/16</td><td>7,410</td><td>2,547</td><td>34.4%</td></tr>
<tr><td>Q2 2015/16</td><td>7,688</td><td>2,690</td><td>35.0%</td></tr>
</table>
</body></html>
"""
# Left out: 2,547 and 2,690, the counts the repeat shares are made of (no catalogue measure).
REPEATS_TRUTH = {
    ("da_incidents", "Kent and Medway", "2015/16 Q1", 7410.0),
    ("da_repeat_victims_pct", "Kent and Medway", "2015/16 Q1", 34.4),
    ("da_incidents", "Kent and Medway", "2015/16 Q2", 7688.0),
    ("da_repeat_victims_pct", "Kent and Medway", "2015/16 Q2", 35.0),
}


@pytest.mark.parametrize(
    ("name", "text", "truth"),
    [
        ("2015-09-17_road_casualty_review.txt", REVIEW, REVIEW_TRUTH),
        ("2016-08-01_da_repeat_quarters.html", REPEATS, REPEATS_TRUTH),
    ],
)
def test_every_figure_bound_and_nothing_else(tmp_path: Path, name, text, truth) -> None:
    assert document_figures(tmp_path, name, text) == truth
