"""`quizgen coverage`: what the questions cover, and what is left to write."""

from __future__ import annotations

import click

from quizgen.cli.group import bank_arguments, cli, format_option, load

LEVEL_NAMES = {1: "recall", 2: "comprehension", 3: "analysis"}


@cli.command()
@bank_arguments
@format_option
def coverage(banks: tuple[str, ...], output_format: str) -> None:
    """Per passage and sentence, how many questions cite it; the sentences no question uses; the
    mix of question types and levels."""
    from quizgen.core.coverage import bank_coverage, coverage_to_dict

    reports = [bank_coverage(bank) for bank in load(banks)]
    if output_format == "json":
        import json

        document = {"banks": [coverage_to_dict(report) for report in reports]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    for report in reports:
        click.echo("\n".join(text_lines(report)))


def text_lines(report) -> list[str]:
    lines = [f"{report.bank_id}: {report.questions} question(s)"]
    lines.append("  types: " + ", ".join(f"{name} {count}" for name, count in report.types.items()))
    lines.append(
        "  levels: "
        + ", ".join(
            f"{level} {LEVEL_NAMES[level]} {count}" for level, count in report.levels.items()
        )
    )
    for passage in report.passages:
        lines.append(f"  {passage.id}: cited by {len(passage.question_ids)} question(s)")
        for sentence in passage.sentences:
            lines.append(
                f"    s{sentence.number}  {len(sentence.question_ids):>3}  {_clip(sentence.text)}"
            )
    unused = report.unused_sentences
    total = sum(len(passage.sentences) for passage in report.passages)
    lines.append(f"  sentences no question uses: {len(unused)} of {total}")
    for passage_id, sentence in unused:
        lines.append(f"    {passage_id} s{sentence.number}  {_clip(sentence.text)}")
    return lines


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
