"""The bank model, loading, validation, passage lookup and selection; knows nothing of outputs."""

from quizgen.core.errors import BankInvalid, Problem, QuizgenError
from quizgen.core.loader import default_bank_paths, load_bank, load_banks
from quizgen.core.model import Article, Bank, Option, Pair, Passage, Question
from quizgen.core.select import SelectedQuestion, Selection, select_questions, shuffled

__all__ = [
    "Article",
    "Bank",
    "BankInvalid",
    "Option",
    "Pair",
    "Passage",
    "Problem",
    "Question",
    "QuizgenError",
    "SelectedQuestion",
    "Selection",
    "default_bank_paths",
    "load_bank",
    "load_banks",
    "select_questions",
    "shuffled",
]
