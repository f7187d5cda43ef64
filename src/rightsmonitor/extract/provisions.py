"""provisions.v1 — articles of legal instruments, with the instrument they belong to.

'art. 405 i 182 kodeksu karnego Kazachstanu' gives two provisions of one instrument;
'art. 144 ust. 5 i art. 132 ust. 4 Regulaminu', 'Rules 150(5) and 136(4) of the Rules of
Procedure', 'Articles 9(2) and 64(5) thereof' (the instrument named before in the unit).
Whole instruments cited without an article ('Directive (EU) 2015/849') have no article.
"""

from __future__ import annotations

import re

from rightsmonitor.lang import load_data
from rightsmonitor.model import Mention, Provision, Unit, fact_id
from rightsmonitor.nlp.morph import nominative_phrase

__all__ = ["NAME", "extract_provisions"]

NAME = "provisions.v1"

_NUMBER = r"\d+[a-z]?(?:-\d+)?(?:\(\d+[a-z]?\))*(?:\([a-z]\))?"
_INSTRUMENT_EN = re.compile(
    r"\b((?:Commission |Council |Delegated |Implementing )*(?:Directive|Regulation|Decision)"
    r"\s*(?:\((?:EU|EC|EEC|Euratom)\))?\s*(?:No\s*)?\d{2,4}/\d{1,4}(?:/(?:EU|EC|EEC))?)"
)


# Named instruments cited whole: 'the Rome Statute', 'the Genocide Convention (CPPCG)'
_NAMED_EN = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+){0,6}(?:Charter|Conventions?|Statute|Treaty|Covenant|Protocols?|"
    r"Declaration|Constitution)(?:\s+(?:of|on|for|against)\s+(?:the\s+)?[\w’'-]+(?:\s+[a-z]+)?"
    r"(?:\s+(?:of|on|the|and)\s+[\w’'-]+){0,4})?|Executive Order \(E\.O\.\) \d+|"
    r"(?:[A-Z][\w’'-]*\s+){0,3}delegated regulation)"
)
_ANNEX_EN = re.compile(
    r"(?:point\s+([IVX\d]+)\s+of\s+(?:the\s+)?)?(?<![\w])([Aa]nnex)(?:\s+([IVX]+)\b)?"
)
_LOWER_INSTRUMENTS_EN = re.compile(
    r"\b(constitution|additional protocols|criminal code|penal code)\b"
)
_OF_ARTICLE = re.compile(
    r"(?:Articles?|Rules?)\s+[\d()a-z,\s]+(?:and\s+[\d()a-z]+\s+)?of\s+(?:the\s+)?$"
)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    data = load_data(code, "facts")
    if not data:
        return None
    art = _alt(list(data.get("article", [])))
    sub = _alt([*data.get("paragraph", []), *data.get("point", [])])
    one = (
        rf"(?:(?:{art})\s*)?{_NUMBER}(?:\s*(?:{sub})\s*\d+[a-z]?)*"
        if sub
        else rf"(?:(?:{art})\s*)?{_NUMBER}"
    )
    joiners = _alt(list(data.get("list_joiners", [])))
    group = (
        re.compile(
            rf"(?<![\w/])(?:{art})\s*{_NUMBER}(?:\s*(?:{sub})\s*\d+[a-z]?)*(?:\s*(?:{joiners})\s*{one})*",
            re.IGNORECASE,
        )
        if sub
        else re.compile(rf"(?<![\w/])(?:{art})\s*{_NUMBER}(?:\s*(?:{joiners})\s*{one})*")
    )
    item = re.compile(one, re.IGNORECASE)
    return group, item


def _instrument(text: str, end: int, code: str, previous: str | None) -> str | None:
    rest = text[end:]
    if code == "pl":
        m = re.match(r"\s+((?:[^\W\d_]+\.?\s*){1,8})", rest)
        if not m:
            return previous
        stops = load_data(code, "facts").get("instrument_stop", [])
        words = m.group(1).split()
        cut = len(words)
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if any(tail.startswith(str(s)) for s in stops):
                cut = i
                break
        words = [w.rstrip(",;.") for w in words[:cut]]
        return " ".join(nominative_phrase(words, "gen")) if words else previous
    named = re.match(r"\s+of\s+(?:the\s+)?", rest)
    if named:
        act = _INSTRUMENT_EN.match(rest[named.end() :])
        if act:
            return " ".join(act.group(1).split())
    m = re.match(
        r"\s+(?:of\s+)?(?:the\s+|its\s+)?(.+?)"
        r"(?=[,;.(]|\s+(?:in particular|as regards|and of|which|thereof)\b|$)",
        rest,
    )
    if rest.lstrip().startswith("thereof"):
        return previous
    if m and m.group(1)[:1].isupper():
        return m.group(1).strip()
    return previous


