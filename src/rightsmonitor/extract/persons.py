"""persons.v1 — natural persons named in a document, in the nominative, with every mention.

Decided at the document level: runs of capitalised words are typed by the cue before them
(a role such as 'więźniów politycznych, w tym …' or an organisation word such as 'ruchów …:'),
by the shape of the name (surname endings, morfeusz2's proper-name readings) and by what the
rest of the document says about the same name; a list shares one grammatical case; a form
seen in the nominative elsewhere settles a stem; relatives stay apart (the full name is the key).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rightsmonitor.extract.declension import (
    CASES,
    NOMINATIVE_PRIOR,
    REAL,
    Hypothesis,
    is_given_name,
    is_proper_name,
    name_hypotheses,
    token_hypotheses,
)
from rightsmonitor.extract.places import is_place_word
from rightsmonitor.extract.runs import NameList, Run, find_lists
from rightsmonitor.lang import NameData, family_names, load_names, name_particles
from rightsmonitor.model import Mention, Person, Unit, fact_id
from rightsmonitor.nlp import lexicon_for, name_key
from rightsmonitor.nlp.lemmas import lemmas
from rightsmonitor.nlp.morph import analyse, name_classes

__all__ = ["NAME", "PersonFinding", "extract_persons"]

NAME = "persons.v1"
# Zipf frequency from which a capitalised first word of a sentence is read as a common word
_COMMON_AT_SENTENCE_START = 3.0
# Zipf frequency below which a word the dictionary knows is rare enough to be a foreign name
# ('Pieter' is also a Polish noun, used about once in a billion words)
_RARE = 1.5
# ... and below which a word of a name is seldom used ('Mohammadi': in the news, not in prose)
_SELDOM = 2.5
_SELDOM_MIN = 2.2  # ... one of them below this ('Arash Mousavi': 2.4 and 2.1)
# ... and below which a word the dictionary also lists as a name is read as that name ('Pieter')
_UNCOMMON = 3.5
_SELDOM_IN_CONTEXT = 3.0  # beside a verb of what is done to people, words below this suffice
# ... and from which a word after a given name is a common word rather than a surname
_COMMON_WORD = 3.5
_FEMININE_CUES = {
    "obrończyni",
    "aktywistka",
    "dziennikarka",
    "blogerka",
    "działaczka",
    "uchodźczyni",
    "córka",
    "matka",
    "żona",
    "ms",
    "mrs",
}
_MASCULINE_CUES = {"syn", "ojciec", "brat", "mąż", "mr", "filantrop", "aktywista", "dziennikarz"}


@dataclass
class PersonFinding:
    persons: list[Person]
    org_runs: list[tuple[str, Run, str]] = field(default_factory=list)  # (unit, run, org type)


@dataclass
class _Candidate:
    unit: str
    run: Run
    name_list: NameList
    tokens: tuple[str, ...]
    start: int
    title_role: str | None = None


def _proper_or_unknown(word: str, code: str) -> tuple[bool, bool]:
    """(is a known proper name, is a known common word) for one token."""
    readings = analyse(word)
    proper = is_proper_name(word)
    if code == "pl":
        common = bool(readings) and not proper
    else:
        # a surname SGJP lists that is an everyday word of the language is not evidence
        # ('Held' in 'Journalist Held')
        frequent = lexicon_for(code).frequency(word.lower())
        proper = proper and frequent < _UNCOMMON
        common = frequent >= 4.2 and not proper
    return proper, common


def _plainly_a_person(tokens: tuple[str, ...], code: str) -> bool:
    """A given name and a surname ('portalu Alaksandr Tryhubowicz' is the portal's editor,
    not the portal): an organisation cue before it does not make it an organisation."""
    core = _core(tokens)
    if not 2 <= len(core) <= 3 or _proper_or_unknown(core[0], code)[1]:
        return False  # 'Wolna Europa': a common word first
    first, last = core[0], core[-1]
    given = is_given_name(first, code) or "imię" in name_classes(first)
    surname = bool(name_classes(last) & {"nazwisko"}) or _shape(last, load_names(code))
    return surname and (given or not is_place_word(first, code))


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name without its particles ('Ursula Leyen' for 'Ursula von der Leyen')."""
    return tuple(t for t in tokens if t not in name_particles())


def _shape(word: str, names: NameData) -> bool:
    return any(p.search(word) for p in names.surname_shapes)


