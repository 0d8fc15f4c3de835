"""The errata: every proof the lecture writes out, step by step, with the checker's verdicts.

The formulas of a lecture proof are printed as the slide writes them (the
text the checker read), so that Lemma 3's clash of indices stays visible.
The section is built from :func:`reports.lecture.check_lecture` (the slides'
chains through the step checker) and from the claims' own results where the
lecture leaves out a condition: ``n >= 2`` for ``0 < a_j < 1`` (the part
``range-single-class``) and ``y_j > 0`` for the minimum of C to be attained
(the facts ``minimum-not-reached`` and ``minimum-infimum``).  Nothing in it is
a hand-written list of mistakes: a step is shown as wrong only because the
checker refuted it.
"""

from __future__ import annotations

from proofs.relations import latex as relation_latex

from .counterexample import counterexample_pieces
from .document import Heading, Link, Mark, Paragraph, StepRow, Steps, Text
from .inline import fill

__all__ = ["errata_blocks", "claim_links", "ANCHOR", "anchor"]

ANCHOR = "errata"


def as_written(latex):
    """A side of a step as the slide writes it (the alignment marks and line breaks of its display removed).

    The errata show the lecture's own formulas, not the checker's reading of
    them, so that a reader finds on the page exactly what the slide says.
    """
    return " ".join(latex.replace("&", " ").replace("\\\\", " ").split())


def anchor(proof_id):
    """The anchor of one lecture proof in the errata."""
    return f"{ANCHOR}-{proof_id}"


def _numbers(numbers, cat):
    """``4, 7, 10 и 12``: a list of step numbers joined as the language joins them."""
    numbers = [str(q) for q in numbers]
    if len(numbers) == 1:
        return numbers[0]
    return ", ".join(numbers[:-1]) + cat.word("and") + numbers[-1]


def summary(checked, cat):
    """One sentence on a lecture proof: all steps hold, or which are false."""
    if checked.refuted:
        key = "errata.refuted.one" if len(checked.refuted) == 1 else "errata.refuted.many"
        return fill(cat.word(key), {"steps": _numbers(checked.refuted, cat)})
    if checked.unsettled:
        return fill(cat.word("errata.unsettled"), {"steps": _numbers(checked.unsettled, cat)})
    return fill(cat.word("errata.correct"))


def _rows(checked, cat):
    rows = []
    for step in checked.report.steps:
        detail = counterexample_pieces(step.counterexample, cat) if step.counterexample is not None else ()
        under = ()
        if step.verdict.kind == "proved-under":
            under = tuple(p for position, name in enumerate(step.verdict.hypotheses)
                          for p in ((Text(", "),) if position else ()) + fill(cat.lookup("HYPOTHESES", name)))
        rows.append(StepRow(number=step.index, relation=relation_latex(step.relation),
                            formula=as_written(step.rhs_latex), reason=(),
                            mark=Mark(step.verdict.kind, cat.word(f"verdict.{step.verdict.kind}")),
                            under=under, detail=detail))
    return tuple(rows)


def _proof_blocks(checked, cat):
    title = cat.lookup("LECTURE", checked.id)
    blocks = [Heading(2, fill(title), anchor=anchor(checked.id)),
              Paragraph(summary(checked, cat))]
    for letter, step in checked.clashes:
        blocks.append(Paragraph(fill(cat.word("errata.clash"), {"letter": letter, "step": step})))
    blocks.append(Steps(start=as_written(checked.report.steps[0].lhs_latex), rows=_rows(checked, cat)))
    return blocks


def _by_id(items, wanted):
    return [item for item in items if getattr(item, "id", "") == wanted]


def _conditions(results, cat):
    """The conditions the lecture leaves out, each with the checker's finding that shows it is needed."""
    by_claim = {r.id: r for r in results}
    blocks = []
    softmax_range = by_claim.get("softmax-range")
    if softmax_range is not None:
        single = [p for p in _by_id(softmax_range.parts, "range-single-class") if p.verdict.ok]
        if single:
            blocks.append(Paragraph(fill(cat.word("errata.n2")) + (Text(" "),)
                                    + (Link(cat.word("errata.see.claim"), "softmax-range"), Text("."))))
    minimum = by_claim.get("ce-minimum")
    if minimum is not None:
        facts = [f for f in minimum.facts if f.id in ("minimum-not-reached", "minimum-infimum")]
        if facts and all(f.verdict.ok for f in facts):
            blocks.append(Paragraph(fill(cat.word("errata.ypos")) + (Text(" "),)
                                    + (Link(cat.word("errata.see.claim"), "ce-minimum"), Text("."))))
    if blocks:
        blocks.insert(0, Heading(2, (Text(cat.word("errata.conditions")),), anchor=f"{ANCHOR}-conditions"))
    return blocks


def errata_blocks(cat, checked, results=()):
    """The errata section: the conditions left out, then every lecture proof with its verdicts."""
    blocks = [Heading(1, (Text(cat.word("errata.title")),), anchor=ANCHOR),
              Paragraph(fill(cat.word("errata.intro")))]
    blocks += _conditions(results, cat)
    for proof in checked:
        blocks += _proof_blocks(proof, cat)
    return blocks


def claim_links(claim_id, checked, cat):
    """A paragraph under a claim pointing to each version of its proof in the errata, or ``None``."""
    mine = [c for c in checked if c.proof.claim_id == claim_id]
    if not mine:
        return None
    pieces = list(fill(cat.word("errata.link")))
    for position, proof in enumerate(mine):
        if position:
            pieces.append(Text("; "))
        pieces.append(Link(cat.lookup("LECTURE_SHORT", proof.id), anchor(proof.id)))
        pieces.append(Text(" — "))
        pieces += summary(proof, cat)
        if proof.clashes:
            pieces[-1] = Text(pieces[-1].text.rstrip(".") + "; " + cat.word("errata.clash.short"))
        if pieces and isinstance(pieces[-1], Text) and pieces[-1].text.endswith("."):
            pieces[-1] = Text(pieces[-1].text[:-1])
    pieces.append(Text("."))
    return Paragraph(tuple(pieces))
