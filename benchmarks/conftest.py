"""Shared corpus and the closing report of the throughput benchmarks (see docs/batch.md).

Run from the repository root: `.venv/bin/python -m pytest benchmarks --benchmark-enable`.
The corpus is the shared article pool when it is there (`../shared/pool/news-ar.jsonl`, research
use only, never copied into the repository), else the bundled redistributable sample. Set
ATTRIB_BENCH_STRICT=1 to fail the run when a target is missed, ATTRIB_BENCH_CORPUS=FILE to measure
another JSON-lines file.
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT.parent / "shared" / "pool" / "news-ar.jsonl"
SAMPLE = ROOT / "benchmarks" / "data" / "sample.jsonl"
SUMMARY = ROOT / ".benchmarks" / "attrib-summary.json"

TARGET_PIPELINE_OVER_TOKENIZER = 3.0
TARGET_TWO_PROCESS_SPEEDUP = 1.7
TARGET_MEMORY_GROWTH = 1.10


@dataclass(frozen=True)
class Corpus:
    path: Path
    name: str
    texts: tuple[str, ...]

    @property
    def docs(self) -> int:
        return len(self.texts)

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)


FIGURES: dict[str, dict] = {}
CORPUS_SEEN: list[Corpus] = []
LOAD_AVERAGES: list[str] = []  # other work on the machine skews the timings: the report shows it


def corpus_path() -> Path:
    """ATTRIB_BENCH_CORPUS (a JSON-lines file with `text`), else the pool, else the bundled sample."""
    chosen = os.environ.get("ATTRIB_BENCH_CORPUS")
    if chosen:
        return Path(chosen).resolve()
    return POOL if POOL.is_file() else SAMPLE


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    path = corpus_path()
    texts = tuple(orjson.loads(line)["text"] for line in path.read_bytes().splitlines() if line.strip())
    names = {POOL: "shared pool (../shared/pool/news-ar.jsonl)", SAMPLE: "bundled sample (benchmarks/data/sample.jsonl)"}
    name = names.get(path, str(path))
    loaded = Corpus(path, name, texts)
    CORPUS_SEEN.append(loaded)
    return loaded


@pytest.fixture(autouse=True)
def _needs_benchmarking(request):
    option = request.config.getoption
    if option("benchmark_disable") and not option("benchmark_enable"):  # pyproject's addopts disable them
        pytest.skip("benchmarks are off by default: run with --benchmark-enable")


def record_figures(name: str, seconds: float, corpus: Corpus, docs: int | None = None, *,
                   unless_slower: bool = False, **extra) -> None:
    """Keep one measurement for the closing report: `seconds` for `docs` documents of `corpus`;
    with `unless_slower`, only if no faster one of `name` is kept."""
    if unless_slower and name in FIGURES and FIGURES[name]["seconds"] <= seconds:
        return
    docs = corpus.docs if docs is None else docs
    words = corpus.words * docs // corpus.docs
    FIGURES[name] = {"seconds": seconds, "docs": docs, "docs_per_s": docs / seconds, "words_per_s": words / seconds,
                     **extra}


@pytest.fixture
def record():
    """`record(name, seconds, corpus, docs=None, *, unless_slower=False, **extra)` keeps a measurement
    for the closing report."""
    return record_figures


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ratio(numerator: str, denominator: str, field: str) -> float | None:
    if numerator in FIGURES and denominator in FIGURES:
        return FIGURES[numerator][field] / FIGURES[denominator][field]
    return None


def target_checks() -> list[tuple[str, float | None, bool | None]]:
    pipeline_over_tokenizer = _ratio("b_pipeline", "a_tokenizer", "seconds")
    speedup = _ratio("c_batch_1_process", "c_batch_2_processes", "seconds")
    job_speedup = _ratio("c_batch_1_process", "c_batch_2_processes", "job_seconds")
    tenfold_speedup = _ratio("c_batch_1_process_10x", "c_batch_2_processes_10x", "seconds")
    memory = _ratio("memory_10x", "memory_1x", "peak_rss_mb")

    def check(value, ok):
        return value, None if value is None else ok(value)

    return [
        (f"(b)/(a) pipeline time over tokenizer time <= {TARGET_PIPELINE_OVER_TOKENIZER}",
         *check(pipeline_over_tokenizer, lambda v: v <= TARGET_PIPELINE_OVER_TOKENIZER)),
        (f"(c) 2 processes over 1 process speed-up >= {TARGET_TWO_PROCESS_SPEEDUP}",
         *check(speedup, lambda v: v >= TARGET_TWO_PROCESS_SPEEDUP)),
        (f"(c) the same, the job alone (no interpreter start-up) >= {TARGET_TWO_PROCESS_SPEEDUP}",
         *check(job_speedup, lambda v: v >= TARGET_TWO_PROCESS_SPEEDUP)),
        (f"(c) the same, end to end on the 10x input (one round) >= {TARGET_TWO_PROCESS_SPEEDUP}",
         *check(tenfold_speedup, lambda v: v >= TARGET_TWO_PROCESS_SPEEDUP)),
        (f"peak memory 10x input over 1x <= {TARGET_MEMORY_GROWTH}",
         *check(memory, lambda v: v <= TARGET_MEMORY_GROWTH)),
    ]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def pytest_sessionstart(session):
    LOAD_AVERAGES.append(load_average())


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    LOAD_AVERAGES.append(load_average())
    write = terminalreporter.write_line
    terminalreporter.section("attrib throughput")
    write(f"machine: {cpu_model()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"load average (1, 5, 15 min) at start {LOAD_AVERAGES[0]}, at end {LOAD_AVERAGES[-1]}")
    for seen in CORPUS_SEEN:
        write(f"corpus: {seen.name}, {seen.docs} docs, {seen.words:,} words (whitespace-separated)")
    write(f"{'measure':<24}{'docs':>8}{'seconds':>10}{'docs/s':>10}{'words/s':>12}  other")
    for name, f in FIGURES.items():
        other = ", ".join(f"{k} {v}" for k, v in f.items()
                          if k not in ("seconds", "docs", "docs_per_s", "words_per_s"))
        write(f"{name:<24}{f['docs']:>8}{f['seconds']:>10.2f}{f['docs_per_s']:>10.1f}{f['words_per_s']:>12,.0f}  {other}")
    for label, value, ok in target_checks():
        verdict = "not measured" if ok is None else ("met" if ok else "MISSED")
        write(f"target {label}: {'-' if value is None else f'{value:.2f}'} ({verdict})")
    SUMMARY.parent.mkdir(exist_ok=True)
    SUMMARY.write_text(json.dumps({"cpu": cpu_model(), "load_averages": LOAD_AVERAGES,
                                   "corpus": [c.name for c in CORPUS_SEEN], "figures": FIGURES,
                                   "targets": [{"target": t, "value": v, "met": ok} for t, v, ok in target_checks()]},
                                  indent=2))
    write(f"written to {SUMMARY.relative_to(ROOT)}")


def pytest_sessionfinish(session):
    if os.environ.get("ATTRIB_BENCH_STRICT") == "1" and any(ok is False for _, _, ok in target_checks()):
        session.exitstatus = 1
