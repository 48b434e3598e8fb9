"""Imported by the server process that forks the readers: the reading code and the English
lexicon are ready before any reader is forked, so each reader starts at once."""

from timeline_app.core.loading import load
from timeline_app.core.tagger.lexicon import lexicon

lexicon()
__all__ = ["load"]
