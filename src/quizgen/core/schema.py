"""Which fields each part of a bank has: the single source for validation, docs and JSON dump.

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
    Field("author", "str"),
    Field("date", "str"),
    Field("source", "str"),
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
    Field("family", "str", required=False),  # items never drawn together (docs/question-bank.md)
    Field("lint", "lint", required=False),  # warnings of `quizgen lint` accepted, with a reason
)

TYPE_FIELDS: dict[str, tuple[Field, ...]] = {
    "mcq": (Field("options", "options"),),
    "multi": (Field("options", "options"),),
    "true_false": (Field("answer", "bool"),),
    "short": (Field("answers", "text_list"),),
    "cloze": (Field("sentence", "str"), Field("deletions", "text_list")),
    "matching": (Field("pairs", "pairs"),),
    "ordering": (Field("items", "text_list"),),
    "vocab": (
        Field("term", "str"),
        Field("gloss", "str"),
        Field("definition", "str", required=False),
        Field("sentence", "str"),
    ),
}

# Common fields a type may leave out, with the reason the output can do without them.
OPTIONAL_FOR_TYPE: dict[str, frozenset[str]] = {
    "cloze": frozenset({"prompt"}),  # outputs show a standard instruction
    "vocab": frozenset(
        {"prompt", "evidence", "explanation", "difficulty"}
    ),  # the sentence is the evidence
}

OPTION_COUNTS = {"mcq": (3, 5), "multi": (3, 8)}
MATCHING_PAIRS = (3, 8)
ORDERING_ITEMS = (3, 10)
DIFFICULTY_LEVELS = (1, 2, 3)
LINT_RULE_ID = r"L\d{3}"  # the form of a rule id in `lint: {ignore: [...]}`


def question_fields(question_type: str) -> tuple[Field, ...]:
    optional = OPTIONAL_FOR_TYPE.get(question_type, frozenset())
    common = tuple(
        Field(field.name, field.kind, False) if field.name in optional else field
        for field in COMMON_FIELDS
    )
    return common + TYPE_FIELDS[question_type]
