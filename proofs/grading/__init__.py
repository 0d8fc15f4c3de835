r"""Derivations where people keep them: course repositories, students' answers, notebooks.

* :mod:`proofs.grading.pytest_plugin` -- ``pytest --derivations docs/``
  collects every chain of every Markdown and LaTeX file as a test item;
* :func:`check_claim` -- does a written chain prove a named claim of the
  lecture (``lemma-4``)?  It says "proves lemma-4" or exactly what is missing;
  :mod:`proofs.grading.cli` is its command line;
* :func:`check_text` -- check a LaTeX string directly;
* :mod:`proofs.grading.notebook` -- Markdown, LaTeX and HTML views of checked
  chains and claims for Jupyter (:func:`install_reprs` attaches them).

Nothing here decides a step: every verdict comes from the project's one step
checker, through :func:`proofs.reader.check_file`.
"""

from __future__ import annotations

__all__ = ["check_claim", "check_text", "Grade", "install_reprs"]


def __getattr__(name):
    # Imported on first use, so that loading the pytest plugin does not load the grader.
    if name in ("check_claim", "Grade"):
        from . import claim

        return getattr(claim, name)
    if name == "check_text":
        from .text import check_text

        return check_text
    if name == "install_reprs":
        from .notebook import install_reprs

        return install_reprs
    raise AttributeError(f"module 'proofs.grading' has no attribute {name!r}")
