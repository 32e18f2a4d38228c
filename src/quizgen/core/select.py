"""Choosing questions from banks by filters, and deterministic seeded shuffling."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizgen.core.errors import QuizgenError, SelectionError
from quizgen.core.model import QUESTION_TYPES, Bank, Question
from quizgen.core.schema import DIFFICULTY_LEVELS
from quizgen.core.shuffle import shuffled


@dataclass(frozen=True)
class SelectedQuestion:
    bank: Bank
    question: Question
    family: str | None = None  # its family's name in its bank (core/families.py), if it has one

    @property
    def key(self) -> str:
        """Identity across builds and outputs: bank id and question id, never the text."""
        return f"{self.bank.id}/{self.question.id}"


@dataclass(frozen=True)
class Selection:
    """Filters as the CLI passes them; empty means no filter."""

    types: frozenset[str] = field(default_factory=frozenset)
    passages: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    difficulty: frozenset[int] = field(default_factory=frozenset)

    def matches(self, question: Question) -> bool:
        return (
            (not self.types or question.type in self.types)
            and (not self.passages or not self.passages.isdisjoint(question.passages))
            and (not self.tags or not self.tags.isdisjoint(question.tags))
            and (not self.difficulty or question.difficulty in self.difficulty)
        )


def check_selection(selection: Selection, banks: Sequence[Bank]) -> None:
    """Reject filter values that can match nothing, naming the valid ones."""
    unknown_types = selection.types - set(QUESTION_TYPES)
    if unknown_types:
        raise SelectionError(
            "types",
            f"unknown type(s) {', '.join(sorted(unknown_types))}; use {', '.join(QUESTION_TYPES)}",
        )
    known_passages = {passage.id for bank in banks for passage in bank.passages}
    unknown_passages = selection.passages - known_passages
    if unknown_passages:
        raise SelectionError(
            "passages",
            f"unknown passage(s) {', '.join(sorted(unknown_passages))}; the banks have "
            f"{', '.join(sorted(known_passages, key=lambda p: int(p[1:])))}",
        )
    bad_levels = {level for level in selection.difficulty if level not in DIFFICULTY_LEVELS}
    if bad_levels:
        levels = ", ".join(str(level) for level in sorted(bad_levels))
        raise SelectionError("difficulty", f"difficulty must be 1, 2 or 3, not {levels}")


def select_questions(
    banks: Iterable[Bank],
    selection: Selection = Selection(),
    count: int | None = None,
    seed: str | int | None = None,
    one_per_family: bool = False,
) -> list[SelectedQuestion]:
    """Matching questions in bank order, or `count` of them drawn with the seed.

    A draw (a count, or `one_per_family`) takes at most one item of each family, so that no
    worksheet or quiz session holds two items that give each other away.
    """
    banks = list(banks)
    check_selection(selection, banks)
    chosen = []
    for bank in banks:
        families = bank.families
        chosen += [
            SelectedQuestion(bank, question, families.get(question.id))
            for question in bank.questions
            if selection.matches(question)
        ]
    if not chosen:
        if not any(bank.questions for bank in banks):
            raise QuizgenError("the bank has no questions yet (add some under `questions:`)")
        raise QuizgenError(
            "no question matches the filters (loosen the type, passage, tag or difficulty filters)"
        )
    if count is not None or one_per_family:
        drawn = first_of_each_family(shuffled(chosen, seed, "select"))[:count]
        position = {item.key: index for index, item in enumerate(chosen)}
        chosen = sorted(drawn, key=lambda item: position[item.key])
    return chosen


def first_of_each_family(items: Iterable[SelectedQuestion]) -> list[SelectedQuestion]:
    """The items in their order, without any whose family came earlier: a seeded draw, or an order
    already chosen (due cards first)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in items:
        if item.family is not None:
            family = (item.bank.id, item.family)
            if family in seen:
                continue
            seen.add(family)
        kept.append(item)
    return kept
