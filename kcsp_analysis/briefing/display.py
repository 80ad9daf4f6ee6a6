"""Briefing content as escaped HTML, shown in notebooks and kept in the exported pages.

Everything taken from reports (labels, sources, sentences) is escaped here, so a report
containing markup shows it as text. Charts are shown as PNG with their alt text in the
output metadata, which :mod:`kcsp_analysis.build.html_export` puts in the ``alt`` attribute.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from kcsp_analysis import catalogue
from kcsp_analysis.analysis import series
from kcsp_analysis.briefing.findings import main_period_type, measures_with_figures
from kcsp_analysis.briefing.tables import GSS_KEY, used_marks

CHART_DPI = 110
NUMERIC_COLUMNS = ("Figure",)


def list_html(sentences: Iterable[str], css_class: str = "findings") -> str:
    """Return a bulleted list of sentences, escaped, in a box of ``css_class``."""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return f'<ul class="{html.escape(css_class, quote=True)}">{items}</ul>'


def table_html(table: pd.DataFrame, caption: str) -> str:
    """Return a table with escaped cells and a caption, scrollable on a narrow screen."""
    if table.empty:
        return f'<p class="note">{html.escape(caption)}: no figures.</p>'
    head = "".join(f"<th{_cell_class(c)} scope='col'>{html.escape(str(c))}</th>" for c in table)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{_cell_class(c)}>{html.escape(str(v))}</td>"
            for c, v in zip(table.columns, row, strict=True)
        )
        + "</tr>"
        for row in table.itertuples(index=False)
    )
    return (
        f'<div class="table-wrap"><table><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _cell_class(column: object) -> str:
    return ' class="num"' if column in NUMERIC_COLUMNS else ""


def key_html(marks: Mapping[str, str] | None = None) -> str:
    """Return the key to the GSS shorthand used in a table."""
    entries = marks if marks is not None else GSS_KEY
    items = "; ".join(f"{html.escape(m)} {html.escape(t)}" for m, t in entries.items())
    return f'<p class="key">Key: {items}.</p>'


def figures_table_html(table: pd.DataFrame, caption: str) -> str:
    """Return a figures table (:func:`~.tables.figures_table`) as HTML, with its key."""
    return table_html(table, caption) + key_html(used_marks(table))


def show_html(markup: str) -> None:
    """Display HTML in the notebook (and so in the exported briefing)."""
    from IPython.display import HTML, display

    display(HTML(markup))


def figure_to_png(figure: Any) -> bytes:
    """Return the PNG bytes of a matplotlib figure, without a timestamp so rebuilds match."""
    buffer = io.BytesIO()
    figure.savefig(
        buffer, format="png", dpi=CHART_DPI, bbox_inches="tight", metadata={"Software": None}
    )
    return buffer.getvalue()


def show_chart(figure: Any, alt: str) -> None:
    """Display a chart as a PNG with ``alt`` text, then close the figure."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    payload = base64.b64encode(figure_to_png(figure)).decode("ascii")
    plt.close(figure)
    display(
        {"image/png": payload, "text/plain": alt},
        raw=True,
        metadata={"image/png": {"alt": alt}},
    )


def series_charts(
    frame: pd.DataFrame,
    measures: Iterable[str],
    area: str,
    *,
    marks: Callable[[str], dict[str, list[str]]] | None = None,
) -> list[Any]:
    """Return a house-style chart (:func:`~.charts.plot_series`) per measure with figures.

    Each charts the measure's main series (the period type with most figures), so a first
    figure of a new kind does not hide the history. Measures with a single figure are
    drawn together as bars when others share their period and unit (parts inside their
    wholes); a lone figure is left to the findings and the table. A repeat rate with an
    expected range is left to :func:`repeat_rate_charts`, so no measure is drawn twice.
    ``marks`` gives a measure's GSS marks by period (provisional points are drawn open).
    """
    from kcsp_analysis.analysis.rates import band_for
    from kcsp_analysis.analysis.repeats import REPEAT_MEASURES
    from kcsp_analysis.briefing import charts

    figures = []
    lone: dict[tuple[str, str], list[str]] = {}
    for measure in measures_with_figures(frame, measures, area):
        if measure in REPEAT_MEASURES and band_for(measure) is not None:
            continue
        rows = series(frame, measure, area)
        kind = main_period_type(rows)
        main = rows[rows["period_type"] == kind]
        if len(main) > 1:
            found = marks(measure) if marks is not None else None
            figures.append(charts.plot_series(frame, measure, area, period_type=kind, marks=found))
        else:
            # A line through one point says nothing: such figures are compared side by
            # side with others of the same period and unit instead.
            key = (str(main.iloc[-1]["period"]), catalogue.measure(measure).unit)
            lone.setdefault(key, []).append(measure)
    for (period, _), group in lone.items():
        if len(group) > 1:
            figures.append(charts.plot_breakdown(frame, group, area, period))
    return figures


