r"""The gradient checker: one procedure for any function and for a Network.

For each checked entry k the analytic gradient :math:`g_k` is compared with a
finite difference :math:`n_k` whose own error :math:`e_k` is estimated by the
scheme (see :mod:`numeric.fd`).  The entry passes when

.. math:: |g_k - n_k| \le \mathrm{SAFETY} \cdot e_k
          + \mathrm{ANALYTIC\_ULPS}\,\epsilon\,(|g_k| + \max_l |g_l|),

the last term allowing for the rounding of the analytic gradient itself (the
constants are in :mod:`numeric.gradcheck.tolerances`).  So the tolerance
follows from the error estimate, not from a fixed rtol: an entry that finite
differences resolve to 1e-12 is held to about 1e-11.

The steps, in order: measure f's noise (:mod:`.probes`); choose the method
(``auto``: the complex step where f is complex-safe, Richardson otherwise, or
central differences when f is noisier than float64);
evaluate every entry on the scheme's short stencil (2 calls of f for central);
evaluate the entries that fail there again on the full stencil; and call an
entry that still fails a *kink* when its one-sided differences disagree
beyond their error (the derivative jumps), a *mismatch* otherwise.
"""

import time

import numpy as np

from .._exact import accurate_sum
from ..fd import METHODS, SCHEMES, get_scheme, one_sided, step_sizes
from .objectives import FunctionObjective, NetworkObjective, NotComplexSafe
from .probes import (LIKELY_CAUSES, complex_safety, measure_noise, probe_entries,
                     truncation_bounds)
from .result import GradCheckResult, GradEntry
from .structure import gradient_array
from .tolerances import ANALYTIC_ULPS, EPS, KINK_EVIDENCE, SAFETY

__all__ = ["check_gradients", "check_network", "MODES", "METHODS"]

MODES = ("full", "sample", "fast")


