"""Each question type as the block a student writes on: boxes to tick, lines, blanks, tables.

Layout follows the question's writing direction: numbers, boxes and option letters sit on the
reading-start side (right for Arabic, left for English).
"""

from __future__ import annotations

from collections.abc import Callable

from quizgen.core.cloze import sentence_parts
from quizgen.core.model import Question
from quizgen.core.question_types import require_every_type
from quizgen.typesetting.layout import Block, Row
from quizgen.typesetting.pieces import Piece, line_piece, side_by_side, stack, text_piece
from quizgen.typesetting.surface import GREY, Frame, Surface
from quizgen.typesetting.typeset import SetLine, TextBlock
from quizgen.worksheet.context import Context
from quizgen.worksheet.versions import Section, VersionQuestion

GUTTER = 30.0  # the question number's column
NUMBER_GAP = 6.0
BOX = 9.5
BOX_GAP = 6.0
OPTION_LABEL = 22.0
LABEL_GAP = 4.0
PART_GAP = 4.0  # between a question's prompt and its options, lines or table
COLUMN_GAP = 16.0
QUESTION_GAP = 12.0
SECTION_GAP = 18.0
WRITING_LINE = 24.0
BLANK = "_" * 14
TABLE_PADDING = 4.0
CHIP_GAP = 8.0
CHIP_PADDING = 6.0


def section_blocks(context: Context, section: Section, word_bank: bool) -> list[Block]:
    """The section's heading and instruction, then its questions as its type lays them out."""
    return [_heading_block(context, section.type)] + SECTIONS[section.type](
        context, section, word_bank
    )


def _heading_block(context: Context, question_type: str) -> Block:
    heading = context.locale.type_name(question_type)
    instruction = context.locale.instructions[question_type]
    styles = context.styles
    piece = stack(
        [
            line_piece(
                context.typesetter.line(heading, styles.heading, context.rtl), context.frame
            ),
            text_piece(
                context.text(instruction, styles.small, context.frame.width),
                context.frame,
                color=GREY,
            ),
        ]
    )

    def draw(surface: Surface, top: float) -> None:
        piece.draw(surface, top)
        surface.rule(context.frame.left, context.frame.right, top - piece.height - 1)

    return Block([Row(piece.height + 4, draw)], keep_with_next=True, space_before=SECTION_GAP)


def _word_bank_block(context: Context, words: tuple[str, ...]) -> Block:
    """The label, then every word in its own frame, flowing in reading order.

    Each word is a separate line of text: one paragraph of words and separators would let the bidi
    algorithm swap neighbouring numbers (2009, 1991) and Latin words.
    """
    style = context.styles.body
    frame = context.frame.inset(start=CHIP_GAP, end=CHIP_GAP)
    label = context.typesetter.line(
        f"{context.locale.word_bank}{context.locale.colon}", context.styles.bold, context.rtl
    )
    chips = [context.typesetter.line(word, style, context.rtl) for word in words]
    rows: list[list[tuple[float, SetLine]]] = [[]]
    offset = label.width + CHIP_GAP
    for chip in chips:
        width = chip.width + 2 * CHIP_PADDING
        if rows[-1] and offset + width > frame.width:
            rows.append([])
            offset = 0.0
        rows[-1].append((offset, chip))
        offset += width + CHIP_GAP
    row_height = style.leading + 6
    height = len(rows) * row_height + 2 * CHIP_GAP - 3  # chips are 3 points shorter than a row

    def draw(surface: Surface, top: float) -> None:
        surface.rectangle(context.frame.left, top - height, context.frame.width, height)
        row_top = top - CHIP_GAP
        surface.line(label, frame, row_top + 3)
        for row in rows:
            for offset, chip in row:
                width = chip.width + 2 * CHIP_PADDING
                left = frame.x_at_start(offset, width)
                surface.rectangle(left, row_top - row_height + 3, width, row_height - 3)
                surface.line(chip, Frame(left, left + width, frame.rtl), row_top + 1.5, "center")
            row_top -= row_height

    return Block([Row(height, draw)], keep_with_next=True, space_before=QUESTION_GAP)


Body = Callable[[Context, VersionQuestion, Frame, bool], list[Piece]]


def question_block(context: Context, version_question: VersionQuestion, body: Body) -> Block:
    """One numbered question: its prompt, then its body; it is never split across pages."""
    question = version_question.question
    rtl = version_question.item.bank.is_rtl
    frame = Frame(context.frame.left, context.frame.right, rtl)
    content = frame.inset(start=GUTTER)
    pieces = []
    if question.prompt:
        pieces.append(
            text_piece(
                context.text(question.prompt, context.styles.body, content.width, rtl), content
            )
        )
    pieces.extend(body(context, version_question, content, rtl))
    number = context.typesetter.line(f"{version_question.number}.", context.styles.bold, rtl)
    number_frame = frame.at_start(0, GUTTER - NUMBER_GAP)
    first = pieces[0]

    def draw_first(surface: Surface, top: float) -> None:
        surface.line(number, number_frame, top, "end")
        first.draw(surface, top)

    # One row per part: kept together, but a question taller than a page splits between parts
    # instead of running over the footer.
    rows = [Row(first.height, draw_first)] + [
        Row(
            piece.height + PART_GAP,
            lambda surface, top, piece=piece: piece.draw(surface, top - PART_GAP),
        )
        for piece in pieces[1:]
    ]
    return Block(rows, space_before=QUESTION_GAP)


