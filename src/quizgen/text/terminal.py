"""Right-to-left text in a terminal, which is a grid of cells filled left to right.

Most terminals draw Arabic in logical order, left to right and unjoined. A few (mlterm, Konsole,
mintty, macOS Terminal, VTE 0.57.3 and later: GNOME Terminal, Tilix, xfce4-terminal) reorder lines
themselves, and text the program reordered gets scrambled there. Two ways out:

- terminal: print logical text and let the terminal do the work;
- visual: shape letters into their joined presentation forms, wrap in logical order measuring the
  shaped width, reorder each line with the bidi algorithm, and right-align right-to-left lines.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from quizgen.errors import SettingError
from quizgen.text.bidi import display_string
from quizgen.text.linebreak import break_lines

RTL_MODES = ("auto", "terminal", "visual")
COLUMN_GAP = "  "
RIGHT_TO_LEFT_MARK = "\u200f"
RTL_ENVIRONMENT = "QUIZGEN_RTL"

# TERM_PROGRAM values of terminals that apply the bidi algorithm themselves.
_BIDI_TERMINAL_PROGRAMS = {"Apple_Terminal", "mintty", "mlterm"}
_FIRST_BIDI_VTE = 5703  # VTE 0.57.3 reorders by default (VTE_VERSION is 5703 or more)
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def terminal_reorders(environ: Mapping[str, str]) -> bool:
    """Whether the environment names a terminal known to reorder right-to-left text itself."""
    if environ.get("TERM_PROGRAM") in _BIDI_TERMINAL_PROGRAMS:
        return True
    if environ.get("KONSOLE_VERSION") or environ.get("MLTERM"):
        return True
    if environ.get("TERM", "").startswith("mlterm"):
        return True
    vte_version = environ.get("VTE_VERSION", "")
    return vte_version.isdigit() and int(vte_version) >= _FIRST_BIDI_VTE


def resolve_rtl_mode(requested: str, environ: Mapping[str, str], is_terminal: bool) -> str:
    """'terminal' or 'visual'.

    An explicit mode wins; with auto, QUIZGEN_RTL decides when set; otherwise output that is not a
    terminal gets logical text (right for files, pipes and screen readers), a terminal known to
    reorder gets logical text, and any other terminal gets visual text.
    """
    if requested not in RTL_MODES:
        raise SettingError(
            "rtl",
            f"the right-to-left mode must be one of {', '.join(RTL_MODES)}, not '{requested}'",
        )
    if requested != "auto":
        return requested
    override = environ.get(RTL_ENVIRONMENT, "").strip().lower()
    if override in ("terminal", "visual"):
        return override
    if override not in ("", "auto"):
        raise SettingError(
            "rtl environment",
            f"{RTL_ENVIRONMENT}={environ[RTL_ENVIRONMENT]} is not a display mode; "
            "set it to auto, terminal or visual",
        )
    if not is_terminal:
        return "terminal"
    return "terminal" if terminal_reorders(environ) else "visual"


def printable(text: str, keep_bidi_controls: bool = True) -> str:
    """Control characters shown as U+FFFD so bank text cannot drive the terminal; tabs and line
    breaks (a seed's wrapped paragraph, a YAML block) as spaces, the text being wrapped anew.

    Visual text drops the bidi controls after reordering: then they have nothing left to do.
    """
    characters = []
    for character in text:
        if character in "\t\n\r":
            characters.append(" ")
        elif unicodedata.category(character) == "Cc":
            characters.append("\ufffd")
        elif keep_bidi_controls or character not in _BIDI_CONTROLS:
            characters.append(character)
    return "".join(characters)


def cell_width(text: str) -> int:
    """Terminal cells the text occupies: marks and format characters take none, wide ones two."""
    width = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) in (
            "Mn",
            "Me",
            "Cf",
        ):
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper

    # Harakat are kept and placed before their letter, so that after reordering they follow it
    # and the terminal draws each over the right letter.
    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "shift_harakat_position": True}
    )


def shape(text: str) -> str:
    """Arabic letters in their joined presentation forms, still in logical order."""
    return _reshaper().reshape(text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap measured in terminal cells; words wider than a line are cut."""
    return break_lines(text, width, cell_width)


def logical_lines(text: str, width: int) -> list[str]:
    """For --rtl terminal: wrapped, otherwise untouched; the terminal orders and joins letters."""
    return wrap(printable(text), width)


def visual_lines(text: str, width: int, rtl: bool, align_width: int | None = None) -> list[str]:
    """For --rtl visual: shaped, wrapped in logical order, each line reordered; RTL right-aligned."""
    align_width = width if align_width is None else align_width
    lines = []
    for line in wrap(shape(printable(text)), width):
        ordered = printable(display_string(line, rtl), keep_bidi_controls=False)
        padding = max(0, align_width - cell_width(ordered)) if rtl else 0
        lines.append(" " * padding + ordered)
    return lines


def _visual_cell(cell: str, rtl: bool) -> str:
    return printable(display_string(shape(printable(cell)), rtl), keep_bidi_controls=False)


def table_lines(
    rows: list[list[str] | None],
    rtl: bool,
    rtl_mode: str,
    right_edge: int,
    start_aligned: frozenset[int] = frozenset({0}),
) -> list[str]:
    """Rows padded to columns measured in terminal cells, as they are printed; None is a blank line.

    Left to right: the `start_aligned` columns (labels, bars) start-aligned, others (figures)
    end-aligned. Right to left: every column aligned on its right edge; visual mode reorders each
    cell, lays the cells out from the right and puts the table against `right_edge`, terminal mode
    leads each cell with a right-to-left mark and leaves the layout to the terminal.
    """
    visual = rtl_mode == "visual"
    shown = [
        None
        if row is None
        else [_visual_cell(cell, rtl) if visual else printable(cell) for cell in row]
        for row in rows
    ]
    columns = max(len(row) for row in shown if row is not None)
    widths = [
        max(cell_width(row[column]) for row in shown if row is not None)
        for column in range(columns)
    ]
    lines = []
    for row in shown:
        if row is None:
            lines.append("")
            continue
        padding = [
            " " * (width - cell_width(cell)) for cell, width in zip(row, widths, strict=True)
        ]
        if not rtl:
            cells = [
                cell + pad if column in start_aligned else pad + cell
                for column, (cell, pad) in enumerate(zip(row, padding, strict=True))
            ]
            line = COLUMN_GAP.join(cells)
        elif visual:
            line = COLUMN_GAP.join(
                pad + cell for cell, pad in reversed(list(zip(row, padding, strict=True)))
            )
            line = " " * max(0, right_edge - cell_width(line)) + line
        else:
            line = RIGHT_TO_LEFT_MARK + (COLUMN_GAP + RIGHT_TO_LEFT_MARK).join(
                cell + pad for cell, pad in zip(row, padding, strict=True)
            )
        lines.append(line.rstrip())
    return lines
