"""Synthetic banks of any size over the bundled Arabic article, for benchmarks and scale tests.

Every item is valid: evidence and cloze sentences are real spans of the passages, and lengths follow
the curated bank (prompts of 6-16 words, options of 1-5 words). The same size and seed give the
same file.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SEED = REPOSITORY / "seeds" / "kazakhstan-turkey.ar.txt"
METADATA_BLOCKS = 5
TYPES = (
    "mcq",
    "mcq",
    "mcq",
    "true_false",
    "short",
    "cloze",
    "multi",
    "matching",
    "ordering",
    "vocab",
    "vocab",
)


def _blocks() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def _passages() -> list[str]:
    return _blocks()[METADATA_BLOCKS:]


def _header(bank_id: str, title: str, language: str, seed_name: str, seed_bytes: bytes) -> str:
    """The bank and article sections, the article's record being the bundled one's."""
    return f"""bank:
  id: {bank_id}
  title: "{title}"
  language: {language}
  article:
    seed: ../seeds/{seed_name}
    sha256: {hashlib.sha256(seed_bytes).hexdigest()}
    metadata_blocks: {METADATA_BLOCKS}
    title: تقارب استراتيجي بين كازاخستان وتركيا
    author: إيمانويل غرينزيان
    date: 8 كانون الثاني 2022
    source: Le Monde
questions:
"""


def _sentences(passage: str) -> list[str]:
    return [
        sentence.strip()
        for sentence in re.split(r"(?<=[.:])\s+", passage)
        if len(sentence.split()) >= 6
    ]


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _words(rng: random.Random, vocabulary: list[str], low: int, high: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(low, high)))


def _distinct(
    rng: random.Random, vocabulary: list[str], count: int, low: int, high: int
) -> list[str]:
    texts: list[str] = []
    while len(texts) < count:
        text = f"{_words(rng, vocabulary, low, high)} {len(texts) + 1}"
        if text not in texts:
            texts.append(text)
    return texts


def question_yaml(index: int, rng: random.Random, passages: list[str]) -> str:
    number = rng.randrange(len(passages))
    passage = passages[number]
    sentences = _sentences(passage)
    sentence = rng.choice(sentences)
    words = sentence.split()
    vocabulary = passage.replace("،", " ").replace(".", " ").split()
    start = rng.randrange(0, max(1, len(words) - 6))
    evidence = " ".join(words[start : start + rng.randint(4, 10)])
    question_type = TYPES[index % len(TYPES)]
    lines = [
        f"  - id: s{index:06d}",
        f"    type: {question_type}",
        f"    passages: [p{number + 1}]",
    ]
    if question_type == "vocab":
        term_words = [word for word in words if len(word) > 3] or words
        lines += [
            f"    term: {_quote(rng.choice(term_words))}",
            f"    gloss: {_quote('synthetic gloss ' + str(index))}",
            f"    definition: {_quote(_words(rng, vocabulary, 5, 12))}",
            f"    sentence: {_quote(sentence)}",
            "    tags: [synthetic, vocab]",
        ]
        return "\n".join(lines)
    if question_type != "cloze":
        lines.append(f"    prompt: {_quote(_words(rng, vocabulary, 6, 16) + '؟')}")
    if question_type == "mcq":
        options = _distinct(rng, vocabulary, rng.randint(3, 5), 1, 5)
        lines.append("    options:")
        lines += [
            f"      - text: {_quote(text)}" + ("\n        correct: true" if i == 0 else "")
            for i, text in enumerate(options)
        ]
    elif question_type == "multi":
        options = _distinct(rng, vocabulary, 5, 1, 4)
        lines.append("    options:")
        lines += [
            f"      - text: {_quote(text)}" + ("\n        correct: true" if i < 2 else "")
            for i, text in enumerate(options)
        ]
    elif question_type == "true_false":
        lines.append(f"    answer: {'true' if index % 2 else 'false'}")
    elif question_type == "short":
        answer = " ".join(words[start : start + 2])
        lines.append(f"    answers: [{_quote(answer)}, {_quote(words[start])}]")
    elif question_type == "cloze":
        deletion = " ".join(words[start : start + 2])
        if sentence.count(deletion) != 1:
            deletion = sentence
        lines += [f"    sentence: {_quote(sentence)}", f"    deletions: [{_quote(deletion)}]"]
    elif question_type == "matching":
        lefts = _distinct(rng, vocabulary, 4, 1, 3)
        rights = _distinct(rng, vocabulary, 4, 2, 5)
        lines.append("    pairs:")
        lines += [
            f"      - left: {_quote(left)}\n        right: {_quote(right)}"
            for left, right in zip(lefts, rights, strict=True)
        ]
    elif question_type == "ordering":
        items = _distinct(rng, vocabulary, 4, 2, 6)
        lines.append("    items: [" + ", ".join(_quote(item) for item in items) + "]")
    lines += [
        f"    evidence: [{_quote(evidence)}]",
        f"    explanation: {_quote(_words(rng, vocabulary, 10, 25) + '.')}",
        f"    tags: [synthetic, {question_type}]",
        f"    difficulty: {rng.randint(1, 3)}",
    ]
    return "\n".join(lines)


def bank_yaml(size: int, seed: int = 1, language: str = "ar") -> str:
    rng = random.Random(seed)
    passages = _passages()
    header = _header(
        f"synthetic-{size}", f"بنك اصطناعي ({size} سؤال)", language, SEED.name, SEED.read_bytes()
    )
    return (
        header
        + "\n".join(question_yaml(index, rng, passages) for index in range(1, size + 1))
        + "\n"
    )


def write_synthetic_project(root: Path, size: int, seed: int = 1) -> Path:
    """A project folder (seeds/ + question_bank/) holding one synthetic bank; returns the bank path."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "question_bank").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, root / "seeds" / SEED.name)
    path = root / "question_bank" / f"synthetic-{size}.yaml"
    path.write_text(bank_yaml(size, seed), encoding="utf-8")
    return path


def write_long_article_project(root: Path, repeats: int) -> Path:
    """An article made of the bundled body `repeats` times, with one question citing every passage.

    Each repeat rotates the words of every passage, so no line repeats an earlier one and caches do
    not flatter the figure. `quizgen worksheet --with-passages` then prints the whole long article.
    """
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "question_bank").mkdir(parents=True, exist_ok=True)
    blocks = _blocks()
    metadata, body = blocks[:METADATA_BLOCKS], blocks[METADATA_BLOCKS:]
    rotated = [_rotate(passage, 7 * repeat) for repeat in range(repeats) for passage in body]
    seed_text = "\n\n".join(metadata + rotated)
    seed_path = root / "seeds" / "long-article.ar.txt"
    seed_path.write_text(seed_text, encoding="utf-8")
    passage_ids = ", ".join(f"p{number}" for number in range(1, len(rotated) + 1))
    bank = (
        _header("long-article", "مقال طويل", "ar", seed_path.name, seed_text.encode())
        + f"""  - id: long1
    type: true_false
    passages: [{passage_ids}]
    prompt: كازاخستان عضو مؤسس في منظمة معاهدة الأمن الجماعي.
    answer: true
    evidence: [بما أن كازاخستان عضو مؤسس في منظمة معاهدة الأمن الجماعي]
    explanation: مذكور في المقال.
    difficulty: 1
"""
    )
    path = root / "question_bank" / "long-article.yaml"
    path.write_text(bank, encoding="utf-8")
    return path


def _rotate(text: str, by: int) -> str:
    words = text.split()
    by %= len(words)
    return " ".join(words[by:] + words[:by])
