"""From the checker's results to a handout: the sections, in the lecture's order.

:func:`build_document` turns a sequence of :class:`proofs.verdict.ClaimResult`
into a :class:`reports.document.Document` in one language: the definitions
and notation first (:mod:`reports.definitions`), then the claims, then the
errata (:mod:`reports.errata`).  The lecturer's edition has everything; the
student's leaves out the verdicts for each concrete n and the numeric
checks.  Per claim it
gives the title and statement, the hypotheses, the verdict with a note on
general n, every derivation step by step (each step's relation, formula,
justification and verdict; a step that is not proved is shown as such), the
computed facts, and the numeric evidence in one line.  Formulas come from the
checked expressions through :func:`proofs.printer.lecture_latex`; words come
from the catalog of :mod:`reports.lang`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from proofs.notation import n as n_symbol
from proofs.relations import latex as relation_latex

from .counterexample import counterexample_pieces
from .definitions import definitions_blocks
from .document import Display, Document, Heading, Items, Mark, Math, Paragraph, StepRow, Steps, Strong, Text
from .errata import claim_links, errata_blocks
from .inline import fill
from .lang import catalog
from proofs.printer import lecture_latex

__all__ = ["build_document", "FigureSet", "compact_ranges", "EDITIONS"]

EDITIONS = ("lecturer", "student")
"""The lecturer's edition has everything; the student's leaves out the per-n verdicts and the numeric checks."""

"""How a step's relation is printed."""


@dataclass(frozen=True)
class FigureSet:
    """The figures a handout places beside its claims, built per language.

    Each entry maps a claim id to a function ``(catalog) -> tuple of blocks``
    placed at the end of that claim's section.
    """

    after_claim: dict


def compact_ranges(numbers):
    """``[1, 2, 3, 5]`` as ``"1–3, 5"``: runs of consecutive numbers joined by an en dash."""
    numbers = sorted(set(int(q) for q in numbers))
    out, start = [], None
    for position, q in enumerate(numbers):
        if start is None:
            start = q
        following = numbers[position + 1] if position + 1 < len(numbers) else None
        if following != q + 1:
            out.append(str(start) if start == q else f"{start}–{q}")
            start = None
    return ", ".join(out)


def _mark(verdict, cat):
    return Mark(verdict.kind, cat.word(f"verdict.{verdict.kind}"))


def _hypotheses(names, cat):
    pieces = []
    for position, name in enumerate(names):
        if position:
            pieces.append(Text(", "))
        pieces += fill(cat.lookup("HYPOTHESES", name))
    return tuple(pieces)


def _verdict_pieces(verdict, cat):
    """A mark and, for proved-under, the hypotheses it needed."""
    pieces = (_mark(verdict, cat),)
    if verdict.kind == "proved-under":
        pieces += (Text(" "),) + _hypotheses(verdict.hypotheses, cat)
    return pieces


def _counterexample(cx, cat):
    return counterexample_pieces(cx, cat)


def _steps(part, cat):
    rows = []
    for step in part.steps:
        detail = _counterexample(step.counterexample, cat) if step.counterexample is not None else ()
        under = _hypotheses(step.verdict.hypotheses, cat) if step.verdict.kind == "proved-under" else ()
        rows.append(StepRow(
            number=step.index,
            relation=relation_latex(step.relation),
            formula=lecture_latex(step.rhs),
            reason=fill(cat.lookup("JUSTIFICATIONS", step.justification)),
            mark=_mark(step.verdict, cat),
            under=under,
            detail=detail,
        ))
    start = lecture_latex(part.steps[0].lhs) if part.steps else ""
    return Steps(start=start, rows=tuple(rows))


def _n_equals(numbers):
    return (Math(lecture_latex(n_symbol)), Text(" = " + compact_ranges(numbers)))


def _instances_line(instances, cat, lead):
    """``lead`` then, per verdict, the concrete n that received it."""
    groups = {}
    for q, verdict in sorted(instances.items()):
        groups.setdefault(verdict, []).append(q)
    pieces = list(fill(cat.word(lead)))
    for position, (verdict, numbers) in enumerate(groups.items()):
        if position:
            pieces.append(Text("; "))
        pieces += _n_equals(numbers)
        pieces.append(Text(": "))
        pieces += _verdict_pieces(verdict, cat)
    pieces.append(Text("."))
    return tuple(pieces)


