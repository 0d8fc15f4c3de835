r"""The slide writer: a :class:`reports.document.Document` as a Beamer deck.

The deck follows the handout, which follows the lecture's order: the
definitions, then a frame per claim (its statement, the result of the check,
the links to the lecture's own proofs), a frame per derivation that steps
through the chain with overlays -- on slide k the expression before step k,
the step itself, its reason and its verdict, and under a false step its
counterexample -- and then the errata, each proof of the lecture a frame of
its own stepped through in the same way.  Frames of prose break across
slides by themselves (``allowframebreaks``).
"""

from __future__ import annotations

from .document import Display, Document, Figure, Heading, Items, Paragraph, Steps, Table, Text
from .pgfplots import PREAMBLE as PGF_PREAMBLE
from .pgfplots import render_pgfplots
from .tex import (DECIMAL_COMMA, FONTS, KEEP, VERDICT_MACROS, _BABEL, _MARK_MACROS, _inline, _table, escape_tex,
                  repeat_signs)

__all__ = ["render_beamer"]

_PREAMBLE = r"""\documentclass[11pt,aspectratio=169,xcolor=table]{beamer}
%(fonts)s\usepackage[%(encoding)s]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(babel)s]{babel}
\usepackage{amsmath,amssymb}
\usepackage{array,booktabs}
%(pgf)s
%(decimal)s%(keep)s\usefonttheme{professionalfonts}
\setbeamertemplate{navigation symbols}{}
\setbeamertemplate{frametitle continuation}{}
\setbeamerfont{frametitle}{size=\normalsize}
%(verdicts)s%% \fitfigure{...}: the figure as it is, or scaled down to half the slide height if it is taller.
\newsavebox{\figurebox}
\newcommand{\fitfigure}[1]{\sbox{\figurebox}{#1}%%
  \ifdim\dimexpr\ht\figurebox+\dp\figurebox\relax>0.5\paperheight
    \resizebox*{!}{0.5\paperheight}{\usebox{\figurebox}}\else\usebox{\figurebox}\fi}
\title{%(title)s}
\subtitle{%(subtitle)s}
\date{}
"""

assert set(_MARK_MACROS) == {"proved", "proved-under", "refuted", "undecided"}


def _frames(blocks, title=()):
    """Group blocks into frames ``(title, anchor, blocks, steps, after)``.

    A heading starts a frame, and so does a figure.  A derivation (``steps``) gets a frame of its own,
    with the short prose before it (``blocks``) above the overlays and the
    prose after it, up to the next heading, below them (``after``).
    """
    frames = []
    frame = [title, "", [], None, []]
    section = title

    def close():
        if frame[2] or frame[3] is not None or frame[4]:
            frames.append(tuple(frame))
        frame[:] = [frame[0], "", [], None, []]

    for block in blocks:
        if isinstance(block, Heading):
            close()
            frame[0], frame[1] = block.content, block.anchor
            if block.level == 1:
                section = block.content
        elif isinstance(block, Steps):
            if frame[3] is not None:
                close()
            frame[3] = block
        elif isinstance(block, Figure):
            # A figure needs the whole slide: a frame of its own under the title of its section.
            close()
            heading = frame[0]
            frame[0] = section
            frame[2].append(block)
            close()
            frame[0] = heading
        elif frame[3] is not None:
            frame[4].append(block)
        else:
            frame[2].append(block)
    close()
    return frames


def _formula(latex, repeat):
    return repeat_signs(latex) if repeat else latex


