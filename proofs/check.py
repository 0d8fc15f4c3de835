r"""Check the derivations written in LaTeX files, step by step.

``python -m proofs.check FILE...`` reads every display formula of each
Markdown or LaTeX file (``$$...$$``, ``\[...\]``, ``align``, ``aligned``,
``equation``), splits each chain a = b = c ... into steps and sends it through
the project's step checker, the one that checks the lecture's own proofs.
Each step is proved, proved under a named hypothesis, refuted with a
counterexample, or undecided.

Exit status: 0 when every step is proved (with or without hypotheses), 1 when
a step is refuted or undecided, 2 when a file or a formula cannot be read.
See ``docs/checking.md``.
"""

from __future__ import annotations

import argparse
import sys

from numeric.commandline import Parser, run

from .grading.options import add_checking_options, parse_seconds
from .jsonreport import document, dumps, file_json
from .textreport import counts_line, error_lines, file_lines, totals
from .reader.errors import LatexError
from .reader.report import FILE_TIME_LIMIT, MEMORY_LIMIT, FileReport, check_file

__all__ = ["main"]

_EPILOG = r"""
examples:
  python -m proofs.check lemma4.md
      print the refuted and undecided steps, those proved under a hypothesis,
      and a summary line
  python -m proofs.check --verbose slides/*.tex
      also print every proved step and a line per chain
  python -m proofs.check --no-assume-lecture lemma4.md
      do not assume the lecture's sum_j y_j = 1 unless the file declares it
  python -m proofs.check --json lemma4.md > verdicts.json

declarations in a file (one per line, before the formula they concern):
  % check: notation p = a, o = z, t = y, L = C  <!-- check: notation w_{jk} = w_{kj} -->
  % check: assume \sum_{j=1}^{n} y_j = 1      <!-- check: assume i \ne j -->
  % check: define S = \sum_{l=1}^{n} e^{z_l}   % check: title Lemma 4
  % check: case i = j                           % check: assume x > 0
  % check: skip                                 % check: model sigmoid

limits: --time-limit per chain (60 s), --file-time-limit per file (300 s), --memory-limit per
chain (1G); what exceeds one is undecided, with the limit named

exit status: 0 all steps proved, 1 a step refuted or undecided, 2 unreadable input (or nothing read)
"""


def _parser():
    p = Parser(prog="python -m proofs.check",
                description="Check LaTeX derivations step by step: proved, proved under a "
                            "hypothesis, refuted with a counterexample, or undecided.",
                epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="Markdown (.md) or LaTeX (.tex) files")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print every step, proved ones too, and a summary per chain")
    add_checking_options(p, "assume the lecture's standing hypothesis sum_j y_j = 1 (the default)",
                         "assume only what the file declares")
    p.add_argument("--file-time-limit", type=parse_seconds, default=FILE_TIME_LIMIT, metavar="SECONDS",
                   help="seconds per file; the chains not checked by then are undecided "
                        f"(default {FILE_TIME_LIMIT:g})")
    p.add_argument("--memory-limit", type=_size, default=MEMORY_LIMIT, metavar="SIZE",
                   help="address space one chain may add while it is checked, e.g. 512M or 2G "
                        "(a plain number is MiB; default 1G); beyond it the chain is undecided")
    return p


_UNITS = {"": 1 << 20, "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10, "M": 1 << 20, "MB": 1 << 20,
          "MIB": 1 << 20, "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30}


def _size(text):
    """A memory size: ``512M``, ``1G``, ``1.5GiB``, or a plain number of MiB."""
    raw = text.strip().upper()
    number = raw.rstrip("KMGIB")
    unit = raw[len(number):]
    try:
        value = float(number)
    except ValueError:
        value = -1.0
    if unit not in _UNITS or not value > 0 or value != value or value * _UNITS[unit] > 1 << 50:
        raise argparse.ArgumentTypeError(f"{text!r} is not a memory size; expected e.g. 512M, 1G or 2048")
    return int(value * _UNITS[unit])


def main(argv=None):
    """The command line and its console script; ``--claim ID`` grades answers (:mod:`proofs.grading.cli`).

    Exit status 0, 1 or 2 as above; bad arguments are one line and 2, Ctrl-C 130.
    """
    argv = sys.argv[1:] if argv is None else [str(a) for a in argv]
    if any(arg == "--claim" or arg.startswith("--claim=") for arg in argv):
        from .grading.cli import main as grade

        return run(grade, argv, "python -m proofs.check")
    return run(_main, argv, "python -m proofs.check")


def _main(argv):
    args = _parser().parse_args(argv)
    reports = []
    for path in args.files:
        try:
            report = check_file(path, n_values=args.n_values, assume_lecture=args.lecture,
                                time_limit=args.time_limit, file_time_limit=args.file_time_limit,
                                memory_limit=args.memory_limit)
        except Exception as exc:  # noqa: BLE001 -- one line, never a traceback, whatever the file holds
            report = FileReport(str(path), errors=[LatexError(
                f"internal error while checking this file: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
                str(path))])
        reports.append(report)
        for line in error_lines(report):
            sys.stderr.write(line + "\n")
        if not args.json:
            for line in file_lines(report, verbose=args.verbose):
                print(line)
    code = max((r.exit_code for r in reports), default=0)
    if args.json:
        files = [file_json(r) for r in reports]
        print(dumps(document("proofs.check", code == 0, code, files=files)))
    else:
        counts = totals(reports)
        print(counts_line(counts))
        if counts["errors"]:
            print(f"{counts['errors']} unreadable: a file or a formula (see the errors on stderr)")
    return code


if __name__ == "__main__":
    sys.exit(main())
