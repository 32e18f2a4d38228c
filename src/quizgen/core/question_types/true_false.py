"""true_false: a statement about the article, keyed true or false."""

from __future__ import annotations

from quizgen.core.question_types.definition import QuestionType
from quizgen.core.schema import Field

DEFINITION = QuestionType(
    name="true_false",
    fields=(Field("answer", "bool"),),
)
