"""Build the attribution pipeline and run it: `load()` and `extract()`."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories and Doc extensions)
from .errors import EmptyTextError, InputTypeError, TextTooLongError
from .components.state import RAW_TEXT_KEY
from .lang.ar.tokenizer import TextKeepingTokenizer, customize_tokenizer
from .result import AttributionResult

STAGES = ("attrib_sentences", "attrib_cues", "attrib_contents", "attrib_speakers", "attrib_sources")
DEFAULT_MAX_CHARS = 1_000_000


def load() -> Language:
    """A blank Arabic spaCy pipeline with the tokenizer fixes and the five attribution stages."""
    nlp = spacy.blank("ar")
    customize_tokenizer(nlp)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer, RAW_TEXT_KEY)
    for stage in STAGES:
        nlp.add_pipe(stage)
    nlp.max_length = DEFAULT_MAX_CHARS
    return nlp


@lru_cache(maxsize=1)
def _shared_pipeline() -> Language:
    return load()


def check_text(text: object, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    if not isinstance(text, str):
        raise InputTypeError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyTextError("text is empty")
    if len(text) > max_chars:
        raise TextTooLongError(f"text has {len(text)} characters, the limit is {max_chars}")
    return text


def extract(text: str, id: str | None = None, nlp: Language | None = None) -> AttributionResult:
    """Every reported statement in `text`, with cue, content, speaker, agency and addressee."""
    check_text(text)
    doc = (nlp or _shared_pipeline())(text)
    doc.user_data["attrib_id"] = id
    return doc._.attribution
