"""Figures in sentences, read clause by clause: counts, rates, stated changes, amendments.

A sentence is cut into clauses (:mod:`~kcsp_analysis.extract.clauses`). Each number is
first checked for being no figure at all - money, a range, a reference, an item number,
a phone number, a benchmark or target, the base of a rate, a count of something the
catalogue does not measure (:mod:`~kcsp_analysis.extract.not_figures`). A figure then
takes the measure, area and period of its own clause; only what the clause leaves out
comes from the sentence, the table above, the paragraph or the paper's date, and the
figure records where (``Observation.bound_by``). What cannot be bound is skipped and
the reason logged: a figure is never guessed. A percent with a change word ("a 14.5%
reduction", "(up 10.5%)") is a stated change; "amended from 545 to 547" an amendment.
"""

from __future__ import annotations

import re

from kcsp_analysis import catalogue
from kcsp_analysis.extract.changes import (
    NarrativeResult,
    SentenceScan,
    change_direction,
    change_period,
    find_from_to_pair,
    flag_ambiguities,
    record_amendment,
    record_change,
    record_pair,
)
from kcsp_analysis.extract.clause_views import (
    ClauseView,
    sentence_measures,
    view_sentence,
)
from kcsp_analysis.extract.clauses import clause_at, split_clauses
from kcsp_analysis.extract.documents import Document
from kcsp_analysis.extract.figure_names import SentenceRead, area_for, measure_for
from kcsp_analysis.extract.measure_words import single_words, tokens
from kcsp_analysis.extract.narrative_context import Context, ContextTracker, table_area_above
from kcsp_analysis.extract.not_figures import (
    Masked,
    counted_noun,
    counts_with_noun,
    find_ranges,
    forum_named,
    phone_spans,
    rate_after,
    sample_before,
    side_by_side,
    text_reason,
    word_reason,
)
from kcsp_analysis.extract.numbers import (
    NumberMention,
    find_fractions,
    find_numbers,
    qualifier_before,
)
from kcsp_analysis.extract.period_binding import (
    bind_period,
    sentence_periods,
    widest,
)
from kcsp_analysis.extract.records import LogEntry, Observation
from kcsp_analysis.extract.sentences import (
    PeriodMention,
    Sentence,
    document_to_sentences,
    find_dates,
    find_periods,
)
from kcsp_analysis.periods import Period

_BRACKET = re.compile(r"\([^()]{1,160}\)")
_CHANGE_ASIDE = re.compile(r"\s*an?\s+(?:rise|fall|increase|decrease|reduction|drop)\b", re.I)


def extract_narrative(
    document: Document, table_lines: set[int], table_observations: list[Observation]
) -> NarrativeResult:
    """Figures, changes and amendments of the sentences of ``document`` (tables left out)."""
    result = NarrativeResult()
    tracker = ContextTracker(document, table_lines)
    for sentence in document_to_sentences(document, table_lines):
        context = tracker.begin(sentence)
        _read_sentence(document.source, sentence, context, table_observations, result)
        tracker.end(sentence)
    flag_ambiguities(result)
    return result


