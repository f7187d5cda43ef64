"""The parse pipeline: read text → repair → structure → metadata. Pure and deterministic."""

from __future__ import annotations

import re
from dataclasses import replace

from rightsmonitor.errors import ConfigError
from rightsmonitor.lang import available_languages, load_language
from rightsmonitor.model import ParsedDocument, ReadText, Unit
from rightsmonitor.nlp.verbs import leading_verb
from rightsmonitor.parse.language import detect_language
from rightsmonitor.parse.meta import extract_meta
from rightsmonitor.parse.repair import repair
from rightsmonitor.parse.structure import find_units

__all__ = ["parse_read_text"]

_REF = re.compile(r"\[(\d{1,3})\]|(?<=\s)\((\d{1,3})\)(?=[\s,.;:]|$)")


def _with_refs(unit: Unit, labels: set[str]) -> Unit:
    refs = []
    for m in _REF.finditer(unit.text):
        label = m.group(1) or m.group(2)
        if label and (m.group(1) or label in labels or int(label) <= 50):
            refs.append(label)
    return replace(unit, footnote_refs=tuple(dict.fromkeys(refs)))


def _paragraphs(text: str) -> list[Unit]:
    """Units of a document without resolution structure: its paragraphs."""
    units: list[Unit] = []
    pos = 0
    for block in text.split("\n"):
        start = pos + len(block) - len(block.lstrip())
        end = pos + len(block.rstrip())
        pos += len(block) + 1
        if end > start:
            n = len(units) + 1
            units.append(
                Unit(
                    id=f"p{n}",
                    kind="paragraph",
                    label=str(n),
                    text=text[start:end],
                    start=start,
                    end=end,
                )
            )
    return units


# Resolution markers organise a text only if their units hold a good share of it; a report of
# hundreds of pages with a few numbered lines is read as paragraphs instead of losing the rest.
_MIN_SHARE = 0.5
_MAX_WORDS_PER_UNIT = 2000


def _covered(units: list[Unit], body: str) -> float | None:
    """The share of ``body`` the structure units hold, when it is too small and the units too
    sparse for the structure to be the text's own (else None)."""
    parts = [u for u in units if u.kind != "footnote"]
    words = len(body.split())
    if not parts or words < _MAX_WORDS_PER_UNIT * len(parts):
        return None
    share = sum(u.end - u.start for u in parts) / max(len(body.strip()), 1)
    return share if share < _MIN_SHARE else None


def _title_unit(front: str, title: str | None) -> Unit | None:
    """The title as a unit, where the text before the first citation states it."""
    words = (title or "").split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), front)
    if found is None:
        return None
    return Unit("title", "title", "", found.group(0), found.start(), found.end())


def parse_read_text(read: ReadText, language: str | None = None) -> ParsedDocument:
    """Parse what a reader produced. ``language`` overrides detection."""
    if language and language not in available_languages():
        known = ", ".join(available_languages())
        raise ConfigError(f"unknown language {language!r} (known: {known})", source="--language")
    code = language or detect_language(read.text)
    warnings = list(read.warnings)
    if code not in available_languages():
        # no known words at all: said, not silent. English markers are the EP's lingua franca;
        # the person extractor reads such a text without any language's inflection rules.
        warnings.append(
            "language not recognised: structure read with English markers, names as written"
            " (pass --language to choose)"
        )
        code = "en"
    lang = load_language(code)
    repaired = repair(read, lang)
    found: list[str] = []  # what the structure reader noticed: said only if its units stay
    units = find_units(repaired, lang, found)
    structured = any(u.kind in {"citation", "recital", "paragraph"} for u in units)
    share = _covered(units, repaired.text[: repaired.body_end])
    if structured and share is not None:  # a long report with a few numbered lines
        warnings.append(
            f"resolution markers cover only {share:.0%} of the text: read as paragraphs"
        )
        structured = False
    elif structured:
        warnings += found
    if structured:
        labels = {u.label for u in units if u.kind == "footnote"}
        out: list[Unit] = []
        for unit in units:
            if unit.kind == "paragraph":
                lead = leading_verb(unit.text, lang)
                if lead:
                    unit = replace(
                        unit, verb=lead.verb, stance=lead.stance, addressees=lead.addressees
                    )
            out.append(_with_refs(unit, labels) if unit.kind != "footnote" else unit)
        units = out
        front = repaired.text[: min(u.start for u in units)]
    else:
        if share is None:
            warnings.append("no resolution structure found: stored as an unstructured document")
        units = _paragraphs(repaired.text)
        front = repaired.text
    notes = "\n".join(n.text for n in repaired.footnotes)
    meta = extract_meta(front, notes, repaired.text, lang, read.title_hint, structured)
    title = _title_unit(front, meta.title) if structured else None
    if title is not None:  # names in the title are facts too ('… w sprawie Narges Mohammadi')
        units = [title, *units]
    if read.date_hint:  # the author's own statement of the date
        meta = replace(meta, date=read.date_hint)
    return ParsedDocument(
        meta,
        tuple(units),
        repaired.text,
        repaired.offsets,
        structured,
        tuple(warnings),
        dict(repaired.changes),
    )
