"""pytest --derivations on a sample course repository: the right outcome for every chain."""

from __future__ import annotations

from grading_tools import FAST_N, HERE, plugin_args

#: Every item the sample course gives, with the outcome it must have.
EXPECTED = {
    "docs/lemmas.md::Lemma 1": "passed",
    "docs/lemmas.md::line 10": "passed",
    "docs/lemmas.md::Lemma 3, sign lost": "failed",
    "docs/lemma3.md::Lemma 3, no i != j": "failed",
    "slides/lemma4.tex::Lemma 4": "passed",
    "slides/lemma4.tex::Lemma 4, a wrong last step": "failed",
    "slides/lemma4.tex::line 21": "error",
}


def outcomes(reprec):
    """Each test id with its outcome: passed, failed, or error (a failure outside the test's call)."""
    out = {}
    for report in reprec.getreports("pytest_runtest_logreport"):
        if report.failed:
            out[report.nodeid] = "failed" if report.when == "call" else "error"
        elif report.when == "call":
            out.setdefault(report.nodeid, report.outcome)
    return out


def run(pytester, *args):
    return pytester.inline_run(*plugin_args(), "--derivations", "--derivations-n", FAST_N, *args)


def test_every_chain_of_the_course_gets_its_outcome(course):
    reprec = run(course, "docs", "slides")
    assert outcomes(reprec) == EXPECTED


def test_without_the_option_nothing_is_collected(course):
    result = course.runpytest(*plugin_args(), "docs", "slides")
    result.assert_outcomes()
    assert result.ret == 5  # pytest: no tests collected


def test_a_false_chain_outside_the_given_paths_is_not_collected(course):
    reprec = run(course, "docs")
    assert set(outcomes(reprec)) == {k for k in EXPECTED if k.startswith("docs/")}
    assert not any("README" in k for k in outcomes(reprec))


def test_the_failure_shows_the_step_both_sides_and_the_counterexample(course):
    result = course.runpytest(*plugin_args(), "--derivations", "--derivations-n", FAST_N,
                              "docs/lemmas.md")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "*_ [[]derivation] Lemma 3, sign lost _*",
        "step 2 refuted (1 of 3 steps not proved)",
        "docs/lemmas.md:16:121: refuted: step 2 of Lemma 3, sign lost",
        r"    left:  \frac{\partial}{\partial z_i} \left( \frac{e^{z_j}}{\sum_{l=1}^n e^{z_l}} \right)",
        r"    = right: \frac{e^{z_j} e^{z_i}}{\left( \sum_{l=1}^n e^{z_l} \right)^2}",
        "    counterexample: n = 2: z_1 = 2/5, z_2 = 3/5, i = 1, j = 2; left side = -0.247516572712, "
        "right side = 0.247516572712",
    ])
    # A false step that no declaration rescues gets no advice to declare something.
    assert "declare" not in result.stdout.str()


def test_the_failure_names_the_declaration_that_would_help(course):
    result = course.runpytest(*plugin_args(), "--derivations", "--derivations-n", FAST_N, "docs/lemma3.md")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        r"    it holds under i != j: declare <!-- check: assume i \ne j --> before the chain",
    ])


def test_the_declaration_in_a_latex_file_is_a_latex_comment(pytester):
    pytester.makefile(".tex", lemma4=r"""
% check: title needs the sum
\[ -y_i + a_i \sum_{j=1}^n y_j = a_i - y_i \]
""")
    pytester.makeini("[pytest]\nderivations_assume_lecture = false\n")
    result = pytester.runpytest(*plugin_args(), "--derivations", "--derivations-n", FAST_N, "lemma4.tex")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        r"    it holds under sum-y-1: declare % check: assume \sum_{j=1}^{n} y_j = 1 before the chain",
    ])


def test_with_the_lecture_assumed_the_same_chain_passes(pytester):
    pytester.makefile(".tex", lemma4=r"\[ -y_i + a_i \sum_{j=1}^n y_j = a_i - y_i \]")
    result = pytester.runpytest(*plugin_args(), "--derivations", "--derivations-n", FAST_N, "lemma4.tex")
    result.assert_outcomes(passed=1)


def test_an_unreadable_formula_is_an_error_with_its_place(course):
    result = course.runpytest(*plugin_args(), "--derivations", "--derivations-n", FAST_N,
                              "slides/lemma4.tex", "-k", "line")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*slides/lemma4.tex:21:*: error: *"])
    assert "Traceback" not in result.stdout.str()


def test_the_ini_key_gives_the_paths(course):
    course.makeini("[pytest]\nderivations_paths = docs\n")
    items, _ = course.inline_genitems(*plugin_args(), "--derivations")
    assert sorted(item.nodeid for item in items) == sorted(k for k in EXPECTED if k.startswith("docs/"))
    reprec = course.inline_run(*plugin_args(), "--derivations", "--derivations-n", FAST_N, "-k", "lemma3")
    assert outcomes(reprec) == {"docs/lemma3.md::Lemma 3, no i != j": "failed"}


def test_a_file_named_on_the_command_line_is_collected_even_outside_the_ini_paths(course):
    course.makeini("[pytest]\nderivations_paths = docs\n")
    items, _ = course.inline_genitems(*plugin_args(), "--derivations", "README.md")
    assert [item.nodeid for item in items] == ["README.md::line 7"]


def test_a_bad_option_value_is_a_usage_error(course):
    result = course.runpytest(*plugin_args(), "--derivations", "--derivations-n", "general,99", "docs")
    assert result.ret == 4  # pytest: usage error
    result.stderr.fnmatch_lines(["*'99' is not 'general' or a number of classes from 1 to 8*"])


def test_a_chain_over_the_time_limit_fails_and_says_so(course):
    result = course.runpytest(*plugin_args(), "--derivations", "--derivations-time-limit", "0.001",
                              "docs/lemma3.md")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["step 1 undecided, step 2 undecided, step 3 undecided (3 of 3 steps not proved)",
                                 "*: undecided: step 1 of Lemma 3, no i != j",
                                 "    not finished within the time limit of 0.001 s per chain (--derivations-time-limit)"])


def test_the_lectures_own_chains_pass_except_the_two_versions_of_lemma_4_with_false_steps(pytester):
    # The lecture's chains as tests/check keeps them: versions 1 and 2 of Lemma 4 have false steps.
    import shutil

    fixtures = HERE.parent / "check" / "fixtures"
    names = ["lemma1.md", "lemma2.md", "lemma3.md", "lemma4_v1.md", "lemma4_v2.md", "lemma4_v3.md", "delta.md"]
    for name in names:
        shutil.copy(fixtures / name, pytester.path / name)
    reprec = run(pytester, *names)
    by_file = {}
    for nodeid, outcome in outcomes(reprec).items():
        by_file.setdefault(nodeid.split("::")[0], set()).add(outcome)
    assert by_file == {name: {"failed" if name in ("lemma4_v1.md", "lemma4_v2.md") else "passed"} for name in names}


def test_a_binary_file_is_one_error_item_for_the_whole_file(pytester):
    (pytester.path / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = pytester.runpytest(*plugin_args(), "--derivations", "scan.md")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*ERROR at setup of [[]unreadable] the whole file*", "scan.md: error: *"])
