"""The JSON-lines batch job: one output line per input line, in input order, bad lines as error records.

Data flow: `InputReader` streams numbered raw lines out of the inputs; an engine (`render_lines` here,
`parallel.render_in_pool`, `dask_engine.render_on_dask`) turns each one into a `Rendered` line by
`render_line`, the one function every engine calls, so their outputs are identical byte for byte;
`run` counts them and writes them through `BatchOutput`, which owns the temporary file, `--resume`
and the final rename. Nothing holds more than a bounded number of lines, so memory does not grow
with the input.
"""

from __future__ import annotations

import gzip
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO, NamedTuple, TextIO, TypeVar

import orjson
from spacy.language import Language

from .batch_output import BatchOutput, is_stdout
from .errors import AttribError, EmptyTextError, EngineFailure, InvalidJSONError, InvalidUTF8Error, MissingTextError, TextTooLongError
from .pipeline import DEFAULT_MAX_CHARS, load
from .progress import NoProgress, make_progress
from .result import AttributionResult

ERROR_RECORD_FIELDS = ("id", "line", "error")
# A pipeline keeps every token string it has seen (spaCy's StringStore and lexemes, about 0.5 kB
# each), so one that lives for the whole job grows with the input's vocabulary: +30 MB over the 782
# articles of the shared pool. Past this many strings it is rebuilt (0.1 s, and its common words
# are looked up anew), which bounds a process's memory without slowing repetitive input.
MAX_PIPELINE_STRINGS = 200_000

T = TypeVar("T")


class BatchJobError(Exception):
    """The job itself cannot run (a missing input, a bad option): the command exits non-zero."""


class BatchInterrupted(Exception):
    """Ctrl-C stopped the job; the output so far is kept for `--resume`."""

    def __init__(self, stats: BatchStats, partial: Path | None):
        super().__init__("interrupted")
        self.stats = stats
        self.partial = partial


@dataclass(frozen=True)
class BatchOptions:
    text_key: str = "text"
    id_key: str = "id"
    keep: tuple[str, ...] = ()
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def max_line_bytes(self) -> int:
        """Longest input line read whole. A text at the limit takes up to 6 bytes a character as
        JSON (`\\uXXXX`), and a record may carry copies of it (a title, an undiacritised text)."""
        return 16 * self.max_chars + (1 << 20)


def check_options(options: BatchOptions) -> None:
    """Kept fields must not overwrite the fields the job writes, or output records would be ambiguous."""
    reserved = set(ERROR_RECORD_FIELDS) | set(AttributionResult(None, None, ()).to_dict())
    clashes = sorted(set(options.keep) & reserved)
    if clashes:
        raise BatchJobError(f"--keep {' '.join(clashes)}: the output already has a field of that name")
    if options.max_chars < 1:
        raise BatchJobError(f"--max-chars must be at least 1, not {options.max_chars}")


@dataclass
class BatchStats:
    read: int = 0
    ok: int = 0
    errors: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)
    resumed: int = 0  # lines already in the output when `--resume` took over; included in `read`
    seconds: float = 0.0  # this session's running time

    @classmethod
    def resuming(cls, lines: int, error_codes: dict[str, int]) -> BatchStats:
        """The counts of the output lines an interrupted run left, which this run continues."""
        errors = sum(error_codes.values())
        return cls(read=lines, ok=lines - errors, errors=errors, error_codes=dict(error_codes), resumed=lines)

    def count(self, error_code: str | None) -> None:
        self.read += 1
        if error_code is None:
            self.ok += 1
            return
        self.errors += 1
        self.error_codes[error_code] = self.error_codes.get(error_code, 0) + 1

    @property
    def docs_per_second(self) -> float:
        return (self.read - self.resumed) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {"read": self.read, "ok": self.ok, "errors": self.errors,
                "error_codes": dict(sorted(self.error_codes.items())), "resumed": self.resumed,
                "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 2)}

    def summary_line(self) -> str:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(self.error_codes.items()))
        resumed = f", {self.resumed} of them taken over from the interrupted run" if self.resumed else ""
        return (f"read {self.read} = ok {self.ok} + errors {self.errors}" + (f" ({codes})" if codes else "")
                + resumed + f"; {self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s")


@dataclass
class Job:
    """One input line after parsing: a text to analyse, or the error record it already is."""

    line: int
    id: str | None = None
    text: str | None = None
    kept: dict | None = None
    error: AttribError | None = None


class Rendered(NamedTuple):
    """One output line, serialised, and its error code (None for a result)."""

    error_code: str | None
    payload: bytes


def normalise_id(value: object) -> str | None:
    """Ids are strings in the result schema; any other JSON value keeps its JSON spelling."""
    if value is None or isinstance(value, str):
        return value
    return orjson.dumps(value).decode()


_JSON_TYPE_NAMES = {type(None): "null", bool: "a boolean", int: "a number", float: "a number", str: "a string",
                    list: "an array", dict: "an object"}


