"""The JSON interchange shape of a validated bank (documented in docs/question-bank.md)."""

from __future__ import annotations

from quizgen.core.model import Bank, Question
from quizgen.core.question_types import DEFINITIONS


def bank_to_dict(bank: Bank) -> dict:
    article = bank.article
    families = bank.families
    return {
        "id": bank.id,
        "title": bank.title,
        "language": bank.language,
        "direction": bank.direction,
        "article": {
            "seed": article.seed.name,
            "sha256": article.sha256,
            "title": article.title,
            # optional fields the bank leaves out are left out here too
            **{
                name: value
                for name, value in (
                    ("author", article.author),
                    ("date", article.date),
                    ("source", article.source),
                )
                if value
            },
        },
        "passages": [{"id": passage.id, "text": passage.text} for passage in bank.passages],
        "questions": [
            question_to_dict(question, families.get(question.id)) for question in bank.questions
        ],
    }


def question_to_dict(question: Question, family: str | None = None) -> dict:
    result = {
        "id": question.id,
        "type": question.type,
        "passages": list(question.passages),
        "prompt": question.prompt,
        "evidence": list(question.evidence),
        "explanation": question.explanation,
        "tags": list(question.tags),
        "difficulty": question.difficulty,
        "points": question.points,
        "family": family,
    }
    for field in DEFINITIONS[question.type].fields:
        value = getattr(question, field.name)
        if field.kind == "options":
            value = [{"text": option.text, "correct": option.correct} for option in value]
        elif field.kind == "pairs":
            value = [{"left": pair.left, "right": pair.right} for pair in value]
        elif isinstance(value, tuple):
            value = list(value)
        result[field.name] = value
    return result
