"""A paper's stated scope over its tables, sub-rows, shares named by their subject, and
figures whose place or period another clause gives.

Every document here is a test document written for kcsp-analysis's tests; its figures
are invented. Each ``TRUTH`` lists every catalogue figure its document prints that the
text binds to one measure, area and period; each test checks both that each is found
and that nothing else is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.document_figures import document_figures

FORCE_NOTE = """\
# Police and Crime Panel performance note

*Test document written for kcsp-analysis's tests; figures invented.*

Unless stated otherwise, the figures in this note are for the Kent Police force area
(Kent and Medway).

## Quarter 3 2017/18

**Table 1: Force crime, calendar years**

| Measure | 2016 | 2017 |
|---|--:|--:|
| Total recorded crime | 140,200 | 151,060 |
| Violence against the person | 48,100 | 56,330 |
| - with injury | 17,950 | 19,020 |
| Theft and handling | 30,500 | 31,200 |
| - of which shoplifting | 9,800 | 10,050 |

Repeat victims accounted for 34.1% of domestic abuse incidents recorded in 2017, compared with
33.2% in 2016.

The force's 13 Multi-Agency Risk Assessment Conferences (MARACs), including the Medway MARAC,
heard 2,210 cases in 2017, of which 640 (29.0%) were repeat cases.

ASB victim satisfaction stood at 81% in the most recent survey wave.

One north Kent MARAC heard more than 70 cases in a single month.
"""
# Left out, and why: 9,800 and 10,050 (shoplifting, a part of theft the catalogue does not
# hold); 13 (conferences, the sentence counts their cases apart); 81% (a survey wave, no
# period label); 70 (one MARAC in north Kent, no catalogue area; and a single month).
FORCE_NOTE_TRUTH = {
    ("all_crime", "Kent and Medway", "2016", 140200.0),
    ("all_crime", "Kent and Medway", "2017", 151060.0),
    ("violence_against_the_person", "Kent and Medway", "2016", 48100.0),
    ("violence_against_the_person", "Kent and Medway", "2017", 56330.0),
    ("violence_with_injury", "Kent and Medway", "2016", 17950.0),
    ("violence_with_injury", "Kent and Medway", "2017", 19020.0),
    ("theft_and_handling", "Kent and Medway", "2016", 30500.0),
    ("theft_and_handling", "Kent and Medway", "2017", 31200.0),
    ("da_repeat_victims_pct", "Kent and Medway", "2017", 34.1),
    ("da_repeat_victims_pct", "Kent and Medway", "2016", 33.2),
    ("marac_cases", "Kent and Medway", "2017", 2210.0),
    ("marac_repeat_cases", "Kent and Medway", "2017", 640.0),
    ("marac_repeat_pct", "Kent and Medway", "2017", 29.0),
}

SWALE_NOTE = """\
SWALE COMMUNITY SAFETY PARTNERSHIP: ANNUAL NOTE
Test document written for kcsp-analysis's tests; figures invented.

1. Anti-social behaviour

1.1 Anti-social behaviour reported in Swale fell again, to 5,410 incidents in 2016/17,
compared with 5,873 in 2015/16. In the twelve months to the end of June 2017 there were 5,302
incidents. In the third quarter of 2016/17 there were 1,290 incidents, compared with 1,350 in
the same quarter a year earlier. In the final quarter of the year (January to March 2017)
there were 1,160 incidents, compared with 1,240 in the same quarter of 2015/16.

1.2 Of people in Swale who reported anti-social behaviour, 80.4% were satisfied with the
overall service in 2016/17, compared with 81.9% across Kent (excluding Medway). ASB victim
satisfaction in Swale was 78.8% in the 12 months to December
2016. The survey is run monthly.

1.3 Swale again saw the largest increase: 1,220 crimes were recorded in the district in
Q2 2016/17, up from 1,104 in Q2 2015/16 (a rise of 10.5%).
"""
SWALE_NOTE_TRUTH = {
    ("asb_incidents", "Swale", "2016/17", 5410.0),
    ("asb_incidents", "Swale", "2015/16", 5873.0),
    ("asb_incidents", "Swale", "12 months to 2017-06", 5302.0),
    ("asb_incidents", "Swale", "2016/17 Q3", 1290.0),
    ("asb_incidents", "Swale", "2015/16 Q3", 1350.0),
    ("asb_incidents", "Swale", "2016/17 Q4", 1160.0),
    ("asb_incidents", "Swale", "2015/16 Q4", 1240.0),
    ("asb_satisfaction_pct", "Swale", "2016/17", 80.4),
    ("asb_satisfaction_pct", "Kent", "2016/17", 81.9),
    ("asb_satisfaction_pct", "Swale", "2016", 78.8),
    ("all_crime", "Swale", "2016/17 Q2", 1220.0),
    ("all_crime", "Swale", "2015/16 Q2", 1104.0),
}

MONTHS = """\
<html><body>
<p><b>Test document written for kcsp-analysis's tests; figures invented.</b></p>
<h2>Kent and Medway anti-social behaviour by month, 2016/17</h2>
<table>
<tr><th>Month</th><th>ASB incidents</th><th>Same month previous year</th><th>Change</th></tr>
<tr><td>April 2016</td><td>4,512</td><td>4,890</td><td>-378</td></tr>
<tr><td>May 2016</td><td>4,804</td><td>5,011</td><td>-207</td></tr>
</table>
<h2>Swale MARAC, 2016/17</h2>
<table>
<tr><th>Measure</th><th>2016/17</th></tr>
<tr><td>Cases heard at Swale MARAC</td><td>141</td></tr>
</table>
</body></html>
"""
# Left out: -378 and -207 (changes).
MONTHS_TRUTH = {
    ("asb_incidents", "Kent and Medway", "2016-04", 4512.0),
    ("asb_incidents", "Kent and Medway", "2015-04", 4890.0),
    ("asb_incidents", "Kent and Medway", "2016-05", 4804.0),
    ("asb_incidents", "Kent and Medway", "2015-05", 5011.0),
    ("marac_cases", "Swale", "2016/17", 141.0),
}


@pytest.mark.parametrize(
    ("name", "text", "truth"),
    [
        ("2018-02-06_force_performance_note.md", FORCE_NOTE, FORCE_NOTE_TRUTH),
        ("2017-07-11_swale_asb_note.txt", SWALE_NOTE, SWALE_NOTE_TRUTH),
        ("2017-05-16_asb_months_and_marac.html", MONTHS, MONTHS_TRUTH),
    ],
)
def test_every_figure_bound_and_nothing_else(tmp_path: Path, name, text, truth) -> None:
    assert document_figures(tmp_path, name, text) == truth
