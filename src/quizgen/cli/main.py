"""Entry point: the group with every command registered (command modules import lightly)."""

from quizgen.cli import (
    anki_command,
    bank_commands,
    coverage_command,
    grade_command,
    lint_command,
    new_command,
    quiz_command,
    worksheet_command,
)
from quizgen.cli.group import cli, run

__all__ = [
    "anki_command",
    "bank_commands",
    "cli",
    "coverage_command",
    "grade_command",
    "lint_command",
    "new_command",
    "quiz_command",
    "run",
    "worksheet_command",
]
