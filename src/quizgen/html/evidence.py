"""Evidence in context: each quote shown inside the sentence(s) of its passage, highlighted."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.core.model import Bank, Evidence
from quizgen.html.escape import escape
from quizgen.text.joining import joiner_between

# A sentence ends with . ! ? ؟ or … (possibly followed by closing quotes or brackets) before a space.
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s)")


@dataclass(frozen=True)
class PassageText:
    """A passage folded the way evidence is validated, with the offsets where sentences begin."""

    passage_id: str
    number: int
    text: str
    sentence_starts: tuple[int, ...]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The start of the sentence holding `start` and the end of the one holding `end`."""
        starts = self.sentence_starts
        first = starts[bisect_right(starts, start) - 1]
        following = bisect_left(starts, end)
        last = starts[following] - 1 if following < len(starts) else len(self.text)
        return first, max(last, end)


def passage_texts(bank: Bank) -> dict[str, PassageText]:
    """Computed once per bank, so placing each quote is a substring search."""
    texts = {}
    for passage in bank.passages:
        text = passage.folded
        starts = (0, *(match.end() + 1 for match in _SENTENCE_END.finditer(text)))
        texts[passage.id] = PassageText(passage.id, passage.number, text, starts)
    return texts


def evidence_blocks(
    evidence: Sequence[Evidence], passages: dict[str, PassageText], passage_word: str
) -> str:
    """One blockquote per passage excerpt, quotes marked; quotes sharing a sentence share a block.

    Validation located every quote (core.model.Evidence), so this only cuts and marks.
    """
    excerpts: dict[str, list[list[int]]] = {}
    for span in evidence:
        passage = passages[span.passage_id]
        first, last = passage.sentence_bounds(span.start, span.end)
        excerpts.setdefault(span.passage_id, []).append([first, last, span.start, span.end])
    blocks = []
    for passage_id, spans in excerpts.items():  # in the order passages were first quoted
        passage = passages[passage_id]
        if len(spans) == 1:
            first, last, start, end = spans[0]
            blocks.append(_block(passage, first, last, [(start, end)], passage_word))
            continue
        for first, last, marks in _merge(spans):
            blocks.append(_block(passage, first, last, marks, passage_word))
    return "".join(blocks)


def _merge(spans: list[list[int]]):
    """Group quotes whose sentences overlap, so a sentence is shown once with all its quotes."""
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    for first, last, start, end in sorted(spans):
        if groups and first <= groups[-1][1]:
            group_first, group_last, marks = groups[-1]
            groups[-1] = (group_first, max(group_last, last), marks)
        else:
            marks = []
            groups.append((first, last, marks))
        marks.append((start, end))
    return groups


def _block(passage: PassageText, first: int, last: int, marks, passage_word: str) -> str:
    text = passage.text
    pieces = []
    position = first
    for start, end in sorted(marks):
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(escape(text[position:start]))
        marked = text[start:end]
        left = joiner_between(text[max(0, start - 4) : start], marked)
        right = joiner_between(marked, text[end : end + 4])
        pieces.append(f"{left}<mark>{left}{escape(marked)}{right}</mark>{right}")
        position = end
    pieces.append(escape(text[position:last]))
    return (
        f'<blockquote class="evidence">{"".join(pieces).strip()}'
        f"<cite>{escape(passage_word)} {passage.number}</cite></blockquote>"
    )
