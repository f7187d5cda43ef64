"""events.v2 — what happened to whom: events typed from a controlled vocabulary matched on
LEMMAS (``lang/<code>/events.toml``), whole tokens only, with participants in HURIDOCS roles
(victim; perpetrator for a state body or court that does a violation; authority for one
that intervenes), polarity (happened, demanded, threatened, alleged, denied, annulled,
planned), the event's own date, place and provisions from its clause, and the span that
states it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rightsmonitor.extract.places import is_place_word
from rightsmonitor.lang import load_data
from rightsmonitor.model import (
    DateFact,
    Event,
    Organisation,
    Participant,
    Person,
    Place,
    Provision,
    Unit,
    fact_id,
)
from rightsmonitor.nlp import Token, analyse, tokenize
from rightsmonitor.nlp.lemmas import lemmas
from rightsmonitor.nlp.sentences import clause_span

__all__ = ["EVENT_TYPES", "NAME", "POLARITIES", "VIOLATIONS", "extract_events"]

NAME = "events.v2"
EVENT_TYPES = (
    "detention",
    "arrest",
    "pre_trial_detention",
    "house_arrest",
    "administrative_detention",
    "charge",
    "prosecution",
    "conviction",
    "sentence",
    "appeal_rejected",
    "fine",
    "suspension",
    "ban_or_liquidation",
    "designation_as_extremist",
    "search_or_raid",
    "enforced_disappearance",
    "travel_ban",
    "disbarment_or_dismissal",
    "censorship",
    "internet_shutdown",
    "attack",
    "torture",
    "killing_or_death",
    "hunger_strike",
    "release",
    "acquittal",
    "case_closed",
    "reinstatement_or_annulment",
    "asylum_granted",
    "exile",
    "deportation_or_forced_transfer",
    "extradition_request_or_interpol_notice",
    "arrest_warrant",
    "persecution",
    "harassment",
    "threat",
    "lawsuit",
    "protest",
    "law_adopted_or_amended",
    "election",
    "vote_adopted",
    "sanction_imposed",
    "ratification",
    "coup",
    "other",
)
POLARITIES = ("happened", "demanded", "threatened", "alleged", "denied", "annulled", "planned")
# acts by which a state body violates rights: a court or ministry doing them is a perpetrator;
# the rest are interventions (release, asylum …), acts of the victims, or context
VIOLATIONS = frozenset(EVENT_TYPES) - {
    "hunger_strike",
    "release",
    "acquittal",
    "case_closed",
    "reinstatement_or_annulment",
    "asylum_granted",
    "exile",
    "protest",
    "law_adopted_or_amended",
    "election",
    "vote_adopted",
    "sanction_imposed",
    "ratification",
    "coup",
    "other",
}
_AUTHORITY_TYPES = {"government", "state_body", "court", "armed_forces"}
_INTERNATIONAL = {"international_body", "eu_body"}
_GAP = "…"
_PLACE = "place"  # written PLACE in the vocabulary (lower-cased when read)
_MAX_PLURAL = 4  # persons a plural pronoun may stand for
_SAME_EVENT = 8  # words within which a second trigger of the same type is the same event
_MAX_GAP = 4  # words that may stand where the vocabulary writes '…'
_NEGATION_REACH = 2  # a negation counts within this many words before the trigger
_MODAL_REACH = 6  # 'faces up to ten years in prison': a threat, allegation or plan reaches so far
_ANNULMENT_REACH = 3  # 'quashed the nine-year sentence': the annulled act follows closely
_TEMPORAL_REACH = 4  # 'after spending two years in pretrial detention': a time reference
_DESCRIBES_REACH = 8  # words between event words and the source's name they describe


@dataclass(frozen=True)
class _Pattern:
    lemmas: tuple[str, ...]  # with _GAP between lemmas that may be apart
    type: str

    @property
    def weight(self) -> int:
        return sum(1 for lemma in self.lemmas if lemma != _GAP)


@dataclass(frozen=True)
class _Vocabulary:
    triggers: dict[str, tuple[_Pattern, ...]]  # first lemma → patterns
    blockers: dict[str, tuple[_Pattern, ...]]
    polarity: dict[str, str]  # cue lemma → polarity
    negation: frozenset[str]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    subjectless: frozenset[str]  # verbs whose subject a language may drop ('został …')
    faced: frozenset[str] = frozenset()  # 'faces charges': the charges are brought
    reporting: frozenset[str] = frozenset()  # 'said', 'powiedział': the person is a source
    not_subject: frozenset[str] = frozenset()  # 'of': the name after it is not the speaker
    pronoun_gender: dict[str, str] = field(default_factory=dict)  # 'he' → 'm', 'jej' → 'f'
    coordination: frozenset[str] = frozenset()  # 'and': an annulling verb does not reach past
    relative: frozenset[str] = frozenset()  # 'who', 'który': a cue does not reach into it
    temporal: frozenset[str] = frozenset()  # 'after', 'po': the event noun is a time reference
    possessive: frozenset[str] = frozenset()  # 'his arrest': the pronoun's person's event
    source_markers: frozenset[str] = frozenset()  # 'according to X', 'według X': X a source


def _index(patterns: list[_Pattern]) -> dict[str, tuple[_Pattern, ...]]:
    out: dict[str, list[_Pattern]] = {}
    for p in patterns:
        out.setdefault(p.lemmas[0], []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.weight)) for k, v in out.items()}


@cache
def _vocabulary(code: str) -> _Vocabulary:
    data = load_data(code, "events")
    triggers = [
        _Pattern(tuple(key.lower().split()), kind)
        for key, kind in data.get("triggers", {}).items()
        if kind in EVENT_TYPES  # the data may only use the controlled vocabulary
    ]
    blockers = [_Pattern(tuple(key.lower().split()), "") for key in data.get("not_events", [])]
    polarity: dict[str, str] = {}
    for kind, words in data.get("polarity", {}).items():
        if kind in POLARITIES:
            polarity.update({w.lower(): kind for w in words})
    negation = frozenset(w.lower() for w in data.get("polarity", {}).get("negation", []))
    pronouns = frozenset(w.lower() for w in data.get("pronouns", []))
    plural = frozenset(w.lower() for w in data.get("plural_pronouns", []))
    subjectless = frozenset(w.lower() for w in data.get("subjectless_verbs", []))
    faced = frozenset(w.lower() for w in data.get("charges_faced", []))
    reporting = frozenset(w.lower() for w in data.get("reporting_verbs", []))
    not_subject = frozenset(w.lower() for w in data.get("not_speaker_before", []))
    pronoun_gender = {
        w.lower(): g for g, words in data.get("pronoun_genders", {}).items() for w in words
    }

    def listed(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, []))

    return _Vocabulary(
        _index(triggers),
        _index(blockers),
        polarity,
        negation,
        pronouns,
        plural,
        subjectless,
        faced,
        reporting,
        not_subject,
        pronoun_gender,
        listed("coordination"),
        listed("relative_pronouns"),
        listed("temporal_prepositions"),
        listed("possessive_pronouns"),
        listed("source_markers"),
    )


def _fits(lemma: str, word: str, code: str) -> bool:
    """``word`` has ``lemma``; the lemma 'PLACE' stands for a country or a listed place
    ('opuściła Białoruś', 'left Russia')."""
    if lemma == _PLACE:
        return word[:1].isupper() and is_place_word(word, code)
    return lemma in lemmas(word, code)


@lru_cache(maxsize=65536)
def _is_verb(word: str, code: str) -> bool:
    """Every reading of ``word`` is a finite verb (Polish: morfeusz2's tags; other languages
    have no tagger here, so nothing is)."""
    if code != "pl":
        return False
    tags = [tag for _lemma, tag in analyse(word)]
    return bool(tags) and all(t.startswith(_FINITE) for t in tags)


_FINITE = ("fin:", "praet:", "impt:", "bedzie:", "imps")


def _match(pattern: _Pattern, words: list[Token], i: int, code: str) -> int | None:
    """The index after the last word of ``pattern`` matched from word ``i``, or None."""
    k = i
    gap = False
    for lemma in pattern.lemmas:
        if lemma == _GAP:
            gap = True
            continue
        reach = _MAX_GAP + 1 if gap else 1
        hit = next(
            (j for j in range(k, min(k + reach, len(words))) if _fits(lemma, words[j].text, code)),
            None,
        )
        if hit is None or any(_is_verb(w.text, code) for w in words[k:hit]):
            return None  # '…' stands for modifiers, never a verb ('lat przebywają w więzieniu')
        k, gap = hit + 1, False
    return k


def _matches(
    words: list[Token], index: dict[str, tuple[_Pattern, ...]], code: str
) -> list[tuple[int, int, _Pattern]]:
    """Non-overlapping matches, left to right, the longest pattern first at each word."""
    out: list[tuple[int, int, _Pattern]] = []
    i = 0
    while i < len(words):
        best: tuple[int, int, _Pattern] | None = None
        for lemma in lemmas(words[i].text, code):
            for pattern in index.get(lemma, ()):
                end = _match(pattern, words, i, code)
                if end is not None and (
                    best is None or (pattern.weight, end) > (best[2].weight, best[1])
                ):
                    best = (i, end, pattern)
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best[1]
    return out


def _words(text: str) -> list[list[Token]]:
    """The unit's words, in runs that no punctuation other than a comma or hyphen breaks
    (a pattern's words never reach over a full stop, a semicolon or a colon)."""
    runs: list[list[Token]] = [[]]
    for tok in tokenize(text):
        if tok.is_word:
            runs[-1].append(tok)
        elif tok.text not in {",", "-", "–", "'", "’", '"', "„", "”", "“"}:
            runs.append([])
    return [r for r in runs if r]


def _polarity(
    text: str,
    at: int,
    vocab: _Vocabulary,
    code: str,
    clause_start: int,
    event: str = "",
    masked: tuple[tuple[int, int], ...] = (),
) -> str:
    """What the words before the trigger (at character ``at``) in its clause make of it: a
    negation just before it denies it, an annulling verb just before it annuls it (not across
    a conjunction: 'quash it and release him'), a demand anywhere before it in the clause
    makes it demanded ('apeluje …, aby … poprzez uchylenie'), else the nearest cue
    (threatened, alleged, denied, planned). A relative pronoun bounds the search ('release X,
    who has been held since …': the detention happened); words inside ``masked`` spans (other
    triggers, dates: 'denied bail', '30 May') are no cues. Charges one 'faces' are brought
    ('faces charges of extremism'), not threatened."""
    before = [t for t in tokenize(text[clause_start:at]) if t.is_word]
    if event == "charge" and before and lemmas(before[-1].text, code) & vocab.faced:
        return "happened"
    nearest: str | None = None
    demanded = coordinated = False
    for back, tok in enumerate(reversed(before)):
        found = lemmas(tok.text, code)
        if back < _NEGATION_REACH and found & vocab.negation:
            return "denied"
        if found & vocab.relative:
            break
        if found & vocab.coordination:
            coordinated = True
        start = clause_start + tok.start
        if any(a <= start < b for a, b in masked) or (
            tok.is_capitalised and back < len(before) - 1
        ):
            continue  # 'denied bail', a date; 'on 30 May' (a capital inside a clause: no modal)
        for lemma in sorted(found):
            kind = vocab.polarity.get(lemma)
            if kind == "annulled":
                if back < _ANNULMENT_REACH and not coordinated:
                    return kind
                continue  # 'quashed the verdict and he walked free': the release stands
            if kind == "demanded":
                demanded = True
            elif kind and nearest is None and back < _MODAL_REACH:
                nearest = kind  # 'w obawie przed uwięzieniem, zostało pobitych': only the first
    return "demanded" if demanded else nearest or "happened"


def _participants(
    kind: str, span: tuple[int, int], victims: list[str], here: _UnitFacts
) -> list[Participant]:
    """``victims`` as victims; state bodies in the clause as perpetrators of violations or
    authorities of interventions; other organisations as victims."""
    a, b = span
    out = [Participant(pid, "victim") for pid in victims]
    seen: set[str] = set()
    for at, o in here.orgs:
        if not a <= at < b or o.id in seen:
            continue
        seen.add(o.id)
        if o.type in _AUTHORITY_TYPES:
            out.append(Participant(o.id, "perpetrator" if kind in VIOLATIONS else "authority"))
        elif o.type in _INTERNATIONAL:
            out.append(Participant(o.id, "authority"))  # 'Interpol', 'the EU': never victims
        else:
            out.append(Participant(o.id, "victim"))
    return out


@cache
def _breaks(code: str) -> tuple[str, ...]:
    return tuple(load_data(code, "facts").get("clause_breaks", []))


def _subclause(text: str, pos: int, a: int, b: int, code: str) -> tuple[int, int]:
    """The part of clause a..b around ``pos`` where it turns to other people."""
    low = text.lower()
    for marker in _breaks(code):
        at = low.find(marker, a, b)
        while at >= 0:
            if at + len(marker) <= pos:
                a = at
            elif at >= pos:
                b = min(b, at)
            at = low.find(marker, at + 1, b)
    return a, b


@dataclass
class _UnitFacts:
    """The facts one unit states, with where (each list sorted by offset)."""

    persons: list[tuple[int, str]] = field(default_factory=list)  # (start, person id)
    sources: set[int] = field(default_factory=set)  # starts of persons who speak ('X said')
    ends: dict[int, int] = field(default_factory=dict)  # a person mention's start → its end
    as_written: set[int] = field(default_factory=set)  # mentions in the nominative as written
    orgs: list[tuple[int, Organisation]] = field(default_factory=list)
    dates: list[tuple[int, str]] = field(default_factory=list)  # (start, ISO value)
    date_ends: dict[int, int] = field(default_factory=dict)  # a date's start → its end
    places: list[tuple[int, str]] = field(default_factory=list)  # (start, place name)
    provisions: list[tuple[int, str]] = field(default_factory=list)  # (start, provision id)


@dataclass(frozen=True)
class _Document:
    """What an event is read against: the document's facts, indexed by unit, so that each
    event looks only at its own unit (linear in the document, however long)."""

    code: str
    vocab: _Vocabulary
    units: dict[str, _UnitFacts]
    genders: dict[str, str | None]  # person id → 'm', 'f' or None

    def at(self, unit: str) -> _UnitFacts:
        return self.units.get(unit) or _UnitFacts()


def _index_facts(
    persons: list[Person],
    orgs: list[Organisation],
    provisions: list[Provision],
    places: list[Place],
    dates: list[DateFact],
) -> dict[str, _UnitFacts]:
    units: dict[str, _UnitFacts] = {}

    def slot(unit: str) -> _UnitFacts:
        return units.setdefault(unit, _UnitFacts())

    for p in persons:
        for m in p.mentions:
            slot(m.unit).persons.append((m.start, p.id))
            slot(m.unit).ends[m.start] = m.end
            if m.text == p.name or m.text in p.aliases:
                slot(m.unit).as_written.add(m.start)
    for o in orgs:
        for m in o.mentions:
            slot(m.unit).orgs.append((m.start, o))
    for pl in places:
        for m in pl.mentions:
            slot(m.unit).places.append((m.start, pl.name))
    for pr in provisions:
        for m in pr.mentions:
            slot(m.unit).provisions.append((m.start, pr.id))
    for d in dates:
        slot(d.unit).dates.append((d.start, d.value))
        slot(d.unit).date_ends[d.start] = d.end
    for facts in units.values():
        for items in (facts.persons, facts.orgs, facts.places, facts.provisions, facts.dates):
            items.sort(key=lambda item: item[0])
    return units


def extract_events(
    units: list[Unit],
    code: str,
    persons: list[Person],
    orgs: list[Organisation],
    provisions: list[Provision],
    places: list[Place],
    dates: list[DateFact],
) -> list[Event]:
    doc = _Document(
        code,
        _vocabulary(code),
        _index_facts(persons, orgs, provisions, places, dates),
        {p.id: p.gender for p in persons},
    )
    events: list[Event] = []
    previous: list[tuple[int, str]] = []  # the persons of the unit before, for a pronoun
    for unit in units:
        if unit.kind not in {"title", "recital", "paragraph"}:
            continue
        if unit.id in doc.units:
            _mark_sources(unit, doc.units[unit.id], doc)
        found = _triggers(unit.text, doc)
        spans = tuple((start, end) for _kind, start, end in found)
        for kind, start, end in found:
            events.append(_event(unit, doc, kind, start, end, spans, previous))
        previous = doc.at(unit.id).persons or previous
    return events


def _triggers(text: str, doc: _Document) -> list[tuple[str, int, int]]:
    """(type, start, end) of each event trigger of a unit's text, in order."""
    out: list[tuple[str, int, int]] = []
    for words in _words(text):
        blocked = [(s, e, p.weight) for s, e, p in _matches(words, doc.vocab.blockers, doc.code)]
        last: tuple[str, int] | None = None  # (type, end word) of the previous event
        for s, e, pattern in _matches(words, doc.vocab.triggers, doc.code):
            if any(bs <= s and e <= be and pattern.weight < w for bs, be, w in blocked):
                continue  # 'released a report', 'a death threat'
            if last and last[0] == pattern.type and s - last[1] <= _SAME_EVENT:
                last = (pattern.type, e)  # 'skazał go na osiem lat więzienia': one event
                continue
            last = (pattern.type, e)
            out.append((pattern.type, words[s].start, words[e - 1].end))
    return out


def _antecedents(
    here: _UnitFacts,
    at: int,
    plural: bool,
    gender: str,
    genders: dict[str, str | None],
    earlier: Sequence[tuple[int, str]] = (),
) -> list[str]:
    """The person named last before character ``at`` in the same unit (a resolution's next
    recital, a news item's next paragraph may speak of someone else), of the pronoun's gender
    when both are known ('His lawyer, Nigar Aliyeva, said he was beaten': not her); for a
    plural pronoun ('both', 'ich'), every person named before it in the unit. When the unit
    names no one before it, the last person of the unit before of the very same gender
    ('Następnie trafiła do aresztu' after a paragraph about a woman)."""
    before = [
        pid
        for start, pid in here.persons
        if start < at and (not gender or genders.get(pid) in (None, gender))
    ]
    if not before and gender:
        before = [pid for _start, pid in earlier if genders.get(pid) == gender]
    if plural:
        return list(dict.fromkeys(before))[:_MAX_PLURAL]
    return before[-1:]


def _refers_back(text: str, a: int, b: int, doc: _Document) -> tuple[str, str] | None:
    """How the clause speaks of someone it does not name, and the gender it gives them ('m',
    'f' or ''): 'one' (a third-person pronoun, or in Polish, which drops them, a passive or
    state verb in the third person singular: 'Został zatrzymany', 'trafiła do aresztu'),
    'several' (a plural pronoun: 'remanded both in custody'), or None."""
    for tok in tokenize(text[a:b]):
        if not tok.is_word:
            continue
        found = lemmas(tok.text, doc.code)
        if found & doc.vocab.plural_pronouns:
            return "several", ""
        if found & doc.vocab.pronouns:
            return "one", doc.vocab.pronoun_gender.get(tok.text.lower(), "")
        tags = [tag for _l, tag in analyse(tok.text)] if found & doc.vocab.subjectless else []
        if any(t.startswith(("praet:sg:m1", "praet:sg:f", "fin:sg:ter")) for t in tags):
            return "one", "f" if any(t.startswith("praet:sg:f") for t in tags) else ""
    return None


def _mark_sources(unit: Unit, here: _UnitFacts, doc: _Document) -> None:
    """Persons who report ('Her lawyer, Nigar Aliyeva, said …', 'according to his brother,
    Karim El-Sayed'): HURIDOCS sources, not victims of what they report, nor whom a pronoun in
    it stands for; and possessors ('Benali's lawyer … was detained': the lawyer was)."""
    for start, _pid in here.persons:
        end = here.ends.get(start, start)
        if unit.text[end : end + 2] in {"'s", "’s"}:
            here.sources.add(start)
            continue
        lead = [t for t in tokenize(unit.text[max(0, start - 40) : start]) if t.is_word][-4:]
        if any(lemmas(t.text, doc.code) & doc.vocab.source_markers for t in lead):
            here.sources.add(start)
            continue
        if start not in here.as_written:
            continue  # an inflected form is no subject ('matka Dayany powiedziała')
        before = lead[-1:]
        if before and lemmas(before[0].text, doc.code) & doc.vocab.not_subject:
            continue  # 'the mother of Dayana Castro said': the mother speaks
        words = [t for t in tokenize(unit.text[end : end + 40]) if t.is_word][:1]
        if words and lemmas(words[0].text, doc.code) & doc.vocab.reporting:
            here.sources.add(start)


def _event(
    unit: Unit,
    doc: _Document,
    kind: str,
    start: int,
    end: int,
    triggers: tuple[tuple[int, int], ...] = (),
    earlier: Sequence[tuple[int, str]] = (),
) -> Event:
    a, b = clause_span(unit.text, start, doc.code)
    here = doc.at(unit.id)
    victims = _victims(unit.text, doc, here, (start, end), (a, b), earlier)
    where = next((name for at, name in here.places if a <= at < b), None)
    provs = list(dict.fromkeys(pid for at, pid in here.provisions if a <= at < b))
    dates = tuple((at, here.date_ends.get(at, at)) for at, _v in here.dates)
    masked = tuple(t for t in triggers if t != (start, end)) + dates
    return Event(
        fact_id("event", unit.id, str(start), kind),
        kind,
        _participants(kind, (a, b), victims, here),
        _date_of((start, end), (a, b), here, triggers),
        where,
        provs,
        unit.id,
        start,
        end,
        unit.text[start:end],
        _polarity(unit.text, start, doc.vocab, doc.code, a, kind, masked),
    )


def _date_of(
    span: tuple[int, int],
    clause: tuple[int, int],
    here: _UnitFacts,
    triggers: tuple[tuple[int, int], ...],
) -> str | None:
    """The date of the clause nearest to this trigger among those no other trigger of the
    clause is nearer to ('arrested in 2020 and sentenced in 2021': each its own; 'Among those
    deported was X, sentenced in 2023': the year is the sentence's)."""
    a, b = clause
    mine = [t for t in triggers if a <= t[0] < b] or [span]
    if span not in mine:
        mine.append(span)

    def distance(t: tuple[int, int], d: tuple[int, int]) -> int:
        return d[0] - t[1] if d[0] >= t[1] else t[0] - d[1] + 1  # a tie goes to the one before

    best: tuple[int, str] | None = None
    for at, value in here.dates:
        if not a <= at < b:
            continue
        d = (at, here.date_ends.get(at, at))
        owner = min(mine, key=lambda t: distance(t, d))
        if owner == span and (best is None or distance(span, d) < best[0]):
            best = (distance(span, d), value)
    return best[1] if best else None


def _victims(
    text: str,
    doc: _Document,
    here: _UnitFacts,
    span: tuple[int, int],
    clause: tuple[int, int],
    earlier: Sequence[tuple[int, str]],
) -> list[str]:
    """Whom the event happened to: the person a possessive pronoun right before it stands for
    ('his arrest'); for an event noun after a temporal preposition ('a day after the verdict'),
    only a person named right after it; else the persons of its part of the clause (not
    sources, but a source the event describes: 'Exiled editor X said'); else, when the clause
    refers to someone it does not name, the person named last before it."""
    start, end = span
    a, b = clause
    lead = [t for t in tokenize(text[a:start]) if t.is_word][-_TEMPORAL_REACH:]
    vocab = doc.vocab
    for tok in reversed(lead[-2:]):
        low = tok.text.lower()
        if low in vocab.possessive:
            plural = bool(lemmas(low, doc.code) & vocab.plural_pronouns)
            gender = vocab.pronoun_gender.get(low, "")
            return _antecedents(here, a + tok.start, plural, gender, doc.genders, earlier)
    temporal = next((t for t in lead if lemmas(t.text, doc.code) & vocab.temporal), None)
    if temporal is not None:
        between = text[a + temporal.start : start]
        names = any(a + temporal.start <= at < start for at, _p in here.persons)
        pronoun = any(
            lemmas(t.text, doc.code) & (vocab.pronouns | vocab.plural_pronouns)
            for t in tokenize(between)
            if t.is_word
        )
        if "," not in between and not names and not pronoun:
            after = [t for t in tokenize(text[end : end + 60]) if t.is_word][:2]
            near = {end + t.start for t in after}
            return [pid for at, pid in here.persons if at in near][:1]
    sub = _subclause(text, start, a, b, doc.code)
    found = [
        pid
        for at, pid in here.persons
        if sub[0] <= at < sub[1] and (at not in here.sources or _describes(text, span, at, here))
    ]
    if found:
        return list(dict.fromkeys(found))
    refers = _refers_back(text, a, b, doc)
    if refers is None:
        return []
    return _antecedents(here, start, refers[0] == "several", refers[1], doc.genders, earlier)


def _describes(text: str, span: tuple[int, int], at: int, here: _UnitFacts) -> bool:
    """The event words stand before the source's name in one phrase ('Przebywający na
    emigracji … redaktor Alaksandr Tryhubowicz powiedział'): they describe the source."""
    between = text[span[1] : at]
    return (
        span[1] <= at
        and "," not in between
        and len(between.split()) <= _DESCRIBES_REACH
        and not any(span[1] <= other < at for other, _p in here.persons)
    )
