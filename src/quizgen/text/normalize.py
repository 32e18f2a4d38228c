"""Normalization: a light one for matching evidence verbatim, a thorough one for grading answers."""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, and tatweel.
_ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"
)
_FORMAT_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad]")
_LETTER_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "ء",
        "ئ": "ء",
        "ة": "ه",
        "ى": "ي",
        "٪": "%",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)


class _PunctuationToSpace(dict):
    """Punctuation and symbols (but %) to space: a translate table that classifies each character
    the first time it is met, so one pass of str.translate does the work of a loop."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        folded = " " if unicodedata.category(char)[0] in "PS" and char != "%" else code
        self[code] = folded
        return folded


_PUNCTUATION_TO_SPACE = _PunctuationToSpace()


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def fold_for_evidence(text: str) -> str:
    """NFC and whitespace folding only: evidence must otherwise be the article's exact words."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def strip_arabic_marks(text: str) -> str:
    """Remove harakat and tatweel, keeping letters: what Anki's type:nc comparison ignores."""
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text))


def fold_characters(text: str) -> str:
    """What every language's grading folds before reading numbers and words.

    NFKC undoes pasted presentation forms (and makes no-break and thin spaces plain spaces); marks
    and format characters go; hamza seats, ta marbuta and alef maqsura fold to the letter a learner
    may type instead; digits become ASCII.
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _FORMAT_MARKS.sub("", text)
    text = _ARABIC_MARKS.sub("", text)
    return text.translate(_LETTER_FOLDS)


def fold_punctuation(text: str) -> str:
    """Punctuation and symbols (except `%`) become spaces; whitespace folds; case folds."""
    return fold_whitespace(text.translate(_PUNCTUATION_TO_SPACE)).casefold()


def normalize_answer(text: str) -> str:
    """The grading form of an answer before any language's rules: `fold_characters`, then
    `fold_punctuation`."""
    return fold_punctuation(fold_characters(text))
