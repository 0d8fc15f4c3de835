r"""The relations a step of a chain can state: one table for reading, printing and testing them.

A step relates expression k-1 to expression k by ``=``, ``<=``, ``>=``, ``<``
or ``>``.  For each, :data:`RELATIONS` says how LaTeX writes it (and which
other spellings a reader accepts), how plain text and SymPy write it, what it
becomes read from right to left, which signs of the difference ``left - right``
make it true, and when two numbers break it.  The reader of users' files, the
printers of the handouts and reports, the sign test, the counterexample search
and the numeric veto all take it from here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Relation", "RELATIONS", "NAMES", "READ", "relation", "latex", "from_sympy", "compose", "implies"]


@dataclass(frozen=True)
class Relation:
    """One relation: ``name`` is how the checker and the JSON output call it (``<=``)."""

    name: str
    latex: str
    #: Other LaTeX spellings of it that a reader accepts (``\leq``, ``\leqslant``).
    spellings: tuple
    unicode: str
    #: SymPy's ``rel_op`` for it.
    sympy: str
    flipped: str
    #: The signs of ``left - right`` (1, -1, 0, or "+0"/"-0" for "at least"/"at most" 0) that make it true.
    true_signs: frozenset

    def broken(self, gap, tol, ties_break=False):
        """Whether numbers whose difference ``left - right`` is ``gap`` break it, beyond ``tol``.

        A strict relation with sides within ``tol`` of each other is broken only
        with ``ties_break`` (the counterexample search, which then reports both
        sides); the numeric veto of a proved step calls a tie unbroken.
        """
        if self.name == "=":
            return abs(gap) > tol
        if self.name == "<=":
            return gap > tol
        if self.name == ">=":
            return gap < -tol
        if self.name == "<":
            return gap > -tol if ties_break else gap >= tol
        return gap < tol if ties_break else gap <= -tol

    def holds_for_sign(self, sign):
        """Whether a difference of this sign makes it true (None: the sign does not decide)."""
        return True if sign in self.true_signs else None


RELATIONS = {r.name: r for r in (
    Relation("=", "=", ("=", r"\coloneqq", r"\triangleq", r"\doteq", r"\eqqcolon"), "=", "==", "=",
             frozenset({0})),
    Relation("<=", r"\le", (r"\le", r"\leq", r"\leqslant"), "≤", "<=", ">=", frozenset({0, -1, "-0"})),
    Relation(">=", r"\ge", (r"\ge", r"\geq", r"\geqslant"), "≥", ">=", "<=", frozenset({0, 1, "+0"})),
    Relation("<", "<", ("<", r"\lt"), "<", "<", ">", frozenset({-1})),
    Relation(">", ">", (">", r"\gt"), ">", ">", "<", frozenset({1})),
)}

#: The relations' names, in the table's order.
NAMES = tuple(RELATIONS)

#: Every LaTeX spelling a reader accepts, with the relation's name.
READ = {spelling: r.name for r in RELATIONS.values() for spelling in r.spellings}


def relation(name) -> Relation:
    """The relation called ``name`` (``=``, ``<=``, ``>=``, ``<``, ``>``)."""
    try:
        return RELATIONS[name]
    except KeyError:
        raise ValueError(f"relation must be one of {', '.join(NAMES)}, got {name!r}") from None


def latex(name) -> str:
    r"""How LaTeX writes the relation ``name``: ``<=`` is ``\le``."""
    return relation(name).latex


def from_sympy(rel_op) -> str:
    """The name of the relation SymPy writes ``rel_op`` (``==`` is ``=``)."""
    for r in RELATIONS.values():
        if r.sympy == rel_op:
            return r.name
    raise ValueError(f"no step relation is written {rel_op!r} in SymPy")


def compose(names):
    """The relation between the two ends of a chain with these steps, or None when they point both ways.

    >>> compose(["=", ">=", ">"]), compose(["=", "="]), compose(["<", ">"])
    ('>', '=', None)
    """
    kinds = set(names) - {"="}
    if not kinds:
        return "="
    if kinds <= {">=", ">"}:
        return ">" if ">" in kinds else ">="
    if kinds <= {"<=", "<"}:
        return "<" if "<" in kinds else "<="
    return None


def implies(shown, wanted) -> bool:
    """Whether a chain that shows ``shown`` proves a claim stated with ``wanted``.

    >>> implies(">", ">="), implies(">=", ">"), implies("=", "<=")
    (True, False, True)
    """
    if shown == wanted:
        return True
    return (shown == "=" and wanted in ("<=", ">=")) or (shown, wanted) in ((">", ">="), ("<", "<="))
