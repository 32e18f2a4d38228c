"""Running the rules over banks: findings located as `file:line: question-id: RULE message (fix)`,
without the ones an item accepts in its `lint: {ignore: [...], reason: ...}`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.core.families import family_links
from quizgen.core.model import Bank
from quizgen.lint.bank_rules import bank_findings
from quizgen.lint.cross_rules import cross_findings
from quizgen.lint.item_rules import item_findings
from quizgen.lint.lines import question_lines
from quizgen.lint.rules import RULES

WHOLE_BANK = "-"  # the question id of a finding about the whole bank


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    question_id: str
    rule: str
    message: str
    fix: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.question_id}: {self.rule} {self.message} ({self.fix})"
        )

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "question_id": self.question_id,
            "rule": self.rule,
            "name": RULES[self.rule].name,
            "message": self.message,
            "fix": self.fix,
        }


def lint_banks(banks: Iterable[Bank], rule_ids: frozenset[str] = frozenset(RULES)) -> list[Finding]:
    """Every finding of the chosen rules, bank by bank, in file order."""
    findings: list[Finding] = []
    for bank in banks:
        findings += lint_bank(bank, rule_ids)
    return findings


def lint_bank(bank: Bank, rule_ids: frozenset[str] = frozenset(RULES)) -> list[Finding]:
    accepted = {question.id: frozenset(question.lint_ignore) for question in bank.questions}
    unlocated: list[tuple[str, str, str, str]] = []  # question id, rule, message, fix
    for question in bank.questions:
        for item in item_findings(question, bank.language):
            unlocated.append((question.id, item.rule, item.message, item.fix))
    for cross in cross_findings(family_links(bank)):
        unlocated.append((cross.question_id, cross.rule, cross.message, cross.fix))
    for whole in bank_findings(bank):
        unlocated.append((WHOLE_BANK, whole.rule, whole.message, whole.fix))
    kept = [
        (question_id, rule, message, fix)
        for question_id, rule, message, fix in unlocated
        if rule in rule_ids and rule not in accepted.get(question_id, ())
    ]
    if not kept:
        return []
    lines, bank_line = question_lines(bank)
    name = str(bank.path)
    located = [
        Finding(name, lines.get(question_id, bank_line), question_id, rule, message, fix)
        for question_id, rule, message, fix in kept
    ]
    return sorted(located, key=lambda finding: (finding.line, finding.rule))


def rule_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per rule id, in rule order."""
    counts = Counter(finding.rule for finding in findings)
    return {rule_id: counts[rule_id] for rule_id in RULES if counts[rule_id]}
