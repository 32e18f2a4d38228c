"""The eight question types, one module each; `DEFINITIONS` is the registry every layer reads.

To add a type: write its module here (fields, rules, arrangement), add its name to
`quizgen.core.model.QUESTION_TYPES`, and give each output a renderer (see docs/architecture.md).
"""

from __future__ import annotations

from quizgen.core.model import QUESTION_TYPES, Question
from quizgen.core.question_types import (
    cloze,
    matching,
    mcq,
    multi,
    ordering,
    short,
    true_false,
    vocab,
)
from quizgen.core.question_types.definition import QuestionType, require_every_type

DEFINITIONS: dict[str, QuestionType] = {
    module.DEFINITION.name: module.DEFINITION
    for module in (mcq, multi, true_false, short, cloze, matching, ordering, vocab)
}
require_every_type(DEFINITIONS, "quizgen.core.question_types")
DEFINITIONS = {name: DEFINITIONS[name] for name in QUESTION_TYPES}


def definition_of(question: Question) -> QuestionType:
    return DEFINITIONS[question.type]


__all__ = ["DEFINITIONS", "QuestionType", "definition_of", "require_every_type"]
