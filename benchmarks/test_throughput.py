"""Throughput and memory: (a) spaCy's blank Arabic tokenizer, (b) the full attribution pipeline on
the same texts, (c) `attrib batch` end to end with 1 and 2 processes, and peak memory on an input
10 times larger. Times are the fastest of several rounds: the machine may be shared."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy

import attrib


def analyse_all(nlp, texts) -> int:
    """Run the pipeline and build every result, as `extract` does; the number of texts it failed on."""
    failures = 0
    for text in texts:
        try:
            nlp(text)._.attribution.to_dict()
        except Exception:  # noqa: BLE001  (an engine bug must not stop the measurement; it is reported)
            failures += 1
    return failures


def batch_args(source: Path, out: Path, processes: int) -> list[str]:
    return ["batch", str(source), "-o", str(out), "--processes", str(processes)]


def tokenize_all(tokenizer, texts) -> None:
    for text in texts:
        tokenizer(text)


def test_a_blank_arabic_tokenizer(benchmark, corpus, record):
    tokenizer = spacy.blank("ar")
    benchmark.pedantic(tokenize_all, args=(tokenizer, corpus.texts), rounds=5, warmup_rounds=1, iterations=1)
    record("a_tokenizer", benchmark.stats.stats.min, corpus)


def test_b_full_attribution_pipeline(benchmark, corpus, record):
    """Each round of the pipeline follows a round of the tokenizer, so that a spell of other work on
    the machine slows both: (a) is then the fastest of these rounds and of its own test's."""
    nlp = attrib.load()
    tokenizer = spacy.blank("ar")
    failures = analyse_all(nlp, corpus.texts)  # the warm-up round
    tokenize_all(tokenizer, corpus.texts)

    def tokenizer_round():
        start = time.perf_counter()
        tokenize_all(tokenizer, corpus.texts)
        record("a_tokenizer", time.perf_counter() - start, corpus, unless_slower=True)

    benchmark.pedantic(analyse_all, args=(nlp, corpus.texts), setup=tokenizer_round, rounds=5, iterations=1)
    record("b_pipeline", benchmark.stats.stats.min, corpus, engine_failures=failures)


@pytest.fixture(scope="module")
def tenfold(corpus, tmp_path_factory) -> Path:
    """The corpus 10 times over, as a JSON-lines file."""
    path = tmp_path_factory.mktemp("tenfold") / "in.jsonl"
    lines = corpus.path.read_bytes().splitlines()
    path.write_bytes(b"".join(line + b"\n" for _ in range(10) for line in lines))
    return path


def batch_timing(benchmark, source: Path, docs: int, tmp_path: Path, processes: int, rounds: int) -> dict:
    """Fastest of `rounds` runs of the command, and of the job alone as the command reports it
    (without starting Python and importing spaCy, which both process counts pay once)."""
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    command = [sys.executable, "-m", "attrib.cli", *batch_args(source, out, processes), "--stats", str(stats)]
    job_seconds = []

    def batch():
        subprocess.run(command, check=True, capture_output=True)
        report = json.loads(stats.read_text())
        assert report["read"] == report["ok"] + report["errors"] == docs
        job_seconds.append(report["seconds"])

    benchmark.pedantic(batch, rounds=rounds, iterations=1)
    return {"seconds": benchmark.stats.stats.min, "job_seconds": min(job_seconds)}


def process_label(processes: int) -> str:
    return "1_process" if processes == 1 else f"{processes}_processes"


@pytest.mark.parametrize("processes", [1, 2])
def test_c_batch_end_to_end(benchmark, corpus, record, tmp_path, processes):
    timing = batch_timing(benchmark, corpus.path, corpus.docs, tmp_path, processes, rounds=5)
    record(f"c_batch_{process_label(processes)}", timing["seconds"], corpus, job_seconds=timing["job_seconds"])


@pytest.mark.parametrize("processes", [1, 2])
def test_c_batch_end_to_end_on_the_tenfold_input(benchmark, corpus, record, tenfold, tmp_path, processes):
    """Start-up is a smaller share here; one round each, as it is long."""
    timing = batch_timing(benchmark, tenfold, corpus.docs * 10, tmp_path, processes, rounds=1)
    record(f"c_batch_{process_label(processes)}_10x", timing["seconds"], corpus, docs=corpus.docs * 10,
           job_seconds=timing["job_seconds"])


# Runs the command in the measured process itself and prints that process's peak resident memory.
# (The parent's ru_maxrss for a child would also count the image it forked from, the big test process.)
PEAK_RSS_WRAPPER = """
import sys
from attrib.cli import main
code = main(sys.argv[1:])
status = open("/proc/self/status").read()
print(status.split("VmHWM:")[1].split()[0])  # kB
sys.exit(code)
"""


def peak_rss_mb(arguments: list[str]) -> float:
    """Peak resident memory, in MB, of one `attrib` process (Linux)."""
    done = subprocess.run([sys.executable, "-c", PEAK_RSS_WRAPPER, *arguments], check=True, capture_output=True)
    return int(done.stdout.split()[-1]) / 1024


@pytest.mark.parametrize("scale", [1, 10])
def test_peak_memory_does_not_grow_with_the_input(corpus, record, tenfold, tmp_path, scale):
    """One process, so the whole job (reading, analysing, writing) is in the process measured."""
    source = corpus.path if scale == 1 else tenfold
    started = time.perf_counter()
    peak = peak_rss_mb(batch_args(source, tmp_path / "out.jsonl", processes=1))
    record(f"memory_{scale}x", time.perf_counter() - started, corpus, docs=corpus.docs * scale,
           peak_rss_mb=round(peak, 1))
