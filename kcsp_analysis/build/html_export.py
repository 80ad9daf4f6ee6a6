"""Executed notebooks to self-contained HTML briefings, and the index page.

A briefing shows the notebook's narrative and outputs, never its code. Charts are
embedded as data URIs with their alt text; the style sheet is inline; there is no script
and no web font, so a briefing opens offline, prints on A4 and reads on a phone.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

MISSING_ALT = "Chart (no description was given)"

STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #505a5f; --rule: #b1b4b6;
  --accent: #1d70b8; --band: #f3f2f1; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; color: var(--ink);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-top: 2px solid var(--rule);
  padding-top: 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
a { color: var(--accent); }
p, li { max-width: 44rem; }
p, li, dd, figcaption { overflow-wrap: break-word; }
.findings { background: var(--band); border-left: 5px solid var(--accent);
  padding: 0.5rem 1rem; margin: 1rem 0; }
.findings li { margin: 0.35rem 0; }
figure { margin: 1rem 0; }
figure img, img { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }
th { background: var(--band); }
td.num, th.num { text-align: right; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
.key, .note, .muted { color: var(--muted); font-size: 0.9rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--band);
  padding: 0.5rem; font-size: 0.85rem; }
footer { margin-top: 2rem; border-top: 1px solid var(--rule); color: var(--muted);
  font-size: 0.85rem; }
nav.top { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem;
  color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: 0.4rem; }
.as-at { font-size: 1.05rem; }
.summary p { margin: 0.4rem 0; }
.summary-table { font-size: 0.8rem; width: 100%; }
.summary-table th[scope=row] { font-weight: 600; background: none; }
.summary-table td, .summary-table th { padding: 0.2rem 0.4rem; }
.summary-table .latest { text-align: right; }
.summary-table .arrow { font-size: 0.75rem; }
.summary-table th[scope=col] { font-size: 0.8rem; }
svg.spark { display: block; }
.findings a.about { font-size: 0.8rem; color: var(--muted); }
details.provenance { margin: 1rem 0; font-size: 0.85rem; }
details.provenance code { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { padding: 0.6rem; font-size: 0.95rem; }
  h1 { font-size: 1.4rem; }
  th, td { padding: 0.25rem 0.35rem; }
}
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  figure, table, .findings { break-inside: avoid; }
  nav.top { display: none; }
  .summary { break-after: page; }
  .summary .table-wrap { margin: 0.3rem 0; }
  .summary { line-height: 1.25; }
  .summary-table { font-size: 7.5pt; width: 100%; table-layout: fixed; }
  .summary-table th, .summary-table td { padding: 1.5pt 3pt; line-height: 1.2; }
  .summary-table th[scope=col] { font-size: 7pt; }
  .summary-table th:nth-child(1) { width: 23%; }
  .summary-table th:nth-child(2) { width: 15%; }
  .summary-table th:nth-child(3) { width: 17%; }
  .summary-table th:nth-child(4) { width: 7%; }
  .summary-table th:nth-child(5) { width: 9%; }
  .summary-table th:nth-child(6) { width: 11%; }
  .summary-table th:nth-child(7) { width: 18%; }
  .summary-table .latest { white-space: normal; }
  .summary p { margin: 0.2rem 0; font-size: 9.5pt; }
  .as-at { font-size: 11pt; }
  h1 { font-size: 16pt; margin: 0 0 0.3rem; }
  details.provenance > *:not(summary) { display: block; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
}
"""


def nav_html(area: str, index_href: str = "index.html", methods_href: str = "methods.html") -> str:
    """Return the bar on top of every page: its area, the index, the methods page."""
    return (
        f'<nav class="top"><span>Area: <strong>{html.escape(area)}</strong></span>'
        f'<a href="{html.escape(index_href, quote=True)}">All briefings</a>'
        f'<a href="{html.escape(methods_href, quote=True)}">Methods and revisions</a></nav>'
    )


def _page(title: str, body: str, footer: str, nav: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # An empty icon, so a browser does not ask the file system or network for one.
        '<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{nav}<main>\n{body}\n</main>\n<footer>{footer}</footer>\n</body>\n</html>\n"
    )


