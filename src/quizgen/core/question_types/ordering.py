"""ordering: items listed in their correct order, shown in any order but that one."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.question_types.rules import check_count, check_distinct
from quizgen.core.schema import Field

ITEM_COUNT = (3, 10)


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    items = values.get("items")
    if items is None:
        return
    where = path_of("items")
    check_count(len(items), ITEM_COUNT, "ordering", "item", where, report)
    check_distinct(items, "item", "make every item different", where, report)


DEFINITION = QuestionType(
    name="ordering",
    fields=(Field("items", "text_list"),),
    check=_check,
    arranged="items",
    never_solved_order=True,
    shown_texts=lambda question: (question.prompt, *question.items),
)
