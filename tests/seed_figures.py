"""Figures of seed 003 (the July 2014 agenda pack) as a measures frame, for analysis tests.

Each row names the line it is read from; ``test_seed_figures_are_on_their_lines`` checks
that every value really is printed on that line.
"""

from __future__ import annotations

import pandas as pd

from kcsp_analysis.extract.records import Observation
from kcsp_analysis.periods import calendar_quarter, calendar_year, financial_year
from kcsp_analysis.processed.measures import observations_to_frame
from tests.conftest import AGENDA_PACK

FY10, FY12, FY13 = financial_year(2010), financial_year(2012), financial_year(2013)

# (measure, period, value, line, text of the value as printed on that line)
SEED_FIGURES = [
    # 797: Number of Domestic Abuse Incidents (Kent excluding Medway) 18,376 19259 20276
    ("da_incidents", FY10, 18376, 797, "18,376"),
    ("da_incidents", FY12, 19259, 797, "19259"),
    ("da_incidents", FY13, 20276, 797, "20276"),
    # 798: % of repeat victims of Domestic Abuse (Kent excluding Medway) 24.0% 24.2% 24.8%
    ("da_repeat_victims_pct", FY10, 24.0, 798, "24.0%"),
    ("da_repeat_victims_pct", FY12, 24.2, 798, "24.2%"),
    ("da_repeat_victims_pct", FY13, 24.8, 798, "24.8%"),
    # 801: % of repeat MARAC cases ... (Kent excluding Medway) 14.9% 22.4% 23%
    ("marac_repeat_pct", FY10, 14.9, 801, "14.9%"),
    ("marac_repeat_pct", FY12, 22.4, 801, "22.4%"),
    ("marac_repeat_pct", FY13, 23.0, 801, "23%"),
    # 807: over the last 12 months (Apr '13 - Mar '14) there have been 1,229 ... with 283
    # repeat cases (23%)
    ("marac_cases", FY13, 1229, 807, "1,229"),
    ("marac_repeat_cases", FY13, 283, 807, "283 repeat cases"),
    ("marac_repeat_pct", FY13, 23.0, 807, "(23%)"),
    # 898: Level of Theft and Handling Stolen Goods (exc. Medway) 25,335 23,491 24,482
    ("theft_and_handling", FY10, 25335, 898, "25,335"),
    ("theft_and_handling", FY12, 23491, 898, "23,491"),
    ("theft_and_handling", FY13, 24482, 898, "24,482"),
    # 899: Level of Domestic Burglary (exc. Medway) 4,354 5,294 5,322
    ("domestic_burglary", FY10, 4354, 899, "4,354"),
    ("domestic_burglary", FY12, 5294, 899, "5,294"),
    ("domestic_burglary", FY13, 5322, 899, "5,322"),
    # 919: Level of Violent Crime (exc. Medway) 16,715 17,537 23,914
    ("violent_crime", FY10, 16715, 919, "16,715"),
    ("violent_crime", FY12, 17537, 919, "17,537"),
    ("violent_crime", FY13, 23914, 919, "23,914"),
    # 920: Level of Violence against the Person (VAP) (exc. Medway) 14,946 15,660 21,199
    ("violence_against_the_person", FY10, 14946, 920, "14,946"),
    ("violence_against_the_person", FY12, 15660, 920, "15,660"),
    ("violence_against_the_person", FY13, 21199, 920, "21,199"),
    # 960: Number of all KSI casualties ... in Kent excluding Medway 547 524 594
    ("ksi_casualties", calendar_year(2010), 547, 960, "547"),
    ("ksi_casualties", calendar_year(2012), 524, 960, "524"),
    ("ksi_casualties", calendar_year(2013), 594, 960, "594"),
    # 1097: The first quarter of 2013 saw an average of 108 cases per month; in the last
    # quarter of 2013 this had increased to 145.
    ("marac_cases_monthly_avg", calendar_quarter(2013, 1), 108, 1097, "average of 108"),
    ("marac_cases_monthly_avg", calendar_quarter(2013, 4), 145, 1097, "increased to 145"),
]


def seed_frame() -> pd.DataFrame:
    """The measures frame of :data:`SEED_FIGURES`, all for Kent."""
    return observations_to_frame(
        Observation(measure, "Kent", period, float(value), "", AGENDA_PACK, f"line {line}", text)
        for measure, period, value, line, text in SEED_FIGURES
    )
