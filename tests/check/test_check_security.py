"""Untrusted files: nothing is executed, nothing huge is built, every refusal says why."""

import time

import pytest

from proofs.reader import LIMITS, LatexError, check_file, parse_formula, read_file


def _read(tmp_path, text, name="evil.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_file(path)


def _only_error(reading):
    assert reading.chains == []
    (err,) = reading.errors
    return err


def test_python_code_is_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    reading = _read(tmp_path, f"$$a_1 = __import__('os').system('touch {marker}')$$\n")
    err = _only_error(reading)
    assert "expected" in err.message
    assert not marker.exists()


def test_python_call_syntax_stays_symbols(tmp_path):
    marker = tmp_path / "pwned"
    reading = _read(tmp_path, f"$$eval(open) = exec(x) + 0 \\cdot {marker.name}$$\n")
    assert not marker.exists()
    # TeX reads eval(open) as the product e v a l (o p e n) of one-letter symbols
    (deriv, _), = reading.chains
    assert deriv.start.is_Mul and sorted(s.name for s in deriv.start.free_symbols) == ["a", "l", "n", "o", "p", "v"]


def test_quotes_are_refused(tmp_path):
    err = _only_error(_read(tmp_path, "$$a_1 = \"import os\"$$\n"))
    assert "unexpected character" in err.message


def test_input_and_def_are_unsupported_commands(tmp_path):
    err = _only_error(_read(tmp_path, "$$a_1 = \\input{/etc/passwd}$$\n"))
    assert "unsupported command \\input" in err.message
    err = _only_error(_read(tmp_path, "$$\\def\\x{1} a_1 = a_1$$\n"))
    assert "\\def" in err.message


def test_huge_power_is_refused_before_it_is_built():
    start = time.perf_counter()
    with pytest.raises(LatexError, match="exponent 99999999 is too large"):
        parse_formula(r"2^{99999999}")
    assert time.perf_counter() - start < 1


def test_tower_of_powers_is_refused():
    with pytest.raises(LatexError, match="too large"):
        parse_formula(r"10^{10^{10}}")


def test_power_of_a_big_number_is_refused():
    with pytest.raises(LatexError, match="bits"):
        parse_formula(r"\left(2^{1000}\right)^{1000}")


def test_huge_exponential_is_refused():
    with pytest.raises(LatexError, match="too large"):
        parse_formula(r"e^{100000}")


def test_long_number_is_refused():
    with pytest.raises(LatexError, match="101 digits"):
        parse_formula("1" * 101)


def test_ten_thousand_nested_braces_are_refused_quickly(tmp_path):
    start = time.perf_counter()
    err = _only_error(_read(tmp_path, "$$a_1 = " + "{" * 10_000 + "1" + "}" * 10_000 + "$$\n"))
    assert "the limit is 20000" in err.message
    err = _only_error(_read(tmp_path, "$$a_1 = " + "{" * 5_000 + "1" + "}" * 5_000 + "$$\n"))
    assert "nested deeper than 100" in err.message
    assert (err.line, err.column) == (1, 9 + 100)
    assert time.perf_counter() - start < 2


def test_deep_operators_without_braces_are_refused():
    for text in ["-" * 10_000 + "x", r"\ln " * 4_000 + "x", r"\sum_j " * 2_500 + "y_j",
                 r"\frac{\partial}{\partial z_1}" * 500 + "C", r"\sqrt{" * 300 + "2" + "}" * 300]:
        with pytest.raises(LatexError, match="nested deeper than 100"):
            parse_formula(text)


def test_a_formula_longer_than_the_limit_is_refused(tmp_path):
    text = "$$a_1 = " + " + ".join(["a_1"] * 6_000) + "$$\n"
    err = _only_error(_read(tmp_path, text))
    assert f"the limit is {LIMITS['formula_chars']}" in err.message


def test_a_long_formula_within_the_limit_reads_in_linear_time(tmp_path):
    text = "$$y_1 = " + " + ".join(f"y_{{{q}}}" for q in range(1, 1_500)) + "$$\n"
    start = time.perf_counter()
    reading = _read(tmp_path, text)
    assert reading.errors == [] and len(reading.chains) == 1
    assert time.perf_counter() - start < 5


def test_a_five_megabyte_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.md"
    path.write_text("$$a_1 = a_1$$\n" * 400_000, encoding="utf-8")
    start = time.perf_counter()
    report = check_file(path)
    assert time.perf_counter() - start < 1
    (err,) = report.errors
    assert "too large (5.6 MB); the limit is 1 MB" in err.message
    assert report.exit_code == 2


def test_too_many_blocks_are_refused(tmp_path):
    err = _only_error(_read(tmp_path, "$$a_1 = a_1$$\n" * (LIMITS["blocks"] + 1)))
    assert "too many formula blocks" in err.message and err.line == LIMITS["blocks"] + 1


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (err,) = read_file(path).errors
    assert "binary file" in err.message


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("$$a_1 = a_1$$ caf\xe9".encode("latin-1"))
    (err,) = read_file(path).errors
    assert "not UTF-8" in err.message and "0xe9" in err.message


def test_missing_file_and_directory(tmp_path):
    assert read_file(tmp_path / "nope.md").errors[0].message == "no such file"
    assert "is a directory" in read_file(tmp_path).errors[0].message


def test_a_chain_that_takes_too_long_is_left_undecided(tmp_path):
    path = tmp_path / "slow.md"
    path.write_text(r"$$\left(a_1 + a_2 + y_1 + z_1\right)^{400} = \left(z_1 + y_1 + a_2 + a_1\right)^{399}"
                    r" \left(a_1 + a_2 + y_1 + z_1\right) + 0 \cdot a_3$$", encoding="utf-8")
    start = time.perf_counter()
    report = check_file(path, time_limit=1)
    assert time.perf_counter() - start < 30  # the limit, not the 400th power, ends it
    (step,) = report.steps()
    assert step.verdict.kind == "undecided"
    assert "time limit of 1 s" in step.detail
