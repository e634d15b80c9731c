"""Cue statistics on an unannotated pool of articles (JSON lines with `id` and `text`).

`python -m attrib.corpus.pool POOL.jsonl --sample 50 --seed 7` prints how many attributions fire
per 1,000 words and a reproducible random sample of fired cues, with context, for checking by hand;
`--speakers` adds the speaker the engine names and how it found it, to check speakers by hand.
"""

from __future__ import annotations

import argparse
import random
import sys

import orjson

from ..pipeline import load


def fired_cues(path: str):
    """(article id, text, word count, [(cue start, cue end, lemma, class, speaker)]) for each article;
    the speaker is "name (resolution)", or "-" when the engine names none."""
    nlp = load()
    with open(path, "rb") as handle:
        records = [orjson.loads(line) for line in handle if line.strip()]
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        cues = [(q.cue.span.start, q.cue.span.end, q.cue.lemma, q.cue.cue_class,
                 f"{q.speaker.name} ({q.speaker.resolution})" if q.speaker else "-") for q in doc._.quotes]
        yield record["id"], record["text"], len(record["text"].split()), cues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pool")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--speakers", action="store_true", help="show each sampled statement's speaker")
    args = parser.parse_args(argv)
    words = fired = 0
    population = []
    for doc_id, text, count, cues in fired_cues(args.pool):
        words += count
        fired += len(cues)
        population += [(doc_id, text, *cue) for cue in cues]
    print(f"articles words={words} attributions={fired} per_1000_words={1000 * fired / words:.2f}")
    for doc_id, text, start, end, lemma, cls, speaker in random.Random(args.seed).sample(population, args.sample):
        context = (text[max(0, start - 60):start] + "⟦" + text[start:end] + "⟧" + text[end:end + 80]).replace("\n", " ⏎ ")
        shown = f"\t{speaker}" if args.speakers else ""
        print(f"{doc_id}\t{start}\t{end}\t{lemma}\t{cls}{shown}\t{context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
