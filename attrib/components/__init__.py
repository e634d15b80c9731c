"""spaCy components, one per stage. Importing this package registers the factories."""

from . import contents, cues, sentences, sources, speakers  # noqa: F401  (registers factories)
