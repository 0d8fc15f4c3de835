"""The slides: a Beamer deck in the lecture's order, chains stepped through with overlays, compiled by latexmk."""

import re
import subprocess

import pytest

from reports.beamer import render_beamer
from reports.errata import anchor
from reports_tools import need_program


@pytest.fixture(scope="module")
def slides(documents):
    return {lang: render_beamer(document) for lang, document in documents.items()}


def test_every_claim_and_every_lecture_proof_has_a_frame_in_order(slides, results, lecture):
    for text in slides.values():
        labels = re.findall(r"\\begin\{frame\}\[(?:[^\]]*?)label=([\w-]+)", text)
        claims = [label for label in labels if label in {r.id for r in results}]
        assert claims == [r.id for r in results]
        assert [label for label in labels if label.startswith("errata-lemma")
                or label.startswith("errata-delta")] == [anchor(p.id) for p in lecture]


def test_a_chain_is_stepped_through_with_one_overlay_per_step(slides, lecture):
    text = slides["en"]
    v1 = next(p for p in lecture if p.id == "lemma-4-v1")
    frame = text.split(r"\begin{frame}[label=errata-lemma-4-v1]{Lemma 4, the first version of the proof}")[1]
    frame = frame.split(r"\end{frame}")[0]
    overlays = re.findall(r"\\only<(\d+)>", frame)
    assert overlays == [str(k) for k in range(1, len(v1.report.steps) + 1)]
    assert frame.count(r"\markrefuted{FALSE}") == 4 and frame.count("Counterexample:") == 4


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_slides_compile_with_latexmk_in_vector_fonts(slides, lang, tmp_path):
    need_program("latexmk")
    need_program("pdffonts")
    from test_reports_latex_compile import type3_fonts

    name = f"softmax-slides.{lang}.tex"
    (tmp_path / name).write_text(slides[lang], encoding="utf-8")
    run = subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", name], cwd=tmp_path,
                         capture_output=True, text=True, timeout=900, errors="replace")
    log = (tmp_path / name).with_suffix(".log").read_text(errors="replace")
    assert run.returncode == 0, [line for line in log.splitlines() if line.startswith("!")][:5]
    pdf = (tmp_path / name).with_suffix(".pdf")
    assert type3_fonts(pdf) == []
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", pages).group(1)) > 100


def test_two_renderings_of_the_slides_are_identical(documents, slides):
    assert {lang: render_beamer(document) for lang, document in documents.items()} == slides