def _looks_like_person(tokens: tuple[str, ...], names: NameData, code: str) -> bool:
    tokens = _core(tokens)
    if len(tokens) < 2:
        return False
    info = [_proper_or_unknown(t, code) for t in tokens]
    if all(common for _, common in info):
        return False
    evidence = any(proper for proper, _ in info) or _shape(tokens[-1], names)
    geo_or_org = any(_is_geo(t, code) or _is_org_head(t, names) for t in tokens)
    return evidence and not geo_or_org


def _is_geo(word: str, code: str) -> bool:
    """morfeusz2 knows ``word`` only as a place name (Polish text only: 'San' is also a river)."""
    if code != "pl":
        return False
    names = name_classes(word)
    return "nazwa_geograficzna" in names and not names & {"imię", "nazwisko"}


def _is_org_head(word: str, names: NameData) -> bool:
    low = word.lower()
    return low in names.org_heads or any(
        lemma.lower() in names.org_heads for lemma, _ in analyse(word)
    )


def _split_run(run: Run, names: NameData, code: str) -> Run:
    """'Demokratyczny Wybór Kazachstanu Muchtarowi Abliazowowi' → the trailing person."""
    tokens = run.tokens
    if len(tokens) >= 3 and is_place_word(tokens[0], code):  # 'z Kuby José Daniel Ferrer'
        rest = Run(tokens[1:], run.start + len(tokens[0]) + 1, run.end, run.quoted)
        return _split_run(rest, names, code)
    # 'Rady Ministrów Michał Dworczyk': the name starts at a given name after common words
    for cut in range(1, len(tokens) - 1):
        given = "imię" in name_classes(tokens[cut]) or is_given_name(tokens[cut], code)
        if given and all(
            "imię" not in name_classes(t)
            and not _proper_or_unknown(t, code)[0]
            and not is_given_name(t, code)
            for t in tokens[:cut]
        ):
            offset = len(" ".join(tokens[:cut])) + 1
            return Run(tokens[cut:], run.start + offset, run.end, run.quoted)
    # 'European Council António Costa': the name after an organisation's head word
    heads = [i for i, t in enumerate(tokens) if _is_org_head(t, names) or _is_geo(t, code)]
    if heads and len(tokens) - heads[-1] - 1 >= 2:
        cut = heads[-1] + 1
        tail = tokens[cut:]
        if not _blocked(tail, names, code):
            offset = len(" ".join(tokens[:cut])) + 1
            return Run(tail, run.start + offset, run.end, run.quoted)
    for cut in range(len(tokens) - 2, 0, -1):
        tail = tokens[cut:]
        head = tokens[:cut]
        if _shape(tail[-1], names) and any(
            _proper_or_unknown(t, code)[1] or _is_geo(t, code) for t in head
        ):
            offset = len(" ".join(head)) + 1
            return Run(tail, run.start + offset, run.end, run.quoted)
    return run


def _break_word(word: str, code: str) -> bool:
    """A common noun that is no name ('Nagrodę', 'Kongresu'): a person's name does not run
    through it (Polish; other languages have no such lexicon here)."""
    if code != "pl" or word in name_particles() or name_classes(word) & {"imię", "nazwisko"}:
        return False
    readings = analyse(word) or analyse(word.lower())
    return bool(readings) and all(tag.startswith("subst") for _l, tag in readings)


def _split_at_nouns(run: Run, code: str) -> list[Run]:
    """'Andrzejowi Poczobutowi Nagrodę Sacharowa' → the person, then what the noun opens
    (marked ``quoted`` to send it to the organisations); 'Kongresu Ujgurów Dolkun Isa' →
    the organisation part, then the person."""
    tokens = run.tokens
    breaks = [i for i, t in enumerate(tokens) if _break_word(t, code)]
    if len(tokens) < 3 or not breaks:
        return [run]
    last = breaks[-1]
    if len(tokens) - last - 1 >= 2:  # a noun phrase, then a name
        return [_sub(run, 0, last + 1, True), _sub(run, last + 1, len(tokens), False)]
    first = breaks[0]
    if first >= 2:  # a name, then a noun phrase
        return [_sub(run, 0, first, False), _sub(run, first, len(tokens), True)]
    return [run]


