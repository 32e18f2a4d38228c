"""The project's error types, importable from every layer (text/ included) without importing core.

Library code raises these and never names a command-line option; the CLI alone turns a
`SettingError` into a message about the option or environment variable the user can change.
"""

from __future__ import annotations


class QuizgenError(Exception):
    """A user's mistake or an environment problem: printed as one clear message, exit status 1."""


class SettingError(QuizgenError):
    """A value the user chose that cannot work. `setting` names it in the library's terms
    ("rtl", "database", "font", "subdecks"); the CLI knows which option or variable sets it."""

    def __init__(self, setting: str, message: str):
        super().__init__(message)
        self.setting = setting


class SelectionError(SettingError):
    """A filter value that names nothing the banks have: a usage error (exit status 2)."""
