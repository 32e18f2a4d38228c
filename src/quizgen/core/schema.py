"""Which fields each part of a bank has: the single source for validation, docs and JSON dump.

Each question type adds its own fields in its definition (quizgen.core.question_types).

A field kind is one of: str, text_list (non-empty strings), int, bool, options, pairs, lint.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool = True


BANK_FIELDS = (
    Field("id", "str"),
    Field("title", "str"),
    Field("language", "str"),
    Field("article", "article"),
)

ARTICLE_FIELDS = (
    Field("seed", "str"),
    Field("sha256", "str", required=False),  # missing: reported with the hash to paste
    Field("metadata_blocks", "int", required=False),
    Field("title", "str"),
    Field("author", "str", required=False),  # many articles have no author or date
    Field("date", "str", required=False),
    Field("source", "str", required=False),
)

COMMON_FIELDS = (
    Field("id", "str"),
    Field("type", "str"),
    Field("passages", "text_list"),
    Field("prompt", "str"),
    Field("evidence", "text_list"),
    Field("explanation", "str"),
    Field("tags", "text_list", required=False),
    Field("difficulty", "int"),
    Field("points", "int", required=False),  # what the item is worth when a class is graded
    Field("family", "str", required=False),  # items never drawn together (docs/question-bank.md)
    Field("lint", "lint", required=False),  # warnings of `quizgen lint` accepted, with a reason
)

DIFFICULTY_LEVELS = (1, 2, 3)
LINT_RULE_ID = r"L\d{3}"  # the form of a rule id in `lint: {ignore: [...]}`
