"""Reading what the learner typed: commands, option labels or numbers, true/false, sequences.

Input is forgiving about the keyboard: Arabic-Indic digits count as digits, a hamza seat or a tatweel
does not matter (ا for أ, ه for هـ), Latin labels work in any bank, and separators are optional
when every label is a single character.
"""

from __future__ import annotations

import re
import unicodedata

from quizgen.locale import ar, en

# Labels are read case-folded, so a learner types them without Shift; every locale's letters are
# accepted in every bank.
_LABEL_SETS = (ar.LOCALE.option_letters, en.LOCALE.option_letters)

PASSAGE = "passage"
SKIP = "skip"
QUIT = "quit"

# The Arabic letter of each command is on the same key as the Latin one, or its initial (قف: stop).
_COMMANDS = {"?": PASSAGE, "؟": PASSAGE, "s": SKIP, "س": SKIP, "q": QUIT, "ق": QUIT}
_SEPARATORS = re.compile(r"[\s,،;؛/\-–>]+")
_MARKS_AND_TATWEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})

# French: v (vrai) and f (faux), as the French quiz asks; f is English "false" too.
_TRUE_WORDS = {"ص", "صح", "صحيح", "1", "t", "true", "y", "yes", "نعم", "v", "vrai", "oui"}
_FALSE_WORDS = {"خ", "خطا", "خاطء", "خاطي", "2", "f", "false", "n", "no", "لا", "faux", "non"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    return _MARKS_AND_TATWEEL.sub("", digits).translate(_FOLDS).casefold().strip()


def command(text: str) -> str | None:
    """PASSAGE, SKIP or QUIT when the whole input is one of the command keys."""
    return _COMMANDS.get(text.strip().casefold())


def _label_index(token: str, count: int) -> int | None:
    if token.isdigit():
        number = int(token)
        return number - 1 if 1 <= number <= count else None
    for labels in _LABEL_SETS:
        folded = [_fold(label) for label in labels[:count]]
        if token in folded:
            return folded.index(token)
    return None


def parse_labels(text: str, count: int) -> list[int] | None:
    """Zero-based option positions named by labels or numbers, in the order typed; None if unreadable.

    With at most nine options every character is one label, so `2 1 3`, `213` and `ب أ ج` agree.
    """
    folded = _fold(text)
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
    folded = _fold(text).replace("ئ", "ء").replace(" ", "")
    if folded in _TRUE_WORDS:
        return True
    if folded in _FALSE_WORDS:
        return False
    return None
