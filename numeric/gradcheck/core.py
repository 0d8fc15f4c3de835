"""The gradient checker: one procedure for any function and for a Network.

For each checked entry k the analytic gradient :math:`g_k` is compared with a
finite difference :math:`n_k` whose own error :math:`e_k` is estimated by the
scheme (see :mod:`numeric.fd`).  The entry passes when

.. math:: |g_k - n_k| \\le \\mathrm{safety} \\cdot e_k + 16\\,\\epsilon\\,(|g_k| + \\max_l |g_l|),

the last term allowing for the rounding of the analytic gradient itself.
So the tolerance follows from the error estimate, not from a fixed rtol: an
entry that finite differences resolve to 1e-12 is held to about 1e-11.
"""

import time

import numpy as np

from .._exact import accurate_sum
from ..fd import EPS, get_scheme, step_sizes
from .objectives import FunctionObjective, NetworkObjective
from .result import GradCheckResult, GradEntry

__all__ = ["check_gradients", "check_network", "MODES"]

MODES = ("full", "sample", "fast")
SAFETY = 10.0


def _check_grads(grads, params, names):
    grads = [np.asarray(g) for g in grads]
    if len(grads) != len(params):
        raise ValueError(f"grads has {len(grads)} arrays, params has {len(params)}")
    out = []
    for name, g, p in zip(names, grads, params):
        if g.shape != p.shape:
            raise ValueError(f"gradient of {name} has shape {g.shape}, expected {p.shape}")
        if g.dtype.kind not in "iuf":
            raise TypeError(f"gradient of {name} must be real, got dtype {g.dtype}")
        if not np.isfinite(g).all():
            raise ValueError(f"gradient of {name} contains NaN or inf")
        out.append(g.astype(float))
    return out


def _check_options(mode, n_samples, n_directions, seed):
    if mode not in MODES:
        raise ValueError(f"mode must be one of {list(MODES)}, got {mode!r}")
    for name, value in (("n_samples", n_samples), ("n_directions", n_directions)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return np.random.default_rng(seed)


def _coordinates(objective, grads, scheme, mode, rng, n_samples):
    """Yield (k, flat, analytic, numeric, fd_error, kink) per parameter array."""
    per_array = max(1, n_samples // len(grads))
    for k, (p, g) in enumerate(zip(objective.params, grads)):
        if mode == "full" or p.size <= per_array:
            flat = np.arange(p.size)
        else:
            flat = np.sort(rng.choice(p.size, size=per_array, replace=False))
        theta = p.reshape(-1)[flat]
        h = step_sizes(theta, scheme)
        offsets = h[:, None] * np.array(scheme.multiples)[None, :]
        df, noise, kink = objective.coordinate(k, flat, offsets)
        numeric, err = scheme.combine(df, noise, h)
        kink = np.zeros(len(flat), bool) if kink is None else kink.any(axis=-1)
        yield k, flat, g.reshape(-1)[flat], numeric, err, kink


def _directions(objective, grads, scheme, rng, n_directions):
    """Yield one record per random direction of each parameter array (fast mode)."""
    for k, (p, g) in enumerate(zip(objective.params, grads)):
        for d in range(n_directions):
            v = rng.standard_normal(p.shape)
            v /= np.linalg.norm(v)
            h = scheme.relative_step * max(1.0, float(np.max(np.abs(p))))
            offsets = h * np.array(scheme.multiples)
            df, noise, kink = objective.direction(k, v, offsets)
            numeric, err = scheme.combine(df[None], noise[None], np.array([h]))
            analytic = accurate_sum((g * v).reshape(-1))
            kink = False if kink is None else bool(np.any(kink))
            yield k, ("direction", d), np.array([analytic]), numeric, err, np.array([kink])


def _run(objective, grads, method, mode, seed, n_samples, n_directions, top):
    start = time.perf_counter()
    scheme = get_scheme(method)
    rng = _check_options(mode, n_samples, n_directions, seed)
    grads = _check_grads(grads, objective.params, objective.names)
    gmax = max((float(np.max(np.abs(g))) for g in grads if g.size), default=0.0)
    if mode == "fast":
        records = list(_directions(objective, grads, scheme, rng, n_directions))
    else:
        records = list(_coordinates(objective, grads, scheme, mode, rng, n_samples))

    analytic = np.concatenate([r[2] for r in records])
    numeric = np.concatenate([r[3] for r in records])
    fd_err = np.concatenate([r[4] for r in records])
    kink = np.concatenate([r[5] for r in records])
    tol = SAFETY * fd_err + 16 * EPS * (np.abs(analytic) + gmax)
    diff = np.abs(analytic - numeric)
    # Relative error: against max(|g|, |n|), or against the tolerance where both
    # are below it, so a zero gradient gives 0 rather than 0/0.
    rel = diff / np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)),
                            np.where(tol > 0, tol, np.finfo(float).tiny))
    smooth = ~kink
    bad = smooth & ~(diff <= tol)

    def entries(mask):
        idx = np.flatnonzero(mask)
        idx = idx[np.argsort(-(diff[idx] / np.maximum(tol[idx], np.finfo(float).tiny)),
                             kind="stable")]
        out = []
        owner = np.concatenate([[i] * len(r[2]) for i, r in enumerate(records)])
        offset = np.cumsum([0] + [len(r[2]) for r in records])
        for t in idx[:max(top, 0)] if mask is not bad else idx:
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
        ok=not bad.any(), method=method, mode=mode, n_checked=len(analytic),
        max_abs_error=float(diff[smooth].max(initial=0.0)),
        max_rel_error=float(rel[smooth].max(initial=0.0)),
        norm_rel_error=float(np.linalg.norm(analytic[smooth] - numeric[smooth]) / denom),
        fd_error=float(fd_err[smooth].max(initial=0.0)),
        fd_norm_rel_error=float(np.linalg.norm(fd_err[smooth]) / denom),
        worst=entries(smooth), mismatches=entries(bad), kinks=entries(kink),
        seconds=time.perf_counter() - start)