def _read_sentence(
    source: str,
    sentence: Sentence,
    context: Context,
    table_observations: list[Observation],
    result: NarrativeResult,
) -> None:
    text = sentence.text
    periods = find_periods(text)
    masked = [*phone_spans(text), *_date_spans(text)]
    plain, figures = _figures(text, periods, masked)
    reasons = [f"{text[m.start : m.end]}: {m.reason}" for m in masked]
    if not figures:
        if masked:
            result.log.append(
                LogEntry(
                    source,
                    sentence.locator,
                    "sentence",
                    "skipped",
                    0,
                    "; ".join(reasons),
                    text[:160],
                )
            )
        return
    ranges = find_ranges(text, figures)
    protected = [(p.start, p.end) for p in periods]
    protected += [(figures[a].start, figures[b].end) for a, b in ranges]
    clauses = split_clauses(
        plain, protected, [f.start for f in figures], _asides(plain, periods, figures)
    )
    read = SentenceRead(
        SentenceScan(
            source, sentence, periods, figures, find_from_to_pair(text, figures),
            table_observations, result,
        ),
        plain,
        view_sentence(plain, clauses, [p.start for p in periods], context.text[-2000:]),
        sentence_periods(
            periods,
            clauses,
            (
                _referenced_period(text, figures, [*table_observations, *result.observations])
                or context.period,
                context.heading_period,
                context.earlier_period,
            ),
            context.paper_date,
            text,
        ),
        [c.start for c in clauses],
        {i for pair in ranges for i in pair},
        context,
        table_area_above(sentence, table_observations),
        bool(re.search(r"increase|decrease|change", text, re.IGNORECASE)),
    )  # fmt: skip
    used = 0
    for index, figure in enumerate(figures):
        reason, measure = _read_figure(read, index)
        if reason:
            reasons.append(f"{figure.text}: {reason}")
        else:
            used += 1
        if measure:
            read.previous = (figure, measure)
            if measure in context.measures:  # kept distinct, latest last
                context.measures.remove(measure)
            context.measures.append(measure)
    status = "used" if used else "skipped"
    result.log.append(
        LogEntry(source, sentence.locator, "sentence", status, used, "; ".join(reasons), text[:160])
    )


_OF_THE = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?of\s+(?:the|these|those)\s+$", re.IGNORECASE)


def _referenced_period(
    text: str, figures: list[NumberMention], known: list[Observation]
) -> Period | None:
    """Return the period of a figure given before that the sentence opens by pointing to.

    "Of the 151,903 crimes, 126,491 were recorded in Kent": the parts are of the
    151,903 the paper gave, so of its period, when that value was given for one period.
    """
    pointed = next((f for f in figures[:2] if _OF_THE.match(text[: f.start])), None)
    if pointed is None:
        return None
    periods = {o.period for o in known if o.value == pointed.value and not o.qualifier}
    return periods.pop() if len(periods) == 1 else None


def _asides(
    plain: str, periods: list[PeriodMention], figures: list[NumberMention]
) -> list[tuple[int, int]]:
    """Brackets that hold a figure and a period of their own, or a change: an aside.

    "(11 in the same quarter of 2014)", "(a rise of 14.5%)": the words in the bracket
    are not those of the figure before it. "Dover (up 10.5%)" names the place's change
    and stays in its clause.
    """
    out = []
    for match in _BRACKET.finditer(plain):
        start, end = match.span()
        has_period = any(start < p.start < end for p in periods)
        change = _CHANGE_ASIDE.match(plain, start + 1) is not None
        if (has_period or change) and any(start < f.start < end for f in figures):
            out.append((start, end))
    return out


def _date_spans(text: str) -> list[Masked]:
    return [Masked(start, end, "a date") for start, end, _ in find_dates(text)]


def _figures(
    text: str, periods: list[PeriodMention], masked: list[Masked]
) -> tuple[str, list[NumberMention]]:
    """Return the sentence with periods, dates and phone numbers masked, and its numbers.

    Masked spans become word characters, so "2002/03.4" leaves no ".4" figure.
    """
    chars = list(text)
    for start, end in [*((p.start, p.end) for p in periods), *((m.start, m.end) for m in masked)]:
        chars[start:end] = "_" * (end - start)
    plain = "".join(chars)
    numbers = find_numbers(plain)
    ends = {m.end for m in numbers}
    # "516 a quarter" is a figure per quarter, not the fraction "a quarter".
    fractions = [f for f in find_fractions(plain) if f.start - 1 not in ends]
    return plain, sorted([*numbers, *fractions], key=lambda m: m.start)


def _no_figure(read: SentenceRead, index: int) -> str:
    """Return why the number at ``index`` is no figure at all, before any words are read."""
    text, figures = read.scan.sentence.text, read.scan.figures
    figure = figures[index]
    if index in read.ranged:
        return "a range or band, not a single figure"
    if reason := text_reason(text, figure):
        return reason
    if side_by_side(text, figures, index):
        return "figures side by side (a table row read as text)"
    view = read.view.clauses[clause_at(read.clause_starts, figure.start)]
    return word_reason(view.words, view.starts, figure)


