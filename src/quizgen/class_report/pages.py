"""The class report's three parts as blocks: the summary, the questions by concern, the passages.

Questions are ranked by concern: a negative discrimination weighs 4, a low one 3, too hard 2, too
easy 1 and a distractor almost nobody chose 1; ties go to the lower point-biserial, then to the
harder question. Mastery per passage is the share of the points earned on the questions citing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizgen.class_report.chart import histogram_piece
from quizgen.grade.class_results import ClassResult, ItemResult
from quizgen.grade.results_files import number
from quizgen.text.normalize import fold_for_evidence
from quizgen.typesetting.layout import Block, Row
from quizgen.typesetting.pieces import Piece, line_piece, side_by_side, stack, text_piece
from quizgen.typesetting.surface import GREY, Frame, Surface
from quizgen.typesetting.typeset import TextStyle, Typesetter

CONCERN_WEIGHTS = {
    "negative_discrimination": 4,
    "low_discrimination": 3,
    "too_hard": 2,
    "too_easy": 1,
    "rare_distractor": 1,
}
LABEL_WIDTH = 150.0
ITEM_GAP = 14.0
MASTERY_BAR = 140.0
MASTERY_LABEL = 80.0
MASTERY_HEIGHT = 10.0
EXCERPT_CHARACTERS = 160


@dataclass(frozen=True)
class ReportStyles:
    title: TextStyle
    heading: TextStyle
    body: TextStyle
    bold: TextStyle
    small: TextStyle
    small_bold: TextStyle


@dataclass(frozen=True)
class ReportContext:
    typesetter: Typesetter
    styles: ReportStyles
    words: dict[str, str]
    frame: Frame
    passages: dict[str, str]  # passage id -> text, for every bank's cited passages
    first_version: str

    @property
    def rtl(self) -> bool:
        return self.frame.rtl

    def text(self, text: str, style: TextStyle, frame: Frame | None = None) -> Piece:
        frame = frame or self.frame
        return text_piece(self.typesetter.block(text, style, frame.width, self.rtl), frame)


def _block(piece: Piece, space_before: float = 0.0, keep_with_next: bool = False) -> Block:
    return Block(
        [Row(piece.height, piece.draw)], keep_with_next=keep_with_next, space_before=space_before
    )


def _heading(context: ReportContext, text: str, space_before: float = 12.0) -> Block:
    line = context.typesetter.line(text, context.styles.heading, context.rtl)
    return _block(line_piece(line, context.frame), space_before, keep_with_next=True)


def title_blocks(context: ReportContext, title: str, article: str) -> list[Block]:
    styles, frame = context.styles, context.frame
    pieces = [
        text_piece(
            context.typesetter.block(title, styles.title, frame.width, context.rtl), frame, "center"
        ),
        text_piece(
            context.typesetter.block(
                context.words["class_report"], styles.heading, frame.width, context.rtl
            ),
            frame,
            "center",
        ),
        text_piece(
            context.typesetter.block(article, styles.small, frame.width, context.rtl),
            frame,
            "center",
            GREY,
        ),
    ]
    return [_block(stack(pieces))]


def _figure_row(context: ReportContext, label: str, value: str) -> Piece:
    styles = context.styles
    label_line = context.typesetter.line(label, styles.bold, context.rtl)
    value_frame = context.frame.inset(start=LABEL_WIDTH)
    value_block = context.typesetter.block(value, styles.body, value_frame.width, context.rtl)
    return side_by_side(
        [
            line_piece(label_line, context.frame.at_start(0, LABEL_WIDTH - 8)),
            text_piece(value_block, value_frame),
        ]
    )


def summary_blocks(context: ReportContext, result: ClassResult) -> list[Block]:
    words = context.words
    possible = result.maximum_score
    mean = (
        "" if result.figures.mean is None else f"{number(result.figures.mean)} / {number(possible)}"
    )
    if result.figures.mean is not None and possible:
        mean += f" ({number(100 * result.figures.mean / possible, 1)}%)"
    reliability = (
        f"{number(result.figures.reliability)} ({words[result.figures.reliability_method]})"
        if result.figures.reliability is not None
        else words["undefined"]
    )
    rows = [
        (words["students"], str(len(result.students))),
        (words["mean"], mean),
        (words["median"], number(result.figures.median)),
        (words["range"], f"{number(result.figures.minimum)} – {number(result.figures.maximum)}"),
        (words["deviation"], number(result.figures.standard_deviation)),
        (words["reliability"], reliability),
    ]
    if result.problems:
        rows.append((words["unreadable"], str(len(result.problems))))
    blocks = [_block(stack([_figure_row(context, label, value) for label, value in rows], 2), 10)]
    blocks.append(_heading(context, words["distribution"], 18))
    chart = histogram_piece(
        context.typesetter,
        context.styles.small,
        context.frame,
        result.figures.histogram,
        words["percent_axis"],
        words["students_axis"],
        context.rtl,
    )
    blocks.append(_block(chart, 6))
    return blocks


def concern(item: ItemResult) -> tuple:
    """Sort key: the most worrying question first."""
    weight = sum(CONCERN_WEIGHTS[flag] for flag in item.flags)
    discrimination = item.discrimination if item.discrimination is not None else float("inf")
    difficulty = item.difficulty if item.difficulty is not None else float("inf")
    return (-weight, discrimination, difficulty)


def _question_text(item: ItemResult) -> str:
    details = item.question.details
    return item.question.details.get("prompt") or details.get("term") or details.get("sentence", "")


def _choice_lines(context: ReportContext, item: ItemResult, students: int) -> list[str]:
    words = context.words
    lines = []
    for choice in item.choices:
        text = (
            words.get(choice.text, choice.text)
            if choice.option in ("true", "false")
            else choice.text
        )
        share = f" ({number(100 * choice.count / students, 0)}%)" if students else ""
        correct = f" — {words['correct']}" if choice.correct else ""
        lines.append(f"{text}: {choice.count}{share}{correct}")
    return lines


def _evidence_lines(context: ReportContext, item: ItemResult) -> list[str]:
    """Each evidence quote with the cited passage it comes from."""
    details = item.question.details
    cited = [passage for passage in details.get("passages", []) if passage in context.passages]
    lines = []
    for quote in details.get("evidence", []):
        folded = fold_for_evidence(quote)
        source = next(
            (
                passage
                for passage in cited
                if folded in fold_for_evidence(context.passages[passage])
            ),
            cited[0] if cited else "",
        )
        label = context.words["passage"].format(number=source[1:]) if source else ""
        lines.append(
            f"{label}{context.words['colon']} {context.words['quoted'].format(quote=quote)}"
        )
    return lines


def item_blocks(context: ReportContext, result: ClassResult) -> list[Block]:
    words, styles = context.words, context.styles
    blocks = [_heading(context, words["items"], 0)]
    students = len(result.students)
    for rank, item in enumerate(sorted(result.items, key=concern), start=1):
        heading = f"{rank}. {item.id} — " + words["question"].format(
            number=item.question.number, version=context.first_version
        )
        figures = words["separator"].join(
            [
                f"{words['difficulty']} {number(item.difficulty)}",
                f"{words['discrimination']} {number(item.discrimination) or '—'}",
                f"{words['upper_lower']} {number(item.upper_lower) or '—'}",
                words["answered"].format(answered=item.answered, students=students),
            ]
        )
        pieces = [
            context.text(heading, styles.bold),
            context.text(_question_text(item), styles.body),
        ]
        pieces.append(context.text(figures, styles.small))
        if item.flags:
            flags = words["separator"].join(words[flag] for flag in item.flags)
            pieces.append(
                context.text(f"{words['flags']}{words['colon']} {flags}", styles.small_bold)
            )
        inset = context.frame.inset(start=16)
        pieces += [
            context.text(line, styles.small, inset)
            for line in _choice_lines(context, item, students)
        ]
        pieces += [
            context.text(line, styles.small, inset) for line in _evidence_lines(context, item)
        ]
        blocks.append(_block(stack(pieces, 1), ITEM_GAP))
    return blocks


def passage_mastery(result: ClassResult) -> list[tuple[str, float, int]]:
    """(passage id, share of the points earned, questions) for every cited passage, in order."""
    earned: dict[str, float] = {}
    possible: dict[str, float] = {}
    counts: dict[str, int] = {}
    for item in result.items:
        if item.difficulty is None:
            continue
        for passage in item.question.details.get("passages", []):
            earned[passage] = earned.get(passage, 0.0) + item.difficulty * item.points
            possible[passage] = possible.get(passage, 0.0) + item.points
            counts[passage] = counts.get(passage, 0) + 1
    return [
        (passage, earned[passage] / possible[passage], counts[passage])
        for passage in sorted(possible, key=lambda passage: int(passage[1:]))
    ]


def _mastery_bar(context: ReportContext, share: float) -> Piece:
    frame = context.frame.inset(start=MASTERY_LABEL)
    bar_frame = frame.at_start(0, MASTERY_BAR)
    percent = context.typesetter.line(
        f"{number(100 * share, 0)}%", context.styles.bold, context.rtl
    )
    leading = context.styles.bold.leading

    def draw(surface: Surface, top: float) -> None:
        bottom = top - leading / 2 - MASTERY_HEIGHT / 2
        surface.rectangle(bar_frame.left, bottom, bar_frame.width, MASTERY_HEIGHT, GREY)
        filled = bar_frame.width * share
        left = bar_frame.right - filled if context.rtl else bar_frame.left
        surface.filled_rectangle(left, bottom, filled, MASTERY_HEIGHT, (0.33, 0.47, 0.66))
        surface.line(percent, frame.inset(start=MASTERY_BAR + 8), top)

    return Piece(leading, draw)


def mastery_blocks(context: ReportContext, result: ClassResult) -> list[Block]:
    words, styles = context.words, context.styles
    blocks = [
        _heading(context, words["mastery"], 0),
        _block(context.text(words["mastery_note"], styles.small)),
    ]
    for passage, share, count in passage_mastery(result):
        label = context.typesetter.line(
            words["passage"].format(number=passage[1:]), styles.bold, context.rtl
        )
        text = context.passages.get(passage, "")
        excerpt = (
            text
            if len(text) <= EXCERPT_CHARACTERS
            else text[:EXCERPT_CHARACTERS].rsplit(" ", 1)[0] + " …"
        )
        detail_frame = context.frame.inset(start=MASTERY_LABEL)
        pieces = [
            side_by_side(
                [
                    line_piece(label, context.frame.at_start(0, MASTERY_LABEL)),
                    _mastery_bar(context, share),
                ]
            ),
            context.text(words["item_count"].format(count=count), styles.small, detail_frame),
            text_piece(
                context.typesetter.block(excerpt, styles.small, detail_frame.width, context.rtl),
                detail_frame,
                color=GREY,
            ),
        ]
        blocks.append(_block(stack(pieces, 1), 10))
    return blocks


PARTS: tuple[Callable[[ReportContext, ClassResult], list[Block]], ...] = (
    item_blocks,
    mastery_blocks,
)
