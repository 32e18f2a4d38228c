"""Starting a bank for any article: the normalized seed, and a bank file with its header filled in,
its passages listed and one example of each question type, to uncomment and fill in.

Nothing is asked: which leading blocks are the header is guessed (short lines without sentence
punctuation: a title, a byline, a date) and reported, so that the caller can say how to change it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgen.core.errors import QuizgenError
from quizgen.core.loader import BANK_DIRECTORY, MAX_SEED_BYTES
from quizgen.core.model import Passage
from quizgen.core.question_types import require_every_type
from quizgen.core.seed import normalize_seed, split_blocks, split_seed
from quizgen.core.sentences import split_sentences
from quizgen.text.direction import is_valid_language_tag

SEED_DIRECTORY = "seeds"
# A header block is one short line that does not end a sentence.
_HEADER_WORDS = 14
_HEADER_CHARACTERS = 120
_SENTENCE_ENDINGS = (".", "!", "?", "…", "؟", "؛", ":", ";")
_YEAR = re.compile(r"(?<![0-9])[12][0-9]{3}(?![0-9])")
_BYLINE = re.compile(r"^(?:by|par|von|por|بقلم|كتبه|كتبته)\s+", re.IGNORECASE)
_SOURCE = re.compile(r"^(?:source|sources|المصدر)\s*:\s*", re.IGNORECASE)
_WORD = re.compile(r"\w+")

# The placeholder words of the examples, in the bank's language (English for any other).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "question": "Write the question here?",
        "statement": "Write a statement that is true of the passage.",
        "right": "right answer",
        "also_right": "another right answer",
        "wrong": "wrong answer",
        "other_wrong": "another wrong answer",
        "answer": "the expected answer",
        "explanation": "Why the answer is right, in a sentence.",
        "match": "Match each item with its partner.",
        "order": "Put these in the order of the article.",
        "first": "first event",
        "second": "second event",
        "third": "third event",
        "left_first": "first item",
        "left_second": "second item",
        "left_third": "third item",
        "right_first": "partner of the first",
        "right_second": "partner of the second",
        "right_third": "partner of the third",
        "gloss": "its meaning",
    },
    "ar": {
        "question": "اكتب السؤال هنا؟",
        "statement": "اكتب عبارة صحيحة بحسب الفقرة.",
        "right": "الإجابة الصحيحة",
        "also_right": "إجابة صحيحة أخرى",
        "wrong": "إجابة خاطئة",
        "other_wrong": "إجابة خاطئة أخرى",
        "answer": "الإجابة المتوقعة",
        "explanation": "لماذا الإجابة صحيحة، في جملة واحدة.",
        "match": "صِل كل عنصر بما يقابله.",
        "order": "رتّب هذه بحسب ورودها في المقال.",
        "first": "الحدث الأول",
        "second": "الحدث الثاني",
        "third": "الحدث الثالث",
        "left_first": "العنصر الأول",
        "left_second": "العنصر الثاني",
        "left_third": "العنصر الثالث",
        "right_first": "ما يقابل الأول",
        "right_second": "ما يقابل الثاني",
        "right_third": "ما يقابل الثالث",
        "gloss": "معناها",
    },
}


@dataclass(frozen=True)
class StartedBank:
    """What was written and decided, for the caller to report."""

    bank_id: str
    bank_path: Path
    seed_path: Path
    header_blocks: tuple[str, ...]
    passages: tuple[Passage, ...]
    header_guessed: bool
    paragraphs_were_lines: bool
    seed_written: bool  # False when the article was already the normalized seed


def start_bank(
    article: Path,
    root: Path,
    language: str,
    bank_id: str | None = None,
    title: str | None = None,
    metadata_blocks: int | None = None,
) -> StartedBank:
    """Write seeds/ID.LANG.txt and question_bank/ID.yaml under `root`; never overwrite a file."""
    if not is_valid_language_tag(language):
        raise QuizgenError(
            f"'{language}' is not a BCP 47 language tag (use one such as ar, en, fr)"
        )
    text = _read_article(Path(article))
    paragraphs_were_lines = "\n\n" not in text.strip() and "\n" in text.strip()
    if paragraphs_were_lines:  # one paragraph a line: blank lines make each one a passage
        text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
    blocks = split_blocks(text)
    if not blocks:
        raise QuizgenError(f"{article}: the article is empty")
    guessed = metadata_blocks is None
    header_count = guess_header_blocks(blocks) if guessed else metadata_blocks
    if not 0 <= header_count < len(blocks):
        raise QuizgenError(
            f"{article}: it has {len(blocks)} blocks; the header can be 0 to {len(blocks) - 1}"
        )
    bank_id = bank_id or _id_from(Path(article), language)
    seed_path = root / SEED_DIRECTORY / f"{bank_id}.{language}.txt"
    bank_path = root / BANK_DIRECTORY / f"{bank_id}.yaml"
    # An article already saved as the seed, normalized, is used where it is.
    seed_in_place = seed_path.exists() and seed_path.resolve() == Path(article).resolve()
    if seed_in_place and seed_path.read_bytes() != text.encode("utf-8"):
        raise QuizgenError(
            f"{seed_path} is the article itself, but not as a seed is kept (UTF-8 without a BOM, "
            "LF line endings, a blank line between paragraphs); it is never overwritten: start "
            "from a copy kept elsewhere"
        )
    for path in (bank_path,) if seed_in_place else (seed_path, bank_path):
        if path.exists():
            raise QuizgenError(
                f"{path} already exists and is never overwritten (delete it first, or choose "
                "another bank id)"
            )
    seed = split_seed(text.encode("utf-8"), header_count)
    title = title or (seed.metadata[0] if seed.metadata else bank_id)
    bank_text = bank_template(
        bank_id, title, language, f"../{SEED_DIRECTORY}/{seed_path.name}", seed, header_count
    )
    for folder in (seed_path.parent, bank_path.parent):
        folder.mkdir(parents=True, exist_ok=True)
    if not seed_in_place:
        _write_new(seed_path, text)
    _write_new(bank_path, bank_text)
    return StartedBank(
        bank_id,
        bank_path,
        seed_path,
        seed.metadata,
        seed.passages,
        guessed,
        paragraphs_were_lines,
        seed_written=not seed_in_place,
    )


def guess_header_blocks(blocks: list[str]) -> int:
    """Leading blocks that are one short line without sentence punctuation; a passage remains."""
    count = 0
    for block in blocks[:-1]:
        if "\n" in block or len(block) > _HEADER_CHARACTERS:
            break
        if len(block.split()) > _HEADER_WORDS or block.rstrip("»”’\"')").endswith(
            _SENTENCE_ENDINGS
        ):
            break
        count += 1
    return count


def bank_template(
    bank_id: str, title: str, language: str, seed_name: str, seed, header_count: int
) -> str:
    """The bank file: block style, every text double-quoted (JSON strings are YAML strings)."""
    author, date, source, others = _byline(seed.metadata[1:])
    lines = [
        "# A quizgen bank: the article's header, its passages, and your questions.",
        '# Quote every text ("..."): then commas, colons, numbers such as 007 or 1.50, and words',
        "# such as yes or no stay exactly as written. Full reference: docs/question-bank.md",
        "bank:",
        f"  id: {_quoted(bank_id)}",
        f"  title: {_quoted(title)}",
        f"  language: {_quoted(language)}",
        "  article:",
        f"    seed: {_quoted(seed_name)}",
        f"    sha256: {_quoted(seed.sha256)}",
        f"    metadata_blocks: {header_count}",
        f"    title: {_quoted(title)}",
    ]
    lines.append(f"    author: {_quoted(author)}" if author else '    # author: ""')
    lines.append(f"    date: {_quoted(date)}" if date else '    # date: ""')
    lines.append(f"    source: {_quoted(source)}" if source else '    # source: ""')
    for block in others:
        lines.append(f"    # another header block: {_opening(block, 12)}")
    lines += ["", "# The passages, as questions cite them:"]
    lines += [f"#   {passage.id}  {_opening(passage.text, 10)}" for passage in seed.passages]
    lines += [
        "",
        "questions:",
        "  # One example of each question type. Uncomment one (remove the leading '# '), give it",
        "  # its own id, and replace the texts: the evidence must be words copied from the cited",
        "  # passage. `quizgen check` tells you what is still wrong, with the line.",
    ]
    words = WORDS.get(language.split("-")[0].lower(), WORDS["en"])
    facts = _Facts.of(seed.passages[0])
    for number, question_type in enumerate(EXAMPLES, start=1):
        body = EXAMPLES[question_type](words, facts)
        example = [
            f"- id: {_quoted(f'{bank_id}-{number}')}",
            f"  type: {_quoted(question_type)}",
            "  passages:",
            f"    - {_quoted(facts.passage_id)}",
            *body,
        ]
        lines += ["", *(f"  # {line}" for line in example)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Facts:
    """Words of the first passage that the examples cite, so that they are valid as they stand."""

    passage_id: str
    sentence: str
    term: str

    @classmethod
    def of(cls, passage: Passage) -> _Facts:
        sentences = split_sentences(passage.text)
        sentence = " ".join(sentences[0].split())
        words = _WORD.findall(sentence)
        # a cloze deletion must occur once in its sentence, counted as the validator counts it
        once = [word for word in words if sentence.count(word) == 1]
        term = max(once or [sentence], key=len)
        return cls(passage.id, sentence, term)


def _evidence(facts: _Facts) -> list[str]:
    return ["  evidence:", f"    - {_quoted(facts.sentence)}"]


def _common_end(words: dict[str, str], difficulty: int) -> list[str]:
    return [f"  explanation: {_quoted(words['explanation'])}", f"  difficulty: {difficulty}"]


def _mcq(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  prompt: {_quoted(words['question'])}",
        "  options:",
        f"    - text: {_quoted(words['right'])}",
        "      correct: true",
        f"    - text: {_quoted(words['wrong'])}",
        f"    - text: {_quoted(words['other_wrong'])}",
        *_evidence(facts),
        *_common_end(words, 1),
    ]


def _multi(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  prompt: {_quoted(words['question'])}",
        "  options:",
        f"    - text: {_quoted(words['right'])}",
        "      correct: true",
        f"    - text: {_quoted(words['also_right'])}",
        "      correct: true",
        f"    - text: {_quoted(words['wrong'])}",
        *_evidence(facts),
        *_common_end(words, 2),
    ]


def _true_false(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  prompt: {_quoted(words['statement'])}",
        "  answer: true",
        *_evidence(facts),
        *_common_end(words, 1),
    ]


def _short(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  prompt: {_quoted(words['question'])}",
        "  answers:",
        f"    - {_quoted(words['answer'])}",
        *_evidence(facts),
        *_common_end(words, 1),
    ]


def _cloze(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  sentence: {_quoted(facts.sentence)}",
        "  deletions:",
        f"    - {_quoted(facts.term)}",
        *_evidence(facts),
        *_common_end(words, 1),
    ]


def _matching(words: dict[str, str], facts: _Facts) -> list[str]:
    pairs = []
    for ordinal in ("first", "second", "third"):
        pairs += [
            f"    - left: {_quoted(words['left_' + ordinal])}",
            f"      right: {_quoted(words['right_' + ordinal])}",
        ]
    return [
        f"  prompt: {_quoted(words['match'])}",
        "  pairs:",
        *pairs,
        *_evidence(facts),
        *_common_end(words, 2),
    ]


def _ordering(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  prompt: {_quoted(words['order'])}",
        "  items:",
        *(f"    - {_quoted(words[ordinal])}" for ordinal in ("first", "second", "third")),
        *_evidence(facts),
        *_common_end(words, 2),
    ]


def _vocab(words: dict[str, str], facts: _Facts) -> list[str]:
    return [
        f"  term: {_quoted(facts.term)}",
        f"  gloss: {_quoted(words['gloss'])}",
        f"  sentence: {_quoted(facts.sentence)}",
    ]


# The example of each question type, in the order of quizgen.core.model.QUESTION_TYPES.
EXAMPLES: dict[str, Callable[[dict[str, str], _Facts], list[str]]] = {
    "mcq": _mcq,
    "multi": _multi,
    "true_false": _true_false,
    "short": _short,
    "cloze": _cloze,
    "matching": _matching,
    "ordering": _ordering,
    "vocab": _vocab,
}
require_every_type(EXAMPLES, "the new-bank template")


def _byline(blocks: tuple[str, ...]) -> tuple[str, str, str, list[str]]:
    """An author ("By ..."), a date (a short block with a year) and a source ("Source: ...")
    among the header blocks; the others are listed as comments."""
    author = date = source = ""
    others = []
    for block in blocks:
        if not author and _BYLINE.match(block):
            author = _BYLINE.sub("", block).strip()
        elif not source and _SOURCE.match(block):
            source = _SOURCE.sub("", block).strip()
        elif not date and _YEAR.search(block) and len(block.split()) <= 6:
            date = block
        else:
            others.append(block)
    return author, date, source, others


def _read_article(path: Path) -> str:
    try:
        if path.is_dir():
            raise QuizgenError(f"{path} is a folder; name the article's text file")
        if path.stat().st_size > MAX_SEED_BYTES:
            raise QuizgenError(
                f"{path} is too large for one article (limit {MAX_SEED_BYTES} bytes)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise QuizgenError(f"{path}: no such file") from None
    except OSError as error:
        raise QuizgenError(f"{path}: cannot read it: {error.strerror}") from None
    try:
        return normalize_seed(data)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise QuizgenError(
            f"{path}:{line}: the article is not UTF-8 text; save it as UTF-8 and run again"
        ) from None


def _id_from(article: Path, language: str) -> str:
    """The file name without its extension and language suffix: aral-sea.en.txt -> aral-sea."""
    stem = article.name.split(".")[0]
    slug = re.sub(r"[^\w]+", "-", stem.lower()).strip("-_")
    return slug or f"article-{language}"


def _write_new(path: Path, text: str) -> None:
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _opening(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