def _steps_frame(title, anchor, block, repeat, before=(), after=()):
    """A chain stepped through with overlays: slide k shows step k with what it starts from."""
    label = f"[label={anchor}]" if anchor else ""
    out = [r"\begin{frame}%s{%s}" % (label, _inline(title)), r"\footnotesize"]
    out += [_block(b, repeat) for b in before]
    previous = block.start
    for row in block.rows:
        mark = _inline((row.mark,)) + (" " + _inline(row.under) if row.under else "")
        reason = _inline(row.reason) + r"\quad " if row.reason else ""
        body = [r"\only<%d>{" % row.number,
                r"\parbox{\linewidth}{\raggedright $\displaystyle %s$}\par\medskip" % _formula(previous, repeat),
                r"\parbox{\linewidth}{\raggedright\hangindent=2em\hangafter=1 $\displaystyle {} %s %s$}\par\medskip"
                % (row.relation, _formula(row.formula, repeat)),
                r"(%d/%d)~%s%s\par" % (row.number, len(block.rows), reason, mark)]
        if row.detail:
            body.append(r"\smallskip{\footnotesize %s}\par" % _inline(row.detail))
        body.append("}")
        out += body
        previous = row.formula
    if after:
        out.append(r"\vfill{\tiny %s}" % "\n".join(_block(b, repeat) for b in after))
    out.append(r"\end{frame}")
    return "\n".join(out)


_LINK = r"\hyperlink{%s}{%s}"


def _block(block, repeat):
    if isinstance(block, Paragraph):
        body = _inline(block.content, link=_LINK)
        return r"{\small %s\par}" % body if block.small else body + r"\par"
    if isinstance(block, Display):
        return "\\[\n%s\n\\]" % block.latex
    if isinstance(block, Items):
        return "\\begin{itemize}\n%s\n\\end{itemize}" % "\n".join(r"\item %s" % _inline(i, link=_LINK) for i in block.items)
    if isinstance(block, Table):
        return r"{\footnotesize %s}" % _table(block)
    if isinstance(block, Figure):
        caption = r"\par{\tiny %s}" % _inline(block.caption) if block.caption else ""
        return r"\begin{center}\fitfigure{\begin{minipage}{\linewidth}%s\end{minipage}}%s\end{center}" % (
            render_pgfplots(block.plot), caption)
    raise TypeError(f"cannot write a {type(block).__name__} block on a slide")


def _prose_frame(title, anchor, blocks, repeat):
    figures = [b for b in blocks if isinstance(b, Figure)]
    others = [b for b in blocks if not isinstance(b, Figure)]
    label = f"label={anchor}," if anchor else ""
    out = []
    if others:
        out.append(r"\begin{frame}[%sallowframebreaks]{%s}" % (label, _inline(title)))
        out.append(r"\small")
        out += [_block(b, repeat) for b in others]
        out.append(r"\end{frame}")
        label = ""
    for figure in figures:
        out.append(r"\begin{frame}%s{%s}" % ("[%s]" % label.rstrip(",") if label else "", _inline(title)))
        out.append(_block(figure, repeat))
        out.append(r"\end{frame}")
        label = ""
    return "\n".join(out)


def render_beamer(document: Document):
    """The whole Beamer source of ``document``, ending with a newline."""
    if document.lang not in _BABEL:
        raise ValueError(f"no LaTeX language setup for {document.lang!r}; known: {sorted(_BABEL)}")
    encoding, babel = _BABEL[document.lang]
    russian = document.lang == "ru"
    head = _PREAMBLE % {"encoding": encoding, "babel": babel, "pgf": PGF_PREAMBLE, "fonts": FONTS, "keep": KEEP,
                        "verdicts": VERDICT_MACROS,
                        "decimal": DECIMAL_COMMA if russian else "", "title": escape_tex(document.title),
                        "subtitle": escape_tex(document.subtitle)}
    frames = [r"\begin{frame}", r"\titlepage", r"\end{frame}"]
    for title, anchor, before, steps, after in _frames(document.blocks, (Text(document.title),)):
        if steps is not None:
            frames.append(_steps_frame(title, anchor, steps, russian, before, after))
        else:
            frames.append(_prose_frame(title, anchor, before, russian))
    return head + "\\begin{document}\n\n" + "\n\n".join(frames) + "\n\n\\end{document}\n"
