r"""Nested sums and sums with several limits: read, renamed apart and checked whole.

SymPy merges :math:`\sum_j \sum_l f` into one Sum with two limits; every
limit must survive the reader's renaming of bound indices, at depth 2 and 3,
in every order of the indices, and when a bound index is also free elsewhere
in the chain.
"""

import itertools

import pytest
import sympy as sp

from proofs.reader import check_file, parse_formula, read_file
from proofs.reader.bound import free_symbols
from proofs.notation import a, n, y
from proofs.verdict import PROVED, PROVED_UNDER, REFUTED


def _write(tmp_path, text, name="sums.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _value(expr, n_value=2):
    """The expression for a concrete n, every sum written out."""
    return sp.expand(expr.subs(n, n_value).doit())


def _free_indices(expr):
    """The integer symbols left free: the free indices and n."""
    return {s for s in free_symbols(expr) if isinstance(s, sp.Symbol) and s.is_integer}


def _sum_text(order, body):
    return "".join(f"\\sum_{{{ix}=1}}^{{n}} " for ix in order) + body


@pytest.mark.parametrize("order", list(itertools.permutations("jlk", 2)) + list(itertools.permutations("jlk", 3)))
def test_renaming_keeps_every_limit_of_a_nested_sum(tmp_path, order):
    body = " ".join(f"a_{ix}" for ix in order)
    left = _sum_text(order, body)
    # The right side makes each bound index free in the chain, so every one is renamed.
    right = " + ".join(f"a_{ix}" for ix in order)
    reading = read_file(_write(tmp_path, f"$$ {left} = {right} $$\n"))
    assert reading.errors == []
    (deriv, _), = reading.chains
    renamed = deriv.start
    assert _free_indices(renamed) == {n}
    assert _value(renamed) == _value(parse_formula(left))
    assert _value(renamed) == sp.expand((a[1] + a[2]) ** len(order))


@pytest.mark.parametrize("inner_first", [True, False])
def test_an_inner_bound_that_uses_the_outer_index_follows_its_renaming(tmp_path, inner_first):
    # \sum_{j=1}^{n} \sum_{l=1}^{j} a_l: the inner upper limit is the outer index.
    left = r"\sum_{j=1}^{n} \sum_{l=1}^{j} a_l"
    right = "a_j + a_l" if inner_first else "a_j"
    reading = read_file(_write(tmp_path, f"$$ {left} = {right} $$\n"))
    (deriv, _), = reading.chains
    assert _free_indices(deriv.start) == {n}
    (inner, _, inner_upper), (outer, _, _) = deriv.start.limits
    assert inner_upper == outer and inner != outer
    assert deriv.start.function == a[inner]


def test_free_symbols_of_a_multi_limit_sum_leave_out_every_bound_index():
    e = parse_formula(r"\sum_j \sum_l \sum_k a_j a_l a_k")
    assert len(e.limits) == 3
    assert _free_indices(e) == {n}


FALSE_STEPS = [
    r"\sum_{j=1}^{n} \sum_{l=1}^{n} a_l = 1",
    r"\sum_j \sum_l a_j a_l = a_j",
    r"\sum_j \sum_l y_l = 1",
    r"\sum_j \sum_l \sum_k a_j a_l a_k = a_k",
    r"\sum_l \sum_j a_j = 1",
    r"\sum_j \sum_l \sum_k a_k = 1",
]

TRUE_STEPS = [
    r"\sum_j \sum_l a_j a_l = 1",
    r"\sum_l \sum_j a_j a_l = 1",
    r"\sum_j \sum_l \sum_k a_j a_l a_k = 1",
    r"\sum_{j=1}^{n} \sum_{l=1}^{n} a_l = n",
]


@pytest.mark.parametrize("step", FALSE_STEPS)
def test_a_false_step_over_nested_sums_is_not_proved(tmp_path, step):
    report = check_file(_write(tmp_path, f"$$ {step} $$\n"), n_values=(None, 2, 3), time_limit=30)
    (only,) = report.steps()
    assert only.verdict.kind not in (PROVED, PROVED_UNDER), step


@pytest.mark.parametrize("step", TRUE_STEPS)
def test_a_true_step_over_nested_sums_is_not_refuted(tmp_path, step):
    report = check_file(_write(tmp_path, f"$$ {step} $$\n"), n_values=(None, 2, 3), time_limit=30)
    (only,) = report.steps()
    assert only.verdict.kind != REFUTED, (step, only.counterexample)


def test_a_bound_index_equal_to_a_free_one_is_not_taken_for_the_free_one(tmp_path):
    # j is free on the right and bound on the left: the left is 1 whatever j is.
    report = check_file(_write(tmp_path, "$$ \\sum_j \\sum_l a_j a_l = a_j $$\n"), n_values=(2,), time_limit=30)
    (only,) = report.steps()
    assert only.verdict.kind == REFUTED
    assert _value(only.lhs).subs({a[2]: 1 - a[1]}).expand() == 1


def test_y_sums_keep_both_limits(tmp_path):
    reading = read_file(_write(tmp_path, "$$ \\sum_j \\sum_l y_l = y_j $$\n"))
    (deriv, _), = reading.chains
    assert _value(deriv.start) == 2 * (y[1] + y[2])
