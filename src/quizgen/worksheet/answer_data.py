"""The answer data of a worksheet (`quizgen-answers/1`): what `quizgen grade` needs to mark a class.

It records every version as printed (question numbers, option and item orders, letters) and every
answer a marker accepts, with the prompt, passages and evidence, so grading and the class report
stay exact after the bank is edited. Each question's `key` has its type's shape:

- mcq, multi: printed positions (0-based) of the correct options;
- true_false: true or false;
- short, vocab: the accepted answers; cloze: the accepted answers of each blank;
- matching: per left row, in printed order, the printed position of its right-hand match;
- ordering: per printed item, its rank (1 first).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from quizgen.core.model import Bank
from quizgen.core.question_types import require_every_type
from quizgen.locale import Locale, locale_for
from quizgen.output_files import write_atomically
from quizgen.text.direction import primary_language
from quizgen.worksheet.versions import Version, VersionQuestion

FORMAT = "quizgen-answers/1"
RANK_SEPARATOR = " "


def _letters(locale: Locale, positions) -> str:
    """Letters as a teacher types them: `AC` in Latin, `أ ج` spaced so Arabic letters stay apart."""
    separator = " " if locale.option_letters[0] != "A" else ""
    return separator.join(locale.option_letters[position] for position in positions)


def _choices(locale: Locale, version_question: VersionQuestion) -> dict:
    question = version_question.question
    printed = version_question.options
    correct = [position for position, option in enumerate(printed) if option.correct]
    return {
        "response": _letters(locale, correct),
        "options": [question.options.index(option) for option in printed],
        "key": correct,
        "option_texts": [option.text for option in printed],
    }


def _true_false(locale: Locale, version_question: VersionQuestion) -> dict:
    answer = bool(version_question.question.answer)
    return {"response": locale.true if answer else locale.false, "key": answer}


def _short(locale: Locale, version_question: VersionQuestion) -> dict:
    answers = list(version_question.question.answers)
    return {"response": answers[0], "key": answers}


def _cloze(locale: Locale, version_question: VersionQuestion) -> dict:
    question = version_question.question
    return {
        "response": "|".join(question.deletions),
        "key": [[deletion] for deletion in question.deletions],
        "sentence": question.sentence,
    }


def _matching(locale: Locale, version_question: VersionQuestion) -> dict:
    question = version_question.question
    key = [version_question.matches.index(pair.right) for pair in question.pairs]
    return {
        "response": _letters(locale, key),
        "key": key,
        "lefts": [pair.left for pair in question.pairs],
        "matches": list(version_question.matches),
    }


def _ordering(locale: Locale, version_question: VersionQuestion) -> dict:
    question = version_question.question
    ranks = [question.items.index(item) + 1 for item in version_question.order_items]
    return {
        "response": RANK_SEPARATOR.join(str(rank) for rank in ranks),
        "key": ranks,
        "items": list(version_question.order_items),
    }


def _vocab(locale: Locale, version_question: VersionQuestion) -> dict:
    question = version_question.question
    accepted = [text for text in (question.gloss, question.definition) if text]
    return {
        "response": question.gloss,
        "key": accepted,
        "term": question.term,
        "sentence": question.sentence,
    }


KEY_WRITERS: dict[str, Callable[[Locale, VersionQuestion], dict]] = {
    "mcq": _choices,
    "multi": _choices,
    "true_false": _true_false,
    "short": _short,
    "cloze": _cloze,
    "matching": _matching,
    "ordering": _ordering,
    "vocab": _vocab,
}
require_every_type(KEY_WRITERS, "the answer data")


def _question(version_question: VersionQuestion) -> dict:
    question = version_question.question
    bank = version_question.item.bank
    written = KEY_WRITERS[question.type](locale_for(bank.language), version_question)
    return {
        "number": version_question.number,
        "bank": bank.id,
        "id": question.id,
        "type": question.type,
        "points": question.points,
        "response": written.pop("response"),
        "options": written.pop("options", []),
        "key": written.pop("key"),
        "prompt": question.prompt,
        "passages": list(question.passages),
        "evidence": list(question.evidence),
        **written,
    }


def _bank_details(bank: Bank, passage_ids: set[str]) -> dict:
    return {
        "title": bank.title,
        "language": bank.language,
        "direction": bank.direction,
        "letters": "arabic" if primary_language(bank.language) == "ar" else "latin",
        "article": bank.article.title,
        "passages": {
            passage.id: passage.text for passage in bank.passages if passage.id in passage_ids
        },
    }


def answer_data(versions: Sequence[Version], seed: str | int | None) -> dict:
    """The answer data as plain JSON values."""
    banks: dict[str, Bank] = {}
    cited: dict[str, set[str]] = {}
    for version_question in versions[0].questions:
        bank = version_question.item.bank
        banks.setdefault(bank.id, bank)
        cited.setdefault(bank.id, set()).update(version_question.question.passages)
    return {
        "format": FORMAT,
        "seed": str(seed),
        "banks": {
            bank_id: hashlib.sha256(bank.path.read_bytes()).hexdigest()
            for bank_id, bank in banks.items()
        },
        "bank_details": {
            bank_id: _bank_details(bank, cited[bank_id]) for bank_id, bank in banks.items()
        },
        "versions": [
            {
                "version": version.letter,
                "questions": [_question(question) for question in version.questions],
            }
            for version in versions
        ],
    }


def answer_data_bytes(versions: Sequence[Version], seed: str | int | None) -> bytes:
    data = answer_data(versions, seed)
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_answer_data(
    path: Path, versions: Sequence[Version], seed: str | int | None, banks: Sequence[Bank]
) -> None:
    content = answer_data_bytes(versions, seed)
    write_atomically(path, lambda target: target.write_bytes(content), banks)
