"""`attrib batch`: one output line per input line, in order; bad lines as coded error records."""

from __future__ import annotations

import gc
import gzip
import io
import json
import os
import pty
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

import attrib
from attrib.batch import BatchOptions, FreshPipeline, parse_line, render_lines
from attrib.cli import main
from attrib.parallel import CHUNKS_IN_FLIGHT_PER_PROCESS, LINES_PER_CHUNK, frozen_for_fork, render_in_pool
from attrib.progress import NoProgress, ProgressBar, make_progress

ROOT = Path(__file__).resolve().parent.parent
SAID = "قال الوزير إن الخطة جاهزة."


def jsonl(*records) -> bytes:
    """Records as JSON lines; bytes are taken as a line's exact content."""
    return b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
                    for r in records)


def gold_texts(n: int) -> list[dict]:
    with open(ROOT / "corpus" / "gold" / "dev.jsonl", encoding="utf-8") as handle:
        return [{"id": r["id"], "text": r["text"][:1500]} for r in map(json.loads, islice(handle, n))]


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def batch(tmp_path: Path, content: bytes, *options: str, name: str = "in.jsonl") -> tuple[int, Path]:
    source = tmp_path / name
    source.write_bytes(gzip.compress(content) if name.endswith(".gz") else content)
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(source), "-o", str(out), *options])
    return code, out


MIXED = jsonl(
    {"id": "a", "text": SAID},
    b"{not json",
    b'{"id": "u", "text": "\xff\xfe"}',
    {"id": "m"},
    {"id": "n", "text": 5},
    {"id": "e", "text": "  \n "},
    {"id": "long", "text": "قال " * 30},
    [1, 2],
    b"",
    {"id": 7, "text": SAID},
)
MIXED_CODES = [None, "E104", "E105", "E106", "E106", "E102", "E103", "E104", "E104", None]


def test_every_line_yields_one_record_in_order_and_the_run_goes_on(tmp_path, capsys):
    code, out = batch(tmp_path, MIXED, "--processes", "1", "--max-chars", "100", "--stats", str(tmp_path / "s.json"))
    assert code == 0
    records = read_records(out)
    assert [r["error"]["code"] if "error" in r else None for r in records] == MIXED_CODES
    assert [r["line"] for r in records if "error" in r] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert [r["id"] for r in records] == ["a", None, None, "m", "n", "e", "long", None, None, "7"]
    stats = json.loads((tmp_path / "s.json").read_text())
    assert (stats["read"], stats["ok"], stats["errors"]) == (10, 2, 8)
    assert stats["error_codes"] == {"E102": 1, "E103": 1, "E104": 3, "E105": 1, "E106": 2}
    assert "read 10 = ok 2 + errors 8" in capsys.readouterr().err


def test_error_records_have_the_documented_shape(tmp_path):
    _, out = batch(tmp_path, jsonl({"id": "m", "url": "u1"}, b"[]"), "--processes", "1", "--keep", "url")
    first, second = read_records(out)
    assert first == {"id": "m", "line": 1, "error": {"code": "E106", "message": "line 1: field 'text' is missing"},
                     "url": "u1"}
    assert list(second) == ["id", "line", "error"] and list(second["error"]) == ["code", "message"]


@pytest.mark.parametrize("raw, code", [
    (b"{not json", "E104"),
    (b"   ", "E104"),
    (b'"a string"', "E104"),
    (b"null", "E104"),
    (b'{"text": "\xd9"}', "E105"),
    (b'{"id": 1}', "E106"),
    (b'{"text": null}', "E106"),
    (b'{"text": ["a"]}', "E106"),
    (b'{"text": ""}', "E102"),
    (b'{"text": "\\n\\t "}', "E102"),
    (b'{"text": "' + "ق".encode() * 11 + b'"}', "E103"),
    (b'{"text": "ok", "pad": "' + b"x" * (16 * 10 + (1 << 20)) + b'"}', "E103"),
])
def test_each_kind_of_bad_line_has_its_code(raw, code):
    job = parse_line(3, raw, BatchOptions(max_chars=10))
    assert job.error.code == code and job.error.message.startswith("line 3")


