"""rightsmonitor: monitor human-rights cases from the documents that describe them."""

__version__ = "0.5.0"
__all__ = ["__version__"]
