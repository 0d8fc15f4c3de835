"""The corpus's marks checked by the independent reference (soundtex + soundmath, mpmath at 40 digits).

A wrong ground truth is worse than none: every block marked false must have a step
that fails at some point where both sides are defined, and every block marked true
must hold at every point tried, for n = 1..5 and the index values its declarations allow.
"""

import pytest

from soundcorpus import all_blocks, ground_truth

BLOCKS = all_blocks()


def test_corpus_is_large_enough():
    false = [b for b in BLOCKS if b.expect == "false"]
    true = [b for b in BLOCKS if b.expect == "true"]
    print(f"corpus: {len(false)} false blocks, {len(true)} true blocks")
    assert len(false) >= 110
    assert len(true) >= 55


@pytest.mark.parametrize("block", BLOCKS, ids=[b.name for b in BLOCKS])
def test_mark_agrees_with_reference(block):
    truths = ground_truth(block)
    if block.expect == "false":
        assert any(t.false for t in truths), (
            f"{block.name}: marked false, but every step held at every point tried: {block.latex}")
    else:
        broken = [t for t in truths if t.false]
        assert not broken, (f"{block.name}: marked true, but step {broken[0].index} fails at "
                            f"{broken[0].witness}: {block.latex}")
        assert all(t.points > 0 for t in truths), f"{block.name}: a step was never defined at any point tried"
