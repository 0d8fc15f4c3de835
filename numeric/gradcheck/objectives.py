r"""What the gradient checker differentiates: any function, or a Network's loss.

An objective answers two questions for the finite-difference schemes:

* ``coordinate(k, flat, offsets)``: :math:`\Delta f = f(\theta + s\,e) - f(\theta)`
  for the entries ``flat`` of parameter array k and offsets ``offsets[m, s]``;
* ``direction(k, v, offsets)``: the same along a unit vector v of array k.

Each returns ``(df, noise, kink)``: the differences, an estimate of their
absolute rounding error, and a boolean mask of evaluations that crossed a
kink (or ``None``).  :class:`FunctionObjective` calls f once per evaluation.
:class:`NetworkObjective` uses the structure of the network: a change of one
weight :math:`w_{ji}^{(l)}` changes only :math:`z_i^{(l)}`, by
:math:`s\,a_j^{(l-1)}` for each example, so thousands of perturbed forward
passes are a few vectorized array operations; and it propagates the
*differences* :math:`\Delta z, \Delta a, \Delta C` in forms that do not cancel,
so the finite differences are accurate to nearly full precision.
"""

import numpy as np

from ..fd import EPS

__all__ = ["FunctionObjective", "NetworkObjective"]

_KAPPA = 8.0  # rounding errors assumed per evaluation, in units of eps * |value|
_CHUNK_ELEMENTS = 1 << 20  # elements of the largest temporary array per chunk


def _index_label(shape, flat):
    return tuple(int(i) for i in np.unravel_index(flat, shape))


class FunctionObjective:
    """A user's ``f(params) -> float``; every evaluation is one call of f.

    For the complex step, f is called with complex arrays and must be analytic
    in them (no abs, no comparisons, no ``.real`` on the way to the result).
    """

    def __init__(self, f, params, names=None):
        self.f = f
        self.params = [np.array(p, dtype=float) for p in params]
        self.names = list(names) if names is not None else [
            f"params[{k}]" for k in range(len(self.params))]
        value = np.asarray(f([p.copy() for p in self.params]))
        if value.size != 1 or value.dtype.kind not in "iuf" or not np.isfinite(value):
            raise ValueError(f"f(params) must return one finite real number, got {value!r}")
        self.f0 = float(value)

    def describe(self, k, flat):
        """Return ``(name, layer, index)`` of entry ``flat`` of array k (layer is None)."""
        return self.names[k], None, _index_label(self.params[k].shape, flat)

    def _work(self, offsets):
        dtype = complex if np.iscomplexobj(offsets) else float
        return [p.astype(dtype) for p in self.params]

    def _finish(self, values):
        df = values - self.f0
        if np.iscomplexobj(values):
            # Only the imaginary part is used; its error is relative to itself.
            noise = _KAPPA * EPS * np.abs(df.imag)
        else:
            noise = _KAPPA * EPS * np.maximum(np.abs(values), abs(self.f0))
        return df, noise, None

    def coordinate(self, k, flat, offsets):
        """Return f(theta + offsets[m, s] e_{flat[m]}) - f(theta) for array k."""
        work = self._work(offsets)
        values = np.empty(offsets.shape, dtype=offsets.dtype)
        target = work[k].reshape(-1)  # a view: writing it changes work[k]
        for m, idx in enumerate(flat):
            base = target[idx]
            for s in range(offsets.shape[1]):
                target[idx] = base + offsets[m, s]
                values[m, s] = self.f(work)
            target[idx] = base
        return self._finish(values)

    def direction(self, k, v, offsets):
        """Return f(theta + offsets[s] v) - f(theta), v changing array k only."""
        work = self._work(offsets)
        base = work[k].copy()
        values = np.empty(offsets.shape, dtype=offsets.dtype)
        for s, off in enumerate(offsets):
            work[k] = base + off * v
            values[s] = self.f(work)
        return self._finish(values)


