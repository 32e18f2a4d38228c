"""Paragraphs broken into shaped lines for a given measure, cached so versions reuse them.

Each bidi run of a line is set in the style's face when that face covers it, otherwise in the first
fallback face that does: Arabic words in an English bank take Amiri, and Latin words in an Arabic
bank stay in Amiri, whose Latin was drawn to sit with its Arabic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from quizgen.text.digits import localize_digits
from quizgen.text.linebreak import break_lines
from quizgen.text.shaping import ShapedRun
from quizgen.typesetting.fonts import FontFace


@dataclass(frozen=True)
class TextStyle:
    face: FontFace
    size: float
    leading: float
    fallbacks: tuple[FontFace, ...] = ()  # for runs `face` does not cover, in order

    @property
    def scale(self) -> float:
        """Points per font unit."""
        return self.size / self.face.units_per_em


@dataclass(frozen=True, eq=False)
class SetLine:
    """One line ready to draw: its runs in visual order, the face of each, and its natural width
    in points."""

    text: str
    rtl: bool
    runs: tuple[ShapedRun, ...]
    faces: tuple[FontFace, ...]
    style: TextStyle
    width: float
    space_count: int


@dataclass(frozen=True, eq=False)
class TextBlock:
    lines: tuple[SetLine, ...]
    style: TextStyle
    rtl: bool

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading


class Typesetter:
    """Every displayed string goes through here: digits localized, broken, shaped, cached."""

    def __init__(self, digits: str = "western"):
        self.digits = digits
        self._blocks: dict[tuple, TextBlock] = {}
        self._lines: dict[tuple, SetLine] = {}
        self._word_widths: dict[tuple, float] = {}  # an article repeats its words many times

    def block(self, text: str, style: TextStyle, width: float, rtl: bool) -> TextBlock:
        key = (text, style, round(width, 2), rtl)
        block = self._blocks.get(key)
        if block is None:

            def measure(word: str) -> float:
                key = (word, style, rtl)
                width = self._word_widths.get(key)
                if width is None:
                    width = self._word_widths[key] = _width(*_shaped(word, style, rtl), style)
                return width

            localized = localize_digits(text, self.digits)
            lines = tuple(
                self._set(line, style, rtl) for line in break_lines(localized, width, measure)
            )
            block = self._blocks[key] = TextBlock(lines, style, rtl)
        return block

    def line(self, text: str, style: TextStyle, rtl: bool) -> SetLine:
        """A single unbroken line (labels, numbers, table cells known to be short)."""
        return self._set(localize_digits(text, self.digits), style, rtl)

    def width(self, text: str, style: TextStyle, rtl: bool) -> float:
        return self.line(text, style, rtl).width

    def _set(self, text: str, style: TextStyle, rtl: bool) -> SetLine:
        key = (text, style, rtl)
        line = self._lines.get(key)
        if line is None:
            runs, faces = _shaped(text, style, rtl) if text else ((), ())
            width = _width(runs, faces, style)
            spaces = sum(run.space_count for run in runs)
            line = self._lines[key] = SetLine(text, rtl, runs, faces, style, width, spaces)
        return line


def _shaped(
    text: str, style: TextStyle, rtl: bool
) -> tuple[tuple[ShapedRun, ...], tuple[FontFace, ...]]:
    """The line's runs in visual order, each shaped with the face that covers it."""
    face = style.face
    runs = face.shaper.shape_line(text, rtl)
    if not style.fallbacks:
        return runs, (face,) * len(runs)
    faces = tuple(_covering_face(run.text, style) for run in runs)
    if faces.count(face) == len(faces):
        return runs, faces
    runs = tuple(
        run if run_face is face else run_face.shaper.shape(run.text, run.rtl)
        for run, run_face in zip(runs, faces, strict=True)
    )
    return runs, faces


def _covering_face(text: str, style: TextStyle) -> FontFace:
    """The first of the style's faces with a glyph for every visible character of `text`; the
    style's own face when none has them all."""
    for face in (style.face, *style.fallbacks):
        missing = set(text).difference(face.characters)
        if not missing or all(_invisible(character) for character in missing):
            return face
    return style.face


def _invisible(character: str) -> bool:
    """Spaces and format or control characters: no face needs a glyph for them."""
    return character.isspace() or unicodedata.category(character) in ("Cf", "Cc")


def _width(runs: tuple[ShapedRun, ...], faces: tuple[FontFace, ...], style: TextStyle) -> float:
    """Points: each face's advances summed, then scaled by that face's units per em."""
    if faces.count(style.face) == len(faces):
        return sum(run.advance for run in runs) * style.scale
    advances: dict[FontFace, int] = {}
    for run, face in zip(runs, faces, strict=True):
        advances[face] = advances.get(face, 0) + run.advance
    return sum(advance * style.size / face.units_per_em for face, advance in advances.items())
