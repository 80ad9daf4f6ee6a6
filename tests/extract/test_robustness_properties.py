"""Property tests: the shipped reports, mutated the way email and converters damage text.

Lines are dropped, repeated and shuffled; tabs and spaces swapped; markup and stray
unicode injected; files truncated and saved in other encodings. Whatever the damage,
extraction either succeeds or raises :class:`KcspError` naming the file (and the line,
when there is one); no other exception escapes. When it succeeds, every figure must be
printed in the mutated text at its locator (the paragraph that starts on that line), its
quote must be that line, and every stated change must be printed on its line: a figure
that is not in the input would be an invented one.

The oracle reads the bytes independently of :mod:`kcsp_analysis.extract.documents`, as UTF-8
with Unix line ends. Runs are reproducible (``derandomize=True``) and bounded.
"""

from __future__ import annotations

import codecs
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract import Extraction, extract_report
from kcsp_analysis.extract.numbers import strip_markup
from tests.conftest import AGENDA_PACK, SHIPPED_RAW
from tests.robustness_helpers import paragraph_from, value_is_printed

REPORTS = sorted(
    p.relative_to(SHIPPED_RAW).as_posix() for p in (SHIPPED_RAW / "reports").glob("*.*")
)
# The agenda pack holds every table and most sentences with figures: mutate it most often.
WEIGHTED_REPORTS = [AGENDA_PACK] * 4 + [r for r in REPORTS if r != AGENDA_PACK]
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
INJECTIONS = [
    "<b>",
    "</b>",
    "<u>",
    "<sup>6</sup>",
    "&amp;",
    "&nbsp;",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "\u200b",  # zero-width space
    "\u00a0",  # no-break space
    "\ufeff",  # byte order mark inside the text
    "\u202e",  # right-to-left override
    "\u0301",  # combining acute accent
    "\u2028",  # line separator (not a line end for the reader)
    "\x0c",  # form feed, as PDF converters leave at page breaks
    "\u0663",  # Arabic-Indic digit three
    "\uff11",  # full-width digit one
    "▲",
    "▼",
    "½",
    "£",
    "😀",
    "\t",
    "  ",
]
_LINE = re.compile(r"line (\d+)")


def _original_lines(name: str) -> list[str]:
    return (SHIPPED_RAW / name).read_text(encoding="utf-8").split("\n")


def _lines_of(data: bytes) -> list[str]:
    # Text reports are UTF-8 by rule; UTF-16 is recognised by its byte-order mark.
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text = data.decode("utf-16" if utf16 else "utf-8-sig")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in text.split("\n")]


@st.composite
def _line_edits(draw: st.DrawFn) -> tuple[str, bytes]:
    """A report with runs of lines dropped, repeated elsewhere, or shuffled in place."""
    name = draw(st.sampled_from(WEIGHTED_REPORTS))
    lines = _original_lines(name)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(lines) - 1))
        stop = min(len(lines), start + draw(st.integers(1, 40)))
        edit = draw(st.sampled_from(["drop", "repeat", "shuffle"]))
        if edit == "drop":
            lines = lines[:start] + lines[stop:]
        elif edit == "repeat":
            at = draw(st.integers(0, len(lines)))
            lines = lines[:at] + lines[start:stop] + lines[at:]
        else:
            lines = lines[:start] + draw(st.permutations(lines[start:stop])) + lines[stop:]
        if not lines:
            lines = [""]
    return name, "\n".join(lines).encode("utf-8")


@st.composite
def _character_edits(draw: st.DrawFn) -> tuple[str, bytes]:
    """A report with tabs and spaces swapped and markup or stray unicode injected."""
    name = draw(st.sampled_from(WEIGHTED_REPORTS))
    lines = _original_lines(name)
    # Half the edits land on lines with digits, where the figures are.
    with_digits = [i for i, line in enumerate(lines) if re.search(r"\d", line)] or [0]
    for _ in range(draw(st.integers(1, 25))):
        if draw(st.booleans()):
            index = draw(st.sampled_from(with_digits))
        else:
            index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        edit = draw(st.sampled_from(["tabs_to_spaces", "spaces_to_tab", "inject"]))
        if edit == "tabs_to_spaces":
            line = line.replace("\t", " " * draw(st.integers(1, 3)))
        elif edit == "spaces_to_tab":
            line = re.sub(r" {1,2}", "\t", line, count=draw(st.integers(1, 5)))
        else:
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.sampled_from(INJECTIONS)) + line[at:]
        lines[index] = line
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return name, newline.join(lines).encode("utf-8")


