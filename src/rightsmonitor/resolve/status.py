"""A person's status in one document, derived from the events that name them.

The first step of case files: each event type that says where a person stands maps to a
status; the latest dated event wins (undated events count in document order, after dated ones
of the same document). Every status keeps the event it came from, so it can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from rightsmonitor.lang import available_languages, load_data

__all__ = [
    "DEMANDS",
    "STATUSES",
    "Status",
    "as_of",
    "context_status",
    "demanded",
    "effective_dates",
    "in_document_order",
    "latest",
    "modal",
    "not_happened",
    "person_statuses",
    "status_of",
]

STATUSES = (
    "at liberty",
    "facing charges or investigation",
    "detained",
    "pre-trial detention",
    "house arrest",
    "convicted and serving",
    "released",
    "former prisoner",
    "refugee or in exile",
    "disappeared",
    "deceased",
    "unknown",
)

# event type → the status it puts its victims in
_STATUS_OF_EVENT = {
    "detention": "detained",
    "arrest": "detained",
    "administrative_detention": "detained",
    "pre_trial_detention": "pre-trial detention",
    "house_arrest": "house arrest",
    "charge": "facing charges or investigation",
    "conviction": "convicted and serving",
    "sentence": "convicted and serving",
    "appeal_rejected": "convicted and serving",
    "release": "released",
    "acquittal": "at liberty",  # 'released' only by a release (the person may not have been held)
    "case_closed": "at liberty",
    "asylum_granted": "refugee or in exile",
    "exile": "refugee or in exile",
    "deportation_or_forced_transfer": "refugee or in exile",
    "enforced_disappearance": "disappeared",
    "killing_or_death": "deceased",
    # measures that leave a person free: 'at liberty' when nothing else says where they stand
    "fine": "at liberty",
    "travel_ban": "at liberty",
    "disbarment_or_dismissal": "at liberty",
    "harassment": "at liberty",
}
# event types whose 'at liberty' is only the absence of anything else (a travel ban after a
# release leaves the person released; one after a sentence does not free them)
_MEASURES = frozenset({"fine", "travel_ban", "disbarment_or_dismissal", "harassment"})
# a judgment on the charges: a charge of the same time is the one judged ('acquitted … of
# treason', 'uniewinnił … oskarżoną o …'), not a new one
_JUDGED = frozenset({"acquittal", "case_closed"})
# a release this many years before the document's date makes a former prisoner
_FORMER_AFTER_YEARS = 2
# statuses of a person held or sentenced: a charge in the same document does not undo them
_CUSTODY = frozenset(
    {"detained", "pre-trial detention", "house arrest", "convicted and serving", "disappeared"}
)
_WEAK = "facing charges or investigation"
# how much a custody status says: a vaguer one does not replace a more precise one of the
# same time ('detained … remanded in custody … held' stays pre-trial detention)
_SPECIFIC = {
    "detained": 1,
    "disappeared": 2,  # 'missing since police detained him': held where no one knows
    "pre-trial detention": 2,
    "house arrest": 2,
    "convicted and serving": 3,
}


@dataclass(frozen=True)
class Status:
    status: str
    date: str | None  # of the latest evidence
    event: str  # the event fact id it came from
    text: str  # the words that state it
    unit: str  # the unit they are in
    type: str = ""  # the event's type


def demanded(event: Mapping[str, Any], calls: Iterable[Mapping[str, Any]]) -> bool:
    """The event is what a call demands ('calls for the release of …'), not what happened."""
    unit, start = event.get("unit"), event.get("start")
    if start is None:
        return False
    return any(
        c.get("stance") in DEMANDS
        and c.get("unit") == unit
        and int(c.get("start", 0)) <= int(start) < int(c.get("end", -1))
        for c in calls
    )


# stances that ask for something to happen (the normalised stances of lang/*/verbs.toml)
DEMANDS = frozenset(
    {
        "calls on",
        "calls for",
        "urges",
        "demands",
        "insists",
        "asks",
        "requests",
        "instructs",
        "encourages",
        "recommends",
        "invites",
    }
)


def modal(before: str, markers: Iterable[str]) -> bool:
    """The clause before an event word makes it a demand ('… must also be released')."""
    clause = re.split(r"[.;:!?]", before)[-1].lower()
    return any(re.search(rf"\b{re.escape(m)}\b", clause) for m in markers)


def not_happened(
    event: Mapping[str, Any],
    calls: Iterable[Mapping[str, Any]],
    units: Mapping[str, str],
    markers: Iterable[str],
) -> bool:
    """Only asked for, threatened, alleged, denied or annulled: the event's own polarity, or
    inside a demanding call, or after a modal word in its clause."""
    if event.get("polarity", "happened") != "happened":
        return True
    before = units.get(str(event.get("unit")), "")[: int(event.get("start") or 0)]
    return demanded(event, calls) or modal(before, markers)


def status_of(event: Mapping[str, Any]) -> str | None:
    """The status an event puts its persons in, if it says where they stand (only an event
    that happened: not one demanded, threatened, alleged, denied or annulled)."""
    if event.get("polarity", "happened") != "happened":
        return None
    kind = str(event.get("type"))
    if kind in _IN_ABSENTIA_TYPES and _in_absentia(str(event.get("text") or "")):
        return "refugee or in exile"  # 'skazany zaocznie', 'sentenced in absentia': abroad
    return _STATUS_OF_EVENT.get(kind)


# a judgment passed on someone who is not there is no custody: they live abroad
_IN_ABSENTIA_TYPES = frozenset({"sentence", "conviction"})


@cache
def _absentia_words() -> frozenset[str]:
    """The words of every language that mark a judgment in absentia (``lang/*/events.toml``)."""
    return frozenset(
        w.lower()
        for code in available_languages()
        for w in load_data(code, "events").get("in_absentia", [])
    )


def _in_absentia(text: str) -> bool:
    return any(w in _absentia_words() for w in re.findall(r"\w+", text.lower()))


def person_statuses(
    events: Iterable[Mapping[str, Any]],
    calls: Iterable[Mapping[str, Any]] = (),
    units: Mapping[str, str] | None = None,
    markers: Iterable[str] = (),
    document_date: str | None = None,
) -> dict[str, Status]:
    """Person fact id → status, from one document's event facts (in document order); events
    that a call or a modal word ('must be released') only demands do not count. A death is
    final: no later event changes it."""
    calls, markers = list(calls), list(markers)
    events = in_document_order(events, units or {})
    best: dict[str, tuple[tuple[str, int], Status]] = {}
    dates = effective_dates(events, document_date or "")
    for order, event in enumerate(events):
        status = status_of(event)
        if status is None or not_happened(event, calls, units or {}, markers):
            continue
        rank = (dates[order], order)
        for participant in event.get("participants", []):
            pid = str(participant.get("id", ""))
            if not pid.startswith("person-") or participant.get("role") == "perpetrator":
                continue
            found = Status(
                status,
                event.get("date"),
                str(event.get("id")),
                str(event.get("text")),
                str(event.get("unit")),
                str(event.get("type")),
            )
            if pid not in best or _replaces(found, rank, *best[pid]):
                best[pid] = (rank, found)
    return {
        pid: replace(status, status=as_of(status.status, status.date, document_date))
        for pid, (_rank, status) in best.items()
    }


def in_document_order(
    events: Iterable[Mapping[str, Any]], units: Mapping[str, str]
) -> list[Mapping[str, Any]]:
    """Events sorted as the document reads (by unit, in the order of ``units``, then offset);
    a store may return them in another order."""
    order = {unit: i for i, unit in enumerate(units)}
    return sorted(
        events, key=lambda e: (order.get(str(e.get("unit")), len(order)), int(e.get("start") or 0))
    )


def effective_dates(events: Iterable[Mapping[str, Any]], default: str = "") -> list[str]:
    """Each event's date, or, when it has none of its own, the date of the nearest dated event
    before it in the document ('Dzień później … W kwietniu opuścił areszt': later than the
    dated arrest, not before it); before the first date, ``default`` (the document's date, as
    case files use it)."""
    out: list[str] = []
    last = default
    for event in events:
        own = str(event.get("date") or "")
        last = own or last
        out.append(last)
    return out


def _replaces(new: Status, rank: tuple[str, int], old_rank: tuple[str, int], old: Status) -> bool:
    """A death is final; a later event replaces an earlier one, except that a charge does not
    undo a detention or sentence unless it is dated later ('detained on Monday and charged
    with treason' leaves him detained) nor an acquittal of the same time ('acquitted … of
    treason'), a vaguer custody status does not replace a more precise one unless it is dated
    later, and a measure that leaves a person free (a fine, a travel ban, a dismissal) says
    only what nothing else says ('released … under a travel ban' stays released)."""
    if old.status == "deceased":
        return False
    if new.status == "deceased":
        return True
    if new.type in _MEASURES or old.type in _MEASURES:
        return old.type in _MEASURES
    later = rank[0] > old_rank[0] and bool(old_rank[0])
    if new.status == "at liberty" and old.status == "released" and not later:
        return False  # 'released … the case was dropped': released says more
    if new.status == _WEAK and (old.status in _CUSTODY or old.type in _JUDGED):
        return later
    vaguer = new.status in _SPECIFIC and _SPECIFIC[new.status] < _SPECIFIC.get(old.status, 0)
    if vaguer and not later:
        return False  # 'detained' says less than 'pre-trial detention' of the same time
    return rank >= old_rank


def latest(entries: Iterable[tuple[str, tuple[str, int], str]]) -> int | None:
    """The index of the entry that says where a person stands now, of (status, rank, event
    type) entries in any order, by the same rules as ``person_statuses`` (a death is final; a
    charge does not undo a detention of the same date)."""
    best: tuple[int, tuple[str, int], Status] | None = None
    for i, (status, rank, kind) in enumerate(entries):
        found = Status(status, rank[0] or None, "", "", "", kind)
        if best is None or _replaces(found, rank, best[1], best[2]):
            best = (i, rank, found)
    return best[0] if best else None


def as_of(status: str, since: str | None, document_date: str | None) -> str:
    """The status as of the document's date: a release years before it makes a former
    prisoner ('released in 2019' in a 2025 text), a recent one a released person."""
    if status != "released" or not since or not document_date:
        return status
    try:
        gap = int(document_date[:4]) - int(since[:4])
    except ValueError:
        return status
    later_in_year = document_date[4:] >= since[4:]
    return (
        "former prisoner"
        if gap > _FORMER_AFTER_YEARS or (gap == _FORMER_AFTER_YEARS and later_in_year)
        else status
    )


# a role the texts give a person → the status it states ('byli więźniowie polityczni')
_STATUS_OF_ROLE = {
    "former political prisoner": "former prisoner",
    "refugee": "refugee or in exile",
}


def context_status(roles: Iterable[str], release_demanded: bool) -> tuple[str, str] | None:
    """(status, why) when no event says where a person stands: a demand for their release
    means they are held ('calls for the release of …'); a role may say it ('former political
    prisoner', 'refugee')."""
    if release_demanded:
        return "detained", "a document demands their release"
    for role in roles:
        if role in _STATUS_OF_ROLE:
            return _STATUS_OF_ROLE[role], f"the text calls them {role}"
    return None
