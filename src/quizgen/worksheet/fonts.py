"""The fonts of a worksheet: Amiri (SIL OFL, Arabic and Latin) by default, or a TrueType file.

One `FontFace` serves both the shaper (HarfBuzz reads the file) and the PDF (ReportLab embeds a
subset of the same file), so the glyph ids HarfBuzz returns are the glyphs that get embedded.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from quizgen.core.errors import QuizgenError
from quizgen.text.shaping import Shaper

# Private-use code points for glyphs no character maps to (ligatures, contextual forms).
_PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE))


class FontFace:
    """A registered TrueType font, its shaper, and a character for every glyph drawn.

    ReportLab subsets and encodes TrueType fonts by character, not by glyph. A glyph that no
    character maps to (a ligature, a contextual form) gets a private-use character of its own,
    chosen by its rank among such glyphs, so the same font always gives the same PDF bytes
    whatever was drawn before. Readers never see these characters: the visible glyphs are marked
    as having no text, and a separate invisible layer carries the real text.
    """

    def __init__(self, name: str, font: TTFont, shaper: Shaper, embolden: bool):
        self.name = name
        self.font = font
        self.shaper = shaper
        self.embolden = embolden  # no bold file: draw the regular outlines with a thin stroke
        face = font.face
        self._characters = {glyph: chr(min(codes)) for glyph, codes in face.glyphToChar.items()}
        self._unencoded = [
            glyph for glyph in range(face.numGlyphs) if glyph not in self._characters
        ]
        self._private_use: list[int] = []

    @property
    def units_per_em(self) -> int:
        return self.shaper.units_per_em

    def glyph_character(self, glyph: int) -> str:
        character = self._characters.get(glyph)
        if character is None:
            character = self._characters[glyph] = self._encode(glyph)
        return character

    def _encode(self, glyph: int) -> str:
        face = self.font.face
        if not self._private_use:
            self._private_use = [
                code for code in chain(*_PRIVATE_USE) if code not in face.charToGlyph
            ][: len(self._unencoded)]
        code = self._private_use[bisect_left(self._unencoded, glyph)]
        face.charToGlyph[code] = glyph
        face.glyphToChar[glyph] = [code]
        face.charWidths[code] = face._pdfScale(face.hmetrics[glyph][0])
        return chr(code)

    def character_width(self, character: str) -> float:
        """Advance the PDF viewer uses for an encoded character, in thousandths of the size."""
        return self.font.face.charWidths.get(ord(character), self.font.face.defaultWidth)

    def covers(self, character: str) -> bool:
        return ord(character) in self.font.face.charToGlyph


@dataclass(frozen=True)
class FontSet:
    regular: FontFace
    bold: FontFace


def default_font_paths() -> tuple[Path, Path]:
    import fontpkg_amiri

    folder = Path(fontpkg_amiri.ROOT) / "files"
    return folder / "Amiri-Regular.ttf", folder / "Amiri-Bold.ttf"


def load_fonts(font_path: Path | None, language: str) -> FontSet:
    """Amiri regular and bold, or the given TrueType file for both (bold drawn emboldened)."""
    if font_path is None:
        regular, bold = default_font_paths()
        return FontSet(_load_face(regular, language), _load_face(bold, language))
    face = _load_face(Path(font_path), language)
    # The same embedded font, drawn with a stroke: two embeddings of one file would clash.
    return FontSet(face, FontFace(face.name, face.font, face.shaper, embolden=True))


@lru_cache(maxsize=16)
def _load_face(path: Path, language: str) -> FontFace:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise QuizgenError(f"cannot read font {path}: {error.strerror or error}") from None
    digest = hashlib.sha256(data).hexdigest()[:12]
    name = f"quizgen-{digest}-{language}"
    try:
        font = TTFont(name, str(path))
    except (TTFError, OSError, ValueError) as error:
        raise QuizgenError(
            f"cannot use font {path}: {error} (give a TrueType .ttf file with Arabic and Latin "
            "letters, or leave out --font to use Amiri)"
        ) from None
    pdfmetrics.registerFont(font)
    return FontFace(name, font, Shaper(data, language), embolden=False)


def missing_characters(face: FontFace, texts) -> list[str]:
    """Letters and digits of `texts` the font cannot draw (they would print as empty boxes)."""
    seen: set[str] = set()
    for text in texts:
        seen.update(text)
    return sorted(char for char in seen if char.isalnum() and not face.covers(char))