def json_type_name(value: object) -> str:
    """What orjson parsed, in JSON's words."""
    return _JSON_TYPE_NAMES[type(value)]


def parse_line(number: int, raw: bytes, options: BatchOptions) -> Job:
    """`raw` without its line ending. Every way a line can be unusable becomes a coded error."""
    if len(raw) > options.max_line_bytes:
        return Job(number, error=TextTooLongError(f"line {number} is over {options.max_line_bytes} bytes"))
    if not raw.strip():
        return Job(number, error=InvalidJSONError(f"line {number} is blank"))
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        return Job(number, error=_undecodable(number, raw, err))
    if not isinstance(record, dict):
        return Job(number, error=InvalidJSONError(f"line {number} is {json_type_name(record)}, not an object"))
    doc_id = normalise_id(record.get(options.id_key))
    kept = {key: record[key] for key in options.keep if key in record} or None
    text = record.get(options.text_key)
    if not isinstance(text, str):
        what = "missing" if text is None else f"{json_type_name(text)}, not a string"
        return Job(number, doc_id, kept=kept, error=MissingTextError(f"line {number}: field {options.text_key!r} is {what}"))
    if not text.strip():
        return Job(number, doc_id, kept=kept, error=EmptyTextError(f"line {number}: the text is empty"))
    if len(text) > options.max_chars:
        return Job(number, doc_id, kept=kept, error=TextTooLongError(
            f"line {number}: the text has {len(text)} characters, the limit is {options.max_chars}"))
    return Job(number, doc_id, text, kept)


def _undecodable(number: int, raw: bytes, err: orjson.JSONDecodeError) -> AttribError:
    # orjson rejects bad UTF-8 as bad JSON; decoding only the failures keeps the common path single-pass.
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        return InvalidUTF8Error(f"line {number} is not valid UTF-8: {bad.reason} at byte {bad.start}")
    return InvalidJSONError(f"line {number} is not valid JSON: {err}")


def error_record(job: Job) -> bytes:
    record = {"id": job.id, "line": job.line, "error": job.error.to_dict()}
    record.update(job.kept or {})
    return orjson.dumps(record)


def analyse(job: Job, nlp: Language) -> Rendered:
    """The result line of a parsed job, or an error record when the engine fails on this one text:
    one bad document must not stop a long job, nor leave a gap in the output."""
    try:
        doc = nlp(job.text)
        doc.user_data["attrib_id"] = job.id
        result = doc._.attribution.to_dict()
    except Exception as err:  # noqa: BLE001  (any engine bug, reported on its line)
        job.error = EngineFailure(f"line {job.line}: the engine failed: {type(err).__name__}: {err}")
        return Rendered(job.error.code, error_record(job))
    result.update(job.kept or {})
    return Rendered(None, orjson.dumps(result))


def render_line(number: int, raw: bytes, options: BatchOptions, nlp: Language) -> Rendered:
    job = parse_line(number, raw.rstrip(b"\r\n"), options)
    if job.error is not None:
        return Rendered(job.error.code, error_record(job))
    return analyse(job, nlp)


class FreshPipeline:
    """The pipeline, rebuilt once its vocabulary passes `max_strings` strings."""

    def __init__(self, factory: Callable[[], Language] = load, max_strings: int = MAX_PIPELINE_STRINGS):
        self._factory = factory
        self._max_strings = max_strings
        self._nlp: Language | None = None

    def get(self) -> Language:
        if self._nlp is None or len(self._nlp.vocab.strings) > self._max_strings:
            self._nlp = self._factory()
        return self._nlp


def render_chunk(chunk: list[tuple[int, bytes]], options: BatchOptions, pipeline: FreshPipeline) -> list[Rendered]:
    return [render_line(number, raw, options, pipeline.get()) for number, raw in chunk]


