"""What page elements draw with: shaped text, answer boxes, writing lines, table borders."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from quizgen.typesetting.pdf_text import GlyphPainter, format_number
from quizgen.typesetting.typeset import SetLine, TextBlock, TextStyle

# Where the baseline sits inside a line's leading, as a share of the font size above the middle:
# Arabic letter bodies sit low, harakat and ascenders need the room above.
_BASELINE_BELOW_MIDDLE = 0.22

INK = (0, 0, 0)
GREY = (0.45, 0.45, 0.45)
RULE_GREY = (0.7, 0.7, 0.7)


@dataclass(frozen=True)
class Frame:
    """A horizontal band of the page; `start` is the reading-start side (right for Arabic)."""

    left: float
    right: float
    rtl: bool

    @property
    def width(self) -> float:
        return self.right - self.left

    def x_at_start(self, offset: float, width: float) -> float:
        """Left edge of something `width` wide placed `offset` from the reading-start edge."""
        return self.right - offset - width if self.rtl else self.left + offset

    def at_start(self, offset: float, width: float) -> Frame:
        """The band `width` wide that begins `offset` from the reading-start edge."""
        left = self.x_at_start(offset, width)
        return Frame(left, left + width, self.rtl)

    def inset(self, start: float = 0.0, end: float = 0.0) -> Frame:
        """The band without `start` points on the reading-start side and `end` on the other."""
        if self.rtl:
            return Frame(self.left + end, self.right - start, self.rtl)
        return Frame(self.left + start, self.right - end, self.rtl)

    def column(self, index: int, count: int, gap: float) -> Frame:
        """Column `index` (0 at the reading start) of `count` equal columns."""
        width = (self.width - gap * (count - 1)) / count
        return self.at_start(index * (width + gap), width)


def baseline(top: float, style: TextStyle) -> float:
    return top - style.leading / 2 - style.size * _BASELINE_BELOW_MIDDLE


class Surface:
    """A canvas with a glyph painter: one per PDF document.

    Lines and boxes are written as raw operators, and colours and line widths only when they
    change: a document with dozens of versions draws thousands of them.
    """

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.painter = GlyphPainter(canvas)
        self._state: dict[str, tuple] = {}

    def finish_page(self) -> None:
        self.canvas.showPage()
        self._state.clear()  # every page starts from the default graphics state

    def line(
        self, line: SetLine, frame: Frame, top: float, align: str = "start", color=INK
    ) -> None:
        """One line aligned in a frame: start, end or center."""
        if align == "center":
            x = frame.left + (frame.width - line.width) / 2
        elif (align == "start") == line.rtl:
            x = frame.right - line.width
        else:
            x = frame.left
        self._set("rg", color)
        self.painter.draw(line, x, baseline(top, line.style))

    def block(
        self, block: TextBlock, frame: Frame, top: float, align: str = "start", color=INK
    ) -> None:
        """A paragraph: start-aligned, centered, or justified (every line but the last)."""
        self._set("rg", color)
        for index in range(len(block.lines)):
            self._block_line(block, index, frame, top - index * block.style.leading, align)

    def block_line(
        self, block: TextBlock, index: int, frame: Frame, top: float, align: str = "start"
    ) -> None:
        """Line `index` of a paragraph alone, where pagination splits a long paragraph."""
        self._set("rg", INK)
        self._block_line(block, index, frame, top, align)

    def _block_line(
        self, block: TextBlock, index: int, frame: Frame, top: float, align: str
    ) -> None:
        line = block.lines[index]
        stretch = 0.0
        if align == "justify" and index < len(block.lines) - 1 and line.space_count:
            stretch = round(max(0.0, (frame.width - line.width) / line.space_count), 2)
            x = frame.left
        elif align == "center":
            x = frame.left + (frame.width - line.width) / 2
        elif block.rtl == (align != "end"):
            x = frame.right - line.width
        else:
            x = frame.left
        self.painter.draw(line, x, baseline(top, line.style), stretch)

    def box(self, x: float, y: float, size: float) -> None:
        """An empty square to tick or write in, its lower left corner at (x, y)."""
        self._stroke(INK, 0.8)
        self.canvas.addLiteral(
            f"{format_number(x)} {format_number(y)} {format_number(size)} {format_number(size)} re S"
        )

    def rule(self, x1: float, x2: float, y: float, color=RULE_GREY, width: float = 0.6) -> None:
        self._stroke(color, width)
        self.canvas.addLiteral(
            f"{format_number(x1)} {format_number(y)} m {format_number(x2)} {format_number(y)} l S"
        )

    def rectangle(self, x: float, y: float, width: float, height: float, color=RULE_GREY) -> None:
        self._stroke(color, 0.6)
        self.canvas.addLiteral(
            f"{format_number(x)} {format_number(y)} {format_number(width)} {format_number(height)} re S"
        )

    def filled_rectangle(self, x: float, y: float, width: float, height: float, color) -> None:
        """A solid area, as a chart's bar; its lower left corner at (x, y)."""
        self._set("rg", color)
        self.canvas.addLiteral(
            f"{format_number(x)} {format_number(y)} {format_number(width)} {format_number(height)} re f"
        )

    def vertical(self, x: float, y1: float, y2: float, color=RULE_GREY) -> None:
        self._stroke(color, 0.6)
        self.canvas.addLiteral(
            f"{format_number(x)} {format_number(y1)} m {format_number(x)} {format_number(y2)} l S"
        )

    def _stroke(self, color, width: float) -> None:
        self._set("RG", color)
        self._set("w", (width,))

    def _set(self, operator: str, values: tuple) -> None:
        if self._state.get(operator) != values:
            self._state[operator] = values
            self.canvas.addLiteral(_operator(operator, values))


@lru_cache(maxsize=64)
def _operator(operator: str, values: tuple) -> str:
    return " ".join(format_number(value) for value in values) + f" {operator}"
