"""Say in plain words, at the top and bottom of every run, which checks a missing program skipped."""

from __future__ import annotations

from collections import Counter

import pytest
from external_tools import DEBIAN_PACKAGES, SKIP_REASON, missing_programs

pytest_plugins = ["pytester"]


def pytest_report_header(config: pytest.Config) -> str:
    missing = missing_programs()
    if not missing:
        return "external programs: all found (" + ", ".join(DEBIAN_PACKAGES) + ")"
    named = ", ".join(
        f"{program} (Debian package {DEBIAN_PACKAGES[program]})" for program in missing
    )
    return f"external programs: NOT FOUND {named}; the checks that need them will be skipped"


def skip_reason(report: pytest.TestReport) -> str:
    """The reason pytest recorded for a skip: the last part of its (file, line, reason) triple."""
    if isinstance(report.longrepr, tuple):
        return str(report.longrepr[-1])
    return str(report.longrepr)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped_by_package: Counter[str] = Counter()
    programs_by_package: dict[str, set[str]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        found = SKIP_REASON.search(skip_reason(report))
        if found:
            package = found["package"]
            skipped_by_package[package] += 1
            programs_by_package.setdefault(package, set()).add(found["program"])
    for package, count in sorted(skipped_by_package.items()):
        programs = sorted(programs_by_package[package])
        verb = "is" if len(programs) == 1 else "are"
        terminalreporter.write_line(
            f"SKIPPED {count} check(s) because {' and '.join(programs)} {verb} not installed: "
            f"install the Debian package {package} (sudo apt-get install {package}) to run them.",
            yellow=True,
            bold=True,
        )
