"""Pagination: blocks of rows placed down pages, a question never split, headings kept with text.

Everything is measured before anything is drawn, so each version knows its page count for the
`page X of Y` footer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from quizgen.typesetting.surface import Surface

Draw = Callable[[Surface, float], None]  # draws with its top edge at the given y


@dataclass(frozen=True)
class Row:
    """The smallest unit pagination can move: a line of a passage, a question, a table row."""

    height: float
    draw: Draw


@dataclass
class Block:
    """Rows that belong together.

    keep_together: move the whole block to the next page rather than split it (split only if it is
    taller than a page). keep_with_next: a heading that must not end a page. header: a table
    header drawn again above this block when it starts a new page.
    """

    rows: list[Row]
    keep_together: bool = True
    keep_with_next: bool = False
    space_before: float = 0.0
    header: Row | None = None

    @property
    def height(self) -> float:
        return sum(row.height for row in self.rows)


@dataclass
class Page:
    placements: list[tuple[Row, float]] = field(default_factory=list)  # row, offset from the top


def paginate(blocks: list[Block], body_height: float) -> list[Page]:
    pages = [Page()]
    used = 0.0

    def new_page() -> None:
        nonlocal used
        pages.append(Page())
        used = 0.0

    def place(row: Row) -> None:
        nonlocal used
        pages[-1].placements.append((row, used))
        used += row.height

    for index, block in enumerate(blocks):
        gap = block.space_before if used else 0.0
        needed = gap + _unbreakable_height(blocks, index)
        if used and used + needed > body_height and needed - gap <= body_height:
            new_page()
            gap = 0.0
        used += gap
        for row in block.rows:
            if used and used + row.height > body_height:
                new_page()
            if not used and block.header is not None:
                place(block.header)
            place(row)
    return pages


def _unbreakable_height(blocks: list[Block], index: int) -> float:
    """Height that must go on one page starting with blocks[index] (following keep_with_next)."""
    block = blocks[index]
    height = block.height if block.keep_together else block.rows[0].height
    if block.keep_with_next and index + 1 < len(blocks):
        following = blocks[index + 1]
        height = block.height + following.space_before + _unbreakable_height(blocks, index + 1)
    return height
