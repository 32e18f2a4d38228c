"""Marking a class: every student's row against their version, then item analysis per bank question.

The same bank question has a different number, option order and letters in each version; results
are merged by bank and question id, and choices are counted as the bank's options.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy

from quizgen.core.question_types import require_every_type
from quizgen.grade.analysis import ClassNumbers, class_numbers, item_flags, item_numbers
from quizgen.grade.answers import AnswerData, KeyedQuestion
from quizgen.grade.marking import Mark, UnreadableCell, mark
from quizgen.grade.responses import CellProblem, ClassResponses


@dataclass(frozen=True)
class Typo:
    """A typed answer accepted as a typo: the teacher may overrule it (type - in the cell)."""

    row: int
    student: str
    number: int
    item: tuple[str, str]
    typed: str
    accepted: str


@dataclass(frozen=True)
class StudentResult:
    row: int
    student: str
    version: str
    marks: dict[tuple[str, str], Mark | None]  # bank question -> mark, None when unreadable
    points: dict[tuple[str, str], float]  # bank question -> points earned
    maximum: float

    @property
    def score(self) -> float:
        return sum(self.points.values())

    @property
    def percent(self) -> float:
        return 100 * self.score / self.maximum if self.maximum else 0.0


@dataclass(frozen=True)
class Choice:
    option: str  # the bank's option index, or true / false
    text: str
    correct: bool
    count: int


@dataclass(frozen=True)
class ItemResult:
    bank: str
    id: str
    type: str
    points: float
    answered: int
    difficulty: float | None
    discrimination: float | None
    upper_lower: float | None
    choices: tuple[Choice, ...]
    flags: tuple[str, ...]
    question: KeyedQuestion  # as the first version printed it, for its texts


@dataclass(frozen=True)
class ClassResult:
    students: tuple[StudentResult, ...]
    items: tuple[ItemResult, ...]
    figures: ClassNumbers  # reliability, mean, median, range, deviation, histogram
    maximum_score: float
    problems: tuple[CellProblem, ...]
    typos: tuple[Typo, ...]


def _cached_mark(question: KeyedQuestion, cell: str, cache: dict) -> Mark | UnreadableCell:
    """Students of a class often write the same thing: each distinct cell is marked once."""
    key = (id(question), cell)
    if key not in cache:
        try:
            cache[key] = mark(question, cell)
        except UnreadableCell as unreadable:
            cache[key] = unreadable
    return cache[key]


def _mark_student(
    row, questions: tuple[KeyedQuestion, ...], problems: list, typos: list, cache: dict
):
    marks: dict[tuple[str, str], Mark | None] = {}
    points: dict[tuple[str, str], float] = {}
    for question in questions:
        result = _cached_mark(question, row.cells.get(question.number, ""), cache)
        if isinstance(result, UnreadableCell):
            unreadable = result
            problems.append(
                CellProblem(row.row, str(question.number), unreadable.message, unreadable.fix)
            )
            marks[question.item] = None
            points[question.item] = 0.0
            continue
        marks[question.item] = result
        points[question.item] = result.credit * question.points
        for typed, accepted in result.typos:
            typos.append(
                Typo(row.row, row.student, question.number, question.item, typed, accepted)
            )
    return marks, points


def _column_problems(answers: AnswerData, responses: ClassResponses) -> list[CellProblem]:
    printed = {question.number for questions in answers.versions.values() for question in questions}
    problems = [
        CellProblem(
            1, str(number), f"question {number} has no column", "add the column, even if empty"
        )
        for number in sorted(printed - set(responses.numbers))
    ]
    problems += [
        CellProblem(1, str(number), f"the worksheet has no question {number}", "delete the column")
        for number in responses.numbers
        if number not in printed
    ]
    return problems


def _choice_counts(item: tuple[str, str], students: list[StudentResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for student in students:
        student_mark = student.marks.get(item)
        for option in student_mark.choices if student_mark else ():
            counts[option] = counts.get(option, 0) + 1
    return counts


def _option_choices(question: KeyedQuestion, counts: dict[str, int]) -> tuple[Choice, ...]:
    """Per bank option, in the bank's order, whatever letter each version printed it under."""
    texts = question.details.get("option_texts", [])
    by_bank_index = {
        bank_index: (texts[position] if position < len(texts) else "", position in question.key)
        for position, bank_index in enumerate(question.options)
    }
    return tuple(
        Choice(str(index), text, correct, counts.get(str(index), 0))
        for index, (text, correct) in sorted(by_bank_index.items())
    )


def _truth_choices(question: KeyedQuestion, counts: dict[str, int]) -> tuple[Choice, ...]:
    return tuple(
        Choice(option, option, (option == "true") == question.key, counts.get(option, 0))
        for option in ("true", "false")
    )


def _no_choices(question: KeyedQuestion, counts: dict[str, int]) -> tuple[Choice, ...]:
    return ()


CHOICE_LISTS: dict[str, Callable[[KeyedQuestion, dict[str, int]], tuple[Choice, ...]]] = {
    "mcq": _option_choices,
    "multi": _option_choices,
    "true_false": _truth_choices,
    "short": _no_choices,
    "cloze": _no_choices,
    "matching": _no_choices,
    "ordering": _no_choices,
    "vocab": _no_choices,
}
require_every_type(CHOICE_LISTS, "grade choice counts")


def grade_class(answers: AnswerData, responses: ClassResponses) -> ClassResult:
    problems = list(responses.problems) + _column_problems(answers, responses)
    typos: list[Typo] = []
    students: list[StudentResult] = []
    cache: dict = {}
    known = ", ".join(answers.versions)
    for row in responses.rows:
        questions = answers.versions.get(row.version)
        if questions is None:
            problem = f"version '{row.version}' is not one printed" if row.version else "no version"
            problems.append(
                CellProblem(row.row, "version", problem, f"write one of {known}; not marked")
            )
            continue
        marks, points = _mark_student(row, questions, problems, typos, cache)
        maximum = sum(question.points for question in questions)
        students.append(StudentResult(row.row, row.student, row.version, marks, points, maximum))

    first_version = next(iter(answers.versions.values()))
    items = [question.item for question in first_version]
    maxima = numpy.array([question.points for question in first_version], dtype=float)
    earned = numpy.array(
        [[student.points[item] for item in items] for student in students], dtype=float
    ).reshape(len(students), len(items))
    numbers = item_numbers(earned, maxima)

    item_results = []
    for item, question, item_number in zip(items, first_version, numbers, strict=True):
        choices = CHOICE_LISTS[question.type](question, _choice_counts(item, students))
        shares = {choice.option: choice.count / len(students) for choice in choices if students}
        distractors = {choice.option for choice in choices if not choice.correct}
        answered = sum(
            1 for student in students if (student.marks[item] or Mark(0, False)).answered
        )
        item_results.append(
            ItemResult(
                bank=item[0],
                id=item[1],
                type=question.type,
                points=question.points,
                answered=answered,
                difficulty=item_number.difficulty,
                discrimination=item_number.discrimination,
                upper_lower=item_number.upper_lower,
                choices=choices,
                flags=tuple(item_flags(item_number, shares, distractors) if students else ()),
                question=question,
            )
        )
    return ClassResult(
        students=tuple(students),
        items=tuple(item_results),
        figures=class_numbers(earned, maxima),
        maximum_score=float(maxima.sum()),
        problems=tuple(sorted(problems, key=lambda problem: problem.row)),
        typos=tuple(typos),
    )
