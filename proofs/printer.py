r"""The lecture's notation as LaTeX: a printer built on SymPy's ``LatexPrinter``.

Every formula of the handouts is printed here from the SymPy expression the
checker verified, so that what a reader sees is what was proved.  The printer
dispatches on the class of each sub-expression (``_print_<Class>``) and speaks
the lecture's notation:

* ``z[i]`` is :math:`z_i^{(L)}`, ``a[j]`` is :math:`a_j^{(L)}`, ``a_prev[j]`` is
  :math:`a_j^{(L-1)}`, ``w[j, i]`` is :math:`w_{ji}^{(L)}`, ``b[i]`` is
  :math:`b_i^{(L)}`, ``delta[i]`` is :math:`\delta_i^{(L)}` and ``y[j]`` is
  :math:`y_j`;
* ``log`` is :math:`\ln`, ``exp(x)`` is :math:`e^{x}`, ``1/(1 + exp(-x))`` is
  :math:`\sigma(x)`;
* ``Derivative(C, z[i])`` is :math:`\frac{\partial C}{\partial z_i^{(L)}}`;
* ``SumExcept(f, j, i, n)`` is :math:`\sum_{j \ne i} f`.

Factors are put in the lecture's order (numbers, weights, activations of layer
L-1, desired outputs, outputs, exponentials, logarithms, sums, brackets last),
and terms with a plus sign come first (``a_j - (a_j)^2``), unless the expression
was built unevaluated: then the author's order is kept as written.

The output uses only commands that both pdfLaTeX (with amsmath) and KaTeX know,
so one printer serves the LaTeX and the Markdown handouts.

>>> from proofs.notation import a, y, i, j, a_prev
>>> lecture_latex(a_prev[j] * (a[i] - y[i]))
'a_j^{(L-1)} \\left(a_i^{(L)} - y_i\\right)'
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter

from .notation import WRITTEN, SumExcept
from .relations import from_sympy, latex as relation_latex

__all__ = ["LecturePrinter", "lecture_latex", "INDEXED_NAMES"]

INDEXED_NAMES = {name: (letter, layer) for name, (_, letter, layer, _) in WRITTEN.items()}
"""How each indexed name of :mod:`proofs.notation` is written: base and superscript (from its table)."""

SYMBOL_NAMES = {
    "vec_a": r"\mathbf{a}^{(L)}",
    "vec_y": r"\mathbf{y}",
    "vec_z": r"\mathbf{z}^{(L)}",
    "CC": r"\mathbb{C}",
    "V": r"\lvert V\rvert",
    "V_set": "V",
}
"""Symbols written in the lecture's own way: its vectors, the cost over the training
set (the lecture's blackboard C), and the number of examples |V| of the training set V."""

# Names whose second index, if any, numbers the training example.
_PER_EXAMPLE = {name for name, (_, _, _, per_example) in WRITTEN.items() if per_example}

# The lecture's order of factors in a product: lower rank first.
_FACTOR_RANK = {"w": 2, "a_prev": 3, "y": 4, "a": 5, "delta": 6, "b": 7, "z": 8}


def _is_sigmoid(expr):
    """Whether ``expr`` is ``1/(1 + exp(-x))``, returning x or ``None``."""
    if isinstance(expr, sp.Pow) and expr.exp == -1 and isinstance(expr.base, sp.Add):
        terms = expr.base.args
        if len(terms) == 2 and sp.S.One in terms:
            other = terms[0] if terms[1] == 1 else terms[1]
            if isinstance(other, sp.exp):
                return -other.args[0]
    return None


def _is_unevaluated(expr):
    """Whether an Add or Mul was built with ``evaluate=False`` in an order of its own."""
    try:
        rebuilt = type(expr)(*expr.args)
    except (TypeError, ValueError):
        return False
    return rebuilt.args != expr.args


class LecturePrinter(LatexPrinter):
    """A ``LatexPrinter`` that writes the lecture's notation.

    Settings beyond SymPy's own:

    * ``sum_except``: ``"short"`` prints :math:`\\sum_{j \\ne i}`, ``"substack"``
      prints the lecture's other form with the limits 1..n stacked;
    * ``cdot_derivatives``: put ``\\cdot`` between two adjacent fractions or
      derivatives in a product, as the lecture does;
    * ``sigmoid``: print ``1/(1 + e^{-x})`` as :math:`\\sigma(x)` (off where the
      sigmoid itself is being defined).
    """

    _default_settings = dict(
        LatexPrinter._default_settings,
        ln_notation=True,
        sum_except="short",
        cdot_derivatives=True,
        sigmoid=True,
    )

    def __init__(self, settings=None):
        settings = dict(settings or {})
        for key in settings:
            if key not in self._default_settings:
                raise TypeError(f"unknown printer setting {key!r}; known: {sorted(self._default_settings)}")
        if settings.get("sum_except", "short") not in ("short", "substack"):
            raise ValueError(f"sum_except must be 'short' or 'substack', got {settings['sum_except']!r}")
        super().__init__(settings)

    # --- atoms -----------------------------------------------------------------

    def _print_Indexed(self, expr):
        name = str(expr.base.label)
        base, sup = INDEXED_NAMES.get(name, (self._print(expr.base), ""))
        if name in _PER_EXAMPLE and len(expr.indices) == 2:
            # a[j, x]: the output a_j^{(L)} for the training example x, written a_j^{(L)}(x).
            inner = self._print_Indexed(expr.base[expr.indices[0]])
            return r"%s(%s)" % (inner, self._print(expr.indices[1]))
        index = "".join(self._print(q) for q in expr.indices)
        sub = index if len(index) == 1 else "{%s}" % index
        tex = f"{base}_{sub}"
        if sup:
            tex += "^{%s}" % sup
        return tex

    def _print_Symbol(self, expr, style="plain"):
        if expr.name in SYMBOL_NAMES:
            return SYMBOL_NAMES[expr.name]
        # a_1 rather than SymPy's a_{1}: one-character subscripts as the lecture writes them.
        return re.sub(r"_\{(\w)\}", r"_\1", super()._print_Symbol(expr, style))

    def _print_Tuple(self, expr):
        return r"\left(%s\right)" % ", ".join(self._print(e) for e in expr)

    def _print_Abs(self, expr, exp=None):
        tex = r"\lvert %s\rvert" % self._print(expr.args[0])
        return tex if exp is None else r"%s^{%s}" % (tex, exp)

    def _print_IndexedBase(self, expr):
        name = str(expr.label)
        if name in INDEXED_NAMES:
            base, sup = INDEXED_NAMES[name]
            return base + ("^{%s}" % sup if sup else "")
        return super()._print_IndexedBase(expr)

    # --- functions ---------------------------------------------------------------

    def _print_log(self, expr, exp=None):
        arg = expr.args[0]
        if isinstance(arg, (sp.Symbol, sp.Indexed)) or arg.is_Number:
            tex = r"\ln %s" % self._print(arg)
            if exp is not None:
                return r"\left(%s\right)^{%s}" % (tex, exp)
            return tex
        tex = r"\ln\left(%s\right)" % self._print(arg)
        return tex if exp is None else r"%s^{%s}" % (tex, exp)

    def _print_exp(self, expr, exp=None):
        tex = "e^{%s}" % self._print(expr.args[0])
        return tex if exp is None else r"\left(%s\right)^{%s}" % (tex, exp)

    def _print_Function(self, expr, exp=None):
        if expr.func.__name__ == "sigma" and len(expr.args) == 1:
            tex = r"\sigma\left(%s\right)" % self._print(expr.args[0])
            return tex if exp is None else r"%s^{%s}" % (tex, exp)
        return super()._print_Function(expr, exp)

    # --- calculus and sums --------------------------------------------------------------

    def _print_Derivative(self, expr):
        variables = []
        for var, count in expr.variable_count:
            x = self._print(var)
            variables.append(r"\partial %s" % x if count == 1 else r"\partial %s^{%s}" % (x, count))
        order = sum(count for _, count in expr.variable_count)
        top = r"\partial" if order == 1 else r"\partial^{%s}" % order
        den = " ".join(variables)
        body = expr.expr
        if (isinstance(body, sp.Function) and len(body.args) == 1 and order == 1
                and expr.variables == body.args):
            # sigma'(z): the derivative of a function of one variable by that variable.
            name = self._print(body.func(sp.Symbol("_x"))).split(r"\left(")[0]
            return r"%s'\left(%s\right)" % (name, self._print(body.args[0]))
        if isinstance(body, (sp.Symbol, sp.Indexed)):
            return r"\frac{%s %s}{%s}" % (top, self._print(body), den)
        return r"\frac{%s}{%s}\left(%s\right)" % (top, den, self._print(body))

    def _print_Sum(self, expr):
        if len(expr.limits) != 1:
            return super()._print_Sum(expr)
        index, lower, upper = expr.limits[0]
        head = r"\sum_{%s=%s}^{%s} " % (self._print(index), self._print(lower), self._print(upper))
        return head + self._print_summand(expr.function)

    def _print_SumExcept(self, expr):
        index, excluded = self._print(expr.index), self._print(expr.excluded)
        if self._settings["sum_except"] == "short":
            head = r"\sum_{%s \ne %s} " % (index, excluded)
        else:
            head = r"\sum_{\substack{%s=1\\ %s\ne %s}}^{%s} " % (index, index, excluded, self._print(expr.upper))
        return head + self._print_summand(expr.function)

    def _print_summand(self, f):
        tex = self._print(f)
        if isinstance(f, sp.Add):
            return r"\left(%s\right)" % tex
        return tex

    # --- arithmetic ----------------------------------------------------------------

    def _print_Pow(self, expr):
        x = _is_sigmoid(expr) if self._settings["sigmoid"] else None
        if x is not None:
            return r"\sigma\left(%s\right)" % self._print(x)
        if expr.exp.is_negative and expr.exp.is_Rational and expr.exp.q == 1:
            return self._print_product([expr], keep_order=True)
        base = expr.base
        if isinstance(base, sp.Indexed) and INDEXED_NAMES.get(str(base.base.label), ("", ""))[1]:
            return r"\left(%s\right)^{%s}" % (self._print(base), self._print(expr.exp))
        if isinstance(base, (sp.Sum, SumExcept, sp.Derivative)):
            return r"\left(%s\right)^{%s}" % (self._print(base), self._print(expr.exp))
        return super()._print_Pow(expr)

    def _order_terms(self, expr):
        """The terms of a sum in print order: the author's if unevaluated, else positive first."""
        if _is_unevaluated(expr):
            return list(expr.args)
        terms = list(sp.Add.make_args(expr))
        terms = super()._as_ordered_terms(expr, order=None) if self.order != "none" else terms
        return sorted(terms, key=lambda t: (t.could_extract_minus_sign(), not t.is_Number))

    def _print_Add(self, expr, order=None):
        tex = ""
        for position, term in enumerate(self._order_terms(expr)):
            if position == 0:
                pass
            elif term.could_extract_minus_sign():
                tex += " - "
                term = -term
            else:
                tex += " + "
            term_tex = self._print(term)
            if self._needs_add_brackets(term):
                term_tex = r"\left(%s\right)" % term_tex
            tex += term_tex
        return tex

    def _factor_key(self, factor):
        """Sort key for the lecture's order of factors in a product."""
        core = factor.base if isinstance(factor, sp.Pow) else factor
        if core.is_Number:
            rank = 0
        elif isinstance(core, sp.Indexed):
            rank = _FACTOR_RANK.get(str(core.base.label), 9)
        elif isinstance(core, sp.Symbol):
            rank = 1
        elif isinstance(core, sp.exp):
            rank = 10
        elif isinstance(core, (sp.log, sp.Function)):
            rank = 11
        elif isinstance(core, sp.Derivative):
            rank = 12
        elif isinstance(core, (sp.Sum, SumExcept)):
            rank = 13
        elif isinstance(core, sp.Add):
            # A plain coefficient such as (1 - y_1) goes before logarithms and
            # sums; a bracket holding those goes last, as in a_j (1 - a_j).
            heavy = core.has(sp.exp, sp.log, sp.Sum, SumExcept, sp.Derivative)
            rank = 14 if heavy or core.has(sp.IndexedBase("a")) else 9.5
        else:
            rank = 9
        return (rank, sp.default_sort_key(factor))

    def _split_fraction(self, factors, keep_order):
        """Numerator and denominator factors of a product, in print order."""
        numer, denom = [], []
        for factor in factors:
            if factor.is_Rational and not factor.is_Integer:
                if factor.p != 1:
                    numer.append(sp.Integer(factor.p))
                denom.append(sp.Integer(factor.q))
            elif (isinstance(factor, sp.Pow) and factor.exp.is_Rational and factor.exp.is_negative
                  and (not self._settings["sigmoid"] or _is_sigmoid(factor) is None)):
                power = -factor.exp
                denom.append(factor.base if power == 1 else sp.Pow(factor.base, power, evaluate=False))
            else:
                numer.append(factor)
        if not keep_order:
            numer.sort(key=self._factor_key)
            denom.sort(key=self._factor_key)
        return numer, denom

    def _join_factors(self, factors, alone=False, head=True):
        """Juxtapose factors, bracketing sums, with ``\\cdot`` between two derivatives.

        ``alone`` says that the factors fill a numerator or denominator by
        themselves, so that a single sum needs no brackets; ``head`` that the
        first factor opens the product, so that a leading minus needs none.
        """
        out = ""
        previous = None
        for position, factor in enumerate(factors):
            tex = self._print(factor)
            last = position == len(factors) - 1
            first = position == 0 and head
            single = alone and len(factors) == 1
            if not single and (isinstance(factor, sp.Add) or (
                    isinstance(factor, (sp.Sum, SumExcept)) and not last)):
                tex = r"\left(%s\right)" % tex
            elif not first and tex.startswith("-"):
                tex = r"\left(%s\right)" % tex
            if out:
                frac_like = (sp.Derivative,)
                if (self._settings["cdot_derivatives"] and previous is not None
                        and (isinstance(previous, frac_like) or previous.is_Number)
                        and (isinstance(factor, frac_like) or factor.is_Number)):
                    out += r" \cdot "
                else:
                    out += " "
            out += tex
            previous = factor
        return out

    def _print_Mul(self, expr):
        if expr.args and expr.args[0] == -1 and len(expr.args) >= 2:
            rest = expr.args[1:]
            inner = rest[0] if len(rest) == 1 else sp.Mul(*rest, evaluate=False)
            body = self._print(inner)
            if isinstance(inner, sp.Add):
                body = r"\left(%s\right)" % body
            return "- " + body
        coeff = expr.args[0] if expr.args and expr.args[0].is_Number else None
        if coeff is not None and coeff.is_negative:
            positive = sp.Mul(-coeff, *expr.args[1:], evaluate=False) if -coeff != 1 else (
                expr.args[1] if len(expr.args) == 2 else sp.Mul(*expr.args[1:], evaluate=False))
            body = self._print(positive)
            return "- " + body
        return self._print_product(expr.args, keep_order=_is_unevaluated(expr))

    def _print_product(self, factors, keep_order):
        """A product of factors, as one fraction if some have negative powers."""
        factors = list(factors)
        coeff = factors[0] if factors and factors[0].is_Rational and not factors[0].is_Integer else None
        if coeff is not None and len(factors) > 1:
            numer, denom = self._split_fraction(factors[1:], keep_order)
            if not denom:
                # The lecture writes a rational coefficient in front: 2/3 (1 - a_1).
                return r"\frac{%s}{%s} %s" % (coeff.p, coeff.q, self._join_factors(numer, head=False))
        numer, denom = self._split_fraction(factors, keep_order)
        if (len(numer) == 1 and isinstance(numer[0], (sp.Sum, SumExcept)) and len(denom) == 1
                and (denom[0].is_Symbol or denom[0].is_Integer)):
            # A mean, as the lecture writes it: 1/|V| in front of the sum.
            return r"\frac{1}{%s} %s" % (self._join_factors(denom, alone=True), self._print(numer[0]))
        top = self._join_factors(numer, alone=True) if numer else "1"
        if not denom:
            return top
        bottom = self._join_factors(denom, alone=True)
        return r"\frac{%s}{%s}" % (top, bottom)

    # --- relations ----------------------------------------------------------------

    def _print_And(self, expr):
        """Two inequalities that share a side print as a chain, 0 < a_j < 1."""
        args = list(expr.args)
        if len(args) == 2 and all(isinstance(r, sp.core.relational.Relational) for r in args):
            for first, second in (args, args[::-1]):
                if first.rhs == second.lhs and first.rel_op in ("<", "<=") and second.rel_op in ("<", "<="):
                    ops = [relation_latex(from_sympy(r.rel_op)) for r in (first, second)]
                    return "%s %s %s %s %s" % (self._print(first.lhs), ops[0], self._print(first.rhs),
                                               ops[1], self._print(second.rhs))
        return r",\quad ".join(self._print(r) for r in args)

    def _print_Relational(self, expr):
        op = r"\ne" if expr.rel_op == "!=" else relation_latex(from_sympy(expr.rel_op))
        return "%s %s %s" % (self._print(expr.lhs), op, self._print(expr.rhs))


def lecture_latex(expr, **settings):
    r"""Print ``expr`` in the lecture's notation (a thin wrapper over :class:`LecturePrinter`).

    >>> from proofs.notation import a, j
    >>> lecture_latex(a[j] * (1 - a[j]))
    'a_j^{(L)} \\left(1 - a_j^{(L)}\\right)'
    """
    return LecturePrinter(settings).doprint(expr)
