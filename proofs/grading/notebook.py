r"""Checked chains and claims as Markdown, LaTeX and HTML, for Jupyter.

A printer reads a result and decides nothing.  Four kinds of result print:
a :class:`~proofs.reader.report.ChainReport` (one chain read from a file), a
:class:`~proofs.reader.report.FileReport` (every chain of a file), a
:class:`~proofs.verdict.ClaimResult` (a built-in claim, ``proofs.prove``) and a
:class:`~proofs.grading.claim.Grade` (``check_claim``).  Each shows its steps
aligned in one ``aligned`` display, every step with its justification and
verdict beside it, and each refuted step's counterexample.

:func:`to_markdown`, :func:`to_latex` and :func:`to_html` dispatch on the
class of what they are given (``_markdown_ChainReport``, ...), as SymPy's
printers do; :func:`install_reprs` attaches them to those classes as
``_repr_markdown_``, ``_repr_latex_`` and ``_repr_html_``, so that a cell whose
value is such a result displays it.

The chains read from files are shown as their authors wrote them (the LaTeX
of each side, which the reader has already accepted); the built-in claims are
printed from their SymPy expressions by :func:`proofs.printer.lecture_latex`.
Titles, file names and messages are escaped for the format they go into.
"""

from __future__ import annotations

import html

from proofs.counterexamples import counterexample_tex
from proofs.hypotheses import SUM_Y_ONE
from proofs.justifications import describe
from proofs.verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED

from proofs.relations import latex as relation_latex

__all__ = ["to_markdown", "to_latex", "to_html", "install_reprs", "verdict_tex", "counterexample_tex",
           "text_tex"]

#: The LaTeX of the hypotheses that verdicts name.
HYPOTHESIS_TEX = {SUM_Y_ONE.name: SUM_Y_ONE.latex}
#: The colour of each verdict in HTML.
VERDICT_COLOUR = {PROVED: "#1a7f37", PROVED_UNDER: "#1a7f37", REFUTED: "#cf222e", UNDECIDED: "#9a6700"}

_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}"}
_MD_SPECIAL = set("\\`*_[]<>&$|")


# --------------------------------------------------------------- small pieces
def text_tex(text):
    r"""``\text{...}`` of any string, with TeX's special characters escaped.

    >>> text_tex("step 2 of y_i & more")
    '\\text{step 2 of y\\_i \\& more}'
    """
    return r"\text{" + "".join(_TEX_SPECIAL.get(ch, ch) for ch in str(text)) + "}"