def _check_options(method, mode, n_samples, n_directions, seed):
    if method not in METHODS:
        raise ValueError(f"method must be one of {list(METHODS)}, got {method!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {list(MODES)}, got {mode!r}")
    for name, value in (("n_samples", n_samples), ("n_directions", n_directions)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return np.random.default_rng(seed)


class _Plan:
    """The scheme chosen, why, the noise of f and the truncation bounds of the short stencil."""

    def __init__(self, scheme, reason, relative=EPS, noise_note=None, truncation=None):
        self.scheme, self.reason = scheme, reason
        self.relative, self.noise_note = relative, noise_note
        self.truncation = truncation
        self.requested = None
        self.fallbacks = 0  # entries where the complex step was replaced by Richardson


def _plan(objective, grads, method, rng):
    """Return the :class:`_Plan`: for a function, after measuring its noise and probing it."""
    if isinstance(objective, NetworkObjective):
        if method != "auto":
            return _Plan(get_scheme(method), "as requested")
        return _Plan(SCHEMES["complex"], "the network's forward pass is analytic in its "
                     "parameters (softmax, sigmoid, tanh, and ReLU by the sign of the real part)")
    sigma, relative, note = measure_noise(objective, rng)
    objective.noise = sigma
    probes = probe_entries(objective.params, grads)
    real = None
    if method in ("auto", "complex"):
        safe, why, real = complex_safety(objective, probes, relative)
        if method == "complex" and not safe:
            raise ValueError(f"method='complex' needs f to be complex-safe (analytic in complex "
                             f"parameters), and it is not: {why}; {LIKELY_CAUSES}; use "
                             "method='richardson', or the default method='auto', which "
                             "chooses it")
        if safe:
            return _Plan(SCHEMES["complex"], why if method == "auto" else "as requested",
                         relative, note)
        if note is None:
            scheme, reason = SCHEMES["richardson"], f"f is not complex-safe: {why}"
        else:
            # Richardson's wide stencil at a noisy f's large steps reaches across kinks.
            scheme, reason = SCHEMES["central"], (f"f is not complex-safe: {why}; f is noisy, "
                                                  "so central differences, the shortest stencil")
    else:
        scheme, reason = get_scheme(method), "as requested"
        if scheme.is_complex:
            return _Plan(scheme, reason, relative, note)
    trunc = truncation_bounds(objective, probes, scheme, relative,
                              real if scheme.name == "richardson" else None)
    return _Plan(scheme, reason, relative, note, trunc)


def _evaluate(objective, k, flat, plan, short):
    """Return ``(numeric, err, kink)`` for entries ``flat`` of array k, on the short or full stencil."""
    scheme = plan.scheme
    theta = objective.params[k].reshape(-1)[flat]
    h = step_sizes(theta, scheme, plan.relative)
    mult = np.array(scheme.multiples[:scheme.base] if short else scheme.multiples)
    offsets = h[:, None] * mult[None, :]
    df, noise, kink = objective.coordinate(k, flat, offsets)
    if short:
        numeric, err = scheme.combine_base(df, noise, h)
        err = err + plan.truncation[k] * h ** scheme.order
    else:
        numeric, err = scheme.combine(df, noise, h)
    if plan.relative > EPS and not scheme.is_complex:
        # f rounds its inputs too: the step it sees is h to within relative * |theta|.
        err = err + np.abs(numeric) * plan.relative * np.maximum(1.0, np.abs(theta)) / h
    kink = np.zeros(len(flat), bool) if kink is None else kink.any(axis=-1)
    return numeric, err, kink


def _tolerance(analytic, err, gmax):
    return SAFETY * err + ANALYTIC_ULPS * EPS * (np.abs(analytic) + gmax)


def _kinks(objective, k, flat, plan, analytic, numeric, err, gmax):
    """Return a mask of the failing entries ``flat`` that sit at, or next to, a kink.

    At central steps h, h/4, h/16 and h/64 in turn: an entry is at a kink
    when its one-sided differences disagree beyond their error (the
    derivative jumps within the stencil); it is next to one when the smaller
    stencil agrees with the analytic value and disagrees with the scheme's
    larger stencil (which reached across the kink).  An entry whose smaller
    stencil confirms the scheme's value and not the analytic one is a
    mismatch; so is one still undecided after the smallest step.
    """
    central = SCHEMES["central"]
    theta = objective.params[k].reshape(-1)[flat]
    h = step_sizes(theta, central, plan.relative)
    found = np.zeros(len(flat), bool)
    open_ = np.ones(len(flat), bool)
    for _ in range(4):
        idx = np.flatnonzero(open_)
        if not len(idx):
            break
        offsets = h[idx, None] * np.array(central.multiples)[None, :]
        df, noise, kink = objective.coordinate(k, flat[idx], offsets)
        forward, backward, gap_err = one_sided(df, noise, h[idx])
        d, d_err = central.combine(df, noise, h[idx])
        jump = np.abs(forward - backward) > KINK_EVIDENCE * gap_err
        if kink is not None:
            jump |= kink.any(axis=-1)
        apart = np.abs(d - numeric[idx]) > KINK_EVIDENCE * (d_err + err[idx])
        agrees = np.abs(d - analytic[idx]) <= _tolerance(analytic[idx], d_err, gmax)
        near = apart & agrees
        found[idx] = jump | near
        # Decided: a kink (jump or near), or a mismatch (the smaller stencil confirms
        # the larger one and not the analytic value).  Otherwise look closer.
        open_[idx] = ~(jump | near) & (agrees | apart)
        h = h / 4
    return found


def _coordinates(objective, grads, plan, mode, rng, n_samples, gmax):
    """Yield (k, flat, analytic, numeric, fd_error, kink) per parameter array."""
    per_array = max(1, n_samples // len(grads))
    short = not objective.cheap and not plan.scheme.is_complex
    for k, (p, g) in enumerate(zip(objective.params, grads)):
        if p.size == 0:
            continue
        if mode == "full" or p.size <= per_array:
            flat = np.arange(p.size)
        else:
            flat = np.sort(rng.choice(p.size, size=per_array, replace=False))
        analytic = g.reshape(-1)[flat]
        numeric, err, kink = _evaluate(objective, k, flat, plan, short)
        bad = ~kink & ~(np.abs(analytic - numeric) <= _tolerance(analytic, err, gmax))
        if short and bad.any():
            idx = np.flatnonzero(bad)
            numeric[idx], err[idx], kink[idx] = _evaluate(objective, k, flat[idx], plan, False)
            bad[idx] = ~kink[idx] & ~(np.abs(analytic[idx] - numeric[idx])
                                      <= _tolerance(analytic[idx], err[idx], gmax))
        if plan.scheme.is_complex and not objective.cheap and bad.any():
            _complex_fallback(objective, k, flat, plan, analytic, numeric, err, bad, gmax)
        if bad.any():
            idx = np.flatnonzero(bad)
            kink[idx] |= _kinks(objective, k, flat[idx], plan, analytic[idx], numeric[idx],
                                err[idx], gmax)
        yield k, flat, analytic, numeric, err, kink


def _complex_fallback(objective, k, flat, plan, analytic, numeric, err, bad, gmax):
    """Re-check failing complex-step entries by Richardson; update the arrays in place.

    Where a real Richardson difference agrees with the analytic value and
    differs from the complex step beyond both errors, f is not analytic in
    that entry (the probe's entries were fine, this one is not): under
    ``auto`` Richardson's value is used there, under ``complex`` the check
    stops with the entry's name.
    """
    idx = np.flatnonzero(bad)
    rich = _Plan(SCHEMES["richardson"], "", plan.relative)
    r_num, r_err, _ = _evaluate(objective, k, flat[idx], rich, False)
    agrees = np.abs(analytic[idx] - r_num) <= _tolerance(analytic[idx], r_err, gmax)
    differs = np.abs(r_num - numeric[idx]) > SAFETY * (r_err + err[idx])
    unsafe = agrees & differs
    if not unsafe.any():
        return
    if plan.requested == "complex":
        t = int(np.flatnonzero(unsafe)[0])
        name, _, index = objective.describe(k, flat[idx[t]])
        raise NotComplexSafe(
            f"the complex step gives {numeric[idx[t]]:.6g} at {name}[{', '.join(map(str, index))}] "
            f"but real differences give {r_num[t]:.6g}: f is not analytic there")
    where = idx[unsafe]
    numeric[where], err[where], bad[where] = r_num[unsafe], r_err[unsafe], False
    plan.fallbacks += int(unsafe.sum())


def _directions(objective, grads, plan, rng, n_directions):
    """Yield one record per random direction of each parameter array (fast mode)."""
    scheme = plan.scheme
    for k, (p, g) in enumerate(zip(objective.params, grads)):
        if p.size == 0:
            continue
        for d in range(n_directions):
            v = rng.standard_normal(p.shape)
            v /= np.linalg.norm(v)
            h = scheme.step(plan.relative) * max(1.0, float(np.max(np.abs(p))))
            offsets = h * np.array(scheme.multiples)
            df, noise, kink = objective.direction(k, v, offsets)
            numeric, err = scheme.combine(df[None], noise[None], np.array([h]))
            analytic = accurate_sum((g * v).reshape(-1))
            kink = False if kink is None else bool(np.any(kink))
            yield k, ("direction", d), np.array([analytic]), numeric, err, np.array([kink])


def _resolution(records, tol, analytic, names):
    """Per array: (name, best, median, absolute): the smallest error the check would catch."""
    out, start = [], 0
    by_array = {}
    for rec in records:
        n = len(rec[2])
        by_array.setdefault(rec[0], []).append(slice(start, start + n))
        start += n
    for k, slices in by_array.items():
        t = np.concatenate([tol[s] for s in slices])
        g = np.abs(np.concatenate([analytic[s] for s in slices]))
        nonzero = g > 0
        if nonzero.any():
            r = t[nonzero] / g[nonzero]
            out.append((names[k], float(r.min()), float(np.median(r)), False))
        else:
            out.append((names[k], float(t.min()), float(np.median(t)), True))
    return out


def _run(objective, grads, method, mode, seed, n_samples, n_directions, top):
    start = time.perf_counter()
    rng = _check_options(method, mode, n_samples, n_directions, seed)
    gmax = max((float(np.max(np.abs(g))) for g in grads if g.size), default=0.0)
    plan = _plan(objective, grads, method, rng)
    plan.requested = method
    try:
        if mode == "fast":
            records = list(_directions(objective, grads, plan, rng, n_directions))
        else:
            records = list(_coordinates(objective, grads, plan, mode, rng, n_samples, gmax))
    except NotComplexSafe as exc:
        raise ValueError(f"f is not complex-safe: {exc.reason}; {LIKELY_CAUSES}; use "
                         "method='richardson'") from None

    analytic = np.concatenate([r[2] for r in records])
    numeric = np.concatenate([r[3] for r in records])
    fd_err = np.concatenate([r[4] for r in records])
    kink = np.concatenate([r[5] for r in records])
    tol = _tolerance(analytic, fd_err, gmax)
    diff = np.abs(analytic - numeric)
    # Relative error: against max(|g|, |n|), or against the tolerance where both
    # are below it, so a zero gradient gives 0 rather than 0/0.
    rel = diff / np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)),
                            np.where(tol > 0, tol, np.finfo(float).tiny))
    smooth = ~kink
    bad = smooth & ~(diff <= tol)
    owner = np.concatenate([[i] * len(r[2]) for i, r in enumerate(records)])
    offset = np.cumsum([0] + [len(r[2]) for r in records])

    def entries(mask, limit=None):
        idx = np.flatnonzero(mask)
        idx = idx[np.argsort(-(diff[idx] / np.maximum(tol[idx], np.finfo(float).tiny)),
                             kind="stable")]
        out = []
        for t in idx[:limit]:
            rec = records[owner[t]]
            k, where = rec[0], rec[1]
            if mode == "fast":
                name, layer, index = objective.describe(k, 0)[0], _layer_of(objective, k), where
            else:
                name, layer, index = objective.describe(k, where[t - offset[owner[t]]])
            out.append(GradEntry(name, layer, index, float(analytic[t]), float(numeric[t]),
                                 float(diff[t]), float(rel[t]), float(fd_err[t]),
                                 float(tol[t]), bool(kink[t])))
        return out

    na, nn = np.linalg.norm(analytic[smooth]), np.linalg.norm(numeric[smooth])
    denom = max(na, nn) or 1.0
    return GradCheckResult(
        ok=not bad.any(), method=plan.scheme.name, mode=mode, n_checked=len(analytic),
        max_abs_error=float(diff[smooth].max(initial=0.0)),
        max_rel_error=float(rel[smooth].max(initial=0.0)),
        norm_rel_error=float(np.linalg.norm(analytic[smooth] - numeric[smooth]) / denom),
        fd_error=float(fd_err[smooth].max(initial=0.0)),
        fd_norm_rel_error=float(np.linalg.norm(fd_err[smooth]) / denom),
        worst=entries(smooth, max(top, 0)), mismatches=entries(bad), kinks=entries(kink),
        seconds=time.perf_counter() - start, requested_method=method,
        reason=plan.reason + (f"; at {plan.fallbacks} {'entry' if plan.fallbacks == 1 else 'entries'}"
                              " the complex step disagreed with "
                              "real differences that agree with the gradient (f is not analytic "
                              "there): Richardson's value is used for them"
                              if plan.fallbacks else ""),
        noise_note=plan.noise_note,
        resolution=_resolution(records, tol, analytic, objective.names),
        calls=getattr(objective, "calls", None))


