"""The soundness corpus through the project's checker: no false step proved, no true step refuted.

One test per corpus file, through :func:`proofs.reader.check_file` (general n and
n = 2, 3, 4, as ``python -m proofs.check`` checks by default).  Each block of the
file is matched with the chain the checker read at its line; which of its steps
are false comes from the independent reference (:func:`soundcorpus.ground_truth`),
whose agreement with the marks in the files is tested in test_ground_truth.py.
A failure lists every offending block with its line, the step, the verdict and,
for a refuted true step, the checker's counterexample.  A step where the symbolic
route said proved and the numeric veto found the sides differ (an internal error of
the checker) fails too, whatever its final verdict.  Undecided true steps are
tolerated, counted and listed at the end of the session.
"""

import pytest

from proofs.reader import check_file

from soundcorpus import TOTALS, UNDECIDED_TRUE, Seen, corpus_files, judge, new_counts, read_corpus_file

#: Seconds the checker may spend on one chain before leaving it undecided.
TIME_LIMIT = 30
FILES = corpus_files()


def _seen(step):
    verdict = str(step.verdict)
    if step.detail:
        verdict += f" ({step.detail})"
    if step.counterexample is not None:
        verdict += f"; counterexample: {step.counterexample}"
    general = next((r.verdict.kind for r in step.results if r.n is None), "")
    errors = tuple(f"{'general n' if r.n is None else f'n = {r.n}'}: {r.internal_error}"
                   for r in step.results if getattr(r, "internal_error", ""))
    return Seen(step.index, f"{step.lhs_latex} {step.relation} {step.rhs_latex}", step.verdict.kind, verdict,
                general, errors)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file(path):
    corpus = read_corpus_file(path)
    report = check_file(str(path), assume_lecture=corpus.assume_lecture, time_limit=TIME_LIMIT)
    chains = {chain.source.line: chain for chain in report.chains}
    errors = {getattr(e, "line", None): e for e in report.errors}
    counts = new_counts()
    problems = []
    for block in corpus.blocks:
        chain = chains.get(block.line)
        if chain is None:
            counts["unchecked blocks"] += 1
            why = errors.get(block.line, "no chain was read at this line")
            problems.append(f"{block.name}: not checked: {why}: {block.latex}")
            continue
        found, notes = judge(block, [_seen(s) for s in chain.steps], counts)
        problems += found
        UNDECIDED_TRUE.extend(notes)
    TOTALS.update(counts)
    print(f"{path.name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    assert not problems, f"{len(problems)} problems in {path.name}:\n" + "\n".join(problems)
