"""``python -m kcsp_analysis`` is the same as ``kcsp``."""

import sys

from kcsp_analysis.cli import main

if __name__ == "__main__":
    sys.exit(main())