def _part_blocks(derivation, results, cat, edition="lecturer"):
    """A derivation: its title, note, the steps of one representative run, the other runs in a line."""
    title = cat.lookup("PARTS", derivation.id)
    blocks = [Heading(2, fill(title))]
    if derivation.note:
        blocks.append(Paragraph(fill(cat.lookup("NOTES", derivation.id)), small=True))
    general = [r for r in results if r.n is None]
    concrete = sorted((r for r in results if r.n is not None), key=lambda r: r.n)
    shown = general[0] if general else (concrete[0] if concrete else None)
    if shown is None:
        return blocks
    if shown.n is None:
        head = fill(cat.word("part.general"))
    else:
        head = fill(cat.word("part.instance")) + (Text(str(shown.n) + "."),)
    blocks.append(Paragraph(head + (Text(" "),) + _verdict_pieces(shown.verdict, cat), small=True))
    blocks.append(_steps(shown, cat))
    others = {r.n: r for r in concrete if r is not shown}
    if others and edition == "lecturer":
        line = list(_instances_line({q: r.verdict for q, r in others.items()}, cat, "part.others"))
        failed = sorted({(s.index, str(s.verdict)) for r in others.values() for s in r.steps if not s.verdict.ok})
        if failed:
            line.pop()  # the full stop; the failing steps follow
            line.append(Text(" (" + cat.word("step") + " "))
            line.append(Text(", ".join(str(index) for index in sorted({f[0] for f in failed}))))
            line.append(Text(")."))
        blocks.append(Paragraph(tuple(line), small=True))
        for r in others.values():
            for s in r.steps:
                if s.counterexample is not None:
                    blocks.append(Paragraph(_counterexample(s.counterexample, cat), small=True))
    return blocks


def _numeric_line(evidence, cat):
    pieces = [Strong(cat.word("numeric")), Text(" ")]
    if evidence is None:
        pieces += fill(cat.word("numeric.none"))
    else:
        pieces += _numeric_words(evidence, cat)
    return Paragraph(tuple(pieces), small=True)


def _power_of_ten(value, mark="."):
    """A small number as a formula, 1.5e-31 as 1.5 \\cdot 10^{-31} (``mark`` is the decimal mark)."""
    if value == 0:
        return Math("0")
    mantissa, exponent = f"{value:.1e}".split("e")
    return Math(r"%s \cdot 10^{%d}" % (mantissa.replace(".", "{,}" if mark == "," else "."), int(exponent)))


def _numeric_words(evidence, cat):
    """The evidence in the document's language, from its numbers (not its English summary)."""
    if not hasattr(evidence, "chain_points"):
        summary = getattr(evidence, "summary", None)
        return (Text(str(summary if summary is not None else evidence)),)
    pieces = []
    if evidence.chain_points:
        values = {"points": evidence.chain_points, "range": compact_ranges(evidence.chain_n)}
        pieces += fill(cat.word("numeric.chain"), values)
        pieces.append(_power_of_ten(evidence.chain_gap, cat.word("decimal.mark")))
        if not evidence.inequalities_ok:
            pieces += [Text("; "), Mark("refuted", cat.word("numeric.inequality"))]
    if evidence.network_points:
        if pieces:
            pieces.append(Text("; "))
        before, after = cat.word("numeric.network").split("[links]")
        pieces += fill(before, {"points": evidence.network_points})
        for position, link in enumerate(evidence.network_links):
            if position:
                pieces.append(Text(", "))
            pieces.append(Math(_network_link(link)))
        pieces += fill(after, {"points": evidence.network_points})
        pieces.append(_power_of_ten(evidence.network_gap, cat.word("decimal.mark")))
    if not pieces:
        return fill(cat.word("numeric.none"))
    if not getattr(evidence, "ok", True):
        pieces += [Text(" "), Mark("refuted", cat.word("numeric.disagrees"))]
    pieces.append(Text("."))
    return tuple(pieces)


