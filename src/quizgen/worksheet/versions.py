"""Versions A, B, C...: the same questions, sections by type, orders drawn from the seed.

Version A keeps the bank's order (it follows the article); later versions shuffle the questions
inside each section, and differ from every earlier version whenever the questions allow it.
Options, the right-hand column of a matching question and the items to order are shuffled in
every version: the bank lists the correct option first and the items in their correct order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.core.model import QUESTION_TYPES, Option, Question
from quizgen.core.question_types import definition_of
from quizgen.core.select import SelectedQuestion
from quizgen.core.shuffle import shuffled

_ATTEMPTS = 50


@dataclass(frozen=True)
class VersionQuestion:
    number: int
    item: SelectedQuestion
    order: tuple[int, ...] = ()  # the arranged field's printed order (QuestionType.arrange)

    @property
    def question(self) -> Question:
        return self.item.question

    @property
    def options(self) -> tuple[Option, ...]:
        """mcq, multi: the options in printed order."""
        options = self.question.options
        return tuple(options[index] for index in self.order) if options else ()

    @property
    def matches(self) -> tuple[str, ...]:
        """matching: the right-hand column in printed order."""
        pairs = self.question.pairs
        return tuple(pairs[index].right for index in self.order) if pairs else ()

    @property
    def order_items(self) -> tuple[str, ...]:
        """ordering: the items in printed order."""
        items = self.question.items
        return tuple(items[index] for index in self.order) if items else ()


@dataclass(frozen=True)
class Section:
    type: str
    questions: tuple[VersionQuestion, ...]
    word_bank: tuple[str, ...] = ()  # every typed answer of the section, shuffled (cloze shows it)


@dataclass(frozen=True)
class Version:
    letter: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[VersionQuestion]:
        return [question for section in self.sections for question in section.questions]


def version_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... as spreadsheet columns are named."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def build_versions(
    selected: Sequence[SelectedQuestion], count: int, seed: str | int | None
) -> list[Version]:
    by_type: dict[str, list[SelectedQuestion]] = {kind: [] for kind in QUESTION_TYPES}
    for item in selected:
        by_type[item.question.type].append(item)
    groups = [(kind, items) for kind, items in by_type.items() if items]
    seen_orders: set[tuple[str, ...]] = set()
    versions = []
    for index in range(count):
        letter = version_letter(index)
        orders = _question_orders(groups, seed, letter, index == 0, seen_orders)
        seen_orders.add(tuple(item.key for items in orders for item in items))
        sections = []
        number = 1
        for (kind, _), items in zip(groups, orders, strict=True):
            questions = []
            for item in items:
                questions.append(_arrange(number, item, seed, letter))
                number += 1
            sections.append(Section(kind, tuple(questions), _word_bank(items, seed, letter)))
        versions.append(Version(letter, tuple(sections)))
    return versions


def _question_orders(groups, seed, letter: str, keep_bank_order: bool, seen_orders):
    if keep_bank_order:
        return [list(items) for _, items in groups]
    orders = []
    for attempt in range(_ATTEMPTS):
        orders = [
            shuffled(items, seed, f"{letter}:{kind}:order:{attempt}") for kind, items in groups
        ]
        if tuple(item.key for items in orders for item in items) not in seen_orders:
            break
    return orders


def _arrange(number: int, item: SelectedQuestion, seed, letter: str) -> VersionQuestion:
    question = item.question
    order = definition_of(question).arrange(question, seed, f"{letter}:{item.key}")
    return VersionQuestion(number, item, order)


def _word_bank(items, seed, letter: str) -> tuple[str, ...]:
    words = [
        answers[0]
        for item in items
        for answers in definition_of(item.question).typed_answers(item.question)
    ]
    return tuple(shuffled(words, seed, f"{letter}:word-bank"))
