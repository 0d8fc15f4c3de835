r"""The shapes in which users hand over parameters, gradients and losses.

Parameters may be a single NumPy array, a list or tuple of arrays, a dict of
arrays, or any nesting of these; :class:`ParamStructure` turns them into a flat
list of float64 arrays (the *leaves*), each with a name (``params[0]``,
``W1``, ``layers[1].b``), and rebuilds the same structure around perturbed
leaves for every call of f.  Gradients must come in the same structure.
A loss is a float, a 0-d or one-element array, or a tuple ``(loss, grad)``.
Anything else is refused with a ``ValueError`` that names the expected form.
"""

import numbers

import numpy as np

__all__ = ["ParamStructure", "split_output", "loss_value", "EXPECTED_PARAMS", "EXPECTED_LOSS"]

EXPECTED_PARAMS = ("params must be a NumPy array, a list or tuple of arrays, a dict of arrays, "
                   "or a nesting of these")
EXPECTED_LOSS = ("f must return the loss as a float, a 0-d or one-element array, or a tuple "
                 "(loss, grad)")


def _is_leaf(x):
    return isinstance(x, (np.ndarray, np.generic)) or (
        isinstance(x, numbers.Number) and not isinstance(x, bool))


class ParamStructure:
    """A nesting of lists, tuples and dicts with real arrays (or numbers) at the leaves.

    ``leaves`` are float64 copies of the arrays, ``names`` their names
    (``names=`` overrides them), ``build(leaves)`` puts arrays of the same
    shapes (or, with ``batch``, with a leading batch axis) back into the
    structure, and ``flatten_like(other, what)`` checks that ``other`` (e.g.
    the gradients) has this structure and returns its leaves.
    """

    def __init__(self, params, names=None, what="params"):
        self.what = what
        self.spec, leaves, auto_names = self._walk(params, what)
        if not leaves:
            raise ValueError(f"{what} is empty: nothing to check; {EXPECTED_PARAMS}")
        self.scalar = [np.ndim(leaf) == 0 and not isinstance(leaf, np.ndarray) for leaf in leaves]
        self.leaves = []
        for name, leaf in zip(auto_names, leaves):
            arr = np.asarray(leaf)
            if arr.dtype.kind not in "iuf":
                raise ValueError(f"{name} has dtype {arr.dtype}; {what} must hold real numbers")
            if not np.isfinite(arr).all():
                raise ValueError(f"{name} contains NaN or inf")
            self.leaves.append(np.array(arr, dtype=float))
        if sum(leaf.size for leaf in self.leaves) == 0:
            raise ValueError(f"{what} holds no entries (every array is empty): nothing to check")
        if names is None:
            self.names = auto_names
        else:
            self.names = [str(n) for n in names]
            if len(self.names) != len(self.leaves):
                raise ValueError(f"names has {len(self.names)} entries, {what} has "
                                 f"{len(self.leaves)} arrays")

    @staticmethod
    def _walk(x, path):
        """Return ``(spec, leaves, names)`` of the nesting x whose name is ``path``."""
        if _is_leaf(x):
            return None, [x], [path]
        if isinstance(x, dict):
            spec, leaves, names = [], [], []
            for key, value in x.items():
                sub = f"{key}" if path == "params" else f"{path}.{key}"
                s, l, n = ParamStructure._walk(value, sub)
                spec.append((key, s, len(l)))
                leaves += l
                names += n
            return ("dict", spec), leaves, names
        if isinstance(x, (list, tuple)):
            spec, leaves, names = [], [], []
            for k, value in enumerate(x):
                s, l, n = ParamStructure._walk(value, f"{path}[{k}]")
                spec.append((k, s, len(l)))
                leaves += l
                names += n
            return (type(x), spec), leaves, names
        raise ValueError(f"{EXPECTED_PARAMS}; got {type(x).__name__} at {path}")

    def build(self, leaves):
        """Return the structure of the original params with ``leaves`` at its leaves."""
        it = iter(leaves)

        def rebuild(spec, scalar_flags):
            if spec is None:
                leaf = next(it)
                return leaf[()] if next(scalar_flags) and np.ndim(leaf) == 0 else leaf
            kind, items = spec
            if kind == "dict":
                return {key: rebuild(s, scalar_flags) for key, s, _ in items}
            return kind(rebuild(s, scalar_flags) for _, s, _ in items)

        return rebuild(self.spec, iter(self.scalar))

    def flatten_like(self, other, what="grads"):
        """Return the leaves of ``other`` after checking it has this structure and these shapes.

        Dicts match by their keys, in any order; lists and tuples by position
        (a list where params has a tuple is accepted).
        """
        leaves = _leaves_like(self.spec, other)
        if leaves is None:
            raise ValueError(f"{what} must have the same structure as params "
                             f"({self.describe()}), got {_describe(other)}")
        return [gradient_array(name, g, p) for name, g, p in zip(self.names, leaves, self.leaves)]


    def describe(self):
        """A short description such as ``a list of 4 arrays`` or ``a dict with keys W1, b1``."""
        return _describe_spec(self.spec, len(self.leaves))