def _layer_of(objective, k):
    return objective.describe(k, 0)[1]


def check_gradients(f, params, grads, method="central", mode="full", seed=None,
                    n_samples=200, n_directions=1, names=None, top=5):
    """Check ``grads`` against finite differences of ``f(params) -> float``.

    ``params`` and ``grads`` are lists of arrays of equal shapes (a single
    array is accepted too).  ``method`` is "central", "richardson" or
    "complex" (f must then accept complex arrays and be analytic in them);
    ``mode`` is "full" (every entry), "sample" (about ``n_samples`` random
    entries, spread evenly over the arrays) or "fast" (``n_directions``
    random unit directions per array, so a small bias vector is checked on
    its own and not drowned by a large weight matrix).  Randomness comes only
    from ``numpy.random.default_rng(seed)``.

    Returns a :class:`GradCheckResult`; ``print(result)`` shows the report.
    """
    single = isinstance(params, np.ndarray)
    params = [params] if single else list(params)
    grads = [grads] if single else list(grads)
    objective = FunctionObjective(f if not single else (lambda ps: f(ps[0])), params, names)
    return _run(objective, grads, method, mode, seed, n_samples, n_directions, top)


def check_network(net, X, Y, method="central", mode="full", seed=None, n_samples=200,
                  n_directions=1, grads=None, top=5):
    """Check a :class:`numeric.Network`'s backprop on the batch (X, Y).

    ``grads`` defaults to ``net.gradients(X, Y)``.  The finite differences
    come from the network's forward pass alone (see
    :class:`~numeric.gradcheck.objectives.NetworkObjective`), batched as
    rank-1 updates, so a full check of every parameter is fast; a step that
    crosses a ReLU kink is reported as a kink, not as a mismatch.
    """
    objective = NetworkObjective(net, X, Y)
    if grads is None:
        grads = net.gradients(X, Y)
    return _run(objective, grads, method, mode, seed, n_samples, n_directions, top)
