"""Binary test documents (PDF, xlsx), built from their source in a test's folder.

Each entry of :data:`GENERATED` maps a document's file name to a function that writes
it to a given path. The documents are test documents written for kcsp-analysis's tests;
their figures are invented, and each has a truth file in ``truth/``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

GENERATED: dict[str, Callable[[Path], None]] = {}
"""File name to a writer of that document."""
