r"""The LaTeX writer: a :class:`reports.document.Document` as a pdfLaTeX source.

Russian documents use babel's ``russian`` with the T2A font encoding, English
ones babel's ``english``; Cyrillic appears only in text, never in math.  A
derivation is a ``longtable`` with one step per row: the relation and the
formula on the left (in display style; TeX may break a long formula after a
top-level ``+``, ``-`` or ``=``), the justification and the verdict mark on
the right.  Proved steps get a quiet green check mark, refuted and undecided
ones a framed red or orange label that cannot be overlooked.
"""

from __future__ import annotations

from .document import (Display, Document, Figure, Heading, Items, Mark, Math, Paragraph, Steps, Strong,
                       Table, Text)
from .pgfplots import PREAMBLE as PGF_PREAMBLE
from .pgfplots import render_pgfplots

__all__ = ["render_tex", "escape_tex"]

_ESCAPES = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "–": "--", "—": "---", "«": "<<", "»": ">>", "'": "'",
}

# English keeps TeX's default OT1 encoding, whose Computer Modern fonts are
# outline fonts in every TeX distribution; Russian needs T2A for Cyrillic.
_BABEL = {"ru": ("T2A", "russian"), "en": ("OT1", "english")}

_PREAMBLE = r"""\documentclass[a4paper,11pt]{article}
\usepackage[%(encoding)s]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(babel)s]{babel}
\usepackage[margin=2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{array,longtable,booktabs}
\usepackage[table]{xcolor}
%(pgf)s
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5ex plus 0.2ex}
\definecolor{verdictok}{HTML}{1A7F37}
\definecolor{verdictbad}{HTML}{CF222E}
\definecolor{verdictwarn}{HTML}{B35900}
\newcommand{\markproved}[1]{\textcolor{verdictok}{\checkmark\,#1}}
\newcommand{\markprovedunder}[1]{\textcolor{verdictok}{\checkmark\,#1}}
\newcommand{\markrefuted}[1]{\fcolorbox{verdictbad}{verdictbad!10}{\textcolor{verdictbad}{\bfseries $\times$\,#1}}}
\newcommand{\markundecided}[1]{\fcolorbox{verdictwarn}{verdictwarn!10}{\textcolor{verdictwarn}{\bfseries ?\,#1}}}
\newcolumntype{F}{>{\raggedright\arraybackslash\hangindent=2em\hangafter=1}p{0.60\linewidth}}
\newcolumntype{R}{>{\raggedright\arraybackslash\small}p{0.34\linewidth}}
\title{%(title)s}
\author{\parbox{0.9\linewidth}{\centering %(subtitle)s}}
\date{}
"""

_MARK_MACROS = {"proved": "markproved", "proved-under": "markprovedunder", "refuted": "markrefuted",
                "undecided": "markundecided"}


def escape_tex(text):
    """Text with LaTeX's special characters escaped (dashes and guillemets as TeX ligatures)."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _inline(pieces, display=False):
    out = []
    for piece in pieces:
        if isinstance(piece, Text):
            out.append(escape_tex(piece.text))
        elif isinstance(piece, Strong):
            out.append(r"\textbf{%s}" % escape_tex(piece.text))
        elif isinstance(piece, Math):
            out.append("$%s%s$" % (r"\displaystyle " if display else "", piece.latex))
        elif isinstance(piece, Mark):
            out.append(r"\%s{%s}" % (_MARK_MACROS[piece.kind], escape_tex(piece.label)))
        else:
            raise TypeError(f"cannot write {type(piece).__name__} inline in LaTeX")
    return "".join(out)


def _steps(block):
    lines = [r"\begin{longtable}{@{}F@{\hspace{0.03\linewidth}}R@{}}"]
    if block.start:
        # The start has no justification, so it may use the whole line.
        lines.append(r"\multicolumn{2}{@{}>{\raggedright\arraybackslash}p{\linewidth}@{}}{$\displaystyle %s$} \\[0.6ex]"
                     % block.start)
    for row in block.rows:
        reason = r"(%d)~%s\quad %s" % (row.number, _inline(row.reason), _inline((row.mark,)))
        if row.under:
            reason += " " + _inline(row.under)
        lines.append(r"$\displaystyle {} %s %s$ & %s \\[0.6ex]" % (row.relation, row.formula, reason))
        if row.detail:
            lines.append(r"\multicolumn{2}{@{}p{0.97\linewidth}@{}}{\small %s} \\[0.6ex]" % _inline(row.detail))
    lines.append(r"\end{longtable}")
    return "\n".join(lines)


def _table(block):
    columns = block.align or "c" * len(block.header)
    lines = [r"\begin{center}", r"\begin{tabular}{%s}" % columns, r"\toprule"]
    lines.append(" & ".join(_inline(cell) for cell in block.header) + r" \\")
    lines.append(r"\midrule")
    for number, row in enumerate(block.rows):
        cells = [_inline(cell) for cell in row]
        if number == block.highlight:
            cells = [r"\boldmath\bfseries " + cell for cell in cells]
            lines.append(r"\rowcolor{black!8}" + " & ".join(cells) + r" \\")
        else:
            lines.append(" & ".join(cells) + r" \\")
    lines.append(r"\bottomrule")
    lines.append(r"\end{tabular}")
    if block.caption:
        lines.append(r"\par\smallskip{\small %s}" % _inline(block.caption))
    lines.append(r"\end{center}")
    return "\n".join(lines)


def _block(block):
    if isinstance(block, Heading):
        command = {1: "section*", 2: "subsection*"}.get(block.level, "paragraph*")
        label = "\\label{claim:%s}" % block.anchor if block.anchor else ""
        return "\\%s{%s}%s" % (command, _inline(block.content), label)
    if isinstance(block, Paragraph):
        body = _inline(block.content)
        return "{\\small %s\\par}" % body if block.small else body + "\n"
    if isinstance(block, Display):
        return "\\[\n%s\n\\]" % block.latex
    if isinstance(block, Items):
        items = "\n".join(r"\item %s" % _inline(item) for item in block.items)
        return "\\begin{itemize}\n%s\n\\end{itemize}" % items
    if isinstance(block, Steps):
        return _steps(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        caption = r"\par\smallskip{\small %s}" % _inline(block.caption) if block.caption else ""
        return "\\begin{center}\n%s%s\n\\end{center}" % (render_pgfplots(block.plot), caption)
    raise TypeError(f"cannot write a {type(block).__name__} block in LaTeX")


def render_tex(document: Document):
    """The whole LaTeX source of ``document``, ending with a newline."""
    if document.lang not in _BABEL:
        raise ValueError(f"no LaTeX language setup for {document.lang!r}; known: {sorted(_BABEL)}")
    encoding, babel = _BABEL[document.lang]
    head = _PREAMBLE % {"encoding": encoding, "babel": babel, "pgf": PGF_PREAMBLE,
                        "title": escape_tex(document.title), "subtitle": r"\normalsize " + escape_tex(document.subtitle)}
    body = "\n\n".join(_block(block) for block in document.blocks)
    return head + "\\begin{document}\n\\maketitle\n\n" + body + "\n\n\\end{document}\n"
