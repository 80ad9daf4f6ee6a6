"""The one error type the package raises for bad input.

Messages read ``file: line N: what was expected, what was found`` so that an analyst can
go straight to the offending place. Tests assert the exact text.
"""

from __future__ import annotations


class KcspError(Exception):
    """Bad input or a broken promise about the data, named by file and place.

    Parameters
    ----------
    message
        What was expected and what was found.
    source
        The file the problem is in (as given, usually relative to ``data/raw``).
    locator
        Where in the file: ``line 12``, ``page 3``, ``row 5`` or ``sheet 'Q1' row 5``.
    """

    def __init__(self, message: str, *, source: str | None = None, locator: str | None = None):
        self.message = message
        self.source = source
        self.locator = locator
        super().__init__(self.__str__())

    def __str__(self) -> str:
        """Print as ``file: locator: message``."""
        parts = [p for p in (self.source, self.locator) if p]
        return ": ".join([*parts, self.message])
