"""cloze: a sentence of the article with one or more spans to restore, each typed."""

from __future__ import annotations

from quizgen.core.question_types.definition import PathOf, QuestionType, Report
from quizgen.core.schema import Field
from quizgen.text.normalize import fold_for_evidence


def _check(values: dict, path_of: PathOf, report: Report) -> None:
    if "sentence" not in values or "deletions" not in values:
        return
    sentence = fold_for_evidence(values["sentence"])
    spans: list[tuple[int, int]] = []
    where = path_of("deletions")
    for deletion in values["deletions"]:
        folded = fold_for_evidence(deletion)
        if "::" in deletion or "{{" in deletion or "}}" in deletion:
            report(
                where,
                f"deletion '{deletion}' contains '::', '{{{{' or '}}}}'",
                "these characters are reserved by Anki cloze markup; shorten the deletion",
            )
            continue
        start = sentence.find(folded)
        if start < 0:
            report(
                where,
                f"deletion '{deletion}' is not in the cloze sentence",
                "copy the words exactly as they appear in `sentence`",
            )
            continue
        if sentence.find(folded, start + 1) >= 0:
            report(
                where,
                f"deletion '{deletion}' occurs more than once in the sentence",
                "choose a longer span that occurs once",
            )
            continue
        end = start + len(folded)
        if any(start < other_end and other_start < end for other_start, other_end in spans):
            report(where, f"deletion '{deletion}' overlaps another", "make deletions disjoint")
            continue
        spans.append((start, end))


def _in_sentence_order(values: dict) -> dict:
    """Deletions ordered by where they stand, found as the check found them (folded)."""
    sentence = fold_for_evidence(values["sentence"])
    values["deletions"] = tuple(
        sorted(values["deletions"], key=lambda deletion: sentence.find(fold_for_evidence(deletion)))
    )
    return values


DEFINITION = QuestionType(
    name="cloze",
    fields=(Field("sentence", "str"), Field("deletions", "text_list")),
    optional_common=frozenset({"prompt"}),  # outputs show a standard instruction
    check=_check,
    complete=_in_sentence_order,
    key_texts=lambda question: question.deletions,
    sentence_use="blanks",  # its own sentence is its answer, shown only in the feedback
    typed_answers=lambda question: tuple((deletion,) for deletion in question.deletions),
)
