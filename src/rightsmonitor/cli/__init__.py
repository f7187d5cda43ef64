"""L4 entry point: the command line."""

from rightsmonitor.cli.main import cli, main

__all__ = ["cli", "main"]
