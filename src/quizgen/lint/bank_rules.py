"""Rules that read a whole bank: patterns no single item shows, such as the key's length or the
true/false answer following the level."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.core.model import Bank, Question
from quizgen.core.question_types import require_every_type
from quizgen.core.schema import DIFFICULTY_LEVELS
from quizgen.text.normalize import fold_for_evidence


@dataclass(frozen=True)
class BankFinding:
    rule: str
    message: str
    fix: str


# L201: warn when the key is strictly the longest option this much more often than chance.
LONGEST_ABOVE_CHANCE = 0.10
# L202: the share of True keys each level should stay within.
TRUE_SHARE = (0.35, 0.65)
# L201, L202: a level with fewer items than this is too small to judge.
SMALLEST_SAMPLE = 5
# L203: the share of the items each level should hold.
LEVEL_SHARE = (0.15, 0.60)


def key_strictly_longest(question: Question) -> bool:
    lengths = [len(fold_for_evidence(option.text)) for option in question.options]
    keys = [len(fold_for_evidence(option.text)) for option in question.correct_options]
    return len(keys) == 1 and lengths.count(keys[0]) == 1 and keys[0] == max(lengths)


@dataclass(frozen=True)
class TypeTraits:
    single_key_choice: bool  # a student can compare the lengths of its options, one of them right
    true_or_false: bool  # its key is True or False
    level_set_by_writer: bool  # a vocab card is level 1 unless it says otherwise


TYPE_TRAITS: dict[str, TypeTraits] = {
    "mcq": TypeTraits(True, False, True),
    "multi": TypeTraits(False, False, True),
    "true_false": TypeTraits(False, True, True),
    "short": TypeTraits(False, False, True),
    "cloze": TypeTraits(False, False, True),
    "matching": TypeTraits(False, False, True),
    "ordering": TypeTraits(False, False, True),
    "vocab": TypeTraits(False, False, False),
}
require_every_type(TYPE_TRAITS, "the bank lint rules")


def _percent(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})"


def longest_key_share(bank: Bank) -> list[BankFinding]:
    items = [
        question for question in bank.questions if TYPE_TRAITS[question.type].single_key_choice
    ]
    groups = [("", items)] + [
        (f" at level {level}", [q for q in items if q.difficulty == level])
        for level in DIFFICULTY_LEVELS
    ]
    findings = []
    for where, group in groups:
        if len(group) < SMALLEST_SAMPLE:
            continue
        longest = sum(key_strictly_longest(question) for question in group)
        chance = sum(1 / len(question.options) for question in group) / len(group)
        if longest / len(group) > chance + LONGEST_ABOVE_CHANCE:
            findings.append(
                BankFinding(
                    "L201",
                    f"the key is strictly the longest option in {_percent(longest, len(group))} "
                    f"mcq items{where}; chance is {chance:.0%}",
                    "lengthen distractors or shorten keys until length does not point to the key",
                )
            )
    return findings


def true_false_balance(bank: Bank) -> list[BankFinding]:
    findings = []
    low, high = TRUE_SHARE
    for level in DIFFICULTY_LEVELS:
        answers = [
            question.answer
            for question in bank.questions
            if TYPE_TRAITS[question.type].true_or_false and question.difficulty == level
        ]
        if len(answers) < SMALLEST_SAMPLE:
            continue
        true = sum(answers)
        if not low <= true / len(answers) <= high:
            findings.append(
                BankFinding(
                    "L202",
                    f"{_percent(true, len(answers))} true/false items at level {level} are True",
                    f"keep True between {low:.0%} and {high:.0%} at each level",
                )
            )
    return findings


def level_mix(bank: Bank) -> list[BankFinding]:
    counts = Counter(
        question.difficulty
        for question in bank.questions
        if TYPE_TRAITS[question.type].level_set_by_writer
    )
    total = sum(counts.values())
    if total < SMALLEST_SAMPLE:
        return []
    low, high = LEVEL_SHARE
    return [
        BankFinding(
            "L203",
            f"level {level} holds {_percent(counts[level], total)} items",
            f"give each level {low:.0%} to {high:.0%} of the items",
        )
        for level in DIFFICULTY_LEVELS
        if not low <= counts[level] / total <= high
    ]


BANK_RULES: tuple[Callable[[Bank], list[BankFinding]], ...] = (
    longest_key_share,
    true_false_balance,
    level_mix,
)


def bank_findings(bank: Bank) -> list[BankFinding]:
    return [finding for rule in BANK_RULES for finding in rule(bank)]
