"""calls.v1 — each operative paragraph split into its calls: stance, addressees, the action
demanded and the persons, organisations and provisions it targets.

A call starts at an operative verb that opens a clause ('…; wzywa rząd …', '…; stresses …').
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rightsmonitor.lang import LanguageData, Verb, load_data, load_language
from rightsmonitor.model import Call, Organisation, Person, Provision, Unit
from rightsmonitor.nlp import Token, tokenize
from rightsmonitor.nlp.lemmas import lemmas
from rightsmonitor.nlp.sentences import clause_span
from rightsmonitor.nlp.verbs import Lead, leading_verb

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


_COORDINATION = re.compile(r"\s(?:i|oraz|a także|and|and also)\s+|,\s+")


def _split_coordinated(
    text: str, clauses: list[tuple[int, int]], lang: LanguageData
) -> list[tuple[int, int]]:
    """'potępia zatrzymanie … i wzywa władze do …': a second operative verb joined by 'i',
    'oraz', 'and' or a comma opens a call of its own."""
    out: list[tuple[int, int]] = []
    for a, b in clauses:
        cuts = [a]
        for m in _COORDINATION.finditer(text, a, b):
            if m.start() > cuts[-1] and leading_verb(text[m.end() : b], lang) is not None:
                cuts.append(m.end())
        out.extend(zip(cuts, [*cuts[1:], b], strict=True))
    return out


def _mentions_by_unit(
    persons: list[Person], orgs: list[Organisation], provisions: list[Provision]
) -> dict[str, list[tuple[int, str]]]:
    """Unit id → (start, entity id) of every person, organisation and provision named in it
    (persons first, then organisations, then provisions, as targets are listed)."""
    out: dict[str, list[tuple[int, str]]] = {}
    entities: list[Person | Organisation | Provision] = [*persons, *orgs, *provisions]
    for entity in entities:
        for m in entity.mentions:
            out.setdefault(m.unit, []).append((m.start, entity.id))
    return out


def _targets(named: list[tuple[int, str]], a: int, b: int) -> list[str]:
    """The entities named between characters a and b of the unit."""
    return list(dict.fromkeys(eid for start, eid in named if a <= start < b))


def _stance(lead: Lead) -> str:
    """'wzywa do uwolnienia' with no one called on is a call for, not on."""
    return "calls for" if lead.stance == "calls on" and not lead.addressees else lead.stance


def _call(
    unit: Unit, lead: Any, text_after: str, span: tuple[int, int], targets: list[str], code: str
) -> Call:
    """A call from the verb found at ``span``: stance, addressees, the action after the verb."""
    stance = _stance(lead)
    action = find_action(text_after, code) if stance in _DEMANDS else None
    start, end = span
    return Call(
        unit.id, stance, list(lead.addressees), action, targets, unit.text[start:end], start, end
    )


@cache
def _verb_heads(lang: LanguageData) -> dict[str, list[Verb]]:
    """Lemma of a verb phrase's first word → its phrases ('wzywa' → wzywać; 'calls on' →
    call), with the lemmas of the same verb's other aspect or form listed in
    ``lang/<code>/events.toml`` (``[call_lemmas]``: wezwać for wzywać)."""
    extra: dict[str, list[str]] = load_data(lang.code, "events").get("call_lemmas", {})
    out: dict[str, list[Verb]] = {}
    for verb in lang.verbs:
        head = verb.phrase.split()[0]
        for lemma in lemmas(head, lang.code) - {head.lower()} or {head.lower()}:
            for form in (lemma, *extra.get(lemma, [])):
                out.setdefault(form, []).append(verb)
    return out


def _reported_at(
    text: str, words: list[Token], i: int, lang: LanguageData
) -> tuple[Lead, int] | None:
    """A call reported at word ``i`` in any person or tense ('Wzywamy władze …', 'wezwała
    społeczność …', 'MEPs call on …', 'calling for …'): the verb's phrase, rebuilt in the form
    the resolution lexicon knows and read by ``leading_verb``; with where its words end."""
    heads = _verb_heads(lang)
    for lemma in sorted(lemmas(words[i].text, lang.code)):
        for verb in heads.get(lemma, []):
            rest = verb.phrase.split()[1:]
            tail = [w.text.lower() for w in words[i + 1 : i + 1 + len(rest)]]
            if tail != [r.lower() for r in rest]:
                continue
            after = words[i + len(rest)].end
            lead = leading_verb(verb.phrase + text[after:], lang)
            if lead is not None and lead.stance == verb.stance:
                return lead, after + lead.end - len(verb.phrase)
    return None


def _modal_at(words: list[Token], i: int, code: str) -> str | None:
    """'The authorities should release …', 'władze muszą uwolnić …': a demand without a
    demanding verb, in statements (``[modal_calls]`` of ``lang/<code>/events.toml``)."""
    table: dict[str, str] = load_data(code, "events").get("modal_calls", {})
    return table.get(words[i].text.lower())


def _reported_calls(unit: Unit, lang: LanguageData, targets: Any) -> list[Call]:
    """Demands reported in statements, news and summaries, at any word of a clause (a
    reporting verb in any form, or a modal verb: 'The authorities must release …')."""
    calls: list[Call] = []
    words = [t for t in tokenize(unit.text) if t.is_word]
    for i, word in enumerate(words):
        if any(c.start <= word.start < c.end for c in calls):
            continue
        end = clause_span(unit.text, word.start, lang.code)[1]
        found = _reported_at(unit.text, words, i, lang)
        if found is not None:
            lead, verb_end = found
            stance, addressees = _stance(lead), list(lead.addressees)
        else:
            modal = _modal_at(words, i, lang.code)
            if modal is None:
                continue
            stance, addressees, verb_end = modal, [], word.end
        action = find_action(unit.text[verb_end:end], lang.code) if stance in _DEMANDS else None
        calls.append(
            Call(
                unit.id,
                stance,
                addressees,
                action,
                targets(word.start, end),
                unit.text[word.start : end],
                word.start,
                end,
            )
        )
    return calls


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
    named_in = _mentions_by_unit(persons, orgs, provisions)
    for unit in units:
        if unit.kind != "paragraph":
            continue
        named = named_in.get(unit.id, [])
        if not structured:

            def targets(a: int, b: int, named: list[tuple[int, str]] = named) -> list[str]:
                return _targets(named, a, b)

            calls.extend(_reported_calls(unit, lang, targets))
            continue
        for a, b in _split_coordinated(unit.text, _clauses(unit.text), lang):
            clause = unit.text[a:b]
            lead_start = a + len(clause) - len(clause.lstrip())
            body = unit.text[lead_start:b]
            body_match = re.match(r"(?:a także|oraz|and|also)\s+", body, re.I)
            offset = body_match.end() if body_match else 0
            lead = leading_verb(body[offset:], lang)
            if lead is None:
                continue
            target_ids = _targets(named, lead_start, b)
            calls.append(
                _call(unit, lead, body[offset + lead.end :], (lead_start, b), target_ids, code)
            )
    return calls
