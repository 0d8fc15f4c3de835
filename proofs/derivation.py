"""Claims and derivations as data.

A :class:`Claim` is what the lecture asserts; it holds one or more
:class:`Derivation` objects, each a chain of :class:`Step` objects.  Step k
relates expression k-1 to expression k by its ``relation`` (``=`` for most
steps; ``<=``, ``>=``, ``<``, ``>`` for the inequalities of the cost's
properties) and says why, in ``justification``.

Nothing here proves or prints anything: :mod:`proofs.stepcheck` decides steps,
:mod:`proofs.prover` runs claims, and the printers of :mod:`reports` print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

import sympy as sp

from .notation import Model, SOFTMAX_CE
from .relations import relation as named_relation

__all__ = ["Hypothesis", "Step", "Derivation", "Fact", "Claim"]


@dataclass(frozen=True)
class Hypothesis:
    """A named assumption that a step may need, such as sum_j y_j = 1.

    ``rule(n_value)`` returns a dict of substitutions that impose it on an
    expression for a concrete number of classes (``n_value``) or for general n
    (``None``); ``latex`` is how it reads on a slide.
    """

    name: str
    latex: str
    text: str
    rule: Callable = field(compare=False, repr=False)


@dataclass(frozen=True)
class Step:
    """One link of a chain: ``<relation> expr``, because of ``justification``."""

    expr: sp.Basic
    justification: str = "algebra"
    relation: str = "="

    def __post_init__(self):
        named_relation(self.relation)  # a ValueError names the relations there are


@dataclass(frozen=True)
class Derivation:
    """A chain start = e_1 = e_2 ... with the hypotheses it may use.

    ``id`` is stable (``lemma-4-last-version``) and keys the handouts'
    catalogues; ``title`` is English prose and may change.  A chain read from a
    user's file has no id.

    ``indices`` are the free indices (each ranging over 1..n) and
    ``distinct`` the pairs of them that differ (the lecture's i != j).
    ``general`` says whether the chain is checked for a symbolic n;
    ``min_n`` and ``max_n`` bound the concrete n it is meant for;
    ``prev_indices`` are the indices that run over layer L-1 (1..m).
    """

    title: str
    start: sp.Basic
    steps: tuple
    hypotheses: tuple = ()
    model: Model = SOFTMAX_CE
    indices: tuple = ()
    distinct: tuple = ()
    general: bool = True
    min_n: int = 1
    max_n: Optional[int] = None
    prev_indices: tuple = ()
    note: str = ""
    id: str = ""

    def applies_to(self, n_value):
        """Whether the chain is meant for ``n_value`` classes (``None``: general n)."""
        if n_value is None:
            return self.general
        return n_value >= self.min_n and (self.max_n is None or n_value <= self.max_n)

    @property
    def expressions(self):
        """The chain's expressions, the start first."""
        return (self.start,) + tuple(s.expr for s in self.steps)


@dataclass(frozen=True)
class Fact:
    """A computed check that is not a chain: ``kind`` names the decision procedure.

    Kinds: ``"limit"`` (data: expr, var, point, expected), ``"minimum"`` (expr,
    var, expected value, expected argmin), ``"sign"`` (expr, substitution,
    expected sign: the substitution parametrises a region), ``"table"`` (the
    lecture's table: y, the a_1 column, the printed C column).  ``n`` is the
    number of classes the fact is about, or ``None``; ``id`` is stable, the
    title is prose.
    """

    id: str
    title: str
    kind: str
    data: dict
    n: Optional[int] = None


@dataclass(frozen=True)
class Claim:
    """A statement of the lecture with its derivations.

    ``id`` is stable (``lemma-4``); ``statement`` is a SymPy relation or ``None``
    where words say it better (``text``); ``parts`` are the derivations whose
    verdicts make the claim's verdict; ``facts`` are extra computed checks
    (tables, limits) returning verdicts of their own; ``numeric`` is a spot
    check that returns numeric evidence.
    """

    id: str
    title: str
    text: str
    statement: Optional[sp.Basic]
    parts: tuple
    hypotheses: tuple = ()
    facts: tuple = ()
    numeric: tuple = ()
    lecture: str = ""
    #: The smallest number of classes the statement is made for (softmax-range: 2); the claim's
    #: verdict for a smaller n is not applicable, though its derivations for that n are still checked.
    min_n: int = 1
