"""Reading what the learner typed: commands, option labels or numbers, true/false, sequences.

Input is read as `quizgen.typed_choices` folds it (digits, hamza seats, tatweel and case do not
matter), letters of any locale work in any bank, and separators are optional when every label is
a single character.
"""

from __future__ import annotations

import re

from quizgen.typed_choices import LETTER_SETS, fold_typed, truth_value

PASSAGE = "passage"
SKIP = "skip"
QUIT = "quit"

# The Arabic letter of each command is on the same key as the Latin one, or its initial (قف: stop).
_COMMANDS = {"?": PASSAGE, "؟": PASSAGE, "s": SKIP, "س": SKIP, "q": QUIT, "ق": QUIT}
_SEPARATORS = re.compile(r"[\s,،;؛/\-–>]+")
# The quiz numbers true 1 and false 2 (its prompt says so).
_TRUTH_NUMBERS = {"1": True, "2": False}


def command(text: str) -> str | None:
    """PASSAGE, SKIP or QUIT when the whole input is one of the command keys."""
    return _COMMANDS.get(text.strip().casefold())


def _label_index(token: str, count: int) -> int | None:
    if token.isdigit():
        number = int(token)
        return number - 1 if 1 <= number <= count else None
    for labels in LETTER_SETS:
        folded = [fold_typed(label) for label in labels[:count]]
        if token in folded:
            return folded.index(token)
    return None


def parse_labels(text: str, count: int) -> list[int] | None:
    """Zero-based option positions named by labels or numbers, in the order typed; None if unreadable.

    With at most nine options every character is one label, so `2 1 3`, `213` and `ب أ ج` agree.
    """
    folded = fold_typed(text)
    if not folded:
        return None
    tokens = [token for token in _SEPARATORS.split(folded) if token]
    if count <= 9:
        tokens = [character for token in tokens for character in token]
    positions = []
    for token in tokens:
        position = _label_index(token, count)
        if position is None:
            return None
        positions.append(position)
    return positions


def parse_choice(text: str, count: int) -> int | None:
    """One option (mcq)."""
    positions = parse_labels(text, count)
    return positions[0] if positions and len(positions) == 1 else None


def parse_choices(text: str, count: int) -> frozenset[int] | None:
    """One or more options (multi); repeating a label is harmless."""
    positions = parse_labels(text, count)
    return frozenset(positions) if positions else None


def parse_sequence(text: str, count: int) -> tuple[int, ...] | None:
    """Every position exactly once (ordering, matching); None otherwise."""
    positions = parse_labels(text, count)
    if positions is None or sorted(positions) != list(range(count)):
        return None
    return tuple(positions)


def parse_true_false(text: str) -> bool | None:
    """ص/خ, صح/خطأ, t/f, true/false, v/f, vrai/faux, 1/2 (and yes/no, oui/non, نعم/لا)."""
    number = _TRUTH_NUMBERS.get(fold_typed(text))
    return truth_value(text) if number is None else number
