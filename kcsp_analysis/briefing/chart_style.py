"""The charts' house style: Okabe-Ito colours, seaborn's theme, title, source line, alt text.

Colours whose lightness differs by at least 0.1 between roles drawn together stay apart
in grey; every chart is built inside :func:`house_style` so global settings stay
untouched.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterable
from typing import Any

import matplotlib as mpl
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import StrMethodFormatter

# Okabe-Ito colours whose lightness differs by at least 0.1 between roles drawn together,
# so that they stay apart in grey; shapes (triangles up and down) carry the meaning too.
COLOURS = {
    "series": "#0072B2",  # blue, lightness 0.37
    "low": "#009E73",  # bluish green, 0.48
    "high": "#E69F00",  # orange, 0.64
    "limit": "#000000",
    "band": "#BBBBBB",
    "text": "#333333",
    "improvement": "#009E73",  # bluish green, 0.48: XmR signals read with the polarity
    "concern": "#E69F00",  # orange, 0.64
    "neither": "#000000",  # black, 0: a signal with no agreed direction
}
HOUSE_RC: dict[str, Any] = {
    # A "$" in a file name or title is text, never mathtext (which fails on one "$").
    "text.parse_math": False,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.edgecolor": COLOURS["text"],
    "text.color": COLOURS["text"],
    "figure.dpi": 100,
    "savefig.dpi": 150,
}
SIZE = (7.5, 4.2)

_ALT_TEXT: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()


def alt_text(figure: Figure) -> str:
    """Return the short description of a chart made by this module, for HTML ``alt``."""
    return _ALT_TEXT.get(figure, "")


def house_style() -> contextlib.AbstractContextManager[None]:
    """Apply the house style while a chart is built; the global settings stay untouched.

    seaborn's white-grid theme and print-sized context are the base; ``HOUSE_RC`` sets
    what the briefings need on top (left-aligned bold titles, light horizontal grid).
    """
    rc = {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook"), **HOUSE_RC}
    return mpl.rc_context(rc)  # type: ignore[arg-type]  # keys are valid rc names


def new_figure() -> tuple[Figure, Axes]:
    """Return an empty chart of the house size, laid out to fit its title and source."""
    with house_style():
        figure = Figure(figsize=SIZE, layout="constrained")
        axes = figure.add_subplot()
    return figure, axes


def finish(figure: Figure, axes: Axes, title: str, source: str, description: str) -> Figure:
    """Give a chart its title, source line and alt text."""
    with house_style():
        axes.margins(x=0.06)
        axes.set_title(title, loc="left", wrap=True)
        figure.text(0.01, 0.005, source, fontsize=8, color=COLOURS["text"], ha="left", va="bottom")
        engine = figure.get_layout_engine()
        if isinstance(engine, ConstrainedLayoutEngine):  # leave room for the source line
            engine.set(rect=(0, 0.05, 1, 0.95))
    _ALT_TEXT[figure] = description
    return figure


def value_formatter(unit: str) -> StrMethodFormatter:
    """Return the value axis's labels: whole counts; percentages keep decimals (24.2%)."""
    return StrMethodFormatter("{x:,.0f}" if unit != "percent" else "{x:g}")


def draw_open_markers(
    axes: Axes, positions: list[float], chosen: list[bool], values: Iterable[float]
) -> None:
    """Draw open circles over the chosen points: approximate figures, rates without interval."""
    axes.plot(
        [p for p, keep in zip(positions, chosen, strict=True) if keep],
        list(values),
        linestyle="none",
        marker="o",
        markersize=8,
        markerfacecolor="white",
        color=COLOURS["series"],
        zorder=4,
    )


def source_line(sources: Iterable[str]) -> str:
    """Return ``Source: file (line 797, line 801); other file (row 3)`` from ``file locator`` texts.

    >>> source_line(["a.md line 797", "a.md line 801; b.csv row 3"])
    'Source: a.md (line 797, line 801); b.csv (row 3)'
    """
    by_file: dict[str, list[str]] = {}
    for text in sources:
        for part in str(text).split("; "):
            path, _, where = part.partition(" ")
            places = by_file.setdefault(path.rsplit("/", 1)[-1], [])
            if where and where not in places:
                places.append(where)
    return "Source: " + "; ".join(f"{n} ({', '.join(w)})" for n, w in by_file.items())
