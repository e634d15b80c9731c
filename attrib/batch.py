"""The JSON-lines batch job: one output line per input line, in order, errors as records."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import orjson
from spacy.language import Language

from .errors import AttribError, EmptyTextError, InvalidJSONError, InvalidUTF8Error, MissingTextError, TextTooLongError
from .pipeline import DEFAULT_MAX_CHARS, load


@dataclass
class BatchOptions:
    text_key: str = "text"
    id_key: str = "id"
    keep: tuple[str, ...] = ()
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass
class BatchStats:
    read: int = 0
    ok: int = 0
    errors: int = 0
    error_codes: dict = field(default_factory=dict)

    def count_error(self, code: str) -> None:
        self.errors += 1
        self.error_codes[code] = self.error_codes.get(code, 0) + 1

    def to_dict(self) -> dict:
        return {"read": self.read, "ok": self.ok, "errors": self.errors, "error_codes": self.error_codes}


@dataclass
class Job:
    """One input line after parsing: a text to analyse, or the error record it already is."""

    line: int
    id: object = None
    text: str | None = None
    kept: dict | None = None
    error: AttribError | None = None


def open_input(name: str):
    if name == "-":
        return sys.stdin.buffer
    if name.endswith(".gz"):
        return gzip.open(name, "rb")
    return open(name, "rb")


def parse_line(number: int, raw: bytes, options: BatchOptions) -> Job:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return Job(number, error=InvalidUTF8Error(f"line {number} is not valid UTF-8: {err.reason} at byte {err.start}"))
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        return Job(number, error=InvalidJSONError(f"line {number} is not valid JSON: {err}"))
    if not isinstance(record, dict):
        return Job(number, error=InvalidJSONError(f"line {number} is a JSON {type(record).__name__}, not an object"))
    doc_id = record.get(options.id_key)
    kept = {key: record[key] for key in options.keep if key in record} or None
    text = record.get(options.text_key)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return Job(number, doc_id, kept=kept, error=MissingTextError(f"line {number}: field {options.text_key!r} is {what}"))
    if not text.strip():
        return Job(number, doc_id, kept=kept, error=EmptyTextError(f"line {number}: the text is empty"))
    if len(text) > options.max_chars:
        return Job(number, doc_id, kept=kept, error=TextTooLongError(
            f"line {number}: the text has {len(text)} characters, the limit is {options.max_chars}"))
    return Job(number, doc_id, text, kept)


def read_jobs(lines: Iterable[bytes], options: BatchOptions, start_line: int = 1) -> Iterator[Job]:
    for number, raw in enumerate(lines, 1):
        if number < start_line:
            continue
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            yield Job(number, error=InvalidJSONError(f"line {number} is blank"))
            continue
        yield parse_line(number, raw, options)


def error_record(job: Job) -> bytes:
    record = {"id": job.id if isinstance(job.id, (str, int)) or job.id is None else str(job.id),
              "line": job.line, "error": job.error.to_dict()}
    if job.kept:
        record.update(job.kept)
    return orjson.dumps(record)


def result_record(job: Job, result: dict) -> bytes:
    if job.kept:
        result.update(job.kept)
    return orjson.dumps(result)


def process(jobs: Iterable[Job], nlp: Language, stats: BatchStats, batch_size: int = 32) -> Iterator[bytes]:
    """Serialised output lines for `jobs`, in input order, streaming through `nlp.pipe`."""
    jobs = iter(jobs)
    while True:
        chunk = list(islice(jobs, batch_size))
        if not chunk:
            return
        texts = [job.text for job in chunk if job.error is None]
        docs = iter(nlp.pipe(texts))
        for job in chunk:
            stats.read += 1
            if job.error is not None:
                stats.count_error(job.error.code)
                yield error_record(job)
                continue
            doc = next(docs)
            doc.user_data["attrib_id"] = job.id if isinstance(job.id, str) or job.id is None else str(job.id)
            stats.ok += 1
            yield result_record(job, doc._.attribution.to_dict())


def run(inputs: list[str], output: str, options: BatchOptions, nlp: Language | None = None) -> BatchStats:
    nlp = nlp or load()
    stats = BatchStats()
    out_path = None if output == "-" else Path(output)
    tmp_path = out_path.with_name(out_path.name + ".part") if out_path else None
    sink = sys.stdout.buffer if out_path is None else (
        gzip.open(tmp_path, "wb") if out_path.name.endswith(".gz") else open(tmp_path, "wb"))
    try:
        for name in inputs:
            with open_input(name) as handle:
                for line in process(read_jobs(handle, options), nlp, stats):
                    sink.write(line + b"\n")
    finally:
        if out_path is not None:
            sink.close()
    if out_path is not None:
        tmp_path.replace(out_path)
    return stats


__all__ = ["BatchOptions", "BatchStats", "run", "process", "read_jobs"]