def _network_link(name):
    """The derivative that a link to the network compares, as a formula."""
    try:
        from proofs.evidence import NETWORK_LINKS
    except ImportError:
        NETWORK_LINKS = {}
    if name in NETWORK_LINKS:
        return lecture_latex(NETWORK_LINKS[name][0])
    return r"	ext{%s}" % re.sub(r"[^A-Za-z]", " ", name)


def _claim_blocks(number, result, cat, figures, edition="lecturer", lecture=()):
    claim = result.claim
    title, text = cat.claim(claim.id)
    blocks = [Heading(1, (Text(f"{number}. "),) + fill(title), anchor=claim.id)]
    blocks.append(Paragraph(fill(text)))
    if claim.statement is not None:
        blocks.append(Paragraph((Strong(cat.word("statement")),)))
        blocks.append(Display(lecture_latex(claim.statement)))
    if claim.hypotheses:
        blocks.append(Paragraph((Strong(cat.word("hypotheses")), Text(" "))
                                + _hypotheses([h.name for h in claim.hypotheses], cat)))
    verdict = (Strong(cat.word("claim.verdict")), Text(" ")) + _verdict_pieces(result.verdict, cat)
    notes = []
    if result.general is not None and result.general.ok:
        notes.append(Paragraph(fill(cat.word("general")), small=True))
    elif result.general is not None:
        notes.append(Paragraph(fill(cat.word("general.not")) + _verdict_pieces(result.general, cat), small=True))
    if result.instances and edition == "lecturer":
        lead = "instances" if result.general is not None else "instances.only"
        notes.append(Paragraph(_instances_line(result.instances, cat, lead), small=True))
    blocks.append(Paragraph(verdict))
    blocks += notes
    link = claim_links(claim.id, lecture, cat)
    if link is not None:
        blocks.append(link)
    by_id = {}
    for part in result.parts:
        by_id.setdefault(part.id, []).append(part)
    for derivation in claim.parts:
        blocks += _part_blocks(derivation, by_id.get(derivation.id, []), cat, edition)
    if claim.parts and result.verdict.ok:
        blocks.append(Paragraph((Text(cat.word("qed")),), small=True))
    if result.facts:
        blocks.append(Heading(2, (Text(cat.word("facts")),)))
        items = []
        for fact in result.facts:
            item = fill(cat.lookup("FACTS", fact.id)) + (Text(": "),) + _verdict_pieces(fact.verdict, cat)
            if fact.counterexample is not None:
                item += (Text(". "),) + _counterexample(fact.counterexample, cat)
            items.append(item)
        blocks.append(Items(tuple(items)))
    if edition == "lecturer":
        blocks.append(_numeric_line(result.numeric, cat))
    if figures is not None and claim.id in figures.after_claim:
        blocks += list(figures.after_claim[claim.id](cat))
    return blocks


def _legend(cat):
    items = []
    for kind in ("proved", "proved-under", "refuted", "undecided"):
        items.append((Mark(kind, cat.word(f"verdict.{kind}")), Text(" — " + cat.word(f"legend.{kind}"))))
    return Items(tuple(items))


def build_document(lang, results, figures: Optional[FigureSet] = None, extra_blocks=(), edition="lecturer",
                   lecture=None):
    """The handout in ``lang`` for ``results`` (claim results in the lecture's order).

    ``edition`` is one of :data:`EDITIONS`; ``lecture`` holds the lecture's own
    proofs as checked by :func:`reports.lecture.check_lecture` (``None``: no
    errata section).
    """
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; known: {', '.join(EDITIONS)}")
    cat = catalog(lang)
    lecture = tuple(lecture or ())
    blocks = [Paragraph(fill(cat.word("intro"))), _legend(cat)]
    blocks += list(definitions_blocks(cat))
    for number, result in enumerate(results, 1):
        blocks += _claim_blocks(number, result, cat, figures, edition, lecture)
    if lecture:
        blocks += errata_blocks(cat, lecture, results)
    for make in extra_blocks:
        blocks += list(make(cat))
    blocks.append(Paragraph((Text(cat.word("end")),)))
    subtitle = cat.word("subtitle" if edition == "lecturer" else "subtitle.student")
    return Document(lang=lang, title=cat.word("title"), subtitle=subtitle, blocks=tuple(blocks))