def marks_of(data: Any, area: str) -> Callable[[str], dict[str, list[str]]]:
    """Return a function giving a measure's GSS marks for ``area`` from a briefing's data."""
    from kcsp_analysis.briefing.tables import figure_marks

    def found(measure: str) -> dict[str, list[str]]:
        return figure_marks(
            data.measures,
            measure,
            area,
            revisions=data.revisions,
            document_dates=data.document_dates,
            status_notes=data.status_notes,
        )

    return found


def show_plot(figure: Any, data: Any = None) -> None:
    """Display a chart of :mod:`~.charts` with its own description as alt text.

    With the briefing's ``data``, the chart's source line names each document by its
    manifest title and meeting date (:func:`readable_source_line`).
    """
    from kcsp_analysis.briefing import chart_style

    if data is not None:
        for text in figure.texts:
            if text.get_text().startswith("Source: "):
                text.set_text(readable_source_line(text.get_text(), data))
    show_chart(figure, chart_style.alt_text(figure))


def readable_source_line(line: str, data: Any) -> str:
    """``Source: a.md (line 797)`` as ``Source: KCSP agenda pack (8 July 2014), line 797``.

    Files are matched by name to the manifest's; a file not in it stays as it is.
    """
    from kcsp_analysis.briefing.notes import long_date, short_title

    by_name = {path.rsplit("/", 1)[-1]: path for path in data.titles}
    parts = []
    for part in line.removeprefix("Source: ").split("; "):
        name, _, places = part.partition(" (")
        path = by_name.get(name)
        if path is None:
            parts.append(part)
            continue
        when = long_date(data.document_dates.get(path, ""))
        title = short_title(data.titles[path]) or name
        where = places.rstrip(")")
        parts.append(f"{title}{f' ({when})' if when else ''}{f', {where}' if where else ''}")
    return "Source: " + "; ".join(parts)


def repeat_rate_charts(rates: pd.DataFrame) -> list[Any]:
    """Charts of repeat rates with intervals against their expected range, where both exist.

    ``rates`` is :func:`kcsp_analysis.analysis.repeat_rates` output; a rate without an
    expected range is already charted as a series.
    """
    from kcsp_analysis.analysis.rates import band_for
    from kcsp_analysis.briefing import charts

    present = list(dict.fromkeys(rates["measure"]))
    return [charts.plot_repeat_rates(rates, m) for m in present if band_for(m) is not None]


def show_monthly(
    frame: pd.DataFrame, measures: Iterable[str], area: str, population_dir: Any = None
) -> None:
    """Display the monthly section (:func:`~.monthly.monthly_section`), or say why not."""
    from kcsp_analysis import paths
    from kcsp_analysis.briefing.monthly import MIN_MONTHS, monthly_section

    folder = population_dir if population_dir is not None else paths.raw_dir() / "population"
    parts = monthly_section(frame, measures, area, folder)
    if not parts:
        show_html(
            list_html(
                [
                    f"No measure has {MIN_MONTHS} consecutive months of figures for {area}: add "
                    "police.uk files to data/raw/policeuk/ or STATS19 files to data/raw/stats19/."
                ],
                "notes",
            )
        )
    for kind, content in parts:
        if kind == "heading":
            show_html(f"<h3>{html.escape(str(content))}</h3>")
        elif kind == "sentences":
            # Findings are at most 40 words; longer text (the seasonal caveat) is a note.
            from kcsp_analysis.briefing.plain import MAX_WORDS, word_count

            texts: list[str] = list(content)  # type: ignore[call-overload]
            short = [t for t in texts if word_count(t) <= MAX_WORDS]
            long = [t for t in texts if word_count(t) > MAX_WORDS]
            if short:
                show_html(list_html(short, "findings"))
            if long:
                show_html(list_html(long, "notes"))
        elif kind == "chart":
            show_plot(content)
        else:
            pair: tuple[str, pd.DataFrame] = content  # type: ignore[assignment]
            show_html(table_html(pair[1], pair[0]))


def quality_anchor(measure: str) -> str:
    """Return the id of a measure's quality statement on a page: ``quality-da_incidents``."""
    return f"quality-{measure}"


