"""Errors a user can cause, reported precisely and without a traceback."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.errors import QuizgenError, SelectionError, SettingError

__all__ = ["BankInvalid", "Problem", "QuizgenError", "SelectionError", "SettingError"]


@dataclass(frozen=True)
class Problem:
    """One finding of the validator, located as precisely as the input allows."""

    file: str
    line: int
    question_id: str
    message: str
    fix: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}: {self.question_id}: {label}{self.message} ({self.fix})"


class BankInvalid(QuizgenError):
    """Raised when a bank has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the question bank")