def _leaves_like(spec, x):
    """Return the leaves of x in the order of ``spec``, or None if x has another structure."""
    if spec is None:
        return [x] if _is_leaf(x) else None
    kind, items = spec
    if kind == "dict":
        if not isinstance(x, dict) or set(x) != {key for key, _, _ in items}:
            return None
        parts = [_leaves_like(sub, x[key]) for key, sub, _ in items]
    else:
        if not isinstance(x, (list, tuple)) or len(x) != len(items):
            return None
        parts = [_leaves_like(sub, value) for (_, sub, _), value in zip(items, x)]
    if any(part is None for part in parts):
        return None
    return [leaf for part in parts for leaf in part]


def _describe_spec(spec, n):
    if spec is None:
        return "one array"
    kind, items = spec
    if kind == "dict":
        return f"a dict with keys {', '.join(str(k) for k, _, _ in items)}"
    return f"a {kind.__name__} of {_count(len(items), 'item')} ({_count(n, 'array')})"


def _count(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _describe(x):
    if isinstance(x, dict):
        return f"a dict with keys {', '.join(str(k) for k in x)}"
    if isinstance(x, (list, tuple)):
        return f"a {type(x).__name__} of {_count(len(x), 'item')}"
    if isinstance(x, np.ndarray):
        return f"an array of shape {x.shape}"
    return type(x).__name__


def split_output(out):
    """Return ``(loss, grad_or_None)`` from what f returned: a loss or a tuple (loss, grad)."""
    if isinstance(out, tuple):
        if len(out) != 2:
            raise ValueError(f"{EXPECTED_LOSS}; got a tuple of {len(out)} items")
        return out
    return out, None


def loss_value(out, complex_ok=False):
    """Return the loss as a Python float (or complex), refusing anything that is not one number."""
    loss, _ = split_output(out)
    try:
        arr = np.asarray(loss)
    except Exception:
        arr = None
    kinds = "iufc" if complex_ok else "iuf"
    if arr is None or arr.dtype.kind not in kinds or arr.size != 1:
        got = (f"an array of shape {arr.shape} and dtype {arr.dtype}" if arr is not None
               else type(loss).__name__)
        raise ValueError(f"{EXPECTED_LOSS}; got {got}")
    value = arr.reshape(())[()]
    return complex(value) if arr.dtype.kind == "c" else float(value)


def gradient_array(name, g, p):
    """The gradient ``g`` of the parameter array ``p`` (named ``name``) as a float array, checked.

    It must have p's shape, be real and finite; the errors name the array and what was expected.
    """
    g = np.asarray(g)
    if g.shape != p.shape:
        raise ValueError(f"gradient of {name} has shape {g.shape}, expected {p.shape}")
    if g.dtype.kind not in "iuf":
        raise TypeError(f"gradient of {name} must be real, got dtype {g.dtype}")
    if not np.isfinite(g).all():
        raise ValueError(f"gradient of {name} contains NaN or inf")
    return g.astype(float)