def _layer_of(objective, k):
    return objective.describe(k, 0)[1]


def check_gradients(f, params, grads=None, method="auto", mode="full", seed=None,
                    n_samples=200, n_directions=1, names=None, top=5, vectorized=False,
                    batch_size=64):
    """Check ``grads`` against finite differences of ``f(params) -> loss``.

    ``params`` is a NumPy array, a list or tuple of arrays, a dict of arrays
    (entries are then named from the keys: ``W1[3, 7]``) or a nesting of
    these; f receives the same structure, with float64 arrays (complex128
    ones for the complex step).  f returns the loss as a float, a 0-d or
    one-element array, or a tuple ``(loss, grad)``; ``grads`` has the
    structure of ``params`` and defaults to the ``grad`` that f returns.

    ``method`` is "auto" (the complex step where f is complex-safe, probed
    on a few entries, Richardson otherwise; the report says which and why),
    "complex" (refused with the likely cause when f is not complex-safe),
    "richardson" or "central" (2 calls of f per entry; entries that fail
    are evaluated again with 2 more).  ``mode`` is "full" (every entry),
    "sample" (about ``n_samples`` random entries, spread evenly over the
    arrays) or "fast" (``n_directions`` random unit directions per array).
    With ``vectorized=True`` f takes a batch: every array gets a leading
    axis of up to ``batch_size`` rows, and f returns one loss per row.
    ``names`` overrides the arrays' names in the report.  f's noise is
    measured first; when it is above float64's (float32 inside f), steps
    and tolerances follow from it and the report says so.  A failing entry
    whose one-sided differences disagree (a kink) is reported as a kink,
    not as a mismatch.  Randomness comes only from
    ``numpy.random.default_rng(seed)``.

    >>> import numpy as np
    >>> r = check_gradients(lambda p: np.sum(np.sin(p["w"])), {"w": np.ones(3)},
    ...                     {"w": np.cos(np.ones(3))}, seed=0)
    >>> r.ok, r.method
    (True, 'complex')

    Returns a :class:`GradCheckResult`; ``print(result)`` shows the report.
    """
    objective = FunctionObjective(f, params, names, vectorized=vectorized, batch_size=batch_size)
    if grads is None:
        if objective.returned_grad is None:
            raise ValueError("grads is not given and f returns only a loss: pass grads (the "
                             "same structure as params) or let f return (loss, grad)")
        grad_leaves = objective.returned_grad
    else:
        grad_leaves = objective.structure.flatten_like(grads, "grads")
    return _run(objective, grad_leaves, method, mode, seed, n_samples, n_directions, top)


def check_network(net, X, Y, method="auto", mode="full", seed=None, n_samples=200,
                  n_directions=1, grads=None, top=5):
    """Check a :class:`numeric.Network`'s backprop on the batch (X, Y).

    ``grads`` defaults to ``net.gradients(X, Y)``.  The finite differences
    come from the network's forward pass alone (see
    :class:`~numeric.gradcheck.objectives.NetworkObjective`), batched, so a
    full check of every parameter is fast; "auto" is the complex step.  A
    step that crosses a ReLU kink is reported as a kink, not as a mismatch.
    """
    objective = NetworkObjective(net, X, Y)
    if grads is None:
        grads = net.gradients(X, Y)
    grads = _network_grads(grads, objective)
    return _run(objective, grads, method, mode, seed, n_samples, n_directions, top)


def _network_grads(grads, objective):
    grads = list(grads)
    if len(grads) != len(objective.params):
        raise ValueError(f"grads has {len(grads)} arrays, params has {len(objective.params)}")
    return [gradient_array(name, g, p) for name, g, p in zip(objective.names, grads, objective.params)]
