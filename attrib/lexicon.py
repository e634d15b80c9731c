"""The one reader for the package's data files (lexicons and pattern lists).

Data lives in `attrib/data/` under versioned names such as `reporting_verbs.v1`; a name the package
does not ship fails at once with the list of names it does.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .errors import DataFormatError, UnknownDataError

_DATA = resources.files("attrib") / "data"


def available() -> list[str]:
    return sorted(
        entry.name.rsplit(".", 1)[0]
        for entry in _DATA.iterdir()
        if entry.name.endswith((".json", ".jsonl"))
    )


@lru_cache(maxsize=None)
def load(name: str):
    """Parsed contents of data file `name`: a list of objects for JSONL, the value for JSON."""
    for suffix in (".jsonl", ".json"):
        entry = _DATA / f"{name}{suffix}"
        if entry.is_file():
            break
    else:
        raise UnknownDataError(f"no data file named {name!r}; available: {', '.join(available())}")
    text = entry.read_text(encoding="utf-8")
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise DataFormatError(f"{entry.name}: {err}") from err
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise DataFormatError(f"{entry.name} line {number}: {err}") from err
    return rows
