"""short: a typed answer; the first accepted answer is the model answer."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.question_types.rules import duplicates
from quizgen.core.schema import Field


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    for text in duplicates(values.get("answers", ())):
        report(path_of("answers"), f"accepted answer '{text}' is listed twice", "keep one")


DEFINITION = QuestionType(
    name="short",
    fields=(Field("answers", "text_list"),),
    check=_check,
    key_texts=lambda question: question.answers,
    typed_answers=lambda question: (question.answers,),
)
