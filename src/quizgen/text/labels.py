"""The letters that label choices, shared by every output so a card, a page and the quiz agree."""

from __future__ import annotations

# Abjad order, as Arabic exams label options; هـ rather than a bare ه, which reads as a pronoun.
ARABIC_LETTERS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي")
LATIN_LETTERS = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J")
