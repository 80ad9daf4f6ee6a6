"""Stated changes, paired figures and amendments in sentences.

"a 14.5% reduction compared to the previous year" is a change from the previous year to
the sentence's period; "from 626,720 incidents to 601,134" is two figures for the two
periods the sentence names; "amended from 545 to 547" is an amendment of a table figure.
A :class:`SentenceScan` carries what every reader of one sentence needs.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from kcsp_analysis import catalogue
from kcsp_analysis.extract.clauses import clause_at
from kcsp_analysis.extract.numbers import NumberMention, qualifier_before
from kcsp_analysis.extract.period_binding import SentencePeriods
from kcsp_analysis.extract.records import Amendment, LogEntry, Observation, Reading, StatedChange
from kcsp_analysis.extract.sentences import (
    PeriodMention,
    Sentence,
    find_periods,
    first_absolute,
    same_in_shift,
    shift_period,
)
from kcsp_analysis.periods import Period, financial_year

_UP = ("increase", "increased", "rise", "rose", "up", "more", "higher", "growth")
_DOWN = (
    *("reduction", "decrease", "decreased", "fall", "fell", "drop", "down", "less", "lower"),
    "fewer",
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:percentage\s+points?\s+|points?\s+)?(?P<word>[a-z]+)\b", re.IGNORECASE
)
_CHANGE_BEFORE = re.compile(
    r"\b(?P<word>[a-z]+)\s+(?:of\s+|by\s+)?(?:around\s+|about\s+|approximately\s+|almost\s+|"
    r"nearly\s+|some\s+|over\s+|just\s+over\s+)?[(\s]*$",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:to|with)|than|against|over|on)\s+(?:in\s+)?$", re.IGNORECASE
)


def change_direction(
    text: str, figure: NumberMention, before: str, after: str, signed_change: bool
) -> str:
    """``up`` or ``down`` when the percent is a stated change ("a 14.5% reduction"), else ''.

    ``signed_change`` says the sentence speaks of a change, so "(-11.6%)" is a fall.
    """
    if not figure.percent:
        return ""
    words = [
        m["word"].lower() for m in (_CHANGE_AFTER.match(after), _CHANGE_BEFORE.search(before)) if m
    ]
    for word in words:
        if word in _UP:
            return "up"
        if word in _DOWN:
            return "down"
    sign = text[max(0, figure.start - 1) : figure.start]
    if sign and sign in "-−+" and signed_change:
        return "up" if sign == "+" else "down"
    return ""


def change_period(
    figure: NumberMention, periods: list[PeriodMention], text: str, known: SentencePeriods
) -> Period | None:
    """Return the period a stated change is to, when the sentence names no comparison of its own."""
    starts = [c.start for c in known.clauses]
    clause = known.clauses[clause_at(starts, figure.start)]
    in_clause = [p for p in periods if clause.start <= p.start < clause.end]
    main = first_absolute(periods) or known.paragraph
    for candidates in (
        [p for p in in_clause if p.end <= figure.start][::-1],
        [p for p in in_clause if p.start >= figure.end],
        [p for p in periods if p.end <= figure.start][::-1],
    ):
        for mention in candidates:
            if mention.kind == "absolute" and mention.period:
                return mention.period
            if mention.kind == "previous" and main is not None:
                return shift_period(main, -1)
    if main is not None:
        return main
    if known.paper_date is not None and re.search(r"\b(?:is|are)\b", text):
        year = known.paper_date.year
        return financial_year(year - 1 if known.paper_date.month >= 4 else year - 2)
    return None


@dataclass
class NarrativeResult:
    """Figures, stated changes, amendments and log entries from running text."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    recorded: set[tuple[object, ...]] = field(default_factory=set, repr=False)


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

    def seen(self, measure: str, area: str, period: Period, value: float, qualifier: str) -> bool:
        """Return whether this place already gave exactly this figure."""
        key = (self.source, self.sentence.locator, measure, area, period, value, qualifier)
        return key in self.result.recorded

    def observe(
        self,
        measure: str,
        area: str,
        figure: NumberMention,
        period: Period,
        qualifier: str = "",
        bound_by: str = "clause",
    ) -> Observation:
        """Record a figure of this sentence, located at its line; a repeat is kept once."""
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
            bound_by=bound_by,
        )
        key = (self.source, self.sentence.locator, measure, area, period, figure.value, qualifier)
        if key not in self.result.recorded:
            self.result.recorded.add(key)
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
    cue_after = next(
        (p for p in following if _COMPARISON.search(text[max(figure.end, p.start - 40) : p.start])),
        None,
    )
    cue_before = next(
        (
            p
            for p in periods
            if p.end <= figure.start
            and re.search(
                r"compared\s+(?:to|with)\s+(?:the\s+)?$",
                text[max(0, p.start - 40) : p.start],
                re.IGNORECASE,
            )
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
            from_period = shift_period(to_period, same_in_shift(cue.text, to_period))
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
        lead = text[max(0, first.start - 20) : first.start]
        if re.search(r"\bfrom\s+$", lead) and re.fullmatch(
            r"[^.;]{0,30}?\bto\s+", text[first.end : second.start]
        ):
            amended = bool(re.search(r"\bamended\s+from\s+$", lead))
            return first, second, amended
    return None


def record_pair(
    scan: SentenceScan, figure: NumberMention, measure: str, area: str
) -> tuple[str, str | None]:
    """Record one of "from 626,720 incidents to 601,134" for the two periods named."""
    assert scan.pair is not None
    first, periods = scan.pair[0], scan.periods
    # "since 2010/11 from 4.5% to 2% at the end of 2012/13": the start is the first.
    absolute = sorted({p.period for p in periods if p.kind in ("absolute", "since") and p.period})
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


def flag_ambiguities(result: NarrativeResult) -> None:
    """Say in the log where one place gives two values for one measure, area and period."""
    values: dict[tuple[object, ...], set[float]] = {}
    superseded = {
        (a.old.measure, a.old.area, a.old.period, a.old.value, a.old.locator)
        for a in result.amendments
    }
    for o in result.observations:
        if (o.measure, o.area, o.period, o.value, o.locator) in superseded:
            continue
        values.setdefault((o.source, o.locator, o.measure, o.area, o.period.label), set()).add(
            o.value
        )
    notes: dict[str, list[str]] = {}
    for (_, locator, measure, area, period), found in values.items():
        if len(found) > 1:
            shown = " and ".join(f"{v:g}" for v in sorted(found))
            notes.setdefault(str(locator), []).append(
                f"ambiguous: {shown} for {measure}, {area}, {period}, so neither is kept as current"
            )
    for position, entry in enumerate(result.log):
        if entry.locator in notes:
            flagged = notes.pop(entry.locator)
            joined = "; ".join([entry.reason, *flagged] if entry.reason else flagged)
            result.log[position] = replace(entry, reason=joined)
