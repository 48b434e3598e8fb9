"""Build one dated, sourced timeline from a set of news articles about a story."""

__version__ = "0.1.0"
