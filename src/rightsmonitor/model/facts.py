"""Facts extracted from a document: mentions, entities, events and calls, each with its span."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = [
    "FACT_KINDS",
    "Call",
    "DateFact",
    "Event",
    "Extraction",
    "Mention",
    "Organisation",
    "Participant",
    "Person",
    "Place",
    "Provision",
    "Quantity",
    "fact_id",
]


# the kinds of facts an extraction holds, in the order they are printed and stored
FACT_KINDS = (
    "persons",
    "organisations",
    "legal_provisions",
    "places",
    "dates",
    "quantities",
    "events",
    "calls",
)


def fact_id(prefix: str, *parts: str) -> str:
    """A deterministic id from stable inputs; no personal data is readable in it."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


@dataclass(frozen=True)
class Mention:
    text: str
    unit: str
    start: int  # offsets into the unit's text
    end: int
    norm: str | None = None  # the mention's own normalised form (a name in the nominative)


@dataclass
class Person:
    id: str
    name: str  # nominative
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organisation:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Provision:
    id: str
    article: str | None
    instrument: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    id: str
    name: str
    country: str | None
    kind: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class DateFact:
    value: str
    text: str
    unit: str
    start: int
    end: int
    refers_to: str | None = None


@dataclass(frozen=True)
class Quantity:
    value: float | None
    qualifier: str | None
    counts: str | None
    text: str
    unit: str
    start: int
    end: int
    unit_of_measure: str | None = None
    rank: bool = False


@dataclass(frozen=True)
class Participant:
    id: str
    role: str  # victim | perpetrator | authority (HURIDOCS roles; docs/EVENTS.md)


@dataclass
class Event:
    id: str
    type: str
    participants: list[Participant]
    date: str | None
    place: str | None
    provisions: list[str]
    unit: str
    start: int
    end: int
    text: str
    # happened | demanded | threatened | alleged | denied | annulled | planned
    polarity: str = "happened"


@dataclass
class Call:
    unit: str
    stance: str
    addressees: list[str]
    action: str | None
    targets: list[str]
    text: str
    start: int
    end: int


@dataclass
class Extraction:
    persons: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    legal_provisions: list[Provision] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    extractors: dict[str, str] = field(default_factory=dict)  # kind → 'persons.v1'
