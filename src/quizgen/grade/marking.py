"""Marking one cell of the responses: reading what the teacher typed and the credit it earns.

Notation (docs/grading.md has examples):
- letters in the sheet's script or in Latin, any case, with or without spaces or commas:
  `ب` or `B` (mcq), `AC` / `أ ج` / `a,c` (multi); ا for أ and ه for هـ are read as the letters;
- true/false: the printed word or its initial (True, T, صح, ص; False, F, خطأ, خ);
- matching: the right-hand letters in the order of the left-hand rows (`BCA`, `ب ج أ`);
- ordering: the ranks written in the boxes, in printed order (`312`, `3 1 2`, `٣١٢`);
- matching and ordering: `_` for a box left empty;
- short, vocab: the text; cloze: the blanks in order separated by `|`;
- short, vocab, cloze: `+` or `-` alone records the teacher's own verdict (right or wrong).

Partial credit (a share of the item's points):
- multi: right minus wrong, as Canvas and Moodle mark it: each correct option ticked earns
  1/(number of correct options), each wrong option ticked costs 1/(number of wrong options),
  floored at 0, so ticking every option earns nothing;
- matching: the share of left-hand rows given their right match;
- ordering: the share of items given their correct rank (absolute position);
- cloze: the share of blanks filled right;
- mcq, true_false, short, vocab: all or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.core.question_types import require_every_type
from quizgen.grade.answers import KeyedQuestion
from quizgen.locale import ar, en
from quizgen.text.grading import TYPO, grade_typed
from quizgen.typed_choices import LETTER_SETS, fold_typed, truth_value

ARABIC_LETTERS, LATIN_LETTERS = ar.LOCALE.option_letters, en.LOCALE.option_letters

EMPTY_BOX = "_"
TEACHER_RIGHT = "+"
TEACHER_WRONG = "-"
BLANK_SEPARATOR = "|"

_SEPARATORS = re.compile(r"[\s,،;؛/]+")


class UnreadableCell(Exception):
    """A cell that cannot be marked as typed: reported with its row and column, never scored."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Mark:
    credit: float  # share of the item's points, 0 to 1
    answered: bool
    choices: tuple[str, ...] = ()  # the bank options chosen (mcq, multi, true_false)
    typos: tuple[tuple[str, str], ...] = ()  # forgiven: (as typed, the accepted answer it met)
    by_teacher: bool = False


NO_ANSWER = Mark(0.0, False)


_FOLDED_LETTERS = {
    fold_typed(letter): position
    for letters in LETTER_SETS
    for position, letter in enumerate(letters)
}


def _letter_range(question: KeyedQuestion, count: int) -> str:
    arabic, latin = ARABIC_LETTERS[count - 1], LATIN_LETTERS[count - 1]
    return f"{ARABIC_LETTERS[0]} to {arabic}" if question.letters == "arabic" else f"A to {latin}"


def _tokens(cell: str) -> list[str]:
    """Single characters: every label and rank used here is one character once folded."""
    return [character for part in _SEPARATORS.split(fold_typed(cell)) for character in part]


def _letter_positions(question: KeyedQuestion, cell: str, count: int) -> list[int | None]:
    """Printed positions named by the letters, None for an empty box."""
    positions: list[int | None] = []
    for token in _tokens(cell):
        if token == EMPTY_BOX:
            positions.append(None)
            continue
        position = _FOLDED_LETTERS.get(token)
        if position is None or position >= count:
            raise UnreadableCell(
                f"'{cell}': this question has no letter '{token.upper()}'",
                f"use {_letter_range(question, count)}",
            )
        positions.append(position)
    return positions


def _mcq(question: KeyedQuestion, cell: str) -> Mark:
    positions = set(_letter_positions(question, cell, len(question.options))) - {None}
    choices = tuple(str(question.options[position]) for position in sorted(positions))
    right = positions == set(question.key)
    return Mark(1.0 if right else 0.0, True, choices)


