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
    """Worker: prove one claim by id, and send back its verdicts keyed by (claim id, part, step).

    The claim itself (which holds functions) and the steps' expressions stay
    behind: the parent joins the verdicts with its own Claim objects.
    """
    from .claims import claim
    from .evidence import evidence

    claim_id, n_max, seed, numeric = task
    result = prove_claim(claim(claim_id), n_max=n_max, seed=seed, numeric=evidence if numeric else None)
    result.claim = claim_id
    for part in result.parts:
        for step in part.steps:
            step.lhs = step.rhs = None
    return result


def _join(result):
    """Put the parent's own claim, and its derivations' expressions, into a worker's verdicts.

    The steps are printed as written: the expressions are the derivations' own
    objects, not copies rebuilt by unpickling (which evaluates, turning a step
    written as e^{z_j} / e^{z_j} into 1).
    """
    from .claims import claim

    result.claim = claim(result.claim)
    for part in result.parts:
        exprs = result.claim.parts[part.part].expressions
        for step in part.steps:
            step.lhs, step.rhs = exprs[step.index - 1], exprs[step.index]
    return result


def prove_many(ids, n_max=8, seed=0, numeric=True, jobs=None, on_result=None):
    """Prove the claims ``ids``, in ``jobs`` processes (default: up to 2 CPUs).

    ``on_result`` is called with each result as soon as it and all before it
    (in the order of ``ids``) are done, so that progress appears in the
    lecture's order.  Returns the results in that order.

    Neighbouring claims of the lecture share much of their work (the delta
    chain of Lemma 4 returns in the gradients and in no-slowdown), which each
    process remembers; so each worker takes the claims in a run of
    neighbours: the even-numbered workers from the front of ``ids``, the odd
    ones from the back, until they meet.
    """
    import os

    cpus = os.cpu_count() or 1
    # Never more workers than claims or CPUs: more would only wait and cost memory.
    jobs = max(1, min(2 if jobs is None else jobs, cpus, len(ids)))
    order = list(ids)
    done = {}
    emitted = 0

    def collect(result):
        nonlocal emitted
        done[result.id] = _join(result)
        while emitted < len(order) and order[emitted] in done:
            if on_result is not None:
                on_result(done[order[emitted]])
            emitted += 1

    tasks = [(cid, n_max, seed, numeric) for cid in order]
    if jobs == 1 or not _can_fork():
        for task in tasks:
            collect(_prove_by_id(task))
    else:
        for result in _from_both_ends(tasks, jobs):
            collect(result)
    return [done[cid] for cid in order]


def _can_fork():
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _from_both_ends(tasks, jobs):
    """Run ``tasks`` in ``jobs`` forked workers that take them from both ends; yield each result.

    Ctrl-C (or any failure) in the parent ends the workers: none is left behind.
    A worker's exception is raised in the parent.
    """
    import multiprocessing
    import queue as queues

    ctx = multiprocessing.get_context("fork")
    lock = ctx.Lock()
    ends = ctx.Array("i", [0, len(tasks) - 1], lock=False)
    results = ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(tasks, k % 2 == 1, ends, lock, results), daemon=True)
               for k in range(jobs)]
    try:
        for w in workers:
            w.start()
        for _ in tasks:
            while True:
                try:
                    kind, payload = results.get(timeout=0.5)
                    break
                except queues.Empty:
                    if any(w.exitcode not in (None, 0) for w in workers):
                        raise RuntimeError("a worker process ended without finishing its claims") from None
            if kind == "error":
                raise payload
            yield payload
    finally:
        for w in workers:
            if w.is_alive():
                w.terminate()
        for w in workers:
            w.join()


def _worker(tasks, from_back, ends, lock, results):
    """Take tasks from one end until none is left; send each result, or the exception that stopped it."""
    import signal

    # Workers leave Ctrl-C to the parent, which ends them; they print no traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        with lock:
            if ends[0] > ends[1]:
                return
            if from_back:
                index = ends[1]
                ends[1] -= 1
            else:
                index = ends[0]
                ends[0] += 1
        try:
            results.put(("ok", _prove_by_id(tasks[index])))
        except Exception as exc:  # sent to the parent, which raises it
            results.put(("error", exc))
            return