@st.composite
def _byte_edits(draw: st.DrawFn) -> tuple[str, bytes]:
    """A report saved in another encoding, truncated, or with bytes overwritten."""
    name = draw(st.sampled_from(WEIGHTED_REPORTS))
    text = (SHIPPED_RAW / name).read_text(encoding="utf-8")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return name, data


def _extract(name: str, data: bytes) -> Extraction | KcspError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        try:
            return extract_report(Path(folder), name)
        except KcspError as error:
            return error


def _line_number(locator: str, line_count: int) -> int:
    match = _LINE.fullmatch(locator)
    assert match, f"locator {locator!r} is not 'line N'"
    number = int(match[1])
    assert 1 <= number <= line_count, f"{locator} outside a text of {line_count} lines"
    return number


def check_error_names_file_and_line(name: str, data: bytes, error: KcspError) -> None:
    """A refusal names the file, and the line unless the whole file is at fault."""
    assert error.source == name
    assert str(error).startswith(f"{name}: ")
    if error.locator is None:
        assert error.message.startswith("empty document"), str(error)
    else:
        _line_number(error.locator, data.count(b"\n") + data.count(b"\r") + 1)


def check_figures_are_in_the_text(name: str, data: bytes, extraction: Extraction) -> None:
    """Every figure, quote, amendment and stated change is printed at its locator."""
    lines = _lines_of(data)
    observations = [
        *extraction.observations,
        *(a.old for a in extraction.amendments),
        *(a.new for a in extraction.amendments),
    ]
    for observation in observations:
        number = _line_number(observation.locator, len(lines))
        assert observation.source == name
        assert observation.quote == lines[number - 1]
        paragraph = paragraph_from(lines, number)
        assert value_is_printed(observation.value, paragraph), (
            f"{observation.measure} {observation.value} not printed at {observation.locator}: "
            f"{paragraph[:300]!r}"
        )
    for change in extraction.stated_changes:
        line = lines[_line_number(change.locator, len(lines)) - 1]
        assert change.printed in line or change.printed in strip_markup(line), (
            f"stated change {change.printed!r} not on {change.locator}: {line[:300]!r}"
        )
    for entry in extraction.log:
        assert entry.source == name
        first, _, last = entry.locator.removeprefix("line ").partition("-")
        _line_number(f"line {first}", len(lines))
        if last:
            _line_number(f"line {last}", len(lines))


def _check(name: str, data: bytes) -> Extraction | KcspError:
    outcome = _extract(name, data)
    if isinstance(outcome, KcspError):
        check_error_names_file_and_line(name, data, outcome)
    else:
        check_figures_are_in_the_text(name, data, outcome)
    return outcome


def _outcome_kind(outcome: Extraction | KcspError) -> str:
    # Shown by --hypothesis-show-statistics: how often damage was refused or read.
    if isinstance(outcome, KcspError):
        return "refused with KcspError"
    return f"extracted {'some' if outcome.observations else 'no'} figures"


@BOUNDED
@given(_line_edits())
def test_dropped_repeated_and_shuffled_lines_give_only_printed_figures(mutation):
    event(_outcome_kind(_check(*mutation)))


@BOUNDED
@given(_character_edits())
def test_swapped_whitespace_markup_and_stray_unicode_give_only_printed_figures(mutation):
    event(_outcome_kind(_check(*mutation)))


@BOUNDED
@given(_byte_edits())
def test_encodings_truncation_and_bad_bytes_give_figures_or_a_located_error(mutation):
    event(_outcome_kind(_check(*mutation)))


def test_the_unmutated_agenda_pack_passes_the_oracle_with_its_51_figures():
    """The oracle accepts the real extraction: 51 figures, 35 stated changes, 1 amendment."""
    data = (SHIPPED_RAW / AGENDA_PACK).read_bytes()
    extraction = _check(AGENDA_PACK, data)
    assert isinstance(extraction, Extraction)
    # Among the changes, line 657: "is 44% lower in volume in the year ending March 2013
    # than in 2002/03" (England and Wales theft), read once "Since 2002/03" no longer
    # stands for a period of its own.
    assert (len(extraction.observations), len(extraction.stated_changes)) == (51, 35)
    assert len(extraction.amendments) == 1


def test_the_oracle_rejects_a_figure_moved_to_another_line():
    """Line 797 prints 20276 (domestic abuse, 2013/14); line 798 does not."""
    data = (SHIPPED_RAW / AGENDA_PACK).read_bytes()
    extraction = extract_report(SHIPPED_RAW, AGENDA_PACK)
    lines = _lines_of(data)
    da = next(o for o in extraction.observations if o.value == 20276 and o.locator == "line 797")
    assert value_is_printed(da.value, paragraph_from(lines, 797))
    assert not value_is_printed(da.value, paragraph_from(lines, 798))
    assert not value_is_printed(20277, paragraph_from(lines, 797))