def _multi(question: KeyedQuestion, cell: str) -> Mark:
    positions = set(_letter_positions(question, cell, len(question.options))) - {None}
    correct = set(question.key)
    wrong_count = len(question.options) - len(correct)
    credit = len(positions & correct) / len(correct)
    if wrong_count:
        credit -= len(positions - correct) / wrong_count
    choices = tuple(str(question.options[position]) for position in sorted(positions))
    return Mark(max(0.0, credit), True, choices)


def _true_false(question: KeyedQuestion, cell: str) -> Mark:
    chosen = truth_value(cell)
    if chosen is None:
        raise UnreadableCell(f"'{cell}' is not true or false", "write T or F (ص or خ)")
    return Mark(1.0 if chosen == question.key else 0.0, True, ("true" if chosen else "false",))


def _matching(question: KeyedQuestion, cell: str) -> Mark:
    rows = len(question.key)
    positions = _letter_positions(question, cell, rows)
    if len(positions) != rows:
        raise UnreadableCell(
            f"{len(positions)} letter(s) for {rows} rows",
            f"write one letter per row in row order, {EMPTY_BOX} for a row left empty",
        )
    right = sum(given == expected for given, expected in zip(positions, question.key, strict=True))
    return Mark(right / rows, True)


def _ordering(question: KeyedQuestion, cell: str) -> Mark:
    count = len(question.key)
    folded = fold_typed(cell)
    parts = [part for part in _SEPARATORS.split(folded) if part]
    tokens = parts if len(parts) == count else _tokens(cell)
    ranks: list[int | None] = []
    for token in tokens:
        if token == EMPTY_BOX:
            ranks.append(None)
        elif token.isdigit() and 1 <= int(token) <= count:
            ranks.append(int(token))
        else:
            raise UnreadableCell(
                f"'{token}' is not a rank of this question", f"use the numbers 1 to {count}"
            )
    if len(ranks) != count:
        raise UnreadableCell(
            f"{len(ranks)} rank(s) for {count} items",
            f"write each printed item's rank in printed order, {EMPTY_BOX} for an empty box",
        )
    right = sum(given == expected for given, expected in zip(ranks, question.key, strict=True))
    return Mark(right / count, True)


def _teacher_verdict(cell: str) -> Mark | None:
    if cell == TEACHER_RIGHT:
        return Mark(1.0, True, by_teacher=True)
    if cell == TEACHER_WRONG:
        return Mark(0.0, True, by_teacher=True)
    return None


def _typed(question: KeyedQuestion, cell: str) -> Mark:
    verdict = _teacher_verdict(cell)
    if verdict is not None:
        return verdict
    grade = grade_typed(cell, question.key, question.language)
    typos = ((cell, grade.matched),) if grade.verdict == TYPO else ()
    return Mark(1.0 if grade.accepted else 0.0, True, typos=typos)


def _cloze(question: KeyedQuestion, cell: str) -> Mark:
    verdict = _teacher_verdict(cell)
    if verdict is not None:
        return verdict
    blanks = [part.strip() for part in cell.split(BLANK_SEPARATOR)]
    if len(blanks) != len(question.key):
        raise UnreadableCell(
            f"{len(blanks)} blank(s) typed, the sentence has {len(question.key)}",
            f"separate the blanks with {BLANK_SEPARATOR}, leaving an empty one empty",
        )
    right, typos = 0, []
    for typed, accepted in zip(blanks, question.key, strict=True):
        grade = grade_typed(typed, accepted, question.language)
        right += grade.accepted
        if grade.verdict == TYPO:
            typos.append((typed, grade.matched))
    return Mark(right / len(blanks), True, typos=tuple(typos))


MARKERS: dict[str, Callable[[KeyedQuestion, str], Mark]] = {
    "mcq": _mcq,
    "multi": _multi,
    "true_false": _true_false,
    "short": _typed,
    "cloze": _cloze,
    "matching": _matching,
    "ordering": _ordering,
    "vocab": _typed,
}
require_every_type(MARKERS, "grade marking")


def mark(question: KeyedQuestion, cell: str) -> Mark:
    """The mark for one cell; an empty cell is no answer. Raises UnreadableCell."""
    if not cell.strip():
        return NO_ANSWER
    return MARKERS[question.type](question, cell.strip())
