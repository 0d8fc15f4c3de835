"""python -m proofs.verify: its output, its JSON and its errors."""

import json
import subprocess
import sys

import pytest


def run(*args):
    return subprocess.run([sys.executable, "-m", "proofs.verify", *args], capture_output=True, text=True,
                          timeout=600)


def test_one_line_per_claim_and_a_summary():
    out = run("--only", "lemma-1", "lemma-3", "--n", "3", "--no-numeric")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[1].startswith("lemma-1           general: proved ")
    assert "n=1..3: PPP" in lines[1]
    assert lines[2].startswith("lemma-3           general: proved") and "n=1..3: .PP" in lines[2]
    assert lines[-1].startswith("2 claims: 2 proved, 0 proved under hypotheses, 0 refuted, 0 undecided")


def test_json_has_the_documented_shape():
    out = run("--only", "lemma-4", "--n", "2", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is True
    (claim,) = data["claims"]
    assert claim["id"] == "lemma-4"
    assert claim["general"] == "proved-under:sum-y-1"
    assert claim["instances"] == {"1": "proved-under:sum-y-1", "2": "proved-under:sum-y-1"}
    assert claim["numeric"]["ok"] is True


def test_verbose_prints_every_step():
    out = run("--only", "lemma-3", "--n", "2", "--verbose", "--no-numeric")
    assert "step 2 (quotient rule): proved" in out.stdout
    assert "step 4 (definition of softmax): proved" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["--n", "0"], "--n must be a whole number from 1 to 16, got 0"),
    (["--n", "-3"], "--n must be a whole number from 1 to 16, got -3"),
    (["--n", "abc"], "--n must be a whole number from 1 to 16, got 'abc'"),
    (["--n", "40"], "larger n would take too long to check"),
    (["--only", "lemma-9"], "unknown claim id 'lemma-9'; known ids: softmax-range"),
    (["--frobnicate"], "unrecognized arguments: --frobnicate"),
])
def test_bad_arguments_give_one_line_and_exit_2(args, message):
    out = run(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and message in out.stderr
    assert "Traceback" not in out.stderr


def test_json_follows_the_shared_schema():
    from proofs.jsonreport import SCHEMA

    out = run("--only", "lemma-4", "--n", "2", "--json", "--verbose", "--no-numeric")
    data = json.loads(out.stdout)
    assert data["schema"] == SCHEMA and data["tool"] == "proofs.verify" and data["exit_code"] == 0
    assert data["summary"]["refuted"] == 0 and data["summary"]["steps"] > 10
    (claim,) = data["claims"]
    chain = claim["chains"][0]
    assert chain["id"] == "lemma-4-last-version" and chain["n"] is None
    step = chain["steps"][0]
    assert {"index", "relation", "verdict", "kind", "lhs", "rhs", "counterexample", "checked_points",
            "internal_error"} <= set(step)
    assert all(s["checked_points"] > 0 for c in claim["chains"] for s in c["steps"] if s["kind"] != "refuted")
