"""Measured pieces of a page element, stacked top to bottom before anything is drawn."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizgen.typesetting.surface import INK, Frame, Surface
from quizgen.typesetting.typeset import SetLine, TextBlock


@dataclass(frozen=True)
class Piece:
    height: float
    draw: Callable[[Surface, float], None]  # draws with its top edge at the given y


def text_piece(block: TextBlock, frame: Frame, align: str = "start", color=INK) -> Piece:
    return Piece(block.height, lambda surface, top: surface.block(block, frame, top, align, color))


def line_piece(line: SetLine, frame: Frame, align: str = "start", color=INK) -> Piece:
    return Piece(
        line.style.leading, lambda surface, top: surface.line(line, frame, top, align, color)
    )


def stack(pieces: Sequence[Piece], gap: float = 0.0) -> Piece:
    """Pieces one under the other, `gap` points apart."""
    height = sum(piece.height for piece in pieces) + gap * max(0, len(pieces) - 1)

    def draw(surface: Surface, top: float) -> None:
        for piece in pieces:
            piece.draw(surface, top)
            top -= piece.height + gap

    return Piece(height, draw)


def side_by_side(pieces: Sequence[Piece]) -> Piece:
    """Pieces sharing one top edge (each already knows its own frame); as tall as the tallest."""

    def draw(surface: Surface, top: float) -> None:
        for piece in pieces:
            piece.draw(surface, top)

    return Piece(max((piece.height for piece in pieces), default=0.0), draw)
