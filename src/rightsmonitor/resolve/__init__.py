"""L1 pure resolution: name keys, matching with explanations, clustering with judgments."""

from rightsmonitor.resolve.cluster import (
    Candidate,
    Clustering,
    Record,
    cluster,
    cluster_by_names,
    extend,
    name_keys,
    organisation_keys,
)
from rightsmonitor.resolve.keys import name_parts, skeleton
from rightsmonitor.resolve.match import AUTO, REVIEW, Verdict, compare

__all__ = [
    "AUTO",
    "REVIEW",
    "Candidate",
    "Clustering",
    "Record",
    "Verdict",
    "cluster",
    "cluster_by_names",
    "compare",
    "extend",
    "name_keys",
    "name_parts",
    "organisation_keys",
    "skeleton",
]
