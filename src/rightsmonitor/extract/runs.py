"""Runs of capitalised words in a unit, grouped into lists, with the cue words before them.

A run is a candidate proper name ('Ałmat Żumagułow', 'Kosze Partijasy', 'Vladimir Putin').
Runs joined by commas and 'i'/'and' form a list, which shares one grammatical case and one
kind (persons or organisations). The cue is the nearest role or organisation word before the
list in the same clause ('więźniów politycznych, w tym …', 'ruchów opozycyjnych – …').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from rightsmonitor.lang import NameData, name_particles
from rightsmonitor.nlp import Token, tokenize
from rightsmonitor.nlp.morph import analyse

__all__ = ["Cue", "NameList", "Run", "clear_cache", "find_lists", "governed_cases"]

_JOINERS = {",", "i", "oraz", "and", "or", "lub", "a"}
_CLAUSE_END = {";", ".", "?", "!"}
_QUOTES_OPEN = '„“‘"«‚'
_QUOTES_CLOSE = "”“’\"»'"
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass
class Run:
    tokens: tuple[str, ...]
    start: int
    end: int
    quoted: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Cue:
    kind: str  # 'person' | 'org'
    label: str  # role or organisation type
    lemma: str
    case: frozenset[str]  # cases the cue word can be in
    number: str  # 'sg' | 'pl' | ''
    marked: bool  # a list marker ('w tym', 'such as', ':') between the cue and the names
    # (the cases the cue has in the singular are in ``singular_case``)
    adjacent: bool  # the cue is the word right before the names
    after: bool = False  # an apposition after the name (', dziennikarki …')
    apposition: bool = False  # within three words before the names, no punctuation between
    singular_case: frozenset[str] = frozenset()  # the cue's cases in the singular
    position: int = -1  # where the cue word starts in the text


@dataclass
class NameList:
    runs: list[Run]
    cues: list[Cue] = field(default_factory=list)
    after_cue: Cue | None = None
    # cases the word right before the list governs ('dla' → gen, 'z' → gen/inst, 'w obronie'
    # → gen): a soft signal for the names' case; empty when that word says nothing
    governed: frozenset[str] = frozenset()

    @property
    def cue(self) -> Cue | None:
        """The cue that types the list: marked by 'w tym'/'such as', adjacent, or quoted."""
        for cue in self.cues:
            if cue.marked or cue.adjacent or cue.apposition:
                return cue
        return None

    def role_cue(self) -> Cue | None:
        """The nearest person cue, for the role of the persons in the list."""
        return next((c for c in self.cues if c.kind == "person"), None)

    extra: dict[str, str] = field(default_factory=dict)


def _is_name_word(tok: Token) -> bool:
    if tok.is_capitalised and tok.text[:1].isalpha():
        return True
    article, _, rest = tok.text.partition("-")  # 'al-Assad', 'el-Sisi'
    return bool(rest[:1].isupper()) and article in name_particles()


def _particles_then_name(text: str, tokens: list[Token], j: int) -> int:
    """After word ``j`` of a name: the index of the last particle before the name goes on
    ('von der' in 'Ursula von der Leyen'), or ``j`` when it does not."""
    k = j
    while (
        k + 1 < len(tokens)
        and tokens[k + 1].text in name_particles()
        and text[tokens[k].end : tokens[k + 1].start] == " "
    ):
        k += 1
    if (
        k > j
        and k + 1 < len(tokens)
        and _is_name_word(tokens[k + 1])
        and text[tokens[k].end : tokens[k + 1].start] == " "
    ):
        return k
    return j


def _is_acronym(tok: Token) -> bool:
    return tok.is_acronym and 2 <= len(tok.text) <= 8


def _quoted(text: str, start: int, end: int) -> bool:
    """The run is a quoted name ('„Ajkyn Soz”', '"Kosze Partijasy"'): a quotation mark opens
    right before it and closes right after it (a quotation that opens a sentence of speech,
    '"Ilya Zabolotsky is being persecuted …', is not a name in quotes)."""
    before = text[max(0, start - 1) : start]
    after = text[end : end + 1]
    return bool(before) and before in _QUOTES_OPEN and bool(after) and after in _QUOTES_CLOSE


def _runs(text: str, tokens: list[Token], max_len: int = 6) -> list[Run]:
    runs: list[Run] = []
    i = 0
    while i < len(tokens):
        if _is_acronym(tokens[i]):  # an acronym is a run of its own ('ECHO', 'RWE/RS')
            j = i
            while (
                j + 2 < len(tokens)
                and tokens[j + 1].text == "/"
                and _is_acronym(tokens[j + 2])
                and tokens[j].end == tokens[j + 1].start
                and tokens[j + 1].end == tokens[j + 2].start
            ):
                j += 2
            word = text[tokens[i].start : tokens[j].end]
            quoted = _quoted(text, tokens[i].start, tokens[j].end)
            runs.append(Run((word,), tokens[i].start, tokens[j].end, quoted=quoted))
            i = j + 1
            continue
        if not _is_name_word(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 - i < max_len and not _POSSESSIVE.search(tokens[j].text):
            k = _particles_then_name(text, tokens, j)
            if not (
                k + 1 < len(tokens)
                and _is_name_word(tokens[k + 1])
                and text[tokens[k].end : tokens[k + 1].start] == " "
            ):
                break
            j = k + 1
        words = [t.text for t in tokens[i : j + 1]]
        end = tokens[j].end
        if _POSSESSIVE.search(words[-1]):
            words[-1] = _POSSESSIVE.sub("", words[-1])
            end -= 2
        runs.append(
            Run(tuple(words), tokens[i].start, end, quoted=_quoted(text, tokens[i].start, end))
        )
        i = j + 1
    return runs


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> tuple[tuple[str, str], ...]:
    found = tuple((lemma.lower(), tag) for lemma, tag in analyse(word))
    if found:
        return found
    low = word.lower()  # a word the Polish dictionary does not know: also its English singular
    singular = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return ((low, ""), (singular, "")) if singular != low else ((low, ""),)


@lru_cache(maxsize=16)
def _cue_heads(names: NameData) -> frozenset[str]:
    """First words of every cue phrase: a quick test before the full lookup."""
    return frozenset(p.split()[0] for p in (*names.person_cues, *names.org_cues))


def _cue_at(
    words: list[Token], k: int, names: NameData
) -> tuple[str, str, str, frozenset[str], str, frozenset[str]] | None:
    """A cue ending at word ``k``: (kind, label, lemma, cases, number)."""
    heads = _cue_heads(names)
    for span in (3, 2, 1):
        if k - span + 1 < 0:
            continue
        parts = words[k - span + 1 : k + 1]
        if not all(p.is_word for p in parts):
            continue
        first = parts[0].text
        if first.lower() not in heads and not any(lemma in heads for lemma, _ in _lemmas(first)):
            continue
        found = _cue_phrase(tuple(p.text for p in parts), names)
        if found:
            return found
    return None


@lru_cache(maxsize=65536)
def _cue_phrase(
    texts: tuple[str, ...], names: NameData
) -> tuple[str, str, str, frozenset[str], str, frozenset[str]] | None:
    surface = " ".join(t.lower() for t in texts)
    heads = _lemmas(texts[0])
    lemma_phrases = {" ".join([h[0], *(t.lower() for t in texts[1:])]) for h in heads}
    lemma_phrases.add(surface)
    if len(texts) > 1:  # every word by its lemma: 'byłych więźniów politycznych'
        lemma_phrases |= {
            " ".join(combo) for combo in product(*({lem for lem, _ in _lemmas(t)} for t in texts))
        }
    for table, kind in ((names.person_cues, "person"), (names.org_cues, "org")):
        for phrase in lemma_phrases:
            if phrase in table:
                tags = [t for _, t in heads if t.startswith("subst")]
                cases = frozenset(t.split(":")[2] for t in tags if len(t.split(":")) > 2)
                singular = frozenset(
                    t.split(":")[2]
                    for t in tags
                    if t.split(":")[1:2] == ["sg"] and len(t.split(":")) > 2
                )
                numbers = {t.split(":")[1] for t in tags if len(t.split(":")) > 1}
                number = numbers.pop() if len(numbers) == 1 else ""
                return kind, table[phrase], phrase, cases, number, singular
    return None


@lru_cache(maxsize=64)
def _marker_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])")


def _find_cues(text: str, tokens: list[Token], first: int, names: NameData) -> list[Cue]:
    """Cues before token index ``first`` in the same clause (up to 14 words back), nearest first."""
    cues: list[Cue] = []
    window_start = tokens[max(0, first - 40)].start if tokens else 0
    window = text[window_start : tokens[first].start].lower()
    markers = [
        window_start + m.start() for m in _marker_pattern(names.list_markers).finditer(window)
    ]
    last_marker = max(markers) if markers else -1
    seen = 0
    k = first - 1
    while k >= 0 and seen < 14:
        tok = tokens[k]
        if tok.text in _CLAUSE_END and not _abbreviation(tokens, k):
            break
        marked = last_marker >= tok.start
        found = _cue_at(tokens, k, names) if tok.is_word else None
        if found:
            kind, label, lemma, cases, number, singular = found
            gap = tokens[k + 1 : first]
            apposition = len(gap) <= 3 and all(t.is_word for t in gap)
            cues.append(
                Cue(
                    kind,
                    label,
                    lemma,
                    cases,
                    number,
                    marked,
                    adjacent=(k == first - 1),
                    apposition=apposition,
                    singular_case=singular,
                    position=tok.start,
                )
            )
        if tok.is_word:
            seen += 1
        k -= 1
    return cues


def _abbreviation(tokens: list[Token], k: int) -> bool:
    """'art.', 'ust.', 'r.', 'm.in.', 'ds.', 'St.' — a full stop that does not end a clause."""
    return (
        k > 0 and tokens[k].text == "." and len(tokens[k - 1].text) <= 4 and tokens[k - 1].is_word
    )


def _after_cue(text: str, tokens: list[Token], last: int, names: NameData) -> Cue | None:
    """An apposition right after a name: 'Saniji Toiken, dziennikarki kazachskiego serwisu'."""
    if last + 2 < len(tokens) and tokens[last + 1].text == ",":
        found = _cue_at(tokens, last + 2, names) if tokens[last + 2].is_word else None
        if found:
            kind, label, lemma, cases, number, singular = found
            return Cue(
                kind,
                label,
                lemma,
                cases,
                number,
                marked=False,
                adjacent=True,
                after=True,
                singular_case=singular,
            )
    return None


def find_lists(text: str, names: NameData) -> list[NameList]:
    """Lists of capitalised runs with their cues (cached: several extractors ask)."""
    return _find_lists(text, names)


@lru_cache(maxsize=4096)
def _find_lists(text: str, names: NameData) -> list[NameList]:
    tokens = tokenize(text)
    index = {t.start: i for i, t in enumerate(tokens)}
    runs = _runs(text, tokens)
    lists: list[NameList] = []
    for run in runs:
        if lists:
            prev = lists[-1].runs[-1]
            gap = text[prev.end : run.start].strip().lower()
            parts = [p for p in re.split(r"\s+", gap.replace(",", " , ")) if p]
            if parts and len(parts) <= 2 and all(p in _JOINERS for p in parts):
                lists[-1].runs.append(run)
                continue
        lists.append(NameList([run]))
    previous_end, consumed = -1, frozenset[int]()
    for name_list in lists:
        first = index[name_list.runs[0].start]
        # a cue right before an earlier list belongs to that list ('the outlet Abzas Media,
        # including its director Ulvi Hasanli': 'outlet' types Abzas Media, not the director)
        between = re.findall(r"[^\W\d_]+", text[max(previous_end, 0) : name_list.runs[0].start])
        continued = all(w.lower() in _JOINERS for w in between)  # 'Veritas, 405 i Elimay'
        name_list.cues = [
            c
            for c in _find_cues(text, tokens, first, names)
            if continued or c.position > previous_end or c.position not in consumed
        ]
        previous_end = name_list.runs[-1].end
        consumed = frozenset(c.position for c in name_list.cues if c.adjacent)
        last_run = name_list.runs[-1]
        last = max(i for i, t in enumerate(tokens) if t.start < last_run.end)
        name_list.after_cue = _after_cue(text, tokens, last, names)
        before = text[max(0, name_list.runs[0].start - 30) : name_list.runs[0].start]
        marked = before.rstrip().lower().endswith(names.list_markers)  # 'na przykład'
        if first > 0 and tokens[first - 1].is_word and not marked:
            name_list.governed = governed_cases(tokens[first - 1].text, names.time_nouns)
    return lists


@lru_cache(maxsize=65536)
def governed_cases(word: str, time_nouns: frozenset[str] = frozenset()) -> frozenset[str]:
    """The cases a word asks of the noun phrase after it: a preposition its own ('dla' → gen,
    'o' → acc/loc); a common noun a genitive complement ('obronie Jana' → gen), and a personal
    noun also its apposition ('więźnia Jana' → gen/acc). Other words, and nouns of time
    (``time_nouns``, lemmas), ask nothing."""
    readings = analyse(word.lower())
    if not readings:
        return frozenset()
    parts = [tag.split(":") for _lemma, tag in readings]
    if any(p[0] == "prep" for p in parts):  # 'do' is also a musical note
        return frozenset(p[1] for p in parts if p[0] == "prep" and len(p) > 1)
    if any(lemma.lower() in time_nouns for lemma, _tag in readings):
        return frozenset()  # 'w 2022 roku Gurbanguły Berdimuhamedow przekazał'
    if all(p[0] in ("subst", "ger") for p in parts):
        personal = frozenset(p[2] for p in parts if len(p) > 3 and p[3] == "m1")
        return personal | {"gen"}
    return frozenset()


def clear_cache() -> None:
    """Forget the lists of earlier documents (the cache only serves one document's extractors)."""
    _find_lists.cache_clear()
