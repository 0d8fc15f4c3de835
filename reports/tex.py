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

from .document import (Display, Document, Figure, Heading, Items, Link, Mark, Math, Paragraph, Steps, Strong,
                       Table, Text)
from .pgfplots import PREAMBLE as PGF_PREAMBLE
from .pgfplots import render_pgfplots

__all__ = ["render_tex", "escape_tex", "FONTS", "KEEP", "repeat_signs"]

_ESCAPES = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "–": "--", "—": "---", "«": "<<", "»": ">>", "'": "'",
}

# English keeps TeX's default OT1 encoding, whose Computer Modern fonts are
# outline fonts in every TeX distribution; Russian needs T2A for Cyrillic.
_BABEL = {"ru": ("T2A", "russian"), "en": ("OT1", "english")}

FONTS = r"""%% Debian's cm-super-minimal holds the Type 1 Computer Modern fonts for Cyrillic (T2A) and the
%% text companion (TS1) in their 10 pt design size only; every size is scaled from it, so that no
%% bitmap (Type 3) font is made.  The full cm-super has the same fonts, so this works with it too.
\makeatletter\input{t2aenc.def}\makeatother
\DeclareFontFamily{T2A}{cmr}{\hyphenchar\font=45 }
\DeclareFontShape{T2A}{cmr}{m}{n}{<->larm1000}{}
\DeclareFontShape{T2A}{cmr}{m}{it}{<->lati1000}{}
\DeclareFontShape{T2A}{cmr}{m}{sl}{<->lasl1000}{}
\DeclareFontShape{T2A}{cmr}{m}{sc}{<->lacc1000}{}
\DeclareFontShape{T2A}{cmr}{bx}{n}{<->labx1000}{}
\DeclareFontShape{T2A}{cmr}{bx}{it}{<->labi1000}{}
\DeclareFontShape{T2A}{cmr}{bx}{sl}{<->laso1000}{}
\DeclareFontShape{T2A}{cmr}{b}{n}{<->ssub * cmr/bx/n}{}
\DeclareFontFamily{T2A}{cmss}{\hyphenchar\font=45 }
\DeclareFontShape{T2A}{cmss}{m}{n}{<->lass1000}{}
\DeclareFontShape{T2A}{cmss}{m}{it}{<->lasi1000}{}
\DeclareFontShape{T2A}{cmss}{m}{sl}{<->lasi1000}{}
\DeclareFontShape{T2A}{cmss}{bx}{n}{<->lasx1000}{}
\DeclareFontShape{T2A}{cmss}{b}{n}{<->ssub * cmss/bx/n}{}
\DeclareFontFamily{TS1}{cmr}{\hyphenchar\font=-1 }
\DeclareFontShape{TS1}{cmr}{m}{n}{<->tcrm1000}{}
\DeclareFontShape{TS1}{cmr}{m}{it}{<->tcti1000}{}
\DeclareFontShape{TS1}{cmr}{bx}{n}{<->tcbx1000}{}
\DeclareFontShape{TS1}{cmr}{b}{n}{<->ssub * cmr/bx/n}{}
\DeclareFontFamily{TS1}{cmss}{\hyphenchar\font=-1 }
\DeclareFontShape{TS1}{cmss}{m}{n}{<->tcss1000}{}
\DeclareFontShape{TS1}{cmss}{bx}{n}{<->tcsx1000}{}
\DeclareFontShape{TS1}{cmss}{b}{n}{<->ssub * cmss/bx/n}{}
"""
"""Font shapes that need no bitmap font, declared before ``fontenc`` loads its own."""

KEEP = r"""\makeatletter
%% \keepspace{h}: start a new page unless h of room is left on this one (as needspace.sty does).
\newcommand{\keepspace}[1]{\par\penalty-100\begingroup\setlength{\dimen@}{#1}%%
  \dimen@ii\pagegoal\advance\dimen@ii-\pagetotal
  \ifdim\dimen@>\dimen@ii\ifdim\dimen@ii>\z@\vfil\fi\break\fi\endgroup}
%% \hm{+}: a binary sign that, at a line break, is repeated at the start of the next line.
\newcommand{\hm}[1]{#1\nobreak\discretionary{}{\hbox{$\m@th#1$}}{}}
\makeatother
"""
"""Page and line breaking helpers shared by the handouts and the slides."""

#: The colours and marks of the verdicts, shared by the handouts and the slides.
VERDICT_MACROS = r"""\definecolor{verdictok}{HTML}{1A7F37}
\definecolor{verdictbad}{HTML}{CF222E}
\definecolor{verdictwarn}{HTML}{B35900}
\newcommand{\markproved}[1]{\textcolor{verdictok}{\checkmark\,#1}}
\newcommand{\markprovedunder}[1]{\textcolor{verdictok}{\checkmark\,#1}}
\newcommand{\markrefuted}[1]{\fcolorbox{verdictbad}{verdictbad!10}{\textcolor{verdictbad}{\bfseries $\times$\,#1}}}
\newcommand{\markundecided}[1]{\fcolorbox{verdictwarn}{verdictwarn!10}{\textcolor{verdictwarn}{\bfseries ?\,#1}}}
"""

_PREAMBLE = r"""\documentclass[a4paper,11pt]{article}
%(fonts)s\usepackage[%(encoding)s]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(babel)s]{babel}
\usepackage[margin=2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{array,longtable,booktabs}
\usepackage[table]{xcolor}
%(pgf)s
%(decimal)s\usepackage[hidelinks]{hyperref}
%(keep)s\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5ex plus 0.2ex}
%(verdicts)s\newcolumntype{F}{>{\raggedright\arraybackslash\hangindent=2em\hangafter=1}p{0.60\linewidth}}
\newcolumntype{R}{>{\raggedright\arraybackslash\small}p{0.34\linewidth}}
\title{%(title)s}
\author{\parbox{0.9\linewidth}{\centering %(subtitle)s}}
\date{}
"""

