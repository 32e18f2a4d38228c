"""The characters behind a drawn line, arranged so that PDF readers give back the logical text.

Shaped glyphs (joined forms, ligatures, positioned marks) cannot be mapped back to characters, so
the PDF draws them as having no text and lays an invisible copy of the characters over them. PDF
readers (poppler's pdftotext, viewers' copy and search) expect that text in visual order, as every
other PDF producer writes it, and rebuild logical order with a simplified bidi algorithm: a
right-to-left section stops at any Latin letter, digit or number separator (. , : % -), a
left-to-right section at any Arabic letter, and other neutral characters (spaces, brackets)
join whichever section they touch. Marks make each run's resolved direction explicit where that
simplification would misplace a character: a right-to-left mark (RLM) around number separators
inside right-to-left runs and at those runs' edges, a left-to-right mark (LRM) at the edges of
left-to-right runs. The marks are invisible, zero-width and ignored by searching.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

RIGHT_TO_LEFT_MARK = "\u200f"
LEFT_TO_RIGHT_MARK = "\u200e"

_STRONG_RTL = {"R", "AL"}
_STRONG_LTR = {"L", "EN", "AN"}
# Number separators and terminators: readers take them as part of a number even between words.
_NUMBER_PUNCTUATION = {"CS", "ES", "ET"}


def text_layer_pieces(runs: Sequence[tuple[str, bool]]) -> list[str]:
    """For (logical text, rtl) runs in visual order: each run's characters in visual order."""
    pieces = []
    last = len(runs) - 1
    for index, (text, rtl) in enumerate(runs):
        if rtl:
            logical = _guard_right_to_left(text)
            if index < last and unicodedata.bidirectional(logical[0]) not in _STRONG_RTL:
                logical = RIGHT_TO_LEFT_MARK + logical
            if index > 0 and unicodedata.bidirectional(logical[-1]) not in _STRONG_RTL:
                logical += RIGHT_TO_LEFT_MARK
            pieces.append(logical[::-1])
        else:
            logical = text
            if index > 0 and unicodedata.bidirectional(logical[0]) not in _STRONG_LTR:
                logical = LEFT_TO_RIGHT_MARK + logical
            if index < last and unicodedata.bidirectional(logical[-1]) not in _STRONG_LTR:
                logical += LEFT_TO_RIGHT_MARK
            pieces.append(logical)
    return pieces


def _guard_right_to_left(text: str) -> str:
    characters: list[str] = []
    for character in text:
        if unicodedata.bidirectional(character) not in _NUMBER_PUNCTUATION:
            characters.append(character)
            continue
        if not characters or characters[-1] != RIGHT_TO_LEFT_MARK:
            characters.append(RIGHT_TO_LEFT_MARK)
        characters += [character, RIGHT_TO_LEFT_MARK]
    return "".join(characters)
