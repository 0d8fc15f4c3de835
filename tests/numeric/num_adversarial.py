"""The adversarial logits on which softmax accuracy is measured (shared by tests and benchmark).

Each case is a name and a 1-D float64 array.  They cover sizes 2 to 100 000,
logits spread over +-1e3 with full mantissas, values next to exp's overflow
and underflow limits, all-equal logits, logits differing by 1e-12, -inf
entries and one logit far above the rest.
"""

import numpy as np


def adversarial_logits(seed=0, big=True):
    """Return a list of ``(name, z)`` pairs; ``big=False`` leaves out the 100 000-entry case."""
    rng = np.random.default_rng(seed)
    cases = [
        ("n=2", np.array([0.3, -0.7])),
        ("n=2 far apart", np.array([700.0, -700.0])),
        ("300*randn", 300 * rng.standard_normal(1000)),
        ("10*randn", 10 * rng.standard_normal(1000)),
        ("uniform +-1e3", rng.uniform(-1e3, 1e3, 2000)),
        ("near exp overflow", 709.0 + rng.standard_normal(50)),
        ("near exp underflow", -745.0 + rng.standard_normal(50)),
        ("all equal", np.full(17, 3.3)),
        ("differ by 1e-12", 1.0 + 1e-12 * np.arange(10)),
        ("with -inf", np.array([1.0, -np.inf, 2.5, -np.inf, -3.0])),
        ("one far above", np.r_[40.0, rng.standard_normal(30)]),
        ("one very far above", np.r_[800.0, 10 * rng.standard_normal(30)]),
        ("dominant, e^-30 rest", np.r_[0.0, np.full(9, -30.0) + 1e-3 * rng.standard_normal(9)]),
    ]
    if big:
        cases.append(("n=100000 10*randn", 10 * rng.standard_normal(100_000)))
    return cases
