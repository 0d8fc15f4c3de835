r"""Reading derivations written in LaTeX and checking them step by step.

Public API:

* :func:`derivations_from_file` ``(path, assume_lecture=True)`` returns a
  ``list`` of ``(Derivation, ChainSource)`` pairs, one per chain of the file,
  in file order; it raises :class:`LatexError` (a ``ValueError`` with
  ``file``, ``line``, ``column``) at the first unreadable file or formula.
  :class:`~proofs.derivation.Derivation` is the project's chain type (title,
  start, steps with justification ``"as-written"``, hypotheses, indices,
  distinct, ...); :class:`ChainSource` says where the chain stands (``file``,
  ``line``, ``column``, ``title``) and holds one :class:`StepSource` per step
  (``index``, ``line``, ``column`` of its relation sign, ``relation``, and the
  two sides ``lhs``/``rhs`` as written in LaTeX).
* :func:`check_file` ``(path, n_values=(None, 2, 3, 4), assume_lecture=True,
  time_limit=60, seed=0, file_time_limit=300, memory_limit=2**30)`` returns a
  :class:`FileReport` and never raises on bad input (a chain beyond a limit is
  undecided, and says which limit): ``chains`` is a list of :class:`ChainReport` (``derivation``,
  ``source``, ``title``, ``verdict``, ``steps``: a list of :class:`StepReport`
  with ``index``, ``line``, ``column``, ``relation``, ``lhs_latex``,
  ``rhs_latex``, ``lhs``/``rhs`` as SymPy objects, ``verdict`` (a
  :class:`~proofs.verdict.Verdict`), ``counterexample`` and ``results``, the
  checker's :class:`~proofs.verdict.StepResult` for each n); ``notes`` are the
  blocks read but not checked; ``errors`` the :class:`LatexError` of what
  could not be read; ``blocks_read`` and ``blocks_unread`` count the formula
  blocks; ``counts()`` and ``exit_code`` (0, 1, 2; 2 also when nothing could
  be read) sum it up.
* :func:`parse_formula` ``(text)`` reads one formula (no relation) to SymPy.

Every step goes through :func:`proofs.prover.check_derivation`, the checker
of the lecture's built-in proofs.  No text reaches ``eval``, ``sympify`` or
SymPy's own LaTeX parser; sizes, nesting and time are bounded
(:data:`LIMITS`).
"""

from .chains import ChainSource, Note, Reading, StepSource, derivations_from_file, read_file
from .errors import LIMITS, LatexError
from .parser import Context, Parser
from .report import ChainReport, FileReport, StepReport, check_file
from .tokens import tokenize

__all__ = ["LatexError", "LIMITS", "derivations_from_file", "check_file", "read_file", "parse_formula",
           "ChainSource", "StepSource", "Note", "Reading", "FileReport", "ChainReport", "StepReport"]


def parse_formula(text, names=None):
    r"""The SymPy object of one LaTeX formula without relations, e.g. ``a_j^{(L)} (1 - a_j^{(L)})``.

    >>> parse_formula(r"\frac{\partial C}{\partial z_i^{(L)}}")
    Derivative(C, z[i])
    """
    if len(text) > LIMITS["formula_chars"]:
        raise LatexError(f"the formula has {len(text)} characters; the limit is {LIMITS['formula_chars']}",
                         line=1, column=1, offset=0)
    try:
        from .layout import check_nesting, layout
        toks = layout(tokenize(text))
        check_nesting(toks)
        parser = Parser(toks, Context(names=dict(names or {})))
        expr = parser.parse_expr()
        if parser.peek().kind != "end":
            from .vocabulary import advice_for, describe
            tok = parser.peek()
            raise parser.error(advice_for(tok) or f"unexpected {describe(tok)}; expected an operator or the end")
    except LatexError as err:
        offset = err.offset or 0
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise err.located(None, line, column) from None
    return expr
