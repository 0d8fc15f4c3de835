"""Hostile input: no traceback ever, every refusal located, every run within its limits.

A fuzz corpus of token soup from the reader's grammar, deep nesting, huge
numbers and the hostile examples of issue 9 goes through the reader; none may
raise, and each must finish quickly.  Paths that are not regular files are
refused at once; the time and memory limits leave a chain undecided and say
which limit it reached.
"""

import os
import random
import socket
import subprocess
import sys
import time

import pytest

from proofs.reader import check_file, parse_formula, read_file
from proofs.reader.errors import LatexError
from proofs.reader.report import bounded_memory

HOSTILE = [
    r"$$ e^{\frac{x}{y}^{e^{e^{e^{e^{10}}}}}} = 1 $$",
    r"$$ \gamma = {\sqrt{\delta_i}}^{\sum_{j \ne i} 99999999999999999999} $$",
    r"$$ x^{\sum_{j} \sum_{k} 9999999999} = 1 $$",
    r"$$ \exp(\exp(\exp(\exp(9)))) = 1 $$",
    r"$$ 2^{2^{2^{2^{2^{2}}}}} = 1 $$",
    r"$$ \left(10^{999}\right)^{10} = 1 $$",
    r"$$ x^{z_1 + 10^{99}} = x $$",
    r"$$ \frac{1}{0} = 1 $$",
    r"$$ \ln 0 = 1 $$",
    r"$$ 0^{-1} = 1 $$",
    r"$$ \sum_{j \ne j} a_j = 1 $$",
    "$$ " + "(" * 99 + "x" + ")" * 99 + " = x $$",
    "$$ " + r"\sqrt{" * 99 + "2" + "}" * 99 + " = 1 $$",
    "$$ " + "e^{" * 60 + "1" + "}" * 60 + " = 1 $$",
    "$$ " + "x^{" * 60 + "2" + "}" * 60 + " = 1 $$",
    "$$ " + r"\frac{\partial}{\partial z_1}" * 90 + " C = 0 $$",
]

_ATOMS = ["a_j", "a_{j}^{(L)}", "z_i", "y_k", "w_{ji}", "b_i", "C", "x", "t", "n", "e", "2", "0", "1.5",
          "99999999999999999999", r"\delta_i", r"\delta_{ij}", r"\pi", r"\gamma", "a_1", "z_{i+1}"]
_OPS = ["+", "-", r"\cdot", "/", "^", "_", "=", r"\le", "<", ">", "&", r"\\", ",", "!"]
_OPENERS = ["{", "}", "(", ")", "[", "]", "|", r"\left(", r"\right)", r"\frac", r"\sqrt", r"\ln", r"\exp",
            r"\sum_j", r"\sum_{j \ne i}", r"\sum_{j=1}^{n}", r"\partial", r"\frac{\partial}{\partial z_i}",
            r"\frac{\partial C}{\partial z_i}", r"\mathbf", r"\hat", r"\text{for }", r"\over", r"\begin{cases}",
            r"\end{cases}", r"\operatorname{softmax}", r"\sigma", r"\nabla_z"]


def _soup(rng, length):
    parts = []
    for _ in range(length):
        pool = rng.choice((_ATOMS, _OPS, _OPENERS))
        parts.append(rng.choice(pool))
    return "$$ " + " ".join(parts) + " $$\n"


def _corpus():
    rng = random.Random(20261202)
    out = [text + "\n" for text in HOSTILE]
    out += [_soup(rng, rng.randint(1, 40)) for _ in range(300)]
    return out


def test_the_reader_never_raises_on_the_fuzz_corpus(tmp_path):
    path = tmp_path / "fuzz.md"
    slowest = 0.0
    for text in _corpus():
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        reading = read_file(path)   # must not raise, whatever the text
        slowest = max(slowest, time.perf_counter() - start)
        for err in reading.errors:
            assert isinstance(err, LatexError) and err.line is not None, (text, err)
            assert str(err).startswith(f"{path}:{err.line}:{err.column}: error: "), (text, str(err))
    assert slowest < 5


