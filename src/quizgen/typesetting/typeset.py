"""Paragraphs broken into shaped lines for a given measure, cached so versions reuse them."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.text.linebreak import break_lines
from quizgen.text.shaping import ShapedRun
from quizgen.typesetting.fonts import FontFace

_ARABIC_INDIC = str.maketrans(
    {**{str(digit): chr(0x0660 + digit) for digit in range(10)}, "%": "٪"}
)


def localize_digits(text: str, digits: str) -> str:
    """Western digits as they are, or Arabic-Indic digits (and the Arabic percent sign)."""
    return text.translate(_ARABIC_INDIC) if digits == "arabic-indic" else text


@dataclass(frozen=True)
class TextStyle:
    face: FontFace
    size: float
    leading: float

    @property
    def scale(self) -> float:
        """Points per font unit."""
        return self.size / self.face.units_per_em


@dataclass(frozen=True, eq=False)
class SetLine:
    """One line ready to draw: its runs in visual order and its natural width in points."""

    text: str
    rtl: bool
    runs: tuple[ShapedRun, ...]
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

    def block(self, text: str, style: TextStyle, width: float, rtl: bool) -> TextBlock:
        key = (text, style, round(width, 2), rtl)
        block = self._blocks.get(key)
        if block is None:
            shaper = style.face.shaper
            scale = style.scale

            def measure(word: str) -> float:
                return shaper.line_advance(word, rtl) * scale

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
            runs = style.face.shaper.shape_line(text, rtl) if text else ()
            width = sum(run.advance for run in runs) * style.scale
            spaces = sum(run.space_count for run in runs)
            line = self._lines[key] = SetLine(text, rtl, runs, style, width, spaces)
        return line
