"""Shared pure language tools below parse/extract/resolve: lexicons and morphology."""

from rightsmonitor.nlp.lexicon import Lexicon, lexicon_for, preload
from rightsmonitor.nlp.morph import analyse, nominative_phrase, to_nominative, with_case
from rightsmonitor.nlp.tokens import Token, fold, name_key, tokenize

__all__ = [
    "Lexicon",
    "Token",
    "analyse",
    "fold",
    "lexicon_for",
    "name_key",
    "nominative_phrase",
    "preload",
    "to_nominative",
    "tokenize",
    "with_case",
]