def _not_counted(read: SentenceRead, figure: NumberMention, direction: str) -> str:
    """Return why the figure's clause shows it is no catalogue figure, or ''.

    A benchmark or target, or a count of things the catalogue does not measure.
    """
    view = read.view.clauses[clause_at(read.clause_starts, figure.start)]
    if view.benchmark:
        return f"a benchmark, expectation or target ('{view.benchmark}')"
    if sampled := sample_before(view.words, view.starts, figure):
        return f"the size of a sample or audit ('{sampled}'), not a count of the measure"
    if extreme := sample_before(view.words, view.starts, figure, "extreme"):
        return f"a peak or record ('{extreme}'), not the figure of a period"
    groups = single_words("subgroup")
    group = next((t.word for t in view.words if t.end <= figure.start and t.word in groups), "")
    if group:
        # "children were recorded as present at 4,320 incidents": a group's count
        return f"a count for a group ('{group}') the catalogue does not hold apart"
    if read.subareas is None:  # once a sentence: a long one holds many figures
        inside = single_words("subarea")
        read.subareas = [
            (t.end, t.word) for v in read.view.clauses for t in v.words if t.word in inside
        ]
    place = next((word for end, word in read.subareas if end <= figure.start), "")
    if place:
        # "Margate town centre alone accounted for 2,104 incidents", "High Street ward, which
        # ..., accounted for 2,310 crimes": a place inside the area, wherever in the sentence
        return f"a figure for a place inside an area ('{place}'), no catalogue area"
    noun = counted_noun(view.words, view.starts, figure, set(view.measure_starts()))
    if noun and not direction:
        return f"a count of '{noun}', which the catalogue does not measure"
    names = {m.start: m.end for m in view.measures}
    if (forum := forum_named(view.words, view.starts, figure, names)) and _cases_counted(read):
        # "The force's 13 MARACs ... heard 2,041 cases": the sentence counts the cases apart.
        return f"a count of '{forum}': the sentence counts what they dealt with apart"
    return ""


def _cases_counted(read: SentenceRead) -> bool:
    """Tell whether a figure of the sentence is followed directly by a count noun."""
    for figure in read.scan.figures:
        view = read.view.clauses[clause_at(read.clause_starts, figure.start)]
        if counts_with_noun(view.words, view.starts, figure):
            return True
    return False


def _read_figure(read: SentenceRead, index: int) -> tuple[str, str | None]:
    """Record one figure; return (reason it was skipped or '', its measure)."""
    scan, figures = read.scan, read.scan.figures
    text, figure, pair = scan.sentence.text, figures[index], scan.pair
    if reason := _no_figure(read, index):
        return reason, None
    if pair and pair[2] and figure in pair[:2]:
        return record_amendment(scan, figure)
    clause_index = clause_at(read.clause_starts, figure.start)
    view = read.view.clauses[clause_index]
    previous_end = figures[index - 1].end if index else 0
    next_start = _next_start(figures, index, text)
    before = text[max(previous_end, figure.start - 200) : figure.start]
    after = text[figure.end : min(next_start, figure.end + 200)]
    direction = change_direction(text, figure, before, after, read.signed_change)
    if reason := _not_counted(read, figure, direction):
        return reason, None
    rate = rate_after(view.words, view.starts, figure)
    measure = measure_for(read, index, clause_index, (previous_end, next_start), direction, rate)
    if measure is None and pair and not pair[2] and figure in pair[:2]:
        measure = _pair_measure(read, clause_index)
    if reason := _measure_problem(read, view, figure, measure, rate):
        return reason, None
    assert measure is not None
    area, area_scope = area_for(read, clause_index, figure, next_start)
    if area is None:
        return area_scope, measure
    read.previous_area = area
    if pair and figure in pair[:2]:
        return record_pair(scan, figure, measure, area)
    if direction:
        period = change_period(figure, scan.periods, text, read.known)
        paragraph = read.known.paragraph
        reason = record_change(scan, figure, direction, before, measure, area, period, paragraph)
        return reason, measure
    binding = bind_period((figure.start, figure.end), next_start, clause_index, read.known)
    if reason := _unpublished(read, binding.period, binding.reason):
        return reason, measure
    assert binding.period is not None
    scope = widest(area_scope, binding.scope)
    return _observe(scan, figure, measure, area, binding.period, scope), measure


