"""A simulated class for grading tests: seeded abilities, responses typed in Arabic or Latin.

What each student wrote is kept script-free, as (kind, value), so the same class can be typed
both ways; `credit` restates the documented rules of docs/grading.md in plain Python.
"""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

from bank_builder import BANK

STUDENTS = 30
VERSIONS = 3
ARABIC_LETTERS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح")
LATIN_LETTERS = "ABCDEFGH"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# The matching question is worth 2 points: points must weigh in scores and statistics.
WEIGHTED_BANK = BANK.replace(
    "  - id: m6\n    type: matching\n", "  - id: m6\n    type: matching\n    points: 2\n"
)


# What a student wrote, independent of the script it is typed in: (kind, value).
def _choose_letter(question, right, rng):
    if right:
        return ("letters", list(question["key"]))
    count = len(question["options"])
    return ("letters", [rng.choice([p for p in range(count) if p not in question["key"]])])


def _choose_letters(question, right, rng):
    if right:
        return ("letters", list(question["key"]))
    count = len(question["options"])
    while True:
        chosen = sorted(rng.sample(range(count), rng.randint(1, count)))
        if chosen != sorted(question["key"]):
            return ("letters", chosen)


def _choose_arrangement(kind):
    def choose(question, right, rng):
        key = list(question["key"])
        if right:
            return (kind, key)
        shuffled = key[:]
        rng.shuffle(shuffled)
        return (kind, shuffled)

    return choose


def _choose_truth(question, right, rng):
    return ("truth", question["key"] if right else not question["key"])


def _choose_text(question, right, rng):
    return ("text", rng.choice(question["key"]) if right else "لا أعرف")


def _choose_blanks(question, right, rng):
    return ("blanks", [accepted[0] if right else "كلمة" for accepted in question["key"]])


CHOOSERS = {
    "mcq": _choose_letter,
    "multi": _choose_letters,
    "true_false": _choose_truth,
    "short": _choose_text,
    "cloze": _choose_blanks,
    "matching": _choose_arrangement("letters"),
    "ordering": _choose_arrangement("ranks"),
    "vocab": _choose_text,
}


def _right_minus_wrong(question, chosen) -> float:
    correct, wrong = set(question["key"]), len(question["options"]) - len(question["key"])
    return max(0.0, len(set(chosen) & correct) / len(correct) - len(set(chosen) - correct) / wrong)


def _share_in_place(question, given) -> float:
    key = question["key"]
    return sum(a == b for a, b in zip(given, key, strict=True)) / len(key)


def _exact(question, given) -> float:
    return float(given == question["key"])


def _share_of_blanks(question, blanks) -> float:
    key = question["key"]
    return sum(blank in accepted for blank, accepted in zip(blanks, key, strict=True)) / len(key)


def _accepted(question, text) -> float:
    return float(text in question["key"])


CREDIT_RULES = {
    "mcq": _exact,
    "multi": _right_minus_wrong,
    "true_false": _exact,
    "short": _accepted,
    "cloze": _share_of_blanks,
    "matching": _share_in_place,
    "ordering": _share_in_place,
    "vocab": _accepted,
}


def credit(question, written) -> float:
    """The documented rules, restated: right-minus-wrong, shares of rows, positions, blanks."""
    kind, value = written
    return 0.0 if kind == "empty" else CREDIT_RULES[question["type"]](question, value)


def _cell(written, script: str, rng) -> str:
    kind, value = written
    if kind == "empty":
        return ""
    if kind == "letters":
        if script == "arabic":
            return " ".join(ARABIC_LETTERS[p] for p in value)
        letters = "".join(LATIN_LETTERS[p] for p in value)
        return letters.lower() if rng.random() < 0.5 else letters
    if kind == "truth":
        if script == "arabic":
            return rng.choice(["صح", "ص"]) if value else rng.choice(["خطأ", "خ"])
        return rng.choice(["T", "true"]) if value else rng.choice(["F", "false"])
    if kind == "ranks":
        ranks = " ".join(str(rank) for rank in value)
        return ranks.translate(ARABIC_INDIC) if script == "arabic" else ranks.replace(" ", "")
    if kind == "blanks":
        return "|".join(value)
    return value


def simulate(answer_data: dict):
    """30 students with seeded abilities; each answers right with a logistic chance."""
    rng = random.Random(14)
    versions = {version["version"]: version["questions"] for version in answer_data["versions"]}
    letters = sorted(versions)
    hardness = {question["id"]: rng.uniform(-1.5, 1.5) for question in versions["A"]}
    students = []
    for index in range(STUDENTS):
        ability = rng.gauss(0, 1.2)
        version = letters[index % len(letters)]
        written = {}
        for question in versions[version]:
            chance = 1 / (1 + math.exp(-1.7 * (ability - hardness[question["id"]])))
            draw = rng.random()
            if draw > 0.93:
                written[question["id"]] = ("empty", None)
            else:
                written[question["id"]] = CHOOSERS[question["type"]](question, draw < chance, rng)
        students.append((f"طالب {index + 1}", version, written))
    return versions, students


def write_csv(path: Path, versions, students, script: str) -> None:
    """As spreadsheets save it: Arabic with a BOM and semicolons, Latin plain with commas."""
    rng = random.Random(script)
    count = len(versions["A"])
    encoding = "utf-8-sig" if script == "arabic" else "utf-8"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=";" if script == "arabic" else ",")
        writer.writerow(["student", "version"] + [str(n) for n in range(1, count + 1)])
        for name, version, written in students:
            by_number = {
                q["number"]: _cell(written[q["id"]], script, rng) for q in versions[version]
            }
            writer.writerow([name, version] + [by_number[n] for n in range(1, count + 1)])
