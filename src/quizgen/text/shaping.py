"""HarfBuzz shaping of directional runs: glyph ids and positions in font units.

Shaping is per bidi run, never per paragraph: each line is reordered first (`visual_runs`) and each
run is shaped in its own direction, so Arabic letters join, marks such as the shadda sit on their
letters, and brackets in right-to-left runs are mirrored by HarfBuzz. Results are cached because a
printed document repeats the same strings many times (the same prompt in every version).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import uharfbuzz

from quizgen.text.bidi import visual_runs

# Bidi classes that make a line need the full algorithm whatever its base direction: numbers and
# explicit embeddings, overrides and isolates.
_NEEDS_BIDI = {"EN", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


@dataclass(frozen=True, eq=False)
class ShapedRun:
    """A run's glyphs in visual order (left to right); text stays in logical order.

    Glyphs are kept as parallel tuples, in font units: ids, clusters (the index in `text` of the
    first character each glyph comes from), advances and offsets. A page draws tens of thousands
    of glyphs and building an object for each one was the slowest part of shaping.
    """

    text: str
    rtl: bool
    ids: tuple[int, ...]
    clusters: tuple[int, ...]
    x_advances: tuple[int, ...]
    x_offsets: tuple[int, ...]
    y_offsets: tuple[int, ...]
    advance: int

    @property
    def space_count(self) -> int:
        """Glyphs that stand for a space: where justification adds room."""
        text = self.text
        return sum(text[cluster] == " " for cluster in self.clusters)


class Shaper:
    """Shapes text with one font file; every result is cached for the life of the shaper."""

    def __init__(self, font_data: bytes, language: str = "en"):
        self._font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(font_data)))
        self.units_per_em = self._font.face.upem
        self._language = language
        self._runs: dict[tuple[str, bool], ShapedRun] = {}
        self._lines: dict[tuple[str, bool], tuple[ShapedRun, ...]] = {}

    def shape(self, text: str, rtl: bool) -> ShapedRun:
        key = (text, rtl)
        run = self._runs.get(key)
        if run is None:
            run = self._runs[key] = self._shape(text, rtl)
        return run

    def _shape(self, text: str, rtl: bool) -> ShapedRun:
        buffer = uharfbuzz.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "rtl" if rtl else "ltr"
        # Explicit, so the result never depends on the machine's locale.
        buffer.language = self._language
        uharfbuzz.shape(self._font, buffer, {})
        infos = buffer.glyph_infos
        positions = buffer.glyph_positions
        if not infos:
            return ShapedRun(text, rtl, (), (), (), (), (), 0)
        ids, clusters = zip(*((info.codepoint, info.cluster) for info in infos), strict=True)
        x_advances, x_offsets, y_offsets = zip(
            *((position.x_advance, position.x_offset, position.y_offset) for position in positions),
            strict=True,
        )
        return ShapedRun(
            text, rtl, ids, clusters, x_advances, x_offsets, y_offsets, sum(x_advances)
        )

    def shape_line(self, line: str, rtl_base: bool) -> tuple[ShapedRun, ...]:
        """A line's runs in visual order, each shaped in its own direction."""
        key = (line, rtl_base)
        runs = self._lines.get(key)
        if runs is None:
            if _one_direction(line, rtl_base):
                runs = (self.shape(line, rtl_base),)
            else:
                runs = tuple(self.shape(run.text, run.rtl) for run in visual_runs(line, rtl_base))
            self._lines[key] = runs
        return runs

    def line_advance(self, line: str, rtl_base: bool) -> int:
        """Width of a line in font units, as it will be drawn."""
        return sum(run.advance for run in self.shape_line(line, rtl_base))


def _one_direction(line: str, rtl_base: bool) -> bool:
    """True when the bidi algorithm would give one run in the base direction.

    With no number, no explicit control and no strong letter of the other direction, every
    neutral resolves to the base direction. Most lines of a page qualify, and the full algorithm
    (pure Python) is the slowest step of setting text.
    """
    against = ("L",) if rtl_base else ("R", "AL")
    for character in line:
        kind = unicodedata.bidirectional(character)
        if kind in against or kind in _NEEDS_BIDI:
            return False
    return True