def _choices(context: Context, version_question: VersionQuestion, frame: Frame, rtl: bool):
    texts = [option.text for option in version_question.options]
    return [_lettered_choices(context, frame, texts, rtl)]


def _true_false_body(context: Context, version_question: VersionQuestion, frame: Frame, rtl: bool):
    return [_true_false(context, frame, rtl)]


def _short_body(context: Context, version_question: VersionQuestion, frame: Frame, rtl: bool):
    return [_writing_lines(frame, 3 if version_question.question.difficulty >= 3 else 2)]


def _cloze_body(context: Context, version_question: VersionQuestion, frame: Frame, rtl: bool):
    sentence = cloze_sentence(version_question.question)
    return [text_piece(context.text(sentence, context.styles.body, frame.width, rtl), frame)]


def _matching_body(context: Context, version_question: VersionQuestion, frame: Frame, rtl: bool):
    lefts = [pair.left for pair in version_question.question.pairs]
    return [_matching(context, frame, lefts, version_question.matches, rtl)]


def _ordering_body(context: Context, version_question: VersionQuestion, frame: Frame, rtl: bool):
    return [_boxed_items(context, frame, version_question.order_items, rtl)]


def _questions(body: Body):
    """A section of numbered questions, each laid out by `body` under its prompt."""

    def blocks(context: Context, section: Section, word_bank: bool) -> list[Block]:
        return [question_block(context, question, body) for question in section.questions]

    return blocks


def _with_word_bank(body: Body):
    """Numbered questions after a frame of every blank's word, shuffled, when asked for."""

    def blocks(context: Context, section: Section, word_bank: bool) -> list[Block]:
        shown = word_bank and section.word_bank
        bank = [_word_bank_block(context, section.word_bank)] if shown else []
        return bank + _questions(body)(context, section, word_bank)

    return blocks


def cloze_sentence(question: Question) -> str:
    """The sentence with every deletion replaced by a blank, numbered when there are several."""
    several = len(question.deletions) > 1
    return "".join(
        (f"({number})\u00a0{BLANK}" if several else BLANK) if number else text
        for text, number in sentence_parts(question.sentence, question.deletions)
    )


def _box_top(top: float, leading: float) -> float:
    """Lower edge of a box centred on the first line that starts at `top`."""
    return top - leading / 2 - BOX / 2 + 1.5


def _choice(frame: Frame, label: SetLine | None, text: TextBlock) -> Piece:
    """A box on the reading-start side, an optional letter, then the text."""
    label_width = OPTION_LABEL if label is not None else 0.0
    text_frame = frame.inset(start=BOX + BOX_GAP + label_width)
    label_frame = frame.at_start(BOX + BOX_GAP, OPTION_LABEL - LABEL_GAP)
    leading = text.style.leading

    def draw(surface: Surface, top: float) -> None:
        surface.box(frame.x_at_start(0, BOX), _box_top(top, leading), BOX)
        if label is not None:
            surface.line(label, label_frame, top, "end")
        surface.block(text, text_frame, top)

    return Piece(max(text.height, leading), draw)


def _lettered_choices(context: Context, frame: Frame, texts: list[str], rtl: bool) -> Piece:
    """Options with letters; two columns when every option fits in half the width."""
    style = context.styles.body
    labels = [
        context.typesetter.line(f"{context.locale.option_label(index)})", style, rtl)
        for index in range(len(texts))
    ]
    text_offset = BOX + BOX_GAP + OPTION_LABEL
    half = frame.column(0, 2, COLUMN_GAP)
    columns = (
        2
        if all(
            context.typesetter.width(text, style, rtl) <= half.width - text_offset for text in texts
        )
        else 1
    )
    frames = [frame.column(index, columns, COLUMN_GAP) for index in range(columns)]
    choices = [
        _choice(
            frames[index % columns],
            labels[index],
            context.text(text, style, frames[index % columns].width - text_offset, rtl),
        )
        for index, text in enumerate(texts)
    ]
    rows = [
        side_by_side(choices[start : start + columns]) for start in range(0, len(choices), columns)
    ]
    return stack(rows, gap=2)


def _true_false(context: Context, frame: Frame, rtl: bool) -> Piece:
    style = context.styles.body
    pieces = []
    offset = 0.0
    for word in (context.locale.true, context.locale.false):
        line = context.typesetter.line(word, style, rtl)
        width = BOX + BOX_GAP + line.width
        pieces.append(_choice(frame.at_start(offset, width), None, TextBlock((line,), style, rtl)))
        offset += width + 40
    return side_by_side(pieces)


