"""Writing shaped lines into a PDF page: glyphs where HarfBuzz put them, text for readers under them.

ReportLab's own text drawing would re-encode the characters and lose the shaping, so the operators
are written directly: one TJ array per line with kerning adjustments, text rise (Ts) for marks
placed above or below their letter, and font subset switches where ReportLab's subsetting needs
them. The glyphs sit in a marked-content span whose ActualText is empty, so readers take the text
from an invisible (render mode 3) copy laid over each run instead (see text_layer).
Operators are cached per line, so a prompt repeated in every version is encoded once per document.
"""

from __future__ import annotations

from itertools import repeat

from reportlab.pdfgen.canvas import Canvas

from quizgen.typesetting.fonts import FontFace
from quizgen.typesetting.text_layer import text_layer_pieces
from quizgen.typesetting.typeset import SetLine

# The invisible copy of a run is kept a hair inside the run, so zero-width marks at its edges never
# share a position with the neighbouring run's first character (readers sort by position).
_TEXT_LAYER_INSET = 0.1


def format_number(value: float) -> str:
    """Shortest fixed-point form with two decimals at most: PDF operators carry no more precision."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class GlyphPainter:
    """Draws SetLines on one canvas; one painter per document (font subsets are per document)."""

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self._document = canvas._doc
        self._operators: dict[tuple[int, float], tuple[SetLine, str, str]] = {}

    def draw(self, line: SetLine, x: float, baseline: float, stretch: float = 0.0) -> None:
        """Draw `line` with its left end at x; `stretch` widens every space (justification)."""
        if not line.runs:
            return
        key = (id(line), stretch)
        cached = self._operators.get(key)
        if cached is None:
            cached = self._operators[key] = (line, *self._encode(line, stretch))
        _, glyphs, text = cached
        origin = f"{format_number(x)} {format_number(baseline)} Td"
        self.canvas.addLiteral(
            f"q /Span <</ActualText ()>> BDC BT {origin} {glyphs} ET EMC "
            f"BT 3 Tr {origin} {text} ET Q"
        )

    def _encode(self, line: SetLine, stretch: float) -> tuple[str, str]:
        style = line.style
        size = style.size
        document = self._document
        codes: list[tuple[str, float]] = []
        encoded: list[tuple[FontFace, int, int]] = []  # each glyph's face, subset and byte
        for run, face in zip(line.runs, line.faces, strict=True):
            run_codes = [face.encoding.code(glyph) for glyph in run.ids]
            codes += run_codes
            encoded += [
                (face, subset, byte)
                for subset, chunk in face.font.splitString(
                    "".join(code for code, _ in run_codes), document
                )
                for byte in chunk
            ]
        stretch_thousandths = stretch * 1000 / size
        operators: list[str] = (
            [f"2 Tr {format_number(size * 0.03)} w"] if style.face.embolden else []
        )
        array: list[str] = []  # the TJ array being built: glyph strings and adjustments
        pending = bytearray()  # glyphs not yet closed into a string of the array
        subset_now = None
        rise_now = 0
        cursor = 0.0  # where the PDF's text position is, in thousandths of the size
        pen = 0.0  # where HarfBuzz puts the next glyph
        position = 0
        run_widths: list[float] = []
        for run, run_face in zip(line.runs, line.faces, strict=True):
            scale = 1000 / run_face.units_per_em  # font units to thousandths of the size
            run_start = pen
            text = run.text
            for cluster, x_advance, x_offset, y_offset in zip(
                run.clusters, run.x_advances, run.x_offsets, run.y_offsets, strict=True
            ):
                face, subset, byte = encoded[position]
                width = codes[position][1]
                position += 1
                if (face, subset) != subset_now or y_offset != rise_now:
                    if pending:
                        array.append(f"<{pending.hex()}>")
                        pending.clear()
                    if array:
                        operators.append(f"[{' '.join(array)}] TJ")
                        array.clear()
                    if (face, subset) != subset_now:
                        name = face.font.getSubsetInternalName(subset, document)
                        operators.append(f"{name} {format_number(size)} Tf")
                        subset_now = (face, subset)
                    if y_offset != rise_now:
                        operators.append(f"{format_number(y_offset * scale * size / 1000)} Ts")
                        rise_now = y_offset
                target = pen + x_offset * scale
                shift = target - cursor
                if shift >= 0.01 or shift <= -0.01:
                    if pending:
                        array.append(f"<{pending.hex()}>")
                        pending.clear()
                    array.append(format_number(-shift))
                pending.append(byte)
                cursor = target + width
                pen += x_advance * scale
                if stretch and text[cluster] == " ":
                    pen += stretch_thousandths
            run_widths.append((pen - run_start) * size / 1000)
        if pending:
            array.append(f"<{pending.hex()}>")
        if array:
            operators.append(f"[{' '.join(array)}] TJ")
        return " ".join(operators), self._encode_text_layer(line, run_widths)

    def _encode_text_layer(self, line: SetLine, run_widths: list[float]) -> str:
        size = line.style.size
        pieces = text_layer_pieces([(run.text, run.rtl) for run in line.runs])
        operators: list[str] = []
        moved = 0.0
        start = 0.0
        for piece, width, run_face in zip(pieces, run_widths, line.faces, strict=True):
            face = _text_layer_face(piece, run_face, line)
            widths = face.font.face.charWidths
            default = face.font.face.defaultWidth
            natural = (
                sum(map(widths.get, map(ord, piece), repeat(default, len(piece)))) * size / 1000
            )
            target = width - 2 * _TEXT_LAYER_INSET
            if natural > 0 and target > 0:
                operators.append(
                    f"{format_number(start + _TEXT_LAYER_INSET - moved)} 0 Td "
                    f"{format_number(100 * target / natural)} Tz"
                )
                moved = start + _TEXT_LAYER_INSET
                for subset, chunk in face.font.splitString(piece, self._document):
                    name = face.font.getSubsetInternalName(subset, self._document)
                    operators.append(f"{name} {format_number(size)} Tf <{chunk.hex()}> Tj")
            start += width
        return " ".join(operators)


def _text_layer_face(piece: str, run_face: FontFace, line: SetLine) -> FontFace:
    """The run's face, unless it lacks a character of the invisible copy (the direction marks
    added at a run's edges): then a face of the line's style that has them all. A reader takes a
    character its font does not map as missing, and the marks must reach it."""
    style = line.style
    for face in (run_face, style.face, *style.fallbacks):
        if face.characters.issuperset(piece):
            return face
    return run_face
