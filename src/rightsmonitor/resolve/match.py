"""Are two names the same person? Scores with explanations, and the policy that acts on them.

Names are compared part by part on their skeletons (``keys.py``) with Jaro-Winkler similarity
(rapidfuzz, MIT): the surname (last part) and the given name (first part) must both agree; a
patronymic, when both names have one, must agree too. Same surname with a different given name
is a hard negative (relatives), never a merge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import JaroWinkler

from rightsmonitor.resolve.keys import (
    coarse_forms,
    coarse_keys,
    consonants,
    given_group,
    name_parts,
)

__all__ = ["AUTO", "REVIEW", "Verdict", "compare", "compare_parts"]

AUTO = 0.93  # at or above: merged without asking
REVIEW = 0.86  # at or above (and below AUTO): a curator decides
_GIVEN_DIFFERENT = 0.84  # given names below this are different people, whatever the surname
_GIVEN_SAME = 0.9  # given names at or above this may merge without a curator
_SURNAME_FAR = 0.75  # surnames below this are different people, whatever the given name


@dataclass(frozen=True)
class Verdict:
    score: float
    decision: Literal["same", "review", "different"]
    reasons: tuple[str, ...]


def _sim(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return float(JaroWinkler.similarity(a, b))


def _initial(a: str, b: str) -> bool:
    return (len(a) == 1 or len(b) == 1) and a[:1] == b[:1]


def _given_agree(a: str, b: str) -> bool:
    """One given name: a spelling variant, or the same name in another language."""
    return bool(given_group(a) & given_group(b)) or bool(coarse_forms(a) & coarse_forms(b))


def _extends(a: str, b: str) -> bool:
    """One name is the other and more: 'Serik'/'Serikbol', 'Petrov'/'Petrovski'."""
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) >= 2 and long.startswith(short)


def _gender_clash(pa: tuple[str, ...], pb: tuple[str, ...]) -> str | None:
    """'Aleksandr'/'Aleksandra', 'Petrov'/'Petrova', 'Petrovski'/'Petrovska': a man and a woman."""
    ga, gb = pa[0], pb[0]
    if ga + "a" == gb or gb + "a" == ga:
        return f"given names {ga}/{gb} are a man's and a woman's"
    sa, sb = pa[-1], pb[-1]
    for male, female in _GENDER_ENDINGS:
        for m, f in ((sa, sb), (sb, sa)):
            if m.endswith(male) and f == m[: len(m) - len(male)] + female:
                return f"surnames {sa}/{sb} are a man's and a woman's"
    return None


# masculine → feminine endings of part skeletons: Petrov/Petrova, -ski/-ska, -skii/-skaia
_GENDER_ENDINGS = (("", "a"), ("i", "a"), ("i", "aia"), ("ii", "aia"))


# Vowel alternations that are conventions, not different names: Russian ё written е
# ('Semenova'/'Siemionowa'), -иев written -iev/-yev/-ev ('Zhamaliyev'/'Жамалиев'), Belarusian
# akanye ('Kolesnikova'/'Kalesnikava'), French final -ie for и ('Jardemalie'). Anything else
# (Bekov/Bakiev, Orazov/Urazov, Aliev/Alaev) is a different vowel: review at most.
_VOWEL_FOLDS = (("io", "e"), ("ie", "e"), ("o", "a"))


def _vowel_folds(part: str) -> frozenset[str]:
    out = set()
    forms = set(coarse_forms(part))
    if len(part) > 2 and part[0] == "i" and part[1] in "aeou":  # French 'J' for ж: Jardemalie
        forms |= coarse_forms("S" + part[1:])
    for form in forms:
        for old, new in _VOWEL_FOLDS:
            form = form.replace(old, new)
        out.add(form[:-1] + "i" if form.endswith("e") else form)  # French final -ie for и
    return frozenset(out)


def _coarse_agree(pa: tuple[str, ...], pb: tuple[str, ...]) -> Verdict | None:
    """Same consonants in the surname and the same given name (across languages): one person."""
    shared = coarse_keys(pa[-1]) & coarse_keys(pb[-1])
    if not shared or len(pa[0]) < 2 or len(pb[0]) < 2:
        return None
    if not _given_agree(pa[0], pb[0]) or _gender_clash(pa, pb):
        return None
    if len(pa) == 3 and len(pb) == 3 and consonants(pa[1]) != consonants(pb[1]):
        return None
    reasons = (
        f"surname consonants {min(shared)} agree ({pa[-1]}~{pb[-1]})",
        f"given name {pa[0]}~{pb[0]} agrees (spelling or language variant)",
    )
    if _vowel_folds(pa[-1]) & _vowel_folds(pb[-1]):  # the same letters, once conventions fold
        return Verdict(0.95, "same", reasons)
    # the consonants only propose: 'Bekov'/'Bakiev', 'Orazov'/'Urazov', 'Aliev'/'Alaev' differ
    # in a vowel, and so do 'Pachobut'/'Poczobut' (Belarusian akanye): a curator decides
    return Verdict(0.9, "review", (*reasons, "surname vowels differ: a curator decides"))


def compare(a: str, b: str) -> Verdict:
    """Compare two nominative names ('Ałmat Żumagułow', 'Алмат Жумагулов')."""
    return compare_parts(name_parts(a), name_parts(b))


def compare_parts(pa: tuple[str, ...], pb: tuple[str, ...]) -> Verdict:
    """Compare two names given as part skeletons (see ``keys.name_parts``)."""
    if not pa or not pb:
        return Verdict(0.0, "different", ("a name without letters",))
    if len(pa) == 1 or len(pb) == 1:  # a surname alone: only an exact skeleton agrees
        same = pa[-1] == pb[-1]
        return Verdict(
            0.9 if same else 0.0,
            "review" if same else "different",
            (f"surname only: {pa[-1]} vs {pb[-1]}",),
        )
    surname = _sim(pa[-1], pb[-1])
    clash = _gender_clash(pa, pb)
    if clash and surname >= _SURNAME_FAR:
        return Verdict(0.0, "different", (clash, "different genders"))
    coarse = _coarse_agree(pa, pb)
    if coarse is not None:
        return coarse
    if surname < _SURNAME_FAR:  # the common case inside a block: cheap and clear
        return Verdict(round(surname, 3), "different", (f"different surnames {pa[-1]}~{pb[-1]}",))
    initial = _initial(pa[0], pb[0])
    given = 1.0 if initial else _sim(pa[0], pb[0])
    reasons = [
        f"surname {pa[-1]}~{pb[-1]} {surname:.2f}",
        f"given name {pa[0]}~{pb[0]} {given:.2f}" + (" (initial)" if initial else ""),
    ]
    one_patronymic = (len(pa) == 3) != (len(pb) == 3)
    if one_patronymic:  # 'Vladimir Kara-Murza' may be the father or the son
        reasons.append("a patronymic on one side only")
    if len(pa) == 3 and len(pb) == 3:  # patronymics on both sides must agree
        middle = _sim(pa[1], pb[1])
        reasons.append(f"patronymic {pa[1]}~{pb[1]} {middle:.2f}")
        if middle < _GIVEN_DIFFERENT:
            return Verdict(min(surname, middle), "different", (*reasons, "different patronymics"))
    if given < _GIVEN_DIFFERENT:
        why = "same surname, different given name" if surname >= AUTO else "different names"
        return Verdict(min(surname, given), "different", (*reasons, why))
    score = round(0.6 * surname + 0.4 * given, 3)
    decision: Literal["same", "review", "different"]
    extended = _extends(pa[0], pb[0]) or _extends(pa[-1], pb[-1])
    if extended:
        reasons.append("one name extends the other")
    agree = _given_agree(pa[0], pb[0])  # 'Maria'/'Marina', 'Marat'/'Murat' are not one name
    if score >= AUTO and surname >= AUTO and agree and not (initial or extended or one_patronymic):
        decision = "same"
    else:  # an initial alone could be a relative: a curator decides
        decision = "review" if score >= REVIEW else "different"
    return Verdict(score, decision, tuple(reasons))
