"""The seed figures the analysis tests use are printed where they say."""

from __future__ import annotations

import re

import pytest

from tests.conftest import AGENDA_PACK, raw_line
from tests.seed_figures import SEED_FIGURES, seed_frame


@pytest.mark.parametrize(("measure", "period", "value", "line", "text"), SEED_FIGURES)
def test_seed_figures_are_on_their_lines(measure, period, value, line, text):
    assert text in raw_line(AGENDA_PACK, line)
    number = re.search(r"\d[\d,]*(\.\d+)?", text)[0]
    assert float(number.replace(",", "")) == value


def test_seed_frame_has_every_figure_once_per_line():
    assert len(seed_frame()) == len(SEED_FIGURES)
