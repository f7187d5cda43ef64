"""A person's status in one document, derived from the events that name them.

The first step of case files: each event type that says where a person stands maps to a
status; the latest dated event wins (undated events count in document order, after dated ones
of the same document). Every status keeps the event it came from, so it can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEMANDS",
    "STATUSES",
    "Status",
    "demanded",
    "modal",
    "not_happened",
    "person_statuses",
    "status_of",
]

STATUSES = (
    "at liberty",
    "detained",
    "pre-trial detention",
    "house arrest",
    "convicted and serving",
    "released",
    "in exile or granted asylum",
    "deceased",
    "unknown",
)

# event type → the status it puts its participant persons in
_STATUS_OF_EVENT = {
    "detention": "detained",
    "arrest": "detained",
    "administrative_detention": "detained",
    "pre_trial_detention": "pre-trial detention",
    "house_arrest": "house arrest",
    "conviction": "convicted and serving",
    "sentence": "convicted and serving",
    "release": "released",
    "acquittal": "released",
    "case_closed": "at liberty",
    "asylum_granted": "in exile or granted asylum",
    "killing_or_death": "deceased",
}


@dataclass(frozen=True)
class Status:
    status: str
    date: str | None  # of the latest evidence
    event: str  # the event fact id it came from
    text: str  # the words that state it
    unit: str  # the unit they are in


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
    """Only asked for: inside a demanding call, or after a modal word in its clause."""
    before = units.get(str(event.get("unit")), "")[: int(event.get("start") or 0)]
    return demanded(event, calls) or modal(before, markers)


def status_of(event: Mapping[str, Any]) -> str | None:
    """The status an event puts its persons in, if it says where they stand."""
    return _STATUS_OF_EVENT.get(str(event.get("type")))


def person_statuses(
    events: Iterable[Mapping[str, Any]],
    calls: Iterable[Mapping[str, Any]] = (),
    units: Mapping[str, str] | None = None,
    markers: Iterable[str] = (),
) -> dict[str, Status]:
    """Person fact id → status, from one document's event facts (in document order); events
    that a call or a modal word ('must be released') only demands do not count. A death is
    final: no later event changes it."""
    calls, markers = list(calls), list(markers)
    best: dict[str, tuple[tuple[str, int], Status]] = {}
    for order, event in enumerate(events):
        status = status_of(event)
        if status is None or not_happened(event, calls, units or {}, markers):
            continue
        rank = (str(event.get("date") or ""), order)
        for participant in event.get("participants", []):
            pid = str(participant.get("id", ""))
            if not pid.startswith("person-"):
                continue
            found = Status(
                status,
                event.get("date"),
                str(event.get("id")),
                str(event.get("text")),
                str(event.get("unit")),
            )
            dead = pid in best and best[pid][1].status == "deceased"
            if pid not in best or status == "deceased" or (rank >= best[pid][0] and not dead):
                best[pid] = (rank, found)
    return {pid: status for pid, (_rank, status) in best.items()}
