"""Tokenizer rules the blank Arabic pipeline lacks: quotation marks, colons and Arabic punctuation
glued to words (قالت:"نحن، للإرهابيين".، وبـ"تطبيع) become tokens of their own."""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import punctuation as p

_MARKS = "[" + "".join(p.QUOTES) + ":،؛؟]"
_PTB = r"(?:``|'')"


def customize_tokenizer(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    prefixes = [_PTB, _MARKS] + list(nlp.Defaults.prefixes)
    suffixes = [_PTB, _MARKS, r"\."] + list(nlp.Defaults.suffixes)
    infixes = [_PTB, _MARKS] + list(nlp.Defaults.infixes)
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # spaCy's URL pattern swallows «جيل».واعترف» whole; Arabic news copy glues words that way
    tokenizer.url_match = None


class TextKeepingTokenizer:
    """Wraps a tokenizer so that each Doc remembers the exact string it was made from."""

    def __init__(self, tokenizer, key: str):
        self.tokenizer = tokenizer
        self.key = key

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data[self.key] = text
        return doc

    def __getattr__(self, name):
        if name == "tokenizer":  # not set yet while unpickling
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
