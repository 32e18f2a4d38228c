"""The answer sheet: per version one compact grid a student fills in and a teacher reads quickly.

Every question has a cell with its number and, by type, lettered boxes to tick (mcq, multi), the
true/false words with boxes, a numbered box per row or item (matching: a letter; ordering: a rank)
or lines to write on. Cells follow the sheet's direction: numbers and boxes start on the reading
side, so an Arabic sheet reads right to left like the rest of the worksheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quizgen.core.model import Bank
from quizgen.core.question_types import require_every_type
from quizgen.typesetting.layout import Block, Row
from quizgen.typesetting.pieces import Piece
from quizgen.typesetting.surface import GREY, Frame, Surface
from quizgen.worksheet.context import Context
from quizgen.worksheet.furniture import fields_block, title_block
from quizgen.worksheet.versions import Version, VersionQuestion

COLUMNS = 2
COLUMN_GAP = 16.0
CELL_PADDING = 5.0
NUMBER_WIDTH = 24.0
BOX = 10.0
BOX_GAP = 3.0
CHOICE_GAP = 16.0
WRITING_HEIGHT = 22.0


def _labelled_boxes(context: Context, frame: Frame, labels: Sequence[str]) -> Piece:
    """A small label then its box, for each label, from the reading start; wraps to new lines."""
    style = context.styles.bold
    lines = [context.typesetter.line(label, style, frame.rtl) for label in labels]
    placements: list[tuple[int, float]] = []
    row, offset = 0, 0.0
    for line in lines:
        width = line.width + BOX_GAP + BOX
        if offset and offset + width > frame.width:
            row, offset = row + 1, 0.0
        placements.append((row, offset))
        offset += width + CHOICE_GAP
    height = (row + 1) * style.leading

    def draw(surface: Surface, top: float) -> None:
        for line, (line_row, line_offset) in zip(lines, placements, strict=True):
            line_top = top - line_row * style.leading
            label_frame = frame.at_start(line_offset, line.width)
            surface.line(line, label_frame, line_top)
            box_x = frame.x_at_start(line_offset + line.width + BOX_GAP, BOX)
            surface.box(box_x, line_top - style.leading / 2 - BOX / 2, BOX)

    return Piece(height, draw)


def _option_boxes(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
    count = len(question.options)
    return _labelled_boxes(context, frame, context.locale.option_letters[:count])


def _truth_boxes(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
    return _labelled_boxes(context, frame, [context.locale.true, context.locale.false])


def _numbered_boxes(count: int) -> Callable[[Context, Frame, VersionQuestion], Piece]:
    def boxes(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
        return _labelled_boxes(context, frame, [str(number) for number in range(1, count + 1)])

    return boxes


def _matching_boxes(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
    return _numbered_boxes(len(question.matches))(context, frame, question)


def _ordering_boxes(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
    return _numbered_boxes(len(question.order_items))(context, frame, question)


def _writing_lines(
    count: int, numbered: bool
) -> Callable[[Context, Frame, VersionQuestion], Piece]:
    def lines(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
        style = context.styles.bold
        labels = [
            context.typesetter.line(f"({number})", style, frame.rtl) if numbered else None
            for number in range(1, count + 1)
        ]

        def draw(surface: Surface, top: float) -> None:
            for index, label in enumerate(labels):
                line_top = top - index * WRITING_HEIGHT
                rule_frame = frame
                if label is not None:
                    surface.line(label, frame, line_top - WRITING_HEIGHT + style.leading)
                    rule_frame = frame.inset(start=label.width + BOX_GAP)
                surface.rule(rule_frame.left, rule_frame.right, line_top - WRITING_HEIGHT + 4)

        return Piece(count * WRITING_HEIGHT, draw)

    return lines


def _short_lines(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
    return _writing_lines(1, False)(context, frame, question)


def _cloze_lines(context: Context, frame: Frame, question: VersionQuestion) -> Piece:
    blanks = len(question.question.deletions)
    return _writing_lines(blanks, blanks > 1)(context, frame, question)


SHEET_CELLS: dict[str, Callable[[Context, Frame, VersionQuestion], Piece]] = {
    "mcq": _option_boxes,
    "multi": _option_boxes,
    "true_false": _truth_boxes,
    "short": _short_lines,
    "cloze": _cloze_lines,
    "matching": _matching_boxes,
    "ordering": _ordering_boxes,
    "vocab": _short_lines,
}
require_every_type(SHEET_CELLS, "the answer sheet")


def _cell(context: Context, column: Frame, question: VersionQuestion) -> Piece:
    inner = column.inset(start=CELL_PADDING, end=CELL_PADDING)
    number = context.typesetter.line(f"{question.number}.", context.styles.bold, column.rtl)
    body = SHEET_CELLS[question.question.type](context, inner.inset(start=NUMBER_WIDTH), question)
    height = max(body.height, number.style.leading)

    def draw(surface: Surface, top: float) -> None:
        surface.line(number, inner.at_start(0, NUMBER_WIDTH - 4), top, "end")
        body.draw(surface, top)

    return Piece(height, draw)


def answer_sheet_blocks(
    context: Context, version: Version, banks: Sequence[Bank], title: str
) -> list[Block]:
    """The heading with the version, the fields to fill in, then the cells COLUMNS to a row."""
    subtitle = f"{context.locale('answer_sheet')} — " + context.locale.version.format(
        letter=version.letter
    )
    blocks = [title_block(context, title, banks, subtitle), fields_block(context, version.letter)]
    frame = context.frame
    columns = [frame.column(index, COLUMNS, COLUMN_GAP) for index in range(COLUMNS)]
    questions = version.questions
    for start in range(0, len(questions), COLUMNS):
        cells = [
            _cell(context, column, question)
            for column, question in zip(columns, questions[start : start + COLUMNS], strict=False)
        ]
        height = max(cell.height for cell in cells) + 2 * CELL_PADDING

        def draw(surface: Surface, top: float, cells=cells, height=height) -> None:
            for column, cell in zip(columns, cells, strict=False):
                surface.rectangle(column.left, top - height, column.width, height, GREY)
                cell.draw(surface, top - CELL_PADDING)

        blocks.append(Block([Row(height, draw)]))
    blocks[2].space_before = 8
    return blocks
