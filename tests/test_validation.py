"""Every validator rule, each with a broken bank, asserting the message and the line it points at."""

from __future__ import annotations

import pytest
from bank_builder import BANK, QUESTIONS, REPOSITORY, SEED, line_of, write_project

from quizgen.core import BankInvalid, load_bank


def problems_of(tmp_path, text):
    with pytest.raises(BankInvalid) as raised:
        load_bank(write_project(tmp_path, text))
    return [p for p in raised.value.problems if p.severity == "error"]


def only_problem(tmp_path, text):
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_the_base_bank_is_valid(tmp_path):
    bank = load_bank(write_project(tmp_path))
    assert [q.id for q in bank.questions] == ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"]
    assert bank.direction == "rtl"
    assert bank.question("m8").evidence == (bank.question("m8").sentence,)


def test_passages_are_the_seed_body_paragraphs(tmp_path):
    bank = load_bank(write_project(tmp_path))
    blocks = [
        block.strip() for block in SEED.read_text(encoding="utf-8").split("\n\n") if block.strip()
    ]
    assert len(blocks) == 14
    assert [p.id for p in bank.passages] == [f"p{n}" for n in range(1, 10)]
    assert [p.text for p in bank.passages] == blocks[5:]
    assert "إيمانويل غرينزيان" not in " ".join(p.text for p in bank.passages)


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    text = BANK.replace("    passages: [p4]", "    passages: [p4", 1)
    problem = only_problem(tmp_path, text)
    assert "YAML syntax error at column" in problem.message
    assert problem.line >= line_of(text, "passages: [p4")


def test_unknown_field(tmp_path):
    text = BANK.replace("    difficulty: 2\n", "    difficulty: 2\n    colour: red\n", 1)
    problem = only_problem(tmp_path, text)
    assert problem.message == "unknown field 'colour'"
    assert (problem.line, problem.question_id) == (line_of(text, "colour: red"), "m2")
    assert "expected one of" in problem.fix


def test_missing_field(tmp_path):
    text = BANK.replace("    explanation: التاريخ مذكور.\n", "", 1)
    problem = only_problem(tmp_path, text)
    assert problem.message == "missing field 'explanation'"
    assert problem.question_id == "m3"
    assert problem.line == line_of(text, "- id: m3")


def test_wrong_value_types(tmp_path):
    text = BANK.replace("    difficulty: 2\n", "    difficulty: hard\n", 1).replace(
        "answer: true", "answer: yes"
    )
    problems = problems_of(tmp_path, text)
    messages = {p.question_id: (p.message, p.line) for p in problems}
    assert messages["m2"] == (
        "'difficulty' must be a whole number, not the text 'hard'",
        line_of(text, "difficulty: hard"),
    )
    assert messages["m3"] == (
        "'answer' must be true or false, not the text 'yes'",
        line_of(text, "answer: yes"),
    )


def test_difficulty_out_of_range(tmp_path):
    text = BANK.replace("    difficulty: 2\n", "    difficulty: 5\n", 1)
    problem = only_problem(tmp_path, text)
    assert problem.message == "difficulty 5 is out of range"


def test_duplicate_ids(tmp_path):
    text = BANK.replace("  - id: m2\n", "  - id: m1\n")
    problem = only_problem(tmp_path, text)
    assert problem.question_id == "m1"
    assert "duplicate id" in problem.message
    assert problem.line == line_of(text, "- id: m1", occurrence=2)


def test_duplicate_yaml_keys(tmp_path):
    text = BANK.replace("    answer: true\n", "    answer: true\n    answer: false\n")
    problem = only_problem(tmp_path, text)
    assert "duplicate key 'answer'" in problem.message
    assert problem.line == line_of(text, "answer: false")


def test_unknown_passage_id(tmp_path):
    text = BANK.replace("passages: [p4]", "passages: [p14]")
    problem = only_problem(tmp_path, text)
    assert (problem.message, problem.question_id) == ("unknown passage id 'p14'", "m3")
    assert problem.fix == "use one of p1..p9"


def test_evidence_must_be_verbatim(tmp_path):
    text = BANK.replace(
        "evidence: [تأسس هذا الاتحاد الناشئ في العام 2009]",
        "evidence: [تأسس الاتحاد في العام 2009]",
    )
    problem = only_problem(tmp_path, text)
    assert problem.message.startswith("evidence not found verbatim in p4")
    assert problem.line == line_of(text, "تأسس الاتحاد في العام 2009")


def test_evidence_from_another_passage_is_rejected(tmp_path):
    text = BANK.replace(
        "evidence: [تأسس هذا الاتحاد الناشئ في العام 2009]", "evidence: [أعلن رئيس كازاخستان]"
    )
    assert "evidence not found verbatim in p4" in only_problem(tmp_path, text).message


