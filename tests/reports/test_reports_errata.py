"""The errata come from the checker run over the lecture's own chains, in both languages."""

from pathlib import Path

import pytest

from reports.chains import FILES, LECTURE_PROOFS
from reports.document import Heading, Link, Paragraph, Steps
from reports.errata import anchor
from reports.markdown import render_markdown
from reports.tex import render_tex

FIXTURES = Path(__file__).resolve().parents[1] / "check" / "fixtures"


def _by_id(lecture):
    return {proof.id: proof for proof in lecture}


def test_lemma_4_versions_1_and_2_have_the_false_steps_the_checker_finds(lecture):
    proofs = _by_id(lecture)
    assert proofs["lemma-4-v1"].refuted == (4, 7, 10, 12)
    assert proofs["lemma-4-v2"].refuted == (4, 5)
    assert proofs["lemma-4-v3"].refuted == ()
    for proof in lecture:
        for step in proof.report.steps:
            if step.verdict.kind == "refuted":
                cx = step.counterexample
                assert cx is not None and cx.n is not None and cx.values and cx.lhs != cx.rhs


def test_lemma_3_index_clash_is_found_in_both_versions(lecture):
    proofs = _by_id(lecture)
    assert proofs["lemma-3-v1"].clashes == (("i", 1),)
    assert proofs["lemma-3-v2"].clashes == (("i", 1),)
    assert all(not p.clashes for p in lecture if not p.id.startswith("lemma-3"))


def test_the_packaged_chains_are_the_lectures_fixtures():
    if not FIXTURES.is_dir():
        pytest.skip("the checker's fixtures are not in this tree")
    import reports.chains

    here = Path(reports.chains.__file__).parent
    for name in FILES:
        assert (here / name).read_bytes() == (FIXTURES / name).read_bytes(), name


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_lecture_proof_is_in_the_errata_with_every_step(documents, lecture, lang):
    blocks = documents[lang].blocks
    for proof in lecture:
        at = next(k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == anchor(proof.id))
        steps = next(b for b in blocks[at:] if isinstance(b, Steps))
        assert len(steps.rows) == len(proof.report.steps)
        kinds = [row.mark.kind for row in steps.rows]
        assert [k for k, kind in enumerate(kinds, 1) if kind == "refuted"] == list(proof.refuted)
        refuted_rows = [row for row in steps.rows if row.mark.kind == "refuted"]
        assert all(row.detail for row in refuted_rows)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_affected_claims_link_to_their_errata(documents, lang):
    links = [p.anchor for b in documents[lang].blocks if isinstance(b, Paragraph)
             for p in b.content if isinstance(p, Link)]
    for proof in LECTURE_PROOFS:
        assert anchor(proof.id) in links, proof.id
    assert "softmax-range" in links and "ce-minimum" in links


def test_the_errata_are_written_in_both_formats(handout_files):
    ru, en = handout_files["softmax.ru.tex"], handout_files["softmax.en.md"]
    assert "Ошибки и неточности лекции" in ru and r"\markrefuted{НЕВЕРНО}" in ru
    assert "Неверны шаги 4, 7, 10 и 12." in ru and "Неверны шаги 4 и 5." in ru
    assert "Steps 4, 7, 10 and 12 are false." in en and '<a id="errata-lemma-4-v1"></a>' in en
    assert "[first version](#errata-lemma-4-v1)" in en
    assert r"\hyperref[sec:errata-lemma-4-v1]" in ru


def test_a_step_the_checker_refutes_is_shown_refuted(lecture, experiment, results):
    from reports.pipeline import documents

    document = documents(("en",), results=results, data=experiment, lecture=lecture)["en"]
    md = render_markdown(document, "x")["x.md"]
    assert md.count(r"\color{red}{\times\ \textbf{FALSE}}") == 6
    assert render_tex(document).count(r"\markrefuted{FALSE}") == 6 + 1  # the legend
