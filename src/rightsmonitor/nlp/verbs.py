"""The leading verb of an operative paragraph and the addressees it names.

'wzywa rząd Kazachstanu do …' → verb 'wzywa', addressees ['rząd Kazachstanu'];
'Urges Russian federal and local authorities to grant …' → 'urges',
['Russian federal and local authorities']. Verbs, intensifiers and the words that end an
addressee are language data; Polish addressees are brought to the nominative with morfeusz2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rightsmonitor.lang import LanguageData, Verb
from rightsmonitor.nlp.morph import analyse, nominative_phrase, noun_phrase_length

__all__ = ["Lead", "leading_verb"]

_ADJ_SUFFIX = re.compile(r"(al|ive|ic|ous|ern|ian|ary|ent|ant|ile|ish|ese|an)$")
_DROP_LEAD = re.compile(r"^(including|in particular|notably|such as|especially|namely)\b", re.I)
_DETERMINERS = {"the", "its", "their", "all", "his", "her"}


@dataclass(frozen=True)
class Lead:
    verb: str
    stance: str
    addressees: tuple[str, ...]
    end: int  # offset in the paragraph text where the verb phrase ends


_PARENTHETICAL = re.compile(r"^([^\W\d_]+),\s+[^,;]{1,25},\s+")


def _match_verb(text: str, lang: LanguageData) -> tuple[Verb, int] | None:
    aside = _PARENTHETICAL.match(text)  # 'Calls, once again, on the Council'
    if aside:
        found = _match_verb(f"{aside.group(1)} {text[aside.end() :]}", lang)
        if found:
            return found[0], found[1] + aside.end() - len(aside.group(1)) - 1
    pos = 0
    low = text.lower()
    for _ in range(3):  # up to three intensifiers: 'once again strongly condemns'
        for word in lang.intensifiers:
            if low.startswith(word.lower() + " ", pos):
                pos += len(word) + 1
                break
        else:
            break
    for verb in lang.verbs:
        phrase = verb.phrase.lower()
        if (
            low.startswith(phrase, pos)
            and not low[pos + len(phrase) : pos + len(phrase) + 1].isalpha()
        ):
            return verb, pos + len(phrase)
    return None


def _cut(rest: str, lang: LanguageData) -> str:
    """The stretch after the verb that names addressees, up to the task or a clause break."""
    m = re.search(r"[;:(–—]", rest)
    stop = m.start() if m else len(rest)
    for word in lang.addressee_end:
        w = re.search(rf"(?<![^\W\d_])({re.escape(word)})(?![^\W\d_])", rest[:stop])
        if w and w.start() > 0:
            stop = min(stop, w.start())
    return rest[:stop].strip(" ,")


def _split(phrase: str, lang: LanguageData) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s*,\s*", phrase) if p.strip()]
    joins = [j for j in lang.addressee_join if j not in {",", "/"}]  # 'VP/HR' is one addressee
    out: list[str] = []
    for part in parts:
        pieces = [part]
        for join in joins:
            nxt: list[str] = []
            for piece in pieces:
                nxt.extend(_split_on(piece, join, lang.code))
            pieces = nxt
        out.extend(pieces)
    function_words = {w for w in lang.stopwords if " " not in w} - set(lang.determiners)
    return [p for p in out if p and not _DROP_LEAD.match(p) and p.split()[0] not in function_words]


def _is_adjective(word: str, code: str) -> bool:
    if code == "pl":
        readings = analyse(word.lower())
        return bool(readings) and all(
            tag.startswith(("adj", "pact", "ppas")) for _, tag in readings
        )
    return bool(_ADJ_SUFFIX.search(word.lower()))


def _split_on(piece: str, join: str, code: str) -> list[str]:
    chunks = re.split(rf"\s+{re.escape(join)}\s+", piece)
    merged: list[str] = [chunks[0]]
    for chunk in chunks[1:]:
        left_words = merged[-1].split()
        # 'federal and local authorities', 'the Chinese and Russian authorities'
        content = [w for w in left_words if w.lower() not in _DETERMINERS]
        adjective_pair = (
            bool(content)
            and all(_is_adjective(w, code) for w in content)
            and len(chunk.split()) >= 2
        )
        # 'władze federalne i lokalne': a lone adjective after the conjunction
        trailing_adjective = (
            len(chunk.split()) == 1 and chunk.islower() and _is_adjective(chunk, code)
        )
        if (adjective_pair and chunk.split()[0].lower() not in _DETERMINERS) or trailing_adjective:
            merged[-1] = f"{merged[-1]} {join} {chunk}"  # 'federal and local authorities'
        else:
            merged.append(chunk)
    return merged


def leading_verb(text: str, lang: LanguageData) -> Lead | None:
    found = _match_verb(text, lang)
    if found is None:
        return None
    verb, end = found
    addressees: tuple[str, ...] = ()
    if verb.addressee:
        stretch = _cut(text[end:], lang)
        if lang.code == "pl" and verb.addressee in {"acc", "gen", "dat"}:
            words = re.findall(r"[^\s,/]+|[,/]", stretch)
            stretch = " ".join(words[: noun_phrase_length(words, verb.addressee)]).replace(
                " ,", ","
            )
            names = [
                " / ".join(_polish_np(side.split(), verb.addressee) for side in n.split(" / "))
                for n in _split(stretch, lang)
            ]
        else:
            names = _split(stretch, lang)
        addressees = tuple(n for n in names if len(n) > 1)
    return Lead(verb.verb, verb.stance, addressees, end)


def _polish_np(words: list[str], case: str) -> str:
    """The noun phrase at the start of ``words``, its head in the nominative."""
    return " ".join(nominative_phrase(words[: noun_phrase_length(words, case)], case))
