"""Data for the demos: the UCI handwritten digits, or synthetic 8x8 digits without scikit-learn.

The UCI digits (1 797 images of 8x8 pixels, values 0..16) ship inside
scikit-learn, so loading them needs no download, only the optional ``demo``
extra: ``pip install 'softmax-proofs[demo]'``.  Everything else in
``numeric`` works without it; :func:`synthetic_digits` makes data of the same
shape for tests.
"""

from dataclasses import dataclass

import numpy as np

__all__ = ["Dataset", "DemoDependencyError", "load_digits", "synthetic_digits", "one_hot",
           "get_dataset"]

INSTALL_HINT = "pip install 'softmax-proofs[demo]'"


class DemoDependencyError(ImportError):
    """scikit-learn, needed only for the real handwritten digits, is not installed."""


@dataclass(frozen=True)
class Dataset:
    """A train/held-out split: inputs in [0, 1] with one 64-pixel image per row.

    ``Y_*`` are one-hot rows (``Y[x, j] = 1`` when example x is digit j) and
    ``labels_*`` the digits themselves; ``name`` is "digits" or "synthetic".
    """

    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    labels_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    labels_test: np.ndarray


def one_hot(labels, n=10):
    """Return one-hot rows for integer ``labels`` in 0..n-1."""
    labels = np.asarray(labels)
    return np.eye(n)[labels]


def _split(name, X, labels, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must lie strictly between 0 and 1, got {test_fraction!r}")
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = int(round(test_fraction * len(X)))
    test, train = order[:n_test], order[n_test:]
    return Dataset(name, X[train], one_hot(labels[train]), labels[train],
                   X[test], one_hot(labels[test]), labels[test])


def load_digits(test_fraction=0.25, seed=0):
    """Return the UCI digits shipped with scikit-learn, pixels scaled to [0, 1], split by ``seed``.

    Raises :class:`DemoDependencyError` naming the install command when
    scikit-learn is missing.
    """
    try:
        from sklearn.datasets import load_digits as sk_load_digits
    except ImportError:
        raise DemoDependencyError(
            "the handwritten digits come with scikit-learn, which is not installed; "
            f"install the demo extra: {INSTALL_HINT} (or use the synthetic data)") from None
    data = sk_load_digits()
    return _split("digits", data.data / 16.0, data.target.astype(int), test_fraction, seed)


def synthetic_digits(n=1800, test_fraction=0.25, seed=0, noise=0.6):
    """Return ``n`` synthetic 8x8 "digits": ten fixed random stroke patterns plus noise.

    Each class is a random pattern of bright pixels; an example is its
    pattern, shifted in brightness and blurred with Gaussian noise of size
    ``noise``, clipped to [0, 1].  Learnable, but not trivially: a good stand-in
    for tests that must run without scikit-learn.
    """
    rng = np.random.default_rng(seed)
    prototypes = (rng.random((10, 64)) < 0.3).astype(float)
    labels = rng.integers(0, 10, n)
    X = prototypes[labels] * rng.uniform(0.6, 1.0, (n, 1)) + noise * rng.standard_normal((n, 64))
    return _split("synthetic", np.clip(X, 0.0, 1.0), labels, test_fraction, seed)


def get_dataset(data="digits", seed=0):
    """Return a :class:`Dataset` from a name ("digits" or "synthetic") or pass one through."""
    if isinstance(data, Dataset):
        return data
    if data == "digits":
        return load_digits(seed=seed)
    if data == "synthetic":
        return synthetic_digits(seed=seed)
    raise ValueError(f"data must be 'digits', 'synthetic' or a Dataset, got {data!r}")
