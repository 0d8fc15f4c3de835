r"""The gradient checker's tolerances: one table that every part of the checker consults.

Every number that decides whether a finite difference agrees with a gradient,
how large a step is, or when a series replaces a direct formula lives here,
with the reason for its value.  Units: :math:`\epsilon` is float64's machine
epsilon, 2.2e-16.

============================  =========  ==================================================
name                          value      meaning
============================  =========  ==================================================
``SAFETY``                    10         an entry passes when ``|analytic - numeric|`` is at
                                         most SAFETY times the finite difference's own
                                         estimated error (plus ``ANALYTIC_ULPS``)
``ANALYTIC_ULPS``             16         rounding allowed in the analytic gradient itself:
                                         16 eps (|g_k| + max_l |g_l|)
``KAPPA``                     8          rounding errors assumed per evaluation of f, in
                                         units of eps * |f|
``COMPLEX_STEP``              1e-20      the complex step h (truncation h^2 f''' is nil)
``LINEAR_STEP_LIMIT``         1e-10      imaginary steps up to this size are linear to
                                         rounding (the h^3 term is below 1e-30 relative), so
                                         check_network spreads one step per neuron over its
                                         weights
``NOISE_FACTOR``              4          f counts as noisier than double precision when its
                                         measured noise exceeds NOISE_FACTOR * KAPPA * eps |f|
``NOISE_PROBE_STEP``          1e-4       spacing (relative to max(1, |theta|)) of the noise
                                         probe along a random direction
``NOISE_PROBE_POINTS``        9          evaluations of one noise probe (f(theta) included)
``NOISE_DIRECTIONS``          3          noise probes, each along its own direction; the
                                         smallest estimate is kept
``PROBES_PER_ARRAY``          2          entries per array probed for complex safety and
                                         truncation (the largest |g|)
``MAX_PROBES``                12         entries probed in all
``COMPLEX_AGREEMENT``         1e-6       a probe's complex step must agree with the real
                                         central difference within this relative error
                                         (or that difference's own error) to count as
                                         complex-safe
``KINK_EVIDENCE``             3          a failing entry is put down to a kink when its
                                         one-sided differences differ by more than
                                         KINK_EVIDENCE times their error (for smooth f that
                                         is over 3.5 standard deviations of the noise), or
                                         when a smaller central stencil agrees with the
                                         analytic value and differs from the scheme's value
                                         by more than KINK_EVIDENCE times their errors
``SERIES_SWITCH``             1e-3       |x| below which e^x - 1 - x and ln(1+x) - x are
                                         taken from their Taylor series (costs.py)
``SERIES_TIGHT``              1e-6       |s| below which ln(1+s) - s needs only three terms
``RANK1_TAIL``                1e-17      relative size of the first term the rank-1 moment
                                         series may omit
``RANK1_LIMIT``               0.02       largest |Delta z_k| for the moment series of a
                                         rank-1 change at the output (costs.py)
============================  =========  ==================================================
"""

import numpy as np

EPS = float(np.finfo(float).eps)

SAFETY = 10.0
ANALYTIC_ULPS = 16.0
KAPPA = 8.0
COMPLEX_STEP = 1e-20
LINEAR_STEP_LIMIT = 1e-10
NOISE_FACTOR = 4.0
NOISE_PROBE_STEP = 1e-4
NOISE_PROBE_POINTS = 9
NOISE_DIRECTIONS = 3
PROBES_PER_ARRAY = 2
MAX_PROBES = 12
COMPLEX_AGREEMENT = 1e-6
KINK_EVIDENCE = 3.0
SERIES_SWITCH = 1e-3
SERIES_TIGHT = 1e-6
RANK1_TAIL = 1e-17
RANK1_LIMIT = 0.02