def test_text_key_id_key_and_kept_fields(tmp_path):
    content = jsonl({"body": SAID, "doc": 12, "url": "u1", "meta": {"a": 1}}, {"doc": "x", "url": "u2"})
    _, out = batch(tmp_path, content, "--processes", "1", "--text-key", "body", "--id-key", "doc",
                   "--keep", "url", "meta", "absent")
    result, error = read_records(out)
    assert result["id"] == "12" and result["quotes"] and (result["url"], result["meta"]) == ("u1", {"a": 1})
    assert "absent" not in result
    assert error["error"]["code"] == "E106" and (error["id"], error["url"]) == ("x", "u2")


def test_keep_may_not_overwrite_an_output_field(tmp_path, capsys):
    code, out = batch(tmp_path, jsonl({"text": SAID, "source": "x"}), "--keep", "source")
    assert code == 2 and not out.exists()
    assert "--keep source" in capsys.readouterr().err


def test_two_processes_write_the_same_bytes_as_one(tmp_path):
    content = jsonl(*gold_texts(12), b"{broken", *gold_texts(6))
    _, one = batch(tmp_path, content, "--processes", "1")
    expected = one.read_bytes()
    _, two = batch(tmp_path, content, "--processes", "2")
    assert two.read_bytes() == expected and len(expected.splitlines()) == 19


def test_gzip_input_and_output(tmp_path):
    content = jsonl(*gold_texts(3), b"{broken")
    _, plain = batch(tmp_path, content, "--processes", "1")
    expected = plain.read_bytes()
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(gzip.compress(content))
    zipped = tmp_path / "out.jsonl.gz"
    assert main(["batch", str(source), "-o", str(zipped), "--processes", "1"]) == 0
    first = zipped.read_bytes()
    assert gzip.decompress(first) == expected
    assert main(["batch", str(source), "-o", str(zipped), "--processes", "1"]) == 0
    assert zipped.read_bytes() == first, "gzip output should not depend on the time or the file name"


def test_line_numbers_run_across_input_files(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_bytes(jsonl({"text": SAID}, b"x"))
    (tmp_path / "b.jsonl").write_bytes(jsonl(b"y", {"text": SAID}))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "-o", str(out),
                 "--processes", "1"]) == 0
    assert [r.get("line") for r in read_records(out)] == [None, 2, 3, None]


def test_standard_input_to_standard_output_stays_quiet_when_piped():
    run = subprocess.run([sys.executable, "-m", "attrib.cli", "batch", "-", "-o", "-", "--processes", "2"],
                         input=jsonl({"id": "a", "text": SAID}, b"oops", {"id": "b", "text": SAID}),
                         capture_output=True, check=True)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", None, "b"] and records[1]["error"]["code"] == "E104"
    assert run.stderr.decode().strip().startswith("read 3 = ok 2 + errors 1")
    assert "\r" not in run.stderr.decode()


def test_output_is_renamed_into_place_only_when_the_job_finishes(tmp_path, capsys):
    good = tmp_path / "a.jsonl"
    good.write_bytes(jsonl({"id": "a", "text": SAID}))
    cut = tmp_path / "b.jsonl.gz"
    cut.write_bytes(gzip.compress(jsonl(*gold_texts(4)))[:-40])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(good), str(cut), "-o", str(out), "--processes", "1"]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert not out.exists()
    assert read_records(tmp_path / "out.jsonl.part")[0]["id"] == "a"


