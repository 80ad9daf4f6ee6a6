"""Executed notebooks to briefing pages: no code, escaped text, embedded charts with alt."""

from __future__ import annotations

import nbformat
from bs4 import BeautifulSoup

from kcsp_analysis.build.html_export import (
    MISSING_ALT,
    IndexEntry,
    index_to_html,
    notebook_title,
    notebook_to_html,
)

v4 = nbformat.v4
# A one-pixel PNG.
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    "awAAAABJRU5ErkJggg=="
)


def executed_notebook() -> nbformat.NotebookNode:
    code = v4.new_code_cell("secret_code = 1\nprint('shown')")
    code.outputs = [
        v4.new_output("stream", name="stdout", text="a <script>alert(1)</script> line\n"),
        v4.new_output("stream", name="stderr", text="FutureWarning: noise\n"),
        v4.new_output(
            "display_data",
            data={"image/png": PNG, "text/plain": "<Figure>"},
            metadata={"image/png": {"alt": 'Line chart of "KSI" casualties'}},
        ),
    ]
    notebook = v4.new_notebook()
    notebook.cells = [v4.new_markdown_cell("# Road safety\n\nIntro."), code]
    return notebook


def test_page_has_outputs_but_no_code_and_no_network_resources():
    page = notebook_to_html(executed_notebook(), title="Road safety")
    assert "secret_code" not in page
    assert ">Road safety</h1>" in page
    assert "a &lt;script&gt;alert(1)&lt;/script&gt; line" in page
    assert "<script" not in page
    assert "FutureWarning" not in page
    assert "http://" not in page and "https://" not in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@page { size: A4" in page


def test_image_is_embedded_with_its_alt_text_escaped():
    page = notebook_to_html(executed_notebook(), title="T")
    images = BeautifulSoup(page, "html.parser").find_all("img")
    assert [(img["src"], img["alt"]) for img in images] == [
        (f"data:image/png;base64,{PNG}", 'Line chart of "KSI" casualties')
    ]
    assert 'Line chart of "KSI" casualties</figcaption>' in page


def _page_of(*outputs) -> str:
    code = v4.new_code_cell("x")
    code.outputs = list(outputs)
    notebook = v4.new_notebook()
    notebook.cells = [code]
    return notebook_to_html(notebook, title="T")


def test_image_without_alt_gets_a_placeholder_that_tests_can_find():
    page = _page_of(v4.new_output("display_data", data={"image/png": PNG}))
    assert f'alt="{MISSING_ALT}"' in page


def test_plain_text_result_is_escaped():
    page = _page_of(
        v4.new_output("execute_result", data={"text/plain": "<b>x</b>"}, execution_count=1)
    )
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "<b>x</b>" not in page


def test_markdown_output_is_escaped_before_rendering():
    page = _page_of(v4.new_output("display_data", data={"text/markdown": "**a** <script>x"}))
    assert "<strong>a</strong>" in page
    assert "<script" not in page


def test_cells_tagged_remove_cell_stay_out():
    code = v4.new_code_cell("x", metadata={"tags": ["remove-cell"]})
    code.outputs = [v4.new_output("stream", name="stdout", text="hidden output\n")]
    notebook = v4.new_notebook()
    notebook.cells = [code]
    assert "hidden output" not in notebook_to_html(notebook, title="T")


def test_title_is_the_first_level_one_heading():
    assert notebook_title(executed_notebook(), "fallback") == "Road safety"
    assert notebook_title(v4.new_notebook(), "fallback") == "fallback"


def test_index_escapes_titles_and_links():
    page = index_to_html(
        [IndexEntry("01_a.html", "A & <b>", "about <i>")], title="Index", intro="i", footer="f"
    )
    assert '<a href="01_a.html">A &amp; &lt;b&gt;</a>' in page
    assert "about &lt;i&gt;" in page
