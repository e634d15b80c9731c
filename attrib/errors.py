"""Coded errors. Each code is stable and appears in batch error records and CLI messages."""

from __future__ import annotations


class AttribError(Exception):
    """Base class: every error the package raises on purpose carries a stable `code`."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class InputTypeError(AttribError, TypeError):
    """The text is not a str."""

    code = "E101"


class EmptyTextError(AttribError, ValueError):
    """The text is empty or only white space."""

    code = "E102"


class TextTooLongError(AttribError, ValueError):
    """The text is longer than the configured limit."""

    code = "E103"


class InvalidJSONError(AttribError, ValueError):
    """A batch line is not valid JSON or not a JSON object."""

    code = "E104"


class InvalidUTF8Error(AttribError, ValueError):
    """A batch line is not valid UTF-8."""

    code = "E105"


class MissingTextError(AttribError, KeyError):
    """A batch record has no text field, or its value is not a string."""

    code = "E106"


class EngineFailure(AttribError, RuntimeError):
    """The engine raised on one document: a bug, recorded for that document while the run goes on."""

    code = "E107"


class UnknownDataError(AttribError, LookupError):
    """A lexicon or pattern file was asked for by a name the package does not ship."""

    code = "E201"


class DataFormatError(AttribError, ValueError):
    """A lexicon or pattern file is malformed."""

    code = "E202"


class AnchorError(AttribError, ValueError):
    """A gold annotation in anchor form does not resolve to exactly one span."""

    code = "E301"
