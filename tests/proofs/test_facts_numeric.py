"""A fact that SymPy decided must also survive a numeric check."""

import sympy as sp

from proofs import facts
from proofs.derivation import Fact
from proofs.facts import check_fact

u = sp.Symbol("u", positive=True)


def test_a_wrong_limit_is_refuted():
    wrong = Fact("t", "t", "limit", {"expr": 1 / (1 + sp.exp(-u)), "var": u, "point": sp.oo, "expected": 0})
    assert check_fact(wrong).verdict.kind == "refuted"


def test_a_limit_proved_by_an_unsound_route_is_caught_numerically(monkeypatch):
    monkeypatch.setattr(facts, "_limit", lambda data: (facts.PROVED, "limit = 0"))
    wrong = Fact("t", "t", "limit", {"expr": 1 / (1 + sp.exp(-u)), "var": u, "point": sp.oo, "expected": 0})
    result = check_fact(wrong)
    assert result.verdict.kind == "undecided" and "numeric check disagrees" in result.detail
    right = Fact("t", "t", "limit", {"expr": 1 / (1 + sp.exp(-u)), "var": u, "point": sp.oo, "expected": 1})
    monkeypatch.setattr(facts, "_limit", lambda data: (facts.PROVED, "limit = 1"))
    assert check_fact(right).verdict.kind == "proved"


def test_a_sign_proved_by_an_unsound_route_is_caught_numerically(monkeypatch):
    monkeypatch.setattr(facts, "_sign", lambda data: (facts.PROVED, "sign 1"))
    wrong = Fact("t", "t", "sign", {"expr": u - 1, "expected": 1})
    assert check_fact(wrong).verdict.kind == "undecided"
    right = Fact("t", "t", "sign", {"expr": u + 1, "expected": 1})
    assert check_fact(right).verdict.kind == "proved"


def test_a_minimum_below_the_claimed_value_is_caught(monkeypatch):
    monkeypatch.setattr(facts, "_minimum", lambda data: (facts.PROVED, "minimum"))
    x = sp.Symbol("x", positive=True)
    wrong = Fact("t", "t", "minimum", {"expr": (x - 2) ** 2, "var": x, "expected": 0, "argmin": 1})
    assert check_fact(wrong).verdict.kind == "undecided"
    right = Fact("t", "t", "minimum", {"expr": (x - 1) ** 2, "var": x, "expected": 0, "argmin": 1})
    assert check_fact(right).verdict.kind == "proved"
