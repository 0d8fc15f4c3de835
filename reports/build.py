"""``python -m reports.build``: the verified handouts, in Russian and English, LaTeX and Markdown.

Usage::

    python -m reports.build [--lang ru,en] [--format tex,md] [--edition lecturer,student] [--out DIR]
                            [--pdf] [--n N] [--include FILE ...]

For each language it writes ``softmax.<lang>.tex`` and ``softmax.<lang>.md``
(with the SVG figures ``softmax.<lang>.<figure>.svg``) into ``DIR``
(default ``handouts``); the student edition is ``softmax-student.<lang>.*``;
``--format beamer`` writes the slides ``softmax-slides.<lang>.tex``.
Temporary files left by an interrupted earlier build are removed.  Every file is computed in memory first and then
written atomically, so an error or an interrupt leaves no half-written
handout.  Bad arguments and unwritable folders are reported in one line on
stderr with exit status 2; ``--pdf`` without ``latexmk`` says so and exits
with status 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from numeric.commandline import ArgumentError, Parser, run

from .atomic import remove_stale, write_all
from .lang import LANGUAGES
from .sections import EDITIONS

__all__ = ["main", "FORMATS", "DEFAULT_FORMATS", "build_files", "stem", "slides_stem", "UsageError"]

FORMATS = ("tex", "md", "beamer")
DEFAULT_FORMATS = ("tex", "md")
STEM = "softmax"


class UsageError(ArgumentError):
    """A bad command line: reported in one line, exit status 2 (by :func:`numeric.commandline.run`)."""


def _choices(text, known, what):
    values = [v.strip() for v in text.split(",") if v.strip()]
    if not values:
        raise UsageError(f"--{what} needs at least one of {','.join(known)}")
    unknown = [v for v in values if v not in known]
    if unknown:
        raise UsageError(f"unknown {what} {unknown[0]!r}; known: {','.join(known)}")
    return tuple(dict.fromkeys(values))


def _parser():
    parser = Parser(prog="python -m reports.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default=",".join(LANGUAGES), help="languages, comma-separated (ru,en)")
    parser.add_argument("--format", default=",".join(DEFAULT_FORMATS),
                        help="formats, comma-separated: tex, md, beamer (slides) (default tex,md)")
    parser.add_argument("--edition", default=EDITIONS[0],
                        help="editions, comma-separated: lecturer (everything, the default) or student "
                             "(no per-n verdicts or numeric checks)")
    parser.add_argument("--out", default="handouts", help="output folder (default: handouts)")
    parser.add_argument("--pdf", action="store_true", help="compile the LaTeX with latexmk")
    parser.add_argument("--n", type=int, default=8, help="check every claim for n = 1..N too (default 8)")
    parser.add_argument("--include", action="append", default=[], metavar="FILE",
                        help="a user's LaTeX derivation to check and include (repeatable)")
    return parser


def _readable(path):
    """Refuse at once an --include that is missing, not a regular file, or unreadable."""
    target = Path(path)
    if not target.exists():
        raise UsageError(f"--include: no such file {path!r}")
    if not target.is_file():
        raise UsageError(f"--include: {path!r} is not a regular file; expected a LaTeX or Markdown file")
    try:
        with open(target, "rb") as handle:
            handle.read(1)
    except OSError as error:
        raise UsageError(f"--include: cannot read {path!r}: {error.strerror}") from None


def _writable_folder(path):
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create the output folder {str(folder)!r}: {error.strerror}") from None
    if not folder.is_dir():
        raise UsageError(f"the output path {str(folder)!r} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"the output folder {str(folder)!r} is not writable")
    return folder


def stem(lang, edition):
    """The file stem of a handout: ``softmax.ru`` for the lecturer, ``softmax-student.ru`` for students."""
    return f"{STEM}.{lang}" if edition == EDITIONS[0] else f"{STEM}-{edition}.{lang}"


def slides_stem(lang, edition):
    """The file stem of a slide deck: ``softmax-slides.ru``, ``softmax-student-slides.ru``."""
    return f"{STEM}-slides.{lang}" if edition == EDITIONS[0] else f"{STEM}-{edition}-slides.{lang}"


def build_files(langs=LANGUAGES, formats=DEFAULT_FORMATS, n_max=8, includes=(), progress=None, editions=EDITIONS[:1]):
    """``{file name: content}`` for every handout asked for, computed in memory."""
    from .beamer import render_beamer
    from .experiments import experiment_data
    from .lecture import check_lecture
    from .markdown import render_markdown
    from .pipeline import claim_results, documents
    from .tex import render_tex

    included = None
    if includes:
        from .included import check_included

        included = [check_included(path) for path in includes]
    results = claim_results(n_max, progress)
    lecture = check_lecture(progress)
    if progress is not None:
        progress("training the network for the figures")
    data = experiment_data()
    files = {}
    for edition in editions:
        built = documents(langs, n_max=n_max, includes=includes, progress=progress, results=results,
                          lecture=lecture, edition=edition, included=included, data=data)
        for lang, document in built.items():
            name = stem(lang, edition)
            if "tex" in formats:
                files[f"{name}.tex"] = render_tex(document)
            if "md" in formats:
                files.update(render_markdown(document, name))
            if "beamer" in formats:
                files[f"{slides_stem(lang, edition)}.tex"] = render_beamer(document)
    return files


def _progress(text):
    """Progress of the long parts, on stderr so that stdout lists only the files written."""
    print(f"reports.build: {text}", file=sys.stderr, flush=True)


def main(argv=None):
    """Run the command line and return its exit status: 2 for bad arguments or an unwritable
    folder, 130 on Ctrl-C (no handout is half-written either way)."""
    return run(_main, argv, "python -m reports.build")


def _main(argv):
    try:
        args = _parser().parse_args(argv)
        langs = _choices(args.lang, LANGUAGES, "language")
        formats = _choices(args.format, FORMATS, "format")
        editions = _choices(args.edition, EDITIONS, "edition")
        if args.n < 1:
            raise UsageError(f"--n must be at least 1, got {args.n}")
        for include in args.include:
            _readable(include)
        folder = _writable_folder(args.out)
        remove_stale(folder)
        files = build_files(langs, formats, n_max=args.n, includes=tuple(args.include), progress=_progress,
                            editions=editions)
        written = write_all(folder, files)
    except ArgumentError:
        raise
    except (ValueError, LookupError, OSError) as error:
        # What the build could not do (an unwritable file, a formula it cannot print): one line.
        raise ArgumentError(str(error)) from None
    for path in written:
        print(path)
    if args.pdf and ("tex" in formats or "beamer" in formats):
        from .pdf import compile_all
        return compile_all(folder, [p for p in written if p.suffix == ".tex"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
