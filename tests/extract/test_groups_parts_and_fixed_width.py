"""Fixed-width tables, groups and parts of a measure, and periods no label names.

Every document here is a test document written for kcsp-analysis's tests; its figures
are invented. Each ``TRUTH`` lists every catalogue figure its document prints that the
text binds to one measure, area and period; each test checks both that each is found
and that nothing else is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.document_figures import document_figures

QUARTERLY = """\
KENT MARAC PERFORMANCE: QUARTER 3 2014/15
Test document written for kcsp-analysis's tests; figures invented.

1.  SUMMARY

1.1  Kent Police recorded 131,240 crimes in Kent (excluding Medway) in the 12 months to
     31 December 2014, up on the 124,905 recorded in the previous 12 months.

1.2  In the third quarter of the year (October to December 2014) 412 cases were heard at
     MARACs in Kent (excluding Medway), compared with 377 in the same quarter last year.
     In the latest quarter the repeat rate at the Thanet MARAC was 33%; the West Kent
     MARAC, which covers Sevenoaks and Tunbridge Wells, heard 96 cases in 2014/15.

1.3  Motorcyclists accounted for 61 KSI casualties in 2014, and children were present at
     1,210 domestic abuse incidents in 2014/15. Kent recorded 3,300 burglaries other
     than a dwelling in 2014/15.

     Table 1: MARAC cases and repeat cases, Kent (excluding Medway)

     Quarter                     Cases    Repeat    Repeat
                                 heard     cases      rate
     -------------------------  ------   -------   -------
     Q1 2014/15 (Apr-Jun 14)       361        85     23.5%
     Q2 2014/15 (Jul-Sep 14)       388        97     25.0%
     -------------------------  ------   -------   -------

     Table 2: Cases heard, Thanet MARAC

                            --- 2013/14 ---   --- 2014/15 ---
     Measure                    Q1       Q2       Q1       Q2
     Cases heard                51       48       57       60
     Repeat cases               12       11       15       17
