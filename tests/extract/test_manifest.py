"""Raw data is never modified: the manifest's checksums are checked on every run."""

from __future__ import annotations

import hashlib
import re

import pytest

from kcsp_analysis.errors import KcspError
from kcsp_analysis.extract.manifest import MANIFEST_COLUMNS, read_manifest, sha256_of, verify_raw
from tests.conftest import PROJECT_ROOT, SHIPPED_RAW, shipped_files

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


def test_shipped_raw_files_match_the_manifest():
    check = verify_raw(SHIPPED_RAW)
    assert len(check.entries) == 5
    assert check.unlisted == ()


def test_the_project_manifest_still_lists_every_shipped_file_unchanged():
    """The analyst's manifest may grow; the shipped rows keep their name and checksum."""
    project = {e.file: e for e in read_manifest(PROJECT_ROOT / "data" / "raw")}
    for entry in read_manifest(SHIPPED_RAW):
        assert (project[entry.file].original_name, project[entry.file].sha256) == (
            entry.original_name,
            entry.sha256,
        )
    assert len(shipped_files()) == 5


def test_manifest_records_every_report_with_title_and_original_name():
    entries = read_manifest(SHIPPED_RAW)
    names = {e.file: e for e in entries}
    pack = names["reports/2014-07-08_kcsp_agenda_pack.md"]
    assert pack.original_name == "003_99519b65ec6c09f9.txt"
    assert pack.meeting_date == "2014-07-08"
    for entry in entries:
        assert entry.title and entry.format
        assert len(entry.sha256) == 64


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds are not beside this checkout")
def test_shipped_reports_are_the_seeds_byte_for_byte():
    for entry in read_manifest(SHIPPED_RAW):
        seed = SEEDS / entry.original_name
        assert hashlib.sha256(seed.read_bytes()).hexdigest() == entry.sha256, entry.file


def test_a_changed_raw_file_is_refused(raw_copy):
    target = raw_copy / "reports" / "2014-03-18_kcsp_meeting_notes.txt"
    target.write_bytes(target.read_bytes() + b"edited\n")
    with pytest.raises(KcspError) as info:
        verify_raw(raw_copy)
    assert str(info.value).startswith(
        f"{raw_copy / 'MANIFEST.csv'}: line 3: reports/2014-03-18_kcsp_meeting_notes.txt "
        "has changed since it was added"
    )


def test_a_missing_raw_file_is_refused(raw_copy):
    (raw_copy / "reports" / "2014-07-08_kcsp_agenda_pack.md").unlink()
    with pytest.raises(
        KcspError,
        match=re.escape("line 4: listed file reports/2014-07-08_kcsp_agenda_pack.md is missing"),
    ):
        verify_raw(raw_copy)


def test_a_new_file_is_read_and_its_manifest_row_suggested(raw_copy):
    new = raw_copy / "figures" / "2014-q2.csv"
    new.write_text("measure,area,period,value\n", encoding="utf-8")
    check = verify_raw(raw_copy)
    assert check.unlisted == ("figures/2014-q2.csv",)
    assert check.suggested_rows(raw_copy) == [
        f"figures/2014-q2.csv,2014-q2.csv,{sha256_of(new)},,,"
    ]


def test_manifest_columns_are_checked(raw_copy):
    (raw_copy / "MANIFEST.csv").write_text("file,sha\n", encoding="utf-8")
    with pytest.raises(KcspError, match="line 1: expected columns " + ", ".join(MANIFEST_COLUMNS)):
        verify_raw(raw_copy)
