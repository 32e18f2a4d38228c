"""matching: left items paired with right ones; the right column is shown in any order but the
bank's, which is the answer."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.question_types.rules import check_count, check_distinct
from quizgen.core.schema import Field

PAIR_COUNT = (3, 8)


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    pairs = values.get("pairs")
    if pairs is None:
        return
    where = path_of("pairs")
    check_count(len(pairs), PAIR_COUNT, "matching", "pair", where, report)
    for side in ("left", "right"):
        texts = (getattr(pair, side) for pair in pairs)
        check_distinct(texts, f"{side} item", "make every item different", where, report)


DEFINITION = QuestionType(
    name="matching",
    fields=(Field("pairs", "pairs"),),
    check=_check,
    arranged="pairs",
    never_solved_order=True,
    shown_texts=lambda question: (
        question.prompt,
        *(text for pair in question.pairs for text in (pair.left, pair.right)),
    ),
)
