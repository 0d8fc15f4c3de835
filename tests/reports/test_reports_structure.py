"""Every claim is in every handout, in the lecture's order, with its steps and verdicts."""

import re

import sympy as sp

import proofs
from proofs.notation import C, a, d, i, y, z
from proofs.verdict import ClaimResult, Counterexample, PartResult, StepResult, Verdict
from reports.document import Heading, Steps
from reports.markdown import render_markdown
from reports.sections import build_document, compact_ranges
from reports.tex import render_tex

IDS = [c.id for c in proofs.claims()]


def test_every_claim_is_present_in_order_in_every_handout(handout_files):
    for name, text in handout_files.items():
        if name.endswith(".tex"):
            found = re.findall(r"\\label\{sec:([\w-]+)\}", text)
        elif name.endswith(".md"):
            found = re.findall(r'<a id="([\w-]+)"></a>', text)
        else:
            continue
        assert [anchor for anchor in found if anchor in IDS] == IDS, name


def test_every_step_of_every_part_is_printed(documents, results):
    expected = 0
    for result in results:
        titles = {p.title for p in result.parts}
        for title in titles:
            shown = [p for p in result.parts if p.title == title]
            general = [p for p in shown if p.n is None]
            expected += len((general or sorted(shown, key=lambda p: p.n))[0].steps)
    for lang, document in documents.items():
        errata = next(k for k, b in enumerate(document.blocks) if isinstance(b, Heading) and b.anchor == "errata")
        rows = sum(len(b.rows) for b in document.blocks[:errata] if isinstance(b, Steps))
        assert rows == expected, lang


def test_russian_handout_speaks_the_lectures_words(handout_files):
    tex = handout_files["softmax.ru.tex"]
    for words in ("Лемма 1", "Лемма 4", "Доказательство", "Свойства функции потерь",
                  "Проблема замедления для выходного слоя отсутствует", r"\usepackage[russian]{babel}", "T2A"):
        assert words in tex, words


def test_no_cyrillic_inside_math_in_the_latex(handout_files):
    tex = handout_files["softmax.ru.tex"]
    body = tex.split(r"\begin{document}")[1]
    for formula in re.findall(r"\$([^$]*)\$", body):
        assert not re.search("[А-Яа-яЁё]", formula), formula


def test_key_formulas_appear_as_printed(handout_files):
    for name in ("softmax.ru.tex", "softmax.en.md"):
        text = handout_files[name]
        assert r"\frac{\partial C}{\partial z_i^{(L)}} = a_i^{(L)} - y_i" in text
        assert r"\frac{\partial C}{\partial a_j^{(L)}} = - \frac{y_j}{a_j^{(L)}}" in text
        assert r"a_j^{(L-1)} \left(a_i^{(L)} - y_i\right)" in text


def test_general_n_note_and_numeric_line_are_present(handout_files):
    assert "Proved for every $n$" in handout_files["softmax.en.md"]
    assert "Доказано для произвольного $n$" in handout_files["softmax.ru.tex"]
    assert handout_files["softmax.en.md"].count("**Numerical check.**") == len(IDS)


def test_table_and_cost_plot_are_regenerated(handout_files):
    tex = handout_files["softmax.en.tex"]
    for value in ("1.52", "1.23", "1.10", "1.03", "1.01"):
        assert value in tex
    assert r"\begin{axis}" in tex and "(0.5,1.0114)" in tex


def _fake_result(kind, counterexample=None):
    lemma = proofs.claim("lemma-4")
    step = StepResult(index=1, lhs=d(C, z[i]), rhs=y[i] - a[i], relation="=", justification="algebra",
                      verdict=Verdict(kind), counterexample=counterexample)
    part = PartResult(title=lemma.parts[0].title, n=None, steps=[step], verdict=Verdict(kind), id=lemma.parts[0].id)
    return ClaimResult(claim=lemma, general=Verdict(kind), instances={2: Verdict("proved"), 3: Verdict(kind)},
                       parts=[part])


def test_an_undecided_step_is_printed_loudly():
    document = build_document("en", [_fake_result("undecided")])
    tex, md = render_tex(document), render_markdown(document, "x")["x.md"]
    assert r"\markundecided{NOT CHECKED}" in tex
    assert r"\color{orange}{?\ \textbf{NOT CHECKED}}" in md
    assert r"&= y_i - a_i^{(L)} && \text{(1)}" in md
    assert "$n$ = 2: ✅ holds; $n$ = 3: ⚠️ **NOT CHECKED**" in md


def test_a_refuted_step_shows_its_counterexample():
    cx = Counterexample(n=2, values={y[1]: sp.Rational(1, 6), i: sp.Integer(1)}, lhs=sp.Float("0.3333"), rhs=sp.Float("-0.3333"))
    document = build_document("ru", [_fake_result("refuted", cx)])
    tex = render_tex(document)
    assert r"\markrefuted{НЕВЕРНО}" in tex
    assert r"$y_1 = \frac{1}{6}$" in tex and r"правая часть равна $-0{,}3333$" in tex


def test_compact_ranges_joins_runs():
    assert compact_ranges([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8"
    assert compact_ranges([4]) == "4"


def test_documents_differ_only_in_words(documents):
    def formulas(document):
        out = []
        for block in document.blocks:
            if isinstance(block, Steps):
                out += [block.start] + [r.formula for r in block.rows]
        return out

    assert formulas(documents["ru"]) == formulas(documents["en"])
