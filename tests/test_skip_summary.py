"""A run without a program says which checks it skipped, why, and what to install."""

from __future__ import annotations

import shutil
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_a_missing_program_is_named_with_its_package_and_its_skips_counted(pytester, monkeypatch):
    for helper in ("conftest.py", "external_tools.py"):
        shutil.copy(TESTS / helper, pytester.path / helper)
    pytester.makepyfile(
        test_needing_programs="""
        from external_tools import needs

        @needs("pdftotext")
        def test_reads_a_pdf():
            pass

        @needs("pdftotext")
        def test_reads_another_pdf():
            pass

        @needs("tmux")
        def test_drives_a_terminal():
            pass

        def test_needs_nothing():
            pass
        """
    )
    monkeypatch.setenv("PATH", str(pytester.mkdir("empty")))
    result = pytester.runpytest("-ra")
    result.assert_outcomes(passed=1, skipped=3)
    result.stdout.fnmatch_lines(
        [
            "external programs: NOT FOUND pdftotext (Debian package poppler-utils), "
            "pdftoppm (Debian package poppler-utils), tmux (Debian package tmux); "
            "the checks that need them will be skipped",
            "SKIPPED 2 check(s) because pdftotext is not installed: install the Debian package "
            "poppler-utils (sudo apt-get install poppler-utils) to run them.",
            "SKIPPED 1 check(s) because tmux is not installed: install the Debian package tmux "
            "(sudo apt-get install tmux) to run them.",
            "*needs pdftotext (Debian package poppler-utils)",
        ]
    )
