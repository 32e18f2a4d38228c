"""Every rule of `quizgen lint`: a stable id, a short name and what it checks (docs/lint.md has a
bad and a good example of each). Ids never change meaning; a retired rule's id is not reused."""

from __future__ import annotations

from dataclasses import dataclass

ITEM, BANK, ACROSS = "item", "bank", "across items"


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    scope: str
    checks: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("L101", "key-longest", ITEM, "the correct option is clearly the longest"),
        Rule("L102", "option-lengths-vary", ITEM, "option lengths vary widely"),
        Rule("L103", "all-or-none-of-the-above", ITEM, "an option says all/none of the above"),
        Rule("L104", "negative-stem", ITEM, "a negative stem without emphasis"),
        Rule("L105", "stem-word-in-key", ITEM, "a stem word repeated in the key, in no distractor"),
        Rule("L106", "similar-options", ITEM, "duplicate or near-duplicate options"),
        Rule("L107", "numbers-out-of-order", ITEM, "number options not in order"),
        Rule("L108", "absolute-distractors", ITEM, "absolute words only in distractors"),
        Rule("L109", "double-negative", ITEM, "a double negative in a true/false statement"),
        Rule("L110", "answer-in-prompt", ITEM, "a short answer's key in its own prompt"),
        Rule("L111", "guessable-blank", ITEM, "a cloze blank guessable from its own sentence"),
        Rule("L201", "longest-key-share", BANK, "the key is the longest option more than chance"),
        Rule("L202", "true-false-balance", BANK, "true/false keys unbalanced at a level"),
        Rule("L203", "level-mix", BANK, "a difficulty level too rare or too common"),
        Rule("L301", "giveaway", ACROSS, "an item shows another item's key"),
        Rule("L302", "near-duplicate", ACROSS, "two items ask for the same key, same evidence"),
        Rule("L303", "vocab-cloze-sentence", ACROSS, "a vocab card shows a cloze's sentence"),
    )
}


def unknown_rule_ids(ids: frozenset[str]) -> list[str]:
    return sorted(rule_id for rule_id in ids if rule_id.upper() not in RULES)
