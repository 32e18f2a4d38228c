"""The answer key: per version a compact grid for fast marking, then each answer with its evidence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from quizgen.core.model import Bank, Question
from quizgen.core.question_types import require_every_type
from quizgen.locale import Locale
from quizgen.typesetting.layout import Block, Row, paginate
from quizgen.typesetting.pieces import Piece, line_piece, side_by_side, stack, text_piece
from quizgen.typesetting.surface import GREY, INK, Frame, Surface
from quizgen.typesetting.typeset import TextStyle
from quizgen.worksheet.context import Context
from quizgen.worksheet.furniture import draw_pages, title_block
from quizgen.worksheet.question_blocks import GUTTER, LABEL_GAP, NUMBER_GAP, cloze_sentence
from quizgen.worksheet.versions import Version, VersionQuestion

GRID_COLUMNS = 4
GRID_PADDING = 4.0
GRID_NUMBER = 26.0
DETAIL_GAP = 10.0


@dataclass(frozen=True)
class KeyEntry:
    """How one question type appears in the key: at a glance in the grid, spelled out below."""

    grid: Callable[[Locale, VersionQuestion], str]
    full: Callable[[Locale, VersionQuestion], str]
    question_text: Callable[[Question], str] = lambda question: question.prompt
    also_accepted: Callable[[Question], tuple[str, ...]] = lambda question: ()


def _correct_letters(locale: Locale, version_question: VersionQuestion) -> str:
    options = version_question.options
    return locale.letters(index for index, option in enumerate(options) if option.correct)


def _correct_options(locale: Locale, version_question: VersionQuestion) -> str:
    return "\n".join(
        f"{locale.option_label(index)}) {option.text}"
        for index, option in enumerate(version_question.options)
        if option.correct
    )


def _truth(locale: Locale, version_question: VersionQuestion) -> str:
    return locale.true if version_question.question.answer else locale.false


def _model_answer(locale: Locale, version_question: VersionQuestion) -> str:
    return version_question.question.answers[0]


def _deletions(locale: Locale, version_question: VersionQuestion) -> str:
    return locale.answer_separator.join(version_question.question.deletions)


def _numbered_deletions(locale: Locale, version_question: VersionQuestion) -> str:
    deletions = version_question.question.deletions
    if len(deletions) == 1:
        return deletions[0]
    return "\n".join(f"({number}) {deletion}" for number, deletion in enumerate(deletions, start=1))


def _cloze_text(question: Question) -> str:
    return "\n".join(text for text in (question.prompt, cloze_sentence(question)) if text)


def _match_letters(locale: Locale, version_question: VersionQuestion) -> str:
    matches = version_question.matches
    return locale.letters(matches.index(pair.right) for pair in version_question.question.pairs)


def _matched_pairs(locale: Locale, version_question: VersionQuestion) -> str:
    matches = version_question.matches
    return "\n".join(
        f"{pair.left}{locale.colon} {locale.option_label(matches.index(pair.right))}) {pair.right}"
        for pair in version_question.question.pairs
    )


def _ranks(locale: Locale, version_question: VersionQuestion) -> str:
    items = version_question.question.items
    return locale.list_separator.join(
        str(items.index(item) + 1) for item in version_question.order_items
    )


def _ranked_items(locale: Locale, version_question: VersionQuestion) -> str:
    items = version_question.question.items
    return "\n".join(f"{rank}. {item}" for rank, item in enumerate(items, start=1))


def _gloss(locale: Locale, version_question: VersionQuestion) -> str:
    return version_question.question.gloss


def _gloss_and_definition(locale: Locale, version_question: VersionQuestion) -> str:
    question = version_question.question
    return "\n".join(text for text in (question.gloss, question.definition) if text)


KEY_ENTRIES: dict[str, KeyEntry] = {
    "mcq": KeyEntry(_correct_letters, _correct_options),
    "multi": KeyEntry(_correct_letters, _correct_options),
    "true_false": KeyEntry(_truth, _truth),
    "short": KeyEntry(
        _model_answer, _model_answer, also_accepted=lambda question: question.answers[1:]
    ),
    "cloze": KeyEntry(_deletions, _numbered_deletions, question_text=_cloze_text),
    "matching": KeyEntry(_match_letters, _matched_pairs),
    "ordering": KeyEntry(_ranks, _ranked_items),
    "vocab": KeyEntry(_gloss, _gloss_and_definition, question_text=lambda question: question.term),
}
require_every_type(KEY_ENTRIES, "the answer key")


def grid_answer(locale: Locale, version_question: VersionQuestion) -> str:
    """The answer as a teacher checks it at a glance: letters, ranks, a word."""
    return KEY_ENTRIES[version_question.question.type].grid(locale, version_question)


def full_answer(locale: Locale, version_question: VersionQuestion) -> str:
    """The answer spelled out, one item per line."""
    return KEY_ENTRIES[version_question.question.type].full(locale, version_question)


def evidence_by_passage(bank: Bank, version_question: VersionQuestion) -> list[tuple[int, str]]:
    """Each evidence quote with the number of the passage validation found it in."""
    return [
        (bank.passage(span.passage_id).number, span.quote)
        for span in version_question.question.evidence_spans
    ]


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
                grid_answer(context.locale, version_question),
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
    locale = context.locale
    bank = version_question.item.bank
    rtl = bank.is_rtl
    frame = Frame(context.frame.left, context.frame.right, rtl).inset(start=GUTTER)
    label_width = 78.0
    value_frame = frame.inset(start=label_width)
    label_frame = frame.at_start(0, label_width - LABEL_GAP)

    def labelled(label: str, value: str, style: TextStyle, color=INK) -> Piece:
        """A small bold label on the first line's baseline, the value beside it."""
        value_block = context.text(value, style, value_frame.width, rtl)
        label_style = replace(styles.small_bold, leading=style.leading)
        label_line = context.typesetter.line(label, label_style, rtl)
        return side_by_side(
            [
                line_piece(label_line, label_frame, "end"),
                text_piece(value_block, value_frame, color=color),
            ]
        )

    question = version_question.question
    entry = KEY_ENTRIES[question.type]
    pieces = [
        text_piece(
            context.text(entry.question_text(question), styles.body, frame.width, rtl), frame
        )
    ]
    pieces.append(
        labelled(
            f"{locale.answer}{locale.colon}", entry.full(locale, version_question), styles.bold
        )
    )
    accepted = entry.also_accepted(question)
    if accepted:
        pieces.append(
            labelled(
                f"{locale.also_accepted}{locale.colon}",
                locale.answer_separator.join(accepted),
                styles.small,
            )
        )
    for number, quote in evidence_by_passage(bank, version_question):
        pieces.append(
            labelled(
                f"{locale.passage_word} {number}{locale.colon}",
                locale.quoted.format(quote=quote),
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
    locale = context.locale
    for version in versions:
        subtitle = f"{locale.answer_key} — {locale.version.format(letter=version.letter)}"
        blocks = [title_block(context, title, banks, subtitle)]
        blocks += grid_blocks(context, version)
        blocks += [detail_block(context, question) for question in version.questions]
        pages = paginate(blocks, context.body_height)
        draw_pages(surface, context, pages, version.letter)
        total += len(pages)
    return total
