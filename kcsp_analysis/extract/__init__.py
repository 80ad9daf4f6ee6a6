"""Extraction: every figure of every raw document, with provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kcsp_analysis.observations import Amendment, LogEntry, Observation, StatedChange


@dataclass
class Extraction:
    """What extraction found in a set of documents."""

    observations: list[Observation] = field(default_factory=list)
    stated_changes: list[StatedChange] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)


def extract_all(raw_dir: Path, files: list[str]) -> Extraction:
    """Extract every listed file (relative to ``raw_dir``): reports/ and figures/ only."""
    return Extraction()
