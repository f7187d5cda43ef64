"""``python -m rightsmonitor``."""

from rightsmonitor.cli.main import main

__all__ = ["main"]

if __name__ == "__main__":
    main()