def _md_text(text):
    """Plain text made safe in Markdown: every character Markdown or HTML could read is escaped."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


def verdict_tex(verdict):
    r"""A verdict as LaTeX: ``\text{proved under } \sum_{j=1}^{n} y_j = 1`` for proved-under:sum-y-1."""
    if verdict.kind == PROVED_UNDER:
        names = [HYPOTHESIS_TEX.get(h) or text_tex(h) for h in verdict.hypotheses]
        return r"\text{proved under } " + r",\ ".join(names)
    return text_tex(verdict.kind)


def _aligned(first, rows):
    r"""One ``aligned`` display: the first expression, then a row ``REL expr && note`` per step."""
    lines = [f"& {first}"]
    for relation, expr, note in rows:
        lines.append(f"&{relation_latex(relation)} {expr} && {note}")
    return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"


def _md(latex_display):
    return f"$$\n{latex_display}\n$$"


def _html_display(latex_display):
    return f'<div class="derivation-steps">\\[{html.escape(latex_display, quote=False)}\\]</div>'


def _html_verdict(verdict):
    colour = VERDICT_COLOUR.get(verdict.kind, "#000000")
    return f'<span style="color: {colour}; font-weight: bold">{html.escape(str(verdict))}</span>'


# --------------------------------------------------------------- a chain read from a file
def _chain_display(chain, statuses=None):
    """The aligned display of a ChainReport, the verdict (or a grading status) beside each step."""
    rows = []
    for step in chain.steps:
        note = verdict_tex(step.verdict) if statuses is None else statuses[step.index]
        rows.append((step.relation, step.rhs_latex, note))
    return _aligned(chain.steps[0].lhs_latex, rows) if chain.steps else ""


def _chain_failures(chain):
    """(step, text) for every step that is not proved, with its place and counterexample."""
    out = []
    for step in chain.steps:
        if step.verdict.ok:
            continue
        out.append((step, f"step {step.index} (line {step.line}, column {step.column}) is {step.verdict.kind}"))
    return out


def _markdown_ChainResult(chain):
    lines = [f"**{_md_text(chain.title)}**: {_md_text(chain.verdict)}", "", _md(_chain_display(chain))]
    failures = _chain_failures(chain)
    if failures:
        lines.append("")
    for step, text in failures:
        tail = f" at ${counterexample_tex(step.counterexample)}$" if step.counterexample else ""
        extra = f" ({_md_text(step.detail)})" if step.detail else ""
        lines.append(f"- {_md_text(text)}{tail}{extra}")
    return "\n".join(lines)


def _latex_ChainResult(chain):
    rows = [f"& {text_tex(chain.title)}\\text{{: }}{verdict_tex(chain.verdict)}"]
    body = _chain_display(chain).split("\n")[1:-1]
    for step, text in _chain_failures(chain):
        cx = f"\\ \\text{{at }} {counterexample_tex(step.counterexample)}" if step.counterexample else ""
        body[-1] += " \\\\"
        body.append(f"& {text_tex(text)}{cx}")
    return "$$\n\\begin{aligned}\n" + rows[0] + " \\\\\n" + "\n".join(body) + "\n\\end{aligned}\n$$"


def _html_ChainResult(chain):
    parts = [f'<div class="derivation"><p><strong>{html.escape(chain.title)}</strong>: '
             f"{_html_verdict(chain.verdict)}</p>", _html_display(_chain_display(chain))]
    failures = _chain_failures(chain)
    if failures:
        parts.append("<ul>")
        for step, text in failures:
            cx = (f" at \\({html.escape(counterexample_tex(step.counterexample), quote=False)}\\)"
                  if step.counterexample else "")
            extra = f" ({html.escape(step.detail)})" if step.detail else ""
            parts.append(f"<li>{html.escape(text)}{cx}{extra}</li>")
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


# --------------------------------------------------------------- a whole file
def _file_head(report):
    counts = report.counts()
    return (f"{report.path}: {counts['steps']} steps, {counts[PROVED]} proved, {counts[PROVED_UNDER]} proved "
            f"under hypotheses, {counts[REFUTED]} refuted, {counts[UNDECIDED]} undecided")


def _markdown_FileResult(report):
    parts = [f"**{_md_text(_file_head(report))}**"]
    parts += [_markdown_ChainResult(chain) for chain in report.chains]
    parts += [f"- {_md_text(err)}" for err in report.errors]
    parts += [f"- {_md_text(note)}" for note in report.notes]
    return "\n\n".join(parts)


def _latex_FileResult(report):
    parts = [f"$${text_tex(_file_head(report))}$$"]
    parts += [_latex_ChainResult(chain) for chain in report.chains]
    parts += [f"$${text_tex(err)}$$" for err in report.errors]
    return "\n".join(parts)


def _html_FileResult(report):
    parts = [f"<div><p><strong>{html.escape(_file_head(report))}</strong></p>"]
    parts += [_html_ChainResult(chain) for chain in report.chains]
    if report.errors or report.notes:
        parts.append("<ul>" + "".join(f"<li>{html.escape(str(x))}</li>" for x in [*report.errors, *report.notes])
                     + "</ul>")
    parts.append("</div>")
    return "\n".join(parts)


# --------------------------------------------------------------- a built-in claim
def _claim_of(result):
    from proofs.claims import claim

    return claim(result.claim) if isinstance(result.claim, str) else result.claim


def _instances_text(result):
    ns = sorted(result.instances)
    general = "general n: -" if result.general is None else f"general n: {result.general}"
    if not ns:
        return general
    return general + f"; n = {ns[0]}..{ns[-1]}: " + ", ".join(str(result.instances[q]) for q in ns)


def _claim_parts(result):
    """(part result for general n or the first n checked, failures at every n) for each derivation."""
    chosen = {}
    for part in result.parts:
        key = part.part if part.part is not None else part.title
        if key not in chosen or (part.n is None and chosen[key].n is not None):
            chosen[key] = part
    failures = [(part, step) for part in result.parts for step in part.steps if not step.verdict.ok]
    return list(chosen.values()), failures


def _part_display(part):
    from ..printer import lecture_latex

    rows = [(s.relation, lecture_latex(s.rhs), f"{text_tex(describe(s.justification))} \\quad {verdict_tex(s.verdict)}")
            for s in part.steps]
    return _aligned(lecture_latex(part.steps[0].lhs), rows) if part.steps else ""


def _statement_tex(claim):
    from ..printer import lecture_latex

    return lecture_latex(claim.statement) if claim.statement is not None else text_tex(claim.text)


def _failure_text(part, step):
    where = "general n" if part.n is None else f"n = {part.n}"
    return f"{part.title}, step {step.index} ({where}) is {step.verdict.kind}"


def _markdown_ClaimResult(result):
    claim = _claim_of(result)
    parts, failures = _claim_parts(result)
    lines = [f"**{_md_text(claim.title)}** ({_md_text(claim.id)}): ${_statement_tex(claim)}$", "",
             f"{_md_text(_instances_text(result))}"]
    for part in parts:
        where = "general n" if part.n is None else f"n = {part.n}"
        lines += ["", f"*{_md_text(part.title)}* ({where}):", "", _md(_part_display(part))]
    if failures:
        lines.append("")
    for part, step in failures:
        cx = f" at ${counterexample_tex(step.counterexample)}$" if step.counterexample else ""
        lines.append(f"- {_md_text(_failure_text(part, step))}{cx}")
    for fact in result.facts:
        lines.append(f"- {_md_text(fact.title)}: {_md_text(fact.verdict)}")
    return "\n".join(lines)


def _latex_ClaimResult(result):
    claim = _claim_of(result)
    parts, failures = _claim_parts(result)
    out = [f"$${text_tex(claim.title + ': ')} {_statement_tex(claim)} \\quad {text_tex(_instances_text(result))}$$"]
    for part in parts:
        out.append(f"$$\n{_part_display(part)}\n$$")
    for part, step in failures:
        cx = f"\\ \\text{{at }} {counterexample_tex(step.counterexample)}" if step.counterexample else ""
        out.append(f"$${text_tex(_failure_text(part, step))}{cx}$$")
    return "\n".join(out)


def _html_ClaimResult(result):
    claim = _claim_of(result)
    parts, failures = _claim_parts(result)
    out = [f'<div class="claim"><p><strong>{html.escape(claim.title)}</strong> ({html.escape(claim.id)}): '
           f"\\({html.escape(_statement_tex(claim), quote=False)}\\) {_html_verdict(result.verdict)}</p>",
           f"<p>{html.escape(_instances_text(result))}</p>"]
    for part in parts:
        where = "general n" if part.n is None else f"n = {part.n}"
        out.append(f"<p><em>{html.escape(part.title)}</em> ({where}):</p>")
        out.append(_html_display(_part_display(part)))
    if failures or result.facts:
        out.append("<ul>")
        for part, step in failures:
            cx = (f" at \\({html.escape(counterexample_tex(step.counterexample), quote=False)}\\)"
                  if step.counterexample else "")
            out.append(f"<li>{html.escape(_failure_text(part, step))}{cx}</li>")
        for fact in result.facts:
            out.append(f"<li>{html.escape(fact.title)}: {_html_verdict(fact.verdict)}</li>")
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------- a grade against a claim
#: What a grading status adds to the verdict beside a step.
STATUS_TEX = {
    "holds": "",
    "holds-undeclared": r"\ \text{(not declared)}",
    "undeclared": r"\ \text{(not declared: missing)}",
    "extra-hypothesis": r"\ \text{(a hypothesis the claim does not have)}",
    "refuted": "",
    "undecided": "",
}


def _grade_display(grade):
    statuses = {s.report.index: verdict_tex(s.verdict) + STATUS_TEX.get(s.status, "") for s in grade.chain.steps}
    return _chain_display(grade.chain.chain, statuses)


def _grade_head(grade):
    return f"{grade.path}: {'proves' if grade.proves else 'does not prove'} {grade.claim_id}"


def _gap_pieces(grade, gap):
    """A gap as (text, LaTeX, text) pieces: the formulas of the graded chain and the claim as formulas."""
    from ..printer import lecture_latex

    graded = grade.chain
    if gap.chain is None and graded is not None and gap.kind in ("refuted", "undecided") and gap.step:
        step = graded.chain.steps[gap.step - 1]
        head = f"step {step.index} (line {step.line}, column {step.column}) is {step.verdict.kind}"
        if step.counterexample is not None:
            return [(head + " at ", counterexample_tex(step.counterexample), "")]
        return [(head + (f": {step.detail}" if step.detail else ""), "", "")]
    if gap.chain is None and graded is not None and gap.kind in ("starts-elsewhere", "ends-elsewhere"):
        st = _claim_statement(grade)
        sides = (st.rhs, st.lhs) if graded.reversed else (st.lhs, st.rhs)
        names = ("right", "left") if graded.reversed else ("left", "right")
        if gap.kind == "starts-elsewhere":
            written, side, name, verb = graded.chain.steps[0].lhs_latex, sides[0], names[0], "starts"
        else:
            written, side, name, verb = graded.chain.steps[-1].rhs_latex, sides[1], names[1], "ends"
        return [(f"the chain {verb} at ", written, ""), (f", not at the claim's {name} side ", lecture_latex(side), "")]
    return [(gap.message, "", "")]


def _claim_statement(grade):
    from proofs.claims import claim

    return claim(grade.claim_id).statement


def _markdown_Grade(grade):
    lines = [f"**{_md_text(_grade_head(grade))}**"]
    if grade.chain is not None:
        lines += ["", _md(_grade_display(grade))]
    notes = [] if grade.proves else [_gap_pieces(grade, gap) for gap in grade.gaps]
    notes += [[(remark, "", "")] for remark in grade.remarks]
    if notes:
        lines.append("")
    for pieces in notes:
        lines.append("- " + "".join(_md_text(a) + (f"${tex}$" if tex else "") + _md_text(b) for a, tex, b in pieces))
    return "\n".join(lines)


def _latex_Grade(grade):
    out = [f"$${text_tex(_grade_head(grade))}$$"]
    if grade.chain is not None:
        out.append(f"$$\n{_grade_display(grade)}\n$$")
    notes = [] if grade.proves else [_gap_pieces(grade, gap) for gap in grade.gaps]
    notes += [[(remark, "", "")] for remark in grade.remarks]
    for pieces in notes:
        out.append("$$" + " ".join(text_tex(a) + (f" {tex} " if tex else "") + (text_tex(b) if b else "")
                                   for a, tex, b in pieces) + "$$")
    return "\n".join(out)


def _html_Grade(grade):
    colour = VERDICT_COLOUR[PROVED if grade.proves else REFUTED]
    out = [f'<div class="grade"><p><strong>{html.escape(grade.path)}</strong>: '
           f'<span style="color: {colour}; font-weight: bold">{"proves" if grade.proves else "does not prove"} '
           f"{html.escape(grade.claim_id)}</span></p>"]
    if grade.chain is not None:
        out.append(_html_display(_grade_display(grade)))
    notes = [] if grade.proves else [_gap_pieces(grade, gap) for gap in grade.gaps]
    notes += [[(remark, "", "")] for remark in grade.remarks]
    if notes:
        out.append("<ul>")
        for pieces in notes:
            out.append("<li>" + "".join(html.escape(a) + (f"\\({html.escape(tex, quote=False)}\\)" if tex else "")
                                        + html.escape(b) for a, tex, b in pieces) + "</li>")
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------- dispatch
def _dispatch(kind, obj):
    for cls in type(obj).__mro__:
        printer = globals().get(f"_{kind}_{cls.__name__}")
        if printer is not None:
            return printer(obj)
    raise TypeError(f"cannot print a {type(obj).__name__} as {kind}; expected a ChainReport, FileReport, "
                    "ClaimResult or Grade")


def to_markdown(obj):
    """Markdown with ``$$`` displays of a ChainReport, FileReport, ClaimResult or Grade."""
    return _dispatch("markdown", obj)


def to_latex(obj):
    """LaTeX (displays in ``$$``) of a ChainReport, FileReport, ClaimResult or Grade."""
    return _dispatch("latex", obj)


def to_html(obj):
    r"""HTML, with the mathematics in ``\[ \]`` and ``\( \)`` for MathJax or KaTeX, of the same four kinds."""
    return _dispatch("html", obj)


def install_reprs():
    """Give ChainReport, FileReport, ClaimResult and Grade their Jupyter representations.

    After this call a notebook cell whose value is one of them shows it as
    Markdown, LaTeX or HTML, whichever the front end prefers.  Calling it
    again changes nothing.
    """
    from proofs.reader.report import ChainReport, FileReport
    from proofs.verdict import ClaimResult

    from .claim import Grade

    for cls in (ChainReport, FileReport, ClaimResult, Grade):
        cls._repr_markdown_ = to_markdown
        cls._repr_latex_ = to_latex
        cls._repr_html_ = to_html
