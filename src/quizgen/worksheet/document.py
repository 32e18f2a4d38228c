"""The worksheet itself: per version a heading, the cited passages if asked, then the sections."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.core.model import Bank
from quizgen.typesetting.layout import Block, Row, paginate
from quizgen.typesetting.pieces import line_piece
from quizgen.typesetting.surface import Frame, Surface
from quizgen.worksheet.answer_sheet import answer_sheet_blocks
from quizgen.worksheet.context import Context
from quizgen.worksheet.furniture import draw_pages, fields_block, title_block
from quizgen.worksheet.question_blocks import section_blocks
from quizgen.worksheet.versions import Version

PASSAGE_GAP = 8.0


def worksheet_blocks(
    context: Context,
    version: Version,
    banks: Sequence[Bank],
    title: str,
    with_passages: bool,
    word_bank: bool,
) -> list[Block]:
    blocks = [title_block(context, title, banks), fields_block(context, version.letter)]
    if with_passages:
        blocks += passage_blocks(context, version)
    for section in version.sections:
        blocks += section_blocks(context, section, word_bank)
    return blocks


def passage_blocks(context: Context, version: Version) -> list[Block]:
    """The passages the version's questions cite, in article order, justified."""
    cited = {
        (question.item.bank.id, passage_id)
        for question in version.questions
        for passage_id in question.question.passages
    }
    banks = {question.item.bank.id: question.item.bank for question in version.questions}
    styles = context.styles
    heading = context.typesetter.line(context.locale.passages, styles.heading, context.rtl)
    blocks = [
        Block(
            [Row(heading.style.leading, line_piece(heading, context.frame).draw)],
            keep_with_next=True,
        )
    ]
    for bank in banks.values():
        frame = Frame(context.frame.left, context.frame.right, bank.is_rtl)
        for passage in bank.passages:
            if (bank.id, passage.id) not in cited:
                continue
            label = context.typesetter.line(
                f"{context.locale.passage_word} {passage.number}", styles.small_bold, bank.is_rtl
            )
            blocks.append(
                Block(
                    [Row(label.style.leading, line_piece(label, frame).draw)],
                    keep_with_next=True,
                    space_before=PASSAGE_GAP,
                )
            )
            text = context.text(passage.text, styles.body, frame.width, bank.is_rtl)
            blocks.append(Block(_paragraph_rows(text, frame), keep_together=False))
    return blocks


def _paragraph_rows(text, frame: Frame) -> list[Row]:
    """One row per line, so a long passage may continue on the next page."""
    leading = text.style.leading
    return [
        Row(
            leading,
            lambda surface, top, index=index: surface.block_line(
                text, index, frame, top, "justify"
            ),
        )
        for index in range(len(text.lines))
    ]


def render_worksheet(
    surface: Surface,
    context: Context,
    versions: Sequence[Version],
    banks: Sequence[Bank],
    title: str,
    with_passages: bool,
    word_bank: bool,
    answer_sheet: bool = False,
) -> int:
    """Draw every version (each from a new page), with its answer sheet after it if asked;
    returns the number of pages."""
    total = 0
    for version in versions:
        blocks = worksheet_blocks(context, version, banks, title, with_passages, word_bank)
        pages = paginate(blocks, context.body_height)
        draw_pages(surface, context, pages, version.letter)
        total += len(pages)
        if answer_sheet:
            sheet = paginate(
                answer_sheet_blocks(context, version, banks, title), context.body_height
            )
            draw_pages(surface, context, sheet, version.letter)
            total += len(sheet)
    return total
