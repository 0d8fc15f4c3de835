"""Make the helper modules of tests/soundness importable by the tests next to them."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))


def pytest_terminal_summary(terminalreporter):
    """The corpus's counts over every file checked in this session, and the undecided true steps."""
    from soundcorpus import TOTALS, UNDECIDED_TRUE

    if not TOTALS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("soundness corpus")
    write(", ".join(f"{value} {key}" for key, value in TOTALS.items()))
    for entry in UNDECIDED_TRUE:
        write(f"undecided (tolerated): {entry}")