"""
# Left out, and why: 33% (the latest quarter, no period label); 96 (the West Kent MARAC,
# three districts); 61 and 1,210 (motorcyclists and incidents with children present, groups
# the catalogue does not hold); 3,300 (burglary other than a dwelling, a part of burglary).
QUARTERLY_TRUTH = {
    ("all_crime", "Kent", "2014", 131240.0),
    ("all_crime", "Kent", "2013", 124905.0),
    ("marac_cases", "Kent", "2014/15 Q3", 412.0),
    ("marac_cases", "Kent", "2013/14 Q3", 377.0),
    ("marac_cases", "Kent", "2014/15 Q1", 361.0),
    ("marac_repeat_cases", "Kent", "2014/15 Q1", 85.0),
    ("marac_repeat_pct", "Kent", "2014/15 Q1", 23.5),
    ("marac_cases", "Kent", "2014/15 Q2", 388.0),
    ("marac_repeat_cases", "Kent", "2014/15 Q2", 97.0),
    ("marac_repeat_pct", "Kent", "2014/15 Q2", 25.0),
    ("marac_cases", "Thanet", "2013/14 Q1", 51.0),
    ("marac_cases", "Thanet", "2013/14 Q2", 48.0),
    ("marac_cases", "Thanet", "2014/15 Q1", 57.0),
    ("marac_cases", "Thanet", "2014/15 Q2", 60.0),
    ("marac_repeat_cases", "Thanet", "2013/14 Q1", 12.0),
    ("marac_repeat_cases", "Thanet", "2013/14 Q2", 11.0),
    ("marac_repeat_cases", "Thanet", "2014/15 Q1", 15.0),
    ("marac_repeat_cases", "Thanet", "2014/15 Q2", 17.0),
}

PACK = """\
<html><body>
<p><b>Test document written for kcsp-analysis's tests; figures invented.</b></p>
<h2>Anti-social behaviour by district, 12 months to March 2016</h2>
<table>
<tr><th>Local authority</th><th>Division</th><th>ASB incidents</th></tr>
<tr><td>Ashford</td><td>East</td><td>2,911</td></tr>
<tr><td>Dartford</td><td>North</td><td>2,460</td></tr>
</table>
<h2>ASB victim and witness satisfaction, Kent Police force area</h2>
<table>
<tr><th>Survey period</th><th>Respondents</th><th>Satisfied (%)</th></tr>
<tr><td>Q3 2015/16 (Oct-Dec 2015)</td><td>402</td><td>81.4%</td></tr>
<tr><td>Q4 2015/16 (Jan-Mar 2016)</td><td>395</td><td>80.2%</td></tr>
</table>
<h2>Crime, Kent (excluding Medway), 2015/16</h2>
<table>
<tr><th>Crime type</th><th>2014/15</th><th>2015/16</th></tr>
<tr><td>Burglary</td><td>9,870</td><td>9,512</td></tr>
<tr><td>Residential burglary</td><td>5,300</td><td>5,118</td></tr>
</table>
<table>
<caption>All police recorded crime by district, 2015/16</caption>
<tr><th>District</th><th>All police recorded crime<br>Rate per 1,000 population</th></tr>
<tr><td>Ashford</td><td>61.2</td></tr>
<tr><td>Dartford</td><td>70.4</td></tr>
</table>
<table>
<caption>ASB incidents, Dover, by financial quarter</caption>
<tr><th>Quarter</th><th>2014/15</th><th>2015/16</th></tr>
<tr><td>Q1 (Apr–Jun)</td><td>1,094</td><td>1,012</td></tr>
<tr><td>Year</td><td>4,001</td><td>3,736</td></tr>
</table>
<table>
<caption>Crime, Dover, 2015/16</caption>
<tr><th>Crime type</th><th>Offences recorded 2015/16</th>
<th>Crimes per 1,000 population 2015/16</th></tr>
<tr><td>All crime</td><td>8,904</td><td>79.1</td></tr>
</table>
<p>Early provisional data for January and February 2016 show 4,120 ASB incidents in Kent
(excluding Medway).</p>
</body></html>
"""
# Left out: 402 and 395 (respondents); 5,300 and 5,118 (residential burglary, a part of
# burglary); 61.2, 70.4 and 79.1 (rates of crime, not counts); 4,120 (January and
# February together, no period label).
PACK_TRUTH = {
    ("asb_incidents", "Ashford", "2015/16", 2911.0),
    ("asb_incidents", "Dartford", "2015/16", 2460.0),
    ("asb_satisfaction_pct", "Kent and Medway", "2015/16 Q3", 81.4),
    ("asb_satisfaction_pct", "Kent and Medway", "2015/16 Q4", 80.2),
    ("burglary", "Kent", "2014/15", 9870.0),
    ("burglary", "Kent", "2015/16", 9512.0),
    ("asb_incidents", "Dover", "2014/15 Q1", 1094.0),
    ("asb_incidents", "Dover", "2015/16 Q1", 1012.0),
    ("asb_incidents", "Dover", "2014/15", 4001.0),
    ("asb_incidents", "Dover", "2015/16", 3736.0),
    ("all_crime", "Dover", "2015/16", 8904.0),
}

REVIEW = """\
<html><body>
<p><b>Test document written for kcsp-analysis's tests; figures invented.</b></p>
<h2>Dover Community Safety Partnership: annual review 2017/18</h2>
<p>2.1 Kent Police recorded 9,410 crimes in Dover district in 2017/18. Dover town centre alone
accounted for 1,204 crimes. Castle ward, home to the night-time economy, recorded 866 crimes in
2017/18. Taken together, the categories that make up violent crime
(violence against the person, sexual offences and robbery) reached 3,990 offences in Dover
in 2017/18.</p>
<table>
<caption>Table 1: Recorded crime, Dover, 2017/18</caption>
<tr><th>Group</th><th>Offence</th><th>2017/18</th></tr>
<tr><td rowspan="2">Violence</td><td>Violence against the person</td><td>3,402</td></tr>
<tr><td>– of which with injury</td><td>1,288</td></tr>
</table>
<table>
<caption>Table 2: MARAC, Dover, 2017/18 by quarter</caption>
<tr><th rowspan="2">Measure</th><th colspan="2">Quarter</th></tr>
<tr><th>Q1 Apr-Jun</th><th>Q2 Jul-Sep</th></tr>
<tr><td>Dover MARAC cases heard</td><td>31</td><td>36</td></tr>
<tr><td>Dover MARAC % repeat cases</td><td>25.8%</td><td>27.8%</td></tr>
</table>
<table>
<caption>Table 3: Domestic abuse, Dover</caption>
<tr><th>Quarter</th><th>% repeat victim</th></tr>
<tr><td>Q1 2017/18</td><td>33.1%</td></tr>
<tr><td>Q2 2017/18</td><td>34.0%</td></tr>
</table>
</body></html>
"""
# Left out: 1,204 and 866 (Dover town centre and a ward, places inside the district);
# 3,990 (violent crime as the sum of groups the bracket lists, the nearest name robbery).
REVIEW_TRUTH = {
    ("all_crime", "Dover", "2017/18", 9410.0),
    ("violence_against_the_person", "Dover", "2017/18", 3402.0),
    ("violence_with_injury", "Dover", "2017/18", 1288.0),
    ("marac_cases", "Dover", "2017/18 Q1", 31.0),
    ("marac_cases", "Dover", "2017/18 Q2", 36.0),
    ("marac_repeat_pct", "Dover", "2017/18 Q1", 25.8),
    ("marac_repeat_pct", "Dover", "2017/18 Q2", 27.8),
    ("da_repeat_victims_pct", "Dover", "2017/18 Q1", 33.1),
    ("da_repeat_victims_pct", "Dover", "2017/18 Q2", 34.0),
}


@pytest.mark.parametrize(
    ("name", "text", "truth"),
    [
        ("2015-01-20_marac_quarterly_report.txt", QUARTERLY, QUARTERLY_TRUTH),
        ("2016-06-14_district_asb_pack.html", PACK, PACK_TRUTH),
        ("2018-07-10_borough_partnership_review.html", REVIEW, REVIEW_TRUTH),
    ],
)
def test_every_figure_bound_and_nothing_else(tmp_path: Path, name, text, truth) -> None:
    assert document_figures(tmp_path, name, text) == truth
