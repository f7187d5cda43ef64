"""L2 exports: documents and reports written in the formats the field uses."""

from rightsmonitor.export.brief import render_brief

__all__ = ["render_brief"]
