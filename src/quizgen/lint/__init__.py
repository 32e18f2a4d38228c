"""`quizgen lint`: item-writing rules, per item, per bank and across items (docs/lint.md)."""