def test_evidence_matches_after_nfc_and_whitespace_folding_only(tmp_path):
    decomposed_ankara = "ا\u0654نقرة"  # alef + combining hamza: NFC makes it أنقرة
    spaced = (
        f"تفضّل  كازاخستان،\n        الجمهورية السوفياتية السابقة، التقرب من {decomposed_ankara}"
    )
    question = f"""  - id: m9
    type: true_false
    passages: [p1]
    prompt: تفضّل كازاخستان التقرب من أنقرة.
    answer: true
    evidence:
      - "{spaced}"
    explanation: مذكور.
    difficulty: 1
"""
    bank = load_bank(write_project(tmp_path, BANK + question))
    assert "\u0654" in bank.question("m9").evidence[0]
    without_shadda = question.replace("تفضّل  كازاخستان", "تفضل كازاخستان")
    with pytest.raises(BankInvalid) as raised:
        load_bank(write_project(tmp_path / "other", BANK + without_shadda))
    assert "evidence not found verbatim in p1" in raised.value.problems[0].message


def test_cloze_deletion_must_be_in_its_sentence(tmp_path):
    text = BANK.replace("deletions: [آسيا الوسطى]", "deletions: [آسيا الشرقية]")
    problem = only_problem(tmp_path, text)
    assert problem.message == "deletion 'آسيا الشرقية' is not in the cloze sentence"
    assert problem.line == line_of(text, "deletions: [آسيا الشرقية]")


def test_cloze_sentence_must_be_in_the_passage(tmp_path):
    text = BANK.replace(
        "sentence: كازاخستان هي أكبر دولة في آسيا الوسطى", "sentence: كازاخستان دولة في آسيا الوسطى"
    )
    assert only_problem(tmp_path, text).message.startswith("sentence not found verbatim in p5")


def test_cloze_deletion_reserved_by_anki_markup(tmp_path):
    text = BANK.replace("deletions: [آسيا الوسطى]", "deletions: ['آسيا::الوسطى']")
    assert "reserved by Anki cloze markup" in only_problem(tmp_path, text).fix


def test_mcq_needs_exactly_one_correct_option(tmp_path):
    text = BANK.replace(
        "      - text: 7 كانون الأول 2021\n",
        "      - text: 7 كانون الأول 2021\n        correct: true\n",
        1,
    )
    problem = only_problem(tmp_path, text)
    assert problem.message == "mcq has 2 correct options"
    assert problem.line == line_of(text, "options:")


def test_mcq_duplicate_options(tmp_path):
    text = BANK.replace("      - text: آذار 2021\n", "      - text: 7 كانون  الأول 2021\n", 1)
    assert only_problem(tmp_path, text).message == "duplicate option '7 كانون  الأول 2021'"


def test_mcq_option_count(tmp_path):
    text = BANK.replace("      - text: آذار 2021\n", "", 1)
    assert only_problem(tmp_path, text).message == "mcq has 2 options"


def test_multi_needs_a_correct_option(tmp_path):
    text = BANK.replace(
        "      - text: الاستخبارات\n        correct: true\n", "      - text: الاستخبارات\n"
    )
    text = text.replace(
        "      - text: الأمن الإلكتروني\n        correct: true\n",
        "      - text: الأمن الإلكتروني\n",
    )
    assert only_problem(tmp_path, text).message == "multi has no correct option"


def test_ordering_needs_three_items(tmp_path):
    text = BANK.replace(
        "items: [تأسيس منظمة الدول التركية, صراع ناغورنو كاراباخ, قمة آذار 2021]",
        "items: [تأسيس منظمة الدول التركية, صراع ناغورنو كاراباخ]",
    )
    problem = only_problem(tmp_path, text)
    assert problem.message == "ordering has 2 items"
    assert problem.question_id == "m7"


def test_empty_prompt_and_empty_answer(tmp_path):
    text = BANK.replace("    prompt: من هو رئيس كازاخستان؟\n", "    prompt: '  '\n").replace(
        "answers: [قاسم جومارت توكاييف, توكاييف]", "answers: [قاسم جومارت توكاييف, '']"
    )
    messages = sorted(p.message for p in problems_of(tmp_path, text))
    assert messages == ["'prompt' is empty", "an item of 'answers' is empty"]


def test_matching_duplicates(tmp_path):
    text = BANK.replace("        right: رئيس كازاخستان\n", "        right: الرئيس الروسي\n")
    assert only_problem(tmp_path, text).message == "duplicate right item 'الرئيس الروسي'"


def test_vocab_term_must_be_in_its_sentence(tmp_path):
    text = BANK.replace("term: مدرعات", "term: دبابات")
    assert only_problem(tmp_path, text).message == "term 'دبابات' does not occur in its sentence"


def test_unknown_type(tmp_path):
    text = BANK.replace("type: short", "type: essay")
    problem = only_problem(tmp_path, text)
    assert problem.message == "unknown type 'essay'"
    assert "mcq, multi, true_false" in problem.fix


def test_invalid_utf8_reports_the_line(tmp_path):
    path = write_project(tmp_path)
    data = path.read_bytes().replace("بنك صغير".encode(), b"\xff\xfe bad")
    path.write_bytes(data)
    with pytest.raises(BankInvalid) as raised:
        load_bank(path)
    (problem,) = raised.value.problems
    assert problem.message.startswith("invalid UTF-8")
    assert problem.line == 3