@pytest.mark.parametrize("text", HOSTILE[:7])
def test_hostile_exponents_are_refused_with_a_located_error(tmp_path, text):
    path = tmp_path / "hostile.md"
    path.write_text(text + "\n", encoding="utf-8")
    reading = read_file(path)
    assert reading.chains == []
    (err,) = reading.errors
    assert err.line == 1 and "exponent" in err.message or "bits" in err.message


def test_a_moderate_symbolic_exponent_is_still_read():
    assert parse_formula(r"e^{\sum_k z_k}") is not None
    assert parse_formula(r"x^{2 n}") is not None
    assert parse_formula(r"e^{100 z_1 z_2 z_3}") is not None


def test_the_command_line_prints_no_traceback_on_hostile_files(tmp_path):
    paths = []
    for number, text in enumerate(HOSTILE):
        path = tmp_path / f"h{number}.md"
        path.write_text(text + "\n$$ a_1 = a_1 $$\n", encoding="utf-8")
        paths.append(str(path))
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "proofs.check", "--n", "general,2", "--time-limit", "5",
                          "--file-time-limit", "20", "--memory-limit", "1G", *paths],
                         capture_output=True, text=True, timeout=600)
    assert time.monotonic() - start < 300
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert run.returncode == 2
    for line in run.stderr.splitlines():
        assert ": error: " in line and line.split(":")[0] in paths, line


def test_a_fifo_is_refused_at_once_and_never_blocks(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "proofs.check", str(fifo)], capture_output=True, text=True,
                         timeout=60)
    assert time.monotonic() - start < 30
    assert run.returncode == 2
    assert run.stderr.strip() == f"{fifo}: error: is a fifo (named pipe); expected a Markdown or LaTeX file"


def test_a_directory_a_device_and_a_socket_are_refused(tmp_path):
    assert "is a directory" in read_file(tmp_path).errors[0].message
    assert "is a character device" in read_file("/dev/null").errors[0].message
    where = tmp_path / "sock.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(where))
        assert "is a socket" in read_file(where).errors[0].message
    finally:
        server.close()


def test_a_file_with_nothing_to_check_exits_2(tmp_path):
    path = tmp_path / "prose.md"
    path.write_text("Only words here, and an inline $a_j$.\n", encoding="utf-8")
    report = check_file(path)
    assert report.exit_code == 2
    (err,) = report.errors
    assert "nothing to check" in err.message


def test_the_memory_limit_raises_memory_error_inside_and_is_restored_after():
    with pytest.raises(MemoryError):
        with bounded_memory(32 << 20):
            bytearray(128 << 20)
    assert len(bytearray(128 << 20)) == 128 << 20


def test_a_chain_beyond_the_memory_limit_is_undecided_and_says_so(tmp_path):
    path = tmp_path / "big.md"
    path.write_text(r"$$ \left(a_1 + a_2 + a_3 + y_1 + y_2 + z_1\right)^{60} = \left(a_1 + a_2 + a_3 + y_1 + y_2"
                    r" + z_1\right)^{59} \left(a_1 + a_2 + a_3 + y_1 + y_2 + z_1\right) + 0 \cdot a_4 $$",
                    encoding="utf-8")
    report = check_file(path, n_values=(4,), time_limit=60, memory_limit=8 << 20)
    (step,) = report.steps()
    assert step.verdict.kind == "undecided"
    assert "memory limit of 8 MiB" in step.detail or "time limit" in step.detail


def test_the_file_time_limit_leaves_the_remaining_chains_undecided(tmp_path):
    path = tmp_path / "slow.md"
    slow = (r"$$\left(a_1 + a_2 + y_1 + z_1\right)^{400} = \left(z_1 + y_1 + a_2 + a_1\right)^{399}"
            r" \left(a_1 + a_2 + y_1 + z_1\right) + 0 \cdot a_3$$" + "\n\n")
    path.write_text(slow * 3, encoding="utf-8")
    start = time.perf_counter()
    report = check_file(path, time_limit=60, file_time_limit=2, memory_limit=None)
    assert time.perf_counter() - start < 15
    details = [s.detail for s in report.steps()]
    assert all(s.verdict.kind == "undecided" for s in report.steps())
    assert all("file time limit of 2 s" in d for d in details), details
