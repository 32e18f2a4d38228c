"""Digits as a reader expects them: Western, or Arabic-Indic with the Arabic percent sign."""

from __future__ import annotations

DIGIT_STYLES = ("western", "arabic-indic")

_ARABIC_INDIC = str.maketrans(
    {**{str(digit): chr(0x0660 + digit) for digit in range(10)}, "%": "٪"}
)


def localize_digits(text: str, digits: str) -> str:
    """Western digits as they are, or Arabic-Indic digits (and the Arabic percent sign)."""
    return text.translate(_ARABIC_INDIC) if digits == "arabic-indic" else text
