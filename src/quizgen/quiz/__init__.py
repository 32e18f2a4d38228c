"""The terminal quiz: sessions, answer parsing, spaced repetition and the progress database.

The public entry point is `Quiz(...).run()`; see its docstring. The caller passes the store,
display, reader and clock, so the same session runs in a terminal or in a test.
Names are imported on first use, so that importing the package does not load fsrs.
"""

from quizgen.lazy_exports import lazy_exports

_HOMES = {
    "Display": "display",
    "LineReader": "line_input",
    "ProgressStore": "progress_db",
    "Quiz": "session",
    "QuizSettings": "session",
}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports("quizgen.quiz", _HOMES)
