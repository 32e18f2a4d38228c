"""The fonts of a PDF output: a typeface per script, or one TrueType file the user gives.

A right-to-left (Arabic-script) bank is set in Amiri (SIL OFL, Arabic and Latin), with Spectral
(SIL OFL, Latin, Latin Extended, Cyrillic) behind it for what Amiri lacks; any other bank is set
in Spectral, with Amiri behind it for Arabic words. Each run of a line takes the first face of its
style that covers it (see typeset). One `FontFace` serves both the shaper (HarfBuzz reads the
file) and the PDF (ReportLab embeds a subset of the same file), so the glyph ids HarfBuzz returns
are the glyphs that get embedded.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from quizgen.core.errors import SettingError
from quizgen.text.direction import direction_for
from quizgen.text.shaping import Shaper

# Private-use code points for glyphs no character maps to (ligatures, contextual forms).
_PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE))


class GlyphEncoding:
    """A character for every glyph of a TrueType font, so ReportLab can embed what HarfBuzz chose.

    ReportLab subsets and encodes TrueType fonts by character, not by glyph. A glyph that no
    character maps to (a ligature, a contextual form) gets a private-use character of its own,
    chosen by its rank among such glyphs, so the same font always gives the same PDF bytes
    whatever was drawn before. Readers never see these characters: the visible glyphs are marked
    as having no text, and a separate invisible layer carries the real text.
    """

    def __init__(self, font: TTFont):
        self._face = font.face
        self._codes: dict[int, tuple[str, float]] = {}
        self._nominal = {glyph: min(codes) for glyph, codes in self._face.glyphToChar.items()}
        self._unencoded = [
            glyph for glyph in range(self._face.numGlyphs) if glyph not in self._nominal
        ]
        self._private_use: list[int] = []

    def code(self, glyph: int) -> tuple[str, float]:
        """The glyph's character and its advance in the PDF, in thousandths of the font size."""
        code = self._codes.get(glyph)
        if code is None:
            code = self._codes[glyph] = self._assign(glyph)
        return code

    def _assign(self, glyph: int) -> tuple[str, float]:
        face = self._face
        character = self._nominal.get(glyph)
        if character is None:
            if not self._private_use:
                self._private_use = [
                    code for code in chain(*_PRIVATE_USE) if code not in face.charToGlyph
                ][: len(self._unencoded)]
            character = self._private_use[bisect_left(self._unencoded, glyph)]
            face.charToGlyph[character] = glyph
            face.glyphToChar[glyph] = [character]
            face.charWidths[character] = face._pdfScale(face.hmetrics[glyph][0])
        return chr(character), face.charWidths.get(character, face.defaultWidth)


@dataclass(frozen=True, eq=False)
class FontFace:
    """A registered TrueType font with its shaper and glyph encoding."""

    name: str
    font: TTFont
    shaper: Shaper
    encoding: GlyphEncoding
    embolden: bool = False  # no bold file: draw the regular outlines with a thin stroke

    @property
    def units_per_em(self) -> int:
        return self.shaper.units_per_em

    def covers(self, character: str) -> bool:
        return ord(character) in self.font.face.charToGlyph

    @cached_property
    def characters(self) -> frozenset[str]:
        """Every character the font maps, for checking a whole run in one set operation."""
        return frozenset(map(chr, self.font.face.charToGlyph))


@dataclass(frozen=True)
class FontSet:
    """Regular and bold faces, each with the faces that take the runs it does not cover."""

    regular: FontFace
    bold: FontFace
    regular_fallbacks: tuple[FontFace, ...] = ()
    bold_fallbacks: tuple[FontFace, ...] = ()


def default_font_paths() -> tuple[Path, Path]:
    """Amiri regular and bold: the Arabic-script face."""
    import fontpkg_amiri

    folder = Path(fontpkg_amiri.ROOT) / "files"
    return folder / "Amiri-Regular.ttf", folder / "Amiri-Bold.ttf"


def latin_font_paths() -> tuple[Path, Path]:
    """Spectral regular and bold: the Latin-script face."""
    import fontpkg_spectral

    folder = Path(fontpkg_spectral.ROOT) / "files"
    return folder / "Spectral-Regular.ttf", folder / "Spectral-Bold.ttf"


def load_fonts(font_path: Path | None, language: str) -> FontSet:
    """The faces for the bank's script first, the other script's behind them; or the given
    TrueType file alone for both weights (bold drawn emboldened)."""
    if font_path is None:
        arabic, latin = default_font_paths(), latin_font_paths()
        main, other = (arabic, latin) if direction_for(language) == "rtl" else (latin, arabic)
        return FontSet(
            _load_face(main[0], language),
            _load_face(main[1], language),
            (_load_face(other[0], language),),
            (_load_face(other[1], language),),
        )
    face = _load_face(Path(font_path), language)
    # The same embedded font, drawn with a stroke: two embeddings of one file would clash.
    return FontSet(face, FontFace(face.name, face.font, face.shaper, face.encoding, embolden=True))


@lru_cache(maxsize=16)
def _load_face(path: Path, language: str) -> FontFace:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SettingError("font", f"cannot read font {path}: {error.strerror or error}") from None
    digest = hashlib.sha256(data).hexdigest()[:12]
    name = f"quizgen-{digest}-{language}"
    try:
        font = TTFont(name, str(path))
        shaper = Shaper(data, language)
        encoding = GlyphEncoding(font)
    except Exception as error:  # a damaged font fails in many ways inside ReportLab and HarfBuzz
        raise SettingError(
            "font",
            f"cannot use font {path}: {type(error).__name__}: {error} (give a TrueType .ttf file "
            "with the letters of the bank's script)",
        ) from None
    pdfmetrics.registerFont(font)
    return FontFace(name, font, shaper, encoding)


def missing_characters(fonts: FontSet, texts) -> list[str]:
    """Letters and digits of `texts` no regular face can draw (they would print as empty boxes)."""
    faces = (fonts.regular, *fonts.regular_fallbacks)
    seen: set[str] = set()
    for text in texts:
        seen.update(text)
    return sorted(
        char for char in seen if char.isalnum() and not any(face.covers(char) for face in faces)
    )