def render_lines(lines: Iterable[tuple[int, bytes]], options: BatchOptions,
                 pipeline: FreshPipeline | None = None) -> Iterator[Rendered]:
    """The in-process engine (`--processes 1`)."""
    pipeline = pipeline or FreshPipeline()
    for number, raw in lines:
        yield render_line(number, raw, options, pipeline.get())


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def read_capped_lines(handle: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines with their endings; a line over `limit` bytes is cut to `limit + 1` bytes and the rest
    skipped, so one huge line cannot exhaust memory (it is then reported as too long)."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


class InputReader:
    """The inputs as one stream of numbered lines: `line` counts across all inputs, so input line N
    is output line N. Tracks how far it has read, for the progress bar's ETA."""

    def __init__(self, names: list[str], max_line_bytes: int):
        self.names = names
        self.max_line_bytes = max_line_bytes
        self.lines_read = 0
        self._finished_bytes = 0
        self._current: BinaryIO | None = None

    def check(self) -> None:
        for name in self.names:
            if name != "-" and not os.path.isfile(name):
                raise BatchJobError(f"cannot read {name}: no such file")

    @property
    def total_bytes(self) -> int | None:
        """The size of all inputs (compressed for .gz), unknown when one is standard input."""
        return None if "-" in self.names else sum(os.path.getsize(name) for name in self.names)

    @property
    def position(self) -> int:
        """Bytes read so far, of compressed data for a .gz input."""
        try:
            return self._finished_bytes + (self._current.tell() if self._current else 0)
        except (OSError, ValueError):
            return self._finished_bytes

    def numbered_lines(self, skip: int = 0) -> Iterator[tuple[int, bytes]]:
        """(line number, raw line) for every line after the first `skip`."""
        for name in self.names:
            try:
                with self._opened(name) as handle:
                    for raw in read_capped_lines(handle, self.max_line_bytes):
                        self.lines_read += 1
                        if self.lines_read > skip:
                            yield self.lines_read, raw
            except (OSError, EOFError) as err:  # EOFError: a truncated .gz
                raise BatchJobError(f"cannot read {name}: {err}") from err
            self._finished_bytes += 0 if name == "-" else os.path.getsize(name)

    @contextmanager
    def _opened(self, name: str) -> Iterator[BinaryIO]:
        if name == "-":
            yield sys.stdin.buffer
            return
        with open(name, "rb") as raw:
            self._current = raw
            try:
                if name.endswith(".gz"):
                    with gzip.GzipFile(fileobj=raw) as unzipped:
                        yield unzipped
                else:
                    yield raw
            finally:
                self._current = None


Engine = Callable[[Iterable[tuple[int, bytes]], BatchOptions], Iterator[Rendered]]


def default_processes() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def choose_engine(engine: str, processes: int, scheduler: str | None) -> Engine:
    if engine == "dask":
        try:
            from .dask_engine import render_on_dask
        except ImportError as err:
            raise BatchJobError(f"--engine dask needs the dask extra: pip install 'attrib[dask]' ({err})") from err
        return lambda lines, options: render_on_dask(lines, options, scheduler=scheduler, workers=processes)
    if engine != "local":
        raise BatchJobError(f"unknown engine {engine!r}: choose local or dask")
    if scheduler is not None:
        raise BatchJobError("--scheduler needs --engine dask")
    if processes == 1:
        return render_lines
    from .parallel import render_in_pool

    return lambda lines, options: render_in_pool(lines, options, processes=processes)


def check_job(inputs: list[str], output: str, options: BatchOptions, processes: int, resume: bool) -> None:
    """Everything that can be known wrong before the job starts, so it fails before writing anything."""
    if processes < 1:
        raise BatchJobError(f"--processes must be at least 1, not {processes}")
    check_options(options)
    if resume and is_stdout(output):
        raise BatchJobError("--resume needs an output file, not standard output")
    InputReader(inputs, options.max_line_bytes).check()


def write_all(rendered: Iterable[Rendered], out: BatchOutput, stats: BatchStats, progress: NoProgress) -> None:
    for line in rendered:
        stats.count(line.error_code)
        out.write(line.payload)
        progress.update(stats.read - stats.resumed, stats.errors)


def run(inputs: list[str], output: str, options: BatchOptions, *, processes: int | None = None,
        engine: str = "local", scheduler: str | None = None, resume: bool = False,
        progress_stream: TextIO | None = None) -> BatchStats:
    """Analyse every line of `inputs` into `output` ("-" for either means the standard stream).

    Raises BatchJobError when the job cannot run and BatchInterrupted on Ctrl-C; on any failure the
    partial output stays beside `output` for `resume=True` to continue from.
    """
    processes = default_processes() if processes is None else processes
    check_job(inputs, output, options, processes, resume)
    render = choose_engine(engine, processes, scheduler)
    reader = InputReader(inputs, options.max_line_bytes)

    started = time.monotonic()
    out = BatchOutput(output)
    recovered = out.open(resume)
    stats = BatchStats.resuming(recovered.lines, recovered.error_codes)
    progress = make_progress(progress_stream or sys.stderr, reader.total_bytes, lambda: reader.position)
    try:
        write_all(render(reader.numbered_lines(skip=recovered.lines), options), out, stats, progress)
        if reader.lines_read < recovered.lines:
            raise BatchJobError(f"{out.partial_path} has {recovered.lines} lines but the input only "
                                f"{reader.lines_read}: --resume needs the same inputs as the interrupted run")
        out.commit()
    except KeyboardInterrupt:
        out.close()
        raise BatchInterrupted(stats, out.partial_path) from None
    except BaseException:
        out.close()
        raise
    finally:
        stats.seconds = time.monotonic() - started
        progress.close()
    return stats


__all__ = ["BatchInterrupted", "BatchJobError", "BatchOptions", "BatchStats", "FreshPipeline", "Rendered", "render_line",
           "render_lines", "run"]