def test_missing_seed(tmp_path):
    text = BANK.replace("seed: ../seeds/kazakhstan-turkey.ar.txt", "seed: ../seeds/missing.txt")
    problem = only_problem(tmp_path, text)
    assert problem.message.startswith("seed file '../seeds/missing.txt' not found")
    assert problem.line == line_of(text, "seed: ../seeds/missing.txt")


def test_changed_seed_is_detected(tmp_path):
    path = write_project(tmp_path)
    seed = tmp_path / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("2009", "2008"), encoding="utf-8")
    with pytest.raises(BankInvalid) as raised:
        load_bank(path)
    errors = [p for p in raised.value.problems if p.severity == "error"]
    (problem,) = [p for p in errors if p.question_id == "-"]
    assert "has changed since the bank was checked" in problem.message
    assert "set sha256:" in problem.fix
    # the questions are still checked against the article as it now stands
    assert {p.question_id for p in errors if "evidence not found" in p.message} == {"m3", "m7"}


def test_missing_sha256_gives_the_value_to_paste(tmp_path):
    text = "\n".join(line for line in BANK.splitlines() if "sha256" not in line) + "\n"
    problem = only_problem(tmp_path, text)
    assert problem.message == "missing field 'sha256'"
    assert "sha256: " in problem.fix


def test_seed_outside_the_project_is_refused(tmp_path):
    text = BANK.replace(
        "seed: ../seeds/kazakhstan-turkey.ar.txt", "seed: ../../../../../../etc/passwd"
    )
    assert "points outside the project folder" in only_problem(tmp_path, text).message


def test_seed_that_is_a_folder(tmp_path):
    text = BANK.replace("seed: ../seeds/kazakhstan-turkey.ar.txt", "seed: ../seeds")
    assert only_problem(tmp_path, text).message == "seed '../seeds' is a folder"


def test_top_level_list_and_empty_file(tmp_path):
    for text, expected in (
        ("- 1\n- 2\n", "not a list"),
        ("", "not empty"),
        ("42\n", "not a single value"),
    ):
        problem = only_problem(tmp_path, text)
        assert problem.message.endswith(expected), problem.message


def test_every_problem_is_reported_at_once(tmp_path):
    text = BANK.replace("passages: [p4]", "passages: [p99]").replace("term: مدرعات", "term: دبابات")
    text = text.replace("    difficulty: 2\n", "    difficulty: 7\n", 1)
    ids = sorted(p.question_id for p in problems_of(tmp_path, text))
    assert ids == ["m2", "m3", "m8"]


def test_uncovered_passages_are_warnings_not_errors(tmp_path):
    bank = load_bank(write_project(tmp_path))
    uncovered = sorted(w.message for w in bank.warnings)
    cited = {p for q in bank.questions for p in q.passages}
    assert uncovered == sorted(
        f"passage {p.id} has no questions" for p in bank.passages if p.id not in cited
    )
    assert all(w.severity == "warning" for w in bank.warnings)


def test_missing_bank_file_is_a_clear_error(tmp_path):
    with pytest.raises(BankInvalid) as raised:
        load_bank(tmp_path / "nope.yaml")
    (problem,) = raised.value.problems
    assert str(problem) == f"{tmp_path / 'nope.yaml'}: -: no such bank file (check the path)"


def test_problem_format(tmp_path):
    text = BANK.replace("passages: [p4]", "passages: [p14]")
    problem = only_problem(tmp_path, text)
    assert (
        str(problem)
        == f"{problem.file}:{problem.line}: m3: unknown passage id 'p14' (use one of p1..p9)"
    )


def test_questions_section_is_required(tmp_path):
    problem = only_problem(tmp_path, BANK.replace(QUESTIONS, "").replace("questions:\n", ""))
    assert problem.message == "missing or invalid `questions:` list"


def test_the_documented_example_is_a_valid_bank(tmp_path):
    document = (REPOSITORY / "docs" / "question-bank.md").read_text(encoding="utf-8")
    example = document.split("```yaml\n", 1)[1].split("```", 1)[0]
    bank = load_bank(write_project(tmp_path, example))
    assert sorted({q.type for q in bank.questions}) == sorted(
        ["mcq", "multi", "true_false", "short", "cloze", "matching", "ordering", "vocab"]
    )


def test_ids_that_differ_only_in_type_or_spaces_are_duplicates(tmp_path):
    text = BANK.replace("  - id: m1\n", "  - id: 7\n").replace("  - id: m2\n", "  - id: '7 '\n")
    problem = only_problem(tmp_path, text)
    assert "duplicate id" in problem.message and problem.question_id == "7"


def test_deletions_are_ordered_as_they_stand_even_when_spaced_differently(tmp_path):
    text = BANK.replace("deletions: [آسيا الوسطى]", "deletions: [آسيا الوسطى, 'أكبر  دولة']")
    bank = load_bank(write_project(tmp_path, text))
    assert bank.question("m5").deletions == ("أكبر  دولة", "آسيا الوسطى")
