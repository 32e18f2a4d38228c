"""Each question's line in its bank file, found only when there are warnings to print.

A loaded bank keeps its questions in file order, all valid, so the n-th question is the n-th item of
`questions:`. Its `id:` line is found by a scan of the text, a few milliseconds for 10,000 items;
when the scan cannot account for every question (flow style, odd quoting), the exact but slower
YAML node index is used instead.
"""

from __future__ import annotations

import re

from quizgen.core.model import Bank
from quizgen.core.yaml_source import YamlProblem, line_for, line_index

_ID_LINE = re.compile(
    r"^[ \t]*-[ \t]+id:[ \t]*(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$", re.M
)
_BANK_LINE = re.compile(r"^bank:", re.M)


def question_lines(bank: Bank) -> tuple[dict[str, int], int]:
    """Line by question id, and the line of the `bank:` header (for whole-bank findings)."""
    text = bank.path.read_text(encoding="utf-8").removeprefix("\ufeff")
    header = _BANK_LINE.search(text)
    bank_line = text.count("\n", 0, header.start()) + 1 if header else 1
    found: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        found.setdefault(next(group for group in match.groups() if group is not None).strip(), line)
    ids = [question.id for question in bank.questions]
    if len(found) == len(ids) and all(question_id in found for question_id in ids):
        return found, bank_line
    try:
        lines = line_index(text)
    except YamlProblem:
        return {}, bank_line
    return {
        question_id: line_for(lines, ("questions", index)) for index, question_id in enumerate(ids)
    }, line_for(lines, ("bank",))
