"""The `attrib` command: a thin layer over the package's functions."""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from pathlib import Path

import orjson

from . import __version__


def _cmd_extract(args) -> int:
    from .pipeline import extract

    if args.file == "-":
        text = sys.stdin.read()
    else:
        text = Path(args.file).read_text(encoding="utf-8")
    result = extract(text, id=args.id)
    option = orjson.OPT_INDENT_2 if args.pretty else 0
    sys.stdout.buffer.write(orjson.dumps(result.to_dict(), option=option) + b"\n")
    return 0


def _cmd_batch(args) -> int:
    import os

    from .batch import BatchInterrupted, BatchJobError, BatchOptions, run

    options = BatchOptions(text_key=args.text_key, id_key=args.id_key, keep=tuple(args.keep or ()),
                           max_chars=args.max_chars)
    try:
        stats = run(args.inputs, args.output, options, processes=args.processes, engine=args.engine,
                    scheduler=args.scheduler, resume=args.resume)
    except BatchInterrupted as stop:
        print(f"interrupted: {stop.stats.summary_line()}", file=sys.stderr)
        if stop.partial:
            print(f"the output so far is in {stop.partial}; run the same command with --resume to continue",
                  file=sys.stderr)
        return 130
    except (BatchJobError, OSError) as err:
        if isinstance(err, BrokenPipeError):
            # The reader went away: point stdout at /dev/null so the exit flush cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"attrib batch: {err}", file=sys.stderr)
        return 2
    print(stats.summary_line(), file=sys.stderr)
    if args.stats:
        Path(args.stats).write_bytes(orjson.dumps(stats.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    return 0


def _cmd_validate(args) -> int:
    from .validate import validate_lines

    bad = 0
    with open(args.file, "rb") as handle:
        for number, problems in validate_lines(handle, name=args.schema):
            bad += 1
            for problem in problems:
                print(f"{args.file}:{number}: {problem}")
    print(f"{bad} invalid line(s)", file=sys.stderr)
    return 1 if bad else 0


def _cmd_eval(args) -> int:
    from .evaluate import evaluate, format_table

    result = evaluate([Path(p) for p in args.gold], collect_errors=args.errors)
    if args.json:
        errors = result.pop("errors", None)
        sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
        result["errors"] = errors
    else:
        print(format_table(result))
    if args.errors:
        for error in result["errors"]:
            print(f"\n[{error['kind']}] {error['doc']} @{error['at']} cue={error['cue']}")
            print(f"  {error['context']}")
            if error["kind"] != "spurious":
                print(f"  gold: {error['gold_speaker']} | {error['gold_content']}")
            if error["kind"] != "missed":
                print(f"  pred: {error['predicted_speaker']} | {error['predicted_content']}")
            if error["kind"] == "wrong agency":
                print(f"  agency gold={error['gold_agency']} pred={error['predicted_agency']}")
    if args.min_e2e_f1 is not None and result["e2e_f1"] < args.min_e2e_f1:
        print(f"end-to-end F1 {result['e2e_f1']:.4f} is below the floor {args.min_e2e_f1}", file=sys.stderr)
        return 1
    return 0


def _cmd_corpus(args) -> int:
    from .corpus.build import build

    counts = build(Path(args.anchors), Path(args.out))
    for split, c in counts.items():
        print(f"{split}: {c['articles']} articles, {c['attributions']} attributions")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="attrib", description="Who said what, to whom, through which outlet, in Arabic news.")
    parser.add_argument("--version", action="version", version=f"attrib {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="attributions of one text, as JSON")
    p.add_argument("file", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--id", default=None)
    p.add_argument("--pretty", action="store_true")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("batch", help="JSON-lines in, one result or error record per line out, in order")
    p.add_argument("inputs", nargs="+", help="JSON-lines files (.gz allowed), or - for standard input")
    p.add_argument("-o", "--output", required=True,
                   help="output file (.gz allowed), written as OUTPUT.part and renamed when done; - for standard output")
    p.add_argument("--text-key", default="text", help="the field holding the text (default: text)")
    p.add_argument("--id-key", default="id", help="the field holding the document id (default: id)")
    p.add_argument("--keep", nargs="+", action="extend", metavar="FIELD",
                   help="input fields to copy to each output line (after the inputs, or repeated)")
    p.add_argument("--max-chars", type=int, default=1_000_000, help="longer texts become E103 error records")
    p.add_argument("--processes", type=int, default=None, metavar="N",
                   help="worker processes, or Dask workers of the local cluster (default: all cores)")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run from OUTPUT.part (same inputs and options)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or a Dask cluster (needs attrib[dask])")
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler to use (default: a local cluster)")
    p.add_argument("--stats", metavar="FILE", help="write the closing counts to this JSON file")
    p.set_defaults(func=_cmd_batch)

    p = sub.add_parser("validate", help="check a JSON-lines result file against the schema")
    p.add_argument("file")
    p.add_argument("--schema", default="attribution", choices=("attribution", "gold"))
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("eval", help="score the engine against gold JSON-lines files")
    p.add_argument("gold", nargs="+")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--errors", action="store_true", help="list misses, spurious hits and wrong speakers")
    p.add_argument("--min-e2e-f1", type=float, default=None, help="exit 1 when end-to-end F1 is below this")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("corpus", help="build corpus/gold/{dev,test}.jsonl from corpus/anchor/")
    p.add_argument("action", choices=("build",))
    p.add_argument("--anchors", default="corpus/anchor")
    p.add_argument("--out", default="corpus/gold")
    p.set_defaults(func=_cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    # At exit the interpreter collects garbage over every object spaCy and the lexicons made, a fifth
    # of a second of a short job; frozen objects are left to the operating system, which frees them
    # all at once.
    atexit.register(gc.freeze)
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
