"""The soundness corpus through the project's checker: no false step proved, no true step refuted.

One test per corpus file.  Each block of the file is matched with the chain the
checker read at its line; which of its steps are false comes from the independent
reference (:func:`soundcorpus.ground_truth`), whose agreement with the marks in the
files is tested in test_ground_truth.py.  A failure lists every offending block with
its line, the step, the verdict and, for a refuted true step, the checker's
counterexample.  A step where the symbolic route said proved and the numeric veto
found the sides differ (an internal error of the checker) fails too, whatever its
final verdict.  Undecided true steps are tolerated, counted and printed.
"""

import pytest

from proofs.latex import check_file
from proofs.verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED

from soundcorpus import TOTALS, UNDECIDED_TRUE, corpus_files, ground_truth, read_corpus_file

#: Seconds the checker may spend on one chain before leaving it undecided.
TIME_LIMIT = 30
FILES = corpus_files()


def _verdict_text(step):
    text = str(step.verdict)
    if step.detail:
        text += f" ({step.detail})"
    if step.counterexample is not None:
        text += f"; counterexample: {step.counterexample}"
    return text


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file(path):
    corpus = read_corpus_file(path)
    report = check_file(str(path), assume_lecture=corpus.assume_lecture, time_limit=TIME_LIMIT)
    chains = {chain.source.line: chain for chain in report.chains}
    errors = {getattr(e, "line", None): e for e in report.errors}
    problems = []
    counts = {"false steps": 0, "true steps": 0, "false proved": 0, "true refuted": 0,
              "true undecided": 0, "unchecked blocks": 0, "internal errors": 0}
    for block in corpus.blocks:
        chain = chains.get(block.line)
        if chain is None:
            counts["unchecked blocks"] += 1
            why = errors.get(block.line, "no chain was read at this line")
            problems.append(f"{block.name}: not checked: {why}: {block.latex}")
            continue
        truths = ground_truth(block)
        if len(chain.steps) != len(truths):
            problems.append(f"{block.name}: the checker read {len(chain.steps)} steps, "
                            f"the reference {len(truths)}: {block.latex}")
            continue
        for step, truth in zip(chain.steps, truths):
            kind = step.verdict.kind
            where = f"{block.name}: step {step.index} ({step.lhs_latex} {step.relation} {step.rhs_latex})"
            vetoed = [result for result in step.results if getattr(result, "internal_error", "")]
            if vetoed:
                counts["internal errors"] += 1
                ns = ", ".join("general n" if r.n is None else f"n = {r.n}" for r in vetoed)
                problems.append(f"{where}: internal error ({ns}; the step is "
                                f"{'FALSE' if truth.false else 'TRUE'}): {vetoed[0].internal_error}")
            if truth.false:
                counts["false steps"] += 1
                general = [r for r in step.results if r.n is None and r.verdict.kind in (PROVED, PROVED_UNDER)]
                if general and kind not in (PROVED, PROVED_UNDER):
                    # The worst verdict over n hides it, but "for general n" claims every n >= 1.
                    problems.append(f"{where}: FALSE but {general[0].verdict} for general n "
                                    f"(its final verdict {step.verdict} comes from a concrete n)")
                if kind in (PROVED, PROVED_UNDER):
                    counts["false proved"] += 1
                    problems.append(f"{where}: FALSE but {_verdict_text(step)}; the reference refutes it at "
                                    f"{truth.witness}")
            else:
                counts["true steps"] += 1
                if kind == REFUTED:
                    counts["true refuted"] += 1
                    problems.append(f"{where}: TRUE but {_verdict_text(step)}")
                elif kind == UNDECIDED:
                    counts["true undecided"] += 1
                    UNDECIDED_TRUE.append(f"{where}{': ' + step.detail if step.detail else ''}")
    TOTALS.update(counts)
    print(f"{path.name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    assert not problems, f"{len(problems)} unsound verdicts in {path.name}:\n" + "\n".join(problems)
