"""Skipping for missing tools: a skip with a reason locally, a failure under CI (CI=true)."""

import os
import shutil

import pytest


def need_tool(available, reason):
    """Skip with ``reason`` when a tool is missing; when the environment has CI=true, fail instead."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true, so a missing tool is a failure)")
    pytest.skip(reason)


def need_program(name):
    """Require a program on PATH."""
    need_tool(shutil.which(name) is not None, f"{name} is not installed")
