"""Compiling the LaTeX handouts into PDF with latexmk, when it is installed.

Each ``.tex`` is compiled in a temporary folder (so that auxiliary files do
not litter the output folder) and the PDF is moved next to its source
atomically.  Without ``latexmk`` nothing is compiled and the user is told
how to get it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .atomic import write_atomic

__all__ = ["LATEXMK", "compile_tex", "compile_all", "vector_fonts_missing", "FONT_PACKAGE"]

FONT_PACKAGE = "cm-super-minimal"
"""The Debian package with the Type 1 fonts for Cyrillic text (the full ``cm-super`` has them too)."""


def vector_fonts_missing():
    """Whether TeX lacks cm-super's Type 1 fonts, so that Russian text would be set in bitmap fonts."""
    if shutil.which("kpsewhich") is None:
        return True
    run = subprocess.run(["kpsewhich", "sfrm1000.pfb"], capture_output=True, text=True, timeout=60)
    return not run.stdout.strip()

LATEXMK = ("latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error")


def compile_tex(tex_path, timeout=300):
    """Compile ``tex_path`` to PDF bytes; a ``RuntimeError`` with the log's error lines on failure."""
    tex_path = Path(tex_path)
    with tempfile.TemporaryDirectory(prefix="handout-") as work:
        source = Path(work) / tex_path.name
        shutil.copyfile(tex_path, source)
        # A fixed date and ID, so that the same source always gives the same PDF bytes.
        env = dict(os.environ, SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1")
        run = subprocess.run([*LATEXMK, source.name], cwd=work, capture_output=True, text=True,
                             timeout=timeout, errors="replace", env=env)
        pdf = source.with_suffix(".pdf")
        if run.returncode != 0 or not pdf.exists():
            log = source.with_suffix(".log")
            text = log.read_text(errors="replace") if log.exists() else run.stdout
            errors = [line for line in text.splitlines() if line.startswith("!")][:3]
            raise RuntimeError(f"latexmk failed on {tex_path.name}: {' | '.join(errors) or 'see its log'}")
        return pdf.read_bytes()


def compile_all(folder, tex_paths):
    """Compile each file and write the PDFs into ``folder``; returns an exit status."""
    if shutil.which("latexmk") is None:
        print("reports.build: --pdf needs latexmk, which is not installed; the .tex files are written "
              "(install TeX Live with latexmk, e.g. apt-get install latexmk texlive-latex-recommended "
              "texlive-lang-cyrillic texlive-pictures)", file=sys.stderr)
        return 1
    if vector_fonts_missing():
        print(f"reports.build: warning: the Type 1 fonts of cm-super are not installed, so Cyrillic text gets "
              f"bitmap fonts; install the Debian package {FONT_PACKAGE} (or cm-super) for vector fonts",
              file=sys.stderr)
    status = 0
    for tex in tex_paths:
        try:
            data = compile_tex(tex)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"reports.build: {error}", file=sys.stderr)
            status = 1
            continue
        target = Path(folder) / Path(tex).with_suffix(".pdf").name
        write_atomic(target, data)
        print(target)
    return status
