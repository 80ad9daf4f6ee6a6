"""How much a measure moves by chance: its variation model and, for counts, its dispersion.

Each measure's model is catalogue data (``variation`` in ``kcsp_analysis/data/measures.csv``):

``poisson``
    Counts of independent events, such as road casualties: from period to period they
    vary about as a Poisson count does, so the exact Poisson test applies.
``overdispersed``
    Police-recorded and administrative counts (crime, anti-social behaviour, domestic
    abuse, MARAC cases). They also move with recording practice and reporting behaviour,
    so they vary more than a Poisson count. How much more (the dispersion) can only be
    measured from the series itself: at least :data:`MIN_MONTHS` consecutive monthly or
    :data:`MIN_QUARTERS` quarterly figures. With them, a change is tested quasi-Poisson
    (the Poisson standard error times the square root of the dispersion); without them
    no verdict is given.
``binomial``
    A share of counted cases (repeat MARAC cases among all cases): tested as two
    proportions when the cases are published.
``survey``
    Perception and satisfaction shares from a survey: a verdict needs the sample sizes,
    which the reports do not publish.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis.series import breaks_between, row_to_period, series

MODELS = ("poisson", "overdispersed", "binomial", "survey")
MIN_MONTHS = 12
MIN_QUARTERS = 8
_RUN_NEEDED = {
    "month": MIN_MONTHS,
    "calendar_quarter": MIN_QUARTERS,
    "financial_quarter": MIN_QUARTERS,
}
_TYPE_WORDS = {
    "month": "monthly",
    "calendar_quarter": "quarterly",
    "financial_quarter": "quarterly",
}


@dataclass(frozen=True)
class Dispersion:
    """The dispersion of a count series: variance over mean, from ``points`` figures.

    ``factor`` is the Pearson estimate, at least 1 (a series that looks less variable
    than Poisson is tested as Poisson); ``estimate`` is the value before that floor.
    """

    factor: float
    estimate: float
    points: int
    period_type: str
    first: str
    last: str

    def describe(self) -> str:
        """Return the estimate in words, for a sentence or a method field.

        >>> Dispersion(3.2, 3.2, 12, "month", "Apr 2013", "Mar 2014").describe()
        'dispersion 3.2, from 12 monthly figures Apr 2013 to Mar 2014'
        """
        kind = _TYPE_WORDS.get(self.period_type, self.period_type)
        return (
            f"dispersion {self.factor:.2g}, from {self.points} {kind} figures "
            f"{self.first} to {self.last}"
        )


def variation_model(measure: str) -> str:
    """Return the catalogue's variation model of a measure.

    >>> variation_model("ksi_casualties"), variation_model("violent_crime")
    ('poisson', 'overdispersed')
    """
    return catalogue.measure(measure).variation


def pearson_dispersion(values: list[float]) -> float:
    """Return the Pearson dispersion of counts about their mean: sum((y - m)^2 / m) / (n - 1).

    This is the quasi-Poisson scale of a model with a constant rate (a trend in the
    series inflates it, which makes the test more cautious, not less).

    Mean 10, squared deviations 0, 4, 4, 0: 8 / 10 / 3.

    >>> round(pearson_dispersion([10, 12, 8, 10]), 4)
    0.2667
    """
    y = np.asarray(values, dtype=float)
    mean = float(y.mean())
    if len(y) < 2 or mean <= 0:
        raise ValueError("a dispersion needs two or more counts with a positive mean")
    return float(((y - mean) ** 2 / mean).sum() / (len(y) - 1))


def _longest_run(rows: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Return the longest stretch of consecutive exact figures with no series break inside it."""
    best: list[int] = []
    run: list[int] = []
    previous = None
    for index, row in rows.iterrows():
        period = row_to_period(row)
        joined = (
            previous is not None
            and (period.start - previous.end).days == 1
            and not breaks_between(measure, previous, period, count_restated=False)
        )
        run = [*run, int(index)] if joined else [int(index)]
        if len(run) > len(best):
            best = run
        previous = period
    return rows.loc[best]


def estimate_dispersion(frame: pd.DataFrame, measure: str, area: str) -> Dispersion | None:
    """Return the dispersion of a count measure from its monthly or quarterly series.

    The longest run of consecutive exact monthly figures is used when it has at least
    :data:`MIN_MONTHS`, else the longest quarterly run with at least
    :data:`MIN_QUARTERS`; ``None`` when neither is published. Monthly averages are
    turned back into counts (average times months) first.
    """
    for period_type, needed in _RUN_NEEDED.items():
        rows = series(frame, measure, area, period_type)
        rows = rows[rows["qualifier"] == ""].reset_index(drop=True)
        run = _longest_run(rows, measure) if len(rows) >= needed else rows.iloc[0:0]
        if len(run) < needed:
            continue
        months = 1 if period_type == "month" else 3
        per = months if catalogue.measure(measure).unit == "count_per_month" else 1
        values = [float(v) * per for v in run["value"]]
        estimate = pearson_dispersion(values)
        return Dispersion(
            factor=max(1.0, estimate),
            estimate=estimate,
            points=len(run),
            period_type=period_type,
            first=str(run["period"].iloc[0]),
            last=str(run["period"].iloc[-1]),
        )
    return None


def no_dispersion_reason(period_type: str) -> str:
    """Return why an overdispersed count gets no verdict, in plain words.

    >>> no_dispersion_reason("financial_year")
    'two annual figures cannot show whether this is more than the usual year-to-year movement'
    """
    kind = {"calendar_year": "annual", "financial_year": "annual"}.get(
        period_type, _TYPE_WORDS.get(period_type, "")
    )
    movement = "year-to-year" if kind == "annual" else "period-to-period"
    return (
        f"two {kind + ' ' if kind else ''}figures cannot show whether this is more than the "
        f"usual {movement} movement"
    )