def _sub(run: Run, a: int, b: int, org: bool) -> Run:
    start = run.start + len(" ".join(run.tokens[:a])) + (1 if a else 0)
    return Run(run.tokens[a:b], start, start + len(" ".join(run.tokens[a:b])), org)


def _strip_title(run: Run, names: NameData) -> tuple[Run, str | None]:
    """'President Win Myint' → 'Win Myint' with the role; 'President Zelenskyy' → 'Zelenskyy'."""
    for n in (2, 1):
        if len(run.tokens) > n:
            phrase = " ".join(run.tokens[:n]).lower()
            if phrase in names.person_cues:
                offset = len(" ".join(run.tokens[:n])) + 1
                return Run(
                    run.tokens[n:], run.start + offset, run.end, run.quoted
                ), names.person_cues[phrase]
    return run, None


def _drop_sentence_start(run: Run, text: str, code: str) -> Run:
    """'Urges Russian …' at the start of a sentence: the capital comes from the sentence."""
    before = text[: run.start].rstrip()
    starts_sentence = not before or before[-1] in ".;:!?\n"
    if not starts_sentence or len(run.tokens) < 1:
        return run
    first = run.tokens[0]
    if first.lower() in name_particles():  # 'Von der Leyen powiedziała'
        return run
    if len(run.tokens) > 1 and is_given_name(first, code) and _surname_like(run.tokens[-1], code):
        return run  # 'Ursula von der Leyen met …'

    proper, _common = _proper_or_unknown(first, code)
    if not proper and lexicon_for(code).frequency(first.lower()) >= _COMMON_AT_SENTENCE_START:
        offset = len(first) + 1
        return Run(run.tokens[1:], run.start + offset, run.end, run.quoted)
    return run


def _after_place_cue(text: str, start: int, names: NameData) -> bool:
    """'ul. Piotra Skargi', 'nad Czarną Hańczą': the words before make the name a place."""
    before = text[max(0, start - 20) : start].lower().split()
    return bool(before) and before[-1] in names.place_cues


def _prize_word(word: str, names: NameData, code: str) -> bool:
    """A capitalised prize word ('Nagroda', 'Nagrody'): a prize's own name, which names it
    after someone ('przyznano nagrodę Marii …' gives a prize to someone)."""
    word = word.strip('„“"(')
    return word[:1].isupper() and bool(lemmas(word.lower(), code) & names.eponym_cues)


def _without_eponym(run: Run, text: str, names: NameData, code: str) -> Run:
    """A run without the name a prize or a foundation is named after: after 'im.' ('named
    after': 'Fundacja im. Stefana Batorego') the whole run; after or at the head of a
    capitalised prize word, the one name that follows it ('Nagrody Sacharowa Mahsie Amini'
    keeps 'Mahsie Amini', the laureate). The language's ``eponym_cues`` list the words."""
    if not names.eponym_cues or not run.tokens:
        return run
    before = text[max(0, run.start - 24) : run.start].split()
    last = before[-1].lower() if before else ""
    if last.endswith(".") and last in names.eponym_cues:
        return Run((), run.end, run.end, run.quoted)
    skip = 0
    if _prize_word(run.tokens[0], names, code):
        skip = 2
    elif before and _prize_word(before[-1], names, code):
        skip = 1
    if not skip:
        return run
    rest = run.tokens[skip:]
    if len(rest) < 2:
        return Run((), run.end, run.end, run.quoted)
    start = text.find(rest[0], run.start + len(" ".join(run.tokens[:skip])), run.end)
    return Run(rest, start, run.end, run.quoted) if start >= 0 else run


def _blocked(tokens: tuple[str, ...], names: NameData, code: str) -> bool:
    """Not a person: an organisation head word or a place inside, only common words, or (in a
    language other than English) only common English words without a given name ('Fox News')."""
    tokens = _core(tokens)
    if any(_is_geo(t, code) or _is_org_head(t, names) for t in tokens):
        return True
    if len(tokens) > 1 and is_place_word(tokens[-1], code):
        return True  # 'European Belarus': a surname is not a country
    if any(t.lower() in names.not_person_words for t in tokens):
        return True  # 'Vaclav Havel Prize', 'Central Asia'
    if code != "en" and _english_phrase(tokens):
        return True
    if code == "pl" and _adjective_last(tokens[-1]) and "imię" not in name_classes(tokens[0]):
        return True  # 'Matki Polki'; after a given name an adjective is a surname: 'Nawalny'
    return all(_proper_or_unknown(t, code)[1] for t in tokens)


