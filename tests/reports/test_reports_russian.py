"""The Russian handout writes numbers and formulas as Russian textbooks do."""

import re

DECIMAL_POINT = re.compile(r"\d\.\d")


def test_russian_numbers_have_a_decimal_comma_in_text_tables_and_plots(handout_files):
    tex = re.sub(r"\\begin\{tikzpicture\}.*?\\end\{tikzpicture\}", "", handout_files["softmax.ru.tex"], flags=re.S)
    body = tex.split(r"\begin{document}")[1]
    # Lengths of the layout (row spacing, column widths) are not numbers a reader sees.
    body = re.sub(r"\[\d+\.\d+ex\]|\d+\.\d+\\linewidth", "", body)
    assert not DECIMAL_POINT.findall(body), DECIMAL_POINT.findall(body)[:5]
    assert "{,}" in body and "0,60" in body
    assert r"\pgfplotsset{/pgf/number format/use comma}" in handout_files["softmax.ru.tex"]
    md = handout_files["softmax.ru.md"]
    assert not DECIMAL_POINT.findall(md), [m for m in DECIMAL_POINT.finditer(md)][:3]
    for name, svg in handout_files.items():
        if name.startswith("softmax.ru.") and name.endswith(".svg"):
            labels = re.findall(r"<text[^>]*>([^<]*)", svg)
            assert not [t for t in labels if DECIMAL_POINT.search(t)], name


def test_english_keeps_the_decimal_point(handout_files):
    assert "0.60" in handout_files["softmax.en.md"] and "0,60" not in handout_files["softmax.en.md"]


def test_a_long_formula_repeats_its_sign_at_a_line_break(handout_files):
    assert r"\hm{-}" in handout_files["softmax.ru.tex"] and r"\hm{+}" in handout_files["softmax.ru.tex"]
    assert r"\hm{" not in handout_files["softmax.en.tex"].split(r"\begin{document}")[1]


def test_russian_prose_is_a_textbooks(handout_files):
    # What a reader sees: without labels and link targets, which are not printed.
    text = re.sub(r"\\label\{[^}]*\}|\\hyperref\[[^\]]*\]", "", handout_files["softmax.ru.tex"])
    for phrase in ("в силу леммы 2", "Что и требовалось доказать.", "8×8", "$j$-го"):
        assert phrase in text, phrase
    for jargon in ("8x8", "-того", "символ)", "SymPy", "вердикт", "no-slowdown", "Вычисленные факты",
                   "машиной"):
        assert jargon not in text, jargon


def test_every_heading_keeps_room_below_it_and_no_chain_starts_at_a_page_foot(handout_files):
    tex = handout_files["softmax.en.tex"]
    headings = re.findall(r"(.*)\n\\(?:sub)?section\*", tex)
    assert headings and all(line.startswith(r"\keepspace") for line in headings)
    chains = re.findall(r"(.*)\n\\begin\{longtable\}", tex)
    assert chains and all(line.startswith(r"\keepspace") for line in chains)
