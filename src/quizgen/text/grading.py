"""Fair grading of typed answers: forgive how a word is spelled or typed, never a different fact.

Rules, tried against every accepted answer, first the exact ones, then the forgiving one:
1. exact after normalization (`normalize_answer`, plus Persian keyboard letters and hamza
   spellings folded);
2. the same without a conjunction و leading the learner's answer and without the article ال
   starting any word;
3. the same ignoring spaces;
4. a typo: an edit distance of 1 for answers of 5 to 9 letters, 2 from 10 letters, and only when
   the digits are identical (2020 is not 2021). Shorter answers must be exact: a one-letter slip
   in a short word usually makes another word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.text.normalize import normalize_answer

CORRECT = "correct"
TYPO = "typo"
WRONG = "wrong"

TYPO_MIN_LETTERS = 5
TWO_TYPOS_MIN_LETTERS = 10

# Letters a Persian or Urdu keyboard layout types in place of the Arabic ones.
_KEYBOARD_FOLDS = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه"})
_DIGITS = re.compile(r"\d+")
_CONJUNCTION = "و"
_ARTICLE = "ال"


@dataclass(frozen=True)
class TypedGrade:
    """The verdict for one typed answer and the accepted answer (as the bank spells it) it met."""

    verdict: str
    matched: str = ""

    @property
    def accepted(self) -> bool:
        return self.verdict != WRONG


def grading_form(text: str) -> str:
    """The form answers are compared in: see `normalize_answer`, plus keyboard letter folds and a
    hamza after ya written on its own (قارىء, شيء) read like the hamza on a seat (قارئ, شئ)."""
    return normalize_answer(text.translate(_KEYBOARD_FOLDS)).replace("يء", "ء")


def _without_article(word: str) -> str:
    rest = word[len(_ARTICLE) :]
    return rest if word.startswith(_ARTICLE) and len(rest) >= 2 else word


def _core(form: str, drop_conjunction: bool) -> str:
    """The form without a leading conjunction (the learner's side only) and without articles."""
    words = form.split(" ")
    if drop_conjunction and words[0].startswith(_CONJUNCTION) and len(words[0]) >= 3:
        words[0] = words[0][len(_CONJUNCTION) :]
    return " ".join(_without_article(word) for word in words)


def _letter_count(form: str) -> int:
    return sum(character.isalpha() for character in form)


def allowed_typos(form: str) -> int:
    """How many edits a typo may make in this accepted answer (in grading form)."""
    letters = _letter_count(form)
    if letters >= TWO_TYPOS_MIN_LETTERS:
        return 2
    return 1 if letters >= TYPO_MIN_LETTERS else 0


def edit_distance(first: str, second: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours; stops early past `limit`."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for row, first_char in enumerate(first, start=1):
        current = [row] + [0] * len(second)
        for column, second_char in enumerate(second, start=1):
            cost = 0 if first_char == second_char else 1
            current[column] = min(
                previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost
            )
            if (
                row > 1
                and column > 1
                and first_char == second[column - 2]
                and first[row - 2] == second_char
            ):
                current[column] = min(current[column], before_previous[column - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before_previous, previous = previous, current
    return previous[-1]


def _variants(form: str, learner: bool) -> set[str]:
    """The form as typed and without articles; for the learner's answer also without a leading و
    (which may be a conjunction or the word's own first letter, so both are kept)."""
    variants = {form, _core(form, False)}
    if learner:
        variants.add(_core(form, True))
    return variants


def _pairs(response: str, accepted: str):
    for typed in _variants(response, learner=True):
        for expected in _variants(accepted, learner=False):
            yield typed, expected


def _exact_variants(response: str, accepted: str) -> bool:
    return any(
        typed.replace(" ", "") == expected.replace(" ", "")
        for typed, expected in _pairs(response, accepted)
    )


def _near(response: str, accepted: str) -> bool:
    limit = allowed_typos(accepted)
    if limit == 0 or _DIGITS.findall(response) != _DIGITS.findall(accepted):
        return False
    return any(
        edit_distance(typed.replace(" ", ""), expected.replace(" ", ""), limit) <= limit
        for typed, expected in _pairs(response, accepted)
    )


def grade_typed(response: str, accepted_answers: Sequence[str]) -> TypedGrade:
    """Correct if any accepted answer matches by rules 1-3, a typo if one is near, else wrong."""
    typed = grading_form(response)
    if not typed:
        return TypedGrade(WRONG)
    forms = [(answer, grading_form(answer)) for answer in accepted_answers]
    for answer, form in forms:
        if _exact_variants(typed, form):
            return TypedGrade(CORRECT, answer)
    for answer, form in forms:
        if _near(typed, form):
            return TypedGrade(TYPO, answer)
    return TypedGrade(WRONG)
