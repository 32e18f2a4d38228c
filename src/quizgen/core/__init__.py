"""The bank model, loading, validation, passage lookup and selection; knows nothing of outputs.

Names are imported on first use, so that `quizgen --help` does not pay for the YAML parser.
"""

from importlib import import_module

_HOMES = {
    "Article": "model",
    "Bank": "model",
    "Option": "model",
    "Pair": "model",
    "Passage": "model",
    "Question": "model",
    "BankInvalid": "errors",
    "Problem": "errors",
    "QuizgenError": "errors",
    "default_bank_paths": "loader",
    "load_bank": "loader",
    "load_banks": "loader",
    "SelectedQuestion": "select",
    "Selection": "select",
    "select_questions": "select",
    "shuffled": "select",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'quizgen.core' has no attribute '{name}'")
    return getattr(import_module(f"quizgen.core.{_HOMES[name]}"), name)