def _evidence(tokens: tuple[str, ...], names: NameData, code: str, after_of: bool = False) -> bool:
    tokens = _core(tokens)
    if any(_proper_or_unknown(t, code)[0] for t in tokens) or _shape(tokens[-1], names):
        return True
    if 2 <= len(tokens) <= 4 and is_given_name(tokens[0], code) and _surname_like(tokens[-1], code):
        return True  # 'Ursula von der Leyen', 'Pieter Meulen': a given name of some country
    if code != "en":
        return _foreign_name(tokens, code)
    return not after_of and _rare_in_english(tokens)  # 'editor of Uralskaya Nedelya'


_FINITE_BEFORE = re.compile(r"(\w+)\s+$")
_PASSIVE_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:was|were|has been|had been|is|are)\s+(\w+)"
    r"|(?:remains|remained|is|was|are|were)\s+in\s+(\w+))"
)


def _done_to(run: Run, text: str, names: NameData, code: str) -> bool:
    """'police arrested Sok Vanna', 'Nadeem Masih was sentenced', 'Nadeem Masih remains in
    custody': two or three words English seldom uses, right after or before a verb of what
    is done to people (``done_to_verbs``, lemmas), are a person's name."""
    if code != "en" or not names.done_to_verbs or not 2 <= len(run.tokens) <= 3:
        return False
    english = lexicon_for("en")
    if any(
        len(t) < 3 or t.isupper() or english.frequency(t.lower()) >= _SELDOM_IN_CONTEXT
        for t in run.tokens
    ):
        return False
    before = _FINITE_BEFORE.search(text[max(0, run.start - 30) : run.start])
    after = _PASSIVE_AFTER.match(text[run.end : run.end + 40])
    words = [before.group(1).lower()] if before else []
    words += [w.lower() for w in (after.groups() if after else ()) if w]
    return any(lemmas(w, "en") & names.done_to_verbs for w in words)


def _surname_like(word: str, code: str) -> bool:
    """A family name somewhere, or a word the language rarely uses ('Conventions' is not)."""
    if word.isupper():
        return False
    return word in family_names() or lexicon_for(code).frequency(word.lower()) < _COMMON_WORD


_OF = re.compile(r"\bof\s+$")


def _rare_in_english(tokens: tuple[str, ...]) -> bool:
    """'Zhanbolat Agadil', 'Narges Mohammadi' in English prose: two or three words English
    seldom uses, one of them almost never (a name in the news is used now and then)."""
    english = lexicon_for("en")
    if not 2 <= len(tokens) <= 3 or any(len(t) < 3 or t.isupper() for t in tokens):
        return False
    zipf = [english.frequency(t.lower()) for t in tokens]
    return max(zipf) < _SELDOM and min(zipf) < _SELDOM_MIN


def _adjective_last(word: str) -> bool:
    """A place or a title ends in a common adjective; a surname is not only an adjective."""
    if name_classes(word) & {"nazwisko", "imię"}:
        return False
    readings = analyse(word) or analyse(word.lower())
    return bool(readings) and all(tag.startswith("adj") for _, tag in readings)


def _english_phrase(tokens: tuple[str, ...]) -> bool:
    english = lexicon_for("en")
    return all(english.frequency(t.lower()) >= 4.0 for t in tokens) and not any(
        "imię" in name_classes(t) for t in tokens
    )


def _foreign_name(tokens: tuple[str, ...], code: str) -> bool:
    """'Anthony Fauci', 'Marius Stonkus': words the language does not know, that are not a
    phrase of common English words either ('Human Rights Watch', 'Wall Street Journal')."""
    if len(tokens) > 3 or any(len(t) < 3 or t.isupper() for t in tokens):
        return False
    local = lexicon_for(code)
    unknown = all(
        (not analyse(t) and not analyse(t.lower()))
        or local.frequency(t.lower()) < _RARE
        or (name_classes(t) & {"imię", "nazwisko"} and local.frequency(t.lower()) < _UNCOMMON)
        for t in tokens
    )
    english = lexicon_for("en")
    return unknown and not all(english.frequency(t.lower()) >= 3.0 for t in tokens)


