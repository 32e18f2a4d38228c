"""A small valid English bank in block style, for tests of Latin-script text and YAML quoting."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

SEED = Path(__file__).resolve().parent / "fixtures" / "english" / "seeds" / "aral-sea.en.txt"
SEED_SHA256 = hashlib.sha256(SEED.read_bytes()).hexdigest()

HEADER = f"""bank:
  id: "aral-sea"
  title: "The Aral Sea"
  language: "en"
  article:
    seed: "../seeds/aral-sea.en.txt"
    sha256: "{SEED_SHA256}"
    metadata_blocks: 3
    title: "The Shrinking Aral Sea"
    author: "A staff writer"
    date: "March 2024"
    source: "Example Weekly"
questions:
"""

QUESTIONS = """  - id: "e1"
    type: "short"
    passages:
      - "p1"
    prompt: "How large was the Aral Sea in 1960, in square kilometres?"
    answers:
      - "68,000"
      - "68 000"
    evidence:
      - "covering about 68,000 square kilometres"
    explanation: "The first paragraph gives its size."
    difficulty: 1
  - id: "e2"
    type: "true_false"
    passages:
      - "p4"
    prompt: "The Kokaral dam raised the level of the northern sea."
    answer: true
    evidence:
      - "which raised the level of the northern sea"
    explanation: "Said in the last paragraph."
    difficulty: 1
  - id: "e3"
    type: "matching"
    passages:
      - "p1"
      - "p2"
    prompt: "Match each river or country with what the article says of it."
    pairs:
      - left: "Amu Darya"
        right: "diverted by Soviet planners"
      - left: "Kazakhstan"
        right: "borders the sea"
      - left: "cotton fields"
        right: "irrigated"
    evidence:
      - "diverted the Amu Darya and the Syr Darya to irrigate cotton fields"
      - "between Kazakhstan and Uzbekistan"
    explanation: "Paragraphs one and two."
    difficulty: 2
  - id: "e4"
    type: "mcq"
    passages:
      - "p3"
    prompt: "What do the dust storms carry?"
    options:
      - text: "salt"
        correct: true
      - text: "sand"
      - text: "fish"
    evidence:
      - "dust storms carry salt across the region"
    explanation: "The third paragraph says so."
    difficulty: 1
"""

BANK = HEADER + QUESTIONS


def write_english_project(root: Path, bank_text: str = BANK, name: str = "aral-sea.yaml") -> Path:
    """A project folder with seeds/ and question_bank/<name>; returns the bank path."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "question_bank").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, root / "seeds" / SEED.name)
    bank_path = root / "question_bank" / name
    bank_path.write_text(bank_text, encoding="utf-8")
    return bank_path
