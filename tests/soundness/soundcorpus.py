r"""The soundness corpus: its blocks, their marked ground truth, and a numeric check of it.

A corpus file is Markdown under ``corpus/``.  Each ``$$ ... $$`` block stands on
one line, just after an HTML comment ``<!-- expect: false -->`` (at least one of
its steps is false; none may be proved) or ``<!-- expect: true -->`` (every step
is true; none may be refuted).  ``<!-- soundness: no-assume-lecture -->`` makes
the whole file be checked without the lecture's hypothesis sum_j y_j = 1;
``<!-- check: assume i \ne j -->`` and ``<!-- check: assume lecture -->`` are the
checker's own declarations, which the reference below honours as well.

:func:`ground_truth` evaluates every step of a block with :mod:`soundmath`
(through :mod:`soundtex`, never through the project's reader) at random points
for n = 1..5: a step is *false* when some point, where both sides are defined,
breaks it, and *true* when every point satisfies it.
"""

from __future__ import annotations

import itertools
import pathlib
import random
import re
from collections import Counter
from dataclasses import dataclass, field

import soundmath
import soundtex

CORPUS = pathlib.Path(__file__).parent / "corpus"
#: What test_corpus found, summed over the files it ran (printed at the end of the session).
TOTALS = Counter()
#: The true steps that the checker left undecided (tolerated, but listed).
UNDECIDED_TRUE = []

_EXPECT = re.compile(r"<!--\s*expect:\s*(true|false)\s*-->")
_NO_LECTURE = re.compile(r"<!--\s*soundness:\s*no-assume-lecture\s*-->")
_ASSUME = re.compile(r"<!--\s*check:\s*assume\s+(.*?)\s*-->")
_BLOCK = re.compile(r"^\s*\$\$(.*)\$\$\s*$")


@dataclass
class Block:
    """One formula block of the corpus with its marked ground truth and the assumptions in force."""

    path: pathlib.Path
    line: int
    latex: str
    expect: str            # "true" or "false"
    y_sums_to_1: bool
    distinct: tuple = ()   # pairs of index letters declared different

    @property
    def name(self):
        return f"{self.path.name}:{self.line}"


@dataclass
class CorpusFile:
    path: pathlib.Path
    assume_lecture: bool
    blocks: list = field(default_factory=list)


def corpus_files():
    return sorted(CORPUS.glob("*.md"))


def read_corpus_file(path):
    """The blocks of one corpus file; a block without a mark, or a mark without a block, is an error."""
    path = pathlib.Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines)
    assume_lecture = not _NO_LECTURE.search(text)
    out = CorpusFile(path, assume_lecture)
    y_sums_to_1 = assume_lecture
    distinct = []
    pending = None
    for number, line in enumerate(lines, start=1):
        m = _ASSUME.search(line)
        if m:
            what = m.group(1)
            ne = re.fullmatch(r"([a-z])\s*\\ne(?:q)?\s*([a-z])", what)
            if ne:
                distinct.append((ne.group(1), ne.group(2)))
            elif what == "lecture" or re.fullmatch(r"\\sum_(\{j=1\}\^\{n\}|j)\s*y_j\s*=\s*1", what):
                y_sums_to_1 = True
            else:
                raise ValueError(f"{path.name}:{number}: the reference does not know the assumption {what!r}")
        m = _EXPECT.search(line)
        if m:
            if pending is not None:
                raise ValueError(f"{path.name}:{pending[0]}: a mark without a block")
            pending = (number, m.group(1))
            continue
        m = _BLOCK.match(line)
        if m:
            if pending is None:
                raise ValueError(f"{path.name}:{number}: a block without an expect mark")
            out.blocks.append(Block(path, number, m.group(1).strip(), pending[1], y_sums_to_1, tuple(distinct)))
            pending = None
        elif "$$" in line:
            raise ValueError(f"{path.name}:{number}: write each block on one line")
    if pending is not None:
        raise ValueError(f"{path.name}:{pending[0]}: a mark without a block")
    return out


def all_blocks():
    return [b for p in corpus_files() for b in read_corpus_file(p).blocks]


# -- the numeric reference ---------------------------------------------------------------------

@dataclass
class StepTruth:
    """The reference's finding on one step: false with a witness, or true at every point tried."""

    index: int
    relation: str
    false: bool
    points: int
    witness: str = ""


