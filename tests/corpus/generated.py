"""Binary test documents (PDF, xlsx), built from their source in a test's folder.

Each entry of :data:`GENERATED` maps a document's file name to a function that writes
it to a given path. The documents are test documents written for kcsp-analysis's tests;
their figures are invented, and each has a truth file in ``truth/``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.corpus import pdf_documents, xlsx_documents

GENERATED: dict[str, Callable[[Path], None]] = {
    "2015-06-03_road_casualty_review.pdf": pdf_documents.road_casualty_review,
    "2017-06-27_district_crime_summary.pdf": pdf_documents.district_crime_summary,
    "2016-07-20_domestic_abuse_bulletin.pdf": pdf_documents.domestic_abuse_bulletin,
    "2018-03-14_annual_review.pdf": pdf_documents.annual_review,
    "2017-07-14_domestic_abuse_datapack.xlsx": xlsx_documents.domestic_abuse_datapack,
    "2017-02-09_east_kent_crime_datapack.xlsx": xlsx_documents.district_crime_datapack,
    "2019-01-10_marac_datapack.xlsx": xlsx_documents.marac_datapack,
}
"""File name to a writer of that document."""
