"""Splitting a passage into sentences, for Arabic and Latin scripts alike.

A sentence ends at . ! ? … or the Arabic question mark ؟ and semicolon ؛, together with the
closing quotes and brackets that follow (» ” ’ " ' ) ]), when whitespace or the end follows. Numbers
such as 1.5 stay whole because no space follows their point; abbreviations such as "Mr." are cut,
which a coverage count can live with.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…؟؛]+[»”’\"')\]]*(?=\s|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`, without the whitespace between them."""
    spans = []
    start = 0
    for end_mark in _SENTENCE_END.finditer(text):
        _add_span(text, start, end_mark.end(), spans)
        start = end_mark.end()
    _add_span(text, start, len(text), spans)
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        spans.append((offset, offset + len(stripped)))
