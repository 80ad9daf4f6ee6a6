"""``kcsp extract`` and ``kcsp build``: the commands that rerun everything.

- :mod:`~kcsp_analysis.build.extraction`: raw files in, the processed files out,
  atomically;
- :mod:`~kcsp_analysis.build.briefings`: extract, run the notebooks, write ``reports/``;
- :mod:`~kcsp_analysis.build.cache`: the content hashes that let a step be skipped;
- :mod:`~kcsp_analysis.build.kernels`: long-lived Jupyter kernels running notebooks;
- :mod:`~kcsp_analysis.build.html_export`: executed notebooks to HTML pages (nbconvert
  and the template in ``templates/``).
"""