def _person_typed(name_list: NameList) -> bool:
    cue = name_list.cue
    after = name_list.after_cue
    return (cue is not None and cue.kind == "person") or (
        after is not None and after.kind == "person"
    )


def _collect(
    units: list[Unit], code: str, names: NameData
) -> tuple[list[_Candidate], list[tuple[str, Run, str]], list[tuple[str, Run, NameList]]]:
    candidates: list[_Candidate] = []
    orgs: list[tuple[str, Run, str]] = []
    leftovers: list[tuple[str, Run, NameList]] = []
    for unit in units:
        for name_list in find_lists(unit.text, names):
            cue = name_list.cue
            org_typed = cue is not None and cue.kind == "org"
            kept: list[tuple[Run, str | None, bool]] = []
            pieces: list[Run] = []
            for whole in name_list.runs:
                inner = _split_at_nouns(whole, code)
                if inner == [whole]:
                    pieces.append(whole)
                    continue
                pieces += [r for r in inner if not r.quoted]
                orgs += [(unit.id, r, "other") for r in inner if r.quoted]
            for raw in pieces:
                run = _split_run(raw, names, code)
                if run is not raw:
                    head = Run(
                        raw.tokens[: len(raw.tokens) - len(run.tokens)],
                        raw.start,
                        run.start - 1,
                        raw.quoted,
                    )
                    orgs.append((unit.id, head, cue.label if org_typed and cue else "other"))
                elif raw.quoted or (org_typed and not _plainly_a_person(raw.tokens, code)):
                    orgs.append((unit.id, raw, cue.label if org_typed and cue else "other"))
                    continue
                if _after_place_cue(unit.text, run.start, names):
                    continue
                run = _without_eponym(run, unit.text, names, code)
                if not run.tokens:
                    continue
                run, title_role = _strip_title(run, names)  # 'Premier Tusk' opens sentences too
                if not title_role:
                    run = _drop_sentence_start(run, unit.text, code)
                if not run.tokens or _blocked(run.tokens, names, code):
                    continue
                if len(run.tokens) < 2 and not title_role:
                    continue
                kept.append(
                    (
                        run,
                        title_role,
                        bool(title_role)
                        or _evidence(
                            run.tokens,
                            names,
                            code,
                            bool(_OF.search(unit.text[max(0, run.start - 4) : run.start])),
                        )
                        or _done_to(run, unit.text, names, code),
                    )
                )
            # 'editor of Uralskaya Nedelya': the cue's 'of' names what the person heads
            first = name_list.runs[0].start
            after_of = bool(_OF.search(unit.text[max(0, first - 4) : first]))
            list_is_person = (_person_typed(name_list) and not after_of) or any(
                ev for _, _, ev in kept
            )
            for run, title_role, ev in kept:
                if ev or list_is_person:
                    candidates.append(
                        _Candidate(unit.id, run, name_list, run.tokens, run.start, title_role)
                    )
                else:
                    leftovers.append((unit.id, run, name_list))
    return candidates, orgs, leftovers


def _constraint(name_list: NameList) -> frozenset[str]:
    """Cases an apposition cue allows ('aktywistki Gulzipy' → gen). One name after a cue is one
    person, so the cue's singular readings decide; several names take all its readings."""
    for cue in (name_list.after_cue, *name_list.cues[:1]):
        if (
            cue is not None
            and cue.kind == "person"
            and (cue.after or (cue.adjacent and not cue.marked))
        ):
            if len(name_list.runs) == 1 and cue.singular_case:
                return cue.singular_case
            return cue.case
    return frozenset()


def _bonus(h: Hypothesis, own: frozenset[str], seen: Counter[str]) -> float:
    """A nominative written (or strongly implied) elsewhere in the document settles the stem."""
    key = name_key(" ".join(h.nominative))
    return 1.5 if seen[key] - (1 if key in own else 0) > 0 else 0.0


def _choose(
    hyps: list[Hypothesis],
    case: str,
    own: frozenset[str],
    seen: Counter[str],
    gender_hint: str | None,
) -> Hypothesis | None:
    fits = [h for h in hyps if h.case == case]
    if not fits:
        return None
    return max(fits, key=lambda h: _fit(h, own, seen, gender_hint))


