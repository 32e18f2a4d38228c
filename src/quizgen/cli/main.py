"""Entry point: the group with every command registered (command modules import lightly)."""

from quizgen.cli import bank_commands
from quizgen.cli.group import cli, run

__all__ = ["bank_commands", "cli", "run"]
