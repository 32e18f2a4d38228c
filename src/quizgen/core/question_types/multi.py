"""multi: one or more correct options, never all of them, shown shuffled."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.question_types.rules import check_count, check_distinct, correct_options
from quizgen.core.schema import Field

OPTION_COUNT = (3, 8)


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    options = values.get("options")
    if options is None:
        return
    where = path_of("options")
    check_count(len(options), OPTION_COUNT, "multi", "option", where, report)
    correct = sum(option.correct for option in options)
    if correct == 0:
        report(where, "multi has no correct option", "mark the right ones with `correct: true`")
    if options and correct == len(options):
        report(where, "every option of this multi is correct", "add at least one wrong option")
    check_distinct(
        (option.text for option in options), "option", "make every option different", where, report
    )


DEFINITION = QuestionType(
    name="multi",
    fields=(Field("options", "options"),),
    check=_check,
    arranged="options",
    key_texts=correct_options,
    shown_texts=lambda question: (question.prompt, *correct_options(question)),
)
