"""What a bank's questions cover: per passage and per sentence, how many questions cite it, which
sentences none uses, and the mix of types and levels. It shows a curator what is left to write."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quizgen.core.model import QUESTION_TYPES, Bank, Passage
from quizgen.core.schema import DIFFICULTY_LEVELS
from quizgen.core.sentences import split_sentences
from quizgen.text.normalize import fold_for_evidence


@dataclass(frozen=True)
class SentenceCoverage:
    number: int  # 1-based within its passage
    text: str
    question_ids: tuple[str, ...]  # questions whose evidence lies (partly) in this sentence


@dataclass(frozen=True)
class PassageCoverage:
    id: str
    question_ids: tuple[str, ...]  # questions citing the passage
    sentences: tuple[SentenceCoverage, ...]


@dataclass(frozen=True)
class BankCoverage:
    bank_id: str
    questions: int
    types: dict[str, int]  # every question type, in the canonical order, zeros included
    levels: dict[int, int]  # every difficulty level, zeros included
    passages: tuple[PassageCoverage, ...]

    @property
    def unused_sentences(self) -> list[tuple[str, SentenceCoverage]]:
        return [
            (passage.id, sentence)
            for passage in self.passages
            for sentence in passage.sentences
            if not sentence.question_ids
        ]


def bank_coverage(bank: Bank) -> BankCoverage:
    sentences_of = {passage.id: _folded_sentences(passage) for passage in bank.passages}
    citing: dict[str, list[str]] = {passage.id: [] for passage in bank.passages}
    using: dict[tuple[str, int], list[str]] = {}
    for question in bank.questions:
        for passage_id in question.passages:
            citing[passage_id].append(question.id)
        used = {
            (span.passage_id, number)
            for span in question.evidence_spans
            for number, (_, start, end) in enumerate(sentences_of[span.passage_id], start=1)
            if start < span.end and span.start < end
        }
        for key in sorted(used):
            using.setdefault(key, []).append(question.id)
    passages = tuple(
        PassageCoverage(
            passage.id,
            tuple(citing[passage.id]),
            tuple(
                SentenceCoverage(number, text, tuple(using.get((passage.id, number), ())))
                for number, (text, _, _) in enumerate(sentences_of[passage.id], start=1)
            ),
        )
        for passage in bank.passages
    )
    types = Counter(question.type for question in bank.questions)
    levels = Counter(question.difficulty for question in bank.questions)
    return BankCoverage(
        bank.id,
        len(bank.questions),
        {question_type: types[question_type] for question_type in QUESTION_TYPES},
        {level: levels[level] for level in DIFFICULTY_LEVELS},
        passages,
    )


def _folded_sentences(passage: Passage) -> list[tuple[str, int, int]]:
    """Each sentence with its start and end in the folded passage, where validation located the
    evidence (Question.evidence_spans)."""
    folded = passage.folded
    found, cursor = [], 0
    for sentence in split_sentences(passage.text):
        piece = fold_for_evidence(sentence)
        start = folded.find(piece, cursor)
        if start < 0:
            start = cursor
        found.append((" ".join(sentence.split()), start, start + len(piece)))
        cursor = start + len(piece)
    return found


def coverage_to_dict(coverage: BankCoverage) -> dict:
    """The JSON form: counts and question ids, every sentence, and the unused ones listed apart."""
    return {
        "id": coverage.bank_id,
        "questions": coverage.questions,
        "types": coverage.types,
        "levels": {str(level): count for level, count in coverage.levels.items()},
        "passages": [
            {
                "id": passage.id,
                "questions": len(passage.question_ids),
                "question_ids": list(passage.question_ids),
                "sentences": [
                    {
                        "number": sentence.number,
                        "text": sentence.text,
                        "questions": len(sentence.question_ids),
                        "question_ids": list(sentence.question_ids),
                    }
                    for sentence in passage.sentences
                ],
            }
            for passage in coverage.passages
        ],
        "unused_sentences": [
            {"passage": passage_id, "number": sentence.number, "text": sentence.text}
            for passage_id, sentence in coverage.unused_sentences
        ],
    }
