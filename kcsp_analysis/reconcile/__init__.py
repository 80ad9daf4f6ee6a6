"""Reconciliation: what a paper states against its own numbers, and the current view.

- :mod:`~kcsp_analysis.reconcile.checks`: stated changes against the figures, figures
  published twice, totals against their parts;
- :mod:`~kcsp_analysis.reconcile.rounding`: whether a printed value is a rounding (or a
  truncation) of the recomputed one;
- :mod:`~kcsp_analysis.reconcile.current`: one value per measure, area and period, by
  one documented rule, and the revisions behind it.
"""
