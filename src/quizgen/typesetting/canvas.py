"""A ReportLab canvas set up for quizgen's PDFs: reproducible, compressed, fonts embedded."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas


@contextmanager
def binary_streams() -> Iterator[None]:
    """Compressed streams without ReportLab's default ASCII85 wrapping.

    Without its optional C accelerator ReportLab encodes ASCII85 in pure Python, which took most
    of the build time, and the encoding makes the file a quarter bigger for nothing.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def new_canvas(
    page_size: tuple[float, float],
    language: str,
    font_name: str,
    title: str,
    author: str,
    subject: str,
) -> tuple[Canvas, io.BytesIO]:
    """A canvas drawing into memory; the same content gives the same bytes (invariant mode)."""
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=page_size,
        invariant=1,
        pageCompression=1,
        lang=language,
        pdfVersion=(1, 5),  # marked content with ActualText
        # Otherwise ReportLab lists Helvetica, never embedded, among every page's fonts.
        initialFontName=font_name,
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("quizgen")
    return canvas, buffer
