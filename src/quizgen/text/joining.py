"""Keeping Arabic letters joined where markup splits a word (a highlight inside «لنفوذ»).

Some renderers (WebKit among them, so AnkiMobile) shape each element separately, so a letter before
a <mark> loses its joining form. A zero-width joiner on both sides of the split keeps the forms.
"""

from __future__ import annotations

import unicodedata

ZERO_WIDTH_JOINER = "\u200d"

# Letters that never join the letter after them (right-joining), and the hamza that joins nothing.
_NOT_JOINING_FORWARD = set("اأإآٱدذرزوؤةء")
_ARABIC_LETTERS = range(0x0620, 0x064B)  # letters and tatweel


def _base_letter(text: str, from_end: bool) -> str:
    characters = reversed(text) if from_end else iter(text)
    for character in characters:
        if not unicodedata.combining(character):
            return character
    return ""


def _is_arabic_letter(character: str) -> bool:
    return bool(character) and ord(character) in _ARABIC_LETTERS


def joiner_between(before: str, after: str) -> str:
    """A zero-width joiner when the split between `before` and `after` falls inside a joined word."""
    last, first = _base_letter(before, from_end=True), _base_letter(after, from_end=False)
    if _is_arabic_letter(last) and _is_arabic_letter(first) and last not in _NOT_JOINING_FORWARD:
        return ZERO_WIDTH_JOINER
    return ""


def wrap_joined(before: str, inner: str, after: str, opening: str, closing: str) -> str:
    """before + opening + inner + closing + after, with joiners wherever the markup cuts a word."""
    left = joiner_between(before, inner)
    right = joiner_between(inner, after)
    return f"{before}{left}{opening}{left}{inner}{right}{closing}{right}{after}"
