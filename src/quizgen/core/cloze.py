"""Cutting a sentence around its spans (cloze deletions, a vocab term): one rule for every output."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.text.normalize import fold_for_evidence


def sentence_parts(sentence: str, spans: Sequence[str]) -> list[tuple[str, int]]:
    """The folded sentence as (text, 0) pieces and (span, n) for the n-th span, 1-based, in order.

    Spans are found left to right, each after the previous one, as the validator guarantees. A span
    that is not there is left out, and the Anki build's card count reports the item by its id.
    """
    text = fold_for_evidence(sentence)
    parts: list[tuple[str, int]] = []
    position = 0
    for number, span in enumerate(spans, start=1):
        folded = fold_for_evidence(span)
        start = text.find(folded, position)
        if start < 0:
            continue
        parts.append((text[position:start], 0))
        parts.append((folded, number))
        position = start + len(folded)
    parts.append((text[position:], 0))
    return parts
