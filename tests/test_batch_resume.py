"""`attrib batch --resume`: real runs are killed mid-way and resumed; the output must equal an
uninterrupted run's byte for byte, with no duplicate and no gap, and the counts must add up."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

import pytest

from attrib.batch import BatchJobError, BatchOptions, run
from attrib.batch_output import BUFFER_BYTES, BatchOutput, recover_gzip, recover_plain

ROOT = Path(__file__).resolve().parent.parent
# The job is stopped once KILL_AFTER_LINES lines are on disk; the rest must take long enough (most of
# a second with 2 processes) that a stop lands mid-run, however quick the engine gets.
LINES = 1200
KILL_AFTER_LINES = 100


def gold_records() -> list[dict]:
    records = []
    for split in ("dev", "test"):
        with open(ROOT / "corpus" / "gold" / f"{split}.jsonl", encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle]
    return records


@pytest.fixture(scope="module")
def job_input(tmp_path_factory) -> Path:
    """LINES lines of real articles (cut short to keep the test quick), every 50th line broken."""
    path = tmp_path_factory.mktemp("resume") / "in.jsonl"
    with open(path, "wb") as handle:
        for number, record in enumerate(islice(cycle(gold_records()), LINES), 1):
            if number % 50 == 0:
                handle.write(b'{"id": "broken", "text": \n')
                continue
            line = {"id": f"doc-{number}", "text": record["text"][:1000], "outlet": record["meta"]["outlet"]}
            handle.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
    return path


def batch_command(job_input: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "attrib.cli", "batch", str(job_input), "-o", str(out), "--keep", "outlet",
            "--stats", str(out) + ".stats.json", *options]


def finish(job_input: Path, out: Path, *options: str) -> dict:
    subprocess.run(batch_command(job_input, out, *options), check=True, capture_output=True, timeout=120)
    return json.loads(Path(str(out) + ".stats.json").read_text())


@pytest.fixture(scope="module")
def reference(job_input, tmp_path_factory) -> tuple[bytes, dict]:
    out = tmp_path_factory.mktemp("reference") / "out.jsonl"
    stats = finish(job_input, out, "--processes", "1")
    return out.read_bytes(), stats


def partial_of(out: Path) -> Path:
    return out.with_name(out.name + ".part")


def readable_lines(partial: Path) -> int:
    if not partial.exists():
        return 0
    if partial.name.endswith(".gz.part"):
        with gzip.open(partial, "rb") as unzipped:
            data = b""
            try:
                while chunk := unzipped.read(1 << 16):
                    data += chunk
            except EOFError:
                pass
        return data.count(b"\n")
    return partial.read_bytes().count(b"\n")


def children_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_and_stop(job_input: Path, out: Path, stop, *options: str,
                   after_lines: int = KILL_AFTER_LINES) -> tuple[subprocess.Popen, list[int]]:
    """Start a real run, let it write `after_lines` lines, then `stop` it; the workers it had."""
    process = subprocess.Popen(batch_command(job_input, out, *options), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_as_foreground_job)
    try:
        deadline = time.monotonic() + 60
        while readable_lines(partial_of(out)) < after_lines:
            assert process.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline, "the run wrote nothing for 60 s"
            time.sleep(0.01)
        workers = children_of(process.pid)
        stop(process)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process, workers


def _as_foreground_job() -> None:
    """Ctrl-C as a terminal's foreground job gets it: a run started from a background job or by a
    CI runner inherits an ignored SIGINT, and Python then never turns it into KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kill_9(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)


def ctrl_c(process: subprocess.Popen) -> None:
    # A terminal sends Ctrl-C to the whole foreground process group: the job and its workers.
    os.killpg(process.pid, signal.SIGINT)


def assert_interrupted_mid_run(out: Path) -> None:
    assert not out.exists(), "OUT must only appear when the job has finished"
    assert KILL_AFTER_LINES <= readable_lines(partial_of(out)) < LINES


def assert_same_job(stats: dict, reference_stats: dict) -> None:
    assert stats["read"] == LINES == stats["ok"] + stats["errors"]
    assert 0 < stats["resumed"] < LINES
    for key in ("ok", "errors", "error_codes"):
        assert stats[key] == reference_stats[key]


