"""Running the real `quizgen` command in a folder, as a user would, for the tests' CLI checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def quizgen(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """The whole process: start-up, exit status and both streams are what a user gets."""
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )
