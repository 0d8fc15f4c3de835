"""Numeric evidence beside the symbolic verdicts -- evidence, never proof.

Two checks, both at random points:

* **chain**: the numeric veto (:mod:`proofs.veto`) evaluated every proved
  step from its expressions as written (mpmath, 30 digits) at random points
  for several n; the largest gap between the two sides of an ``=`` step is
  reported, and whether every inequality held;
* **network**: the derivatives that SymPy computes (and the lecture's results
  for them) are compared with the NumPy network of :mod:`numeric`: dC/da,
  da/dz and dC/dz with complex-step derivatives of its cost and softmax
  (:mod:`numeric.derivatives`), dC/db and dC/dw with its backprop.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

import mpmath
import sympy as sp

from . import instance as inst
from .concrete import exp_symbol, walker
from .numeval import evaluate
from .veto import DIGITS as VETO_DIGITS
from .notation import C, SOFTMAX_CE, a, a_prev, b, d, i, j, w, y, z

__all__ = ["Evidence", "evidence", "chain_evidence", "network_evidence", "NETWORK_LINKS"]

#: Digits of the network comparison; the chain's points are the numeric veto's (at its DIGITS).
_DIGITS = 30

#: What the network computes, as SymPy sees it: (derivative, the lecture's result, attribute, indices).
NETWORK_LINKS = {
    "a": (a[j], None, "a", (j,)),
    "C": (C, None, "C", ()),
    "dC_da": (d(C, a[j]), -y[j] / a[j], "dC_da", (j,)),
    "jacobian": (d(a[j], z[i]), a[j] * sp.KroneckerDelta(i, j) - a[i] * a[j], "jacobian", (j, i)),
    "dC_dz": (d(C, z[i]), a[i] - y[i], "dC_dz", (i,)),
    "dC_db": (d(C, b[i]), a[i] - y[i], "dC_db", (i,)),
    "dC_dw": (d(C, w[j, i]), a_prev[j] * (a[i] - y[i]), "dC_dw", (j, i)),
}


@dataclass
class Evidence:
    """Numeric agreement found at random points (evidence, not proof)."""

    chain_points: int = 0
    chain_gap: float = 0.0
    chain_n: tuple = ()
    inequalities_ok: bool = True
    network_points: int = 0
    network_gap: float = 0.0
    network_links: tuple = ()
    notes: list = field(default_factory=list)

    @property
    def ok(self):
        return self.chain_gap < 1e-20 and self.inequalities_ok and self.network_gap < 1e-12

    @property
    def short(self):
        """A few characters for the claim's line: the largest gaps found."""
        if not self.chain_points and not self.network_points:
            return "numeric: -"
        parts = []
        if self.chain_points:
            parts.append(f"chain {self.chain_gap:.0e}" if self.inequalities_ok else "chain INEQUALITY FAILS")
        if self.network_points:
            parts.append(f"network {self.network_gap:.0e}")
        return ("numeric: " if self.ok else "numeric DISAGREES: ") + ", ".join(parts)

    @property
    def summary(self):
        parts = []
        if self.chain_points:
            ns = f"n = {min(self.chain_n)}..{max(self.chain_n)}" if len(self.chain_n) > 1 else f"n = {self.chain_n[0]}"
            parts.append(f"chain at {self.chain_points} random points ({ns}, mpmath {VETO_DIGITS} digits): "
                         f"largest gap {self.chain_gap:.1e}" + ("" if self.inequalities_ok else ", an inequality fails"))
        if self.network_points:
            parts.append(f"NumPy network ({', '.join(self.network_links)}) at {self.network_points} points: "
                         f"largest |SymPy - network| / max(1, |network|) {self.network_gap:.1e}")
        return "; ".join(parts) if parts else "no numeric check"

    def as_dict(self):
        return {"ok": self.ok, "chain_points": self.chain_points, "chain_gap": self.chain_gap,
                "inequalities_ok": self.inequalities_ok, "network_points": self.network_points,
                "network_gap": self.network_gap, "network_links": list(self.network_links),
                "summary": self.summary}


def chain_evidence(parts, ev: Evidence):
    """The numeric veto's findings on every proved step of the claim's chains (:mod:`proofs.veto`).

    The veto evaluated each proved step straight from the expressions as written
    at random points; here its points and the largest gap it saw are gathered.
    A step it refuted counts as a failed inequality or an infinite gap.
    """
    for part in parts:
        for step in part.steps:
            if step.internal_error:
                if step.relation == "=":
                    ev.chain_gap = float("inf")
                else:
                    ev.inequalities_ok = False
            if not step.checked_points:
                continue
            ev.chain_points += step.checked_points
            ev.chain_n = tuple(sorted(set(ev.chain_n) | set(step.checked_n)))
            ev.chain_gap = max(ev.chain_gap, step.checked_gap)


def _value(expr, point):
    v = evaluate(expr, point, _DIGITS)
    return (float(v) if isinstance(v, mpmath.mpf) else complex(v)), v


def network_evidence(links, rng, ev: Evidence, n_values=(2, 3, 4)):
    """Compare SymPy's derivatives with the NumPy network's backprop values."""
    import numpy as np

    from numeric import output_layer
    from numeric.derivatives import output_derivatives

    for q in n_values:
        zs = [rng.gauss(0, 2) for _ in range(q)]
        raw = [rng.uniform(0.05, 1) for _ in range(q)]
        ys = [r / sum(raw) for r in raw]
        prev = [rng.gauss(0, 1) for _ in range(inst.PREV_LAYER_SIZE)]
        values = output_layer(np.array(zs), np.array(ys), a_prev=np.array(prev))
        # Lemmas 1-4 are compared with complex-step derivatives of the network's own cost and
        # softmax, not with the lecture's formulas; dC/db and dC/dw with its backprop.
        stepped = output_derivatives(np.array(zs), np.array(ys))
        targets = {"dC_da": stepped.dC_da, "jacobian": stepped.da_dz, "dC_dz": stepped.dC_dz}
        point = {exp_symbol(c + 1): mpmath.exp(mpmath.mpf(zs[c])) for c in range(q)}
        point.update({y[c + 1]: mpmath.mpf(ys[c]) for c in range(q)})
        point.update({a_prev[c + 1]: mpmath.mpf(prev[c]) for c in range(inst.PREV_LAYER_SIZE)})
        ev.network_points += 1
        unfold = walker(SOFTMAX_CE, q, inst.PREV_LAYER_SIZE)
        for link in links:
            lhs, rhs, attr, idx = NETWORK_LINKS[link]
            target = np.asarray(targets[attr] if attr in targets else getattr(values, attr))
            ranges = [range(1, (inst.PREV_LAYER_SIZE if (link == "dC_dw" and ix == j) else q) + 1) for ix in idx]
            for combo in itertools.product(*ranges):
                sub = dict(zip(idx, combo))
                net = float(target[tuple(c - 1 for c in combo)]) if idx else float(target)
                for expr in (lhs, rhs):
                    if expr is None:
                        continue
                    value = _value(inst.instantiate(expr, SOFTMAX_CE, q, sub, unfold), point)[0]
                    ev.network_gap = max(ev.network_gap, abs(value - net) / max(1.0, abs(net)))
        ev.network_links = tuple(links)


def evidence(claim, seed=0, parts=()) -> Evidence:
    """Numeric evidence for one claim: the veto's points on its chains (``parts``, the
    :class:`proofs.verdict.PartResult` objects) and its links to the network."""
    rng = random.Random(seed)
    ev = Evidence()
    chain_evidence(parts, ev)
    if claim.numeric:
        network_evidence(claim.numeric, rng, ev)
    return ev
