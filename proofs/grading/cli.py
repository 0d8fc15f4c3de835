r"""The command line of grading: ``python -m proofs.check --claim lemma-4 answer.md``.

Each answer (a Markdown or LaTeX file; a folder stands for every .md,
.markdown and .tex file in it and below it) is graded against the claim by
:func:`proofs.grading.check_claim`.  One answer prints ``proves lemma-4`` or
``does not prove lemma-4: ...`` followed by every gap at its place; several
answers print one line each and a count.  ``--json`` prints one JSON object
with a per-step score for a grading script.

Exit status: 0 when every answer proves the claim, 1 when one does not, 2 when
the command line is wrong, a path does not exist, or an answer cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from numeric.commandline import ArgumentError, Parser

from .claim import check_claim, gradable_claims
from .options import SUFFIXES, add_checking_options

__all__ = ["main", "answer_files"]

_PROG = "python -m proofs.check"

_EPILOG = r"""
examples:
  python -m proofs.check --claim lemma-4 answer.md
      "proves lemma-4", or what is missing: where the chain ends instead,
      which step is refuted (with a counterexample), which hypothesis is used
  python -m proofs.check --claim lemma-4 answers/
      one line per answer and a count
  python -m proofs.check --claim lemma-4 --json answers/ > grades.json
  python -m proofs.check --claim lemma-4 --no-assume-lecture answer.md
      an answer that relies on sum_j y_j = 1 must declare it:
      <!-- check: assume \sum_{j=1}^{n} y_j = 1 -->

exit status: 0 every answer proves the claim, 1 one does not, 2 bad input
"""


def _parser():
    p = Parser(prog=_PROG, description="Grade written derivations against a claim of the lecture: "
                                       "does a chain prove it, and if not, what is missing?",
               epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--claim", required=True, metavar="ID",
                   help=f"the claim to prove, one of: {', '.join(gradable_claims())}")
    p.add_argument("paths", nargs="+", metavar="ANSWER",
                   help="Markdown or LaTeX files, or folders of them")
    p.add_argument("--json", action="store_true", help="print one JSON object with a per-step score")
    add_checking_options(p, "allow sum_j y_j = 1 without a declaration when the claim assumes it (the default)",
                         "an answer must declare every hypothesis it uses")
    return p


def answer_files(paths):
    """The answer files that ``paths`` name, folders expanded in sorted order; ArgumentError if one is missing."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names
                           if name.lower().endswith(SUFFIXES))
            if not found:
                raise ArgumentError(f"the folder {path} holds no Markdown or LaTeX file (.md, .markdown, .tex)")
            files += found
        elif os.path.isfile(path):
            files.append(path)
        else:
            raise ArgumentError(f"no such file or folder: {path}")
    return files


def main(argv=None):
    """Grade the answers named on the command line; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        if args.claim not in gradable_claims():
            from proofs.claims import CLAIM_IDS as known

            what = "does not state one relation between two sides" if args.claim in known else "is not a claim"
            raise ArgumentError(f"--claim {args.claim!r} {what}; expected one of: {', '.join(gradable_claims())}")
        files = answer_files(args.paths)
    except ArgumentError as error:
        sys.stderr.write(f"{_PROG}: error: {error}\n")
        return 2
    batch = len(files) > 1 or any(os.path.isdir(p) for p in args.paths)
    grades = []
    for path in files:
        grade = check_claim(args.claim, Path(path), n_values=args.n_values, assume_lecture=args.lecture,
                            time_limit=args.time_limit)
        grades.append(grade)
        for error in grade.report.errors:
            sys.stderr.write(f"{error}\n")
        if not args.json:
            lines = [f"{grade.path}: {grade.summary()}"] if batch else grade.lines()
            print("\n".join(lines), flush=True)
    code = max(g.exit_code for g in grades)
    proved = sum(g.proves for g in grades)
    if args.json:
        print(json.dumps({"claim": args.claim, "assume_lecture": args.lecture, "answers": [g.to_dict() for g in grades],
                          "proved": proved, "total": len(grades), "exit_code": code}, ensure_ascii=False, indent=1))
    elif batch:
        print(f"{len(grades)} answers: {proved} prove {args.claim}, {len(grades) - proved} do not")
    return code


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        # The reader of the output (e.g. head) has gone: stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
