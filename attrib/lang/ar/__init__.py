"""Arabic character data and offset-safe normalisation."""

from .normalize import NormalizedView, fold, strip_diacritics

__all__ = ["NormalizedView", "fold", "strip_diacritics"]
