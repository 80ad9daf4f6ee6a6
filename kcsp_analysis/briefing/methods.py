"""The methods and revisions page: fixed prose from a template, lists from the catalogue.

The prose is ``kcsp_analysis/build/templates/methods.html``; the marks, quality
statements (with each measure's series breaks), glossary and measures are filled in
here from the catalogue's data, so the page never falls behind the data files.
"""

from __future__ import annotations

import html
from importlib import resources

from kcsp_analysis import catalogue
from kcsp_analysis.briefing.quality import quality_statements
from kcsp_analysis.briefing.tables import GSS_KEY

MARKS = {
    **GSS_KEY,
    "[x]": "not available: no figure is published for that period (the briefings leave a gap)",
}
GLOSSARY = {
    "baseline": "the first published period of a measure, which later figures are compared with",
    "like for like": "counted the same way in both periods, so a change is a change in the "
    "thing counted, not in how it is counted",
    "more than the usual year-to-year movement": "a change larger than the measure's ordinary "
    "ups and downs would produce 19 times in 20",
    "can't tell": "the papers publish too little to judge whether a change is more than the "
    "usual movement",
    "series break": "a change in definition or recording; figures either side are not like "
    "for like",
    "restated": "an earlier figure the partnership recalculated on the new definition",
    "provisional": "a figure that may still change (unvalidated, or published before its "
    "period ended)",
    "interval, likely range": "the range within which the underlying figure probably lies "
    "(95% of the time), given chance variation",
    "funnel plot": "districts' rates against their population, with limits that widen for "
    "smaller populations; outside the 99.8% limit is more than chance",
    "MARAC": "Multi-Agency Risk Assessment Conference, where high-risk domestic abuse cases "
    "are discussed",
    "KSI": "road casualties killed or seriously injured",
    "ASB": "anti-social behaviour",
    "CAADA, SafeLives": "the national domestic abuse charity (CAADA, now SafeLives), which "
    "publishes expected MARAC ranges",
    "HMIC": "Her Majesty's Inspectorate of Constabulary, which inspected Kent's crime "
    "recording in 2013",
}


def _definitions(items: dict[str, str], css_class: str) -> str:
    rows = "".join(
        f"<dt>{html.escape(term)}</dt><dd>{html.escape(text)}</dd>" for term, text in items.items()
    )
    return f'<dl class="{css_class}">{rows}</dl>'


def _quality() -> str:
    parts = []
    for measure, item in quality_statements().items():
        name = catalogue.measure(measure).display_name
        breaks = "".join(
            f"<li>Series break from {html.escape(b.break_date)}: {html.escape(b.reason)} "
            f"<span class='muted'>Source: {html.escape(b.citation)}</span></li>"
            for b in catalogue.series_breaks()
            if b.measure == measure
        )
        parts.append(
            f'<li id="quality-{html.escape(measure, quote=True)}"><strong>{html.escape(name)}'
            f"</strong>: counts {html.escape(item.counts)}; produced by "
            f"{html.escape(item.producer)}; status: {html.escape(item.status)} "
            f"<span class='muted'>(source: {html.escape(item.citation)})</span>"
            + (f"<ul>{breaks}</ul>" if breaks else "")
            + "</li>"
        )
    return f'<ul class="notes">{"".join(parts)}</ul>'


def _measures() -> str:
    units = {"count": "number", "percent": "%", "count_per_month": "a month"}
    rows = "".join(
        f"<tr><td>{html.escape(m.display_name)}</td><td>{html.escape(units.get(m.unit, m.unit))}"
        f"</td><td><code>{html.escape(m.id)}</code></td></tr>"
        for m in catalogue.measures().values()
    )
    return (
        '<div class="table-wrap"><table><thead><tr><th scope="col">Measure</th>'
        '<th scope="col">Unit</th><th scope="col">Id</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def methods_body() -> str:
    """Return the body of the methods and revisions page, as HTML."""
    template = (
        resources.files("kcsp_analysis")
        .joinpath("build", "templates", "methods.html")
        .read_text("utf-8")
    )
    return template.format(
        marks=_definitions(MARKS, "marks"),
        quality=_quality(),
        glossary=_definitions(GLOSSARY, "glossary"),
        measures=_measures(),
    )


__all__ = ["GLOSSARY", "MARKS", "methods_body"]
