"""One runner for every command line: bad arguments, Ctrl-C and closed pipes alike."""

import subprocess
import sys

import pytest

from numeric.commandline import ArgumentError, Parser, positive_int, run


def test_a_bad_argument_is_one_line_and_exit_2(capsys):
    def main(argv):
        p = Parser(prog="tool")
        p.add_argument("--n", type=positive_int("--n", 1, 16))
        p.parse_args(argv)
        return 0

    assert run(main, ["--n", "0"], "tool") == 2
    assert capsys.readouterr().err == "tool: error: --n must be a whole number from 1 to 16, got 0\n"
    assert run(main, ["--n", "4"], "tool") == 0


def test_an_argument_error_raised_by_the_command_itself(capsys):
    def main(argv):
        raise ArgumentError("no such file: x.md")

    assert run(main, [], "tool") == 2
    assert capsys.readouterr().err == "tool: error: no such file: x.md\n"


def test_ctrl_c_is_130_with_one_line(capsys):
    def main(argv):
        raise KeyboardInterrupt

    assert run(main, [], "tool") == 130
    assert capsys.readouterr().err == "tool: interrupted\n"


def test_other_failures_are_not_swallowed():
    def main(argv):
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        run(main, [], "tool")


@pytest.mark.parametrize("module", ["proofs.verify", "proofs.check", "numeric.gradcheck", "numeric.train",
                                    "reports.build"])
def test_every_command_line_answers_a_bad_option_alike(module):
    extra = ["lemma.md"] if module == "proofs.check" else []   # its FILE argument is required first
    proc = subprocess.run([sys.executable, "-m", module, "--frobnicate", *extra], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "error: unrecognized arguments: --frobnicate" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