def _measure_problem(
    read: SentenceRead, view: ClauseView, figure: NumberMention, measure: str | None, rate: bool
) -> str:
    """Return why the figure has no measure, or why the one it took is not its own; ''."""
    if measure is None:
        read.unnamed_before = True
        return f"no catalogue measure named for this {'rate' if rate else 'figure'}"
    if _named_in_closed_bracket(read.plain, view, figure, measure):
        # "the categories that make up violent crime (violence, sexual offences and
        # robbery) reached 5,614": the bracket lists parts; none is the figure's measure
        return f"{measure} is named in a bracket closed before the figure, a list of parts"
    return ""


def _named_in_closed_bracket(
    plain: str, view: ClauseView, figure: NumberMention, measure: str
) -> bool:
    """Tell whether the name the figure took sits in a bracket that closes before it."""
    before = [m for m in view.measures if m.measure == measure and m.end <= figure.start]
    if not before or any(m.start >= figure.end for m in view.measures if m.measure == measure):
        return False
    between = plain[before[-1].end : figure.start]
    return between.count(")") > between.count("(")


def _bracketed_share(text: str, figure: NumberMention, later: NumberMention) -> bool:
    """Tell whether ``later`` is a percent in brackets just after ``figure``: "37 (24.3%)"."""
    between = text[figure.end : later.start].strip()
    return (
        later.percent
        and not figure.percent
        and between == "("
        and (text[later.end : later.end + 2].strip().startswith(")"))
    )


def _next_start(figures: list[NumberMention], index: int, text: str) -> int:
    """Return where the next figure starts, passing over the base of a rate ("per 10,000").

    "the 36 per 10,000 reported a year ago": the period after the base is still the 36's.
    The rate words are those of ``rate_connector`` in ``data/narrative_words.csv``.
    """
    for position in range(index + 1, len(figures)):
        later = figures[position]
        if position == index + 1 and _bracketed_share(text, figures[index], later):
            continue  # "of which 37 (24.3%) were repeat cases": the name after is the 37's
        if not text[max(0, later.start - 3) : later.start].strip()[-1:].isalpha():
            return later.start  # no word just before it ("1,204, 1,310"): no rate's base
        words = tokens(text, max(0, later.start - 30), later.start)
        if not sample_before(words, [t.start for t in words], later, "rate_connector"):
            return later.start
    return len(text)


def _unpublished(read: SentenceRead, period: Period | None, reason: str) -> str:
    """Return why a figure has no published period: none bound, or one after the paper."""
    if period is None:
        return reason
    paper_date = read.context.paper_date or read.context.file_date
    if paper_date is not None and period.start > paper_date:
        return f"{period.label} starts after the paper's date (a target or forecast)"
    return ""


def _pair_measure(read: SentenceRead, clause_index: int) -> str | None:
    """Return the measure of "a change from 626,720 incidents to 601,134": the sentence's."""
    named = [read.previous[1]] if read.previous else []
    named += list(sentence_measures(read.view, clause_index))
    return next(iter(named), None) or catalogue.resolve_measure(read.scan.sentence.text)


def _observe(
    scan: SentenceScan,
    figure: NumberMention,
    measure: str,
    area: str,
    period: Period,
    bound_by: str,
) -> str:
    """Record a plain figure whose measure, area and period are known; the reason if not."""
    unit = catalogue.measures()[measure].unit
    if figure.percent and unit != "percent":
        return f"a percent of {measure} (a share, not a catalogue figure)"
    if not figure.percent and unit == "percent":
        return f"a count for the percentage measure {measure}"
    text = scan.sentence.text
    qualifier = qualifier_before(text[max(0, figure.start - 60) : figure.start])
    if figure.value != int(figure.value) and not figure.percent and unit == "count":
        qualifier = qualifier or "approx"  # "2.3 million incidents" is rounded
    if scan.seen(measure, area, period, figure.value, qualifier):
        return "the same figure again"
    scan.observe(measure, area, figure, period, qualifier, bound_by)
    return ""