def _fit(
    h: Hypothesis, own: frozenset[str], seen: Counter[str], hint: str | None, extra: float = 0.0
) -> tuple[float, int]:
    """How well a reading fits: its score, a nominative seen elsewhere, the cue's gender (and
    ``extra``); men first on a tie."""
    score = h.score + _bonus(h, own, seen) + (0.3 if hint == h.gender else 0.0) + extra
    return score, int(h.gender == "m")


def _gender_hint(name_list: NameList) -> str | None:
    for cue in (name_list.after_cue, name_list.role_cue()):
        if cue is None:
            continue
        if cue.lemma in _FEMININE_CUES:
            return "f"
        if cue.lemma in _MASCULINE_CUES:
            return "m"
    return None


def _resolve_lists(
    cands: list[_Candidate], code: str, seen: Counter[str]
) -> list[tuple[_Candidate, Hypothesis]]:
    by_list: dict[int, list[_Candidate]] = defaultdict(list)
    for cand in cands:
        by_list[id(cand.name_list)].append(cand)
    out: list[tuple[_Candidate, Hypothesis]] = []
    for members in by_list.values():
        name_list = members[0].name_list
        hyps = [name_hypotheses(c.tokens, code) for c in members]
        allowed = _constraint(name_list)
        hint = _gender_hint(name_list)

        owns = [_keys(c, code) for c in members]
        governs = _governs(members, name_list)

        def case_score(
            case: str,
            hyps: list[list[Hypothesis]] = hyps,
            owns: list[frozenset[str]] = owns,
            governs: list[frozenset[str]] = governs,
        ) -> tuple[int, float, int]:
            fits = [
                max(
                    (
                        h.score + _bonus(h, own, seen)
                        for h in hs
                        if h.case == case and h.support >= REAL
                    ),
                    default=-1.0,
                )
                for hs, own in zip(hyps, owns, strict=True)
            ]
            # the word before the list is one signal for the whole list, not one per name
            governed = _governed(Hypothesis((), case, "m", 0.0), governs[0])
            return (
                sum(1 for f in fits if f >= 0),
                sum(f for f in fits if f >= 0) + governed,
                -CASES.index(case),
            )

        cases = [c for c in CASES if not allowed or c in allowed] or list(CASES)
        best_case = max(cases, key=case_score)
        for cand, hs, own, gov in zip(members, hyps, owns, governs, strict=True):
            fits = [h for h in hs if not allowed or h.case in allowed] or hs
            # the list's case, where this name has a reading of its own in it; else its own best
            covered = [h for h in fits if h.support >= REAL or _bonus(h, own, seen)]
            chosen = _choose(covered, best_case, own, seen, hint)
            if chosen is None and fits:
                chosen = max(
                    fits,
                    key=lambda h: _fit(
                        h,
                        own,
                        seen,
                        hint,
                        (_LIST_CASE if h.case == best_case else 0.0) + _governed(h, gov),
                    ),
                )
            if chosen is not None:
                out.append((cand, chosen))
    return out


def _governs(members: list[_Candidate], name_list: NameList) -> list[frozenset[str]]:
    """What the word before the list governs, for each name the list starts with as written
    (not 'José Daniel Ferrer' cut from 'z Kuby José …'); when a role word stands in
    apposition, its cases ('obrończyni praw kobiet Dilnoza Rahimowa': not 'kobiet')."""
    role = next((c for c in name_list.cues if c.kind == "person" and c.apposition), None)
    if role is not None:  # the name agrees with the role word: 'ofiar tortur Iskandera …'
        return [role.case for _ in members]
    starts = {r.start for r in name_list.runs}
    return [name_list.governed if c.run.start in starts else frozenset() for c in members]


def _governed(h: Hypothesis, governed: frozenset[str]) -> float:
    """The word before the name asks for this case ('dla', 'w obronie' → gen); then a
    nominative loses the prior that names are subjects."""
    if h.case in governed:
        return _GOVERNED
    return -NOMINATIVE_PRIOR if governed and h.case == "nom" else 0.0


# A case the word before a name governs outweighs the prior that names are subjects.
_GOVERNED = 0.6
# How much the case the rest of a list shares counts for one of its names: a soft signal,
# so that a name the others do not fit ('Maria Corina Machado' in a genitive list) is not
# dragged into their case.
_LIST_CASE = 0.3


