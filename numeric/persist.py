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


# The largest parameter data a network file may hold (1 GiB of float64).
MAX_BYTES = 1 << 30
# Small arrays that describe the network: their largest allowed number of elements.
_META = {"format": 1, "sizes": 64, "activation": 1, "cost": 1}


def _headers(zf, path):
    """Return ``{name: (shape, dtype, member)}`` from the .npy headers, reading no array data.

    Each member's header is read with :func:`numpy.lib.format.read_magic` and
    ``read_array_header_*``; the member's uncompressed size (from the zip
    directory) must match what the header declares, so a file that claims
    10^12 floats, or a zip bomb, is refused before anything is inflated.
    """
    fmt = np.lib.format
    out = {}
    for info in zf.infolist():
        name = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
        with zf.open(info) as fh:
            try:
                version = fmt.read_magic(fh)
                reader = {(1, 0): fmt.read_array_header_1_0,
                          (2, 0): fmt.read_array_header_2_0}.get(tuple(version))
                if reader is None:
                    raise ValueError(f"format version {version}")
                shape, fortran, dtype = reader(fh)
            except ValueError as exc:
                raise ValueError(f"{path}: {name} is not a readable .npy array ({exc})") from None
            header_size = fh.tell()
        if dtype.hasobject:
            raise ValueError(f"{path}: {name} holds Python objects; a network file holds numbers")
        expected = header_size + int(np.prod(shape, dtype=object)) * dtype.itemsize
        if info.file_size != expected:
            raise ValueError(f"{path}: {name} declares shape {shape} of {dtype} "
                             f"({expected} bytes) but holds {info.file_size} bytes")
        out[name] = (tuple(shape), dtype, info)
    return out


def _expected_shapes(path, headers, contents):
    """Return ``{name: shape}`` of every parameter array, from the file's ``sizes``."""
    try:
        file_sizes = [int(s) for s in contents["sizes"]]
    except KeyError:
        raise ValueError(f"{path} lacks the array 'sizes'") from None
    if len(file_sizes) < 2 or min(file_sizes) < 1 or max(file_sizes) > 10 ** 6:
        raise ValueError(f"{path}: layer sizes {file_sizes} are not a network's "
                         "(at least two, each from 1 to 10^6)")
    shapes = {}
    for layer in range(1, len(file_sizes)):
        shapes[f"w{layer}"] = (file_sizes[layer - 1], file_sizes[layer])
        shapes[f"b{layer}"] = (file_sizes[layer],)
    for name, shape in shapes.items():
        if name not in headers:
            raise ValueError(f"{path} lacks the array '{name}'")
        got, dtype, _ = headers[name]
        if got != shape or dtype.kind != "f":
            raise ValueError(f"{path}: {name} has shape {got} and dtype {dtype}, expected "
                             f"finite floats of shape {shape}")
    total = sum(int(np.prod(shape)) for shape in shapes.values()) * 8
    if total > MAX_BYTES:
        raise ValueError(f"{path}: a network of sizes {file_sizes} needs {total} bytes, more "
                         f"than the {MAX_BYTES} bytes a network file may hold")
    return file_sizes, shapes


def load_network(path, sizes=None):
    """Return the :class:`Network` saved in ``path``.

    Raises ``ValueError`` naming the problem when the file is not a network
    file (corrupt, truncated, another format), when its arrays do not fit its
    layer sizes or are not finite, or when ``sizes`` is given and differs.
    Every array's shape and dtype are checked from the .npy headers before
    any array is read, so a file that declares huge arrays costs nothing.
    A missing file raises ``FileNotFoundError``.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no network file at {path}")
    try:
        with zipfile.ZipFile(path) as zf:
            headers = _headers(zf, path)
            contents = {}
            for name, limit in _META.items():
                if name in headers:
                    if int(np.prod(headers[name][0], dtype=object)) > limit:
                        raise ValueError(f"{path}: '{name}' has shape {headers[name][0]}, "
                                         f"expected at most {limit} entries")
                    contents[name] = _read(zf, headers[name][2])
            if str(contents.get("format", "")) != FORMAT:
                raise ValueError(f"{path} is not a {FORMAT} file (format tag "
                                 f"{str(contents.get('format', 'missing'))!r})")
            file_sizes, shapes = _expected_shapes(path, headers, contents)
            params = [_read(zf, headers[name][2]) for name in shapes]
            activation, cost = str(contents["activation"]), str(contents["cost"])
    except KeyError as exc:
        raise ValueError(f"{path} lacks the array {exc}") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ValueError(f"{path} is not a readable .npz network file "
                         f"({type(exc).__name__})") from None
    for name, p in zip(shapes, params):
        if not np.isfinite(p).all():
            raise ValueError(f"{path}: {name} has shape {p.shape} and dtype {p.dtype}, "
                             f"expected finite floats of shape {shapes[name]}")
    if sizes is not None and list(sizes) != file_sizes:
        raise ValueError(f"{path} holds a network of sizes {file_sizes}, expected {list(sizes)}")
    return Network.from_params(params, activation, cost)


def _read(zf, info):
    """Read one array whose header has been checked by :func:`_headers`."""
    with zf.open(info) as fh:
        try:
            return np.lib.format.read_array(fh, allow_pickle=False)
        except ValueError as exc:
            raise ValueError(f"{info.filename} is not a readable array ({exc})") from None
