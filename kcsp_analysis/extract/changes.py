"""Stated changes, paired figures and amendments in sentences.

"a 14.5% reduction compared to the previous year" is a change from the previous year to
the sentence's period; "from 626,720 incidents to 601,134" is two figures for the two
periods the sentence names; "amended from 545 to 547" is an amendment of a table figure.
A :class:`SentenceScan` carries what every reader of one sentence needs.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from kcsp_analysis import catalogue
from kcsp_analysis.extract.numbers import NumberMention, qualifier_before
from kcsp_analysis.extract.records import Amendment, LogEntry, Observation, Reading, StatedChange
from kcsp_analysis.extract.sentences import (
    PeriodMention,
    Sentence,
    find_periods,
    shift_period,
)
from kcsp_analysis.periods import Period

_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:to|with)|than|against|over|on)\s+(?:in\s+)?$", re.IGNORECASE
)


@dataclass
class NarrativeResult:
    """Figures, stated changes, amendments and log entries from running text."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)


@dataclass
class SentenceScan:
    """One sentence being read: where it is, what it names, and where findings go."""

    source: str
    sentence: Sentence
    periods: list[PeriodMention]
    figures: list[NumberMention]
    pair: tuple[NumberMention, NumberMention, bool] | None
    table_observations: list[Observation]
    result: NarrativeResult

    def observe(
        self, measure: str, area: str, figure: NumberMention, period: Period, qualifier: str = ""
    ) -> Observation:
        """Record a figure of this sentence, located at its line."""
        observation = Observation(
            measure,
            area,
            period,
            figure.value,
            qualifier,
            self.source,
            self.sentence.locator,
            self.sentence.quote,
            decimals=figure.decimals,
            block="sentence",
        )
        self.result.observations.append(observation)
        return observation


def record_change(
    scan: SentenceScan,
    figure: NumberMention,
    direction: str,
    before: str,
    measure: str,
    area: str,
    period: Period | None,
    context_period: Period | None,
) -> str:
    """Record a stated change ("a 14.5% reduction compared to the previous year").

    Returns the reason it was skipped, or ''.
    """
    text, periods = scan.sentence.text, scan.periods
    to_period, from_period, kind = period, None, "change"
    following = [p for p in periods if p.start >= figure.end]
    cue_after = next((p for p in following if _COMPARISON.search(text[figure.end : p.start])), None)
    cue_before = next(
        (
            p
            for p in periods
            if p.end <= figure.start
            and re.search(r"compared\s+(?:to|with)\s+(?:the\s+)?$", text[: p.start], re.IGNORECASE)
        ),
        None,
    )
    cue = cue_after or cue_before
    if cue is not None:
        if "baseline" in text[cue.end : cue.end + 12].lower():
            kind = "diff_to_baseline"
        others = [p for p in periods if p is not cue and p.kind == "absolute" and p.period]
        before_figure = [p for p in others if p.end <= figure.start]
        to_period = (
            before_figure[-1].period
            if before_figure
            else (others[0].period if others else context_period)
        )
        if to_period is None:
            return "no period named for the change"
        if cue.kind == "absolute":
            from_period = cue.period
        elif cue.kind == "previous":
            from_period = shift_period(to_period, -1)
        elif cue.kind == "same_in":
            year = int(re.search(r"\d{4}", cue.text)[0])  # type: ignore[index]
            from_period = shift_period(to_period, year - to_period.start.year)
    elif to_period is not None:
        from_period = shift_period(to_period, -1)
    if to_period is None or from_period is None or from_period == to_period:
        return "no period named for the change"
    basis = "points" if catalogue.measures()[measure].unit == "percent" else "percent"
    sign = 1 if direction == "up" else -1
    wording = qualifier_before(before)
    how = f"stated in words: {direction}" + (f" ({wording})" if wording else "")
    reading = Reading(sign * figure.value, basis, figure.decimals, how)
    scan.result.stated_changes.append(
        StatedChange(
            kind,
            measure,
            area,
            from_period,
            to_period,
            figure.text,
            (reading,),
            scan.source,
            scan.sentence.locator,
        )
    )
    return ""


def find_from_to_pair(
    text: str, figures: list[NumberMention]
) -> tuple[NumberMention, NumberMention, bool] | None:
    """(first, second, amended) for "from 545 to 547", else None."""
    for first, second in itertools.pairwise(figures):
        if re.search(r"\bfrom\s+$", text[: first.start]) and re.fullmatch(
            r"[^.;]{0,30}?\bto\s+", text[first.end : second.start]
        ):
            amended = bool(re.search(r"\bamended\s+from\s+$", text[: first.start]))
            return first, second, amended
    return None


def record_pair(
    scan: SentenceScan, figure: NumberMention, measure: str, area: str
) -> tuple[str, str | None]:
    """Record one of "from 626,720 incidents to 601,134" for the two periods named."""
    assert scan.pair is not None
    first, periods = scan.pair[0], scan.periods
    absolute = sorted({p.period for p in periods if p.kind == "absolute" and p.period})
    main = absolute[0] if absolute else None
    relative = [shift_period(main, -1) for p in periods if p.kind == "previous" and main]
    known = sorted({*absolute, *relative})
    if len(known) < 2:
        return "figures 'from ... to ...' without two periods", measure
    period = known[0] if figure is first else known[-1]
    scan.observe(measure, area, figure, period)
    return "", measure


def record_amendment(scan: SentenceScan, figure: NumberMention) -> tuple[str, str | None]:
    """Record an amendment ("the 2010 baseline has been amended from 545 to 547").

    The figure it amends is the one with the new value and that period in the tables
    above the sentence.
    """
    assert scan.pair is not None
    first, second, _ = scan.pair
    sentence, source = scan.sentence, scan.source
    known = {p.period for p in find_periods(sentence.text) if p.kind == "absolute" and p.period}
    if len(known) != 1:
        return "an amendment without exactly one period", None
    period = known.pop()
    match = next(
        (
            o
            for o in reversed(scan.table_observations)
            if o.period == period and o.value == second.value and o.source == source
        ),
        None,
    )
    measure = catalogue.resolve_measure(sentence.text) or (match.measure if match else None)
    area = catalogue.resolve_area(sentence.text) or (match.area if match else None)
    if measure is None or area is None:
        return "an amendment of a figure not found in the tables above it", None
    observation = scan.observe(measure, area, figure, period)
    if figure is second:
        old = Observation(
            measure,
            area,
            period,
            first.value,
            "",
            source,
            sentence.locator,
            sentence.quote,
            decimals=first.decimals,
            block="sentence",
        )
        scan.result.amendments.append(Amendment(old, observation, source, sentence.locator))
    return "", measure
