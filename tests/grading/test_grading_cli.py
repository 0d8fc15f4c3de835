"""The grading command line: one answer, a folder of answers, --json, and bad input."""

from __future__ import annotations

import json

from grading_tools import ANSWERS
from proofs.grading.cli import main

LEMMA_4 = ANSWERS / "lemma-4"
FAST = ["--n", "general,2"]


def test_one_answer_that_proves_the_claim_exits_0(capsys):
    assert main(["--claim", "lemma-4", *FAST, str(LEMMA_4 / "01_proof.md")]) == 0
    assert capsys.readouterr().out == f"{LEMMA_4 / '01_proof.md'}: proves lemma-4\n"


def test_one_answer_that_does_not_exits_1_with_each_gap_at_its_place(capsys):
    path = LEMMA_4 / "09_wrong_sign_at_the_end.md"
    assert main(["--claim", "lemma-4", *FAST, str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path}: does not prove lemma-4:"
    assert lines[1].startswith(f"    {path}:7:131: the chain ends at y_i - a_i, not at the claim's right side "
                               "a_i^{(L)} - y_i (they differ at n = 2: ")
    assert lines[2].startswith(f"    {path}:7:131: step 3 (-y_i + a_i \\sum_{{j=1}}^n y_j = y_i - a_i) is refuted")


def test_a_folder_gives_one_line_per_answer_and_a_count(capsys):
    assert main(["--claim", "lemma-4", "--no-assume-lecture", *FAST, str(LEMMA_4)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 11
    verdicts = [line.split(": ", 2)[1].split(" (")[0] for line in lines[:10]]
    assert verdicts == ["proves lemma-4"] * 3 + ["does not prove lemma-4"] * 7
    assert lines[10] == "10 answers: 3 prove lemma-4, 7 do not"


def test_json_gives_a_score_per_step_for_each_answer(capsys):
    code = main(["--claim", "lemma-4", "--json", *FAST, str(LEMMA_4 / "01_proof.md"), str(LEMMA_4 / "06_sign_lost.md")])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["exit_code"] == 1
    assert (data["proved"], data["total"]) == (1, 2)
    first, second = data["answers"]
    assert first["proves"] and [s["score"] for s in first["chain"]["steps"]] == [1, 1, 1, 1]
    assert [s["status"] for s in second["chain"]["steps"]] == ["holds", "refuted", "refuted", "holds"]
    assert second["missing"][0]["kind"] == "refuted" and second["missing"][0]["line"] == 8


def test_bad_input_exits_2_with_one_line(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = [
        (["answer.md"], "the following arguments are required: --claim"),
        (["--claim", "lemma-9", "x.md"], "--claim 'lemma-9' is not a claim"),
        (["--claim", "ce-table", "x.md"], "--claim 'ce-table' does not state one relation"),
        (["--claim", "lemma-4", str(tmp_path / "missing.md")], "no such file or folder"),
        (["--claim", "lemma-4", str(empty)], "holds no Markdown or LaTeX file"),
        (["--claim", "lemma-4", "--n", "general,12", str(LEMMA_4)], "'12' is not 'general' or a number"),
        (["--claim", "lemma-4", "--time-limit", "-1", str(LEMMA_4)], "'-1' is not a positive number of seconds"),
    ]
    for argv, message in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and "Traceback" not in err, err


def test_an_unreadable_answer_exits_2(capsys, tmp_path):
    path = tmp_path / "answer.md"
    path.write_text("$$a_j = \\frac{1}{$$\n", encoding="utf-8")
    assert main(["--claim", "lemma-4", *FAST, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"{path}: does not prove lemma-4:",
                                         f"    {path}:1:17: cannot be read: this '{{' is never closed; expected '}}'"]
    assert captured.err == f"{path}:1:17: error: this '{{' is never closed; expected '}}'\n"