def _writing_lines(frame: Frame, count: int) -> Piece:
    def draw(surface: Surface, top: float) -> None:
        for index in range(1, count + 1):
            surface.rule(frame.left, frame.right, top - index * WRITING_LINE + 4)

    return Piece(count * WRITING_LINE, draw)


def _boxed_items(context: Context, frame: Frame, texts, rtl: bool) -> Piece:
    """Items each with a box to write in (the rank of an item to order)."""
    style = context.styles.body
    choices = [
        _choice(frame, None, context.text(text, style, frame.width - BOX - BOX_GAP, rtl))
        for text in texts
    ]
    return stack(choices, gap=3)


def _matching(context: Context, frame: Frame, lefts, rights, rtl: bool) -> Piece:
    """Items to match in the start column, each with a box for a letter; lettered answers beside."""
    style = context.styles.body
    start_column = frame.column(0, 2, COLUMN_GAP)
    end_column = frame.column(1, 2, COLUMN_GAP)
    rows = []
    for index, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        left_piece = _choice(
            start_column,
            None,
            context.text(left, style, start_column.width - BOX - BOX_GAP, rtl),
        )
        label = context.typesetter.line(f"{context.locale.option_label(index)})", style, rtl)
        right_text = context.text(right, style, end_column.width - OPTION_LABEL, rtl)
        rows.append(side_by_side([left_piece, _lettered_text(end_column, label, right_text)]))
    return stack(rows, gap=4)


def _lettered_text(frame: Frame, label: SetLine, text: TextBlock) -> Piece:
    label_frame = frame.at_start(0, OPTION_LABEL - LABEL_GAP)
    text_frame = frame.inset(start=OPTION_LABEL)

    def draw(surface: Surface, top: float) -> None:
        surface.line(label, label_frame, top, "end")
        surface.block(text, text_frame, top)

    return Piece(max(text.height, text.style.leading), draw)


def _vocab_columns(frame: Frame) -> list[Frame]:
    """Number, word, its sentence, and room to write the meaning, from the reading start."""
    widths = [GUTTER, frame.width * 0.2, frame.width * 0.42]
    widths.append(frame.width - sum(widths))
    offsets = [sum(widths[:index]) for index in range(len(widths))]
    return [frame.at_start(offset, width) for offset, width in zip(offsets, widths, strict=True)]


def _table_row(frame: Frame, columns: list[Frame], cells: list[Piece], minimum: float) -> Row:
    height = max([minimum] + [cell.height + 2 * TABLE_PADDING for cell in cells])

    def draw(surface: Surface, top: float) -> None:
        surface.rectangle(frame.left, top - height, frame.width, height)
        for column in columns[1:]:
            edge = column.right if frame.rtl else column.left
            surface.vertical(edge, top, top - height)
        for cell in cells:
            cell.draw(surface, top - TABLE_PADDING)

    return Row(height, draw)


def _vocab_blocks(context: Context, section: Section, word_bank: bool) -> list[Block]:
    """A table: number, word, its sentence, and room for the meaning."""
    styles = context.styles
    locale = context.locale
    rtl = context.rtl
    frame = context.frame
    columns = _vocab_columns(frame)
    padded = [column.inset(start=TABLE_PADDING, end=TABLE_PADDING) for column in columns]
    titles = ["", locale.term, locale.in_context, locale.meaning]
    header_cells = [
        line_piece(context.typesetter.line(title, styles.small_bold, rtl), column)
        for title, column in zip(titles, padded, strict=True)
    ]
    header = _table_row(frame, columns, header_cells, 0.0)
    blocks = [Block([header], keep_with_next=True, space_before=6)]
    for version_question in section.questions:
        question = version_question.question
        question_rtl = version_question.item.bank.is_rtl
        cells = [
            line_piece(
                context.typesetter.line(f"{version_question.number}.", styles.bold, question_rtl),
                padded[0],
            ),
            text_piece(
                context.text(question.term, styles.bold, padded[1].width, question_rtl), padded[1]
            ),
            text_piece(
                context.text(question.sentence, styles.small, padded[2].width, question_rtl),
                padded[2],
            ),
        ]
        blocks.append(Block([_table_row(frame, columns, cells, 40.0)], header=header))
    return blocks


SECTIONS: dict[str, Callable[[Context, Section, bool], list[Block]]] = {
    "mcq": _questions(_choices),
    "multi": _questions(_choices),
    "true_false": _questions(_true_false_body),
    "short": _questions(_short_body),
    "cloze": _with_word_bank(_cloze_body),
    "matching": _questions(_matching_body),
    "ordering": _questions(_ordering_body),
    "vocab": _vocab_blocks,
}
require_every_type(SECTIONS, "the worksheet")
