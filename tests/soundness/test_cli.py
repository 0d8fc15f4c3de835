"""A few corpus files through the command line, as users (and the issue's measure) run it.

``python -m proofs.check --json`` must give the same sound verdicts as the Python
API: no false step proved, no true step refuted.  Three files keep it short: the
reading rules, the hypothesis sum_j y_j = 1 left out, and Lemma 4 as whole chains.
"""

import json
import subprocess
import sys

import pytest

from soundcorpus import CORPUS, Seen, judge, new_counts, read_corpus_file

FILES = ["reading_rules.md", "false_no_hypothesis.md", "lemma4_chains.md"]


def _seen(step):
    verdict = step["verdict"]
    if step.get("detail"):
        verdict += f" ({step['detail']})"
    if step.get("counterexample"):
        verdict += f"; counterexample: {step['counterexample']}"
    return Seen(step["index"], f"{step['lhs_latex']} {step['relation']} {step['rhs_latex']}", step["kind"],
                verdict, step.get("by_n", {}).get("general", "").split(":")[0])


@pytest.mark.parametrize("name", FILES)
def test_command_line_verdicts_are_sound(name):
    corpus = read_corpus_file(CORPUS / name)
    flag = "--assume-lecture" if corpus.assume_lecture else "--no-assume-lecture"
    run = subprocess.run([sys.executable, "-m", "proofs.check", "--json", flag, str(corpus.path)],
                         capture_output=True, text=True, timeout=600)
    assert "Traceback" not in run.stderr, run.stderr
    report = json.loads(run.stdout)
    chains = {chain["line"]: chain for chain in report["files"][0]["chains"]}
    counts = new_counts()
    problems = []
    for block in corpus.blocks:
        chain = chains.get(block.line)
        if chain is None:
            problems.append(f"{block.name}: not checked by the command line: {block.latex}")
            continue
        found, _ = judge(block, [_seen(s) for s in chain["steps"]], counts)
        problems += found
    print(f"{name} (command line): " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    assert not problems, f"{len(problems)} problems in {name}:\n" + "\n".join(problems)