def wait_until_gone(pids: list[int], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while any(is_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in pids if is_running(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "workers outlived their killed parent"


def test_resume_after_kill_9_matches_an_uninterrupted_run(job_input, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    process, workers = start_and_stop(job_input, out, kill_9, "--processes", "2")
    assert process.returncode == -signal.SIGKILL and len(workers) == 2
    assert_interrupted_mid_run(out)
    wait_until_gone(workers)

    stats = finish(job_input, out, "--processes", "2", "--resume")
    assert out.read_bytes() == reference[0]
    assert not partial_of(out).exists()
    assert_same_job(stats, reference[1])


def test_gzip_output_resumes_after_two_kills(job_input, reference, tmp_path):
    out = tmp_path / "out.jsonl.gz"
    start_and_stop(job_input, out, kill_9, "--processes", "1")
    assert_interrupted_mid_run(out)
    # The resumed run is killed too, once it has written lines of its own into a second gzip member.
    first_stop = readable_lines(partial_of(out))
    start_and_stop(job_input, out, kill_9, "--processes", "1", "--resume", after_lines=first_stop + 40)
    assert_interrupted_mid_run(out)

    stats = finish(job_input, out, "--processes", "1", "--resume")
    assert gzip.decompress(out.read_bytes()) == reference[0]
    assert_same_job(stats, reference[1])


def test_ctrl_c_stops_cleanly_and_resume_finishes_the_job(job_input, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    process, _ = start_and_stop(job_input, out, ctrl_c, "--processes", "2")
    message = process.stderr.read().decode()
    assert process.returncode == 130, message
    assert "interrupted: read " in message and "--resume" in message
    assert "Traceback" not in message
    assert_interrupted_mid_run(out)

    stats = finish(job_input, out, "--processes", "2", "--resume")
    assert out.read_bytes() == reference[0]
    assert_same_job(stats, reference[1])


def test_recovery_drops_a_partial_last_line_and_counts_what_it_keeps(tmp_path):
    partial = tmp_path / "out.jsonl.part"
    partial.write_bytes(b'{"id":"a","quotes":[]}\n{"id":null,"line":2,"error":{"code":"E104","message":"m"}}\n'
                        b'{"id":"c","quo')
    recovered = recover_plain(partial)
    assert (recovered.lines, recovered.error_codes) == (2, {"E104": 1})
    assert partial.read_bytes().endswith(b'"message":"m"}}\n')


def test_recovery_keeps_the_readable_lines_of_a_cut_off_gzip_stream(tmp_path):
    lines = b"".join(b'{"id":"%d","quotes":[]}\n' % n for n in range(2000))
    partial = tmp_path / "out.jsonl.gz.part"
    partial.write_bytes(gzip.compress(lines)[:-200])
    recovered = recover_gzip(partial)
    kept = gzip.decompress(partial.read_bytes())
    assert 0 < recovered.lines == kept.count(b"\n") < 2000
    assert lines.startswith(kept)


def test_resume_without_a_partial_file_starts_from_the_beginning(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "قال زيد إن الخطة جاهزة."}, ensure_ascii=False) + "\nbroken\n",
                      encoding="utf-8")
    fresh, resumed = tmp_path / "fresh.jsonl", tmp_path / "resumed.jsonl"
    run([str(source)], str(fresh), BatchOptions(), processes=1)
    stats = run([str(source)], str(resumed), BatchOptions(), processes=1, resume=True)
    assert resumed.read_bytes() == fresh.read_bytes() and (stats.read, stats.resumed) == (2, 0)


def test_resume_refuses_a_partial_output_longer_than_the_input(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"text": "x"}\n')
    out = tmp_path / "out.jsonl"
    partial_of(out).write_bytes(b'{"id":null,"line":1,"error":{"code":"E104","message":"m"}}\n' * 3)
    with pytest.raises(BatchJobError, match="--resume needs the same inputs"):
        run([str(source)], str(out), BatchOptions(), processes=1, resume=True)
    assert not out.exists() and partial_of(out).exists()


class InterruptedAfterWrite:
    """A sink whose first write lands whole and is then hit by Ctrl-C, as a signal can strike."""

    def __init__(self, sink):
        self._sink = sink
        self._interrupted = False

    def write(self, data):
        written = self._sink.write(data)
        if not self._interrupted:
            self._interrupted = True
            raise KeyboardInterrupt
        return written

    def __getattr__(self, name):
        return getattr(self._sink, name)


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_ctrl_c_right_after_a_write_leaves_each_line_once(tmp_path, name):
    output = BatchOutput(str(tmp_path / name))
    output.open(resume=False)
    output._sink = InterruptedAfterWrite(output._sink)
    lines = [b'{"id":"%d","quotes":[]}' % n for n in range(BUFFER_BYTES // 16)]
    with pytest.raises(KeyboardInterrupt):
        for line in lines:
            output.write(line)
    output.close()
    written = output.partial_path.read_bytes()
    if name.endswith(".gz"):
        written = gzip.decompress(written)
    assert written.splitlines() == lines[:len(written.splitlines())] and written.endswith(b"\n")
    assert len(written.splitlines()) > 0
