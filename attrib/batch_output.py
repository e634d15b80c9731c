"""Where the batch job writes.

Output goes to a temporary file beside OUT (`OUT.part`) that is renamed to OUT only once the job has
finished, so OUT is never seen half-written. After a crash, a kill or Ctrl-C the temporary file holds
a prefix of the output; `--resume` keeps its complete lines (dropping a trailing partial line, or the
unreadable tail of a gzip stream cut off mid-block) and continues after them.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import orjson

PART_SUFFIX = ".part"
GZIP_LEVEL = 6  # zlib's default; level 9 takes about twice as long for a few percent
BUFFER_BYTES = 1 << 16


def is_stdout(name: str) -> bool:
    return name == "-"


def is_gzip(path: Path) -> bool:
    return path.name.endswith(".gz")


@dataclass(frozen=True)
class Recovered:
    """The complete lines an interrupted run left in the temporary file."""

    lines: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)


def output_error_code(line: bytes) -> str | None:
    """The error code of an output line, None for a result. ValueError if it is no record of ours."""
    record = orjson.loads(line)
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    error = record.get("error")
    return error["code"] if isinstance(error, dict) else None


def _gzip_writer(raw: BinaryIO) -> gzip.GzipFile:
    # No name and no time in the header, so the same input always gives the same bytes.
    return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0)


def _readable_gzip_lines(path: Path) -> Iterator[bytes]:
    """The lines of a gzip file up to where it stops being readable (cut off by a kill)."""
    with gzip.open(path, "rb") as unzipped:
        try:
            yield from unzipped
        except (EOFError, gzip.BadGzipFile, zlib.error):
            return


def _complete_records(lines: Iterator[bytes], codes: Counter) -> Iterator[bytes]:
    """The leading lines that are whole records, counting their error codes into `codes`."""
    for line in lines:
        if not line.endswith(b"\n"):
            return
        try:
            code = output_error_code(line)
        except ValueError:
            return
        if code is not None:
            codes[code] += 1
        yield line


def recover_plain(path: Path) -> Recovered:
    codes: Counter = Counter()
    lines = kept_bytes = 0
    with open(path, "r+b") as handle:
        for line in _complete_records(handle, codes):
            lines += 1
            kept_bytes += len(line)
        handle.truncate(kept_bytes)
    return Recovered(lines, dict(codes))


def recover_gzip(path: Path) -> Recovered:
    """A cut-off gzip stream cannot be appended to: copy its complete lines into a fresh stream."""
    staging = path.with_name(path.name + ".recovering")
    codes: Counter = Counter()
    lines = 0
    with open(staging, "wb") as raw:
        with _gzip_writer(raw) as zipped:
            for line in _complete_records(_readable_gzip_lines(path), codes):
                zipped.write(line)
                lines += 1
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(staging, path)
    return Recovered(lines, dict(codes))


class BatchOutput:
    """Buffered line writer to OUT through `OUT.part`, or straight to standard output for "-"."""

    def __init__(self, name: str):
        self.path = None if is_stdout(name) else Path(name)
        self.partial_path = None if self.path is None else self.path.with_name(self.path.name + PART_SUFFIX)
        self._buffer = bytearray()
        self._raw: BinaryIO | None = None
        self._sink: BinaryIO | None = None

    def open(self, resume: bool) -> Recovered:
        """Start writing; with `resume`, after the complete lines of an earlier run's temporary file."""
        if self.path is None:
            self._sink = sys.stdout.buffer
            return Recovered()
        recovered = Recovered()
        if resume and self.partial_path.exists():
            recovered = recover_gzip(self.partial_path) if is_gzip(self.path) else recover_plain(self.partial_path)
        # Appending to a gzip file starts a new gzip member; readers join members transparently.
        self._raw = open(self.partial_path, "ab" if recovered.lines else "wb")
        self._sink = _gzip_writer(self._raw) if is_gzip(self.path) else self._raw
        return recovered

    def write(self, line: bytes) -> None:
        self._buffer += line
        self._buffer += b"\n"
        if len(self._buffer) >= BUFFER_BYTES:
            self._flush_buffer()

    def commit(self) -> None:
        """Finish the file, make it durable, then move it to OUT in one step."""
        self._flush_buffer()
        if self.path is None:
            self._sink.flush()
            return
        self._finish_sink()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.partial_path, self.path)

    def close(self) -> None:
        """Stop without finishing: what was written stays in `OUT.part` for `--resume`."""
        try:
            self._flush_buffer()
            if self.path is None:
                self._sink.flush()
            else:
                self._finish_sink()
        finally:
            if self._raw is not None:
                self._raw.close()

    def _finish_sink(self) -> None:
        if self._sink is not self._raw:
            self._sink.close()  # writes the gzip trailer; leaves the raw file open

    def _flush_buffer(self) -> None:
        # Taken out of the buffer before writing: a Ctrl-C that lands just after the write returns
        # must not leave the lines behind for close() to write a second time.
        pending, self._buffer = self._buffer, bytearray()
        if pending:
            self._sink.write(pending)
