"""proofs.verify keeps its workers in bounds and leaves nothing behind on Ctrl-C."""

import os
import signal
import subprocess
import sys
import time


def _ctrl_c_as_in_a_terminal():
    """Ctrl-C reaches the command as in a terminal, even where the tests run as a background job
    (which starts its children with SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid):
    path = f"/proc/{pid}/task/{pid}/children"
    try:
        with open(path) as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def test_ctrl_c_exits_130_with_one_line_and_no_worker_left():
    proc = subprocess.Popen([sys.executable, "-m", "proofs.verify", "--jobs", "1000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        proc.stdout.readline()  # the heading: the workers are starting
        workers = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not workers:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert workers, "the workers did not start"
        assert len(workers) <= (os.cpu_count() or 1), f"{len(workers)} workers for {os.cpu_count()} CPUs"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (proc.returncode, err)
    assert "Traceback" not in err
    assert err.strip() == "python -m proofs.verify: interrupted"
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)], "a worker survived"
