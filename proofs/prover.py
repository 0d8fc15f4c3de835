"""Running claims: every derivation for general n and each concrete n, every fact.

:func:`check_derivation` is the one entry point for chains -- the lecture's
built-in proofs and a user's derivations read by :mod:`proofs.reader` alike.
"""

from __future__ import annotations

import time

from .derivation import Claim, Derivation
from .facts import check_fact
from .stepcheck import check_chain
from .verdict import ClaimResult, worst

__all__ = ["check_derivation", "prove_claim", "prove_many"]


def check_derivation(derivation: Derivation, n_values=(None, 2, 3, 4), seed=0):
    """Check a chain for each of ``n_values`` it applies to (``None``: general n)."""
    return [check_chain(derivation, q, seed=seed) for q in n_values if derivation.applies_to(q)]


def prove_claim(claim: Claim, n_max=8, seed=0, numeric=None) -> ClaimResult:
    """Every verdict on ``claim``: general n, n = 1..n_max, its facts, and numeric evidence."""
    start = time.perf_counter()
    parts = []
    for number, derivation in enumerate(claim.parts):
        for result in check_derivation(derivation, (None, *range(1, n_max + 1)), seed=seed):
            result.part = number
            parts.append(result)
    facts = [check_fact(f) for f in claim.facts]
    general_vs = [p.verdict for p in parts if p.n is None] + [f.verdict for f in facts if f.n is None]
    general = worst(general_vs) if general_vs else None
    instances = {}
    for q in range(claim.min_n, n_max + 1):
        vs = [p.verdict for p in parts if p.n == q] + [f.verdict for f in facts if f.n == q]
        if vs:
            instances[q] = worst(vs)
    evidence = numeric(claim, seed, parts) if numeric is not None else None
    return ClaimResult(claim=claim, general=general, instances=instances, parts=parts,
                       facts=facts, numeric=evidence, seconds=time.perf_counter() - start)


def _prove_by_id(task):
    """Worker: prove one claim by id; the claim itself (which holds functions) stays behind."""
    from . import claim
    from .evidence import evidence

    claim_id, n_max, seed, numeric = task
    result = prove_claim(claim(claim_id), n_max=n_max, seed=seed, numeric=evidence if numeric else None)
    result.claim = claim_id
    return result


def _restore_expressions(result):
    """Put the derivations' own expressions back into a result that crossed a process boundary.

    Pickling rebuilds SymPy objects with evaluation, which would turn a step
    written as e^{z_j} / e^{z_j} into 1; the steps are printed as written.
    """
    for part in result.parts:
        exprs = result.claim.parts[part.part].expressions
        for step in part.steps:
            step.lhs, step.rhs = exprs[step.index - 1], exprs[step.index]


def _weight(claim_obj):
    """A rough cost of proving a claim, to start the longest ones first."""
    weight = 5 * len(claim_obj.facts)
    for part in claim_obj.parts:
        examples = part.model is not None and part.model.examples
        weight += (len(part.steps) + 2) * (4 if examples else 1) * (2 if part.hypotheses else 1)
    return weight


def prove_many(ids, n_max=8, seed=0, numeric=True, jobs=None, on_result=None):
    """Prove the claims ``ids``, in ``jobs`` processes (default: up to 2 CPUs).

    The claims that cost most are started first; ``on_result`` is called with each
    result as soon as it and all before it (in the order of ``ids``) are done, so
    that progress appears in the lecture's order.  Returns the results in that order.
    """
    import multiprocessing
    import os

    from . import claim

    cpus = os.cpu_count() or 1
    # Never more workers than claims or CPUs: more would only wait and cost memory.
    jobs = max(1, min(2 if jobs is None else jobs, cpus, len(ids)))
    tasks = [(cid, n_max, seed, numeric) for cid in ids]
    done = {}
    order = list(ids)
    emitted = 0

    def collect(result):
        nonlocal emitted
        result.claim = claim(result.claim)
        _restore_expressions(result)
        done[result.id] = result
        while emitted < len(order) and order[emitted] in done:
            if on_result is not None:
                on_result(done[order[emitted]])
            emitted += 1

    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for task in tasks:
            collect(_prove_by_id(task))
    else:
        tasks.sort(key=lambda task: -_weight(claim(task[0])))
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_ignores_interrupt)
        try:
            for result in pool.imap_unordered(_prove_by_id, tasks, chunksize=1):
                collect(result)
            pool.close()
        except BaseException:
            # Ctrl-C (or any failure) in the parent: the workers go with it, none is left behind.
            pool.terminate()
            raise
        finally:
            pool.join()
    return [done[cid] for cid in order]


def _worker_ignores_interrupt():
    """Workers leave Ctrl-C to the parent, which ends them; they print no traceback of their own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
