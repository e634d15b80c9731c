from __future__ import annotations

import atexit
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from attrib.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "corpus" / "anchor" / "seed" / "aljazeera-russia-turkey-syria.txt"


def test_extract_prints_the_result_of_one_file(capsysbinary):
    assert main(["extract", str(SEED_TEXT), "--id", "seed"]) == 0
    result = json.loads(capsysbinary.readouterr().out)
    assert result["id"] == "seed" and len(result["quotes"]) >= 13


def test_extract_reads_standard_input():
    run = subprocess.run([sys.executable, "-m", "attrib.cli", "extract", "-"], input="قال الوزير إن الخطة جاهزة.",
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout)["quotes"][0]["content"]["text"] == "الخطة جاهزة"


def test_validate_reports_each_bad_line(tmp_path, capsys):
    good = subprocess.run([sys.executable, "-m", "attrib.cli", "extract", str(SEED_TEXT)],
                          capture_output=True, text=True, check=True).stdout.strip()
    bad = json.loads(good)
    bad["quotes"][0]["type"] = "quoted"
    path = tmp_path / "out.jsonl"
    path.write_text(good + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: quotes/0/type" in out and f"{path}:1:" not in out


def test_eval_prints_json_with_the_headline_figures(tmp_path, capsysbinary):
    gold = ROOT / "corpus" / "gold" / "dev.jsonl"
    first = gold.read_bytes().splitlines()[0]
    path = tmp_path / "one.jsonl"
    path.write_bytes(first + b"\n")
    assert main(["eval", str(path), "--json"]) == 0
    result = json.loads(capsysbinary.readouterr().out)
    for key in ("documents", "gold", "predicted", "precision", "recall", "f1", "e2e_f1", "speaker_accuracy",
                "agency_accuracy", "exact_content", "by_outlet"):
        assert key in result
    assert result["documents"] == 1


def test_eval_fails_below_the_floor(tmp_path):
    gold = ROOT / "corpus" / "gold" / "dev.jsonl"
    path = tmp_path / "one.jsonl"
    path.write_bytes(gold.read_bytes().splitlines()[0] + b"\n")
    assert main(["eval", str(path), "--min-e2e-f1", "1.01"]) == 1


def test_eval_errors_lists_misses_with_context(tmp_path, capsys):
    record = json.loads((ROOT / "corpus" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    record["quotes"].append({**record["quotes"][0], "cue": {"text": record["text"][0:3], "start": 0, "end": 3},
                             "content": {"text": record["text"][0:20], "start": 0, "end": 20}})
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    main(["eval", str(path), "--errors"])
    assert "[missed]" in capsys.readouterr().out


def test_the_command_leaves_garbage_collection_out_of_interpreter_shutdown(monkeypatch, capsys):
    registered = []
    monkeypatch.setattr(atexit, "register", registered.append)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert registered == [gc.freeze]
