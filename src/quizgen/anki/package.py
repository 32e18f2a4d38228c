"""Writing the .apkg: genanki's collection, zipped with every date and id taken from one timestamp.

Anki updates an existing note on import only when the incoming note is newer than its copy, and it
keeps the incoming modification time. So every note, card and note type is stamped with the build
time, and a later build always updates. With SOURCE_DATE_EPOCH set, that value is the timestamp
instead: two builds are byte-identical, and a rebuild updates earlier imports only if the value grew.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import genanki

from quizgen.core.model import Bank
from quizgen.output_files import source_date_epoch, write_atomically

_EARLIEST = 315532800  # 1980-01-01, the earliest date a zip entry can hold


def build_timestamp(environment: Mapping[str, str] = os.environ) -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now; whole seconds as Anki stores."""
    epoch = source_date_epoch(environment)
    return int(time.time()) if epoch is None else epoch


def write_package(
    path: Path, package: genanki.Package, timestamp: int, banks: Iterable[Bank] = ()
) -> None:
    write_atomically(path, lambda target: _write_zip(target, package, timestamp), banks)


def _write_zip(target: Path, package: genanki.Package, timestamp: int) -> None:
    connection = sqlite3.connect(":memory:")
    try:
        # genanki numbers notes and cards from the timestamp in milliseconds, as Anki does; Anki
        # breaks on id 0, so an epoch before 1980 numbers them from 1980.
        first_id = max(timestamp, _EARLIEST) * 1000
        package.write_to_db(connection.cursor(), timestamp, itertools.count(first_id))
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    date_time = time.gmtime(max(timestamp, _EARLIEST))[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in (("collection.anki2", database), ("media", b"{}")):
            entry = zipfile.ZipInfo(name, date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compresslevel=1)