def _gender(hyp: Hypothesis, name_list: NameList, names: NameData) -> str | None:
    """From a cue ('aktywistki'), else the surname's nominative ending (a soft signal)."""
    hint = _gender_hint(name_list)
    if hint:
        return hint
    if hyp.score >= 1.9 and hyp.case != "nom":
        return hyp.gender  # the declension shows it: 'Arona Atabeka' is a man
    surname = hyp.nominative[-1] if len(hyp.nominative) > 1 else ""
    if any(surname.endswith(e) for e in names.feminine_surname_endings):
        return "f"
    if any(surname.endswith(e) for e in names.masculine_surname_endings):
        return "m"
    return None


def _roles(name_list: NameList, title_role: str | None) -> list[str]:
    """The title, then every role word before the list in its clause (after any earlier list:
    'byłych więźniów politycznych i ofiar tortur, takich jak …' gives both), then an
    apposition after it."""
    roles = [title_role] if title_role else []
    for cue in (*name_list.cues, name_list.after_cue):
        if (
            cue is not None
            and cue.kind == "person"
            and cue.label != "person"
            and cue.label not in roles
        ):
            roles.append(cue.label)
    return roles


def extract_persons(units: list[Unit], code: str) -> PersonFinding:
    names = load_names(code)
    cands, orgs, leftovers = _collect(units, code, names)
    org_keys = {name_key(run.text) for _, run, _ in orgs}
    cands = [c for c in cands if name_key(" ".join(c.tokens)) not in org_keys]
    cands += _second_pass(cands, leftovers, code)
    seen = _evidence_counts(cands, code)
    people: dict[str, Person] = {}
    nominative_seen: dict[str, bool] = {}
    resolved = _resolve_lists(cands, code, seen)
    # full names first, so that 'pan Poczobut' and 'Mr Bekov' join the person named in full
    resolved.sort(key=lambda ch: len(ch[0].tokens) == 1)
    for cand, hyp in resolved:
        nominative = " ".join(hyp.nominative)
        if len(cand.tokens) == 1 or _part_of_a_name(people, hyp):
            owner = _surname_owner(people, cand, hyp, code)
            if owner is not None:
                owner.mentions.append(
                    Mention(cand.run.text, cand.unit, cand.run.start, cand.run.end, nominative)
                )
                continue
        key = name_key(nominative)
        person = people.get(key)
        if person is None:
            person = Person(id=fact_id("person", key), name=nominative)
            people[key] = person
            nominative_seen[key] = hyp.case == "nom" and hyp.nominative == cand.tokens
        elif not nominative_seen[key] and hyp.case == "nom" and hyp.nominative == cand.tokens:
            if person.name not in person.aliases:
                person.aliases.append(person.name)
            person.name, nominative_seen[key] = nominative, True
        elif nominative != person.name and nominative not in person.aliases:
            person.aliases.append(nominative)
        person.mentions.append(
            Mention(cand.run.text, cand.unit, cand.run.start, cand.run.end, nominative)
        )
        for role in _roles(cand.name_list, cand.title_role):
            if role not in person.roles:
                person.roles.append(role)
        person.gender = person.gender or _gender(hyp, cand.name_list, names)
    _surname_mentions(units, people, code, org_keys)
    order = {u.id: i for i, u in enumerate(units)}
    for person in people.values():
        person.mentions.sort(key=lambda m: (order.get(m.unit, len(units)), m.start))
    ordered = sorted(
        people.values(),
        key=lambda p: (order.get(p.mentions[0].unit, len(units)), p.mentions[0].start),
    )
    return PersonFinding(ordered, orgs)


def _part_of_a_name(people: dict[str, Person], hyp: Hypothesis) -> bool:
    """'González Urrutia', 'van den Berg': the end of a longer name found in full."""
    tail = [name_key(t) for t in hyp.nominative]
    return any(
        len(p.name.split()) > len(tail)
        and [name_key(t) for t in p.name.split()[-len(tail) :]] == tail
        for p in people.values()
    )


