"""Writing output files safely: all or nothing, never over a bank or seed, clear errors."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from quizgen.core.errors import QuizgenError
from quizgen.core.model import Bank


def check_output_path(path: Path, banks: Iterable[Bank] = ()) -> Path:
    """Refuse a target that is an input, a folder, or in a folder that does not exist."""
    path = Path(path)
    target = path.resolve()
    for bank in banks:
        for protected in (bank.path.resolve(), bank.article.seed.resolve()):
            if target == protected:
                raise QuizgenError(
                    f"refusing to write {path}: it is an input file of bank '{bank.id}'"
                )
    if target.is_dir():
        raise QuizgenError(f"cannot write {path}: it is a folder (give a file name)")
    parent = target.parent
    if not parent.is_dir():
        raise QuizgenError(
            f"cannot write {path}: folder {path.parent} does not exist (create it first)"
        )
    if not os.access(parent, os.W_OK):
        raise QuizgenError(f"cannot write {path}: folder {path.parent} is not writable")
    return path


def write_atomically(path: Path, write: Callable[[Path], None], banks: Iterable[Bank] = ()) -> None:
    """`write` fills a temporary file beside `path`; it replaces `path` only if writing succeeded."""
    path = check_output_path(path, banks)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent
    )
    os.close(descriptor)
    temporary_path = Path(temporary)
    try:
        write(temporary_path)
        os.chmod(temporary_path, 0o644)
        os.replace(temporary_path, path)
    except OSError as error:
        raise QuizgenError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        temporary_path.unlink(missing_ok=True)


def source_date_epoch(environment: Mapping[str, str] = os.environ) -> int | None:
    """SOURCE_DATE_EPOCH, the reproducible-builds convention for dates in outputs; None when unset."""
    value = environment.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise QuizgenError(
            f"SOURCE_DATE_EPOCH='{value}' is not a number of seconds since 1970 "
            "(set it to e.g. $(git log -1 --format=%ct), or unset it)"
        )
    return int(value)
