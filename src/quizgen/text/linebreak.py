"""Breaking a paragraph into lines in logical order, measured on shaped widths.

Lines must be chosen before any reordering: reordering a whole paragraph and then wrapping it puts
right-to-left lines in reverse order. Breaking happens at spaces (greedy, first fit); a word wider
than the line is cut between grapheme clusters (a letter keeps its harakat). A no-break space
never breaks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_BREAKABLE_SPACE = re.compile(r"[ \t\r\f\v]+")


def break_lines(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """Logical-order lines no wider than max_width; explicit newlines always break.

    `measure` returns a string's drawn width; it is called on words and spaces (and on growing
    pieces of a word too long for a line), so callers can cache it cheaply.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, max_width, measure))
    return lines


def _break_paragraph(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    words = [word for word in _BREAKABLE_SPACE.split(text) if word]
    if not words:
        return [""]
    space = measure(" ")
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for word in words:
        width = measure(word)
        if current and current_width + space + width <= max_width:
            current.append(word)
            current_width += space + width
            continue
        if current:
            lines.append(" ".join(current))
        if width <= max_width:
            current, current_width = [word], width
            continue
        pieces = _split_word(word, max_width, measure)
        lines.extend(pieces[:-1])
        current, current_width = [pieces[-1]], measure(pieces[-1])
    lines.append(" ".join(current))
    return lines


def _split_word(word: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """Cut an over-long word (a URL, a long number) into pieces that fit."""
    pieces: list[str] = []
    current = ""
    for cluster in grapheme_clusters(word):
        if current and measure(current + cluster) > max_width:
            pieces.append(current)
            current = cluster
        else:
            current += cluster
    pieces.append(current)
    return pieces


def grapheme_clusters(text: str) -> list[str]:
    """A base character with the combining marks that follow it (enough for Arabic and Latin)."""
    clusters: list[str] = []
    for char in text:
        if clusters and (unicodedata.combining(char) or unicodedata.category(char) == "Mn"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters
