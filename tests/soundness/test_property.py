r"""Random expression pairs that differ at a random point are never proved equal.

Hypothesis builds two expression trees from the reader's grammar -- numbers,
z_1..z_3, y_1..y_3, a_1..a_3, +, -, \cdot, \frac, e^{...}, \ln of positive
things, small integer powers, sums over j = 1..3 (whose bodies may hold a factor
times da_q/dz_j or dC/dz_j) -- prints each as LaTeX and
evaluates it straight from the tree with mpmath (:mod:`soundmath`, never the
project's reader), at n = 3 (every index and every sum's limit is explicit).
Half of the pairs are near misses: B is A with one change of the kind a hand
derivation makes (an index, a number, a sum's range or its sum dropped, a fraction
turned over, a log or power rule misapplied, a term lost, or a tiny term added).
Where the two values differ at a random point, the step ``A = B`` is false for
n = 3, and the checker must not call it proved.  A second grammar has a free
index i beside the classes 1 and 2 and sums to n; its pairs are evaluated for
n = 2, 3, 4 and every i.
"""

import tempfile
from fractions import Fraction
from pathlib import Path
from random import Random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from proofs.reader import check_file
from proofs.verdict import PROVED, PROVED_UNDER

import soundmath
import soundtex

N = 3
CLASSES = (1, 2, 3)


# -- trees -------------------------------------------------------------------------------------

def _num(value):
    return ("num", Fraction(value))


def _leaf(base, q):
    return ("idx", base, (("int", q),) if isinstance(q, int) else (("ix", q),))


def _index_item(q):
    return ("int", q) if isinstance(q, int) else ("ix", q)


numbers = st.sampled_from([0, 1, 2, 3, -1, -2, Fraction(1, 2), Fraction(-3, 4), Fraction(5, 3)]).map(_num)


def grammar(classes, upper):
    """Trees whose indices are ``classes`` (numbers, or the free index i) and whose sums run to ``upper``."""
    variables = st.builds(_leaf, st.sampled_from(["a", "z", "y"]), st.sampled_from(classes))
    # Things that are positive whatever z and y are: a_q, e^{...}, 1 + a_q^2, sums of exponentials.
    positives = st.one_of(
        st.builds(_leaf, st.just("a"), st.sampled_from(classes)),
        st.builds(lambda q: ("exp", _leaf("z", q)), st.sampled_from(classes)),
        st.builds(lambda q: ("add", [_num(1), ("pow", _leaf("a", q), _num(2))]), st.sampled_from(classes)),
        st.just(("sum", "j", _num(1), upper, ("exp", _leaf("z", "j")), None)),
        st.sampled_from([_num(2), _num(Fraction(1, 3))]),
    )
    # Bodies of sums over j: a_j, z_j, y_j, e^{z_j}, their products with a constant or a leaf,
    # and a factor times a derivative by z_j (the Jacobian's entries da_q/dz_j, and dC/dz_j).
    j_leaves = st.one_of(st.builds(_leaf, st.sampled_from(["a", "z", "y"]), st.just("j")),
                         st.just(("exp", _leaf("z", "j"))))
    j_derivatives = st.one_of(st.builds(lambda q: ("d", _leaf("a", q), _leaf("z", "j")), st.sampled_from(classes)),
                              st.just(("d", ("C",), _leaf("z", "j"))))
    bodies = st.one_of(j_leaves,
                       st.builds(lambda x, y: ("mul", [x, y]), j_leaves, st.one_of(j_leaves, variables, numbers)),
                       st.builds(lambda x, y: ("mul", [x, y]), st.one_of(j_leaves, variables), j_derivatives))
    sums = st.builds(lambda body: ("sum", "j", _num(1), upper, body, None), bodies)

    def extend(children):
        return st.one_of(
            st.builds(lambda x, y: ("add", [x, y]), children, children),
            st.builds(lambda x, y: ("add", [x, ("neg", y)]), children, children),
            st.builds(lambda x, y: ("mul", [x, y]), children, children),
            st.builds(lambda x, y: ("div", x, y), children, children),
            st.builds(lambda x: ("exp", x), variables),
            st.builds(lambda x: ("ln", x), positives),
            st.builds(lambda x, k: ("pow", x, _num(k)), children, st.sampled_from([2, 3, -1, -2])),
        )

    return st.recursive(st.one_of(numbers, variables, sums, positives), extend, max_leaves=6)


#: Closed trees at n = 3: every index and every sum's upper limit is explicit.
trees = grammar(CLASSES, _num(N))
#: Trees with a free index i beside the classes 1 and 2, and sums to n.
FREE_CLASSES = (1, 2, "i")
free_trees = grammar(FREE_CLASSES, ("n",))


# -- near misses: B is A with one change ----------------------------------------------------------

