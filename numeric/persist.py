"""Saving a trained network to ``.npz`` and loading it back, refusing anything that does not fit.

The file holds the layer sizes, the activation and cost names, a format tag
and the arrays ``w1, b1, w2, b2, ...``.  It is written atomically: to a
temporary file in the same folder, then renamed over the target, so an
interrupted save never leaves a half-written file behind.
"""

import os
import tempfile
import zipfile

import numpy as np

from .network import Network

__all__ = ["save_network", "load_network"]

FORMAT = "numeric.Network/1"


def save_network(net, path):
    """Write ``net`` to ``path`` (a ``.npz`` file) atomically; return the path."""
    path = os.fspath(path)
    arrays = {name: p for name, p in zip(net.param_names(), net.params)}
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npz", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, format=np.array(FORMAT), sizes=np.array(net.sizes),
                     activation=np.array(net.activation.name), cost=np.array(net.cost.name),
                     **arrays)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def load_network(path, sizes=None):
    """Return the :class:`Network` saved in ``path``.

    Raises ``ValueError`` naming the problem when the file is not a network
    file (corrupt, truncated, another format), when its arrays do not fit its
    layer sizes or are not finite, or when ``sizes`` is given and differs.
    A missing file raises ``FileNotFoundError``.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no network file at {path}")
    try:
        with np.load(path, allow_pickle=False) as data:
            contents = {key: data[key] for key in data.files}
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, KeyError) as exc:
        raise ValueError(f"{path} is not a readable .npz network file "
                         f"({type(exc).__name__})") from None
    if str(contents.get("format", "")) != FORMAT:
        raise ValueError(f"{path} is not a {FORMAT} file (format tag "
                         f"{str(contents.get('format', 'missing'))!r})")
    try:
        file_sizes = [int(s) for s in contents["sizes"]]
        params = [contents[f"{kind}{layer}"] for layer in range(1, len(file_sizes))
                  for kind in "wb"]
        activation, cost = str(contents["activation"]), str(contents["cost"])
    except KeyError as exc:
        raise ValueError(f"{path} lacks the array {exc}") from None
    for k, p in enumerate(params):
        layer = k // 2 + 1
        expected = ((file_sizes[layer - 1], file_sizes[layer]) if k % 2 == 0
                    else (file_sizes[layer],))
        if p.shape != expected or p.dtype.kind != "f" or not np.isfinite(p).all():
            raise ValueError(f"{path}: {'wb'[k % 2]}{layer} has shape {p.shape} and dtype "
                             f"{p.dtype}, expected finite floats of shape {expected}")
    if sizes is not None and list(sizes) != file_sizes:
        raise ValueError(f"{path} holds a network of sizes {file_sizes}, expected {list(sizes)}")
    return Network.from_params(params, activation, cost)