def _annexes(
    unit: Unit, instrument: str | None, found: dict[tuple[str | None, str | None], Provision]
) -> None:
    for m in _ANNEX_EN.finditer(unit.text):
        article = (
            "Annex"
            + (f" {m.group(3)}" if m.group(3) else "")
            + (f", point {m.group(1)}" if m.group(1) else "")
        )
        key = (article, instrument)
        prov = found.setdefault(
            key, Provision(fact_id("provision", article, instrument or ""), article, instrument)
        )
        prov.mentions.append(Mention(m.group(0), unit.id, m.start(), m.end()))


def _acronyms(units: list[Unit], found: dict[tuple[str | None, str | None], Provision]) -> None:
    """'the Genocide Convention (CPPCG)': the acronym names the same instrument from then on."""
    named = {m.text: p for p in found.values() if p.article is None for m in p.mentions}
    aliases: dict[str, Provision] = {}
    for unit in units:
        for text, prov in named.items():
            for m in re.finditer(re.escape(text) + r"\s*\(([A-Z]{2,8})\)", unit.text):
                aliases[m.group(1)] = prov
    for acronym, prov in aliases.items():
        for unit in units:
            for m in re.finditer(rf"(?<![\w]){acronym}(?![\w])", unit.text):
                if not any(x.unit == unit.id and x.start == m.start() for x in prov.mentions):
                    prov.mentions.append(Mention(acronym, unit.id, m.start(), m.end()))


def extract_provisions(units: list[Unit], code: str) -> list[Provision]:
    found: dict[tuple[str | None, str | None], Provision] = {}
    patterns = _patterns(code)
    last_seen: str | None = None  # the instrument named last in the document ('its annex')
    for unit in units:
        previous = None
        for m in _INSTRUMENT_EN.finditer(unit.text):
            previous = previous or " ".join(m.group(1).split())
        if code == "en":
            _annexes(unit, previous or last_seen, found)
            for m in _LOWER_INSTRUMENTS_EN.finditer(unit.text):
                name = m.group(1)
                prov = found.setdefault(
                    (None, name), Provision(fact_id("provision", "", name), None, name)
                )
                prov.mentions.append(Mention(name, unit.id, m.start(), m.end()))
        for m in _INSTRUMENT_EN.finditer(unit.text):
            last_seen = " ".join(m.group(1).split())
        if patterns is None:
            continue
        group_re, item_re = patterns
        for group in group_re.finditer(unit.text):
            instrument = _instrument(unit.text, group.end(), code, previous)
            for item in item_re.finditer(group.group(0)):
                article = re.sub(r"^\D+", "", item.group(0)).strip()
                if not article or not article[0].isdigit():
                    continue
                article = " ".join(article.split())
                key = (article, instrument)
                prov = found.setdefault(
                    key,
                    Provision(fact_id("provision", article, instrument or ""), article, instrument),
                )
                start = group.start() + item.start()
                prov.mentions.append(
                    Mention(item.group(0), unit.id, start, start + len(item.group(0)))
                )
        cited = [(c.start, c.end) for p in found.values() for c in p.mentions if c.unit == unit.id]
        named = list(_NAMED_EN.finditer(unit.text)) if code == "en" else []
        for m in [*_INSTRUMENT_EN.finditer(unit.text), *named]:
            if _OF_ARTICLE.search(unit.text[max(0, m.start(1) - 40) : m.start(1)]):
                continue  # the instrument of an article already cited
            if any(s < m.end(1) and m.start(1) < e for s, e in cited):
                continue
            name = " ".join(m.group(1).split())
            prov = found.setdefault(
                (None, name), Provision(fact_id("provision", "", name), None, name)
            )
            prov.mentions.append(Mention(m.group(1), unit.id, m.start(1), m.end(1)))
            cited.append((m.start(1), m.end(1)))
    _acronyms(units, found)
    return list(found.values())
