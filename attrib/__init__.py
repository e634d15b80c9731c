"""attrib: who said what, to whom, through which outlet, in Arabic news."""

from .errors import AttribError
from .pipeline import extract, load
from .result import AttributionResult

__version__ = "0.1.0"
__all__ = ["extract", "load", "AttributionResult", "AttribError", "__version__"]
