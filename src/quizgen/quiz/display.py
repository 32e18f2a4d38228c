"""Terminal output for the quiz: paragraphs in the chosen right-to-left mode, nothing else.

Output is plain text (no markup library), so a `<b>` in a bank prints as `<b>`.
"""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

from quizgen.quiz.questions import Paragraph
from quizgen.text.terminal import logical_lines, printable, visual_lines

MAXIMUM_LINE_CELLS = 100


class Display:
    """Writes paragraphs wrapped to the terminal; in visual mode RTL lines end at the right edge."""

    def __init__(self, rtl_mode: str, stream: TextIO = sys.stdout):
        self.rtl_mode = rtl_mode
        self.stream = stream
        # Piped or redirected logical text keeps a paragraph per line: no width to fit.
        self.wraps = rtl_mode == "visual" or stream.isatty()

    def columns(self) -> int:
        # One column spare: writing the last cell makes some terminals wrap early.
        return max(20, shutil.get_terminal_size((80, 24)).columns - 1)

    def show(self, paragraph: Paragraph) -> None:
        columns = self.columns()
        width = min(columns, MAXIMUM_LINE_CELLS) - paragraph.indent
        if self.rtl_mode == "visual":
            if paragraph.rtl:
                # Right-aligned to the edge, an indent keeps that many cells free on the right.
                lines = visual_lines(
                    paragraph.text, width, True, align_width=columns - paragraph.indent
                )
            else:
                lines = [
                    " " * paragraph.indent + line
                    for line in visual_lines(paragraph.text, width, False)
                ]
        elif self.wraps:
            lines = [" " * paragraph.indent + line for line in logical_lines(paragraph.text, width)]
        else:
            lines = [" " * paragraph.indent + printable(paragraph.text)]
        self.stream.write("".join(line.rstrip() + "\n" for line in lines))
        self.stream.flush()

    def say(self, text: str, rtl: bool, indent: int = 0) -> None:
        self.show(Paragraph(text, rtl, indent))

    def blank_line(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
