"""multi: one or more correct options, never all of them, shown shuffled."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.question_types.rules import check_options, correct_options
from quizgen.core.schema import Field

OPTION_COUNT = (3, 8)


def _some_but_not_all_correct(correct: int, total: int, where: tuple, report: Report) -> None:
    if correct == 0:
        report(where, "multi has no correct option", "mark the right ones with `correct: true`")
    if total and correct == total:
        report(where, "every option of this multi is correct", "add at least one wrong option")


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    check_options(values, "multi", OPTION_COUNT, _some_but_not_all_correct, path_of, report)


DEFINITION = QuestionType(
    name="multi",
    fields=(Field("options", "options"),),
    check=_check,
    arranged="options",
    key_texts=correct_options,
    shown_texts=lambda question: (question.prompt, *correct_options(question)),
)
