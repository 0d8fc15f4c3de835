"""Writing files so that a reader never sees half of one.

Each file is written to a temporary file in the same directory and moved over
its final name with :func:`os.replace`, which is atomic on POSIX and Windows:
an error or an interrupt leaves either the old file or the new one, never a
mixture, and the temporary file is removed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic", "write_all", "remove_stale"]


def write_atomic(path, content):
    """Write ``content`` (``str`` as UTF-8, or ``bytes``) to ``path`` atomically."""
    if isinstance(content, str):
        data = content.encode("utf-8")
    elif isinstance(content, (bytes, bytearray)):
        data = bytes(content)
    else:
        raise TypeError(f"content must be str or bytes, got {type(content).__name__}")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_all(directory, files):
    """Write every ``{name: content}`` into ``directory`` (made if missing), each atomically.

    All contents are computed before this is called, so an error while
    building a handout writes nothing at all.  Returns the written paths in
    name order.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(files):
        if "/" in name or name.startswith("."):
            raise ValueError(f"file name must be a plain name, got {name!r}")
        target = directory / name
        write_atomic(target, files[name])
        written.append(target)
    return written


def remove_stale(directory):
    """Remove the temporary files (``.<name>.*.tmp``) that an interrupted earlier build left behind.

    :func:`write_atomic` removes its own temporary file on any error, but not
    after ``kill -9``; the next build cleans up.  Returns the removed paths.
    """
    removed = []
    for path in sorted(Path(directory).glob(".*.tmp")):
        if path.is_file():
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            removed.append(path)
    return removed
