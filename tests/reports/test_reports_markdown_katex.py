"""The Markdown handouts parse with markdown-it (dollarmath, amsmath) and every formula renders in KaTeX."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from reports_tools import need_tool

KATEX = "/usr/share/javascript/katex/katex.min.js"
SCRIPT = Path(__file__).with_name("katex_render.js")


def _parser():
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.amsmath import amsmath_plugin
        from mdit_py_plugins.dollarmath import dollarmath_plugin
    except ImportError:
        need_tool(False, "markdown-it-py and mdit-py-plugins are not installed (the test extra)")
    return MarkdownIt("commonmark").enable("table").use(dollarmath_plugin).use(amsmath_plugin)


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _formulas(text):
    out = []
    for token in _walk(_parser().parse(text)):
        if token.type in ("math_inline", "math_inline_double"):
            out.append({"tex": token.content, "display": False})
        elif token.type in ("math_block", "math_block_label", "amsmath"):
            out.append({"tex": token.content, "display": True})
    return out


def _markdown(handout_files):
    return {name: text for name, text in handout_files.items() if name.endswith(".md")}


def test_every_markdown_handout_has_formulas_and_no_stray_dollar(handout_files):
    for name, text in _markdown(handout_files).items():
        formulas = _formulas(text)
        assert len(formulas) > 100, name
        for token in _walk(_parser().parse(text)):
            if token.type == "text":
                assert "$" not in token.content, (name, token.content)


def test_every_formula_renders_in_katex(handout_files):
    need_tool(shutil.which("node") is not None, "node is not installed")
    need_tool(os.path.exists(KATEX), f"KaTeX is not installed at {KATEX} (Debian: libjs-katex)")
    for name, text in _markdown(handout_files).items():
        formulas = _formulas(text)
        run = subprocess.run(["node", str(SCRIPT), KATEX], input=json.dumps(formulas), capture_output=True,
                             text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        failures = json.loads(run.stdout)
        assert failures == [], f"{name}: {len(failures)} formulas fail in KaTeX, first: {failures[:3]}"


def test_katex_check_catches_a_broken_formula():
    need_tool(shutil.which("node") is not None, "node is not installed")
    need_tool(os.path.exists(KATEX), f"KaTeX is not installed at {KATEX} (Debian: libjs-katex)")
    bad = [{"tex": r"\frac{1}{", "display": False}, {"tex": r"a_j^{(L)}", "display": True}]
    run = subprocess.run(["node", str(SCRIPT), KATEX], input=json.dumps(bad), capture_output=True, text=True,
                         timeout=60)
    assert [f["tex"] for f in json.loads(run.stdout)] == [r"\frac{1}{"]


def test_markdown_references_its_svg_figures(handout_files):
    for name, text in _markdown(handout_files).items():
        stem = name[:-3]
        for figure in ("cost", "digits", "slowdown"):
            svg = f"{stem}.{figure}.svg"
            assert f"]({svg})" in text, (name, svg)
            assert svg in handout_files


def test_a_chain_is_one_aligned_display_with_its_reasons_beside_the_steps(handout_files):
    md = handout_files["softmax.en.md"]
    assert md.count(r"\begin{aligned}") == md.count(r"\end{aligned}") > 15
    assert r"&= a_i^{(L)} - y_i && \text{(16)}" in md


def test_the_table_of_contents_links_every_section(handout_files):
    md = handout_files["softmax.ru.md"]
    contents = md.split("## Содержание")[1].split("<a id=")[0]
    links = re.findall(r"\]\(#([\w-]+)\)", contents)
    anchors = re.findall(r'<a id="([\w-]+)"></a>\n\n## ', md)
    assert links == anchors and "errata" in links and "definitions" in links


def test_alt_text_and_svg_titles_carry_the_formulas(handout_files):
    md = handout_files["softmax.en.md"]
    assert "distribution a^(L) of the trained network" in md
    assert "∂C/∂b\\_i^(L)" in re.search(r"!\[([^]]*)\]\(softmax\.en\.slowdown\.svg\)", md).group(1)
    assert "<title>" in handout_files["softmax.en.digits.svg"] and "a^(L)" in handout_files["softmax.en.digits.svg"]
