"""The lecture's own proofs, copied from the slides as written, for the errata.

The ``.md`` files beside this module are the chains of the lecture in the form
that :func:`proofs.reader.check_file` reads (the same files that the checker's
tests use).  :data:`LECTURE_PROOFS` names each chain by a stable id, in the
lecture's order, with the claim it proves and its place in its file.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import as_file, files

__all__ = ["LectureProof", "LECTURE_PROOFS", "FILES", "source_path"]


@dataclass(frozen=True)
class LectureProof:
    """One proof written in the lecture: the chain titled ``title`` in ``file``."""

    id: str
    claim_id: str
    file: str
    title: str


LECTURE_PROOFS = (
    LectureProof("lemma-1-v1", "lemma-1", "lemma1.md", "Лемма 1, версия 1"),
    LectureProof("lemma-1-v2", "lemma-1", "lemma1.md", "Лемма 1, версия 2"),
    LectureProof("lemma-2-v1", "lemma-2", "lemma2.md", "Лемма 2, версия 1"),
    LectureProof("lemma-2-v2", "lemma-2", "lemma2.md", "Лемма 2, версия 2"),
    LectureProof("lemma-3-v1", "lemma-3", "lemma3.md", "Лемма 3, версия 1"),
    LectureProof("lemma-3-v2", "lemma-3", "lemma3.md", "Лемма 3, версия 2"),
    LectureProof("delta", "delta-output", "delta.md", "Цепочка для delta"),
    LectureProof("lemma-4-v1", "lemma-4", "lemma4_v1.md", "Лемма 4, версия 1"),
    LectureProof("lemma-4-v2", "lemma-4", "lemma4_v2.md", "Лемма 4, версия 2"),
    LectureProof("lemma-4-v3", "lemma-4", "lemma4_v3.md", "Лемма 4, версия 3"),
)
"""Every proof the lecture writes out, in the order of its claims and versions."""

FILES = tuple(dict.fromkeys(p.file for p in LECTURE_PROOFS))
"""The files, each once, in the order of :data:`LECTURE_PROOFS`."""


def source_path(name):
    """A context manager giving a real path to the packaged file ``name``."""
    if name not in FILES:
        raise ValueError(f"unknown lecture file {name!r}; known: {', '.join(FILES)}")
    return as_file(files(__name__) / name)
