"""vocab: a term of the article with its gloss, asked in its sentence (both ways in Anki)."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.schema import Field
from quizgen.text.normalize import fold_for_evidence


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    if "sentence" not in values or "term" not in values:
        return
    if fold_for_evidence(values["term"]) not in fold_for_evidence(values["sentence"]):
        report(
            path_of("term"),
            f"term '{values['term']}' does not occur in its sentence",
            "copy the term exactly as the sentence spells it",
        )


def _sentence_as_evidence(values: dict) -> dict:
    """The sentence is the evidence unless the curator quotes more; a term is level 1 by default."""
    values.setdefault("evidence", (values["sentence"],))
    values.setdefault("difficulty", 1)
    return values


DEFINITION = QuestionType(
    name="vocab",
    fields=(
        Field("term", "str"),
        Field("gloss", "str"),
        Field("definition", "str", required=False),
        Field("sentence", "str"),
    ),
    optional_common=frozenset({"prompt", "evidence", "explanation", "difficulty"}),
    check=_check,
    complete=_sentence_as_evidence,
    key_texts=lambda question: (question.gloss,),
    shown_texts=lambda question: (question.term,),
    sentence_use="shows",
    typed_answers=lambda question: ((question.term,),),
)