def findings_html(items: Iterable[tuple[str, str]], css_class: str = "findings") -> str:
    """Return findings as a list, each with a link to its measure's quality statement.

    ``items`` are ``(measure, sentence)`` pairs (:func:`~.findings.theme_finding_items`);
    a finding of no single measure (``""``) has no link.
    """
    rows = []
    for measure, sentence in items:
        link = f' <a class="about" href="#{quality_anchor(measure)}">quality</a>' if measure else ""
        rows.append(f"<li>{html.escape(sentence)}{link}</li>")
    return f'<ul class="{html.escape(css_class, quote=True)}">{"".join(rows)}</ul>'


def notes_html(notes: Iterable[str], measures: Iterable[str], area: str) -> str:
    """Return data-quality notes; each measure's quality statement carries its anchor."""
    from kcsp_analysis.briefing.quality import quality_sentence

    anchors = {quality_sentence(m, area): quality_anchor(m) for m in measures}
    items = "".join(
        f'<li id="{anchors[n]}">{html.escape(n)}</li>'
        if n in anchors
        else f"<li>{html.escape(n)}</li>"
        for n in notes
    )
    return f'<ul class="notes">{items or "<li>No data-quality notes.</li>"}</ul>'


def with_readable_sources(table: pd.DataFrame, data: Any) -> pd.DataFrame:
    """Return a table whose ``Source`` column names documents by title, date and place."""
    from kcsp_analysis.briefing.notes import readable_source

    if "Source" not in table.columns or table.empty:
        return table
    shown = table.copy()
    shown["Source"] = [
        readable_source(text, data.titles, data.document_dates) for text in shown["Source"]
    ]
    return shown


def provenance_html(raw: Any = None, extra: Iterable[str] = ()) -> str:
    """Return a collapsed provenance section: each raw file's name, original name, checksum."""
    from kcsp_analysis import paths
    from kcsp_analysis.extract.manifest import MANIFEST_NAME, read_manifest

    folder = raw if raw is not None else paths.raw_dir()
    entries = read_manifest(folder) if (folder / MANIFEST_NAME).is_file() else ()
    items = "".join(
        f"<li><code>{html.escape(e.file)}</code> (received as {html.escape(e.original_name)}, "
        f"{html.escape(e.format)}): sha256 <code class='sha'>{html.escape(e.sha256)}</code></li>"
        for e in entries
    )
    more = "".join(f"<li>{html.escape(t)}</li>" for t in extra)
    return (
        '<details class="provenance"><summary>Provenance: files and checksums</summary>'
        f"<ul>{items}{more}</ul></details>"
    )


def show_districts(
    data: Any, measures: Iterable[str], area: str, population_dir: Any = None
) -> None:
    """Display the district changes (table and ordered dot charts) and the comparators.

    On a district's own briefing only its rows are shown; without any district figure the
    section says so.
    """
    from kcsp_analysis.briefing import districts

    changes = districts.district_changes(data.measures, data.reconciliation, measures)
    if area in districts.district_names():
        changes = changes[changes["area"] == area]
    if changes.empty:
        show_html(
            list_html([f"The papers publish no district figures or changes for {area}."], "notes")
        )
    else:
        table = with_readable_sources(districts.district_table(changes, data.measures), data)
        show_html(table_html(table, "District changes the papers publish, with Kent's change"))
        for measure in dict.fromkeys(changes["measure"]):
            show_plot(districts.plot_district_changes(changes, data.measures, measure), data)
    _show_funnels(data, measures, area, population_dir)
    others = with_readable_sources(districts.comparator_table(data.measures, measures), data)
    show_html(table_html(others, "Other areas: latest figures, each labelled by its area"))


def _show_funnels(data: Any, measures: Iterable[str], area: str, population_dir: Any) -> None:
    """Funnel plots of district rates per 1,000 residents, where counts and estimates exist."""
    from kcsp_analysis import paths
    from kcsp_analysis.briefing import districts
    from kcsp_analysis.briefing.funnel import funnel_sentences, plot_funnel

    folder = population_dir if population_dir is not None else paths.raw_dir() / "population"
    frame = data.measures
    for measure in measures:
        local = frame[
            (frame["measure"] == measure) & frame["area"].isin(districts.district_names())
        ]
        if local.empty or local["period_type"].eq("month").all():
            continue  # monthly district counts are compared in the monthly section
        period = str(local.sort_values("period_end").iloc[-1]["period"])
        points = districts.district_rates(frame, measure, period, folder)
        if points.empty:
            continue
        name = f"{catalogue.measure(measure).display_name}, {period}"
        show_html(list_html(funnel_sentences(points, name), "findings"))
        show_plot(plot_funnel(points, name, source=source_line_of(points)), data)


def source_line_of(points: pd.DataFrame) -> str:
    """Return the source line of a table with a ``source`` column of ``file locator`` texts."""
    from kcsp_analysis.briefing.chart_style import source_line

    return source_line(points["source"]) + "; population: ONS mid-year estimates"
