"""`quizgen lint`: item-writing flaws and giveaways, reported before students find them."""

from __future__ import annotations

import click

from quizgen.cli.group import bank_arguments, cli, format_option, load


def _rule_ids(_context, parameter, values) -> frozenset[str]:
    from quizgen.lint.rules import RULES, unknown_rule_ids

    ids = frozenset(
        item.strip().upper() for value in values for item in value.split(",") if item.strip()
    )
    unknown = unknown_rule_ids(ids)
    if unknown:
        raise click.BadParameter(
            f"unknown rule id(s) {', '.join(unknown)}; the rules are {', '.join(RULES)}",
            param=parameter,
        )
    return ids


@cli.command()
@bank_arguments
@format_option
@click.option("--strict", is_flag=True, help="Exit with status 1 when there is any warning.")
@click.option(
    "--select",
    "selected",
    multiple=True,
    callback=_rule_ids,
    help="Only these rules (e.g. L101,L301).",
)
@click.option(
    "--ignore", "ignored", multiple=True, callback=_rule_ids, help="Leave out these rules."
)
def lint(banks: tuple[str, ...], output_format: str, strict: bool, selected, ignored) -> None:
    """Find item-writing flaws and giveaways (rules and examples: docs/lint.md).

    Prints each warning as file:line: question-id: RULE-ID message (fix), then a count per rule.
    Exit status 0 with warnings, 1 with --strict when there is any, 2 on a usage error.
    """
    import json

    from quizgen.lint.check import lint_banks, rule_counts
    from quizgen.lint.rules import RULES

    loaded = load(banks)
    chosen = (selected or frozenset(RULES)) - ignored
    findings = lint_banks(loaded, chosen)
    counts = rule_counts(findings)
    if output_format == "json":
        document = {"warnings": [finding.as_dict() for finding in findings], "summary": counts}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(str(finding))
        for rule_id, count in counts.items():
            click.echo(f"{rule_id} {RULES[rule_id].name}: {count}")
        items = sum(len(bank.questions) for bank in loaded)
        click.echo(f"{len(findings)} warning(s) in {items} items")
    if strict and findings:
        raise click.exceptions.Exit(1)
