"""Findings in plain English for a lay reader: a change, its size, and what can be said of it.

A :class:`~kcsp_analysis.analysis.Comparison` is worded from its fields, not from its
analyst's sentence: no test names, no p-values, no reasons for a series break (those are
in the measure's quality statement, linked beside the finding). The honesty stays: no
verdict across a series break; a change whose movement cannot be judged says so;
contested measures give the partnership's reading, not a verdict of better or worse.
"""

from __future__ import annotations

from kcsp_analysis.analysis import Comparison
from kcsp_analysis.analysis.wording import (
    format_change,
    format_value,
    polarity_reading,
    subject,
)

MAX_WORDS = 40
"""A finding is at most this many words: a board member reads it at a glance."""

NOT_LIKE_FOR_LIKE = "not like for like, as the way it is counted changed in between, so no verdict"
USUAL = "the usual year-to-year movement"


def verdict_words(result: Comparison) -> str:
    """Return what can be said of a change, in plain words, without a full stop.

    >>> from types import SimpleNamespace as S
    >>> verdict_words(S(breaks=(), significant=True, dispersion=None))
    'more than the usual year-to-year movement'
    """
    if result.breaks:
        return NOT_LIKE_FOR_LIKE
    if result.significant is None:
        return str(result.untested_reason).replace(
            "chance variation cannot be judged", "the usual movement cannot be judged"
        )
    if result.significant:
        return f"more than {USUAL}"
    return f"within {USUAL}"


def short_verdict(result: Comparison | None) -> str:
    """Return ``yes``, ``no`` or ``can't tell``: is the change more than the usual movement."""
    if result is None or result.breaks or result.significant is None:
        return "can't tell"
    return "yes" if result.significant else "no"


def _head(result: Comparison, qualifier: str) -> str:
    name = subject(result.measure, result.area)
    to_text = format_value(result.to_value, result.unit, qualifier)
    size = format_change(result.change, result.unit, result.pct_change, rough=result.approximate)
    if result.basis in ("count", "percentage"):
        if result.change == 0:
            return f"{name} was unchanged at {to_text} in {result.to_period}"
        verb = "rose" if result.change > 0 else "fell"
        return f"{name} {verb} {size} to {to_text} in {result.to_period}"
    from_text = format_value(result.from_value, result.unit)
    higher = "higher" if result.change > 0 else "lower"
    how = "the same" if result.change == 0 else f"{size} {higher}"
    both = f"{name}: {to_text} in {result.to_period}, {from_text} in {result.from_period}"
    if result.basis != "rate per day":
        return f"{both}; {how}"  # monthly averages: already a rate, whatever the period
    return f"{both}; the daily rate was {how}, as the periods differ in length"


def plain_sentence(result: Comparison, qualifier: str = "") -> str:
    """Return a lay reader's finding on a change: what, how much, against what, verdict.

    A change that is more than the usual movement gets its reading (better, worse, or
    the partnership's two-sided reading of a contested measure).
    """
    since = "" if result.basis not in ("count", "percentage") else f" from {result.from_period}"
    text = f"{_head(result, qualifier)}{since}: {verdict_words(result)}."
    if result.significant and not result.breaks:
        reading = polarity_reading(result.measure, result.change)
        reading = {
            "This is an improvement.": "That is better.",
            "This is a deterioration.": "That is worse.",
        }.get(reading, reading)
        text = f"{text} {reading}".strip()
    return text


def secondary_sentence(result: Comparison, what: str) -> str:
    """Return the second comparison of a measure, shortly: against what, size, verdict."""
    size = format_change(result.change, result.unit, result.pct_change, rough=result.approximate)
    how = (
        "unchanged"
        if result.change == 0
        else f"{size} {'higher' if result.change > 0 else 'lower'}"
    )
    return f"Against the {result.from_period} {what} it is {how}: {verdict_words(result)}."


def word_count(text: str) -> int:
    """Return the number of words of a finding, as a reader counts them.

    >>> word_count("Road deaths: 50 in 2012.")
    5
    """
    return len(text.split())


__all__ = [
    "MAX_WORDS",
    "plain_sentence",
    "secondary_sentence",
    "short_verdict",
    "verdict_words",
    "word_count",
]
