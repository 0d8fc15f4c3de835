"""Softmax, log-softmax and cross-entropy accuracy in ULP against 60-digit mpmath.

Compares numeric's functions with the standard formula (exp(z - max) / sum,
z - max - log(sum)), scipy.special and, when installed, torch, on the
adversarial logits of tests/numeric.  Run: ``python benchmarks/bench_numeric_softmax.py``.
"""

import pathlib
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "numeric"))

from num_adversarial import adversarial_logits  # noqa: E402
from num_mpref import ref_log_softmax, ref_softmax, ulp_error  # noqa: E402

import numeric  # noqa: E402

TINY = np.finfo(float).tiny


def standard_softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def standard_log_softmax(z):
    d = z - z.max()
    return d - np.log(np.sum(np.exp(d)))


def implementations():
    impl = {"numeric": (numeric.softmax, numeric.log_softmax),
            "standard": (standard_softmax, standard_log_softmax)}
    try:
        import scipy.special as sp

        impl["scipy"] = (sp.softmax, sp.log_softmax)
    except ImportError:
        print("scipy not installed: skipping scipy.special")
    try:
        import torch

        impl["torch"] = (lambda z: torch.softmax(torch.tensor(z), 0).numpy(),
                         lambda z: torch.log_softmax(torch.tensor(z), 0).numpy())
    except ImportError:
        print("torch not installed (optional: pip install torch==2.13.0)")
    return impl


def main():
    impl = implementations()
    names = list(impl)
    print("worst error in ULP against mpmath (softmax: outputs in the normal range; "
          "log_softmax: every finite entry)")
    print(f"{'case':22s} " + " ".join(f"{'sm ' + n:>11s}" for n in names) + " "
          + " ".join(f"{'lsm ' + n:>12s}" for n in names))
    worst = {n: [0.0, 0.0] for n in names}
    dominant = {n: 0.0 for n in names}
    for case, z in adversarial_logits(big=True):
        if len(z) > 10_000:
            z = z.copy()
            z[0] = z.max() + 1.0
            idx = list(range(0, len(z), 997))
        else:
            idx = list(range(len(z)))
        ra, rl = ref_softmax(z), ref_log_softmax(z)
        top = int(np.argmax(z))
        cells_a, cells_l = [], []
        for n in names:
            with np.errstate(all="ignore"):
                a, ls = impl[n][0](z), impl[n][1](z)
            ea = max((ulp_error(a[k], ra[k]) for k in idx if float(ra[k]) >= TINY), default=0.0)
            el = max((ulp_error(ls[k], rl[k]) for k in idx if rl[k] is not None), default=0.0)
            worst[n][0], worst[n][1] = max(worst[n][0], ea), max(worst[n][1], el)
            if float(rl[top]) != 0.0:
                dominant[n] = max(dominant[n], abs(float(ls[top]) / float(rl[top]) - 1.0))
            cells_a.append(f"{ea:11.3g}")
            cells_l.append(f"{el:12.3g}")
        print(f"{case:22s} " + " ".join(cells_a) + " " + " ".join(cells_l))
    print("\nworst over all cases (goal: numeric <= 4 ULP for both)")
    for n in names:
        print(f"  {n:9s} softmax {worst[n][0]:10.3g} ULP   log_softmax {worst[n][1]:10.3g} ULP   "
              f"log_softmax of the dominant class: relative error {dominant[n]:.2g}")

    print("\ncross-entropy with a -inf logit where y = 0 (z = [2, -inf, 0.5], y = [0.25, 0, 0.75]):")
    z, y = np.array([2.0, -np.inf, 0.5]), np.array([0.25, 0.0, 0.75])
    print(f"  numeric.cross_entropy: {numeric.cross_entropy(z, y)!r}")
    with np.errstate(all="ignore"):
        print(f"  standard -sum(y * log_softmax): {-np.sum(y * standard_log_softmax(z))!r}")
        if "scipy" in impl:
            print(f"  scipy -sum(y * log_softmax): {-np.sum(y * impl['scipy'][1](z))!r}")
    if "torch" in impl:
        import torch

        ce = torch.nn.functional.cross_entropy(torch.tensor(z)[None], torch.tensor(y)[None])
        print(f"  torch.nn.functional.cross_entropy: {float(ce)!r}")

    z = 10 * np.random.default_rng(0).standard_normal((1000, 10))
    start = time.perf_counter()
    for _ in range(20):
        numeric.softmax(z)
    ours = (time.perf_counter() - start) / 20
    start = time.perf_counter()
    for _ in range(20):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        e / e.sum(axis=1, keepdims=True)
    std = (time.perf_counter() - start) / 20
    print(f"\ntime for a 1000 x 10 batch: numeric.softmax {1e3 * ours:.2f} ms, standard "
          f"{1e3 * std:.2f} ms ({ours / std:.1f}x)")


if __name__ == "__main__":
    main()
