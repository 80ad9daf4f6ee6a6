"""XmR control charts with the "Making Data Count" rules, as NHSRplotthedots draws them.

Process limits are the mean plus or minus 2.66 mean moving ranges (2.66 = 3 / 1.128,
three sigma estimated from the moving range). As in NHSRplotthedots by default, moving
ranges of :data:`SCREEN_FACTOR` (3.267) times their mean or more are screened out and
the mean moving range is recomputed without them, so that one jump does not widen the
limits. A point is a special cause when it is

- outside the limits;
- part of a shift: 7 or more consecutive points on one side of the mean (a point on the
  mean breaks the run);
- part of a trend: 7 or more consecutive points each higher (or each lower) than the one
  before (a repeated value breaks the run);
- part of "2 of 3": two of three consecutive points between the near limit (two thirds
  of the way from the mean to the limit, about 2 sigma) and the limit, all three on the
  same side of the mean. Only the points near the limit are flagged.

Limits computed from fewer than 12 points are trial limits and carry a warning. Limits
are recomputed after each known series break (``rebase_at``).

Each special-cause point is read with the measure's polarity (``improvement``: the
direction that is better, ``increase``, ``decrease`` or ``neither``): a ``signal`` of
``improvement`` or ``concern``, or ``neither`` when no direction is agreed; common-cause
points have no signal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kcsp_analysis.errors import KcspError

LIMIT_FACTOR = 2.66
SCREEN_FACTOR = 3.267
IMPROVEMENT_DIRECTIONS = ("increase", "decrease", "neither")
NEAR_FACTOR = 2 * LIMIT_FACTOR / 3
RUN_LENGTH = 7
MIN_POINTS = 12


@dataclass(frozen=True)
class XmrChart:
    """An XmR chart: one row per point with its limits and signals, plus warnings.

    ``points`` has columns ``label, value, segment, mean, moving_range, lower, upper,
    near_lower, near_upper, outside, shift, trend, two_of_three, special_cause``,
    ``side`` (``high``, ``low`` or ``''`` for common cause) and ``signal``
    (``improvement``, ``concern``, ``neither`` or ``''``); ``moving_range`` is empty
    where a moving range was screened out.
    """

    points: pd.DataFrame
    warnings: tuple[str, ...]

    @property
    def has_special_cause(self) -> bool:
        """Whether any point signals special-cause variation."""
        return bool(self.points["special_cause"].any())


def xmr_chart(
    values: Sequence[float],
    labels: Sequence[str] | None = None,
    *,
    rebase_at: Sequence[str] = (),
    run_length: int = RUN_LENGTH,
    screen_outliers: bool = True,
    improvement: str = "neither",
) -> XmrChart:
    """Compute an XmR chart and its special-cause signals.

    Parameters
    ----------
    values
        The series in time order, without gaps.
    labels
        A label per point (period labels); positions ``0, 1, ...`` by default.
    rebase_at
        Labels of points that start a new segment with its own limits (series breaks).
    run_length
        Points needed for a shift or a trend (7 in Making Data Count; some use 6).
    screen_outliers
        Leave out moving ranges of 3.267 mean moving ranges or more (the default, as in
        NHSRplotthedots).
    improvement
        The direction that is an improvement: ``increase``, ``decrease`` or ``neither``.

    Returns
    -------
    XmrChart

    Examples
    --------
    >>> chart = xmr_chart([10, 12, 11, 13, 10, 12, 11, 30])
    >>> chart.points["outside"].tolist()
    [False, False, False, False, False, False, False, True]
    >>> chart.warnings[0]
    'only 8 points: limits are trial limits until there are 12'
    """
    y = np.asarray(values, dtype=float)
    names = [str(i) for i in range(len(y))] if labels is None else [str(x) for x in labels]
    if len(names) != len(y):
        raise KcspError(f"{len(y)} values but {len(names)} labels")
    if len(y) < 2:
        raise KcspError(f"an XmR chart needs at least 2 points; found {len(y)}")
    if np.isnan(y).any():
        raise KcspError("an XmR chart needs a value for every point; found gaps")
    if improvement not in IMPROVEMENT_DIRECTIONS:
        raise KcspError(
            f"improvement must be one of {', '.join(IMPROVEMENT_DIRECTIONS)}; found {improvement!r}"
        )
    unknown = [label for label in rebase_at if label not in names]
    if unknown:
        raise KcspError(f"cannot rebase at {', '.join(unknown)}: not among the labels")
    segment = np.cumsum([name in set(rebase_at) and i > 0 for i, name in enumerate(names)])
    parts = [
        _segment_points(y[segment == s], run_length, screen_outliers) for s in np.unique(segment)
    ]
    points = pd.concat(parts, ignore_index=True)
    points["signal"] = _signals(points, improvement)
    points.insert(0, "label", names)
    points.insert(2, "segment", segment)
    warnings = []
    for s in np.unique(segment):
        size = int((segment == s).sum())
        if size < 2:
            raise KcspError(
                f"segment starting at {names[int(np.argmax(segment == s))]} "
                "has one point; a segment needs at least 2"
            )
        if size < MIN_POINTS:
            where = (
                ""
                if len(np.unique(segment)) == 1
                else (f" in the segment from {names[int(np.argmax(segment == s))]}")
            )
            warnings.append(
                f"only {size} points{where}: limits are trial limits until there are {MIN_POINTS}"
            )
    return XmrChart(points, tuple(warnings))


def _signals(points: pd.DataFrame, improvement: str) -> list[str]:
    """Read each special-cause point with the polarity: improvement, concern or neither."""
    better = {"increase": "high", "decrease": "low"}.get(improvement)
    return [
        ""
        if not side
        else "neither"
        if better is None
        else "improvement"
        if side == better
        else "concern"
        for side in points["side"]
    ]


def screened_moving_ranges(y: np.ndarray, screen: bool = True) -> np.ndarray:
    """Return the moving ranges, those of 3.267 mean moving ranges or more set to NaN.

    >>> screened_moving_ranges(np.array([10.0, 11, 10, 11, 10, 11, 10, 11, 10, 30])).tolist()
    [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, nan]
    """
    moving = np.abs(np.diff(y))
    if screen and len(moving):
        moving = np.where(moving < SCREEN_FACTOR * moving.mean(), moving, np.nan)
    return moving


def _segment_points(y: np.ndarray, run_length: int, screen: bool) -> pd.DataFrame:
    mean = y.mean()
    moving = screened_moving_ranges(y, screen)
    spread = float(np.nanmean(moving)) if not np.isnan(moving).all() else 0.0
    lower, upper = mean - LIMIT_FACTOR * spread, mean + LIMIT_FACTOR * spread
    near_lower, near_upper = mean - NEAR_FACTOR * spread, mean + NEAR_FACTOR * spread
    outside = (y > upper) | (y < lower)
    side = np.sign(y - mean)
    near = ~outside & ((y < near_lower) | (y > near_upper))
    shift = _runs(side, lambda a, b: a == b and a != 0, run_length)
    step = np.concatenate([[0], np.sign(np.diff(y))])
    trend = _runs(step, lambda a, b: a == b and a != 0, run_length - 1, include_previous=True)
    two_of_three = _two_of_three(near, side)
    special = outside | shift | trend | two_of_three
    return pd.DataFrame(
        {
            "value": y,
            "mean": mean,
            "moving_range": np.concatenate([[np.nan], moving]),
            "lower": lower,
            "upper": upper,
            "near_lower": near_lower,
            "near_upper": near_upper,
            "outside": outside,
            "shift": shift,
            "trend": trend,
            "two_of_three": two_of_three,
            "special_cause": special,
            "side": np.where(special, np.where(y >= mean, "high", "low"), ""),
        }
    )


def _runs(
    codes: np.ndarray,
    same: Callable[[Any, Any], bool],
    length: int,
    include_previous: bool = False,
) -> np.ndarray:
    """Flag members of runs of at least ``length`` consecutive equal, non-zero codes.

    With ``include_previous`` the point before a run is flagged too: a run of 6 rises
    is a trend of 7 points.
    """
    flags = np.zeros(len(codes), dtype=bool)
    start = 0
    for i in range(1, len(codes) + 1):
        if i == len(codes) or not same(codes[i], codes[start]):
            if codes[start] != 0 and i - start >= length:
                flags[max(0, start - include_previous) : i] = True
            start = i
    return flags


def _two_of_three(near: np.ndarray, side: np.ndarray) -> np.ndarray:
    flags = np.zeros(len(near), dtype=bool)
    for i in range(len(near) - 2):
        window = slice(i, i + 3)
        if near[window].sum() >= 2 and abs(side[window].sum()) == 3:
            flags[window] |= near[window]
    return flags