def _paths(t, path=()):
    """The positions of every node of ``t`` (as index paths), ``t`` first."""
    yield path
    kind = t[0]
    if kind in ("add", "mul"):
        for k, child in enumerate(t[1]):
            yield from _paths(child, path + ((1, k),))
    elif kind in ("neg", "exp", "ln"):
        yield from _paths(t[1], path + ((1, None),))
    elif kind in ("div", "pow"):
        yield from _paths(t[1], path + ((1, None),))
        if kind == "div":
            yield from _paths(t[2], path + ((2, None),))
    elif kind == "sum":
        yield from _paths(t[4], path + ((4, None),))


def _get(t, path):
    for slot, k in path:
        t = t[slot] if k is None else t[slot][k]
    return t


def _put(t, path, new):
    if not path:
        return new
    (slot, k), rest = path[0], path[1:]
    items = list(t)
    if k is None:
        items[slot] = _put(t[slot], rest, new)
    else:
        children = list(t[slot])
        children[k] = _put(children[k], rest, new)
        items[slot] = children
    return tuple(items)


def _substitute_index(t, letter, q):
    """``t`` with the index letter replaced by the class q (the body of a sum at j = q)."""
    if t[0] == "idx":
        return ("idx", t[1], tuple(_index_item(q) if item == ("ix", letter) else item for item in t[2]))
    if t[0] in ("add", "mul"):
        return (t[0], [_substitute_index(c, letter, q) for c in t[1]])
    if t[0] in ("neg", "exp", "ln"):
        return (t[0], _substitute_index(t[1], letter, q))
    if t[0] in ("div", "pow", "d"):
        return (t[0], _substitute_index(t[1], letter, q), _substitute_index(t[2], letter, q))
    if t[0] == "sum" and t[1] != letter:
        return t[:4] + (_substitute_index(t[4], letter, q), t[5])
    return t


def mutate(t, rng, classes=CLASSES, upper=None):
    """``t`` with one local change of the kind a hand derivation makes (or a tiny added term)."""
    upper = _num(N) if upper is None else upper
    if rng.random() < 0.2:
        return ("add", [t, _num(Fraction(1, 10 ** rng.randint(3, 15)))])
    path = rng.choice(list(_paths(t)))
    node = _get(t, path)
    kind = node[0]
    if kind == "idx":
        item = node[2][0]
        bound = item[0] == "ix" and item[1] not in classes
        others = list(classes) if bound else [q for q in classes if q != item[1]]
        new = ("idx", rng.choice(["a", "z", "y"]) if not bound else node[1], (_index_item(rng.choice(others)),))
    elif kind == "num":
        new = _num(node[1] + rng.choice([1, -1, Fraction(1, 2)]))
    elif kind == "sum":
        new = rng.choice([_substitute_index(node[4], node[1], rng.choice(classes)),
                          ("sum", node[1], _num(2), node[3], node[4], None),
                          ("mul", [upper, _substitute_index(node[4], node[1], 1)])])
    elif kind == "add":
        new = ("add", node[1][:-1]) if len(node[1]) > 2 else node[1][0]
        if len(node[1]) == 2 and node[1][1][0] == "neg":
            new = ("add", [node[1][0], node[1][1][1]])
    elif kind == "mul":
        new = node[1][0] if len(node[1]) == 2 else ("mul", node[1][1:])
    elif kind == "div":
        new = rng.choice([("div", node[2], node[1]), ("mul", [node[1], node[2]]), node[1]])
    elif kind == "pow":
        new = ("pow", node[1], _num(node[2][1] + rng.choice([1, -1])))
    elif kind == "ln":
        new = rng.choice([node[1], ("ln", ("pow", node[1], _num(2))), ("mul", [_num(2), ("ln", node[1])])])
    elif kind == "exp":
        new = rng.choice([node[1], ("exp", ("neg", node[1])), ("exp", ("mul", [_num(2), node[1]]))])
    elif kind == "neg":
        new = node[1]
    else:
        new = ("neg", node)
    return _put(t, path, new)


# -- printing, independently of the project's printer --------------------------------------------

def latex(t):
    """LaTeX the reader accepts, with every compound operand in \\left( \\right)."""
    kind = t[0]
    if kind == "num":
        v = t[1]
        text = str(abs(v.numerator)) if v.denominator == 1 else rf"\frac{{{abs(v.numerator)}}}{{{v.denominator}}}"
        return rf"\left( -{text} \right)" if v < 0 else text
    if kind == "idx":
        item = t[2][0]
        return f"{t[1]}_{{{item[1]}}}"
    if kind == "add":
        parts = [latex(t[1][0])]
        for term in t[1][1:]:
            parts.append(f"- {_group(term[1])}" if term[0] == "neg" else f"+ {_group(term)}")
        return rf"\left( {_group(t[1][0])} {' '.join(parts[1:])} \right)"
    if kind == "neg":
        return rf"\left( - {_group(t[1])} \right)"
    if kind == "mul":
        return r" \cdot ".join(_group(x) for x in t[1])
    if kind == "div":
        return rf"\frac{{{latex(t[1])}}}{{{latex(t[2])}}}"
    if kind == "pow":
        return rf"{_group(t[1])}^{{{int(t[2][1])}}}"
    if kind == "exp":
        return rf"e^{{{latex(t[1])}}}"
    if kind == "ln":
        return rf"\ln \left( {latex(t[1])} \right)"
    if kind == "d":
        return rf"\frac{{\partial {latex(t[1])}}}{{\partial {latex(t[2])}}}"
    if kind == "C":
        return "C"
    if kind == "n":
        return "n"
    if kind == "sum":
        _, letter, lower, upper, body, _ = t
        return rf"\sum_{{{letter}={latex(lower)}}}^{{{latex(upper)}}} \left( {latex(body)} \right)"
    raise ValueError(f"cannot print {kind!r}")


