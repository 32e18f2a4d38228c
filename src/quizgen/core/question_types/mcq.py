"""mcq: one correct option among three to five, shown shuffled."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.question_types.rules import check_options, correct_options
from quizgen.core.schema import Field

OPTION_COUNT = (3, 5)


def _one_correct(correct: int, total: int, where: tuple, report: Report) -> None:
    if correct != 1:
        report(where, f"mcq has {correct} correct options", "mark exactly one with `correct: true`")


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    check_options(values, "mcq", OPTION_COUNT, _one_correct, path_of, report)


DEFINITION = QuestionType(
    name="mcq",
    fields=(Field("options", "options"),),
    check=_check,
    arranged="options",
    key_texts=correct_options,
    shown_texts=lambda question: (question.prompt, *correct_options(question)),
)
