"""One JSON schema for every verdict the toolkit prints: ``proofs.verify --json`` and ``proofs.check --json``.

The document is described in docs/json.md; its ``"schema"`` field is
:data:`SCHEMA` and changes whenever a field changes meaning.  Both commands
share its objects: a *chain* (a derivation for one n, or a chain read from a
file) holds *steps*; a step holds its verdict, both sides, its counterexample
and the numeric veto's findings.  A printer reads results and decides nothing.
"""

from __future__ import annotations

import json

import sympy as sp

from .counterexamples import counterexample_text, number_text
from .verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED

__all__ = ["SCHEMA", "document", "claim_json", "file_json", "chain_json", "step_json",
           "counterexample_json", "counts", "dumps"]

#: The version of the document's layout.
SCHEMA = 1


def counterexample_json(cx):
    """A counterexample: n, the values at the point (names as SymPy writes them, ``y[1]``), both sides,
    and how it reads."""
    if cx is None:
        return None
    return {"n": cx.n, "values": {sp.sstr(k): number_text(v) for k, v in cx.values.items()},
            "lhs": number_text(cx.lhs), "rhs": number_text(cx.rhs), "text": counterexample_text(cx)}


def step_json(step):
    """One step of a built-in derivation (:class:`~proofs.verdict.StepResult`) or of a file's chain."""
    cx = step.counterexample
    out = {
        "index": step.index,
        "relation": step.relation,
        "verdict": str(step.verdict),
        "kind": step.verdict.kind,
        "hypotheses": list(step.verdict.hypotheses),
        "justification": getattr(step, "justification", "as-written"),
        "lhs": sp.sstr(step.lhs, order="none"),
        "rhs": sp.sstr(step.rhs, order="none"),
        "lhs_latex": getattr(step, "lhs_latex", None),
        "rhs_latex": getattr(step, "rhs_latex", None),
        "line": getattr(step, "line", None),
        "column": getattr(step, "column", None),
        "counterexample": counterexample_json(cx),
        "checked_points": getattr(step, "checked_points", 0),
        "internal_error": getattr(step, "internal_error", ""),
        "detail": getattr(step, "detail", "") or getattr(step, "method", ""),
    }
    results = getattr(step, "results", None)
    if results:
        out["by_n"] = {("general" if r.n is None else str(r.n)): str(r.verdict) for r in results}
        out["checked_points"] = sum(getattr(r, "checked_points", 0) for r in results)
        errors = [r.internal_error for r in results if getattr(r, "internal_error", "")]
        out["internal_error"] = errors[0] if errors else ""
    return out


def chain_json(title, steps, *, id=None, n="all", verdict=None, line=None, column=None,
               hypotheses=(), indices=(), distinct=(), model=None):
    """A chain: its id (built-in derivations), title, the n it was checked for, its steps."""
    return {
        "id": id,
        "title": title,
        "n": n,
        "verdict": None if verdict is None else str(verdict),
        "line": line,
        "column": column,
        "hypotheses": list(hypotheses),
        "indices": [str(s) for s in indices],
        "distinct": [[str(p), str(q)] for p, q in distinct],
        "model": model,
        "steps": [step_json(s) for s in steps],
    }


def counts(steps):
    """How many steps got each verdict, and how many the numeric veto refused."""
    out = {"steps": 0, "proved": 0, "proved_under": 0, "refuted": 0, "undecided": 0, "internal_errors": 0}
    key = {PROVED: "proved", PROVED_UNDER: "proved_under", REFUTED: "refuted", UNDECIDED: "undecided"}
    for s in steps:
        out["steps"] += 1
        out[key[s["kind"]]] += 1
        out["internal_errors"] += bool(s["internal_error"])
    return out


def claim_json(result, all_steps=True):
    """A claim of the lecture with its verdicts for general n and each n, facts, evidence, chains."""
    chains = []
    for part in result.parts:
        steps = [s for s in part.steps if all_steps or not s.verdict.ok]
        chains.append(chain_json(part.title, steps, id=part.id or None, n=part.n, verdict=part.verdict))
    return {
        "id": result.id,
        "title": result.claim.title,
        "statement": result.claim.text,
        "verdict": str(result.verdict),
        "general": None if result.general is None else str(result.general),
        "instances": {str(q): str(v) for q, v in result.instances.items()},
        "numeric": None if result.numeric is None else result.numeric.as_dict(),
        "facts": [{"id": f.id or None, "title": f.title, "verdict": str(f.verdict), "detail": f.detail,
                   "n": f.n} for f in result.facts],
        "seconds": round(result.seconds, 3),
        "chains": chains,
    }


def file_json(report):
    """A user's file: its chains (each step with its place), notes and unreadable formulas."""
    chains = []
    for chain in report.chains:
        d = chain.derivation
        chains.append(chain_json(
            chain.title, chain.steps, n="all", verdict=chain.verdict, line=chain.source.line,
            column=chain.source.column, hypotheses=[h.name for h in d.hypotheses], indices=d.indices,
            distinct=d.distinct, model=d.model.name if d.model is not None else None))
    return {
        "path": report.path,
        "verdict": None,
        "chains": chains,
        "notes": [{"line": x.line, "column": x.column, "message": x.message} for x in report.notes],
        "errors": [{"line": x.line, "column": x.column, "message": x.message} for x in report.errors],
        "blocks_read": getattr(report, "blocks_read", None),
        "blocks_unread": getattr(report, "blocks_unread", None),
        "exit_code": report.exit_code,
    }


def document(tool, ok, exit_code, seconds=None, claims=None, files=None):
    """The whole JSON document of one command."""
    items = claims if claims is not None else files or []
    steps = [s for item in items for c in item["chains"] for s in c["steps"]]
    out = {"schema": SCHEMA, "tool": tool, "ok": ok, "exit_code": exit_code}
    if seconds is not None:
        out["seconds"] = round(seconds, 3)
    out["summary"] = counts(steps)
    if claims is not None:
        out["claims"] = claims
    if files is not None:
        out["files"] = files
        out["summary"]["errors"] = sum(len(f["errors"]) for f in files)
        out["summary"]["notes"] = sum(len(f["notes"]) for f in files)
        out["summary"]["blocks_read"] = sum(f["blocks_read"] or 0 for f in files)
        out["summary"]["blocks_unread"] = sum(f["blocks_unread"] or 0 for f in files)
    return out


def dumps(doc):
    """The document as text (UTF-8 characters kept, one-space indent)."""
    return json.dumps(doc, ensure_ascii=False, indent=1)
