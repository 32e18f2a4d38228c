"""Reading the answer data a worksheet wrote (`quizgen-answers/1`), checked before any marking."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from quizgen.core.errors import QuizgenError
from quizgen.core.model import QUESTION_TYPES
from quizgen.locale import ui_language_for

FORMAT = "quizgen-answers/1"
_REQUIRED = ("number", "bank", "id", "type", "points", "response", "options", "key")


@dataclass(frozen=True)
class KeyedQuestion:
    """One question as one version printed it, with its key (shape per type, see answer_data)."""

    number: int
    bank: str
    id: str
    type: str
    points: float
    response: str
    options: tuple[int, ...]
    key: object
    letters: str  # "arabic" or "latin": the script the sheet printed its letters in
    language: str  # the bank's language: typed answers are graded by its rules
    details: dict = field(default_factory=dict, compare=False)

    @property
    def item(self) -> tuple[str, str]:
        """The bank question it is, whatever its number in this version."""
        return (self.bank, self.id)


@dataclass(frozen=True)
class AnswerData:
    seed: str
    banks: dict[str, str]
    bank_details: dict[str, dict]
    versions: dict[str, tuple[KeyedQuestion, ...]]

    @property
    def interface_language(self) -> str:
        """The language tables are shown in: the banks' own when they share one quizgen has a
        table for, English otherwise."""
        return ui_language_for(
            [details.get("language", "") for details in self.bank_details.values()]
        )


def _problem(path: Path, where: str, message: str) -> QuizgenError:
    return QuizgenError(
        f"{path}: {where}: {message} (build the worksheet again to write its answer data anew)"
    )


def _read_versions(path: Path, raw_versions: list, details: dict) -> dict:
    versions: dict[str, tuple[KeyedQuestion, ...]] = {}
    for version in raw_versions:
        letter = str(version.get("version", "")).strip().upper()
        questions = []
        for position, question in enumerate(version.get("questions") or [], start=1):
            missing = [name for name in _REQUIRED if name not in question]
            if missing or question["type"] not in QUESTION_TYPES:
                problem = f"missing {', '.join(missing)}" if missing else "unknown type"
                raise _problem(path, f"version {letter} question {position}", problem)
            bank_details = details.get(question["bank"], {})
            letters = bank_details.get("letters", "latin")
            questions.append(
                KeyedQuestion(
                    number=int(question["number"]),
                    bank=question["bank"],
                    id=question["id"],
                    type=question["type"],
                    points=float(question["points"]),
                    response=question["response"],
                    options=tuple(question["options"]),
                    key=question["key"],
                    letters=letters,
                    language=str(bank_details.get("language", "und")),
                    details={
                        name: value for name, value in question.items() if name not in _REQUIRED
                    },
                )
            )
        if not questions:
            raise _problem(path, f"version {letter}", "no questions")
        if not letter or letter in versions:
            raise _problem(path, "versions", f"version '{letter}' is missing or repeated")
        versions[letter] = tuple(questions)
    return versions


def read_answer_data(path: Path) -> AnswerData:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise QuizgenError(f"cannot read {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise QuizgenError(f"{path}: not answer data: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _problem(path, "format", f'expected "format": "{FORMAT}"')
    if not isinstance(data.get("versions"), list) or not data["versions"]:
        raise _problem(path, "versions", "no versions")
    details = data.get("bank_details")
    details = details if isinstance(details, dict) else {}
    try:
        versions = _read_versions(path, data["versions"], details)
    except (AttributeError, TypeError, ValueError, KeyError) as error:
        raise _problem(path, "versions", f"not as quizgen writes them ({error!r})") from None
    items = [sorted(question.item for question in questions) for questions in versions.values()]
    if any(version_items != items[0] for version_items in items):
        raise _problem(path, "versions", "the versions do not hold the same questions")
    return AnswerData(str(data.get("seed", "")), dict(data.get("banks") or {}), details, versions)
