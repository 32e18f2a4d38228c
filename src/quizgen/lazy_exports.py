"""Package-level names imported on first use: `from quizgen.anki import build_deck` works while
`import quizgen.anki` alone loads nothing heavy, so `quizgen --help` stays fast."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that finds each name in its home submodule of `package`."""

    def __getattr__(name: str) -> object:
        if name not in homes:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        return getattr(import_module(f"{package}.{homes[name]}"), name)

    return __getattr__
