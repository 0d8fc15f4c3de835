r"""``pytest --derivations``: every chain of a course's Markdown and LaTeX files as a test.

With ``--derivations``, each ``.md``, ``.markdown`` and ``.tex`` file under the
paths given on the command line (or, when none are given, under the ini key
``derivations_paths``) is read by :mod:`proofs.reader`, and each chain of
relations in it becomes one test item, ``FILE::TITLE`` for a chain with a
``title`` declaration or a ``\text{...}`` label and ``FILE::line N`` for
the others.  The item passes when every step is proved, or proved under the
hypotheses the file declares (and, unless ``derivations_assume_lecture`` is
false, the lecture's :math:`\sum_j y_j = 1`).  A refuted or undecided step
fails the item; the failure shows each such step at its place, both sides as
written, the counterexample and the declaration under which it would hold.
A formula that cannot be read is an error item, never a pass.

Without ``--derivations`` the plugin collects nothing.  Settings::

    pytest --derivations docs/ slides/
    pytest --derivations --derivations-n general,2 --derivations-time-limit 20

    [tool.pytest.ini_options]
    derivations_paths = ["docs", "slides"]
    derivations_n = "general,2,3,4"
    derivations_time_limit = 60
    derivations_assume_lecture = true
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from proofs.reader import read_file
from proofs.reader.report import check_chain

from .failure import chain_failure_lines
from .hints import find_hints
from .options import DEFAULT_N_VALUES, DEFAULT_TIME_LIMIT, SUFFIXES, parse_n_values, parse_seconds

__all__ = ["DerivationFile", "DerivationItem", "UnreadableItem", "DerivationFailure"]

_ROOTS = pytest.StashKey[list]()


def pytest_addoption(parser):
    """The command-line options and ini keys of the plugin."""
    group = parser.getgroup("derivations", "derivations written in Markdown and LaTeX")
    group.addoption("--derivations", action="store_true", default=False,
                    help="collect every chain of the .md, .markdown and .tex files under the given paths "
                         "(or under the ini key derivations_paths) as a test")
    group.addoption("--derivations-n", type=parse_n_values, default=None, metavar="LIST",
                    help="which n to check each chain for: general and/or numbers of classes "
                         "(default: general,2,3,4)")
    group.addoption("--derivations-time-limit", type=parse_seconds, default=None, metavar="SECONDS",
                    help=f"seconds per chain before its steps are left undecided (default {DEFAULT_TIME_LIMIT:g})")
    parser.addini("derivations_paths", type="paths", default=[],
                  help="folders and files whose derivations --derivations collects when no path is given")
    parser.addini("derivations_n", type="string", default="",
                  help="which n to check each chain for, e.g. general,2,3 (the option overrides it)")
    parser.addini("derivations_time_limit", type="string", default="",
                  help="seconds per chain (the option overrides it)")
    parser.addini("derivations_assume_lecture", type="bool", default=True,
                  help="assume the lecture's sum_j y_j = 1 in every chain (default true)")


def pytest_configure(config):
    """Decide where derivations are collected from, and add the ini paths when no path was given."""
    if not config.getoption("derivations"):
        return
    config.addinivalue_line("markers", "derivation: a chain of relations read from a Markdown or LaTeX file")
    _settings(config)  # a bad ini value is reported before anything is collected
    sources = getattr(pytest.Config, "ArgsSource", None)  # pytest 7.2 and later
    given = sources is None or getattr(config, "args_source", None) == sources.ARGS
    invocation = Path(config.invocation_params.dir)
    ini_paths = [Path(p) for p in config.getini("derivations_paths")]
    if given or not ini_paths:
        roots = [_absolute(invocation, arg.split("::")[0]) for arg in config.args]
    else:
        roots = [p.resolve() for p in ini_paths]
        present = [_absolute(invocation, arg.split("::")[0]) for arg in config.args]
        for path in roots:
            if not any(_within(path, other) for other in present):
                config.args.append(str(path))
    config.stash[_ROOTS] = roots


def _absolute(base, arg):
    path = Path(arg)
    return (path if path.is_absolute() else base / path).resolve()


def _within(path, root):
    return path == root or root in path.parents


def _settings(config):
    """(n_values, time_limit, assume_lecture) from the options, else the ini keys, else the defaults."""
    n_values = config.getoption("derivations_n")
    if n_values is None:
        text = config.getini("derivations_n").strip()
        n_values = _ini(parse_n_values, text, "derivations_n") if text else DEFAULT_N_VALUES
    time_limit = config.getoption("derivations_time_limit")
    if time_limit is None:
        text = config.getini("derivations_time_limit").strip()
        time_limit = _ini(parse_seconds, text, "derivations_time_limit") if text else DEFAULT_TIME_LIMIT
    return n_values, time_limit, config.getini("derivations_assume_lecture")


def _ini(parse, text, key):
    try:
        return parse(text)
    except ValueError as err:
        raise pytest.UsageError(f"ini key {key}: {err}") from None


def pytest_collect_file(file_path, parent):
    """A Markdown or LaTeX file under one of the derivation paths, when ``--derivations`` is given."""
    config = parent.config
    if not config.getoption("derivations") or file_path.suffix.lower() not in SUFFIXES:
        return None
    path = file_path.resolve()
    if not any(_within(path, root) for root in config.stash.get(_ROOTS, [])):
        return None
    return DerivationFile.from_parent(parent, path=file_path)


class DerivationFile(pytest.File):
    """A Markdown or LaTeX file: one item per chain, one error item per formula that cannot be read."""

    def collect(self):
        n_values, time_limit, lecture = _settings(self.config)
        reading = read_file(str(self.path), assume_lecture=lecture)
        named = []
        for derivation, source in reading.chains:
            explicit = source.title != f"chain at line {source.line}"
            name = _unique(source.title.replace("::", ":") if explicit else f"line {source.line}",
                           source.line, named)
            yield DerivationItem.from_parent(self, name=name, derivation=derivation, source=source,
                                             n_values=n_values, time_limit=time_limit)
        for error in reading.errors:
            name = _unique("unreadable" if error.line is None else f"line {error.line}", error.line, named)
            yield UnreadableItem.from_parent(self, name=name, error=error)


def _unique(name, line, taken):
    """``name``, or ``name (line N)`` when another item of the file already has that name."""
    if name in taken:
        name = f"{name} (line {line})"
    while name in taken:
        name += "'"
    taken.append(name)
    return name


class DerivationFailure(Exception):
    """A chain with a refuted or undecided step; the item prints it (see :meth:`DerivationItem.repr_failure`)."""

    def __init__(self, chain, hints):
        super().__init__(f"{chain.title}: {chain.verdict}")
        self.chain = chain
        self.hints = hints


class DerivationItem(pytest.Item):
    """One chain of a file, checked step by step when the item runs."""

    def __init__(self, *, derivation, source, n_values, time_limit, **kwargs):
        super().__init__(**kwargs)
        self.derivation = derivation
        self.source = source
        self.n_values = n_values
        self.time_limit = time_limit
        self.chain = None
        self.add_marker(pytest.mark.derivation)

    def runtest(self):
        limit = f"the time limit of {self.time_limit:g} s per chain (--derivations-time-limit)"
        self.chain = check_chain(self.derivation, self.source, self.n_values, self.time_limit, limit_name=limit)
        self.user_properties.append(("verdict", str(self.chain.verdict)))
        if not self.chain.verdict.ok:
            raise DerivationFailure(self.chain, find_hints(self.chain, self.n_values, self.time_limit))

    def repr_failure(self, excinfo, style=None):
        """The failing steps in full, like a failing doctest shows its example."""
        if isinstance(excinfo.value, DerivationFailure):
            failure = excinfo.value
            return "\n".join(chain_failure_lines(failure.chain, _shown(self), failure.hints))
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, self.source.line - 1, f"[derivation] {self.source.title}"


class UnreadableItem(pytest.Item):
    """A formula or file that cannot be read: an error, never a pass."""

    def __init__(self, *, error, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def setup(self):
        where = _shown(self) + (f":{self.error.line}:{self.error.column}" if self.error.line is not None else "")
        pytest.fail(f"{where}: error: {self.error.message}", pytrace=False)

    def runtest(self):  # never reached: setup fails
        raise AssertionError("an unreadable formula is never checked")

    def reportinfo(self):
        if self.error.line is None:
            return self.path, 0, "[unreadable] the whole file"
        return self.path, self.error.line - 1, f"[unreadable] the formula at line {self.error.line}"


def _shown(item):
    """The item's file as the user named it: relative to where pytest was started, if inside it."""
    try:
        return os.path.relpath(item.path, item.config.invocation_params.dir)
    except ValueError:
        return str(item.path)