DECIMAL_COMMA = r"""\pgfplotsset{/pgf/number format/use comma}
"""
"""Plot ticks with a decimal comma, as Russian writes numbers."""

_MARK_MACROS = {"proved": "markproved", "proved-under": "markprovedunder", "refuted": "markrefuted",
                "undecided": "markundecided"}


def escape_tex(text):
    """Text with LaTeX's special characters escaped (dashes and guillemets as TeX ligatures)."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _inline(pieces, display=False, link=None):
    """Inline pieces as LaTeX; ``link`` is the pattern of a cross-reference (anchor, words)."""
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
        elif isinstance(piece, Link):
            pattern = link or r"\hyperref[" + label("%s") + "]{%s}"
            out.append(pattern % (piece.anchor, escape_tex(piece.text)))
        else:
            raise TypeError(f"cannot write {type(piece).__name__} inline in LaTeX")
    return "".join(out)


def label(anchor):
    """The LaTeX label of a heading's anchor."""
    return "sec:" + anchor


def repeat_signs(formula):
    """``formula`` with its top-level ``+``, ``-`` and ``=`` written ``\\hm{+}``: at a line break the sign
    is repeated at the start of the next line, as Russian typesetting requires."""
    out, depth, position = [], 0, 0
    while position < len(formula):
        ch = formula[position]
        if ch == "\\" and formula.startswith(("\\left", "\\right"), position):
            word = "\\left" if formula.startswith("\\left", position) else "\\right"
            depth += 1 if word == "\\left" else -1
            out.append(word)
            position += len(word)
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if depth == 0 and ch in "+-=" and formula[position - 1:position] == " " and formula[position + 1:position + 2] == " ":
            out.append(r"\hm{%s}" % ch)
        else:
            out.append(ch)
        position += 1
    return "".join(out)


def _steps(block, repeat=False):
    rows = []
    if block.start:
        # The start has no justification, so it may use the whole line.
        rows.append([r"\multicolumn{2}{@{}>{\raggedright\arraybackslash}p{\linewidth}@{}}{$\displaystyle %s$}"
                     % block.start])
    for row in block.rows:
        reason = r"(%d)~%s%s" % (row.number, _inline(row.reason) + r"\quad " if row.reason else "", _inline((row.mark,)))
        if row.under:
            reason += " " + _inline(row.under)
        formula = repeat_signs(row.formula) if repeat else row.formula
        cells = [r"$\displaystyle {} %s %s$ & %s" % (row.relation, formula, reason)]
        if row.detail:
            cells.append(r"\multicolumn{2}{@{}p{0.97\linewidth}@{}}{\small %s}" % _inline(row.detail))
        rows.append(cells)
    # No page break inside a step and its counterexample, after the start, or before the last step:
    # a chain never begins on the last line of a page nor leaves its last line alone.
    lines = [r"\keepspace{5\baselineskip}", r"\begin{longtable}{@{}F@{\hspace{0.03\linewidth}}R@{}}"]
    for number, cells in enumerate(rows):
        keep = number == 0 or number >= len(rows) - 2
        for position, cell in enumerate(cells):
            star = "*" if keep or position < len(cells) - 1 else ""
            lines.append(r"%s \\%s[0.6ex]" % (cell, star))
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


def _block(block, repeat=False):
    if isinstance(block, Heading):
        command = {1: "section*", 2: "subsection*"}.get(block.level, "paragraph*")
        mark = "\\label{%s}" % label(block.anchor) if block.anchor else ""
        room = {1: 14, 2: 11}.get(block.level, 6)
        return "\\keepspace{%d\\baselineskip}\n\\%s{%s}%s" % (room, command, _inline(block.content), mark)
    if isinstance(block, Paragraph):
        body = _inline(block.content)
        return "{\\small %s\\par}" % body if block.small else body + "\n"
    if isinstance(block, Display):
        return "\\[\n%s\n\\]" % block.latex
    if isinstance(block, Items):
        items = "\n".join(r"\item %s" % _inline(item) for item in block.items)
        return "\\begin{itemize}\n%s\n\\end{itemize}" % items
    if isinstance(block, Steps):
        return _steps(block, repeat)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        caption = r"\par\smallskip{\small %s}" % _inline(block.caption) if block.caption else ""
        # In a minipage the plots and their caption cannot be split across two pages.
        return "\\begin{center}\\begin{minipage}{\\linewidth}\n%s%s\n\\end{minipage}\\end{center}" % (
            render_pgfplots(block.plot), caption)
    raise TypeError(f"cannot write a {type(block).__name__} block in LaTeX")


def render_tex(document: Document):
    """The whole LaTeX source of ``document``, ending with a newline."""
    if document.lang not in _BABEL:
        raise ValueError(f"no LaTeX language setup for {document.lang!r}; known: {sorted(_BABEL)}")
    encoding, babel = _BABEL[document.lang]
    russian = document.lang == "ru"
    head = _PREAMBLE % {"encoding": encoding, "babel": babel, "pgf": PGF_PREAMBLE,
                        "fonts": FONTS, "keep": KEEP, "verdicts": VERDICT_MACROS,
                        "decimal": DECIMAL_COMMA if russian else "",
                        "title": escape_tex(document.title), "subtitle": r"\normalsize " + escape_tex(document.subtitle)}
    body = "\n\n".join(_block(block, repeat=russian) for block in document.blocks)
    return head + "\\begin{document}\n\\maketitle\n\n" + body + "\n\n\\end{document}\n"
