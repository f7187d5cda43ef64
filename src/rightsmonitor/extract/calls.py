"""calls.v1 — each operative paragraph split into its calls: stance, addressees, the action
demanded and the persons, organisations and provisions it targets.

A call starts at an operative verb that opens a clause ('…; wzywa rząd …', '…; stresses …').
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rightsmonitor.lang import LanguageData, load_data, load_language
from rightsmonitor.model import Call, Organisation, Person, Provision, Unit
from rightsmonitor.nlp.verbs import leading_verb

__all__ = ["NAME", "extract_calls", "find_action"]

NAME = "calls.v1"
_DEMANDS = {
    "calls on",
    "calls for",
    "urges",
    "encourages",
    "demands",
    "insists",
    "invites",
    "requests",
    "asks",
    "instructs",
    "recommends",
    "advises against",
}


def find_action(text: str, code: str) -> str | None:
    actions: dict[str, str] = dict(load_data(code, "facts").get("actions", {}))
    low = text.lower()
    best: tuple[int, str] | None = None
    for stem, action in actions.items():
        m = re.search(rf"(?<![^\W\d_]){re.escape(stem)}", low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), action)
    return best[1] if best else None


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a paragraph: split at ';' and at sentence ends."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r";\s*|\.\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])|\.$", text):
        out.append((start, m.start() + (1 if m.group(0).startswith(".") else 0)))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _targets(
    unit: Unit,
    a: int,
    b: int,
    persons: list[Person],
    orgs: list[Organisation],
    provisions: list[Provision],
) -> list[str]:
    ids: list[str] = []
    entities: list[Person | Organisation | Provision] = [*persons, *orgs, *provisions]
    for entity in entities:
        if (
            any(m.unit == unit.id and a <= m.start < b for m in entity.mentions)
            and entity.id not in ids
        ):
            ids.append(entity.id)
    return ids


def _call(
    unit: Unit, lead: Any, text_after: str, span: tuple[int, int], targets: list[str], code: str
) -> Call:
    """A call from the verb found at ``span``: stance, addressees, the action after the verb."""
    stance = "calls for" if lead.stance == "calls on" and not lead.addressees else lead.stance
    action = find_action(text_after, code) if stance in _DEMANDS else None
    start, end = span
    return Call(
        unit.id, stance, list(lead.addressees), action, targets, unit.text[start:end], start, end
    )


@cache
def _reported_forms(lang: LanguageData) -> list[tuple[re.Pattern[str], str]]:
    """'calls on' → 'call on', 'called on'; 'urges' → 'urge', 'urged' (reported speech)."""
    out: list[tuple[re.Pattern[str], str]] = []
    for verb in lang.verbs:
        head, _, rest = verb.phrase.partition(" ")
        if lang.code != "en" or not head.endswith("s"):
            continue
        stem = head[:-1]
        forms = {stem, stem + "d" if stem.endswith("e") else stem + "ed", head}
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        tail = rf"\s+{re.escape(rest)}" if rest else ""
        pattern = re.compile(rf"(?<![^\W\d_])(?:{alternation}){tail}(?![^\W\d_])", re.I)
        out.append((pattern, verb.phrase))
    return out


def _reported_calls(unit: Unit, lang: LanguageData, targets: Any) -> list[Call]:
    """Demands reported in press releases and summaries: 'MEPs call on the Council to …'."""
    calls: list[Call] = []
    stops = [e.start() for e in re.finditer(r";|\.(?:\s|$)", unit.text)]
    for pattern, phrase in _reported_forms(lang):
        for m in pattern.finditer(unit.text):
            end = next((s for s in stops if s > m.end()), len(unit.text))
            rest = phrase + unit.text[m.end() : end]
            lead = leading_verb(rest, lang)
            if lead is None or any(c.start <= m.start() < c.end for c in calls):
                continue
            target_ids = targets(m.start(), end)
            calls.append(
                _call(unit, lead, rest[lead.end :], (m.start(), end), target_ids, lang.code)
            )
    return sorted(calls, key=lambda c: c.start)


def extract_calls(
    units: list[Unit],
    code: str,
    persons: list[Person],
    orgs: list[Organisation],
    provisions: list[Provision],
    structured: bool = True,
) -> list[Call]:
    """``structured``: operative paragraphs; otherwise demands reported in running text."""
    lang = load_language(code)
    calls: list[Call] = []
    for unit in units:
        if unit.kind != "paragraph":
            continue
        if not structured:

            def targets(a: int, b: int, u: Unit = unit) -> list[str]:
                return _targets(u, a, b, persons, orgs, provisions)

            calls.extend(_reported_calls(unit, lang, targets))
            continue
        for a, b in _clauses(unit.text):
            clause = unit.text[a:b]
            lead_start = a + len(clause) - len(clause.lstrip())
            body = unit.text[lead_start:b]
            body_match = re.match(r"(?:a także|oraz|and|also)\s+", body, re.I)
            offset = body_match.end() if body_match else 0
            lead = leading_verb(body[offset:], lang)
            if lead is None:
                continue
            target_ids = _targets(unit, lead_start, b, persons, orgs, provisions)
            calls.append(
                _call(unit, lead, body[offset + lead.end :], (lead_start, b), target_ids, code)
            )
    return calls
