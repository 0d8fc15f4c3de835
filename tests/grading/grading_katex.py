"""Rendering formulas with KaTeX under node, as the handouts' Markdown is rendered.

The tests skip when node or KaTeX is missing, except under ``CI=true``, where
a missing tool is a failure: the check must run there.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

KATEX = "/usr/share/javascript/katex/katex.min.js"
# The same renderer as the handouts' Markdown test uses.
SCRIPT = Path(__file__).parent.parent / "reports" / "katex_render.js"


def need_katex():
    """Skip (or, under CI=true, fail) when node or KaTeX cannot be run."""
    for ok, why in ((shutil.which("node") is not None, "node is not installed"),
                    (os.path.exists(KATEX), f"KaTeX is not installed at {KATEX} (Debian: libjs-katex)")):
        if not ok:
            if os.environ.get("CI") == "true":
                pytest.fail(f"{why}; CI must render the notebook formulas")
            pytest.skip(why)


def render(formulas):
    """The formulas ((tex, display) pairs) that KaTeX refuses, each with its error message."""
    need_katex()
    items = [{"tex": tex, "display": display} for tex, display in formulas]
    run = subprocess.run(["node", str(SCRIPT), KATEX], input=json.dumps(items), capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(run.stdout)


def markdown_math(text):
    """The ``$$...$$`` displays and ``$...$`` inline formulas of a Markdown text."""
    displays = re.findall(r"\$\$(.+?)\$\$", text, flags=re.S)
    rest = re.sub(r"\$\$.+?\$\$", "", text, flags=re.S)
    inline = re.findall(r"(?<!\\)\$(.+?)(?<!\\)\$", rest, flags=re.S)
    return [(d, True) for d in displays] + [(i, False) for i in inline]


def html_math(text):
    r"""The ``\[...\]`` displays and ``\(...\)`` inline formulas of an HTML text, unescaped."""
    displays = re.findall(r"\\\[(.+?)\\\]", text, flags=re.S)
    inline = re.findall(r"\\\((.+?)\\\)", text, flags=re.S)
    return [(html.unescape(d), True) for d in displays] + [(html.unescape(i), False) for i in inline]
