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
so the finite differences are accurate to nearly full precision.  For the
complex step it goes further: a step of 1e-20 i is linear to 40 digits, so
one step per neuron :math:`z_i^{(l)}` is carried through the later layers (in
batches of neurons, as matrix products) and spread over the neuron's weights
by :math:`\Delta C_x = s\,a_j^{(l-1)} G_{x,i}`, which makes a full check of
784-300-100-10 cost about a microsecond per parameter.
"""

import warnings

import numpy as np

from .structure import ParamStructure, loss_value, split_output
from .tolerances import COMPLEX_STEP, EPS, KAPPA, LINEAR_STEP_LIMIT

__all__ = ["FunctionObjective", "NetworkObjective", "NotComplexSafe"]

_CHUNK_ELEMENTS = 1 << 20  # elements of the largest temporary array per chunk


def _index_label(shape, flat):
    return tuple(int(i) for i in np.unravel_index(flat, shape))


class NotComplexSafe(Exception):
    """f failed when called with complex parameters; ``reason`` says how."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class FunctionObjective:
    """A user's ``f(params) -> loss``; every evaluation is one call of f.

    ``params`` is anything :class:`~numeric.gradcheck.structure.ParamStructure`
    accepts; f receives the same structure (float64 arrays, or complex128 for
    the complex step, which needs f to be analytic in them: no abs, no
    comparisons, no ``.real`` on the way to the result).  With
    ``vectorized=True`` f receives the structure with a leading batch axis on
    every array and returns one loss per row; at most ``batch_size`` rows are
    passed at once.  ``noise`` is the absolute noise of f's values beyond
    float64 rounding, set by the checker once it has been measured.
    """

    cheap = False  # each evaluation costs a call of f: use the short stencils

    def __init__(self, f, params, names=None, vectorized=False, batch_size=64):
        if not callable(f):
            raise TypeError(f"f must be a function of the parameters, got {type(f).__name__}")
        self.f = f
        self.structure = ParamStructure(params, names)
        self.params = self.structure.leaves
        self.names = self.structure.names
        self.vectorized = bool(vectorized)
        self.batch_size = int(batch_size)
        self.calls = 0
        self.noise = 0.0
        self._first_call()

    def _first_call(self):
        """Call f at params once: its value, and its gradient if it returns (loss, grad)."""
        if self.vectorized:
            arg = self.structure.build([p[None] for p in self.params])
        else:
            arg = self.structure.build([p.copy() for p in self.params])
        try:
            out = self._call(arg)
        except Exception as exc:
            form = ", with a leading batch axis on every array" if self.vectorized else ""
            raise ValueError(f"f(params) raised {type(exc).__name__}: {exc}; f receives params "
                             f"in the structure they were passed in ({self.structure.describe()}"
                             f"{form}), as float64 arrays") from exc
        if self.vectorized:
            values, grad = self._vector_values(out, 1, complex_ok=False), None
            value = values[0]
        else:
            value = loss_value(out)
            grad = split_output(out)[1]
        if not np.isfinite(value):
            raise ValueError(f"f(params) must be finite, got {value!r}")
        self.f0 = value
        self.returned_grad = None if grad is None else self.structure.flatten_like(
            grad, "the gradient returned by f")

    def _call(self, arg):
        self.calls += 1
        return self.f(arg)

    def _vector_values(self, out, m, complex_ok):
        values = np.asarray(split_output(out)[0])
        kinds = "iufc" if complex_ok else "iuf"
        if values.dtype.kind not in kinds or values.size != m:
            raise ValueError(f"with vectorized=True, f must return one loss per row of the "
                             f"batch ({m} values), got an array of shape {values.shape} and "
                             f"dtype {values.dtype}")
        return values.reshape(m)

    def describe(self, k, flat):
        """Return ``(name, layer, index)`` of entry ``flat`` of array k (layer is None)."""
        return self.names[k], None, _index_label(self.params[k].shape, flat)

    # -- evaluations ---------------------------------------------------------
    def values(self, changes, dtype=float):
        """Return f at theta + each change; a change is a list of (k, flat or None, delta).

        ``flat`` None means ``delta`` is a whole array added to array k.  Complex
        evaluations raise :class:`NotComplexSafe` when f raises, warns about
        discarding an imaginary part, or returns something that is not a number.
        """
        is_complex = np.dtype(dtype).kind == "c"
        out = np.empty(len(changes), dtype=complex if is_complex else float)
        with warnings.catch_warnings():
            if is_complex:
                warnings.simplefilter("error", np.exceptions.ComplexWarning
                                      if hasattr(np, "exceptions") else np.ComplexWarning)
            try:
                if self.vectorized:
                    self._values_vectorized(changes, dtype, out)
                else:
                    self._values_loop(changes, dtype, out)
            except NotComplexSafe:
                raise
            except Exception as exc:
                if not is_complex:
                    raise
                raise NotComplexSafe(f"f raised {type(exc).__name__} ({exc}) when called with "
                                     "complex parameters") from None
        return out

    def _values_loop(self, changes, dtype, out):
        work = [p.astype(dtype) for p in self.params]
        arg = self.structure.build(work)
        flat_views = [w.reshape(-1) for w in work]  # views: writing them changes work
        for n, change in enumerate(changes):
            saved = []
            for k, flat, delta in change:
                if flat is None:
                    saved.append((k, None, work[k].copy()))
                    work[k] += delta
                else:
                    saved.append((k, flat, flat_views[k][flat]))
                    flat_views[k][flat] = self.params[k].reshape(-1)[flat] + delta
            if any(np.ndim(w) == 0 for w in work):
                arg = self.structure.build(work)  # scalar leaves are passed by value
            out[n] = self._one(self._call(arg), dtype)
            for k, flat, old in reversed(saved):
                if flat is None:
                    work[k][...] = old
                else:
                    flat_views[k][flat] = old

    def _one(self, result, dtype):
        if np.dtype(dtype).kind != "c":
            return loss_value(result)
        try:
            return loss_value(result, complex_ok=True)
        except ValueError as exc:
            raise NotComplexSafe(f"with complex parameters {exc}") from None

    def _values_vectorized(self, changes, dtype, out):
        for start in range(0, len(changes), self.batch_size):
            part = changes[start:start + self.batch_size]
            m = len(part)
            batch = [np.broadcast_to(p.astype(dtype), (m,) + p.shape).copy() for p in self.params]
            for row, change in enumerate(part):
                for k, flat, delta in change:
                    if flat is None:
                        batch[k][row] += delta
                    else:
                        batch[k][row].reshape(-1)[flat] += delta
            result = self._call(self.structure.build(batch))
            kind = np.dtype(dtype).kind == "c"
            try:
                out[start:start + m] = self._vector_values(result, m, complex_ok=kind)
            except ValueError as exc:
                if kind:
                    raise NotComplexSafe(f"with complex parameters {exc}") from None
                raise

    def noise_of(self, values):
        """Return the absolute error of each value: float64 rounding, or f's measured noise."""
        if np.iscomplexobj(values):
            # Only the imaginary part is used; its error is relative to itself.
            return KAPPA * EPS * np.abs(values.imag)
        return np.maximum(KAPPA * EPS * np.maximum(np.abs(values), abs(self.f0)), self.noise)

    def coordinate(self, k, flat, offsets):
        """Return f(theta + offsets[m, s] e_{flat[m]}) - f(theta) for array k."""
        flat = np.asarray(flat)
        changes = [[(k, int(flat[m]), offsets[m, s])] for m in range(len(flat))
                   for s in range(offsets.shape[1])]
        values = self.values(changes, complex if np.iscomplexobj(offsets) else float)
        values = values.reshape(offsets.shape)
        return values - self.f0, self.noise_of(values), None

    def direction(self, k, v, offsets):
        """Return f(theta + offsets[s] v) - f(theta), v changing array k only."""
        changes = [[(k, None, off * v)] for off in offsets]
        values = self.values(changes, complex if np.iscomplexobj(offsets) else float)
        return values - self.f0, self.noise_of(values), None


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

    cheap = True  # evaluations are vectorized array operations: always the full stencil

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
        dC, noise, kink = self._propagate_examples(layer, dz, kink)
        return dC.mean(axis=-1), noise.mean(axis=-1), kink

    def _propagate_examples(self, layer, dz, kink=None):
        """Carry dz = Delta z^{(layer)} (shape (..., B, n_layer)) to Delta C of each example."""
        act, cost, params = self.net.activation, self.net.cost, self.params
        for l in range(layer, self.L):  # hidden layers l < L
            da, kk = act.diff(self.zs[l - 1], dz)
            if kk is not None:
                kk = kk.any(axis=-1)
                kink = kk if kink is None else (kink | kk)
            dz = da @ params[2 * l]  # Delta z^{(l+1)} = Delta a^{(l)} w^{(l+1)}
        dC = cost.diff(self.zs[-1], self.acts[-1], self.Y, dz)
        noise = KAPPA * (self.L + 1) * EPS * np.sum(np.abs(dz), axis=-1)
        if kink is not None:
            kink = kink.any(axis=-1)
        return dC, noise, kink

    def _sensitivities(self, layer, neurons):
        r"""Return ``G[x, m]`` = Im C_x(z^{(layer)} + i h e_i)/h for neuron i = neurons[m], h = 1e-20.

        This is the complex step of each example's cost in the pre-activation
        of one neuron, carried forward through the later layers in batches
        of neurons (matrix products).  Complex steps of this size are linear
        to 40 digits, so a step ``i h' a_j`` of the weight ``w_ji`` changes
        C_x by ``h' a_j G[x, i]`` exactly to rounding.
        """
        h = COMPLEX_STEP
        B, n_l = self.X.shape[0], self.net.sizes[layer]
        out = np.empty((B, len(neurons)))
        if layer == self.L:
            for i_pos, i in enumerate(neurons):
                dz = np.zeros((B, n_l), dtype=complex)
                dz[:, i] = 1j * h
                out[:, i_pos] = self.net.cost.diff(
                    self.zs[-1], self.acts[-1], self.Y, dz).imag / h
            return out
        width = max(self.net.sizes[layer + 1:])
        chunk = max(1, _CHUNK_ELEMENTS // (B * width))
        z = self.zs[layer - 1]
        for start in range(0, len(neurons), chunk):
            i = np.asarray(neurons[start:start + chunk])
            da, _ = self.net.activation.diff(z[:, i].T, np.full((len(i), B), 1j * h))
            dz = da[..., None] * self.params[2 * layer][i][:, None, :]  # (m, B, n_{l+1})
            dC = self._propagate_examples(layer + 1, dz)[0]
            out[:, start:start + len(i)] = (dC.imag / h).T
        return out

    def _complex_coordinate(self, k, flat, steps):
        """Return Delta C for the complex steps ``steps`` (imaginary, one per entry) of array k."""
        layer, is_w = k // 2 + 1, k % 2 == 0
        B = self.X.shape[0]
        if is_w:
            j, i = np.unravel_index(flat, self.params[k].shape)
        else:
            j, i = None, flat
        neurons, where = np.unique(i, return_inverse=True)
        G = self._sensitivities(layer, neurons)  # (B, len(neurons))
        if is_w:
            a_prev = self.acts[layer - 1]  # d z_i / d w_ji = a_j, per example
            factor = a_prev[:, j]
        else:
            factor = np.ones((B, len(flat)))
        terms = factor * G[:, where]
        slope = terms.sum(axis=0) / B
        noise = KAPPA * (self.L + 1) * EPS * np.abs(terms).sum(axis=0) / B
        h = np.abs(steps)
        return (1j * h * slope)[:, None], (h * noise)[:, None], None

    def coordinate(self, k, flat, offsets):
        """Return Delta C for entries ``flat`` of array k, in chunks of vectorized rank-1 updates."""
        flat = np.asarray(flat)
        if (offsets.shape[1] == 1 and np.iscomplexobj(offsets) and not np.any(offsets.real)
                and np.max(np.abs(offsets), initial=0.0) <= LINEAR_STEP_LIMIT):
            return self._complex_coordinate(k, flat, offsets[:, 0])
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
                    n_ = KAPPA * (self.L + 1) * EPS * np.mean(
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