def _surname_owner(
    people: dict[str, Person], cand: _Candidate, hyp: Hypothesis, code: str
) -> Person | None:
    """The one person of the document named in full whose surname this is (in any case it
    may be in); of several ('Ms Mohammadi' beside Narges and Sharifeh Mohammadi), the one
    named earlier in the same paragraph, if only one is; else None (relatives stay apart)."""
    size = len(hyp.nominative)
    forms = {name_key(" ".join(cand.tokens)), name_key(" ".join(hyp.nominative))}
    if size == 1:
        forms |= {name_key(h[0]) for h in token_hypotheses(cand.tokens[0], code) if h[3] >= REAL}
    owners = [
        p
        for p in people.values()
        if len(p.name.split()) > size and name_key(" ".join(p.name.split()[-size:])) in forms
    ]
    if len(owners) > 1:
        owners = [
            p
            for p in owners
            if any(m.unit == cand.unit and m.start < cand.start for m in p.mentions)
        ]
    return owners[0] if len(owners) == 1 else None


def _keys(cand: _Candidate, code: str) -> frozenset[str]:
    """The surface key of a mention and the keys of its strong (rule-based) nominatives."""
    keys = {name_key(" ".join(cand.tokens))}
    keys.update(
        name_key(" ".join(h.nominative))
        for h in name_hypotheses(cand.tokens, code)
        if h.score >= 1.9
    )
    return frozenset(keys)


def _evidence_counts(cands: list[_Candidate], code: str) -> Counter[str]:
    """How many different surfaces (a form repeated counts once) attest each key."""
    seen: Counter[str] = Counter()
    surfaces: set[str] = set()
    for cand in cands:
        surface = name_key(" ".join(cand.tokens))
        if surface not in surfaces:
            surfaces.add(surface)
            seen.update(_keys(cand, code))
    return seen


def _second_pass(
    cands: list[_Candidate], leftovers: list[tuple[str, Run, NameList]], code: str
) -> list[_Candidate]:
    """Runs without evidence of their own that decline to a person found elsewhere."""
    known = _evidence_counts(cands, code)
    extra: list[_Candidate] = []
    for unit_id, run, name_list in leftovers:
        if any(
            name_key(" ".join(h.nominative)) in known for h in name_hypotheses(run.tokens, code)
        ):
            extra.append(_Candidate(unit_id, run, name_list, run.tokens, run.start))
    return extra


def _surname_mentions(
    units: list[Unit], people: dict[str, Person], code: str, org_keys: set[str] | None = None
) -> None:
    """Single-word mentions: a surname that only one person in the document has ('Guaidó',
    'Dudy' for Andrzej Duda), or a word morfeusz2 knows only as a surname ('Trumpa')."""
    by_surname: dict[str, list[Person]] = defaultdict(list)
    for person in people.values():
        by_surname[name_key(person.name.split()[-1])].append(person)
    taken = {(m.unit, m.start) for p in people.values() for m in p.mentions}
    for unit in units:
        for name_list in find_lists(unit.text, load_names(code)):
            for whole in name_list.runs:
                run = _drop_sentence_start(whole, unit.text, code)  # 'Wobec Tokonbajewa …'
                if len(run.tokens) != 1 or (unit.id, run.start) in taken:
                    continue
                word = run.tokens[0]
                forms = [word] + [h[0] for h in token_hypotheses(word, code) if h[3] >= REAL]
                owners = next(
                    (by_surname[name_key(f)] for f in forms if by_surname.get(name_key(f))), []
                )
                if len(owners) == 1:
                    owner = owners[0]
                    if not any(
                        m.unit == unit.id and m.start <= run.start < m.end for m in owner.mentions
                    ):
                        surname = owner.name.split()[-1]
                        owner.mentions.append(
                            Mention(run.text, unit.id, run.start, run.end, surname)
                        )
                    continue
                if (
                    code == "pl"
                    and _surname_only(word, unit.text, run.start)
                    and not any(name_key(f) in (org_keys or set()) for f in forms)
                ):
                    nominative = _surname_nominative(word, code)
                    key = name_key(nominative)
                    person = people.setdefault(
                        key, Person(id=fact_id("person", key), name=nominative)
                    )
                    person.mentions.append(
                        Mention(run.text, unit.id, run.start, run.end, nominative)
                    )
                    by_surname[key].append(person)


def _surname_only(word: str, text: str, start: int) -> bool:
    """A word morfeusz2 knows only as a surname (not a given name, place or common word)."""
    classes = name_classes(word)
    if classes != {"nazwisko"} or analyse(word.lower()):
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".;:!?"


def _surname_nominative(word: str, code: str) -> str:
    readings = [h for h in token_hypotheses(word, code) if h[3] >= 3.0]
    return max(readings, key=lambda h: h[3])[0] if readings else word
