"""Verified lecture handouts: every formula printed from the expression the checker proved.

``python -m reports.build`` writes the Russian and English handouts as LaTeX
and Markdown (a lecturer's and a student's edition) and as Beamer slides.
The modules, one job each:

* :mod:`proofs.printer` -- the printer of the lecture's notation (on SymPy's
  ``LatexPrinter``), used for LaTeX and KaTeX alike;
* :mod:`reports.document` -- the document model; :mod:`reports.sections` --
  the sections built from the checker's results; :mod:`reports.definitions`
  -- definitions and notation; :mod:`reports.inline` -- formulas inside
  sentences; :mod:`reports.counterexample` -- counterexamples in words;
  :mod:`reports.lang` -- the Russian and English catalogs;
* :mod:`reports.chains` -- the lecture's own proofs as the slides write them
  (package data); :mod:`reports.lecture` -- those proofs through the step
  checker; :mod:`reports.errata` -- the errata section built from them;
* :mod:`reports.tex`, :mod:`reports.markdown` and :mod:`reports.beamer` --
  the three writers;
* :mod:`reports.plot`, :mod:`reports.pgfplots`, :mod:`reports.svg`,
  :mod:`reports.svgtext` -- plots from data, as PGFPlots and as SVG;
* :mod:`reports.table` -- the lecture's table of C against a_1;
  :mod:`reports.figures` -- the tables and figures per language;
  :mod:`reports.experiments` -- the NumPy network's data;
* :mod:`reports.included` -- a user's checked derivations (``--include``);
* :mod:`reports.atomic`, :mod:`reports.pdf`, :mod:`reports.pipeline`,
  :mod:`reports.build` -- writing, compiling and the command line.
"""

from proofs.printer import LecturePrinter, lecture_latex

__all__ = ["LecturePrinter", "lecture_latex"]