@pytest.mark.parametrize("argv, message", [
    (["missing.jsonl", "-o", "out.jsonl"], "cannot read missing.jsonl"),
    (["in.jsonl", "-o", "-", "--resume"], "--resume needs an output file"),
    (["in.jsonl", "-o", "out.jsonl", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["in.jsonl", "-o", "out.jsonl", "--processes", "0"], "--processes must be at least 1"),
])
def test_a_job_that_cannot_run_exits_non_zero(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_bytes(jsonl({"text": SAID}))
    assert main(["batch", *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


class ExplodingPipeline:
    """The real pipeline, except that it fails on one text the way an engine bug would."""

    def __init__(self):
        self.nlp = attrib.load()
        self.vocab = self.nlp.vocab

    def __call__(self, text: str):
        if "انفجار" in text:
            raise IndexError("list index out of range")
        return self.nlp(text)


def test_an_engine_failure_on_one_text_is_recorded_and_the_run_goes_on():
    lines = enumerate(jsonl({"id": "a", "text": SAID}, {"id": "b", "text": "انفجار"},
                            {"id": "c", "text": SAID}).splitlines(keepends=True), 1)
    rendered = list(render_lines(lines, BatchOptions(), FreshPipeline(ExplodingPipeline)))
    assert [r.error_code for r in rendered] == [None, "E107", None]
    failed = json.loads(rendered[1].payload)
    assert failed["id"] == "b" and failed["line"] == 2
    assert failed["error"]["message"] == "line 2: the engine failed: IndexError: list index out of range"


def test_rebuilding_the_pipeline_does_not_change_results():
    lines = list(enumerate(jsonl(*gold_texts(6)).splitlines(keepends=True), 1))
    built = []

    def counted_load():
        built.append(1)
        return attrib.load()

    every_time = list(render_lines(lines, BatchOptions(), FreshPipeline(counted_load, max_strings=1)))
    assert len(built) == 6
    assert every_time == list(render_lines(lines, BatchOptions()))


def test_the_pool_reads_only_a_bounded_window_ahead():
    pulled = 0

    def endless_blank_lines():
        nonlocal pulled
        while True:
            pulled += 1
            yield pulled, b"\n"

    results = render_in_pool(endless_blank_lines(), BatchOptions(), processes=2)
    first = next(results)
    results.close()
    assert first.error_code == "E104"
    assert pulled <= (2 * CHUNKS_IN_FLIGHT_PER_PROCESS + 1) * LINES_PER_CHUNK


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_rate_errors_and_eta():
    now, position = [100.0], [100]
    bar = ProgressBar(FakeTerminal(), total_bytes=1000, position=lambda: position[0], clock=lambda: now[0])
    bar.update(1, 0)
    now[0], position[0] = 110.0, 250
    bar.update(50, 2)
    text = bar.render(now[0])
    assert "50 docs" in text and "5.0 docs/s" in text and "errors 2" in text and " 25%" in text
    assert "ETA 0:00:50" in text, "750 bytes left at 15 bytes/s"


def test_progress_is_off_when_stderr_is_not_a_terminal():
    assert type(make_progress(io.StringIO(), 1000, lambda: 0)) is NoProgress
    assert type(make_progress(FakeTerminal(), 1000, lambda: 0)) is ProgressBar


def test_progress_bar_is_drawn_on_a_real_terminal(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(jsonl({"text": SAID}, b"x"))
    leader, follower = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-m", "attrib.cli", "batch", str(source), "-o", str(tmp_path / "o"),
                              "--processes", "1"], check=False, stderr=follower, stdout=subprocess.DEVNULL, timeout=60)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed once its last writer is gone
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert run.returncode == 0
    text = shown.decode()
    assert "\r[####################] 100% | 2 docs |" in text and "errors 1 | ETA" in text
    assert "read 2 = ok 1 + errors 1" in text


def test_a_line_too_long_to_read_whole_is_skipped_and_reported(tmp_path):
    huge = b'{"id": "huge", "text": "' + b"x" * (2 << 20) + b'"}'
    _, out = batch(tmp_path, jsonl(huge, {"id": "next", "text": "قال"}), "--processes", "1", "--max-chars", "10")
    first, second = read_records(out)
    assert first["error"]["code"] == "E103" and first["line"] == 1 and "bytes" in first["error"]["message"]
    assert second["id"] == "next" and "error" not in second


def test_objects_are_frozen_only_while_the_workers_fork():
    assert gc.get_freeze_count() == 0
    with frozen_for_fork():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
