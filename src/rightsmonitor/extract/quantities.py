"""quantities.v1 — numbers that count or measure, with what they count and their qualifier.

'co najmniej 350 pokojowych demonstrantów' → 350, at least, 'pokojowych demonstrantów';
'ponad 23 000 osób' → 23000, more than; '94. miejsce' → a rank; '8000 kg'; 'EUR 49 billion'.
Dates, article and rule numbers, document numbers and years are not quantities.
"""

from __future__ import annotations

import re
from functools import cache

from rightsmonitor.lang import load_data, load_language
from rightsmonitor.model import Quantity, Unit

__all__ = ["NAME", "extract_quantities"]

NAME = "quantities.v1"
_NUMBER = re.compile(
    r"(?<![\w/.,(\-–])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\w/)(\-–]|[.,]\d|\s*/)"
)
_AGE = re.compile(
    r"(?<![\w/])(\d{1,3})-(?:letni|letnia|letniego|letniej|letnie|year-old|years-old|year)\w*", re.I
)
_BEFORE_BLOCKERS = re.compile(
    r"(?<![^\W\d_])(?:art\.|ust\.|pkt|nr|No\.?|Article|Articles|Rule|Rules|Regulation|Directive|paragraph|point|§|COVID|pkt\.)\s*(?:\d+\w*(?:\(\d+\))?\s*(?:,|i|and|oraz)\s*)*$",
    re.I,
)


@cache
def _qualifier_pattern(code: str) -> re.Pattern[str]:
    """'co najmniej', 'more than' … right before a number (longest first)."""
    phrases = sorted(load_data(code, "facts").get("qualifiers", {}), key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases) or "(?!)"
    return re.compile(rf"(?<![^\W\d_])({alternation})\s*$", re.I)


_DIGIT_AFTER = re.compile(r"\s*\d|:\d")
_DIGIT_BEFORE = re.compile(r"(?:\d|\+)\)?\s*$|\d:$")
_NEXT = re.compile(r"\s*([^\s,;:]+)")
_YEAR_WORD = re.compile(r"\s*(?:r\.|roku)")
_SCALE = re.compile(r"\s+(\w+)")
_MEASURE = re.compile(r"\s*(%|[^\W\d_]+\.?)")
_CURRENCY = re.compile(r"(EUR|USD|€|\$)\s*$")


def _value(text: str) -> float:
    return float(re.sub(r"[ \u00a0]", "", text).replace(",", "."))


def _counts(after: str) -> str | None:
    words = re.match(r"\s*((?:[^\W\d_]+\s*){1,3})", after)
    if not words:
        return None
    out = []
    for w in words.group(1).split():
        if w.lower() in {
            "w",
            "z",
            "i",
            "na",
            "do",
            "of",
            "in",
            "and",
            "to",
            "the",
            "for",
            "by",
            "on",
            "from",
            "that",
            "which",
            "who",
            "were",
            "have",
            "has",
            "had",
            "are",
            "was",
            "is",
            "zostało",
            "zostały",
        }:
            break
        out.append(w)
    return " ".join(out) or None


