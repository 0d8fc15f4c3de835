"""python -m proofs.check: compiler-style lines, a summary, exit codes 0/1/2, --json."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proofs.check import main

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_refuted_step_in_compiler_form(capsys):
    path = FIXTURES / "lemma4_v1.md"
    code, out, err = _run(capsys, path)
    assert code == 1 and err == []
    assert out[0] == (f"{path}:8:354: refuted: step 4 of Лемма 4, версия 1: "
                      r"-\sum_{j=1}^n y_j \frac{\partial \left( \ln \left( \frac{... = "
                      r"-\sum_{j=1}^n y_j \frac{\sum_{l=1}^n e^{z_l^{(L)}} \frac{...")
    assert out[1].startswith(r"    left:  -\sum_{j=1}^n y_j \frac{\partial \left( \ln")
    assert out[2].startswith(r"    right: -\sum_{j=1}^n y_j \frac{\sum_{l=1}^n e^{z_l^{(L)}}")
    assert out[3].startswith("    counterexample: n = 2: z_1 = ")
    assert "left side = " in out[3] and "right side = " in out[3]
    assert out[-1] == "16 steps: 11 proved, 1 proved under hypotheses, 4 refuted, 0 undecided; 1 blocks read, 0 not read"


def test_every_refuted_step_of_lemma4_version_1_is_listed(capsys):
    code, out, _ = _run(capsys, FIXTURES / "lemma4_v1.md")
    heads = [line.split(": ")[1:3] for line in out if not line.startswith("    ")][:-1]
    assert heads == [["refuted", "step 4 of Лемма 4, версия 1"], ["refuted", "step 7 of Лемма 4, версия 1"],
                     ["refuted", "step 10 of Лемма 4, версия 1"], ["refuted", "step 12 of Лемма 4, версия 1"],
                     ["proved-under:sum-y-1", "step 16 of Лемма 4, версия 1"]]


def test_correct_version_exits_0(capsys):
    path = FIXTURES / "lemma4_v3.md"
    code, out, err = _run(capsys, path)
    assert code == 0 and err == []
    assert out == [f"{path}:13:114: proved-under:sum-y-1: step 15 of Лемма 4, версия 3: "
                   r"-y_i + a_i^{(L)} \sum_{j=1}^n y_j = -y_i + a_i^{(L)}",
                   "16 steps: 15 proved, 1 proved under hypotheses, 0 refuted, 0 undecided; 1 blocks read, 0 not read"]


def test_no_assume_lecture_refutes_the_last_step(capsys):
    code, out, _ = _run(capsys, "--no-assume-lecture", FIXTURES / "lemma4_v3.md")
    assert code == 1
    assert ": refuted: step 15 of Лемма 4, версия 3: " in out[0]
    assert out[-1] == "16 steps: 15 proved, 0 proved under hypotheses, 1 refuted, 0 undecided; 1 blocks read, 0 not read"


def test_verbose_shows_proved_steps_and_chain_summaries(capsys):
    path = FIXTURES / "lemma1.md"
    code, out, _ = _run(capsys, "--verbose", path)
    assert code == 0
    assert out[0] == (f"{path}:8:41: proved: step 1 of Лемма 1, версия 1: "
                      r"\frac{\partial C}{\partial a_j^{(L)}} = "
                      r"-\frac{\partial}{\partial a_j^{(L)}} \left( \sum_{i=1}^n ...")
    assert f"{path}:8:3: Лемма 1, версия 1: 2 steps: 2 proved, 0 proved under hypotheses, 0 refuted, 0 undecided" in out


def test_several_files_one_summary(capsys):
    code, out, _ = _run(capsys, FIXTURES / "lemma2.md", FIXTURES / "lemma3.md")
    assert code == 0
    assert out == ["21 steps: 21 proved, 0 proved under hypotheses, 0 refuted, 0 undecided; 6 blocks read, 0 not read"]


def test_json_is_one_object(capsys):
    code, out, _ = _run(capsys, "--json", FIXTURES / "lemma4_v2.md")
    data = json.loads("\n".join(out))
    assert code == 1 and data["exit_code"] == 1
    assert data["schema"] == 1 and data["tool"] == "proofs.check"
    assert data["summary"] == {"steps": 16, "proved": 13, "proved_under": 1, "refuted": 2, "undecided": 0,
                               "internal_errors": 0, "errors": 0, "notes": 0, "blocks_read": 1,
                               "blocks_unread": 0}
    (chain,) = data["files"][0]["chains"]
    assert chain["title"] == "Лемма 4, версия 2" and chain["hypotheses"] == ["sum-y-1"]
    step4 = chain["steps"][3]
    assert (step4["index"], step4["verdict"], step4["line"]) == (4, "refuted", 9)
    assert step4["by_n"] == {"general": "refuted", "2": "refuted", "3": "refuted", "4": "refuted"}
    assert step4["counterexample"]["n"] == 2 and "y[1]" in step4["counterexample"]["values"]
    assert "Derivative" in step4["lhs"]


def test_unreadable_formula_is_one_line_on_stderr_and_exit_2(capsys, tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("text\n$$a_1 = \\frac{1}{2$$\n$$a_1 = a_1$$\n", encoding="utf-8")
    code, out, err = _run(capsys, path)
    assert code == 2
    assert err == [f"{path}:2:17: error: this '{{' is never closed; expected '}}'"]
    assert out[-2:] == ["1 steps: 1 proved, 0 proved under hypotheses, 0 refuted, 0 undecided; 1 blocks read, 1 not read",
                        "1 unreadable: a file or a formula (see the errors on stderr)"]


def test_missing_file_exit_2(capsys, tmp_path):
    code, _, err = _run(capsys, tmp_path / "missing.md")
    assert code == 2 and err == [f"{tmp_path / 'missing.md'}: error: no such file"]


def test_unknown_option_is_one_line_and_exit_2(capsys):
    assert main(["--frobnicate", "x.md"]) == 2
    assert capsys.readouterr().err == "python -m proofs.check: error: unrecognized arguments: --frobnicate\n"


def test_bad_n_list_is_refused(capsys):
    assert main(["--n", "2,x", "x.md"]) == 2
    assert "'x' is not 'general' or a number of classes" in capsys.readouterr().err


def test_n_option_chooses_what_is_checked(capsys):
    code, out, _ = _run(capsys, "--json", "--n", "2", FIXTURES / "lemma3.md")
    steps = json.loads("\n".join(out))["files"][0]["chains"][0]["steps"]
    assert steps[0]["by_n"] == {"2": "proved"}


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "% check: assume" in out and "exit status" in out


def test_module_runs_without_traceback(tmp_path):
    bad = tmp_path / "evil.md"
    bad.write_bytes(b"$$a_1 = 2^{99999999}$$\n")
    proc = subprocess.run([sys.executable, "-m", "proofs.check", str(bad)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == (f"{bad}:1:10: error: the exponent 99999999 is too large; "
                           "|exponent| must be at most 1000\n")
    assert "Traceback" not in proc.stdout + proc.stderr
