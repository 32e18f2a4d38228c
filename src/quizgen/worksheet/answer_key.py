"""The answer key: per version a compact grid for fast marking, then each answer with its evidence."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from quizgen.core.model import Bank
from quizgen.text.normalize import fold_for_evidence
from quizgen.typesetting.layout import Block, Row, paginate
from quizgen.typesetting.pieces import Piece, line_piece, side_by_side, stack, text_piece
from quizgen.typesetting.surface import GREY, INK, Frame, Surface
from quizgen.typesetting.typeset import TextStyle
from quizgen.worksheet.context import Context
from quizgen.worksheet.furniture import draw_pages, title_block
from quizgen.worksheet.labels import Labels
from quizgen.worksheet.question_blocks import GUTTER, LABEL_GAP, NUMBER_GAP, cloze_sentence
from quizgen.worksheet.versions import Version, VersionQuestion

GRID_COLUMNS = 4
GRID_PADDING = 4.0
GRID_NUMBER = 26.0
DETAIL_GAP = 10.0


def grid_answer(labels: Labels, version_question: VersionQuestion) -> str:
    """The answer as a teacher checks it at a glance: letters, ranks, a word."""
    question = version_question.question
    kind = question.type
    if kind in ("mcq", "multi"):
        return labels.letters(
            index for index, option in enumerate(version_question.options) if option.correct
        )
    if kind == "true_false":
        return labels.true if question.answer else labels.false
    if kind == "short":
        return question.answers[0]
    if kind == "cloze":
        return labels.list_separator.join(question.deletions)
    if kind == "matching":
        return labels.letters(version_question.matches.index(pair.right) for pair in question.pairs)
    if kind == "ordering":
        return labels.list_separator.join(
            str(question.items.index(item) + 1) for item in version_question.order_items
        )
    return question.gloss


def full_answer(labels: Labels, version_question: VersionQuestion) -> str:
    """The answer spelled out, one item per line."""
    question = version_question.question
    kind = question.type
    if kind in ("mcq", "multi"):
        return "\n".join(
            f"{labels.option_label(index)}) {option.text}"
            for index, option in enumerate(version_question.options)
            if option.correct
        )
    if kind == "cloze" and len(question.deletions) > 1:
        return "\n".join(
            f"({number}) {deletion}" for number, deletion in enumerate(question.deletions, start=1)
        )
    if kind == "matching":
        return "\n".join(
            f"{pair.left}: {labels.option_label(version_question.matches.index(pair.right))}) {pair.right}"
            for pair in question.pairs
        )
    if kind == "ordering":
        return "\n".join(f"{rank}. {item}" for rank, item in enumerate(question.items, start=1))
    if kind == "vocab":
        return "\n".join(text for text in (question.gloss, question.definition) if text)
    return grid_answer(labels, version_question)


_folded = lru_cache(maxsize=4096)(fold_for_evidence)


def evidence_by_passage(bank: Bank, version_question: VersionQuestion) -> list[tuple[int, str]]:
    """Each evidence quote with the number of the cited passage it comes from."""
    question = version_question.question
    cited = [bank.passage(passage_id) for passage_id in question.passages]
    quotes = []
    for quote in question.evidence:
        folded = _folded(quote)
        source = next((passage for passage in cited if folded in _folded(passage.text)), cited[0])
        quotes.append((source.number, quote))
    return quotes


def _question_text(version_question: VersionQuestion) -> str:
    question = version_question.question
    if question.type == "vocab":
        return question.term
    if question.type == "cloze":
        return "\n".join(text for text in (question.prompt, cloze_sentence(question)) if text)
    return question.prompt


def grid_blocks(context: Context, version: Version) -> list[Block]:
    """Question number and answer in cells, GRID_COLUMNS to a row, in reading order."""
    styles = context.styles
    frame = context.frame
    columns = [frame.column(index, GRID_COLUMNS, 0.0) for index in range(GRID_COLUMNS)]
    questions = version.questions
    blocks = []
    for start in range(0, len(questions), GRID_COLUMNS):
        cells = []
        for column, version_question in zip(
            columns, questions[start : start + GRID_COLUMNS], strict=False
        ):
            rtl = version_question.item.bank.is_rtl
            cell = Frame(column.left, column.right, rtl).inset(start=GRID_PADDING, end=GRID_PADDING)
            number = context.typesetter.line(f"{version_question.number}.", styles.small_bold, rtl)
            answer = context.text(
                grid_answer(context.labels, version_question),
                styles.small,
                cell.width - GRID_NUMBER,
                rtl,
            )
            cells.append(
                side_by_side(
                    [
                        line_piece(number, cell.at_start(0, GRID_NUMBER - LABEL_GAP), "end"),
                        text_piece(answer, cell.inset(start=GRID_NUMBER)),
                    ]
                )
            )
        height = max(cell.height for cell in cells) + 2 * GRID_PADDING

        def draw(surface: Surface, top: float, cells=cells, height=height) -> None:
            for column, cell in zip(columns, cells, strict=False):
                surface.rectangle(column.left, top - height, column.width, height)
                cell.draw(surface, top - GRID_PADDING)

        blocks.append(Block([Row(height, draw)]))
    blocks[0].space_before = 6
    return blocks


def detail_block(context: Context, version_question: VersionQuestion) -> Block:
    """Number and question, the answer, then where the article says so."""
    styles = context.styles
    labels = context.labels
    bank = version_question.item.bank
    rtl = bank.is_rtl
    frame = Frame(context.frame.left, context.frame.right, rtl).inset(start=GUTTER)
    label_width = 78.0
    value_frame = frame.inset(start=label_width)
    label_frame = frame.at_start(0, label_width - LABEL_GAP)

    def labelled(label: str, value: str, style: TextStyle, color=INK) -> Piece:
        """A small bold label on the first line's baseline, the value beside it."""
        value_block = context.text(value, style, value_frame.width, rtl)
        label_style = TextStyle(styles.small_bold.face, styles.small_bold.size, style.leading)
        label_line = context.typesetter.line(label, label_style, rtl)
        return side_by_side(
            [
                line_piece(label_line, label_frame, "end"),
                text_piece(value_block, value_frame, color=color),
            ]
        )

    question = version_question.question
    pieces = [
        text_piece(
            context.text(_question_text(version_question), styles.body, frame.width, rtl), frame
        )
    ]
    pieces.append(labelled(f"{labels.answer}:", full_answer(labels, version_question), styles.bold))
    if question.type == "short" and len(question.answers) > 1:
        pieces.append(
            labelled(
                f"{labels.accepted}:",
                labels.list_separator.join(question.answers[1:]),
                styles.small,
            )
        )
    for number, quote in evidence_by_passage(bank, version_question):
        pieces.append(
            labelled(
                f"{labels.passage.format(number=number)}:",
                labels.quoted.format(quote=quote),
                styles.small,
                GREY,
            )
        )
    body = stack(pieces, gap=2)
    number = context.typesetter.line(f"{version_question.number}.", styles.bold, rtl)
    number_frame = Frame(context.frame.left, context.frame.right, rtl).at_start(
        0, GUTTER - NUMBER_GAP
    )

    def draw(surface: Surface, top: float) -> None:
        surface.line(number, number_frame, top, "end")
        body.draw(surface, top)

    return Block([Row(body.height, draw)], space_before=DETAIL_GAP)


def render_answer_key(
    surface: Surface,
    context: Context,
    versions: Sequence[Version],
    banks: Sequence[Bank],
    title: str,
) -> int:
    """One key per version, each from a new page; returns the number of pages."""
    total = 0
    labels = context.labels
    for version in versions:
        subtitle = f"{labels.answer_key} — {labels.version.format(letter=version.letter)}"
        blocks = [title_block(context, title, banks, subtitle)]
        blocks += grid_blocks(context, version)
        blocks += [detail_block(context, question) for question in version.questions]
        pages = paginate(blocks, context.body_height)
        draw_pages(surface, context, pages, version.letter)
        total += len(pages)
    return total
