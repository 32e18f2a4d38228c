"""Checks several question types share: how many items, and no two alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from quizgen.core.model import Question
from quizgen.core.question_types.definition import PathOf, Report
from quizgen.text.normalize import fold_for_evidence


def correct_options(question: Question) -> tuple[str, ...]:
    return tuple(option.text for option in question.correct_options)


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def duplicates(texts: Iterable[str]) -> list[str]:
    """Texts that repeat an earlier one once spacing and case are folded."""
    texts = tuple(texts)
    if len(texts) < 2:
        return []
    keys = [fold_for_evidence(text).casefold() for text in texts]
    if len(set(keys)) == len(keys):
        return []
    seen, repeated = set(), []
    for text, key in zip(texts, keys, strict=True):
        if key in seen:
            repeated.append(text)
        seen.add(key)
    return repeated


def check_count(
    found: int, bounds: tuple[int, int], type_name: str, noun: str, where: tuple, report: Report
) -> None:
    low, high = bounds
    if not low <= found <= high:
        report(where, f"{type_name} has {count(found, noun)}", f"give {low} to {high}")


def check_distinct(texts: Iterable[str], what: str, fix: str, where: tuple, report: Report) -> None:
    for text in duplicates(texts):
        report(where, f"duplicate {what} '{text}'", fix)


def check_options(
    values: dict,
    type_name: str,
    bounds: tuple[int, int],
    check_correct: Callable[[int, int, tuple, Report], None],
    path_of: PathOf,
    report: Report,
) -> None:
    """mcq and multi alike: how many options, the type's rule on how many are correct
    (`check_correct(correct, total, where, report)`), and no two options alike."""
    options = values.get("options")
    if options is None:
        return
    where = path_of("options")
    check_count(len(options), bounds, type_name, "option", where, report)
    check_correct(sum(option.correct for option in options), len(options), where, report)
    check_distinct(
        (option.text for option in options), "option", "make every option different", where, report
    )
