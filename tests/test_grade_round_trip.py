"""The whole marking loop as a teacher runs it: worksheet with 3 versions and answer data, a class of
30 with known seeded abilities typed in once with Arabic letters and once with Latin, `quizgen grade`.

Every expected figure is computed here from what each simulated student wrote, with plain-Python
formulas (the credit rules of docs/grading.md, Pearson's r, the 27% groups, Cronbach's alpha), never
by calling the code under test.
"""

from __future__ import annotations

import json
import math

import pytest
from bank_builder import write_project
from class_simulation import (
    ARABIC_LETTERS,
    STUDENTS,
    VERSIONS,
    WEIGHTED_BANK,
    credit,
    simulate,
    write_csv,
)
from run_quizgen import quizgen


def pearson(first, second):
    mean_first, mean_second = sum(first) / len(first), sum(second) / len(second)
    covariance = sum(
        (a - mean_first) * (b - mean_second) for a, b in zip(first, second, strict=True)
    )
    spread = math.sqrt(
        sum((a - mean_first) ** 2 for a in first) * sum((b - mean_second) ** 2 for b in second)
    )
    return covariance / spread


def population_variance(values):
    mean = sum(values) / len(values)
    return sum((value - mean) ** 2 for value in values) / len(values)


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    bank = write_project(root, WEIGHTED_BANK)
    built = quizgen(
        "worksheet",
        str(bank),
        "-o",
        "sheet.pdf",
        "--versions",
        str(VERSIONS),
        "--seed",
        "7",
        "--answers-out",
        "answers.json",
        cwd=root,
    )
    assert built.returncode == 0, built.stderr
    answer_data = json.loads((root / "answers.json").read_text(encoding="utf-8"))
    versions, students = simulate(answer_data)
    results = {}
    for script in ("arabic", "latin"):
        responses = root / f"responses-{script}.csv"
        write_csv(responses, versions, students, script)
        graded = quizgen(
            "grade",
            responses.name,
            "--answers",
            "answers.json",
            "--format",
            "json",
            "-o",
            f"results-{script}.csv",
            cwd=root,
        )
        assert graded.returncode == 0, graded.stderr
        assert "warning" not in graded.stderr, graded.stderr
        results[script] = json.loads(graded.stdout)
    return root, answer_data, versions, students, results


def test_the_answer_data_has_the_issue_keys(graded_class):
    _, answer_data, versions, _, _ = graded_class
    assert answer_data["format"] == "quizgen-answers/1"
    assert answer_data["seed"] == "7"
    assert list(answer_data["banks"]) == ["mini"] and len(answer_data["banks"]["mini"]) == 64
    assert sorted(versions) == ["A", "B", "C"]
    for questions in versions.values():
        for question in questions:
            assert {"number", "bank", "id", "type", "points", "response", "options"} <= set(
                question
            )
    mcq = next(q for q in versions["B"] if q["type"] == "mcq")
    assert mcq["response"] == ARABIC_LETTERS[mcq["options"].index(0)]  # the bank lists it first


@pytest.mark.parametrize("script", ["arabic", "latin"])
def test_every_student_score(graded_class, script):
    _, _, versions, students, results = graded_class
    points = {q["id"]: q["points"] for q in versions["A"]}
    maximum = sum(points.values())
    reported = results[script]["students"]
    assert [(s["student"], s["version"]) for s in reported] == [(n, v) for n, v, _ in students]
    for entry, (_, version, written) in zip(reported, students, strict=True):
        by_id = {q["id"]: q for q in versions[version]}
        expected = sum(credit(by_id[i], written[i]) * points[i] for i in points)
        assert entry["score"] == pytest.approx(expected, abs=1e-6)
        assert entry["max"] == maximum
        assert entry["percent"] == pytest.approx(100 * expected / maximum, abs=1e-6)