class NetworkObjective:
    """The mean loss of a :class:`numeric.Network` on a fixed batch (X, Y).

    The base forward pass is computed once.  A perturbation enters as a change
    :math:`\\Delta z^{(l)}` of one layer's pre-activations and is carried
    forward as differences: :math:`\\Delta a = \\sigma(z + \\Delta z) - \\sigma(z)`
    by the activation's ``diff``, :math:`\\Delta z^{(l+1)} = \\Delta a\\, w^{(l+1)}`,
    and at the output the cost's ``diff``.  None of these subtracts two
    nearly equal numbers, so the rounding error of :math:`\\Delta C` is a few
    eps relative to :math:`|\\Delta z|`, not to |C|.
    """

    def __init__(self, net, X, Y):
        self.net = net
        self.X, self.Y = net._check_xy(X, Y)
        net.loss(self.X, self.Y)  # validates Y for the cost (e.g. rows summing to 1)
        self.params = net.params
        self.names = net.param_names()
        self.zs, self.acts = net.forward(self.X)
        self.L = net.n_layers

    def describe(self, k, flat):
        """Return ``(name, layer, index)``: index is (j, i) for w_ji, (i,) for b_i."""
        return self.names[k], k // 2 + 1, _index_label(self.params[k].shape, flat)

    def _propagate(self, layer, dz, kink=None):
        """Carry dz = Delta z^{(layer)} (shape (..., B, n_layer)) to Delta C (mean over B)."""
        act, cost, params = self.net.activation, self.net.cost, self.params
        for l in range(layer, self.L):  # hidden layers l < L
            da, kk = act.diff(self.zs[l - 1], dz)
            if kk is not None:
                kk = kk.any(axis=-1)
                kink = kk if kink is None else (kink | kk)
            dz = da @ params[2 * l]  # Delta z^{(l+1)} = Delta a^{(l)} w^{(l+1)}
        dC = cost.diff(self.zs[-1], self.acts[-1], self.Y, dz)
        noise = _KAPPA * (self.L + 1) * EPS * np.sum(np.abs(dz), axis=-1)
        if kink is not None:
            kink = kink.any(axis=-1)
        return dC.mean(axis=-1), noise.mean(axis=-1), kink

    def coordinate(self, k, flat, offsets):
        """Return Delta C for entries ``flat`` of array k, in chunks of vectorized rank-1 updates."""
        flat = np.asarray(flat)
        layer, is_w = k // 2 + 1, k % 2 == 0
        B = self.X.shape[0]
        width = max(self.net.sizes[layer:])
        chunk = max(1, _CHUNK_ELEMENTS // (offsets.shape[1] * B * width))
        dtype = np.result_type(offsets, float)
        df = np.empty(offsets.shape, dtype=dtype)
        noise = np.empty(offsets.shape)
        kink = np.zeros(offsets.shape, dtype=bool)
        a_prev = self.acts[layer - 1]  # rows: examples; a_prev[x, j] = a_j^{(l-1)}
        z = self.zs[layer - 1]
        cost, moments = self.net.cost, None
        if layer + 1 == self.L and hasattr(cost, "diff_rank1"):
            # Neuron i of layer L-1 moves the output by a multiple of row i of w^{(L)}.
            w_last = self.params[2 * layer]
            w_max = float(np.max(np.abs(w_last)))
            # |Delta a_i| <= max|step * a_j| * max sigma' (sigma' <= 1 for our activations).
            u_max = float(np.max(np.abs(offsets), initial=0.0)) * max(
                1.0, float(np.max(np.abs(a_prev), initial=0.0)))
            if u_max * w_max <= cost.RANK1_LIMIT:
                terms = cost.rank1_terms(u_max * w_max)
                moments = cost.rank1_moments(self.acts[-1], self.Y, w_last, terms)
        for start in range(0, len(flat), chunk):
            sl = slice(start, start + chunk)
            if is_w:
                j, i = np.unravel_index(flat[sl], self.params[k].shape)
                factor = a_prev[:, j].T[:, None, :]  # d z_i / d w_ji = a_j, per example
            else:
                i = flat[sl]
                factor = np.ones((len(i), 1, B))
            step = offsets[sl][:, :, None] * factor  # Delta z_i, shape (m, S, B)
            if layer == self.L:
                dz = np.zeros(step.shape + (self.net.sizes[-1],), dtype=dtype)
                dz[np.arange(len(i)), :, :, i] = step
                d, n_, kk = self._propagate(layer, dz)
            else:
                da, kk = self.net.activation.diff(z[:, i].T[:, None, :], step)
                w_out = self.params[2 * layer][i]  # row i of w^{(l+1)}: weights out of neuron i
                if moments is not None and np.max(np.abs(da)) * w_max <= cost.RANK1_LIMIT:
                    d = cost.diff_rank1(da, [mom[i][:, None, :] for mom in moments])
                    d = d.mean(axis=-1)
                    n_ = _KAPPA * (self.L + 1) * EPS * np.mean(
                        np.abs(da) * np.sum(np.abs(w_out), axis=-1)[:, None, None], axis=-1)
                    kk = None if kk is None else kk.any(axis=-1)
                else:
                    dz = da[..., None] * w_out[:, None, None, :]
                    d, n_, kk = self._propagate(layer + 1, dz, kk)
            df[sl], noise[sl] = d, n_
            if kk is not None:
                kink[sl] = kk
        return df, noise, kink

    def direction(self, k, v, offsets):
        """Return Delta C along the unit vector v of array k, for each offset."""
        layer, is_w = k // 2 + 1, k % 2 == 0
        shift = self.acts[layer - 1] @ v if is_w else np.broadcast_to(v, self.zs[layer - 1].shape)
        dz = offsets[:, None, None] * shift[None]
        return self._propagate(layer, dz)
