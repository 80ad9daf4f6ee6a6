"""[p] and [r] marks from the documents' own words, on the seed agenda pack's notes."""

from __future__ import annotations

from kcsp_analysis.briefing import status_words
from kcsp_analysis.briefing.tables import figure_marks
from kcsp_analysis.periods import calendar_year, financial_year
from tests.conftest import AGENDA_PACK, SHIPPED_RAW
from tests.seed_figures import seed_frame


def _notes():
    return status_words.document_notes(SHIPPED_RAW, [AGENDA_PACK])


def test_notes_of_the_agenda_pack():
    """Line 901: "Please note: ... the baseline for 'theft and handling' has been amended";
    line 922: "... the above baselines have been amended"; line 962: "the January to
    December 2010 baseline has been amended from 545 to 547"; line 966: "NB. All 2014 data
    is unvalidated and therefore subject to change - final figures will be released in
    April 2015"."""
    notes = {n.line: n for n in _notes()[AGENDA_PACK] if n.marker}
    assert sorted(notes) == [901, 922, 962, 966]
    assert (notes[901].mark, notes[901].measure, notes[901].baseline) == (
        "[r]",
        "theft_and_handling",
        True,
    )
    assert (notes[922].mark, notes[922].measure) == ("[r]", "")
    assert (notes[962].years, notes[966].years) == ((2010,), (2014,))
    assert notes[966].mark == "[p]"


def test_amended_baselines_are_marked_revised_and_only_they():
    """Lines 898 (theft), 899 (burglary), 919 (violent crime), 920 (VAP), 960 (KSI): the
    notes name theft's baseline, "the above baselines" (919-920) and KSI's 2010
    baseline. Burglary (line 899) is not named in line 901's note, so it is not marked."""
    seed, notes = seed_frame(), _notes()
    assert figure_marks(seed, "theft_and_handling", "Kent", status_notes=notes)["2010/11"] == [
        "[r]"
    ]
    assert figure_marks(seed, "domestic_burglary", "Kent", status_notes=notes)["2010/11"] == []
    violent = figure_marks(seed, "violent_crime", "Kent", status_notes=notes)
    assert violent["2010/11"] == ["[r]"] and "[r]" not in violent["2012/13"]
    ksi = figure_marks(seed, "ksi_casualties", "Kent", status_notes=notes)
    assert ksi == {"2010": ["[r]"], "2012": [], "2013": []}


def test_unvalidated_words_mark_only_the_years_they_name():
    note = status_words.notes_in_text("KSI table\nNB. All 2014 data is unvalidated")
    marks = {
        label: status_words.status_marks(
            "ksi_casualties", period, False, ["doc.md line 1"], {"doc.md": note}
        )
        for label, period in (("2014", calendar_year(2014)), ("2013", calendar_year(2013)))
    }
    assert marks == {"2014": ["[p]"], "2013": []}
    # Too far below the figure, or not a note line, nothing is marked.
    far = status_words.notes_in_text("x\n" * 8 + "NB. All 2014 data is unvalidated")
    assert (
        status_words.status_marks(
            "ksi_casualties", calendar_year(2014), False, ["doc.md line 1"], {"doc.md": far}
        )
        == []
    )
    prose = status_words.notes_in_text("x\nthe 2014 data is unvalidated")
    assert (
        status_words.status_marks(
            "ksi_casualties", financial_year(2014), False, ["doc.md line 1"], {"doc.md": prose}
        )
        == []
    )
