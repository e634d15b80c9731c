"""`python -m attrib.corpus.pool`: attributions per 1,000 words and a sample to check by hand."""

from __future__ import annotations

import json

from attrib.corpus.pool import main


def test_sample_shows_the_speaker_when_asked(tmp_path, capsys):
    pool = tmp_path / "pool.jsonl"
    texts = ["وقال الوزير سامي نصر إن الخطة جاهزة، مضيفا أن التمويل متوفر.", "ارتفعت الأسعار أمس."]
    pool.write_text("".join(json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    assert main([str(pool), "--sample", "2", "--speakers"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header == "articles words=14 attributions=2 per_1000_words=142.86"
    assert sorted(row.split("\t")[5] for row in rows) == ["سامي نصر (anaphora)", "سامي نصر (explicit)"]
