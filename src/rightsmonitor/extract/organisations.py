"""organisations.v1 — NGOs, movements, parties, unions, media, courts, state, EU and
international bodies, with their type; acronyms linked to full names ('Europejskiej Służby
Działań Zewnętrznych (ESDZ)'); nested names counted ('Zgromadzenie Parlamentarne OBWE'
holds 'OBWE'). Polish names are brought to the nominative with morfeusz2."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rightsmonitor.extract.runs import Run
from rightsmonitor.lang import NameData, load_data, load_names
from rightsmonitor.model import Mention, Organisation, Unit, fact_id
from rightsmonitor.nlp import fold, tokenize
from rightsmonitor.nlp.morph import analyse, nominative_phrase, with_case

__all__ = ["NAME", "extract_organisations"]

NAME = "organisations.v1"
_ACRONYM = re.compile(
    r"\((\p{Lu}{2,8}(?:/\p{Lu}{2,8})?)\)"
    if False
    else r"\(([A-ZĄĆĘŁŃÓŚŹŻ]{2,8}(?:/[A-ZĄĆĘŁŃÓŚŹŻ]{2,8})?)\)"
)
_CONNECTORS = {
    "i",
    "w",
    "ds.",
    "do",
    "spraw",
    "przeciwko",
    "of",
    "the",
    "for",
    "and",
    "on",
    "in",
    "de",
    "against",
    "podczas",
    "dla",
}
_INSTRUMENT_HEADS = {
    "document",
    "directive",
    "decision",
    "treaty",
    "convention",
    "charter",
    "statute",
    "traktat",
    "konwencja",
    "karta",
    "regulation",
    "dyrektywa",
    "rozporządzenie",
    "protocol",
    "protokół",
    "declaration",
}
_NOT_ORGS = {"Member States", "Government", "President", "Prime Minister"}
_PROPER = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ]")


class _Registry:
    def __init__(self, code: str) -> None:
        self.code = code
        self.items: dict[str, Organisation] = {}
        self.alias: dict[str, str] = {}

    def add(
        self,
        name: str,
        kind: str,
        unit: str,
        start: int,
        end: int,
        text: str,
        alias: str | None = None,
    ) -> None:
        if name in _NOT_ORGS or text in _NOT_ORGS:
            return
        key = self.alias.get(fold(name), fold(name))
        org = self.items.get(key)
        if org is None:
            org = Organisation(fact_id("organisation", key), name, kind)
            self.items[key] = org
        if alias and alias not in org.aliases:
            org.aliases.append(alias)
            self.alias[fold(alias)] = key
        if any(m.unit == unit and m.start < end and start < m.end for m in org.mentions):
            return
        org.mentions.append(Mention(text, unit, start, end))


def _nominative(words: list[str], code: str) -> str:
    if code != "pl" or not words:
        return " ".join(words)
    for singular in (True, False):
        for case in ("nom", "gen", "dat", "acc", "inst", "loc"):
            readings = with_case(words[0], case)
            if any((r[1].split(":")[1] == "sg") == singular for r in readings):
                return " ".join(nominative_phrase(words, case))
    return " ".join(words)


def _type(words: list[str], names: NameData, default: str) -> str:
    lemmas = {w.lower() for w in words} | {lemma.lower() for w in words for lemma, _ in analyse(w)}
    joined = " ".join(words)
    if re.search(r"\b(UE|EU|Europejsk\w*|European)\b", joined) and not re.search(
        r"Rad\w* Europy|Council of Europe", joined
    ):
        return "eu_body"
    if re.search(r"\b(ONZ|UN|OBWE|OSCE|Rad\w* Europy|Council of Europe)\b", joined):
        return "international_body"
    for head, kind in names.org_head_types:
        if head in lemmas:
            return kind
    return default


def _is_place(words: list[str], code: str) -> bool:
    from rightsmonitor.extract.places import _lookup

    return _lookup([re.sub(r"[’']s$", "", w) for w in words], code) is not None


def _body_forms(code: str) -> set[str]:
    return {form for form, _name, _kind in _bodies(code)}


@cache
def _bodies_pattern(code: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One pattern for every known body's forms, longest first ('Rada Europy' before 'Rada')."""
    table = {form: (name, kind) for form, name, kind in _bodies(code)}
    alternation = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w/-])(?:{alternation})(?![\w-])"), table


def _is_institution(word: str, names: NameData) -> bool:
    heads = {head for head, _kind in names.org_head_types}
    return word.lower() in heads or any(lemma.lower() in heads for lemma, _ in analyse(word))


@cache
def _bodies(code: str) -> list[tuple[str, str, str]]:
    data: dict[str, Any] = load_data(code, "bodies")
    out = [(form, b["name"], b["type"]) for b in data.get("body", []) for form in b["forms"]]
    return sorted(out, key=lambda t: -len(t[0]))


