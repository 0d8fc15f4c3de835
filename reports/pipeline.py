"""From the checker to documents: prove every claim once, then build each language.

This is the only module that asks :mod:`proofs` (and, through
:mod:`reports.lecture`, its step checker) for verdicts and
:mod:`reports.experiments` for the network's data; everything downstream
works on plain results and data.
"""

from __future__ import annotations

from functools import partial

from .experiments import experiment_data
from .figures import cost_blocks, digits_blocks, slowdown_blocks
from .sections import FigureSet, build_document

__all__ = ["claim_results", "figure_set", "documents"]


def claim_results(n_max=8, progress=None):
    """The checker's result for every claim of the lecture, in the lecture's order.

    The claims are proved in worker processes as ``python -m proofs.verify`` does;
    ``progress(text)`` hears of each one as it is done.
    """
    import proofs
    from proofs.prover import prove_many

    total = len(proofs.CLAIM_IDS)
    done = []

    def tell(result):
        done.append(result)
        if progress is not None:
            progress(f"checked {result.id} ({len(done)}/{total}): {result.verdict}")

    return prove_many(proofs.CLAIM_IDS, n_max=n_max, on_result=tell)


def figure_set(data):
    """Which figure goes after which claim, given the experiments' data."""
    return FigureSet(after_claim={
        "softmax-sum": partial(digits_blocks, panels=data.digits, synthetic=data.synthetic),
        "ce-table": cost_blocks,
        "no-slowdown": partial(slowdown_blocks, data=data.slowdown),
    })


def documents(langs, n_max=8, includes=(), results=None, data=None, progress=None, edition="lecturer",
              lecture=None, included=None):
    """``{lang: Document}``; the claims and the lecture's own proofs are checked once for all languages.

    A user's files (``includes``) are read first, so that one that cannot be
    read stops the build before the long parts; ``included`` may hold their
    reports, already checked.
    """
    extra = ()
    if includes:
        from .included import check_included, included_blocks

        checked = included if included is not None else [check_included(path) for path in includes]
        extra = (partial(included_blocks, paths=includes, reports=checked),)
    results = claim_results(n_max, progress) if results is None else results
    if lecture is None:
        from .lecture import check_lecture

        lecture = check_lecture(progress)
    if data is None:
        if progress is not None:
            progress("training the network for the figures")
        data = experiment_data()
    figures = figure_set(data)
    return {lang: build_document(lang, results, figures, extra_blocks=extra, edition=edition, lecture=lecture)
            for lang in langs}
