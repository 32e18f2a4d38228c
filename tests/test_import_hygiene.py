"""Start-up stays light: help screens never import the output libraries or the YAML parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = (
    "reportlab",
    "genanki",
    "uharfbuzz",
    "fsrs",
    "anki",
    "prompt_toolkit",
    "yaml",
    "yaml_rs",
    "bidi",
    "numpy",
)

PROBE = (
    "import atexit, sys\n"
    f"heavy = {HEAVY!r}\n"
    "atexit.register(lambda: print('HEAVY', sorted({m.split('.')[0] for m in sys.modules"
    " if m.split('.')[0] in heavy}), file=sys.stderr))\n"
    "from quizgen.cli.main import run\n"
    "sys.argv = ['quizgen'] + sys.argv[1:]\n"
    "run()\n"
)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["check", "--help"],
        ["anki", "--help"],
        ["worksheet", "--help"],
        ["quiz", "--help"],
        ["stats", "--help"],
        ["grade", "--help"],
    ],
)
def test_help_imports_nothing_heavy(arguments):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    assert "HEAVY []" in result.stderr, result.stderr
