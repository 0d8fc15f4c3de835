"""The lecture's claims, in the lecture's order."""

from .softmax import SOFTMAX_RANGE, SOFTMAX_SUM
from .cross_entropy import CE_MINIMUM, CE_NONNEG, CE_TABLE
from .lemmas import LEMMA_1, LEMMA_2, LEMMA_3, SOFTMAX_JACOBIAN
from .output_error import DELTA_OUTPUT, LEMMA_4
from .gradients import GRAD_BIAS, GRAD_WEIGHT, NO_SLOWDOWN
from .dataset import DATASET_COST

CLAIMS = (SOFTMAX_RANGE, SOFTMAX_SUM, CE_NONNEG, CE_MINIMUM, CE_TABLE,
          LEMMA_1, LEMMA_2, LEMMA_3, SOFTMAX_JACOBIAN, DELTA_OUTPUT, LEMMA_4,
          GRAD_BIAS, GRAD_WEIGHT, DATASET_COST, NO_SLOWDOWN)

__all__ = ["CLAIMS", "CLAIM_IDS", "claims", "claim"]

CLAIM_IDS = tuple(c.id for c in CLAIMS)


def claims():
    """Every claim of the lecture, in the lecture's order."""
    return CLAIMS


def claim(claim_id: str):
    """The claim with this id; a ValueError names the known ids otherwise."""
    for c in CLAIMS:
        if c.id == claim_id:
            return c
    raise ValueError(f"unknown claim id {claim_id!r}; known ids: {', '.join(CLAIM_IDS)}")
