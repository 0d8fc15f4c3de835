"""Checks and conversions of the arrays that the public functions accept.

Every check raises a ``TypeError`` (wrong kind of value) or a ``ValueError``
(right kind, wrong content) whose message names the argument, the offending
value and what was expected, so that bad input never turns into a silently
wrong number.
"""

import numpy as np

__all__ = ["as_logits", "normalize_axis", "first_index", "as_probabilities"]


def first_index(mask):
    """Return the first index (a tuple) where the boolean array ``mask`` is true."""
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _dtype_for(arr, name, allow_complex=True):
    kind = arr.dtype.kind
    if kind in "iu":
        return np.float64
    if kind == "f":
        return np.float64
    if kind == "c" and allow_complex:
        return np.complex128
    expected = "real or complex numbers" if allow_complex else "real numbers"
    raise TypeError(f"{name} must hold {expected}, got an array of dtype {arr.dtype}")


def normalize_axis(axis, ndim, name="axis"):
    """Return ``axis`` as a non-negative int, or raise for an invalid one."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {axis!r}")
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array with {ndim} dimension(s)")
    return int(axis) % ndim


def as_logits(z, axis=-1, name="z"):
    """Return ``(z, axis)``: the logits as float64 or complex128 with a checked axis.

    The logits may hold ``-inf`` (a class with zero probability) but not NaN,
    not ``+inf`` (the distribution would be undefined) and not a row that is
    ``-inf`` everywhere (no distribution at all).  For complex logits these
    rules apply to the real part, and the imaginary part must be finite.
    """
    try:
        arr = np.asarray(z)
    except Exception as exc:  # e.g. ragged nested lists
        raise TypeError(f"{name} must be an array of numbers: {exc}") from None
    arr = arr.astype(_dtype_for(arr, name), copy=False)
    if arr.ndim == 0:
        raise ValueError(f"{name} must have at least one axis (a vector of logits), got a scalar")
    axis = normalize_axis(axis, arr.ndim)
    if arr.shape[axis] == 0:
        raise ValueError(f"{name} has no entries along axis {axis}: softmax needs n >= 1 logits")
    nan = np.isnan(arr)
    if nan.any():
        raise ValueError(f"{name} contains NaN at index {first_index(nan)}")
    real = arr.real
    if np.iscomplexobj(arr) and not np.isfinite(arr.imag).all():
        raise ValueError(f"{name} has an infinite imaginary part at index "
                         f"{first_index(~np.isfinite(arr.imag))}")
    pinf = real == np.inf
    if pinf.any():
        raise ValueError(f"{name} contains +inf at index {first_index(pinf)}; "
                         "logits must be finite or -inf")
    dead = np.all(real == -np.inf, axis=axis)
    if dead.any():
        where = first_index(np.atleast_1d(dead)) if dead.ndim else ()
        raise ValueError(f"{name} is -inf everywhere along axis {axis} at index {where}: "
                         "at least one logit must be finite")
    return arr, axis


def one_example(z, y):
    """One example's logits and target: z a finite real vector (n,), y a probability vector of length
    n or an integer class label (made one-hot).  Returns (z, y) as float arrays."""
    z, _ = as_logits(z)
    if z.ndim != 1 or np.iscomplexobj(z) or not np.isfinite(z).all():
        raise ValueError(f"z must be one finite real vector of logits (shape (n,)), got {z!r}")
    n = z.size
    y = np.asarray(y)
    if y.ndim == 0 and y.dtype.kind in "iu":
        if not 0 <= int(y) < n:
            raise ValueError(f"class label y={int(y)} is out of range 0..{n - 1}")
        y = np.eye(n)[int(y)]
    return z, np.asarray(y, dtype=float)


def as_probabilities(y, shape, axis, name="y", atol=1e-6):
    """Return ``y`` as float64 after checking it is a probability vector along ``axis``.

    Each entry must be finite and non-negative and each vector must sum to 1
    within ``atol``.
    """
    arr = np.asarray(y)
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} has dtype bool; pass float probabilities (e.g. one-hot as "
                        "0.0/1.0) or integer class labels")
    arr = arr.astype(_dtype_for(arr, name, allow_complex=False), copy=False)
    if arr.shape != tuple(shape):
        raise ValueError(f"{name} has shape {arr.shape}, expected {tuple(shape)} (the shape "
                         "of z) for probabilities, or z's shape without the class axis for "
                         "integer labels")
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} contains {float(arr[bad][0])} at index {first_index(bad)}; "
                         "probabilities must be finite")
    neg = arr < 0
    if neg.any():
        idx = first_index(neg)
        raise ValueError(f"{name} has a negative entry {float(arr[idx])!r} at index {idx}; "
                         "probabilities must be >= 0")
    total = arr.sum(axis=axis)
    off = np.abs(total - 1.0) > atol
    if np.any(off):
        idx = first_index(np.atleast_1d(off)) if np.ndim(off) else ()
        value = float(np.atleast_1d(total)[idx] if idx else total)
        raise ValueError(f"{name} sums to {value!r} along axis {axis} at index {idx}; "
                         f"a probability vector must sum to 1 (within {atol:g})")
    return arr