def extract_quantities(
    units: list[Unit], code: str, dates: list[tuple[str, int, int]] | None = None
) -> list[Quantity]:
    """``dates``: (unit, start, end) of dates already found; numbers inside them are skipped."""
    data = load_data(code, "facts")
    lang = load_language(code)
    months = {f.lower() for forms in lang.months for f in forms}
    qualifiers: dict[str, str] = dict(data.get("qualifiers", {}))
    words: dict[str, int] = dict(data.get("number_words", {}))
    ranks: dict[str, str] = dict(data.get("rank_words", {}))
    measures: dict[str, str] = dict(data.get("measures", {}))
    scale: dict[str, int] = dict(data.get("scale_words", {}))
    out: list[Quantity] = []
    dates_at: dict[str, list[tuple[int, int]]] = {}
    for u, s, e in dates or []:
        dates_at.setdefault(u, []).append((s, e))
    for unit in units:
        text = unit.text
        taken: list[tuple[int, int]] = list(dates_at.get(unit.id, []))
        for m in _AGE.finditer(text):
            out.append(
                Quantity(
                    float(m.group(1)), None, "age in years", m.group(0), unit.id, m.start(), m.end()
                )
            )
            taken.append((m.start(), m.end()))
        for m in _NUMBER.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            after = text[m.end() : m.end() + 40]
            before = text[max(0, m.start() - 40) : m.start()]
            if _DIGIT_AFTER.match(after) or _DIGIT_BEFORE.search(before):
                continue  # part of a phone number or a code: (+32) 2 28 32547
            nxt = _NEXT.match(after)
            nxt_word = nxt.group(1).lower().rstrip(".") if nxt else ""
            if nxt_word in months or _BEFORE_BLOCKERS.search(before) or _YEAR_WORD.match(after):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group(1)) and nxt_word not in measures:
                continue  # a year
            rank = False
            start, end = m.start(), m.end()
            if after.startswith(". "):
                rank_word = re.match(r"\.\s+([^\W\d_]+)", after)
                if rank_word and rank_word.group(1).lower() in ranks:
                    rank = True
                    word_end = re.match(r"\.\s+\S+", after)
                    end = m.end() + (word_end.end() if word_end else 1)
                else:
                    continue
            value = _value(m.group(1))
            scale_m = _SCALE.match(after)
            if scale_m and scale_m.group(1).lower() in scale:
                value *= scale[scale_m.group(1).lower()]
                end = m.end() + scale_m.end()
            unit_of_measure = None
            measure_m = _MEASURE.match(text[end : end + 12])
            if measure_m and measure_m.group(1) in measures:
                unit_of_measure = measures[measure_m.group(1)]
                end += measure_m.end()
            cur = _CURRENCY.search(before)
            if cur:
                unit_of_measure, start = (
                    {"€": "EUR", "$": "USD"}.get(cur.group(1), cur.group(1)),
                    m.start() - (len(before) - cur.start()),
                )
            qualifier = None
            window = before[: len(before) - (m.start() - start)] if start < m.start() else before
            q = _qualifier_pattern(code).search(window)
            if q:
                qualifier = qualifiers[q.group(1).lower()]
                start -= len(window) - q.start()
            counts = None if rank else _counts(text[end:])
            bare = counts is None and qualifier is None and unit_of_measure is None and not rank
            if bare and value >= 100:
                continue  # a code or a name ('405', 'E.O. 14024'), not a count
            taken.append((start, end))
            out.append(
                Quantity(
                    value,
                    qualifier,
                    counts,
                    text[start:end],
                    unit.id,
                    start,
                    end,
                    unit_of_measure,
                    rank,
                )
            )
        for m in re.finditer(r"(?<![^\W\d_])([^\W\d_]+)(?![^\W\d_])", text):
            word = m.group(1).lower()
            if word not in words or not words[word] or any(s <= m.start() < e for s, e in taken):
                continue
            value = float(words[word])
            end = m.end()
            nxt = re.match(r"\s+([^\W\d_]+)", text[end:])
            if (
                nxt
                and nxt.group(1).lower() in words
                and words[nxt.group(1).lower()]
                and words[nxt.group(1).lower()] < 10 <= value
            ):
                value += words[nxt.group(1).lower()]
                end += nxt.end()
            counts = _counts(text[end:])
            if not counts or re.search(
                r"(?:the|on)\s+$", text[max(0, m.start() - 8) : m.start()], re.I
            ):
                continue  # 'on the one hand'
            taken.append((m.start(), end))
            out.append(
                Quantity(value, None, counts, text[m.start() : end], unit.id, m.start(), end)
            )
    ordinals: dict[str, int] = dict(data.get("ordinal_words", {}))
    found_at: dict[str, list[tuple[int, int]]] = {}
    for found in out:
        found_at.setdefault(found.unit, []).append((found.start, found.end))
    for unit in units:
        taken = list(found_at.get(unit.id, []))
        for m in re.finditer(r"(?<![^\W\d_])([^\W\d_]+(?:-[^\W\d_]+)?)(?![^\W\d_])", unit.text):
            word = m.group(1).lower()
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            ranked = re.search(
                r"\b(?:the|its|their)\s+$", unit.text[max(0, m.start() - 8) : m.start()], re.I
            )
            fixed = re.match(
                r"\s+(?:countr|part|pillar|reading|protocol|parties)", unit.text[m.end() :], re.I
            )
            if word in ordinals and ranked and not fixed:
                out.append(
                    Quantity(
                        float(ordinals[word]),
                        None,
                        None,
                        m.group(1),
                        unit.id,
                        m.start(),
                        m.end(),
                        None,
                        True,
                    )
                )
                continue
            head, _, tail = word.partition("-")
            if (
                tail
                and head in words
                and words[head]
                and tail.rstrip("s")
                in {"year", "month", "day", "week", "letni", "letnia", "letniego", "letniej"}
            ):
                out.append(
                    Quantity(
                        float(words[head]),
                        None,
                        tail,
                        m.group(1),
                        unit.id,
                        m.start(),
                        m.end(),
                        tail,
                    )
                )
    order = {u.id: i for i, u in enumerate(units)}
    return sorted(out, key=lambda q: (order[q.unit], q.start))
