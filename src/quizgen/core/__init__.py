"""The bank model, loading, validation, passage lookup and selection; knows nothing of outputs.

Names are imported on first use, so that `quizgen --help` does not pay for the YAML parser.
"""

from quizgen.lazy_exports import lazy_exports

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
    "shuffled": "shuffle",
}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports("quizgen.core", _HOMES)
