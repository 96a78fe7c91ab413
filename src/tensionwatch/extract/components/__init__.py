"""Pieces of the incident extractor, each working on a parsed spaCy ``Doc``."""
