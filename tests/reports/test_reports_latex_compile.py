"""Every generated .tex compiles with latexmk -pdf; the pages are rendered as a reader sees them."""

import subprocess

import pytest

from reports_tools import need_program


def _compile(folder, name):
    run = subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", name], cwd=folder,
                         capture_output=True, text=True, timeout=600, errors="replace")
    log = (folder / name).with_suffix(".log").read_text(errors="replace")
    return run, log


def type3_fonts(pdf):
    """The Type 3 (bitmap) fonts that ``pdffonts`` lists for ``pdf``."""
    run = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, timeout=120, check=True)
    return [line for line in run.stdout.splitlines()[2:] if "Type 3" in line]


def test_type3_check_catches_a_bitmap_font(tmp_path):
    need_program("latexmk")
    need_program("pdffonts")
    # The 11 pt bullet of the text companion exists only as a bitmap font when nothing else is declared.
    (tmp_path / "bitmap.tex").write_text("\\documentclass[11pt]{article}\\begin{document}\\textbullet\\end{document}\n")
    _compile(tmp_path, "bitmap.tex")
    assert type3_fonts(tmp_path / "bitmap.pdf")


@pytest.mark.parametrize("name", ["softmax.ru.tex", "softmax.en.tex", "softmax-student.ru.tex",
                                  "softmax-student.en.tex"])
def test_handout_compiles_with_latexmk_in_vector_fonts(name, handout_files, student_files, tmp_path):
    need_program("latexmk")
    need_program("pdffonts")
    text = handout_files.get(name) or student_files[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    run, log = _compile(tmp_path, name)
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0, errors[:5]
    pdf = (tmp_path / name).with_suffix(".pdf")
    assert pdf.stat().st_size > 10_000
    assert type3_fonts(pdf) == [], "bitmap fonts: install the Debian package cm-super-minimal"
    assert "Missing character" not in log
    overfull = [line for line in log.splitlines() if line.startswith("Overfull \\hbox")
                and float(line.split("(")[1].split("pt")[0]) > 20]
    assert overfull == [], overfull


def test_first_page_renders(handout_files, tmp_path):
    need_program("latexmk")
    need_program("pdftoppm")
    name = "softmax.ru.tex"
    (tmp_path / name).write_text(handout_files[name], encoding="utf-8")
    _compile(tmp_path, name)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "softmax.ru.pdf", "page"],
                   cwd=tmp_path, check=True, timeout=120)
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 5_000


def test_latexmk_reports_a_broken_document(tmp_path):
    need_program("latexmk")
    (tmp_path / "bad.tex").write_text("\\documentclass{article}\\begin{document}$\\frac{1}{$\\end{document}\n")
    run, _ = _compile(tmp_path, "bad.tex")
    assert run.returncode != 0
