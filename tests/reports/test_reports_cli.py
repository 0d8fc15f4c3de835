"""The command line: bad input is one line on stderr and exit 2; nothing is ever half-written."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reports import build
from reports.atomic import write_all, write_atomic

ROOT = Path(__file__).resolve().parents[2]


def _run(*args):
    return subprocess.run([sys.executable, "-m", "reports.build", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("args, words", [
    (["--lang", "de"], "unknown language 'de'"),
    (["--format", "pdf"], "unknown format 'pdf'"),
    (["--n", "0"], "--n must be at least 1"),
    (["--bogus"], "unrecognized arguments"),
    (["--include", "/no/such/file.tex"], "no such file"),
])
def test_bad_arguments_are_one_line_and_exit_2(args, words, tmp_path):
    run = _run(*args, "--out", str(tmp_path / "out"))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and words in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def test_unwritable_output_folder_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    run = _run("--out", str(blocker / "handouts"))
    assert run.returncode == 2
    assert run.stderr.startswith("python -m reports.build: error: cannot create the output folder") and run.stderr.count("\n") == 1


def test_an_error_while_building_writes_nothing(tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ValueError("a formula could not be printed: x")

    monkeypatch.setattr(build, "build_files", broken)
    assert build.main(["--out", str(tmp_path)]) == 2
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err == "python -m reports.build: error: a formula could not be printed: x\n"


def test_an_interrupt_writes_nothing(tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "build_files", interrupted)
    assert build.main(["--out", str(tmp_path)]) == 130
    assert list(tmp_path.iterdir()) == []


def test_pdf_without_latexmk_says_so(tmp_path, monkeypatch, capsys):
    import shutil

    monkeypatch.setattr(build, "build_files", lambda *a, **k: {"softmax.en.tex": "\\relax\n"})
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert build.main(["--out", str(tmp_path), "--pdf", "--lang", "en", "--format", "tex"]) == 1
    err = capsys.readouterr().err
    assert "--pdf needs latexmk, which is not installed" in err and err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["softmax.en.tex"]


def test_atomic_write_leaves_the_old_file_when_replacing_fails(tmp_path, monkeypatch):
    target = tmp_path / "softmax.en.md"
    target.write_text("old\n")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["softmax.en.md"]


def test_write_all_refuses_names_with_folders(tmp_path):
    with pytest.raises(ValueError, match="'../x.md'"):
        write_all(tmp_path, {"../x.md": "x"})


def test_write_atomic_refuses_other_content(tmp_path):
    with pytest.raises(TypeError, match="int"):
        write_atomic(tmp_path / "x", 3)


def test_builds_are_byte_identical(results, experiment, lecture, tmp_path):
    from reports.experiments import experiment_data
    from reports.markdown import render_markdown
    from reports.pipeline import documents
    from reports.tex import render_tex

    def files(data):
        out = {}
        for lang, document in documents(("ru", "en"), results=results, data=data, lecture=lecture).items():
            out[f"softmax.{lang}.tex"] = render_tex(document)
            out.update(render_markdown(document, f"softmax.{lang}"))
        return out

    first, second = files(experiment), files(experiment_data())
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], name


def test_include_adds_the_users_checked_chains(results, experiment, lecture):
    from reports.markdown import render_markdown
    from reports.pipeline import documents

    fixture = Path(__file__).with_name("fixtures") / "user_derivations.tex"
    document = documents(("en",), results=results[:1], data=experiment, includes=(str(fixture),), lecture=lecture)["en"]
    md = render_markdown(document, "x")["x.md"]
    assert "Derivations submitted for checking" in md
    assert "### Lemma 2, written out" in md and "### A sign error" in md
    assert r"\color{red}{\times\ \textbf{FALSE}}" in md and "**Counterexample:**" in md


def test_include_of_a_file_that_cannot_be_read_exits_2_and_writes_nothing(tmp_path, monkeypatch, capsys):
    from reports import build

    bad = tmp_path / "bad.tex"
    bad.write_bytes(b"\xff\xfe $$ a = b $$")
    out = tmp_path / "out"
    monkeypatch.setattr("reports.pipeline.claim_results", lambda *args, **kwargs: pytest.fail("proved the claims"))
    status = build.main(["--out", str(out), "--include", str(bad), "--format", "md"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err[-1].startswith("python -m reports.build: error: --include: cannot read") and "UTF-8" in err[-1]
    assert not any(out.glob("*.md"))


def test_include_of_a_folder_exits_2(tmp_path, capsys):
    from reports import build

    assert build.main(["--out", str(tmp_path / "out"), "--include", str(tmp_path)]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_build_removes_stale_temporary_files(tmp_path):
    from reports.atomic import remove_stale

    (tmp_path / ".softmax.ru.tex.x1.tmp").write_text("half")
    (tmp_path / "softmax.ru.tex").write_text("whole")
    assert [p.name for p in remove_stale(tmp_path)] == [".softmax.ru.tex.x1.tmp"]
    assert [p.name for p in tmp_path.iterdir()] == ["softmax.ru.tex"]


def test_bad_edition_is_one_line_and_exit_2(tmp_path, capsys):
    from reports import build

    assert build.main(["--out", str(tmp_path), "--edition", "teacher"]) == 2
    assert capsys.readouterr().err.strip() == "python -m reports.build: error: unknown edition 'teacher'; known: lecturer,student"


def test_the_student_edition_has_no_per_n_lines_or_numeric_checks(student_files, handout_files):
    for lang, numeric in (("ru", "Численная проверка."), ("en", "Numerical check.")):
        student = student_files[f"softmax-student.{lang}.md"]
        assert numeric not in student and numeric in handout_files[f"softmax.{lang}.md"]
        assert "30 знач" not in student and "30 significant" not in student
        for marker in ("Для остальных $n$", "For the other $n$", "Проверено также", "Also checked"):
            assert marker not in student
        assert '<a id="definitions"></a>' in student and '<a id="errata"></a>' in student


def test_a_formula_that_cannot_be_read_is_listed_by_line_without_the_path(results, experiment, lecture, tmp_path):
    from reports.markdown import render_markdown
    from reports.pipeline import documents

    bad = tmp_path / "mine.md"
    bad.write_text("Some words.\n\n$$ a_j = \\frac{1}{ $$\n", encoding="utf-8")
    document = documents(("en",), results=results[:1], data=experiment, includes=(str(bad),), lecture=lecture)["en"]
    md = render_markdown(document, "x")["x.md"]
    assert "**NOT READ** line 3, column" in md
    assert str(tmp_path) not in md and "None" not in md


def test_pdf_without_cm_super_warns_naming_the_debian_package(tmp_path, monkeypatch, capsys):
    from reports import pdf

    monkeypatch.setattr(pdf, "vector_fonts_missing", lambda: True)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: "/usr/bin/" + name)
    assert pdf.compile_all(tmp_path, []) == 0
    err = capsys.readouterr().err.strip()
    assert "cm-super-minimal" in err and len(err.splitlines()) == 1
