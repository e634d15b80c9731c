"""Sentence boundaries for Arabic news: at line breaks (headlines, captions, paragraphs) and at
sentence-final punctuation, which the blank Arabic pipeline's sentencizer does not do."""

from __future__ import annotations

from itertools import compress

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..text import SENTENCE_END, AnalysedText, Word
from .state import analysed_text


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    @staticmethod
    def match(doc: Doc) -> list[int]:
        """Token indices that open a sentence: the first token of each sentence of the text view."""
        analysed = analysed_text(doc)
        view = analysed.view
        starts = [view.orig_start(word.start) for word in _sentence_openers(analysed)]
        token_starts = doc.to_array([IDX]).ravel() if len(doc) else numpy.zeros(0, dtype="uint64")
        indices = numpy.searchsorted(token_starts, numpy.asarray(starts, dtype="uint64"), side="right") - 1
        return sorted({int(i) for i in indices if i >= 0} | ({0} if len(doc) else set()))

    @staticmethod
    def set_annotations(doc: Doc, starts: list[int]) -> Doc:
        # from_array takes uint64; -1 (not a sentence start) wraps and is read back as -1
        flags = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")
        flags[starts, 0] = 1
        return doc.from_array([SENT_START], flags)


def _sentence_openers(analysed: AnalysedText) -> list[Word]:
    """The first word of each sentence, but for a sentence that is only a line break."""
    words, tokens = analysed.words, analysed.tokens
    # a sentence ends with its end mark, so the next one opens right after (compress finds them in C)
    candidates = words[:1] + list(compress(words[1:], map(SENTENCE_END.__contains__, tokens)))
    return [word for word in candidates if word.text != "\n"]


@Language.factory("attrib_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
