"""Progress for long builds: shown on a terminal (stderr), silent when piped or redirected."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def track(
    items: Iterable[T], label: str, total: int | None = None, min_seconds: float = 0.5
) -> Iterator[T]:
    """Yield items, drawing `label: n/total` on stderr once the work has lasted `min_seconds`."""
    stream = sys.stderr
    interactive = stream.isatty()
    start = time.monotonic()
    last_drawn = 0.0
    shown = False
    count = 0
    for count, item in enumerate(items, start=1):
        yield item
        if not interactive:
            continue
        now = time.monotonic()
        if now - start >= min_seconds and now - last_drawn >= 0.1:
            suffix = f"/{total}" if total else ""
            stream.write(f"\r{label}: {count}{suffix}")
            stream.flush()
            last_drawn, shown = now, True
    if shown:
        suffix = f"/{total}" if total else ""
        stream.write(f"\r{label}: {count}{suffix} done\n")
        stream.flush()
