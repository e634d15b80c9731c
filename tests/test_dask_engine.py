"""`attrib batch --engine dask`: the same bytes as the local engine, on a real Dask cluster."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the Dask engine needs the optional extra: pip install 'attrib[dask]'")

import dask  # noqa: E402
from distributed import LocalCluster  # noqa: E402

from attrib.batch import BatchJobError, BatchOptions, run  # noqa: E402
from attrib.dask_engine import LINES_PER_PARTITION  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def job_input(tmp_path_factory) -> Path:
    """Enough lines for several partitions: real articles cut short, and a few bad lines."""
    with open(ROOT / "corpus" / "gold" / "test.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    lines = []
    for number in range(2 * LINES_PER_PARTITION + 10):
        record = records[number % len(records)]
        lines.append(json.dumps({"id": f"{record['id']}#{number}", "text": record["text"][:400],
                                 "outlet": record["meta"]["outlet"]}, ensure_ascii=False).encode())
    lines[5], lines[70] = b"{broken", b'{"id": "empty", "text": ""}'
    path = tmp_path_factory.mktemp("dask") / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.fixture(scope="module")
def local_output(job_input, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("local") / "out.jsonl"
    run([str(job_input)], str(out), BatchOptions(keep=("outlet",)), processes=1)
    return out.read_bytes()


def test_dask_output_is_byte_identical_to_the_local_engine(job_input, local_output, tmp_path):
    out = tmp_path / "out.jsonl"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        stats = run([str(job_input)], str(out), BatchOptions(keep=("outlet",)), engine="dask",
                    scheduler=cluster.scheduler_address)
    assert out.read_bytes() == local_output
    assert (stats.read, stats.errors, stats.error_codes) == (2 * LINES_PER_PARTITION + 10, 2, {"E102": 1, "E104": 1})


def test_the_command_runs_on_its_own_local_cluster_by_default(job_input, local_output, tmp_path):
    out = tmp_path / "out.jsonl"
    run_ = subprocess.run([sys.executable, "-m", "attrib.cli", "batch", str(job_input), "-o", str(out),
                           "--keep", "outlet", "--engine", "dask", "--processes", "1"],
                          check=False, capture_output=True, timeout=120)
    assert run_.returncode == 0, run_.stderr.decode()
    assert out.read_bytes() == local_output
    assert run_.stderr.decode().startswith(f"read {2 * LINES_PER_PARTITION + 10} = ok")


def test_an_unreachable_scheduler_is_a_job_error(job_input, tmp_path):
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(BatchJobError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run([str(job_input)], str(tmp_path / "out.jsonl"), BatchOptions(), engine="dask", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "out.jsonl").exists()
