"""The lecture's claims, in the lecture's order."""

from .softmax import SOFTMAX_RANGE, SOFTMAX_SUM
from .cross_entropy import CE_MINIMUM, CE_NONNEG, CE_TABLE

CLAIMS = (SOFTMAX_RANGE, SOFTMAX_SUM, CE_NONNEG, CE_MINIMUM, CE_TABLE)

__all__ = ["CLAIMS"]
