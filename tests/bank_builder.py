"""A small valid Arabic bank, written into a temporary project, for tests to break one rule at a time."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SEED = REPOSITORY / "tests" / "fixtures" / "arabic" / "seeds" / "kazakhstan-turkey.ar.txt"
SEED_SHA256 = hashlib.sha256(SEED.read_bytes()).hexdigest()

HEADER = f"""bank:
  id: mini
  title: بنك صغير
  language: ar
  article:
    seed: ../seeds/kazakhstan-turkey.ar.txt
    sha256: {SEED_SHA256}
    metadata_blocks: 5
    title: تقارب استراتيجي بين كازاخستان وتركيا
    author: إيمانويل غرينزيان
    date: 8 كانون الثاني 2022
    source: Le Monde
questions:
"""

QUESTIONS = """  - id: m1
    type: mcq
    passages: [p2]
    prompt: متى قررت كازاخستان التوقيع على اتفاق أمني مع روسيا؟
    options:
      - text: 22 كانون الأول 2021
        correct: true
      - text: 7 كانون الأول 2021
      - text: آذار 2021
    evidence:
      - قررت كازاخستان في 22 كانون الأول 2021 التوقيع على اتفاق أمني
    explanation: التاريخ مذكور في الفقرة الثانية.
    tags: [تواريخ]
    difficulty: 1
  - id: m2
    type: multi
    passages: [p2]
    prompt: ما مجالات التعاون مع روسيا؟
    options:
      - text: الأمن الإلكتروني
        correct: true
      - text: الاستخبارات
        correct: true
      - text: الزراعة
    evidence:
      - في مجالات الأمن الإلكتروني والاستخبارات ومكافحة الإرهاب
    explanation: مذكورة في الوثيقة.
    difficulty: 2
  - id: m3
    type: true_false
    passages: [p4]
    prompt: تأسست منظمة الدول التركية في العام 2009.
    answer: true
    evidence: [تأسس هذا الاتحاد الناشئ في العام 2009]
    explanation: التاريخ مذكور.
    difficulty: 1
  - id: m4
    type: short
    passages: [p5]
    prompt: من هو رئيس كازاخستان؟
    answers: [قاسم جومارت توكاييف, توكاييف]
    evidence: [أعلن رئيس كازاخستان، قاسم جومارت توكاييف]
    explanation: ورد اسمه في الفقرة الخامسة.
    difficulty: 1
  - id: m5
    type: cloze
    passages: [p5]
    sentence: كازاخستان هي أكبر دولة في آسيا الوسطى
    deletions: [آسيا الوسطى]
    evidence: [كازاخستان هي أكبر دولة في آسيا الوسطى]
    explanation: مذكور في الفقرة الخامسة.
    difficulty: 1
  - id: m6
    type: matching
    passages: [p6, p7, p8]
    prompt: صِل كل شخص بصفته.
    pairs:
      - left: فلاديمير بوتين
        right: الرئيس الروسي
      - left: سيرغي لافروف
        right: وزير الخارجية الروسي
      - left: قاسم جومارت توكاييف
        right: رئيس كازاخستان
    evidence: [الرئيس الروسي فلاديمير بوتين, وزير الخارجية الروسي، سيرغي لافروف, الرئيس توكاييف]
    explanation: الصفات مذكورة.
    difficulty: 1
  - id: m7
    type: ordering
    passages: [p4, p5]
    prompt: رتّب من الأقدم إلى الأحدث.
    items: [تأسيس منظمة الدول التركية, صراع ناغورنو كاراباخ, قمة آذار 2021]
    evidence: [في العام 2009, في العام 2020, في آذار 2021]
    explanation: 2009 ثم 2020 ثم 2021.
    difficulty: 2
  - id: m8
    type: vocab
    passages: [p3]
    term: مدرعات
    gloss: armoured vehicles
    sentence: اشترت كازاخستان طائرات بلا طيار ومدرعات من تركيا
"""

BANK = HEADER + QUESTIONS


def write_project(root: Path, bank_text: str = BANK, name: str = "mini.yaml") -> Path:
    """A project folder with seeds/ and question_bank/<name>; returns the bank path."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "question_bank").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, root / "seeds" / SEED.name)
    bank_path = root / "question_bank" / name
    bank_path.write_text(bank_text, encoding="utf-8")
    return bank_path


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing fragment: expectations computed, not typed in."""
    found = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    return found[occurrence - 1]
