"""Data files: the tagger's word lists and patterns."""
