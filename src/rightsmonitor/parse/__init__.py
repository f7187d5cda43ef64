"""L1 pure transforms for reading documents: repair and structure."""

from rightsmonitor.nlp.verbs import leading_verb
from rightsmonitor.parse.document import parse_read_text
from rightsmonitor.parse.language import detect_language
from rightsmonitor.parse.repair import repair
from rightsmonitor.parse.structure import find_units

__all__ = ["detect_language", "find_units", "leading_verb", "parse_read_text", "repair"]
