"""The processed files of the data contract: one module per file, with its columns.

- :mod:`~kcsp_analysis.processed.measures`: ``measures.csv``, the measures frame and
  its schema;
- :mod:`~kcsp_analysis.processed.reconciliation`: ``reconciliation.csv``, every check;
- :mod:`~kcsp_analysis.processed.revisions`: ``revisions.csv``, rows outside the
  current view;
- :mod:`~kcsp_analysis.processed.extraction_log`: ``extraction_log.csv``;
- :mod:`~kcsp_analysis.processed.snapshots`: the measures of each data update;
- :mod:`~kcsp_analysis.processed.tables`: CSV text as published, read with its header
  checked.
"""
