"""The command lines of numeric: Ctrl-C gives exit 130 and one line, a closed pipe a quiet exit."""

import signal
import subprocess
import sys
import time

import pytest

SLOW = {
    "numeric.gradcheck": ["--sizes", "784,300,100,10", "--method", "central"],
    "numeric.train": ["--data", "synthetic", "--epochs", "100000", "--no-save"],
}


def _ctrl_c_as_in_a_terminal():
    """Ctrl-C reaches the command as in a terminal, even where the tests run as a background job
    (which starts its children with SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("module", sorted(SLOW))
def test_ctrl_c_exits_130_without_a_traceback(module):
    proc = subprocess.Popen([sys.executable, "-m", module, *SLOW[module]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_ctrl_c_as_in_a_terminal)
    proc.stdout.readline()  # the first line: the work has started
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().endswith(": interrupted") and "\n" not in err.strip()


def test_a_closed_pipe_ends_quietly():
    cmd = [sys.executable, "-m", "numeric.gradcheck", "--sizes", "30,20,10", "--top", "5000"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as `| head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert proc.returncode in (0, 1)


@pytest.mark.parametrize("args", [["--method", "forward"], ["--sizes", "10,2.5"],
                                  ["--sizes", ""], ["--top", "x"]])
def test_gradcheck_bad_arguments_are_one_line_exit_2(args):
    proc = subprocess.run([sys.executable, "-m", "numeric.gradcheck", *args],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