@pytest.mark.parametrize("script", ["arabic", "latin"])
def test_every_item_statistic(graded_class, script):
    _, _, versions, students, results = graded_class
    items = [q["id"] for q in versions["A"]]
    points = {q["id"]: q["points"] for q in versions["A"]}
    earned = []
    for _, version, written in students:
        by_id = {q["id"]: q for q in versions[version]}
        earned.append([credit(by_id[i], written[i]) * points[i] for i in items])
    totals = [sum(row) for row in earned]
    ranked = sorted(range(STUDENTS), key=lambda s: -totals[s])
    group = round(0.27 * STUDENTS)
    upper, lower = ranked[:group], ranked[-group:]
    reported = {item["id"]: item for item in results[script]["items"]}
    assert list(reported) == items
    for column, item_id in enumerate(items):
        shares = [row[column] / points[item_id] for row in earned]
        item_points = [row[column] for row in earned]
        rest = [total - own for total, own in zip(totals, item_points, strict=True)]
        entry = reported[item_id]
        assert entry["difficulty"] == pytest.approx(sum(shares) / STUDENTS, abs=1e-6)
        assert entry["discrimination"] == pytest.approx(pearson(item_points, rest), abs=1e-6)
        expected_upper_lower = (
            sum(shares[s] for s in upper) / group - sum(shares[s] for s in lower) / group
        )
        assert entry["upper_lower"] == pytest.approx(expected_upper_lower, abs=1e-6)
        assert entry["answered"] == sum(
            written[item_id][0] != "empty" for _, _, written in students
        )
        difficulty = sum(shares) / STUDENTS
        assert ("too_easy" in entry["flags"]) == (difficulty > 0.9)
        assert ("too_hard" in entry["flags"]) == (difficulty < 0.2)

    variances = sum(population_variance([row[c] for row in earned]) for c in range(len(items)))
    alpha = len(items) / (len(items) - 1) * (1 - variances / population_variance(totals))
    assert results[script]["reliability"] == pytest.approx(alpha, abs=1e-6)
    assert results[script]["reliability_method"] == "Cronbach's alpha"
    distribution = results[script]["distribution"]
    assert distribution["mean"] == pytest.approx(sum(totals) / STUDENTS, abs=1e-6)
    assert (distribution["min"], distribution["max"]) == pytest.approx((min(totals), max(totals)))
    assert sum(distribution["histogram"]) == STUDENTS


@pytest.mark.parametrize("script", ["arabic", "latin"])
def test_choices_are_counted_per_bank_option_across_versions(graded_class, script):
    _, _, versions, students, results = graded_class
    for item in results[script]["items"]:
        if item["type"] not in ("mcq", "multi"):
            continue
        expected: dict[str, int] = {}
        for _, version, written in students:
            question = next(q for q in versions[version] if q["id"] == item["id"])
            kind, positions = written[item["id"]]
            for position in positions if kind == "letters" else ():
                option = str(question["options"][position])
                expected[option] = expected.get(option, 0) + 1
        assert {c["option"]: c["count"] for c in item["choices"] if c["count"]} == expected
        # In the fixture bank, m1 has its correct option first and m2 its two correct options first.
        assert [c["correct"] for c in item["choices"]] == {
            "m1": [True, False, False],
            "m2": [True, True, False],
        }[item["id"]]


def test_both_scripts_give_the_same_results_and_csv(graded_class):
    root, _, _, students, results = graded_class
    assert results["arabic"] == results["latin"]
    arabic = (root / "results-arabic.csv").read_text(encoding="utf-8-sig").splitlines()
    assert arabic == (root / "results-latin.csv").read_text(encoding="utf-8-sig").splitlines()
    assert arabic[0].split(",")[:5] == ["student", "version", "score", "max", "percent"]
    assert len(arabic) == STUDENTS + 1


def test_the_printed_keys_score_full_marks_in_every_version(graded_class):
    root, _, versions, _, _ = graded_class
    rows = ["student,version," + ",".join(str(n) for n in range(1, len(versions["A"]) + 1))]
    for letter, questions in sorted(versions.items()):
        by_number = {question["number"]: question["response"] for question in questions}
        cells = [by_number[number] for number in sorted(by_number)]
        rows.append(",".join([f"key {letter}", letter, *cells]))
    (root / "keys.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    graded = quizgen("grade", "keys.csv", "--answers", "answers.json", "--format", "json", cwd=root)
    assert graded.returncode == 0 and graded.stderr == "", graded.stderr
    assert [student["percent"] for student in json.loads(graded.stdout)["students"]] == [100.0] * 3


def test_the_table_speaks_the_banks_language(graded_class):
    root, _, _, students, results = graded_class
    arabic = quizgen(
        "grade", "responses-arabic.csv", "--answers", "answers.json", "--rtl", "terminal", cwd=root
    )
    lines = [line.replace("\u200f", "").split() for line in arabic.stdout.splitlines()]
    assert lines[0][:2] == ["الطالب", "النموذج"]
    scores = {" ".join(line[:2]): line[3] for line in lines[1 : len(students) + 1]}
    assert scores == {
        entry["student"]: f"{entry['score']:.2f}".rstrip("0").rstrip(".")
        for entry in results["arabic"]["students"]
    }
    english = quizgen(
        "grade", "responses-latin.csv", "--answers", "answers.json", "--ui-lang", "en", cwd=root
    )
    assert english.stdout.startswith("Student")
    assert "Reliability" in english.stdout and "Cronbach's alpha" in english.stdout
