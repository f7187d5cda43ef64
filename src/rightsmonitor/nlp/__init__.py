"""Shared pure language tools below parse/extract/resolve: lexicons and morphology."""

from rightsmonitor.nlp.lexicon import Lexicon, lexicon_for
from rightsmonitor.nlp.morph import analyse, nominative_phrase, to_nominative, with_case

__all__ = ["Lexicon", "analyse", "lexicon_for", "nominative_phrase", "to_nominative", "with_case"]