def _group(t):
    if t[0] in ("num", "idx", "d", "n") and not (t[0] == "num" and t[1] < 0):
        return latex(t)
    return rf"\left( {latex(t)} \right)"


# -- the property ----------------------------------------------------------------------------------

def _value(tree, point):
    try:
        return soundmath.evaluate(tree, point)
    except soundmath.Undefined:
        return None


def _check(text, tmp):
    path = Path(tmp) / "pair.md"
    path.write_text(f"$$ {text} $$\n", encoding="utf-8")
    return check_file(str(path), assume_lecture=False, time_limit=20)


def _assert_not_proved(left, right, point, a, b):
    """The step left = right, read and checked as a file, is not proved: at ``point`` its sides are ``a`` and ``b``."""
    text = f"{latex(left)} = {latex(right)}"
    with tempfile.TemporaryDirectory() as tmp:
        report = _check(text, tmp)
    assert not report.errors, f"the reader refused {text}: {report.errors[0]}"
    steps = report.steps()
    assert len(steps) == 1, f"expected one step in {text}, found {len(steps)}"
    step = steps[0]
    assert step.verdict.kind not in (PROVED, PROVED_UNDER), (
        f"{text}\nproved ({step.verdict}), but at {point.describe()} the left side is "
        f"{soundmath.mpmath.nstr(a, 15)} and the right side {soundmath.mpmath.nstr(b, 15)}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(left=trees, other=trees, near=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_pairs_that_differ_are_never_proved(left, other, near, seed):
    rng = Random(seed)
    right = mutate(left, rng) if near else other
    point = soundmath.random_point(rng, N, 1, set())
    a, b = _value(left, point), _value(right, point)
    assume(a is not None and b is not None and soundmath.holds("=", a, b) is False)
    _assert_not_proved(left, right, point, a, b)


def _first_difference(left, right, rng):
    """The first (n, i, point) among n = 2, 3, 4 and i = 1..n where the two trees differ, or None."""
    for n in (2, 3, 4):
        point = soundmath.random_point(rng, n, 1, set())
        for i in range(1, n + 1):
            point.index = {"i": i}
            a, b = _value(left, point), _value(right, point)
            if a is not None and b is not None and soundmath.holds("=", a, b) is False:
                return point, a, b
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(left=free_trees, other=free_trees, near=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_pairs_with_a_free_index_and_general_n_that_differ_are_never_proved(left, other, near, seed):
    """The same property for general n and a free index i: false for some n in 2..4 and some i."""
    rng = Random(seed)
    right = mutate(left, rng, FREE_CLASSES, ("n",)) if near else other
    found = _first_difference(left, right, rng)
    assume(found is not None)
    point, a, b = found
    _assert_not_proved(left, right, point, a, b)


@settings(max_examples=100, deadline=None)
@given(tree=trees, seed=st.integers(0, 2**32 - 1))
def test_printed_trees_read_back_the_same_by_the_reference(tree, seed):
    """The printer and the reference's reader agree, so the property speaks of the trees it prints."""
    point = soundmath.random_point(Random(seed), N, 1, set())
    value = _value(tree, point)
    assume(value is not None)
    again = _value(soundtex.read_expr(latex(tree)), point)
    assert again is not None and soundmath.holds("=", value, again), latex(tree)


@settings(max_examples=200, deadline=None)
@given(tree=trees, seed=st.integers(0, 2**32 - 1))
def test_near_misses_are_closed_formulas_the_reference_reads(tree, seed):
    """A mutation never leaves an index free, so both sides of a pair speak of n = 3 only."""
    near = mutate(tree, Random(seed))
    assert not soundmath.free_indices(near), latex(near)
    soundtex.read_expr(latex(near))


@settings(max_examples=200, deadline=None)
@given(tree=free_trees, seed=st.integers(0, 2**32 - 1))
def test_near_misses_with_a_free_index_free_no_other(tree, seed):
    near = mutate(tree, Random(seed), FREE_CLASSES, ("n",))
    assert soundmath.free_indices(near) <= {"i"}, latex(near)
    soundtex.read_expr(latex(near))
