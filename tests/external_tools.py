"""Programs some tests run that pip cannot install, and the one way such a test skips without them.

Every skip reason has the same shape, naming the program and the Debian package that provides it,
so a reader of `pytest -ra` knows what to install and conftest.py can count the skips per package.
"""

from __future__ import annotations

import re
import shutil

import pytest

DEBIAN_PACKAGES = {"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "tmux": "tmux"}
SKIP_REASON = re.compile(r"needs (?P<program>\S+) \(Debian package (?P<package>\S+)\)")


def missing_reason(program: str) -> str:
    return f"needs {program} (Debian package {DEBIAN_PACKAGES[program]})"


def needs(program: str) -> pytest.MarkDecorator:
    """Skip the test, or every test of a module as `pytestmark`, when the program is not on PATH."""
    return pytest.mark.skipif(shutil.which(program) is None, reason=missing_reason(program))


def missing_programs() -> list[str]:
    return [program for program in DEBIAN_PACKAGES if shutil.which(program) is None]