def _phrase_bounds(text: str, tokens: list[Any], i: int, j: int) -> tuple[int, int]:
    return tokens[i].start, tokens[j].end


def _head_phrases(unit: Unit, names: NameData, code: str) -> list[tuple[int, int, list[str]]]:
    """Capitalised phrases around an organisation head word: 'Krajowy Sąd Azylowy',
    'Koalicja przeciwko Torturom', 'Wydział Gospodarczy Sądu Rejonowego w Szymkencie'."""
    tokens = [t for t in tokenize(unit.text) if t.is_word or t.text in {".", "/", "–", "-"}]
    out: list[tuple[int, int, list[str]]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        lemmas = {tok.text.lower()} | {lemma.lower() for lemma, _ in analyse(tok.text)}
        if not (_PROPER.match(tok.text) and lemmas & names.org_heads):
            i += 1
            continue
        start = i
        while (
            start > 0
            and _PROPER.match(tokens[start - 1].text)
            and unit.text[tokens[start - 1].end : tokens[start].start] == " "
            and not (start - 1 == 0 or unit.text[: tokens[start - 1].start].rstrip()[-1:] in ".;!?")
        ):
            start -= 1
        end = i
        k = i + 1
        while k < len(tokens):
            gap = unit.text[tokens[k - 1].end : tokens[k].start]
            if gap not in (" ", ""):
                break
            word = tokens[k].text
            if word in {"–", "/", "-"}:
                if gap or k + 1 >= len(tokens) or unit.text[tokens[k].end : tokens[k + 1].start]:
                    break  # only a joined 'UE–Kazachstan', 'OBWE/ODIHR'
                k += 1
            elif _PROPER.match(word):
                end = k
                k += 1
            elif (
                word.lower() in {"and", "i", "oraz"}
                and k + 1 < len(tokens)
                and _PROPER.match(tokens[k + 1].text)
                and not _is_place([tokens[k + 1].text], code)
                and (code != "pl" or bool(with_case(tokens[k + 1].text, "gen")))
                and tokens[k + 1].text not in _body_forms(code)
                and not _is_institution(tokens[k + 1].text, names)  # '… oraz Zgromadzenia …'
            ):
                k += 1  # 'Economic and Monetary Affairs' (not '… and the Committee …')
            elif (
                word.lower() in _CONNECTORS - {"and", "i"}
                and k + 1 < len(tokens)
                and (_PROPER.match(tokens[k + 1].text) or tokens[k + 1].text.lower() in {"the"})
            ):
                k += 1
            elif word == "ds" and k + 2 < len(tokens):
                k += 2
            else:
                break
        words = unit.text[tokens[start].start : tokens[end].end].split()
        place = _is_place(words, code) or _is_place(_nominative(words, code).split(), code)
        if not {w.lower() for w in words} & _INSTRUMENT_HEADS and not place:
            out.append((tokens[start].start, tokens[end].end, words))
            for inner in range(
                i + 1, end + 1
            ):  # 'Wydział Gospodarczy Sądu Rejonowego w Szymkencie'
                inner_lemmas = {lemma.lower() for lemma, _ in analyse(tokens[inner].text)}
                if (
                    _PROPER.match(tokens[inner].text)
                    and inner_lemmas & {head for head, _kind in names.org_head_types}
                    and inner < end
                ):
                    nested = unit.text[tokens[inner].start : tokens[end].end].split()
                    out.append((tokens[inner].start, tokens[end].end, nested))
                    break
        i = end + 1
    return out


def _governments(unit: Unit, names: NameData, code: str) -> list[tuple[int, int, list[str], str]]:
    """'rząd Kazachstanu', 'delegaturę UE w Kazachstanie', 'the Russian authorities'."""
    heads = {
        h for h, kind in names.org_head_types if kind in {"government", "eu_body", "state_body"}
    }
    out: list[tuple[int, int, list[str], str]] = []
    tokens = [t for t in tokenize(unit.text) if t.is_word]
    for i, tok in enumerate(tokens):
        if not tok.text.islower():
            continue
        lemmas = {tok.text} | {lemma.lower() for lemma, _ in analyse(tok.text)}
        hit = lemmas & heads
        if not hit:
            continue
        kind = dict(names.org_head_types)[sorted(hit)[0]]
        j = i
        while (
            j + 1 < len(tokens)
            and _PROPER.match(tokens[j + 1].text)
            and unit.text[tokens[j].end : tokens[j + 1].start] in (" ", "–")
        ):
            j += 1
        if (
            j + 2 < len(tokens)
            and j > i
            and tokens[j + 1].text in {"w", "in"}
            and _PROPER.match(tokens[j + 2].text)
        ):
            j += 2
        if j > i and code == "pl":
            out.append(
                (tok.start, tokens[j].end, unit.text[tok.start : tokens[j].end].split(), kind)
            )
        elif code != "pl":
            found = _demonym_body(unit.text, tokens, i)
            if found:
                out.append((found[0], tok.end, [found[1], tok.text], kind))
    return out


def _demonym_body(text: str, tokens: list[Any], i: int) -> tuple[int, str] | None:
    """'the Russian authorities', 'Russian federal and local authorities', 'Venezuelan regime'."""
    k = i - 1
    while k >= 0 and i - k <= 4 and tokens[k].text.islower():
        k -= 1
    if (
        k < 0
        or not _PROPER.match(tokens[k].text)
        or not re.search(r"(an|ese|ish|ic|i)$", tokens[k].text)
    ):
        return None
    gap = text[tokens[k].end : tokens[i].start]
    if not re.fullmatch(r"(?:\s+[a-z-]+)*\s+", gap):
        return None
    return tokens[k].start, tokens[k].text


def extract_organisations(
    units: list[Unit],
    code: str,
    typed: list[tuple[str, Run, str]],
    persons: list[tuple[str, int, int]],
) -> list[Organisation]:
    names = load_names(code)
    reg = _Registry(code)
    persons_at: dict[str, list[tuple[int, int]]] = {}
    for u, s, e in persons:
        persons_at.setdefault(u, []).append((s, e))
    for unit in units:
        text = unit.text
        blocked = persons_at.get(unit.id, [])
        # acronyms defined in the text: 'Europejskiej Służby Działań Zewnętrznych (ESDZ)'
        for m in _ACRONYM.finditer(text):
            before = text[: m.start()].rstrip()
            words = before.split()
            k = len(words)
            while k > 0 and (
                _PROPER.match(words[k - 1])
                or (words[k - 1] in _CONNECTORS and k - 1 > 0 and k < len(words))
            ):
                k -= 1
            while k < len(words) and words[k] in _CONNECTORS:
                k += 1
            long_words = words[k:]
            if len(long_words) < 2 or any(w.lower() in _INSTRUMENT_HEADS for w in long_words):
                continue
            if _is_place(long_words, code) or _is_place([m.group(1)], code):
                continue
            long_text = " ".join(long_words)
            start = before.rfind(long_text) if long_text in before else m.start()
            name = _nominative(long_words, code)
            reg.alias[fold(m.group(1))] = fold(name)
            reg.add(
                name,
                _type(long_words, names, "other"),
                unit.id,
                start,
                start + len(long_text),
                long_text,
                alias=m.group(1),
            )
    for unit in units:
        text = unit.text
        blocked = persons_at.get(unit.id, [])
        pattern, table = _bodies_pattern(code)
        known: list[tuple[int, int]] = []  # spans of known bodies' names in this unit
        for m in pattern.finditer(text):
            form = m.group(0)
            name, kind = table[form]
            if not any(s < m.end() and m.start() < e for s, e in blocked):
                alias = form if form != name else None
                reg.add(name, kind, unit.id, m.start(), m.end(), form, alias=alias)
                known.append((m.start(), m.end()))
        for start, end, words in _head_phrases(unit, names, code):
            if any(s < end and start < e for s, e in blocked):
                continue
            if any(a <= start and end <= b and (a, b) != (start, end) for a, b in known):
                continue  # inside a known body's full name ('Committee on Civil Liberties, …')
            reg.add(
                _nominative(words, code),
                _type(words, names, "other"),
                unit.id,
                start,
                end,
                text[start:end],
            )
        for m in re.finditer(r"\b([A-ZĄĆĘŁŃÓŚŹŻ]{2,8}(?:/[A-ZĄĆĘŁŃÓŚŹŻ]{2,8})?)\b", text):
            if fold(m.group(1)) in reg.alias:
                org = reg.items[reg.alias[fold(m.group(1))]]
                reg.add(org.name, org.type, unit.id, m.start(), m.end(), m.group(1))
    for unit in units:
        for start, end, words, kind in _governments(unit, names, code):
            reg.add(_nominative(words, code), kind, unit.id, start, end, unit.text[start:end])
    for unit_id, run, kind in typed:
        if len(run.tokens) == 1 and len(run.tokens[0]) < 3:
            continue
        if any(
            m.unit == unit_id and m.start < run.end and run.start < m.end
            for org in reg.items.values()
            for m in org.mentions
        ):
            continue  # part of a longer name found already
        if (
            run.text.lower() in names.person_cues
            or run.text in _NOT_ORGS
            or _is_place(list(run.tokens), code)
        ):
            continue
        if len(run.tokens) == 1 and (
            run.text.lower() in _INSTRUMENT_HEADS or re.search(r"(ese|ian|ish)$", run.text)
        ):
            continue  # 'Directive', 'Sudanese': a document or a demonym, not a body
        words = list(run.tokens)
        reg.add(
            _nominative(words, code),
            kind if kind != "other" else _type(words, names, "other"),
            unit_id,
            run.start,
            run.end,
            run.text,
        )
    return list(reg.items.values())
