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
from quizgen.core.select import SelectedQuestion, shuffled, shuffled_unlike

_ATTEMPTS = 50


@dataclass(frozen=True)
class VersionQuestion:
    number: int
    item: SelectedQuestion
    options: tuple[Option, ...] = ()  # mcq, multi: in printed order
    matches: tuple[str, ...] = ()  # matching: the right-hand column in printed order
    order_items: tuple[str, ...] = ()  # ordering: the items in printed order

    @property
    def question(self) -> Question:
        return self.item.question


@dataclass(frozen=True)
class Section:
    type: str
    questions: tuple[VersionQuestion, ...]
    word_bank: tuple[str, ...] = ()  # cloze: every blank's word, shuffled


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
    by_type = {
        kind: [item for item in selected if item.question.type == kind] for kind in QUESTION_TYPES
    }
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
            sections.append(Section(kind, tuple(questions), _word_bank(kind, items, seed, letter)))
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
    purpose = f"{letter}:{item.key}"
    if question.type in ("mcq", "multi"):
        return VersionQuestion(
            number, item, options=tuple(shuffled(question.options, seed, purpose))
        )
    if question.type == "matching":
        rights = [pair.right for pair in question.pairs]
        return VersionQuestion(number, item, matches=tuple(shuffled_unlike(rights, seed, purpose)))
    if question.type == "ordering":
        return VersionQuestion(
            number, item, order_items=tuple(shuffled_unlike(question.items, seed, purpose))
        )
    return VersionQuestion(number, item)


def _word_bank(kind: str, items, seed, letter: str) -> tuple[str, ...]:
    if kind != "cloze":
        return ()
    words = [deletion for item in items for deletion in item.question.deletions]
    return tuple(shuffled(words, seed, f"{letter}:word-bank"))