def notebook_title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """Return the text of the notebook's first level-one heading, or ``fallback``."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return fallback


def notebook_to_html(
    notebook: nbformat.NotebookNode, *, title: str, footer: str = "", nav: str = ""
) -> str:
    """Return a self-contained HTML briefing of an executed notebook, without its code.

    Parameters
    ----------
    notebook
        The executed notebook.
    title
        Text of the page's ``<title>``.
    footer
        HTML for the page footer (already escaped).
    nav
        HTML of the bar on top (:func:`nav_html`), or nothing.
    """
    body, _ = _exporter().from_notebook_node(notebook, resources={"missing_alt": MISSING_ALT})
    return _page(title, body.strip(), footer, nav)


@functools.cache
def _exporter() -> HTMLExporter:
    """Return nbconvert's HTML exporter with the briefing template shipped in the package."""
    config = Config()
    # Cells tagged by a notebook author to stay out of the briefing.
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = ("remove-cell",)
    config.TagRemovePreprocessor.remove_all_outputs_tags = ("remove-output",)
    return HTMLExporter(
        config=config,
        extra_template_basedirs=[str(resources.files("kcsp_analysis") / "build" / "templates")],
        template_name="kcsp_briefing",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
    )


@dataclass(frozen=True)
class IndexEntry:
    """One briefing on the index page."""

    file_name: str
    title: str
    summary: str


def index_to_html(
    entries: Sequence[IndexEntry], *, title: str, intro: str, footer: str, nav: str = ""
) -> str:
    """Return the index page linking every briefing; ``intro`` is plain text, ``footer`` HTML."""
    items = "\n".join(
        f'<li><a href="{html.escape(e.file_name, quote=True)}">{html.escape(e.title)}</a>'
        + (f"<br><span class='muted'>{html.escape(e.summary)}</span>" if e.summary else "")
        + "</li>"
        for e in entries
    )
    body = (
        f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(intro)}</p>\n"
        f'<ul class="briefings">\n{items}\n</ul>'
    )
    return _page(title, body, footer, nav)


def notebook_summary(notebook: nbformat.NotebookNode) -> str:
    """Return the first paragraph after the title of the notebook, as plain text."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in cell.source.split("\n\n") if p.strip()]
        for paragraph in paragraphs:
            if not paragraph.startswith("#"):
                return " ".join(paragraph.split())
    return ""


METHODS_NAME = "methods.html"


def briefing_pages(
    notebooks: Mapping[str, nbformat.NotebookNode],
    *,
    footer: str,
    index_name: str,
    area: str = "Kent",
    provenance: str = "",
) -> dict[str, str]:
    """Each executed notebook (by stem) as ``stem.html``, the methods page and the index.

    Every page names its ``area`` in its title and in the bar on top, which links the
    index and the methods page. ``footer`` is plain text, shown on every page;
    ``provenance`` (plain text: the data's checksum) goes into a collapsed section of it.
    """
    from kcsp_analysis.briefing.methods import methods_body

    shown = html.escape(footer) + (
        f'<details class="provenance"><summary>Provenance</summary><p>'
        f"{html.escape(provenance)}</p></details>"
        if provenance
        else ""
    )
    nav = nav_html(area, index_name, METHODS_NAME)
    pages: dict[str, str] = {}
    entries = []
    for stem in sorted(notebooks):
        notebook = notebooks[stem]
        title = f"{notebook_title(notebook, stem)}: {area}"
        name = f"{stem}.html"
        pages[name] = notebook_to_html(notebook, title=title, footer=shown, nav=nav)
        entries.append(IndexEntry(name, title, notebook_summary(notebook)))
    pages[METHODS_NAME] = _page(f"Methods and revisions: {area}", methods_body(), shown, nav)
    entries.append(
        IndexEntry(
            METHODS_NAME,
            "Methods and revisions",
            "What the statistics can show, the marks, which figure wins, quality statements.",
        )
    )
    pages[index_name] = index_to_html(
        entries,
        title=f"Kent Community Safety Partnership briefings: {area}",
        intro=f"Briefings for {area}, generated from the partnership's published reports "
        "and figures files.",
        footer=shown,
        nav=nav,
    )
    return pages
