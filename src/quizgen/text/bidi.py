"""The Unicode bidirectional algorithm applied to one line at a time.

Lines must be broken in logical order first and reordered afterwards: reordering a whole paragraph
and wrapping it later puts the lines in reverse order. python-bidi's Rust `get_display` does not
mirror brackets, so its Python implementation of the algorithm is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bidi import algorithm


@dataclass(frozen=True)
class Run:
    """A directional run, its text in logical order; runs come in visual order, left to right."""

    text: str
    rtl: bool


def _resolved(line: str, rtl_base: bool) -> list[dict]:
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl_base else 0
    storage["base_dir"] = "R" if rtl_base else "L"
    algorithm.get_embedding_levels(line, storage)
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    return storage["chars"]


@lru_cache(maxsize=8192)
def visual_runs(line: str, rtl_base: bool) -> tuple[Run, ...]:
    """Runs for a shaper: each right-to-left run keeps logical order and is shaped as RTL."""
    runs: list[Run] = []
    current: list[str] = []
    current_level = None
    for char in _resolved(line, rtl_base):
        level = char["level"]
        if current and level != current_level:
            runs.append(_run(current, current_level))
            current = []
        current.append(char["ch"])
        current_level = level
    if current:
        runs.append(_run(current, current_level))
    return tuple(runs)


def _run(visual_chars: list[str], level: int) -> Run:
    rtl = level % 2 == 1
    return Run("".join(reversed(visual_chars)) if rtl else "".join(visual_chars), rtl)


@lru_cache(maxsize=8192)
def display_string(line: str, rtl_base: bool) -> str:
    """The line's characters in visual order, brackets mirrored: for devices without bidi."""
    return algorithm.get_display(line, base_dir="R" if rtl_base else "L")