def steps_of(block):
    chain = soundtex.read_chain(block.latex)
    return [(k, chain[2 * k - 2], chain[2 * k - 1], chain[2 * k]) for k in range(1, len(chain) // 2 + 1)]


_TRUTHS = {}


def ground_truth(block, seed=0, n_values=(1, 2, 3, 4, 5), points_per_n=3, max_assignments=30):
    """Evaluate every step of ``block`` at random points; one StepTruth per step (computed once)."""
    key = (block.name, block.latex, block.y_sums_to_1, block.distinct, seed, n_values, points_per_n,
           max_assignments)
    if key not in _TRUTHS:
        _TRUTHS[key] = _ground_truth(block, seed, n_values, points_per_n, max_assignments)
    return _TRUTHS[key]


def _ground_truth(block, seed, n_values, points_per_n, max_assignments):
    rng = random.Random(f"{block.latex}:{block.y_sums_to_1}:{seed}")
    out = []
    for k, lhs, rel, rhs in steps_of(block):
        letters = soundmath.letters_of(lhs) | soundmath.letters_of(rhs)
        free = sorted(soundmath.free_indices(lhs) | soundmath.free_indices(rhs))
        lowest = max(soundmath.explicit_indices(lhs), soundmath.explicit_indices(rhs))
        truth = StepTruth(k, rel, False, 0)
        prev = soundmath.prev_layer_indices(lhs) | soundmath.prev_layer_indices(rhs)
        for n in n_values:
            if n < lowest:
                continue
            for _ in range(points_per_n if block.expect == "true" else 4 * points_per_n):
                m = rng.randint(1, 3)
                point = soundmath.random_point(rng, n, m, letters, block.y_sums_to_1)
                for assignment in _assignments(free, prev, n, m, block.distinct, rng, max_assignments):
                    point.index = dict(assignment)
                    try:
                        left = soundmath.evaluate(lhs, point)
                        right = soundmath.evaluate(rhs, point)
                    except soundmath.Undefined:
                        continue
                    verdict = soundmath.holds(rel, left, right)
                    if verdict is None:
                        continue
                    truth.points += 1
                    if not verdict:
                        truth.false = True
                        truth.witness = (f"{point.describe()}: left = {soundmath.mpmath.nstr(left, 12)}, "
                                         f"right = {soundmath.mpmath.nstr(right, 12)}")
                        break
                if truth.false:
                    break
            if truth.false:
                break
        out.append(truth)
    return out


def _assignments(free, prev, n, m, distinct, rng, limit):
    """Values of the free indices: 1..m for those of layer L-1, 1..n for the others, as declared."""
    ranges = [range(1, (m if name in prev else n) + 1) for name in free]
    out = [dict(zip(free, values)) for values in itertools.product(*ranges)]
    out = [a for a in out if all(a[p] != a[q] for p, q in distinct if p in a and q in a)]
    return rng.sample(out, limit) if len(out) > limit else out


# -- judging the checker's verdicts ------------------------------------------------------------

PROVED_KINDS = ("proved", "proved-under")


@dataclass
class Seen:
    """What the checker said of one step, from whichever interface it came."""

    index: int
    text: str                # the step as written: lhs relation rhs
    kind: str                # proved, proved-under, refuted, undecided
    verdict: str             # the verdict as printed, with its detail and counterexample
    general: str = ""        # the kind of the verdict for general n, if known
    internal_errors: tuple = ()  # "for which n: message" where the checker's two routes disagreed


def judge(block, seen, counts):
    """The problems in the checker's verdicts ``seen`` on the steps of ``block``; ``counts`` is updated.

    A false step (by the reference) must not be proved, not even for general n alone;
    a true step must not be refuted; an internal error is a problem whatever the verdict.
    Undecided true steps are counted and returned separately as notes.
    """
    problems, notes = [], []
    truths = ground_truth(block)
    if len(seen) != len(truths):
        return [f"{block.name}: the checker read {len(seen)} steps, the reference {len(truths)}: "
                f"{block.latex}"], notes
    for step, truth in zip(seen, truths):
        where = f"{block.name}: step {step.index} ({step.text})"
        state = "FALSE" if truth.false else "TRUE"
        if step.internal_errors:
            counts["internal errors"] += 1
            problems.append(f"{where}: internal error (the step is {state}): {'; '.join(step.internal_errors)}")
        if truth.false:
            counts["false steps"] += 1
            if step.kind in PROVED_KINDS:
                counts["false proved"] += 1
                problems.append(f"{where}: FALSE but {step.verdict}; the reference refutes it at {truth.witness}")
            elif step.general in PROVED_KINDS:
                # The worst verdict over n hides it, but "for general n" claims every n >= 1.
                counts["false proved for general n"] += 1
                problems.append(f"{where}: FALSE but {step.general} for general n "
                                f"(its final verdict {step.kind} comes from a concrete n)")
        else:
            counts["true steps"] += 1
            if step.kind == "refuted":
                counts["true refuted"] += 1
                problems.append(f"{where}: TRUE but {step.verdict}")
            elif step.kind == "undecided":
                counts["true undecided"] += 1
                notes.append(f"{where}{': ' + step.verdict if step.verdict != 'undecided' else ''}")
    return problems, notes


def new_counts():
    return Counter({key: 0 for key in ("false steps", "true steps", "false proved", "false proved for general n",
                                       "true refuted", "true undecided", "unchecked blocks", "internal errors")})
