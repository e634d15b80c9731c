"""Sentence boundaries for Arabic news: at line breaks (headlines, captions, paragraphs) and at
sentence-final punctuation, which the blank Arabic pipeline's sentencizer does not do."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..text import SENTENCE_END


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    @staticmethod
    def match(doc: Doc) -> list[int]:
        starts = []
        previous_ends = True
        for token in doc:
            if previous_ends and not token.is_space:
                starts.append(token.i)
                previous_ends = False
            text = token.text
            if "\n" in text or text[-1:] in SENTENCE_END:
                previous_ends = True
        return starts

    @staticmethod
    def set_annotations(doc: Doc, starts: list[int]) -> Doc:
        for token in doc:
            token.is_sent_start = False
        for index in starts:
            doc[index].is_sent_start = True
        return doc


@Language.factory("attrib_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
