"""From the checker to documents: prove every claim once, then build each language.

This is the only module that asks :mod:`proofs` for verdicts and
:mod:`reports.experiments` for the network's data; everything downstream
works on plain results and data.
"""

from __future__ import annotations

from functools import partial

from .experiments import experiment_data
from .figures import cost_blocks, digits_blocks, slowdown_blocks
from .sections import FigureSet, build_document

__all__ = ["claim_results", "figure_set", "documents"]


def claim_results(n_max=8):
    """The checker's result for every claim of the lecture, in the lecture's order."""
    import proofs

    return [proofs.prove(claim.id, n=n_max) for claim in proofs.claims()]


def figure_set(data):
    """Which figure goes after which claim, given the experiments' data."""
    return FigureSet(after_claim={
        "softmax-sum": partial(digits_blocks, panels=data.digits, synthetic=data.synthetic),
        "ce-table": cost_blocks,
        "no-slowdown": partial(slowdown_blocks, data=data.slowdown),
    })


def documents(langs, n_max=8, includes=(), results=None, data=None):
    """``{lang: Document}``; the claims are proved once for all languages."""
    results = claim_results(n_max) if results is None else results
    data = experiment_data() if data is None else data
    figures = figure_set(data)
    extra = ()
    if includes:
        from .included import check_included, included_blocks

        checked = [check_included(path) for path in includes]
        extra = (partial(included_blocks, paths=includes, reports=checked),)
    return {lang: build_document(lang, results, figures, extra_blocks=extra) for lang in langs}
