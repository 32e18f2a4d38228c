"""`quizgen lint`: every rule against a fixture made for it, the output contract, the opt-out.

Item fixtures name their items RULE-bad* (must be reported under RULE) and RULE-good* (must not be).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bank_builder import BANK, line_of, write_project

from quizgen.core.errors import BankInvalid
from quizgen.core.loader import load_bank
from quizgen.core.model import QUESTION_TYPES
from quizgen.lint.bank_rules import TYPE_TRAITS
from quizgen.lint.check import lint_bank
from quizgen.lint.item_rules import RULES_BY_TYPE
from quizgen.lint.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures" / "lint" / "question_bank"
ITEM_BANKS = {
    "en": FIXTURES / "en-items.yaml",
    "ar": FIXTURES / "ar-items.yaml",
    "fr": FIXTURES / "fr-items.yaml",
}
ITEM_RULES = [rule_id for rule_id, rule in RULES.items() if rule.scope == "item"]
# The rules whose words differ by language, each tested on the Arabic and French fixtures as well.
LANGUAGE_RULES = ["L103", "L104", "L108", "L109", "L110", "L111"]


def quizgen(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def flagged(path: Path, rule_id: str) -> set[str]:
    return {finding.question_id for finding in lint_bank(load_bank(path), frozenset({rule_id}))}


def fixture_ids(path: Path, prefix: str) -> set[str]:
    return {question.id for question in load_bank(path).questions if question.id.startswith(prefix)}


@pytest.mark.parametrize(
    ("language", "rule_id"),
    [("en", rule_id) for rule_id in ITEM_RULES]
    + [(language, rule_id) for language in ("ar", "fr") for rule_id in LANGUAGE_RULES],
)
def test_item_rule_reports_the_bad_items_and_spares_the_good(language, rule_id):
    path = ITEM_BANKS[language]
    bad, good = fixture_ids(path, f"{rule_id}-bad"), fixture_ids(path, f"{rule_id}-good")
    assert bad and good, "the fixture needs a bad and a good example of the rule"
    found = flagged(path, rule_id)
    assert bad <= found
    assert not good & found


def test_bank_rules_report_the_skewed_bank():
    findings = lint_bank(load_bank(FIXTURES / "bank-skew.yaml"))
    messages = {(finding.rule, finding.message) for finding in findings}
    assert any(rule == "L201" and "5 of 5" in text and "level 3" in text for rule, text in messages)
    assert any(rule == "L202" and "level 1" in text for rule, text in messages)
    assert not any(rule == "L202" and "level 2" in text for rule, text in messages)
    assert not any(rule == "L203" for rule, _ in messages)
    assert all(finding.question_id == "-" for finding in findings if finding.rule[1] == "2")


def test_level_mix_reports_levels_outside_the_band():
    findings = lint_bank(load_bank(FIXTURES / "levels.yaml"), frozenset({"L203"}))
    assert sorted(finding.message.split()[1] for finding in findings) == ["1", "2", "3"]
    balanced = lint_bank(load_bank(FIXTURES / "bank-skew.yaml"), frozenset({"L203"}))
    assert balanced == []


@pytest.mark.parametrize(
    ("rule_id", "reported", "partner"),
    [("L301", "c2", "c1"), ("L302", "c5", "c4"), ("L303", "c7", "c8")],
)
def test_cross_item_rules_name_both_items(rule_id, reported, partner):
    findings = lint_bank(load_bank(FIXTURES / "cross.yaml"), frozenset({rule_id}))
    assert [finding.question_id for finding in findings] == [reported]
    assert partner in findings[0].message


def test_every_rule_has_a_fixture_test_and_a_documented_bad_and_good_example():
    documented = (Path(__file__).parent.parent / "docs" / "lint.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", documented, flags=re.MULTILINE)
    for rule_id, rule in RULES.items():
        section = next((text for text in sections if text.startswith(rule_id)), None)
        assert section is not None, f"docs/lint.md has no section for {rule_id}"
        assert rule.name in section.splitlines()[0]
        assert "Bad:" in section and "Good:" in section, rule_id
    tested = set(ITEM_RULES) | {"L201", "L202", "L203", "L301", "L302", "L303"}
    assert tested == set(RULES)


def test_every_question_type_has_item_rules_and_traits():
    assert set(RULES_BY_TYPE) == set(QUESTION_TYPES)
    assert set(TYPE_TRAITS) == set(QUESTION_TYPES)


def test_an_item_accepts_a_warning_with_a_reason():
    path = FIXTURES / "cross.yaml"
    question = load_bank(path).question("c12")
    assert question.lint_ignore == ("L105",) and question.lint_reason
    assert "c12" not in flagged(path, "L105")
    # the same item without its opt-out is reported: the opt-out is what silences it
    text = path.read_text(encoding="utf-8")
    opted_out = re.search(r"^    lint: .*\n", text, flags=re.MULTILINE).group()
    assert "c12" in flagged_in_text(text.replace(opted_out, ""), path, "L105")


def flagged_in_text(text: str, fixture: Path, rule_id: str) -> set[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        (root / "question_bank").mkdir()
        for seed in (fixture.parent.parent / "seeds").iterdir():
            (root / "seeds" / seed.name).write_bytes(seed.read_bytes())
        bank = root / "question_bank" / fixture.name
        bank.write_text(text, encoding="utf-8")
        return flagged(bank, rule_id)


def test_an_opt_out_without_a_reason_is_a_validation_error(tmp_path):
    text = BANK.replace(
        "    difficulty: 1\n  - id: m2",
        "    difficulty: 1\n    lint: {ignore: [L101]}\n  - id: m2",
        1,
    )
    path = write_project(tmp_path, text)
    with pytest.raises(BankInvalid) as raised:
        load_bank(path)
    [problem] = [found for found in raised.value.problems if found.severity == "error"]
    assert problem.question_id == "m1"
    assert problem.line == line_of(text, "lint: {ignore")
    assert "reason" in problem.message


def test_an_opt_out_names_rule_ids(tmp_path):
    text = BANK.replace(
        "    difficulty: 1\n  - id: m2",
        "    difficulty: 1\n    lint: {ignore: [longest], reason: why}\n  - id: m2",
        1,
    )
    with pytest.raises(BankInvalid) as raised:
        load_bank(write_project(tmp_path, text))
    assert "'longest' is not a lint rule id" in raised.value.problems[0].message


def test_text_output_lines_summary_and_exit_status():
    path = FIXTURES / "en-items.yaml"
    result = quizgen("lint", str(path), "--select", "L104")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    text = path.read_text(encoding="utf-8")
    expected_line = line_of(text, "- id: L104-bad")
    assert lines[0].startswith(f"{path}:{expected_line}: L104-bad: L104 the stem is negative")
    assert lines[0].endswith(")")
    contraction_line = line_of(text, "- id: L104-bad-contraction")
    assert lines[1].startswith(
        f"{path}:{contraction_line}: L104-bad-contraction: L104 the stem is negative ('doesn't')"
    )
    assert lines[2] == "L104 negative-stem: 2"
    assert lines[3] == "2 warning(s) in 25 items"
    strict = quizgen("lint", str(path), "--select", "L104", "--strict")
    assert strict.returncode == 1
    assert strict.stdout == result.stdout


def test_strict_passes_when_nothing_is_found():
    result = quizgen("lint", str(FIXTURES / "levels.yaml"), "--strict", "--ignore", "L203")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "0 warning(s) in 6 items"


def test_json_output():
    path = FIXTURES / "cross.yaml"
    result = quizgen("lint", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"] == {"L301": 1, "L302": 1, "L303": 1}
    first = document["warnings"][0]
    assert first == {
        "file": str(path),
        "line": line_of(path.read_text(encoding="utf-8"), "- id: c2"),
        "question_id": "c2",
        "rule": "L301",
        "name": "giveaway",
        "message": first["message"],
        "fix": first["fix"],
    }
    assert "c1" in first["message"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_is_a_usage_error(option):
    result = quizgen("lint", str(FIXTURES / "cross.yaml"), option, "L101,L999")
    assert result.returncode == 2
    assert "L999" in result.stderr and "Traceback" not in result.stderr


def test_select_and_ignore_combine():
    path = str(FIXTURES / "cross.yaml")
    result = quizgen("lint", path, "--select", "L301,L302", "--ignore", "L302", "--format", "json")
    assert json.loads(result.stdout)["summary"] == {"L301": 1}


def test_lines_fall_back_to_the_yaml_index_for_flow_style(tmp_path):
    """A question written in flow style has no `- id:` line; its line still comes out right."""
    text = BANK.replace(
        "  - id: m4\n    type: short\n    passages: [p5]\n    prompt: من هو رئيس كازاخستان؟\n"
        "    answers: [قاسم جومارت توكاييف, توكاييف]\n"
        "    evidence: [أعلن رئيس كازاخستان، قاسم جومارت توكاييف]\n"
        "    explanation: ورد اسمه في الفقرة الخامسة.\n    difficulty: 1\n",
        "  - {id: m4, type: short, passages: [p5], prompt: 'ما اسم رئيس كازاخستان قاسم جومارت توكاييف؟',"
        " answers: [قاسم جومارت توكاييف], evidence: ['أعلن رئيس كازاخستان، قاسم جومارت توكاييف'],"
        " explanation: ورد اسمه., difficulty: 1}\n",
    )
    assert text != BANK
    findings = lint_bank(load_bank(write_project(tmp_path, text)), frozenset({"L110"}))
    assert [(finding.question_id, finding.line) for finding in findings] == [
        ("m4", line_of(text, "{id: m4"))
    ]
