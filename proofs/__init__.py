"""Machine-checked proofs of the claims of the lecture on softmax and cross-entropy.

>>> import proofs
>>> [c.id for c in proofs.claims()][:3]
['softmax-range', 'softmax-sum', 'ce-nonneg']
>>> result = proofs.prove("lemma-3", n=3)
>>> str(result.general), {k: str(v) for k, v in result.instances.items()}
('proved', {2: 'proved', 3: 'proved'})

``prove`` returns a :class:`proofs.verdict.ClaimResult`; ``check_derivation``
checks any chain built from :mod:`proofs.notation` with the same step checker
that the built-in proofs use; ``check_text`` checks a derivation written in
LaTeX and ``check_claim`` grades a written answer against a claim.
"""

from __future__ import annotations

from .claims import CLAIM_IDS, CLAIMS, claim, claims
from .derivation import Claim, Derivation, Fact, Hypothesis, Step
from .prover import check_derivation, prove_claim
from .verdict import ClaimResult, Verdict

__all__ = ["claims", "claim", "prove", "prove_all", "check_derivation", "check_text", "check_claim",
           "Claim", "Derivation", "Fact", "Hypothesis", "Step", "ClaimResult", "Verdict", "CLAIM_IDS"]

def prove(claim_id: str, n: int | None = 8, seed: int = 0, numeric: bool = True) -> ClaimResult:
    """Prove one claim for general n and for each concrete n = 1..n (``n=None``: general n only).

    With ``numeric`` the result carries numeric evidence (a spot check at random
    points, and the link to the NumPy network where the claim has one).
    """
    from .evidence import evidence

    return prove_claim(claim(claim_id), n_max=0 if n is None else _check_n(n), seed=seed,
                       numeric=evidence if numeric else None)


def prove_all(n: int = 8, seed: int = 0, numeric: bool = True, ids=None):
    """Prove every claim (or those in ``ids``), in the lecture's order."""
    return [prove(c.id, n, seed, numeric) for c in CLAIMS if ids is None or c.id in ids]


def check_claim(claim_id, path_or_text, **options):
    """Grade a written answer (a file or LaTeX text) against a claim of the lecture: a proofs.grading.Grade."""
    from .grading import check_claim as grade

    return grade(claim_id, path_or_text, **options)


def check_text(text, **options):
    """Check the derivation written in a LaTeX string: a proofs.reader.FileReport."""
    from .grading import check_text as check

    return check(text, **options)


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an integer number of classes, got {n!r}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return n
